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
mod dlang;
mod error;
mod gnat;
mod gnu;
mod guard;
mod itanium;
mod msvc;
mod options;
mod rust;
mod stack;
mod text;

pub use bulk::{demangle_column, demangle_text_parallel, Batch, Chunk, Column};
pub use error::{describe_failure, Error};
pub use options::{Format, OptionError, Options, Style};
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
    match demangle_versioned(symbol, options) {
        Err(Error::NotMangled) if is_macos_spelling(symbol, options) => {
            let strip = Options {
                strip_underscore: true,
                ..*options
            };
            demangle_versioned(symbol, &strip).map_err(|_| Error::NotMangled)
        }
        result => result,
    }
}

/// Whether `symbol` may be a C++ or Rust name with the extra leading
/// underscore of Mach-O (`__Z`, `___Z` for blocks aside, `__R`).
fn is_macos_spelling(symbol: &[u8], options: &Options) -> bool {
    !options.strip_underscore
        && options.style == Style::CxxFilt
        && (symbol.starts_with(b"__Z") || symbol.starts_with(b"__R"))
}

/// [`demangle`] by c++filt's rule alone: the name, then any version suffix.
fn demangle_versioned(symbol: &[u8], options: &Options) -> Result<String, Error> {
    if symbol.is_empty() {
        return Err(Error::Empty);
    }
    if options.style == Style::LibStdCxx || msvc_claims(symbol, options) {
        // `__cxa_demangle` takes no symbol version suffix; a Microsoft name
        // has `@` throughout.
        return demangle_token(symbol, options);
    }
    let (name, suffix) = match memchr::memchr(b'@', symbol) {
        Some(at) if at > 0 => symbol.split_at(at),
        _ => (symbol, &b""[..]),
    };
    let mut out = demangle_token(name, options)?;
    if !suffix.is_empty() {
        out.push_str(std::str::from_utf8(suffix).map_err(|_| Error::Malformed)?);
    }
    Ok(out)
}

/// Demangle one command-line argument as c++filt does: the whole argument
/// is one name (no symbol version suffix). Fails like [`demangle`].
pub fn demangle_argument(argument: &[u8], options: &Options) -> Result<String, Error> {
    if argument.is_empty() {
        return Err(Error::Empty);
    }
    demangle_token(argument, options)
}

/// Demangle one run of symbol characters as c++filt's `demangle_it` does
/// with one argument: a leading `.` is kept and a leading `$` dropped before
/// the name, then libiberty's `cplus_demangle` tries the schemes of the
/// format in its order: Rust, then C++, then D; all under the one guard.
/// (In the libstdc++ style, C++ alone, as `__cxa_demangle` does.)
pub(crate) fn demangle_token(token: &[u8], options: &Options) -> Result<String, Error> {
    if options.style == Style::LibStdCxx {
        return guard::guarded(options, |options| itanium::demangle(token, options));
    }
    if msvc_claims(token, options) {
        return guard::guarded(options, |options| msvc::demangle(token, options));
    }
    let (lead, mut name) = match token.first() {
        Some(b'.' | b'$') => (token[0], &token[1..]),
        _ => (0, token),
    };
    if options.strip_underscore {
        name = name.strip_prefix(b"_").unwrap_or(name);
    }
    let mut out = guard::guarded(options, |options| demangle_scheme(name, options))?;
    if lead == b'.' {
        out.insert(0, '.');
    }
    Ok(out)
}

/// Whether the Microsoft demangler takes `symbol`: every name in the
/// `msvc` format, a name that starts with `?` in `auto` (no other scheme's
/// does), none in the other formats and in the libstdc++ style.
pub(crate) fn msvc_claims(symbol: &[u8], options: &Options) -> bool {
    options.style == Style::CxxFilt
        && match options.format {
            Format::Msvc => true,
            Format::Auto => msvc::is_msvc_name(symbol),
            _ => false,
        }
}

/// The name demangled by the schemes of the format, in libiberty's
/// `cplus_demangle` order.
fn demangle_scheme(name: &[u8], options: &Options) -> Result<String, Error> {
    Ok(match options.format {
        // libiberty's `cplus_demangle` returns a copy of the name.
        Format::None => std::str::from_utf8(name)
            .map_err(|_| Error::Malformed)?
            .to_owned(),
        Format::Rust => match rust::symbol_len(name) {
            Some(len) => rust::demangle(&name[..len], options)?,
            None => return Err(Error::NotMangled),
        },
        Format::GnuV3 | Format::Java => itanium::demangle(name, options)?,
        Format::Gnat => String::from_utf8(gnat::demangle(name)).map_err(|_| Error::Malformed)?,
        Format::Dlang => dlang::demangle(name, options)?,
        // Taken by `demangle_token` before a leading `.` is set aside.
        Format::Msvc => msvc::demangle(name, options)?,
        // A name that looks Rust but does not parse as Rust is tried as
        // C++, as libiberty does (`_ZN...17h...E` is also a C++ mangling).
        Format::Auto => match rust::symbol_len(name) {
            Some(len) => rust::demangle(&name[..len], options)
                .or_else(|error| itanium::demangle(name, options).map_err(|_| error))?,
            // libiberty's cplus_demangle tries D after C++ (GNU 2.44); no
            // C++ name starts with `_D`, so such a name goes to D at once.
            None if name.starts_with(b"_D") => dlang::demangle(name, options)?,
            None => itanium::demangle(name, options)?,
        },
    })
}
