//! Many symbols, or a large text, at once: on the threads the options give
//! (all by default), results in input order. Small inputs stay on the
//! calling thread, where handing out work would cost more than it saves.
//!
//! Every bulk call works the same way ([`workers`]): the calling thread
//! and the pool's threads take pieces from one counter; results come back
//! to the calling thread in order, which turns each into its own objects
//! (Python's) while the others work on later pieces.

mod column;
mod workers;

use std::sync::Mutex;

pub use column::{demangle_column, Column};
pub use workers::{all_threads, serial, take_serial_time};

use workers::{in_order, on_pieces, piece_size, threads};

use crate::dispatch::{read, read_into, Given};
use crate::error::Error;
use crate::options::Options;
use crate::outcome::Read;
use crate::symbol::Symbol;
use crate::text::{demangle_text, is_name_byte};

/// Below this many bytes a text is done on the calling thread; above, it is
/// cut into pieces of about this size.
const TEXT_PIECE: usize = 64 * 1024;

/// Symbols a piece of [`demangle_in_order`] and [`parse_in_order`] holds, at
/// most and at least.
const MAX_PIECE: usize = 1024;
const MIN_PIECE: usize = 64;

/// The results of a piece of symbols: the texts in one buffer, so that the
/// thread that takes them frees one allocation, not one a symbol (freeing
/// across threads is what costs in bulk).
#[derive(Default)]
pub struct Chunk {
    text: String,
    results: Vec<Result<usize, Error>>,
}

impl Chunk {
    fn of(symbols: &[Given], options: &Options) -> Chunk {
        let bytes: usize = symbols.iter().map(|s| s.bytes().len()).sum();
        let mut chunk = Chunk {
            text: String::with_capacity(bytes * 2),
            results: Vec::with_capacity(symbols.len()),
        };
        for symbol in symbols {
            // Written into the chunk's text, with no `String` a symbol
            // where the one-pass reader takes it.
            let result = read_into(*symbol, options, &mut chunk.text).map(|()| chunk.text.len());
            chunk.results.push(result);
        }
        chunk
    }

    /// The results in input order: the demangled text or why not.
    pub fn iter(&self) -> impl Iterator<Item = Result<&str, Error>> + '_ {
        let mut start = 0;
        self.results.iter().map(move |r| {
            r.map(|end| {
                let text = &self.text[start..end];
                start = end;
                text
            })
        })
    }
}

/// [`crate::demangle`] of every symbol on the threads `options` gives, handed to
/// `each` piece by piece in input order on the calling thread, as soon as
/// each piece is done (`each` is timed as [`serial`] work). A symbol given
/// as text ([`Given::Text`]) is not checked for UTF-8 again, as
/// [`crate::demangle_str`].
pub fn demangle_in_order(symbols: &[Given], options: &Options, each: impl FnMut(Chunk)) {
    let threads = threads(options);
    let size = piece_size(symbols.len(), threads, MIN_PIECE, MAX_PIECE);
    let pieces: Vec<&[Given]> = symbols.chunks(size).collect();
    in_order(&pieces, threads, &|piece| Chunk::of(piece, options), each);
}

/// [`crate::parse`] of every symbol, in input order.
pub fn parse_many(symbols: &[&[u8]], options: &Options) -> Vec<Result<Symbol, Error>> {
    let mut all = Vec::with_capacity(symbols.len());
    parse_in_order(symbols, options, &|result| result, |piece| {
        all.extend(piece)
    });
    all
}

/// [`crate::parse`] of every symbol on the threads `options` gives, each
/// result made into what the caller keeps by `finish` on those threads,
/// handed to `each` piece by piece in input order on the calling thread, as
/// soon as each piece is done (`each` is timed as [`serial`] work): what
/// `finish` does is not the calling thread's.
pub fn parse_in_order<T: Send>(
    symbols: &[&[u8]],
    options: &Options,
    finish: &(dyn Fn(Result<Symbol, Error>) -> T + Sync),
    each: impl FnMut(Vec<T>),
) {
    let threads = threads(options);
    let size = piece_size(symbols.len(), threads, MIN_PIECE, MAX_PIECE);
    let pieces: Vec<&[&[u8]]> = symbols.chunks(size).collect();
    let work = |piece: &&[&[u8]]| {
        piece
            .iter()
            .map(|s| finish(read::<Read>(s, options).map(Read::into_symbol)))
            .collect()
    };
    in_order(&pieces, threads, &work, each);
}

