//! The demangling logic of the `cpp-demangle` Python package, in plain Rust.
//!
//! Nothing here knows about Python: the PyO3 binding in `src/python` only
//! converts arguments and errors. The public surface is [`demangle`], its
//! [`Options`] and its [`Error`].
//!
//! ```
//! use demangler::{demangle, Options};
//!
//! let text = demangle(b"_ZN7mangled3fooEd", &Options::default()).unwrap();
//! assert_eq!(text, "mangled::foo(double)");
//! ```

mod error;
mod itanium;
mod options;

pub use error::{describe_failure, Error};
pub use options::Options;

/// Demangle one linker symbol.
///
/// `symbol` is the raw bytes of the name as a linker or `nm` shows it.
/// Anything that is not a whole, well-formed mangled name is an [`Error`];
/// this never panics, whatever the input.
pub fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    if symbol.is_empty() {
        return Err(Error::Empty);
    }
    itanium::demangle(symbol, options)
}
