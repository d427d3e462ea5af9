//! A column of symbols demangled into one buffer of texts, as a column
//! store keeps strings: every phase on all the call's threads, the
//! calling thread's share limited to handing out pieces and adding up
//! their sizes.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

use foldhash::fast::FixedState;

use super::workers::{on_pieces, piece_size, serial};
use crate::options::Options;

/// Texts laid end to end in one buffer: the `i`-th is
/// `bytes[ends[i - 1]..ends[i]]` (from 0 for the first).
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
        let given = crate::dispatch::Given::Bytes(symbol);
        if crate::dispatch::read_into(given, options, &mut self.bytes).is_err() {
            self.bytes.extend_from_slice(symbol);
        }
        self.ends.push(self.bytes.len());
    }

    /// The `i`-th text.
    pub fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }

    /// The texts in the order of `indices`, on the threads `options` gives;
    /// a row whose `keep` is false (a null) gets an empty text.
    pub fn gather(&self, indices: &[usize], keep: Option<&[bool]>, options: &Options) -> Column {
        let threads = super::workers::threads(options);
        let kept = |row: usize| keep.is_none_or(|keep| keep[row]);
        let text = |row: usize| {
            if kept(row) {
                self.get(indices[row])
            } else {
                &[]
            }
        };
        build(indices.len(), threads, &text)
    }
}

/// Rows a piece of work holds, at most and at least.
const MAX_PIECE: usize = 4096;
const MIN_PIECE: usize = 256;

/// The column of `rows` texts, `text(row)` each: their sizes added up and
/// their bytes copied in place on `threads` threads.
fn build<'t>(rows: usize, threads: usize, text: &(dyn Fn(usize) -> &'t [u8] + Sync)) -> Column {
    let size = piece_size(rows, threads, MIN_PIECE, MAX_PIECE);
    let firsts: Vec<usize> = (0..rows).step_by(size).collect();
    // Each piece's rows and bytes.
    let sizes: Vec<(usize, usize)> = on_pieces(threads, &firsts, &|&first| {
        let end = (first + size).min(rows);
        (end - first, (first..end).map(|row| text(row).len()).sum())
    });
    fill_in_pieces(&sizes, threads, &|piece, share| {
        let mut at = 0;
        for (row, end) in (firsts[piece]..).zip(share.ends.iter_mut()) {
            let text = text(row);
            share.bytes[at..at + text.len()].copy_from_slice(text);
            at += text.len();
            *end = share.base + at;
        }
    })
}

/// One piece's share of a column being filled: where its bytes start in
/// the column, its bytes and its rows' ends.
struct Share<'c> {
    base: usize,
    bytes: &'c mut [u8],
    ends: &'c mut [usize],
}

