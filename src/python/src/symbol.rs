//! The UTF-8 bytes of a `str` or `bytes` argument.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::error::demangle_error;

/// A `bytes` object holding the symbol's bytes: the argument itself when it
/// is `bytes`, its UTF-8 encoding when it is `str`. Its buffer can be read
/// without the GIL for as long as the object is held.
pub(crate) fn symbol_bytes<'py>(symbol: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    if let Ok(raw) = symbol.cast::<PyBytes>() {
        return Ok(raw.clone());
    }
    let Ok(text) = symbol.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "symbol must be str or bytes, not {}",
            symbol.get_type().name()?
        )));
    };
    // Lone surrogates have no UTF-8 form, so no mangled name has them.
    text.encode_utf8().map_err(|_| {
        demangle_error(
            text.to_string_lossy().as_bytes(),
            demangler::Error::NotMangled,
        )
    })
}

/// As [`symbol_bytes`], but a `str` with no UTF-8 form gives `None`: in bulk
/// such a symbol comes back unchanged instead of failing the whole call.
pub(crate) fn symbol_bytes_or_none<'py>(
    symbol: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    match symbol_bytes(symbol) {
        Ok(raw) => Ok(Some(raw)),
        Err(e) if e.is_instance_of::<crate::error::DemangleError>(symbol.py()) => Ok(None),
        Err(e) => Err(e),
    }
}
