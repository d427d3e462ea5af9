//! Many symbols, or a large text, at once: across all cores with rayon,
//! results in input order. Small inputs stay on the calling thread, where
//! starting the pool would cost more than it saves.

use std::sync::OnceLock;

use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::stack::{stack_needed, MAX_RECURSION};
use crate::{demangle, demangle_text, is_symbol_byte, Error, Options};

/// The pool's threads have stacks deep enough for any recursion limit, so
/// no task ever needs a stack segment of its own. (Its size follows
/// `RAYON_NUM_THREADS`, like rayon's global pool.)
fn pool() -> Option<&'static ThreadPool> {
    static POOL: OnceLock<Option<ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        ThreadPoolBuilder::new()
            .stack_size(stack_needed(MAX_RECURSION) + (1 << 20))
            .thread_name(|i| format!("cpp-demangle-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// Below this many symbols the work is done on the calling thread.
const PARALLEL_MIN_SYMBOLS: usize = 512;
/// Symbols per task handed to the pool.
const SYMBOLS_PER_TASK: usize = 256;
/// Below this many bytes a text is done on the calling thread; above, it is
/// cut into pieces of about this size.
const TEXT_PIECE: usize = 64 * 1024;

/// [`demangle`] each symbol, in parallel when there are many.
pub fn demangle_many<S: AsRef<[u8]> + Sync>(symbols: &[S], options: &Options) -> Vec<Result<String, Error>> {
    let serial = || symbols.iter().map(|s| demangle(s.as_ref(), options)).collect();
    match pool() {
        Some(pool) if symbols.len() >= PARALLEL_MIN_SYMBOLS => pool.install(|| {
            symbols
                .par_iter()
                .with_min_len(SYMBOLS_PER_TASK)
                .map(|s| demangle(s.as_ref(), options))
                .collect()
        }),
        _ => serial(),
    }
}

/// [`demangle_text`] of a possibly large text, in parallel pieces cut
/// between symbols, appended to `out` in order.
pub fn demangle_text_parallel(text: &[u8], options: &Options, out: &mut Vec<u8>) {
    let Some(pool) = pool().filter(|_| text.len() >= 2 * TEXT_PIECE) else {
        return demangle_text(text, options, out);
    };
    let mut pieces = Vec::with_capacity(text.len() / TEXT_PIECE + 1);
    let mut rest = text;
    while rest.len() > TEXT_PIECE {
        // Cut after the first byte that cannot be part of a symbol.
        let cut = rest[TEXT_PIECE..]
            .iter()
            .position(|&b| !is_symbol_byte(b))
            .map_or(rest.len(), |p| TEXT_PIECE + p + 1);
        let (piece, tail) = rest.split_at(cut);
        pieces.push(piece);
        rest = tail;
    }
    if !rest.is_empty() {
        pieces.push(rest);
    }
    let done: Vec<Vec<u8>> = pool.install(|| {
        pieces
            .par_iter()
            .map(|piece| {
                let mut buf = Vec::with_capacity(piece.len() + piece.len() / 2);
                demangle_text(piece, options, &mut buf);
                buf
            })
            .collect()
    });
    out.reserve(done.iter().map(Vec::len).sum());
    for buf in done {
        out.extend_from_slice(&buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_symbols_keep_their_order_in_parallel_and_not() {
        for n in [3, 5000] {
            let symbols: Vec<String> = (0..n).map(|i| format!("_Z{}f{}v", 1 + i.to_string().len(), i)).collect();
            let results = demangle_many(&symbols, &Options::default());
            assert_eq!(results.len(), n);
            for (i, r) in results.iter().enumerate() {
                assert_eq!(r.as_deref().unwrap(), format!("f{i}()"));
            }
        }
        let mixed = demangle_many(&[&b"_Z3foov"[..], b"main"], &Options::default());
        assert_eq!(mixed, vec![Ok("foo()".to_string()), Err(Error::NotMangled)]);
    }

    #[test]
    fn large_texts_come_out_as_a_serial_pass_would() {
        let line = b"0000000000001234 T _ZN3foo3barEv and _Z3bazi@plt\n";
        let text: Vec<u8> = line.iter().copied().cycle().take(line.len() * 10_000).collect();
        let mut serial = Vec::new();
        demangle_text(&text, &Options::default(), &mut serial);
        let mut parallel = Vec::new();
        demangle_text_parallel(&text, &Options::default(), &mut parallel);
        assert_eq!(parallel, serial);
        assert!(serial.starts_with(b"0000000000001234 T foo::bar() and baz(int)@plt\n"));
    }
}
