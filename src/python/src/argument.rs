//! The UTF-8 bytes of a `str` or `bytes` argument.

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

/// A `bytes` object holding the argument's bytes: the argument itself when
/// it is `bytes`, its UTF-8 encoding when it is `str`. Its buffer can be
/// read without the GIL for as long as the object is held. `what` names the
/// argument in a `TypeError`.
pub(crate) fn utf8_bytes<'py>(
    value: &Bound<'py, PyAny>,
    what: &str,
) -> Result<Bound<'py, PyBytes>, NoBytes> {
    if let Ok(raw) = value.cast::<PyBytes>() {
        return Ok(raw.clone());
    }
    let Ok(text) = value.cast::<PyString>() else {
        return Err(NoBytes::WrongType(PyTypeError::new_err(format!(
            "{what} must be str or bytes, not {}",
            type_name(value)
        ))));
    };
    text.encode_utf8().map_err(|_| NoBytes::LoneSurrogates)
}

/// The name of `value`'s type, for a `TypeError`.
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default()
}
