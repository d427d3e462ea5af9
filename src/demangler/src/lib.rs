//! The demangling logic of the `cpp-demangle` Python package, in plain Rust.
//!
//! Nothing here knows about Python: the PyO3 binding in `src/python` only
//! converts arguments and errors. The output is meant to be byte-identical to
//! GNU c++filt's.
//!
//! ```
//! use demangler::{demangle, Options};
//!
//! let text = demangle(b"_ZN7mangled3fooEd", &Options::default()).unwrap();
//! assert_eq!(text, "mangled::foo(double)");
//! ```

#![forbid(unsafe_code)]

mod bulk;
mod dispatch;
mod dlang;
mod error;
mod gnat;
mod gnu;
mod guard;
mod msvc;
mod options;
mod outcome;
mod rust;
mod stack;
mod swift;
mod symbol;
mod text;

pub use bulk::{
    all_threads, demangle_column, demangle_in_order, demangle_text_parallel, parse_in_order,
    parse_many, serial, take_serial_time, text_pieces_in_order, Chunk, Column,
};
pub use dispatch::Given;
pub use error::{describe_failure, Error};
pub use options::{Format, OptionError, Options, Style};
pub use swift::is_swift_name;
pub use symbol::{Kind, Language, Parts, Span, Symbol};
pub use text::{
    complete_names_len, complete_prefix_len, demangle_text, is_name_byte, is_symbol_byte,
};

/// Demangle one linker symbol.
///
/// `symbol` is the name as a linker, `nm` or a stack trace shows it, with an
/// optional symbol version or PLT suffix (`@GLIBCXX_3.4`, `@@LLVM_15`,
/// `@plt`), which is printed after the demangled name as c++filt prints it.
/// C++ (Itanium ABI) and Rust (legacy and v0) names are recognised, and so
/// are the same names as macOS spells them, with one more leading
/// underscore (`__ZN3foo3barEv`), which c++filt leaves alone unless given
/// `-_` ([`demangle_text`] and [`demangle_argument`] keep c++filt's rule).
/// Anything else is an [`Error`]; this never panics, whatever the input.
pub fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    dispatch::read_text(dispatch::Given::Bytes(symbol), options)
}

/// [`demangle`] of a symbol that is text already (a `&str`, as a Python
/// `str` gives it): the same result, without checking its UTF-8 again.
///
/// ```
/// use demangler::{demangle_str, Options};
///
/// let text = demangle_str("_ZN7mangled3fooEd@@V1", &Options::default()).unwrap();
/// assert_eq!(text, "mangled::foo(double)@@V1");
/// ```
pub fn demangle_str(symbol: &str, options: &Options) -> Result<String, Error> {
    dispatch::read_text(dispatch::Given::Text(symbol), options)
}

/// [`demangle`], with what the name is and where its parts are in the text
/// (see [`Symbol`]), each found by its scheme's printer as it prints: C++
/// (Itanium and Microsoft) and Rust names have their parts (Rust names are
/// of kind [`Kind::Unknown`]: their manglings do not tell functions from
/// statics); D and GNAT names give the text alone, of kind
/// [`Kind::Unknown`].
///
/// ```
/// use demangler::{parse, Kind, Options};
///
/// let symbol = parse(b"_ZNKSt6vectorIiSaIiEE4sizeEv", &Options::default()).unwrap();
/// assert_eq!(symbol.kind, Kind::Function);
/// assert_eq!(symbol.part(symbol.parts.base_name), "size");
/// assert_eq!(symbol.part(symbol.parts.scope), "std::vector<int, std::allocator<int> >");
/// assert_eq!(symbol.part(symbol.parts.qualifiers), "const");
/// ```
pub fn parse(symbol: &[u8], options: &Options) -> Result<Symbol, Error> {
    dispatch::read(symbol, options).map(outcome::Read::into_symbol)
}

/// Demangle one command-line argument as c++filt does: the whole argument
/// is one name (no symbol version suffix). Fails like [`demangle`].
pub fn demangle_argument(argument: &[u8], options: &Options) -> Result<String, Error> {
    dispatch::read_argument(argument, options)
}
