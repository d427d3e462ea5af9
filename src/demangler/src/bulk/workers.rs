//! The threads of a bulk call: the calling thread and, beside it, threads
//! of one pool, all taking pieces of the work from one counter until none
//! is left. A call on `n` threads runs on exactly `n` (the pool's threads
//! count the calling one), so `threads=1` is one thread and the work
//! spreads evenly however many threads there are.
//!
//! What only the calling thread can do (take its arguments, make its
//! results) is timed, so that benchmarks report the serial time measured
//! rather than inferred ([`serial`], [`take_serial_time`]).

use std::cell::Cell;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::options::Options;
use crate::stack::{stack_needed, with_stack, FIRST_ATTEMPT_RECURSION, MAX_RECURSION};

/// How many threads a bulk call runs on unless told: the CPUs this process
/// may use (its affinity and its cgroup's quota counted), or fewer where
/// `RAYON_NUM_THREADS` is a smaller positive number (as rayon's own pools
/// read it). Never more than the CPUs: more threads than CPUs would only
/// take turns, and the calling thread, which makes the Python objects,
/// would wait for its turn among them.
pub fn all_threads() -> usize {
    static ALL: OnceLock<usize> = OnceLock::new();
    *ALL.get_or_init(|| {
        let cpus = std::thread::available_parallelism().map_or(1, usize::from);
        std::env::var("RAYON_NUM_THREADS")
            .ok()
            .and_then(|n| n.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
            .map_or(cpus, |n| n.min(cpus))
    })
}

/// The threads a call with `options` runs on: [`Options::threads`], at most
/// [`all_threads`].
pub(crate) fn threads(options: &Options) -> usize {
    options
        .threads
        .map_or(all_threads(), |n| n.get().min(all_threads()))
}

/// The pool: one thread fewer than [`all_threads`], the calling thread
/// being the other; none where that is one. Its threads have stacks deep
/// enough for any recursion limit.
fn pool() -> Option<&'static ThreadPool> {
    static POOL: OnceLock<Option<ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        let helpers = all_threads() - 1;
        (helpers > 0)
            .then(|| {
                ThreadPoolBuilder::new()
                    .num_threads(helpers)
                    .stack_size(stack_needed(MAX_RECURSION) + (1 << 20))
                    .thread_name(|i| format!("cpp-demangle-{i}"))
                    .build()
                    .ok()
            })
            .flatten()
    })
    .as_ref()
}

/// Run `helper` on `threads - 1` threads of the pool and `caller` on this
/// one, and return `caller`'s result once every helper is done. A helper
/// that starts late (the pool busy with another call) finds the work done
/// and returns at once. The caller's demangling makes sure of its own
/// stack ([`with_stack`] around each piece), so that its Python objects
/// are made on the thread's own stack.
pub(crate) fn together<R>(
    threads: usize,
    helper: &(dyn Fn() + Sync),
    caller: impl FnOnce() -> R,
) -> R {
    let helpers = threads.saturating_sub(1);
    match pool() {
        Some(pool) if helpers > 0 => pool.in_place_scope(|scope| {
            for _ in 0..helpers.min(pool.current_num_threads()) {
                scope.spawn(|_| helper());
            }
            caller()
        }),
        _ => caller(),
    }
}

/// Pieces `0..count` handed out one at a time, each to one thread.
pub(crate) struct Claims {
    next: AtomicUsize,
    count: usize,
}

impl Claims {
    pub(crate) fn new(count: usize) -> Self {
        Claims {
            next: AtomicUsize::new(0),
            count,
        }
    }

    /// The next piece nobody has taken, if any is left.
    pub(crate) fn claim(&self) -> Option<usize> {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        (i < self.count).then_some(i)
    }
}

/// The results of pieces, put by whichever thread did each and taken, in
/// order, by the calling thread.
pub(crate) struct Done<T> {
    slots: Vec<Mutex<Option<T>>>,
    ready: Condvar,
    /// Pieces put so far; the condition variable's own lock.
    put: Mutex<usize>,
}

impl<T> Done<T> {
    pub(crate) fn new(count: usize) -> Self {
        Done {
            slots: (0..count).map(|_| Mutex::new(None)).collect(),
            ready: Condvar::new(),
            put: Mutex::new(0),
        }
    }

    pub(crate) fn put(&self, i: usize, value: T) {
        *self.slots[i].lock().unwrap_or_else(PoisonError::into_inner) = Some(value);
        *self.put.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        self.ready.notify_all();
    }

