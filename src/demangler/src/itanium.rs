//! Itanium C++ ABI names (`_Z...`), through the `cpp_demangle` crate.

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use cpp_demangle::{BorrowedSymbol, DemangleOptions, DemangleWrite};

use crate::{Error, Options};

/// Whether `symbol` starts the way GNU c++filt requires of a mangled name:
/// `_Z` for an encoding, `_GLOBAL_` plus a separator for the global
/// constructor and destructor functions. (The crate also parses bare types
/// and Apple's `__Z`; c++filt leaves those alone unless asked.)
fn has_mangled_prefix(symbol: &[u8]) -> bool {
    symbol.starts_with(b"_Z") || symbol.starts_with(b"_GLOBAL_")
}

/// A `DemangleWrite` that refuses to grow past a cap, so that a symbol whose
/// back references expand exponentially stops early instead of exhausting
/// memory.
struct CappedWriter {
    out: String,
    limit: usize,
    overflowed: bool,
}

impl DemangleWrite for CappedWriter {
    fn write_string(&mut self, s: &str) -> fmt::Result {
        if self.out.len() + s.len() > self.limit {
            self.overflowed = true;
            return Err(fmt::Error);
        }
        self.out.push_str(s);
        Ok(())
    }
}

pub(crate) fn demangle(symbol: &[u8], options: &Options) -> Result<String, Error> {
    if !has_mangled_prefix(symbol) {
        return Err(Error::NotMangled);
    }
    // The crate is not supposed to panic, but this input may come from
    // anywhere: a panic becomes an error instead of unwinding into Python.
    catch_unwind(AssertUnwindSafe(|| demangle_unguarded(symbol, options)))
        .unwrap_or(Err(Error::Internal))
}

fn demangle_unguarded(symbol: &[u8], options: &Options) -> Result<String, Error> {
    let parsed = BorrowedSymbol::new(symbol)?;
    let mut crate_options = DemangleOptions::new();
    if !options.params {
        crate_options = crate_options.no_params();
    }
    if !options.return_type {
        crate_options = crate_options.no_return_type();
    }
    let mut writer = CappedWriter {
        out: String::with_capacity(symbol.len() * 2),
        limit: options.max_output,
        overflowed: false,
    };
    match parsed.structured_demangle(&mut writer, &crate_options) {
        Ok(()) => Ok(writer.out),
        Err(fmt::Error) if writer.overflowed => Err(Error::OutputTooLong {
            limit: options.max_output,
        }),
        Err(fmt::Error) => Err(Error::Unprintable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(symbol: &str) -> Result<String, Error> {
        demangle(symbol.as_bytes(), &Options::default())
    }

    #[test]
    fn demangles_a_function() {
        assert_eq!(run("_ZN7mangled3fooEd").unwrap(), "mangled::foo(double)");
        assert_eq!(run("_ZN5space3fooEibc").unwrap(), "space::foo(int, bool, char)");
    }

    #[test]
    fn options_drop_params_and_return_types() {
        let no_params = Options { params: false, ..Options::default() };
        assert_eq!(demangle(b"_ZN7mangled3fooEd", &no_params).unwrap(), "mangled::foo");
        let sym = b"_Z1fIiEvT_";
        assert_eq!(demangle(sym, &Options::default()).unwrap(), "void f<int>(int)");
        let no_ret = Options { return_type: false, ..Options::default() };
        assert_eq!(demangle(sym, &no_ret).unwrap(), "f<int>(int)");
    }

    #[test]
    fn only_mangled_prefixes_are_accepted() {
        // The crate itself would print these two as types.
        assert_eq!(run("i"), Err(Error::NotMangled));
        assert_eq!(run("invalid c++ symbol"), Err(Error::NotMangled));
        assert_eq!(run("__Z3foov"), Err(Error::NotMangled));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(run("_Z"), Err(Error::Truncated));
        assert_eq!(run("_ZTV"), Err(Error::Truncated));
        assert_eq!(run("_Z3foov and more"), Err(Error::Malformed));
        assert_eq!(run("_Z1fS5_"), Err(Error::Malformed));
        assert_eq!(run("_Z1fT_"), Err(Error::Unprintable));
    }

    #[test]
    fn output_is_capped() {
        let small = Options { max_output: 64, ..Options::default() };
        assert_eq!(
            demangle(b"_ZN7mangled3fooEd", &Options { max_output: 20, ..Options::default() }).unwrap(),
            "mangled::foo(double)"
        );
        assert_eq!(
            demangle(b"_ZN7mangled3fooEd", &Options { max_output: 19, ..Options::default() }),
            Err(Error::OutputTooLong { limit: 19 })
        );
        assert_eq!(
            demangle(b"_Z1fIN1A1B1CEEvT_", &small).map(|s| s.len() <= 64),
            Ok(true)
        );
    }
}
