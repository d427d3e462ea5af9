//! One guard for every scheme's demangler, which the dispatcher calls for
//! each attempt at a name (`dispatch::guarded`): enough stack for the
//! attempt's recursion limit on any thread, and any panic turned into
//! [`Error::Internal`].

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::error::Error;
use crate::options::Options;
use crate::stack;

/// Run `demangle` under the guard with the recursion limit `limit`, which
/// the options it gets carry: on a stack segment of its own where the
/// thread's stack is too small for that limit.
pub(crate) fn attempt<T>(
    options: &Options,
    limit: u32,
    demangle: impl Fn(&Options) -> Result<T, Error>,
) -> Result<T, Error> {
    // Nothing here is supposed to panic, but the input may come from
    // anywhere: a panic becomes an error instead of unwinding further.
    catch_unwind(AssertUnwindSafe(|| {
        stack::with_stack(limit, || {
            demangle(&Options {
                recursion_limit: limit,
                ..*options
            })
        })
    }))
    .unwrap_or(Err(Error::Internal))
}

/// The guard of a reader whose nesting is bounded by a constant (the
/// one-pass C++ reader, `gnu::fast`), which the dispatcher calls before the
/// full guard: it needs no stack of its own, nor a retry, and leaves a name
/// too deep for the recursion limit to the guarded reader; a panic in it
/// gives `None` (that reader then reads the name).
pub(crate) fn bounded<T>(read: impl FnOnce() -> Option<T>) -> Option<T> {
    catch_unwind(AssertUnwindSafe(read)).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_bounded_reader_leaves_the_name_to_the_guarded_one() {
        assert_eq!(bounded::<u8>(|| panic!("a bug")), None);
        assert_eq!(bounded(|| Some(1)), Some(1));
    }

    #[test]
    fn a_panic_is_an_internal_error() {
        let result: Result<String, _> = attempt(&Options::default(), 64, |_| panic!("a bug"));
        assert_eq!(result, Err(Error::Internal));
    }

    #[test]
    fn the_attempt_has_its_limit() {
        let result = attempt(&Options::default(), 77, |o| Ok(o.recursion_limit));
        assert_eq!(result, Ok(77));
    }
}
