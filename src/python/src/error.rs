//! The one exception type of the package and the conversion into it.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
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

/// The Python exception for `symbol` failing with `error`.
pub(crate) fn demangle_error(symbol: &[u8], error: demangler::Error) -> PyErr {
    DemangleError::new_err(demangler::describe_failure(symbol, &error))
}
