//! Many symbols, or a large text, at once: across all cores with rayon,
//! results in input order. Small inputs stay on the calling thread, where
//! starting the pool would cost more than it saves.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};

use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::stack::{stack_needed, with_stack, FIRST_ATTEMPT_RECURSION, MAX_RECURSION};
use crate::{demangle, demangle_text, is_name_byte, parse, Error, Options, Symbol};

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

/// Below this many bytes a text is done on the calling thread; above, it is
/// cut into pieces of about this size.
const TEXT_PIECE: usize = 64 * 1024;

/// Symbols per chunk of a [`Batch`]. Fewer symbols than this are done on
/// the calling thread, where starting the pool would cost more than it saves.
const SYMBOLS_PER_CHUNK: usize = 1024;

/// Many symbols in one buffer, one after another: one allocation for all
/// of them, where a `Vec` each would cost an allocation a symbol.
#[derive(Default)]
struct Symbols {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Symbols {
    fn with_capacity(count: usize, bytes: usize) -> Self {
        Symbols {
            bytes: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(count),
        }
    }

    fn push(&mut self, symbol: &[u8]) {
        self.bytes.extend_from_slice(symbol);
        self.ends.push(self.bytes.len());
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let symbol = &self.bytes[start..end];
            start = end;
            symbol
        })
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

/// A chunk of symbols on its way: demangled by whichever thread claims it
/// first, a thread of the pool or the one that wants its results.
struct Slot {
    symbols: Symbols,
    options: Options,
    claimed: AtomicBool,
    done: Mutex<Option<Chunk>>,
    ready: Condvar,
}

impl Slot {
    fn new(symbols: Symbols, options: Options) -> Self {
        Slot {
            symbols,
            options,
            claimed: AtomicBool::new(false),
            done: Mutex::new(None),
            ready: Condvar::new(),
        }
    }

    /// True for the one caller that gets to demangle this chunk.
    fn claim(&self) -> bool {
        !self.claimed.swap(true, Ordering::AcqRel)
    }

    fn demangle(&self) -> Chunk {
        let mut done = Chunk {
            text: String::with_capacity(self.symbols.bytes.len() * 2),
            results: Vec::with_capacity(self.symbols.len()),
        };
        for symbol in self.symbols.iter() {
            done.push(demangle(symbol, &self.options));
        }
        done
    }

    /// On a thread of the pool: demangle the chunk unless it is claimed.
    fn run(&self) {
        if self.claim() {
            let chunk = self.demangle();
            *self.done.lock().unwrap_or_else(PoisonError::into_inner) = Some(chunk);
            self.ready.notify_one();
        }
    }

    /// The results: demangled here if no thread of the pool has started
    /// on them, else waited for.
    fn take(&self) -> Chunk {
        if self.claim() {
            // One stack check for the chunk, not one a symbol.
            return with_stack(FIRST_ATTEMPT_RECURSION, || self.demangle());
        }
        let mut done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(chunk) = done.take() {
                return chunk;
            }
            done = self
                .ready
                .wait(done)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// [`demangle`] of many symbols, on the pool while they are still being
/// handed in, results handed back chunk by chunk in input order.
///
/// Each full chunk goes to the pool as soon as it is pushed, so the pool
/// demangles while the caller is still converting the rest of its input;
/// the caller then takes the results in order (turning them into Python
/// strings, say) while the pool works on later chunks, and demangles
/// itself any chunk that no thread of the pool has started on. Fewer
/// symbols than a chunk never touch the pool.
pub struct Batch {
    options: Options,
    filling: Symbols,
    slots: VecDeque<Arc<Slot>>,
    parallel: bool,
}

impl Batch {
    pub fn new(options: Options) -> Self {
        Batch {
            options,
            filling: Symbols::default(),
            slots: VecDeque::new(),
            parallel: false,
        }
    }

    /// Add a symbol after the ones pushed before.
    pub fn push(&mut self, symbol: &[u8]) {
        if self.filling.ends.capacity() == 0 {
            self.filling = Symbols::with_capacity(SYMBOLS_PER_CHUNK, SYMBOLS_PER_CHUNK * 64);
        }
        self.filling.push(symbol);
        if self.filling.len() == SYMBOLS_PER_CHUNK {
            // From the first full chunk on, every chunk goes to the pool.
            self.parallel = true;
            self.submit();
        }
    }

    fn submit(&mut self) {
        let slot = Arc::new(Slot::new(std::mem::take(&mut self.filling), self.options));
        if let Some(pool) = pool().filter(|_| self.parallel) {
            let task = Arc::clone(&slot);
            pool.spawn(move || task.run());
        }
        self.slots.push_back(slot);
    }

    /// The results of the next chunk of symbols in input order, waiting
    /// for them if need be; `None` once every symbol pushed is done.
    pub fn next_chunk(&mut self) -> Option<Chunk> {
        if self.filling.len() > 0 {
            self.submit();
        }
        Some(self.slots.pop_front()?.take())
    }
}

impl Drop for Batch {
    /// The pool skips the chunks nobody will take.
    fn drop(&mut self) {
        for slot in &self.slots {
            slot.claim();
        }
    }
}

/// Symbols per piece of a [`demangle_column`] call that runs on the pool.
const COLUMN_PIECE: usize = 4096;

/// Texts laid end to end in one buffer, as a column store keeps strings:
/// the `i`-th is `bytes[ends[i - 1]..ends[i]]` (from 0 for the first).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Column {
    pub bytes: Vec<u8>,
    pub ends: Vec<usize>,
}

impl Column {
    fn with_capacity(count: usize, bytes: usize) -> Self {
        Column {
            bytes: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(count),
        }
    }

