//! The one exception type of the package and the conversion into it.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PySlice;
use pyo3::PyErr;

create_exception!(
    cpp_demangle,
    DemangleError,
    PyValueError,
    "Raised when a symbol cannot be demangled.\n\n\
     A subclass of ValueError, so code written for earlier releases that\n\
     caught ValueError keeps working. The message names the symbol (shortened\n\
     when long) and the reason."
);

/// Longest symbol shown whole in a message.
const SHOWN_MAX: usize = 80;

/// The symbol as a message shows it: Python's `repr`, of its first 60
/// characters or bytes and with its length when it is long.
fn shown(symbol: &Bound<'_, PyAny>) -> String {
    let len = symbol.len().unwrap_or(0);
    let repr = |object: &Bound<'_, PyAny>| {
        object
            .repr()
            .map(|r| r.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    if len <= SHOWN_MAX {
        return repr(symbol);
    }
    let unit = if symbol.is_instance_of::<pyo3::types::PyString>() {
        "characters"
    } else {
        "bytes"
    };
    let head = PySlice::new(symbol.py(), 0, SHOWN_MAX as isize - 20, 1);
    match symbol.get_item(head) {
        Ok(head) => format!("{}... ({len} {unit})", repr(&head)),
        Err(_) => repr(symbol),
    }
}

/// The Python exception for `symbol` failing with `error`.
pub(crate) fn demangle_error(symbol: &Bound<'_, PyAny>, error: demangler::Error) -> PyErr {
    DemangleError::new_err(format!("cannot demangle {}: {error}", shown(symbol)))
}
