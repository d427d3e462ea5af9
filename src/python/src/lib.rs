//! `cpp_demangle._native`: the PyO3 binding of the `demangler` crate.
//!
//! Only argument conversion lives here; the logic is in `src/demangler`.

mod error;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use error::{demangle_error, DemangleError};

/// Run `f` on the bytes of a `str` (UTF-8) or `bytes` symbol.
fn with_symbol_bytes<R>(
    symbol: &Bound<'_, PyAny>,
    f: impl FnOnce(&[u8]) -> PyResult<R>,
) -> PyResult<R> {
    if let Ok(text) = symbol.cast::<PyString>() {
        match text.to_cow() {
            Ok(utf8) => f(utf8.as_bytes()),
            // Lone surrogates have no UTF-8 form, so no mangled name has them.
            Err(_) => Err(demangle_error(
                text.to_string_lossy().as_bytes(),
                demangler::Error::NotMangled,
            )),
        }
    } else if let Ok(raw) = symbol.cast::<PyBytes>() {
        f(raw.as_bytes())
    } else {
        Err(PyTypeError::new_err(format!(
            "symbol must be str or bytes, not {}",
            symbol.get_type().name()?
        )))
    }
}

/// demangle(symbol, *, params=True, return_type=True)
/// --
///
/// Demangle one C++ linker symbol and return the readable name.
///
/// ``symbol`` is a ``str`` or ``bytes`` such as ``nm`` prints it.
/// ``params=False`` leaves out function parameter lists (like ``c++filt -p``);
/// ``return_type=False`` leaves out the return types of template functions.
///
/// Raises DemangleError (a ValueError) when ``symbol`` is not a mangled
/// name, and TypeError when it is neither ``str`` nor ``bytes``.
///
/// >>> demangle("_ZN7mangled3fooEd")
/// 'mangled::foo(double)'
/// >>> demangle(b"_ZNK3Foo3barERKSt6vectorIiSaIiEE")
/// 'Foo::bar(std::vector<int, std::allocator<int> > const&) const'
/// >>> demangle("_ZN7mangled3fooEd", params=False)
/// 'mangled::foo'
/// >>> demangle("_Z1fIiEvT_")
/// 'void f<int>(int)'
/// >>> demangle("_Z1fIiEvT_", return_type=False)
/// 'f<int>(int)'
/// >>> demangle("invalid c++ symbol")
/// Traceback (most recent call last):
///     ...
/// cpp_demangle.DemangleError: cannot demangle 'invalid c++ symbol': not a mangled C++ symbol
#[pyfunction]
#[pyo3(signature = (symbol, *, params = true, return_type = true))]
fn demangle(symbol: &Bound<'_, PyAny>, params: bool, return_type: bool) -> PyResult<String> {
    let options = demangler::Options {
        params,
        return_type,
        ..demangler::Options::default()
    };
    with_symbol_bytes(symbol, |raw| {
        demangler::demangle(raw, &options).map_err(|e| demangle_error(raw, e))
    })
}

/// The compiled core of cpp_demangle; import from ``cpp_demangle`` instead.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(demangle, m)?)?;
    m.add("DemangleError", m.py().get_type::<DemangleError>())?;
    Ok(())
}