    /// The demangled text of `symbol`, or `symbol` itself where it does not
    /// demangle (an empty symbol, a null in a column, stays empty).
    fn push_demangled(&mut self, symbol: &[u8], options: &Options) {
        if !crate::dispatch::read_into(symbol, options, &mut self.bytes) {
            self.bytes.extend_from_slice(symbol);
        }
        self.ends.push(self.bytes.len());
    }

    /// The `i`-th text.
    pub fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }

    /// The texts in the order of `indices`; a row whose `keep` is false
    /// (a null) gets an empty text.
    pub fn gather(&self, indices: &[usize], keep: Option<&[bool]>) -> Column {
        let kept = |row: usize| keep.is_none_or(|keep| keep[row]);
        let bytes = (0..indices.len())
            .filter(|&row| kept(row))
            .map(|row| self.get(indices[row]).len())
            .sum();
        let mut out = Column::with_capacity(indices.len(), bytes);
        for (row, &i) in indices.iter().enumerate() {
            if kept(row) {
                out.bytes.extend_from_slice(self.get(i));
            }
            out.ends.push(out.bytes.len());
        }
        out
    }

    fn append(&mut self, piece: Column) {
        let base = self.bytes.len();
        self.bytes.extend_from_slice(&piece.bytes);
        self.ends.extend(piece.ends.iter().map(|end| base + end));
    }
}

/// [`demangle`] of every symbol of a column, on all cores, into one
/// buffer: what `demangle_many` gives, without a string a symbol. A symbol
/// that does not demangle is copied as it is, as c++filt echoes it.
///
/// A column that repeats its symbols (the frames of a profile, the
/// functions of crash reports) has each distinct symbol demangled once:
/// whether it does is judged on a sample of rows spread over it.
pub fn demangle_column(symbols: &[&[u8]], options: &Options) -> Column {
    match distinct_symbols(symbols) {
        Some((distinct, indices)) => demangle_each(&distinct, options).gather(&indices, None),
        None => demangle_each(symbols, options),
    }
}

/// Rows sampled to judge whether a column repeats its symbols.
const REPEAT_SAMPLE: usize = 4096;

/// The distinct symbols of a column and each row's index among them, where
/// the column has at most three quarters as many distinct symbols as rows
/// (below that, the hashing costs more than the demangling it saves);
/// `None` otherwise. The number of distinct symbols is estimated from the
/// repeats in a sample of rows spread over the column (of `d` equally
/// frequent symbols, `s` rows repeat about `s * s / 2d` times).
fn distinct_symbols<'s>(symbols: &[&'s [u8]]) -> Option<(Vec<&'s [u8]>, Vec<usize>)> {
    if symbols.len() < 4 * REPEAT_SAMPLE {
        return None;
    }
    // One row from each of REPEAT_SAMPLE equal stretches, at a scrambled
    // place in it (so that no regular pattern of the column lines up).
    let step = symbols.len() / REPEAT_SAMPLE;
    let sampled = REPEAT_SAMPLE;
    let sample: HashSet<&[u8]> = (0..sampled)
        .map(|i| symbols[i * step + (mix(i as u64) % step as u64) as usize])
        .collect();
    let repeats = sampled - sample.len();
    let estimate = sampled * sampled / (2 * repeats.max(1));
    if repeats == 0 || estimate * 4 > symbols.len() * 3 {
        return None;
    }
    let mut index: HashMap<&[u8], usize> = HashMap::with_capacity(estimate.min(symbols.len()));
    let mut distinct = Vec::new();
    let rows = symbols
        .iter()
        .map(|&symbol| {
            *index.entry(symbol).or_insert_with(|| {
                distinct.push(symbol);
                distinct.len() - 1
            })
        })
        .collect();
    Some((distinct, rows))
}

