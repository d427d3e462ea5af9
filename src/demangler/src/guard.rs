//! One guard for every scheme's demangler, which the dispatcher
//! (`demangle_token`) calls once a name: enough stack for the recursion
//! limit on any thread, the limit clamped, a first attempt within the
//! thread's own stack and a second with the full limit only for a name that
//! needs it, and any panic turned into [`Error::Internal`].

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::stack;
use crate::{Error, Options};

/// Run `demangle` under the guard; it gets the options with the recursion
/// limit of the attempt.
pub(crate) fn guarded<T>(
    options: &Options,
    demangle: impl Fn(&Options) -> Result<T, Error>,
) -> Result<T, Error> {
    // Most names need little recursion: the first attempt runs with a limit
    // the thread's own stack covers; only a name that needs more is tried
    // again with the full limit, on a stack segment of its own if need be.
    let limit = options.recursion();
    let first = limit.min(stack::FIRST_ATTEMPT_RECURSION);
    let attempt = |limit: u32| {
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
    };
    match attempt(first) {
        Err(Error::TooDeep) if limit > first => attempt(limit),
        result => result,
    }
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
        let result: Result<String, _> = guarded(&Options::default(), |_| panic!("a bug"));
        assert_eq!(result, Err(Error::Internal));
    }

    #[test]
    fn too_deep_at_first_is_tried_again_with_the_full_limit() {
        let seen = std::cell::RefCell::new(Vec::new());
        let result = guarded(&Options::default(), |o| {
            seen.borrow_mut().push(o.recursion_limit);
            if o.recursion_limit < Options::DEFAULT_RECURSION_LIMIT {
                Err(Error::TooDeep)
            } else {
                Ok(String::from("deep"))
            }
        });
        assert_eq!(result.as_deref(), Ok("deep"));
        assert_eq!(
            *seen.borrow(),
            [
                stack::FIRST_ATTEMPT_RECURSION,
                Options::DEFAULT_RECURSION_LIMIT
            ]
        );
    }
}
