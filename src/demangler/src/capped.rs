//! An output buffer with a size cap, for printers written to a `fmt::Write`
//! (rustc-demangle's).

use std::fmt;

/// A `String` that refuses to grow past `limit` bytes: a write that would
/// cross it fails, which stops the printer that is writing, and sets
/// `overflowed` so the caller can tell that failure from others.
pub(crate) struct CappedString {
    pub(crate) out: String,
    limit: usize,
    pub(crate) overflowed: bool,
}

impl CappedString {
    pub(crate) fn new(capacity: usize, limit: usize) -> Self {
        CappedString {
            out: String::with_capacity(capacity.min(limit)),
            limit,
            overflowed: false,
        }
    }
}

impl fmt::Write for CappedString {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.out.len() + s.len() > self.limit {
            self.overflowed = true;
            return Err(fmt::Error);
        }
        self.out.push_str(s);
        Ok(())
    }
}