/// SplitMix64's finalizer: a well-spread 64-bit value of `x`.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// [`demangle`] of every symbol, on all cores, into one column.
fn demangle_each(symbols: &[&[u8]], options: &Options) -> Column {
    let demangle_piece = |piece: &[&[u8]]| {
        // Demangled C++ names are about one and a half times as long.
        let bytes = piece.iter().map(|s| s.len()).sum::<usize>();
        let bytes = bytes + bytes / 2;
        let mut column = Column::with_capacity(piece.len(), bytes);
        for symbol in piece {
            column.push_demangled(symbol, options);
        }
        column
    };
    let Some(pool) = pool().filter(|_| symbols.len() > COLUMN_PIECE) else {
        return with_stack(FIRST_ATTEMPT_RECURSION, || demangle_piece(symbols));
    };
    // The pool's threads and this one take pieces in turn until none is
    // left: this thread works too, rather than waiting for the pool.
    let slices: Vec<&[&[u8]]> = symbols.chunks(COLUMN_PIECE).collect();
    let done: Vec<OnceLock<Column>> = slices.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(piece) = slices.get(i) else { break };
        let _ = done[i].set(demangle_piece(piece));
    };
    pool.in_place_scope(|scope| {
        for _ in 0..pool.current_num_threads() {
            scope.spawn(|_| work());
        }
        with_stack(FIRST_ATTEMPT_RECURSION, work);
    });
    let pieces: Vec<Column> = done
        .into_iter()
        .map(|piece| piece.into_inner().unwrap_or_default())
        .collect();
    let bytes = pieces.iter().map(|p| p.bytes.len()).sum();
    let mut column = Column::with_capacity(symbols.len(), bytes);
    for piece in pieces {
        column.append(piece);
    }
    column
}

/// [`parse`] of every symbol, on all cores, in input order.
pub fn parse_many(symbols: &[&[u8]], options: &Options) -> Vec<Result<Symbol, Error>> {
    let mut all = Vec::with_capacity(symbols.len());
    parse_in_order(symbols, options, |piece| all.extend(piece));
    all
}

