//! The UTF-8 bytes of a `str` or `bytes` argument.

use demangler::Given;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// Why an argument has no bytes to demangle.
pub(crate) enum NoBytes {
    /// Neither `str` nor `bytes`: the `TypeError` to raise.
    WrongType(PyErr),
    /// A `str` with lone surrogates, which have no UTF-8 form.
    LoneSurrogates,
}

/// The argument's bytes, read in place: a `bytes` object's own, or a
/// `str`'s UTF-8 (CPython's compact ASCII strings are their UTF-8; another
/// `str` caches its UTF-8 in itself the first time it is asked). They can be
/// read without the GIL for as long as the object is held. `what` names
/// the argument in a `TypeError`.
pub(crate) fn utf8_of<'a>(value: &'a Bound<'_, PyAny>, what: &str) -> Result<&'a [u8], NoBytes> {
    text_or_bytes(value, what).map(Given::bytes)
}

/// [`utf8_of`], telling a `str`'s text (its UTF-8 known to be valid, which
/// the core then does not check again) from a `bytes`' bytes.
pub(crate) fn text_or_bytes<'a>(
    value: &'a Bound<'_, PyAny>,
    what: &str,
) -> Result<Given<'a>, NoBytes> {
    if let Ok(raw) = value.cast::<PyBytes>() {
        return Ok(Given::Bytes(raw.as_bytes()));
    }
    let Ok(text) = value.cast::<PyString>() else {
        return Err(NoBytes::WrongType(PyTypeError::new_err(format!(
            "{what} must be str or bytes, not {}",
            type_name(value)
        ))));
    };
    text.to_str()
        .map(Given::Text)
        .map_err(|_| NoBytes::LoneSurrogates)
}

/// The name of `value`'s type, for a `TypeError`.
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default()
}
