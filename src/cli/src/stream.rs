//! Standard input to standard output as c++filt filters it: every run of
//! symbol characters is demangled if it can be, every other byte is kept;
//! each read is written out and flushed before the next, so a live log
//! shows its lines as they come, in constant memory.

use std::io::{self, Read, Write};

use demangler::{
    complete_names_len, complete_prefix_len, demangle_argument, demangle_text, is_symbol_byte,
    text_pieces_in_order, Options,
};

/// c++filt reads a run of symbol characters into a 32,767-byte buffer: a
/// run reaching 32,766 bytes is cut there and demangled (or echoed) as it
/// is, and the byte after it is echoed without being read as a symbol.
pub const RUN_MAX: usize = 32766;

/// How much is read at a time.
const READ_SIZE: usize = 1 << 18;

/// Why filtering stopped early.
pub enum Stop {
    /// Writing failed (a full disk, a closed pipe or descriptor).
    Write(io::Error),
    /// Reading failed.
    Read(io::Error),
    /// The caller's `interrupted` said to stop (a signal).
    Interrupted,
}

/// Demangle `text`, which ends where a run may end (or is the last of the
/// input), by c++filt's rule, overlong runs included, and write it: on one
/// thread into `out` first; on more in parallel pieces, each written as
/// soon as it is done and those before it are written.
fn write_complete(
    text: &[u8],
    options: &Options,
    out: &mut Vec<u8>,
    output: &mut dyn Write,
) -> Result<(), Stop> {
    if options.threads.is_some_and(|n| n.get() > 1) {
        let mut failed = None;
        text_pieces_in_order(
            text,
            options,
            &|piece, out| filter_piece(piece, options, out),
            |done| {
                if failed.is_none() {
                    failed = output.write_all(done).err();
                }
            },
        );
        if let Some(error) = failed {
            return Err(Stop::Write(error));
        }
    } else {
        out.clear();
        filter_piece(text, options, out);
        output.write_all(out).map_err(Stop::Write)?;
    }
    output.flush().map_err(Stop::Write)
}

/// [`write_complete`] of a piece that no run crosses, on this thread.
fn filter_piece(text: &[u8], options: &Options, out: &mut Vec<u8>) {
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        if !is_symbol_byte(text[i]) {
            i += 1;
            continue;
        }
        let run = text[i..]
            .iter()
            .position(|&b| !is_symbol_byte(b))
            .unwrap_or(text.len() - i);
        if run < RUN_MAX {
            i += run;
            continue;
        }
        demangle_text(&text[start..i], options, out);
        let token = &text[i..i + RUN_MAX];
        match demangle_argument(token, options) {
            Ok(name) => out.extend_from_slice(name.as_bytes()),
            Err(_) => out.extend_from_slice(token),
        }
        // The byte that did not fit is echoed; a new run starts after it.
        i += RUN_MAX;
        if i < text.len() {
            out.push(text[i]);
            i += 1;
        }
        start = i;
    }
    demangle_text(&text[start..], options, out);
}

/// What has been read and not yet written: the part that can be done now
/// is done, the rest (a name that may go on in the next read) kept.
struct Pending<'o> {
    data: Vec<u8>,
    out: Vec<u8>,
    options: &'o Options,
}

impl<'o> Pending<'o> {
    fn new(options: &'o Options) -> Self {
        Pending {
            data: Vec::with_capacity(READ_SIZE + RUN_MAX),
            out: Vec::with_capacity(READ_SIZE * 2),
            options,
        }
    }

    /// Demangle and write what can be done now.
    fn write_ready(&mut self, output: &mut dyn Write) -> Result<(), Stop> {
        let data = &self.data;
        // What can be done now: up to where no name can go on (a
        // Microsoft name has `?` and `@` in it).
        let symbols_ready = complete_prefix_len(data);
        let mut ready = complete_names_len(data);
        if data.len() - symbols_ready > RUN_MAX {
            // A run at the end that is already too long for c++filt's
            // buffer is cut now, as often as it is that long: each piece
            // is RUN_MAX bytes and the byte after them. (Cutting one piece
            // a read left the rest to be moved and scanned again at every
            // read: quadratic on a long run.)
            let pieces = (data.len() - symbols_ready) / (RUN_MAX + 1);
            ready = symbols_ready + pieces * (RUN_MAX + 1);
        } else if data.len() - ready > RUN_MAX {
            // No Microsoft name is that long: c++filt's rule alone.
            ready = symbols_ready;
        }
        write_complete(&data[..ready], self.options, &mut self.out, output)?;
        self.data.drain(..ready);
        Ok(())
    }