/// [`parse`] of every symbol on the pool, handed to `each` piece by piece
/// in input order on the calling thread, as soon as each piece is done: the
/// caller turns one piece into its own objects (Python's) while the pool
/// parses the next.
pub fn parse_in_order(
    symbols: &[&[u8]],
    options: &Options,
    mut each: impl FnMut(Vec<Result<Symbol, Error>>),
) {
    let parse_piece = |piece: &[&[u8]]| -> Vec<Result<Symbol, Error>> {
        piece.iter().map(|symbol| parse(symbol, options)).collect()
    };
    let Some(pool) = pool().filter(|_| symbols.len() > COLUMN_PIECE) else {
        return each(with_stack(FIRST_ATTEMPT_RECURSION, || parse_piece(symbols)));
    };
    let (done, arrived) = std::sync::mpsc::channel();
    pool.in_place_scope(|scope| {
        for (index, piece) in symbols.chunks(COLUMN_PIECE).enumerate() {
            let done = done.clone();
            scope.spawn(move |_| {
                let _ = done.send((index, parse_piece(piece)));
            });
        }
        drop(done);
        // Pieces finish out of order: each waits for those before it.
        let mut early = std::collections::BTreeMap::new();
        let mut next = 0;
        for (index, piece) in arrived {
            early.insert(index, piece);
            while let Some(piece) = early.remove(&next) {
                each(piece);
                next += 1;
            }
        }
    });
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
        // Cut after the first byte that cannot be part of a name.
        let cut = rest[TEXT_PIECE..]
            .iter()
            .position(|&b| !is_name_byte(b))
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

    fn demangle_many<S: AsRef<[u8]>>(symbols: &[S]) -> Vec<Result<String, Error>> {
        let mut batch = Batch::new(Options::default());
        for symbol in symbols {
            batch.push(symbol.as_ref());
        }
        let mut all = Vec::new();
        while let Some(chunk) = batch.next_chunk() {
            all.extend(chunk.iter().map(|r| r.map(str::to_string)));
        }
        assert!(batch.next_chunk().is_none());
        all
    }

    #[test]
    fn failures_stay_in_their_place() {
        let mixed = demangle_many(&[&b"_Z3foov"[..], b"main"]);
        assert_eq!(mixed, vec![Ok("foo()".to_string()), Err(Error::NotMangled)]);
    }

    #[test]
    fn results_come_in_input_order() {
        for n in [0, 7, SYMBOLS_PER_CHUNK, SYMBOLS_PER_CHUNK + 1, 20_001] {
            let symbols: Vec<String> = (0..n)
                .map(|i| format!("_Z{}f{}v", 1 + i.to_string().len(), i))
                .collect();
            let all = demangle_many(&symbols);
            assert_eq!(all.len(), n);
            assert!(all
                .iter()
                .enumerate()
                .all(|(i, r)| r.as_deref() == Ok(&*format!("f{i}()"))));
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

    #[test]
    fn a_column_that_repeats_its_symbols_gives_the_same() {
        let symbols: Vec<Vec<u8>> = (0..40_000)
            .map(|i| match (i * 7919) % 500 {
                n if n % 5 == 0 => format!("not mangled {n}").into_bytes(),
                n => format!("_Z{}f{}v", 1 + n.to_string().len(), n).into_bytes(),
            })
            .collect();
        let slices: Vec<&[u8]> = symbols.iter().map(Vec::as_slice).collect();
        assert!(distinct_symbols(&slices).is_some_and(|(d, _)| d.len() == 500));
        let column = demangle_column(&slices, &Options::default());
        for (i, symbol) in slices.iter().enumerate() {
            let want = demangle(symbol, &Options::default()).map(String::into_bytes);
            assert_eq!(column.get(i), want.as_deref().unwrap_or(symbol));
        }
        // Distinct symbols are not hashed.
        let distinct: Vec<Vec<u8>> = (0..40_000)
            .map(|i| format!("_Z1fi{i}").into_bytes())
            .collect();
        let slices: Vec<&[u8]> = distinct.iter().map(Vec::as_slice).collect();
        assert!(distinct_symbols(&slices).is_none());
    }

    #[test]
    fn a_column_holds_what_demangle_many_gives_and_keeps_the_rest() {
        for n in [0, 3, COLUMN_PIECE + 5, 3 * COLUMN_PIECE] {
            let symbols: Vec<Vec<u8>> = (0..n)
                .map(|i| match i % 3 {
                    0 => format!("_Z{}f{}v", 1 + i.to_string().len(), i).into_bytes(),
                    1 => format!("not mangled {i}").into_bytes(),
                    _ => Vec::new(),
                })
                .collect();
            let slices: Vec<&[u8]> = symbols.iter().map(Vec::as_slice).collect();
            let column = demangle_column(&slices, &Options::default());
            let expected = demangle_many(&symbols);
            assert_eq!(column.ends.len(), n);
            let mut start = 0;
            for ((end, want), symbol) in column.ends.iter().zip(expected).zip(&symbols) {
                let got = &column.bytes[start..*end];
                match want {
                    Ok(text) => assert_eq!(got, text.as_bytes()),
                    Err(_) => assert_eq!(got, symbol.as_slice()),
                }
                start = *end;
            }
            assert_eq!(start, column.bytes.len());
        }
    }
}