/// A column of pieces of `sizes` (rows, bytes) each, filled by `fill` of
/// each piece's share on `threads` threads. Zeroed first: fresh pages,
/// which the threads fault in as they write.
fn fill_in_pieces(
    sizes: &[(usize, usize)],
    threads: usize,
    fill: &(dyn Fn(usize, Share<'_>) + Sync),
) -> Column {
    let mut column = Column {
        bytes: vec![0; sizes.iter().map(|s| s.1).sum()],
        ends: vec![0; sizes.iter().map(|s| s.0).sum()],
    };
    let mut shares = Vec::with_capacity(sizes.len());
    let (mut bytes, mut ends) = (&mut column.bytes[..], &mut column.ends[..]);
    let mut base = 0;
    for &(rows, size) in sizes {
        let (piece_bytes, rest) = std::mem::take(&mut bytes).split_at_mut(size);
        let (piece_ends, rest_ends) = std::mem::take(&mut ends).split_at_mut(rows);
        shares.push(Mutex::new(Some(Share {
            base,
            bytes: piece_bytes,
            ends: piece_ends,
        })));
        (bytes, ends) = (rest, rest_ends);
        base += size;
    }
    let pieces: Vec<usize> = (0..sizes.len()).collect();
    on_pieces(threads, &pieces, &|&piece| {
        if let Some(share) = shares[piece].lock().ok().and_then(|mut s| s.take()) {
            fill(piece, share);
        }
    });
    drop(shares);
    column
}

/// [`crate::demangle`] of every symbol of a column, on the threads
/// `options` gives, into one buffer: what `demangle_many` gives, without a
/// string a symbol. A symbol that does not demangle is copied as it is, as
/// c++filt echoes it.
///
/// A column that repeats its symbols (the frames of a profile, the
/// functions of crash reports) has each distinct symbol demangled once:
/// whether it does is judged on a sample of rows spread over it.
pub fn demangle_column(symbols: &[&[u8]], options: &Options) -> Column {
    let threads = super::workers::threads(options);
    if !serial(|| repeats_enough(symbols)) {
        return demangle_each(symbols, options, threads);
    }
    let (distinct, rows) = distinct_symbols(symbols, threads);
    let texts = demangle_each(&distinct, options, threads);
    build(symbols.len(), threads, &|row| {
        texts.get(rows[row].load(Ordering::Relaxed) as usize)
    })
}

/// [`crate::demangle`] of each symbol, on `threads` threads, into one column.
fn demangle_each(symbols: &[&[u8]], options: &Options, threads: usize) -> Column {
    // On one thread, one piece: no copy into one column after.
    let size = if threads <= 1 {
        symbols.len().max(1)
    } else {
        piece_size(symbols.len(), threads, MIN_PIECE, MAX_PIECE)
    };
    let pieces: Vec<&[&[u8]]> = symbols.chunks(size).collect();
    let done: Vec<Column> = on_pieces(threads, &pieces, &|piece| {
        // Demangled C++ names are about twice as long.
        let bytes = piece.iter().map(|s| s.len()).sum::<usize>();
        let mut column = Column::with_capacity(piece.len(), 2 * bytes);
        for symbol in *piece {
            column.push_demangled(symbol, options);
        }
        column
    });
    concat(done, threads)
}

/// The pieces' columns as one, their bytes copied in place on `threads`
/// threads.
fn concat(pieces: Vec<Column>, threads: usize) -> Column {
    if pieces.len() == 1 {
        return pieces.into_iter().next().unwrap_or_default();
    }
    let sizes: Vec<(usize, usize)> = pieces
        .iter()
        .map(|p| (p.ends.len(), p.bytes.len()))
        .collect();
    fill_in_pieces(&sizes, threads, &|piece, share| {
        let piece = &pieces[piece];
        share.bytes.copy_from_slice(&piece.bytes);
        for (to, end) in share.ends.iter_mut().zip(&piece.ends) {
            *to = share.base + end;
        }
    })
}

/// Rows sampled to judge whether a column repeats its symbols.
const REPEAT_SAMPLE: usize = 4096;

/// Whether the column has at most three quarters as many distinct symbols
/// as rows (below that, the hashing costs more than the demangling it
/// saves), as estimated from the repeats in a sample of rows spread over
/// it: of `d` equally frequent symbols, `s` rows repeat about `s * s / 2d`
/// times.
fn repeats_enough(symbols: &[&[u8]]) -> bool {
    if symbols.len() < 4 * REPEAT_SAMPLE || symbols.len() > u32::MAX as usize {
        return false;
    }
    // One row from each of REPEAT_SAMPLE equal stretches, at a scrambled
    // place in it (so that no regular pattern of the column lines up).
    let step = symbols.len() / REPEAT_SAMPLE;
    let sample: HashSet<&[u8], FixedState> = (0..REPEAT_SAMPLE)
        .map(|i| symbols[i * step + (mix(i as u64) % step as u64) as usize])
        .collect();
    let repeats = REPEAT_SAMPLE - sample.len();
    let estimate = REPEAT_SAMPLE * REPEAT_SAMPLE / (2 * repeats.max(1));
    repeats > 0 && estimate * 4 <= symbols.len() * 3
}

/// SplitMix64's finalizer: a well-spread 64-bit value of `x`.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The distinct symbols of a column and each row's index among them, on
/// `threads` threads: the rows are first sorted by a hash of their symbol
/// into shards, a piece of rows at a time; then each shard numbers its
/// distinct symbols on its own; last, each row gets its shard's first
/// number plus its own.
fn distinct_symbols<'s>(symbols: &[&'s [u8]], threads: usize) -> (Vec<&'s [u8]>, Vec<AtomicU32>) {
    let shards = (threads * 4).next_power_of_two().min(256);
    let hasher = FixedState::default();
    let shard_of = |symbol: &[u8]| {
        use std::hash::BuildHasher;
        (hasher.hash_one(symbol) >> 32) as usize & (shards - 1)
    };
    let size = piece_size(symbols.len(), threads, MIN_PIECE, MAX_PIECE);
    let pieces: Vec<(usize, &[&[u8]])> = symbols
        .chunks(size)
        .enumerate()
        .map(|(i, piece)| (i * size, piece))
        .collect();
    // Each piece's rows, shard by shard.
    let sorted: Vec<Vec<Vec<u32>>> = on_pieces(threads, &pieces, &|&(first, piece)| {
        let mut by_shard = vec![Vec::new(); shards];
        for (row, symbol) in (first..).zip(piece.iter()) {
            by_shard[shard_of(symbol)].push(row as u32);
        }
        by_shard
    });
    // Each shard's distinct symbols, and each of its rows' number among them.
    let shard_ids: Vec<usize> = (0..shards).collect();
    let numbered: Vec<(Vec<&'s [u8]>, Vec<u32>)> = on_pieces(threads, &shard_ids, &|&shard| {
        let mut index: HashMap<&[u8], u32, FixedState> = HashMap::default();
        let mut distinct = Vec::new();
        let mut ids = Vec::new();
        for piece in &sorted {
            for &row in &piece[shard] {
                let symbol = symbols[row as usize];
                ids.push(*index.entry(symbol).or_insert_with(|| {
                    distinct.push(symbol);
                    distinct.len() as u32 - 1
                }));
            }
        }
        (distinct, ids)
    });
    let firsts: Vec<u32> = numbered
        .iter()
        .scan(0u32, |next, (distinct, _)| {
            let first = *next;
            *next += distinct.len() as u32;
            Some(first)
        })
        .collect();
    let rows: Vec<AtomicU32> = (0..symbols.len()).map(|_| AtomicU32::new(0)).collect();
    on_pieces(threads, &shard_ids, &|&shard| {
        let mut ids = numbered[shard].1.iter();
        for piece in &sorted {
            for (&row, &id) in piece[shard].iter().zip(ids.by_ref()) {
                rows[row as usize].store(firsts[shard] + id, Ordering::Relaxed);
            }
        }
    });
    let distinct = serial(|| numbered.into_iter().flat_map(|(d, _)| d).collect());
    (distinct, rows)
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroUsize;

    use super::*;
    use crate::demangle;

    /// One, two and all threads.
    fn thread_counts() -> Vec<Options> {
        [1, 2, 0]
            .into_iter()
            .map(|n| Options {
                threads: NonZeroUsize::new(n),
                ..Options::default()
            })
            .collect()
    }

    /// What the column should hold: each symbol demangled, or itself.
    fn expected(symbols: &[&[u8]]) -> Vec<Vec<u8>> {
        symbols
            .iter()
            .map(|s| demangle(s, &Options::default()).map_or(s.to_vec(), String::into_bytes))
            .collect()
    }

    fn rows(column: &Column) -> Vec<Vec<u8>> {
        (0..column.ends.len())
            .map(|i| column.get(i).to_vec())
            .collect()
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
        assert!(repeats_enough(&slices));
        for threads in [1, 2, 5] {
            let (distinct, ids) = distinct_symbols(&slices, threads);
            assert_eq!(distinct.len(), 500);
            for (row, id) in ids.iter().enumerate() {
                assert_eq!(distinct[id.load(Ordering::Relaxed) as usize], slices[row]);
            }
        }
        for options in thread_counts() {
            assert_eq!(rows(&demangle_column(&slices, &options)), expected(&slices));
        }
        // Distinct symbols are not hashed.
        let distinct: Vec<Vec<u8>> = (0..40_000)
            .map(|i| format!("_Z1fi{i}").into_bytes())
            .collect();
        let slices: Vec<&[u8]> = distinct.iter().map(Vec::as_slice).collect();
        assert!(!repeats_enough(&slices));
    }

    #[test]
    fn a_column_holds_what_demangle_gives_and_keeps_the_rest() {
        for options in thread_counts() {
            for n in [0, 3, MAX_PIECE + 5, 3 * MAX_PIECE] {
                let symbols: Vec<Vec<u8>> = (0..n)
                    .map(|i| match i % 3 {
                        0 => format!("_Z{}f{}v", 1 + i.to_string().len(), i).into_bytes(),
                        1 => format!("not mangled {i}").into_bytes(),
                        _ => Vec::new(),
                    })
                    .collect();
                let slices: Vec<&[u8]> = symbols.iter().map(Vec::as_slice).collect();
                let column = demangle_column(&slices, &options);
                assert_eq!(rows(&column), expected(&slices));
                assert_eq!(column.ends.last().copied().unwrap_or(0), column.bytes.len());
            }
        }
    }

    #[test]
    fn gather_puts_rows_in_the_order_asked_and_nulls_empty() {
        let symbols: [&[u8]; 3] = [b"_Z1fv", b"main", b"_Z1gi"];
        for options in thread_counts() {
            let texts = demangle_column(&symbols, &options);
            let indices: Vec<usize> = (0..10_000).map(|i| (i * 7) % 3).collect();
            let keep: Vec<bool> = (0..10_000).map(|i| i % 11 != 0).collect();
            let gathered = texts.gather(&indices, Some(&keep), &options);
            for (row, &i) in indices.iter().enumerate() {
                let want: &[u8] = if keep[row] { texts.get(i) } else { b"" };
                assert_eq!(gathered.get(row), want);
            }
        }
    }
}