    /// The input has ended: demangle and write the rest.
    fn write_rest(&mut self, output: &mut dyn Write) -> Result<(), Stop> {
        write_complete(&self.data, self.options, &mut self.out, output)?;
        self.data.clear();
        Ok(())
    }
}

/// Filter `input` into `output`. `interrupted` is asked whenever a read is
/// interrupted by a signal (and, with more than one thread, while waiting
/// for input).
///
/// On one thread (the default, as c++filt), each read is demangled and
/// written before the next. On more ([`Options::threads`], `--jobs`), a
/// thread of its own reads while the others demangle: whatever has arrived
/// when they are free is demangled at once, in parallel pieces, so a
/// flood of input is done on every thread while a line that comes alone
/// is still written as soon as it is read.
pub fn filter(
    mut input: Box<dyn Read + Send>,
    output: &mut dyn Write,
    options: &Options,
    interrupted: &dyn Fn() -> bool,
) -> Result<(), Stop> {
    let mut pending = Pending::new(options);
    if options.threads.is_some_and(|n| n.get() > 1) {
        return filter_read_ahead(input, output, &mut pending, interrupted);
    }
    let mut buf = vec![0u8; READ_SIZE];
    loop {
        let n = match input.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                if interrupted() {
                    return Err(Stop::Interrupted);
                }
                continue;
            }
            Err(e) => return Err(Stop::Read(e)),
        };
        if n == 0 {
            return pending.write_rest(output);
        }
        pending.data.extend_from_slice(&buf[..n]);
        pending.write_ready(output)?;
    }
}

/// Reads on their way from the reading thread, at most (4 MiB): ahead of
/// the threads by a batch or two, and few enough that the buffers they
/// give back are read into again.
const READS_AHEAD: usize = 16;

