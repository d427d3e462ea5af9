//! Enough stack for the recursion the demangling may do, on any thread.
//!
//! The C++ parser and printer recurse once per level of nesting, using up
//! to a few kilobytes of stack a level; a deep symbol on a thread with a small
//! stack (a Python thread on macOS, a worker with a set stack size) would
//! overflow it and abort the process. The recursion limit is clamped, and
//! the stack it needs is made sure of: where the current thread has less
//! left, the work runs on a stack segment of its own.

/// Stack reserved per level of recursion allowed, with a wide margin: the
/// deepest names GNU accepts (1018 nested pointers, 253 nested templates)
/// demangle within it on 64 KiB threads in debug builds and 256 KiB Python
/// threads in release builds (see the tests).
const STACK_PER_LEVEL: usize = if cfg!(debug_assertions) {
    16 * 1024
} else {
    6 * 1024
};
/// Stack for everything else: the caller, the printer's frame, rustc-demangle.
const STACK_BASE: usize = 256 * 1024;
/// The highest recursion limit a caller may ask for, and the default.
pub(crate) const MAX_RECURSION: u32 = 4096;
/// The recursion limit of a first attempt, whose stack (6.25 MiB in a
/// release build) an 8 MiB main thread and the pool's threads have.
pub(crate) const FIRST_ATTEMPT_RECURSION: u32 = 1024;

/// The stack that demangling with `limit` may use.
pub(crate) fn stack_needed(limit: u32) -> usize {
    STACK_BASE + limit.min(MAX_RECURSION) as usize * STACK_PER_LEVEL
}

/// Run `f`, which recurses at most `limit` levels, with enough stack.
pub(crate) fn with_stack<R>(limit: u32, f: impl FnOnce() -> R) -> R {
    let needed = stack_needed(limit);
    stacker::maybe_grow(needed, needed, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_on_a_thread_with_a_tiny_stack() {
        let depth = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(|| with_stack(MAX_RECURSION, || stacker::remaining_stack().unwrap_or(0)))
            .unwrap()
            .join()
            .unwrap();
        assert!(depth >= stack_needed(MAX_RECURSION) - 4096, "{depth}");
    }
}