/// [`demangle_text`] of a possibly large text, on the threads `options`
/// gives, in pieces cut between symbols, appended to `out` in order.
pub fn demangle_text_parallel(text: &[u8], options: &Options, out: &mut Vec<u8>) {
    text_in_pieces(text, options, out, &|piece, out| {
        demangle_text(piece, options, out)
    });
}

/// `each_piece` of a possibly large text on the threads `options` gives:
/// the text cut into pieces after bytes that cannot be part of any name
/// (so that no name, and no run of c++filt's symbol characters, is cut),
/// each piece's output appended to `out` in order. A text below two pieces
/// (64 KiB each), or one thread, is `each_piece` of the whole on the
/// calling thread. [`demangle_text_parallel`] is this with
/// [`demangle_text`]; the command adds c++filt's rule for overlong runs.
fn text_in_pieces(
    text: &[u8],
    options: &Options,
    out: &mut Vec<u8>,
    each_piece: &(dyn Fn(&[u8], &mut Vec<u8>) + Sync),
) {
    let threads = threads(options);
    if threads <= 1 || text.len() < 2 * TEXT_PIECE {
        return each_piece(text, out);
    }
    let pieces = serial(|| cut_between_names(text, threads));
    let done: Vec<Vec<u8>> = on_pieces(threads, &pieces, &|piece| {
        let mut buf = Vec::with_capacity(piece.len() + piece.len() / 2);
        each_piece(piece, &mut buf);
        buf
    });
    // Copied into `out` in place, on the threads too.
    let total: usize = done.iter().map(Vec::len).sum();
    let start = out.len();
    serial(|| {
        if out.is_empty() {
            // Fresh zeroed pages, which the threads fault in as they write
            // (zeroing what `out` had reserved would be serial work).
            *out = vec![0; total];
        } else {
            out.resize(start + total, 0);
        }
    });
    let mut jobs = Vec::with_capacity(done.len());
    let mut rest = &mut out[start..];
    for piece in &done {
        let (into, tail) = std::mem::take(&mut rest).split_at_mut(piece.len());
        jobs.push(Mutex::new(Some((into, piece))));
        rest = tail;
    }
    on_pieces(threads, &jobs, &|job| {
        if let Some((into, piece)) = job.lock().ok().and_then(|mut j| j.take()) {
            into.copy_from_slice(piece);
        }
    });
}

/// `each_piece` of a possibly large text on the threads `options` gives,
/// cut as [`demangle_text_parallel`] cuts it, each piece's output handed to
/// `emit` on the calling thread in order as soon as it is done, rather than
/// joined: a stream writes one piece while the other threads work on the
/// next.
pub fn text_pieces_in_order(
    text: &[u8],
    options: &Options,
    each_piece: &(dyn Fn(&[u8], &mut Vec<u8>) + Sync),
    mut emit: impl FnMut(&[u8]),
) {
    let threads = threads(options);
    let pieces = if threads <= 1 || text.len() < 2 * TEXT_PIECE {
        vec![text]
    } else {
        serial(|| cut_between_names(text, threads))
    };
    let work = |piece: &&[u8]| {
        // Below glibc's threshold for a mapping of its own.
        let mut buf = Vec::with_capacity(piece.len() + piece.len() / 2);
        each_piece(piece, &mut buf);
        buf
    };
    in_order(&pieces, threads, &work, |buf| emit(&buf));
}

