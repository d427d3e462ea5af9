//! Standard input to standard output as c++filt filters it: every run of
//! symbol characters is demangled if it can be, every other byte is kept;
//! each read is written out and flushed before the next, so a live log
//! shows its lines as they come, in constant memory.

use std::io::{self, Read, Write};

use demangler::{
    complete_names_len, complete_prefix_len, demangle_argument, demangle_text_parallel,
    is_symbol_byte, Options,
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
/// input), into `out` by c++filt's rule, overlong runs included.
pub fn filter_complete(text: &[u8], options: &Options, out: &mut Vec<u8>) {
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
        demangle_text_parallel(&text[start..i], options, out);
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
    demangle_text_parallel(&text[start..], options, out);
}

/// Filter `input` into `output`. `interrupted` is asked whenever a read is
/// interrupted by a signal.
pub fn filter(
    input: &mut dyn Read,
    output: &mut dyn Write,
    options: &Options,
    interrupted: &dyn Fn() -> bool,
) -> Result<(), Stop> {
    let mut data: Vec<u8> = Vec::with_capacity(READ_SIZE + RUN_MAX);
    let mut out = Vec::with_capacity(READ_SIZE * 2);
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
        out.clear();
        if n == 0 {
            filter_complete(&data, options, &mut out);
            output
                .write_all(&out)
                .and_then(|_| output.flush())
                .map_err(Stop::Write)?;
            return Ok(());
        }
        data.extend_from_slice(&buf[..n]);
        // What can be done now: up to where no name can go on (a
        // Microsoft name has `?` and `@` in it).
        let symbols_ready = complete_prefix_len(&data);
        let mut ready = complete_names_len(&data);
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
        filter_complete(&data[..ready], options, &mut out);
        data.drain(..ready);
        output
            .write_all(&out)
            .and_then(|_| output.flush())
            .map_err(Stop::Write)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[u8], read_size: usize) -> Vec<u8> {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut out = Vec::new();
        let result = filter(
            &mut Trickle(input, read_size),
            &mut out,
            &Options::default(),
            &|| false,
        );
        assert!(result.is_ok());
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