/// [`filter`] with the input read on a thread of its own. That thread is
/// left behind if the output fails first, blocked in its read until it
/// returns (an input that never ends cannot be joined).
fn filter_read_ahead(
    mut input: Box<dyn Read + Send>,
    output: &mut dyn Write,
    pending: &mut Pending<'_>,
    interrupted: &dyn Fn() -> bool,
) -> Result<(), Stop> {
    let (send, reads) = std::sync::mpsc::sync_channel::<io::Result<Vec<u8>>>(READS_AHEAD);
    // The buffers read into come back once their bytes are taken, so that
    // reading touches no new memory (a fresh buffer each read faulted in
    // every page of the input: a tenth of the time on two threads).
    let (give_back, returned) = std::sync::mpsc::channel::<Vec<u8>>();
    // Done at once at most: sixteen pieces of 64 KiB a thread that runs
    // (no more than the CPUs, as a bulk call runs), so that the memory
    // stays bounded and the threads busy.
    let threads = pending
        .options
        .threads
        .map_or(1, |n| n.get().min(demangler::all_threads()));
    let batch = threads * 16 * 64 * 1024;
    std::thread::Builder::new()
        .name("cpp-demangle-read".into())
        .spawn(move || loop {
            let mut buf = returned.try_recv().unwrap_or_default();
            buf.resize(READ_SIZE, 0);
            let read = match input.read(&mut buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Ok(n) => {
                    buf.truncate(n);
                    Ok(buf)
                }
                Err(e) => Err(e),
            };
            let last = !matches!(&read, Ok(buf) if !buf.is_empty());
            if send.send(read).is_err() || last {
                return;
            }
        })
        .map_err(Stop::Read)?;
    loop {
        // Wait for a read, asking now and then whether to stop.
        let first = loop {
            match reads.recv_timeout(std::time::Duration::from_millis(100)) {
                Ok(read) => break read,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    if interrupted() {
                        return Err(Stop::Interrupted);
                    }
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                    return pending.write_rest(output)
                }
            }
        };
        // Then everything else that has arrived, done as one.
        let mut ended = false;
        let mut taken = 0;
        for read in std::iter::once(first).chain(std::iter::from_fn(|| reads.try_recv().ok())) {
            let read = read.map_err(Stop::Read)?;
            ended = read.is_empty();
            pending.data.extend_from_slice(&read);
            taken += read.len();
            // The reading thread may have ended: then the buffer is freed.
            let _ = give_back.send(read);
            if ended || taken >= batch {
                break;
            }
        }
        pending.write_ready(output)?;
        if ended {
            return pending.write_rest(output);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[u8], read_size: usize) -> Vec<u8> {
        /// The input, at most `size` bytes a read.
        #[derive(Clone)]
        struct Trickle {
            input: Vec<u8>,
            size: usize,
            at: usize,
        }
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let rest = &self.input[self.at..];
                let n = rest.len().min(self.size).min(buf.len());
                buf[..n].copy_from_slice(&rest[..n]);
                self.at += n;
                Ok(n)
            }
        }
        let mut out = Vec::new();
        let serial = Options {
            threads: std::num::NonZeroUsize::new(1),
            ..Options::default()
        };
        let input = Trickle {
            input: input.to_vec(),
            size: read_size,
            at: 0,
        };
        assert!(filter(Box::new(input.clone()), &mut out, &serial, &|| false).is_ok());
        // On more threads, the same bytes.
        for threads in [2, 3] {
            let options = Options {
                threads: std::num::NonZeroUsize::new(threads),
                ..Options::default()
            };
            let mut parallel = Vec::new();
            assert!(filter(Box::new(input.clone()), &mut parallel, &options, &|| false).is_ok());
            assert_eq!(parallel, out, "{threads} threads");
        }
        out
    }

    #[test]
    fn symbols_cut_by_reads_are_joined() {
        let input = b"at _ZN3foo3barEv+0x1\n_Z1fv";
        for size in [1, 2, 3, 7, 1000] {
            assert_eq!(run(input, size), b"at foo::bar()+0x1\nf()", "{size}");
        }
    }

    #[test]
    fn a_flood_of_lines_comes_out_the_same_on_every_thread_count() {
        // Megabytes at once: cut into parallel pieces where more than one
        // thread reads ahead.
        let line = b"0000000000001234 T _ZN3foo3barEv and ?x@@3HA and _Z3bazi@plt\n";
        let input: Vec<u8> = line.repeat(8_000);
        let want = b"0000000000001234 T foo::bar() and int x and baz(int)@plt\n".repeat(8_000);
        for size in [4096, 65536, READ_SIZE] {
            assert!(run(&input, size) == want, "{size}");
        }
    }

    #[test]
    fn a_run_many_times_too_long_is_cut_into_pieces() {
        // Three pieces and a tail, read in pieces of every size.
        let mut input = vec![b'a'; 3 * (RUN_MAX + 1) + 5];
        input.extend_from_slice(b" _Z1fv");
        let mut want = vec![b'a'; 3 * (RUN_MAX + 1) + 5];
        want.extend_from_slice(b" f()");
        for size in [1000, RUN_MAX + 1, READ_SIZE, 1 << 20] {
            assert_eq!(run(&input, size), want, "{size}");
        }
    }

    #[test]
    fn an_overlong_run_is_cut_as_cxxfilt_cuts_it() {
        // 32,766 bytes, then one echoed, then a new run: `_Z1fv` demangles.
        let mut input = vec![b'a'; RUN_MAX];
        input.push(b'_');
        input.extend_from_slice(b"_Z1fv");
        let mut want = vec![b'a'; RUN_MAX];
        want.extend_from_slice(b"_f()");
        for size in [1000, READ_SIZE] {
            assert_eq!(run(&input, size), want);
        }
    }
}