    /// Piece `i`'s result if it is done.
    pub(crate) fn try_take(&self, i: usize) -> Option<T> {
        self.slots[i]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    /// Piece `i`'s result, waiting for it.
    pub(crate) fn take(&self, i: usize) -> T {
        let mut put = self.put.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(value) = self.try_take(i) {
                return value;
            }
            put = self.ready.wait(put).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// The piece size for `count` items on `threads` threads: about sixteen
/// pieces a thread, so that threads finish together, within `min..=max`.
pub(crate) fn piece_size(count: usize, threads: usize, min: usize, max: usize) -> usize {
    (count / (threads * 16).max(1)).clamp(min, max)
}

/// `work` of each piece on `threads` threads, handed to `each` on the
/// calling thread in input order as soon as each is done: the caller turns
/// one piece into its own objects (Python's) while the others work on
/// later ones, and works itself when no piece is ready for it. `each` is
/// timed as [`serial`] work.
pub(crate) fn in_order<P: Sync, T: Send>(
    pieces: &[P],
    threads: usize,
    work: &(dyn Fn(&P) -> T + Sync),
    mut each: impl FnMut(T),
) {
    if threads <= 1 || pieces.len() <= 1 {
        for piece in pieces {
            let done = with_stack(FIRST_ATTEMPT_RECURSION, || work(piece));
            serial(|| each(done));
        }
        return;
    }
    let claims = Claims::new(pieces.len());
    // A panic is handed to the calling thread with the piece's result, so
    // that it never waits for a piece that will not come.
    let done = Done::new(pieces.len());
    let work = |i: usize| {
        std::panic::catch_unwind(AssertUnwindSafe(|| {
            with_stack(FIRST_ATTEMPT_RECURSION, || work(&pieces[i]))
        }))
    };
    let helper = || {
        while let Some(i) = claims.claim() {
            done.put(i, work(i));
        }
    };
    together(threads, &helper, || {
        for i in 0..pieces.len() {
            // Work on pieces nobody has taken until piece `i` is done.
            let result = loop {
                if let Some(result) = done.try_take(i) {
                    break result;
                }
                match claims.claim() {
                    Some(j) if j == i => break work(i),
                    Some(j) => done.put(j, work(j)),
                    None => break done.take(i),
                }
            };
            let result = result.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            serial(|| each(result));
        }
    });
}

/// `work` of every item on `threads` threads; the results in order.
pub(crate) fn on_pieces<P: Sync, T: Send>(
    threads: usize,
    items: &[P],
    work: &(dyn Fn(&P) -> T + Sync),
) -> Vec<T> {
    let done: Vec<Mutex<Option<T>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let claims = Claims::new(items.len());
    let run = || {
        while let Some(i) = claims.claim() {
            let result = with_stack(FIRST_ATTEMPT_RECURSION, || work(&items[i]));
            if let Ok(mut slot) = done[i].lock() {
                *slot = Some(result);
            }
        }
    };
    together(threads.min(items.len()), &run, run);
    done.into_iter()
        .filter_map(|slot| slot.into_inner().ok().flatten())
        .collect()
}

thread_local! {
    static SERIAL: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}

/// Run `f`, counting its wall time as the calling thread's serial work:
/// what no other thread can do for it.
pub fn serial<R>(f: impl FnOnce() -> R) -> R {
    let start = Instant::now();
    let result = f();
    SERIAL.set(SERIAL.get() + start.elapsed());
    result
}

/// The serial work this thread has done (see [`serial`]) since the last
/// call, for benchmarks: the part of a bulk call that more threads cannot
/// shorten.
pub fn take_serial_time() -> Duration {
    SERIAL.replace(Duration::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_come_in_order_and_a_panic_reaches_the_caller() {
        let pieces: Vec<usize> = (0..200).collect();
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            in_order(&pieces, threads, &|&i| i * 2, |r| seen.push(r));
            assert_eq!(seen, (0..200).map(|i| i * 2).collect::<Vec<_>>());
            // Not a wait for a piece that never comes.
            let outcome = std::panic::catch_unwind(|| {
                in_order(&pieces, threads, &|&i| assert_ne!(i, 150), |_| {})
            });
            assert!(outcome.is_err());
            assert_eq!(
                on_pieces(threads, &pieces, &|&i| i + 1),
                (1..201).collect::<Vec<_>>()
            );
        }
    }
}
