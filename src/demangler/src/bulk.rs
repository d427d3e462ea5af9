//! Many symbols, or a large text, at once: across all cores with rayon,
//! results in input order. Small inputs stay on the calling thread, where
//! starting the pool would cost more than it saves.

use std::collections::BTreeMap;
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, OnceLock};

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
/// Below this many bytes a text is done on the calling thread; above, it is
/// cut into pieces of about this size.
const TEXT_PIECE: usize = 64 * 1024;

/// Symbols per chunk of [`ChunkedResults`].
const SYMBOLS_PER_CHUNK: usize = 2048;

/// Many symbols in one buffer, one after another: one allocation for all
/// of them, where a `Vec` each would cost an allocation a symbol.
#[derive(Default)]
pub struct Symbols {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Symbols {
    /// Room for `count` symbols of `bytes` bytes in all.
    pub fn with_capacity(count: usize, bytes: usize) -> Self {
        Symbols {
            bytes: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(count),
        }
    }

    pub fn push(&mut self, symbol: &[u8]) {
        self.bytes.extend_from_slice(symbol);
        self.ends.push(self.bytes.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `index`th symbol.
    pub fn get(&self, index: usize) -> &[u8] {
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.bytes[start..self.ends[index]]
    }
}

impl<S: AsRef<[u8]>> FromIterator<S> for Symbols {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut symbols = Symbols::default();
        for symbol in iter {
            symbols.push(symbol.as_ref());
        }
        symbols
    }
}

/// The results of a chunk of symbols: the texts in one buffer, so that the
/// thread that takes them frees one allocation, not one a symbol (freeing
/// across threads is what costs in bulk).
#[derive(Default)]
pub struct Chunk {
    text: String,
    results: Vec<Result<usize, Error>>,
}

impl Chunk {
    fn push(&mut self, result: Result<String, Error>) {
        self.results.push(result.map(|text| {
            self.text.push_str(&text);
            self.text.len()
        }));
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

/// [`demangle`] of many symbols on the pool, handed back chunk by chunk in
/// input order as the chunks are done, so that the caller can use the
/// first results (turn them into Python strings, say) while the pool works
/// on the rest.
pub struct ChunkedResults {
    received: Receiver<(usize, Chunk)>,
    early: BTreeMap<usize, Chunk>,
    next: usize,
    chunks: usize,
}

impl ChunkedResults {
    /// Start demangling `symbols`. Few symbols, or no pool, are done here
    /// and now.
    pub fn new(symbols: Symbols, options: Options) -> Self {
        let (send, received) = channel();
        let chunks = symbols.len().div_ceil(SYMBOLS_PER_CHUNK);
        let symbols = Arc::new(symbols);
        let pool = pool().filter(|_| symbols.len() >= PARALLEL_MIN_SYMBOLS);
        for index in 0..chunks {
            let (symbols, send) = (Arc::clone(&symbols), send.clone());
            let work = move || {
                let start = index * SYMBOLS_PER_CHUNK;
                let end = (start + SYMBOLS_PER_CHUNK).min(symbols.len());
                let mut done = Chunk::default();
                for i in start..end {
                    done.push(demangle(symbols.get(i), &options));
                }
                // The receiver may be gone (the caller stopped): nothing to do.
                let _ = send.send((index, done));
            };
            match pool {
                Some(pool) => pool.spawn(work),
                None => work(),
            }
        }
        ChunkedResults {
            received,
            early: BTreeMap::new(),
            next: 0,
            chunks,
        }
    }

    /// The next chunk of results in input order, waiting for it if need be;
    /// `None` after the last.
    pub fn next_chunk(&mut self) -> Option<Chunk> {
        if self.next == self.chunks {
            return None;
        }
        while !self.early.contains_key(&self.next) {
            let (index, done) = self.received.recv().ok()?;
            self.early.insert(index, done);
        }
        self.next += 1;
        self.early.remove(&(self.next - 1))
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

    fn demangle_many(symbols: &[&[u8]]) -> Vec<Result<String, Error>> {
        let mut results = ChunkedResults::new(symbols.iter().collect(), Options::default());
        let mut all = Vec::new();
        while let Some(chunk) = results.next_chunk() {
            all.extend(chunk.iter().map(|r| r.map(str::to_string)));
        }
        all
    }

    #[test]
    fn failures_stay_in_their_place() {
        let mixed = demangle_many(&[&b"_Z3foov"[..], b"main"]);
        assert_eq!(mixed, vec![Ok("foo()".to_string()), Err(Error::NotMangled)]);
    }

    #[test]
    fn chunked_results_come_in_input_order() {
        for n in [0, 7, 5000, 20_001] {
            let symbols: Symbols = (0..n)
                .map(|i| format!("_Z{}f{}v", 1 + i.to_string().len(), i))
                .collect();
            let mut results = ChunkedResults::new(symbols, Options::default());
            let mut all = Vec::new();
            while let Some(chunk) = results.next_chunk() {
                all.extend(chunk.iter().map(|r| r.map(str::to_string)));
            }
            assert_eq!(all.len(), n);
            assert!(all
                .iter()
                .enumerate()
                .all(|(i, r)| r.as_deref() == Ok(&*format!("f{i}()"))));
            assert!(results.next_chunk().is_none());
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
        let mut parallel = Vec::new();
        demangle_text_parallel(&text, &Options::default(), &mut parallel);
        assert_eq!(parallel, serial);
        assert!(serial.starts_with(b"0000000000001234 T foo::bar() and baz(int)@plt\n"));
    }
}
