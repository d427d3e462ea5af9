//! The bytes of a `str` or `bytes` argument.

use std::borrow::Cow;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::error::demangle_error;

/// Run `f` on the bytes of a `str` (UTF-8) or `bytes` symbol, without a copy
/// where the interpreter allows it.
pub(crate) fn with_symbol_bytes<R>(
    symbol: &Bound<'_, PyAny>,
    f: impl FnOnce(&[u8]) -> PyResult<R>,
) -> PyResult<R> {
    if let Ok(raw) = symbol.cast::<PyBytes>() {
        return f(raw.as_bytes());
    }
    f(SymbolBytes::extract(symbol)?.as_bytes())
}

/// The bytes of a `str` or `bytes` symbol, owned or borrowed, that can be
/// read without the GIL.
pub(crate) struct SymbolBytes<'a>(Cow<'a, [u8]>);

impl<'a> SymbolBytes<'a> {
    pub(crate) fn extract(symbol: &'a Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(raw) = symbol.cast::<PyBytes>() {
            return Ok(SymbolBytes(Cow::Borrowed(raw.as_bytes())));
        }
        let Ok(text) = symbol.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "symbol must be str or bytes, not {}",
                symbol.get_type().name()?
            )));
        };
        match text.to_cow() {
            Ok(Cow::Borrowed(utf8)) => Ok(SymbolBytes(Cow::Borrowed(utf8.as_bytes()))),
            Ok(Cow::Owned(utf8)) => Ok(SymbolBytes(Cow::Owned(utf8.into_bytes()))),
            // Lone surrogates have no UTF-8 form, so no mangled name has them.
            Err(_) => Err(demangle_error(
                text.to_string_lossy().as_bytes(),
                demangler::Error::NotMangled,
            )),
        }
    }

    /// As [`Self::extract`], but a `str` with no UTF-8 form (lone
    /// surrogates) gives no bytes, which no demangler accepts: in bulk such
    /// a symbol comes back unchanged instead of failing the whole call.
    pub(crate) fn extract_or_empty(symbol: &'a Bound<'_, PyAny>) -> PyResult<Self> {
        match Self::extract(symbol) {
            Err(e) if e.is_instance_of::<crate::error::DemangleError>(symbol.py()) => {
                Ok(SymbolBytes(Cow::Borrowed(b"")))
            }
            other => other,
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}