/// `text` cut after ASCII bytes that cannot be part of any name, into
/// pieces of about eight a thread (16 to 64 KiB). Never inside a UTF-8
/// character: each piece of a UTF-8 text, and its output, is UTF-8.
fn cut_between_names(text: &[u8], threads: usize) -> Vec<&[u8]> {
    let piece = (text.len() / (threads * 8)).clamp(TEXT_PIECE / 4, TEXT_PIECE);
    let mut pieces = Vec::with_capacity(text.len() / piece + 1);
    let mut rest = text;
    while rest.len() > piece {
        let cut = rest[piece..]
            .iter()
            .position(|&b| b.is_ascii() && !is_name_byte(b))
            .map_or(rest.len(), |p| piece + p + 1);
        let (head, tail) = rest.split_at(cut);
        pieces.push(head);
        rest = tail;
    }
    if !rest.is_empty() {
        pieces.push(rest);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every thread count a test tries: one, two, and all.
    fn thread_counts() -> Vec<Options> {
        [Some(1), Some(2), None]
            .into_iter()
            .map(|n| Options {
                threads: n.and_then(std::num::NonZeroUsize::new),
                ..Options::default()
            })
            .collect()
    }

    fn demangle_many_with<S: AsRef<[u8]>>(
        symbols: &[S],
        options: &Options,
    ) -> Vec<Result<String, Error>> {
        let given: Vec<Given> = symbols.iter().map(|s| Given::Bytes(s.as_ref())).collect();
        let mut all = Vec::new();
        demangle_in_order(&given, options, |chunk| {
            all.extend(chunk.iter().map(|r| r.map(str::to_string)))
        });
        all
    }

    fn demangle_many<S: AsRef<[u8]>>(symbols: &[S]) -> Vec<Result<String, Error>> {
        demangle_many_with(symbols, &Options::default())
    }

    #[test]
    fn failures_stay_in_their_place() {
        let mixed = demangle_many(&[&b"_Z3foov"[..], b"main"]);
        assert_eq!(mixed, vec![Ok("foo()".to_string()), Err(Error::NotMangled)]);
    }

    #[test]
    fn results_come_in_input_order() {
        for options in thread_counts() {
            for n in [0, 7, MAX_PIECE, MAX_PIECE + 1, 20_001] {
                let symbols: Vec<String> = (0..n)
                    .map(|i| format!("_Z{}f{}v", 1 + i.to_string().len(), i))
                    .collect();
                let all = demangle_many_with(&symbols, &options);
                assert_eq!(all.len(), n);
                assert!(all
                    .iter()
                    .enumerate()
                    .all(|(i, r)| r.as_deref() == Ok(&*format!("f{i}()"))));
                let slices: Vec<&[u8]> = symbols.iter().map(|s| s.as_bytes()).collect();
                let parsed = parse_many(&slices, &options);
                assert!(parsed
                    .iter()
                    .enumerate()
                    .all(|(i, r)| r.as_ref().map(|s| &*s.text) == Ok(&*format!("f{i}()"))));
            }
        }
    }

    #[test]
    fn large_texts_come_out_as_a_serial_pass_would() {
        let line = b"0000000000001234 T _ZN3foo3barEv and _Z3bazi@plt\n";
        let text: Vec<u8> = line
            .iter()
            .copied()
            .cycle()
            .take(line.len() * 10_000)
            .collect();
        let mut serial = Vec::new();
        demangle_text(&text, &Options::default(), &mut serial);
        for options in thread_counts() {
            let mut parallel = Vec::new();
            demangle_text_parallel(&text, &options, &mut parallel);
            assert_eq!(parallel, serial);
            // Appended after what `out` holds.
            let mut after = b"before ".to_vec();
            demangle_text_parallel(&text, &options, &mut after);
            assert_eq!(after[7..], serial);
        }
        assert!(serial.starts_with(b"0000000000001234 T foo::bar() and baz(int)@plt\n"));
    }

    #[test]
    fn pieces_of_utf8_text_are_utf8() {
        // Non-ASCII bytes are never name bytes, but a cut after one would
        // split its character.
        let text = "é _Z1fv ".repeat(40_000);
        let options = Options {
            threads: std::num::NonZeroUsize::new(2),
            ..Options::default()
        };
        let mut pieces = 0;
        text_pieces_in_order(
            text.as_bytes(),
            &options,
            &|piece, out| demangle_text(piece, &options, out),
            |done| {
                pieces += 1;
                assert!(std::str::from_utf8(done).is_ok());
            },
        );
        assert!(pieces > 1);
    }
}
