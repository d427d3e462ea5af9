//! The keyword options every entry point takes, checked and converted.

use pyo3::exceptions::PyValueError;
use pyo3::PyResult;

use demangler::{Options, Style};

/// The core's options from the keywords of a call.
#[allow(clippy::too_many_arguments)]
pub(crate) fn options(
    params: bool,
    return_type: bool,
    types: bool,
    style: &str,
    verbose: bool,
    strip_underscore: bool,
    recursion_limit: u32,
    max_length: usize,
) -> PyResult<Options> {
    let style = match style {
        "c++filt" => Style::CxxFilt,
        "libstdc++" => Style::LibStdCxx,
        other => {
            return Err(PyValueError::new_err(format!(
                "style must be 'c++filt' or 'libstdc++', not {other:?}"
            )))
        }
    };
    if max_length == 0 {
        return Err(PyValueError::new_err("max_length must be at least 1"));
    }
    Ok(Options {
        style,
        verbose,
        params,
        return_type,
        types,
        strip_underscore,
        // Clamped by the core to what it can give the stack for.
        recursion_limit,
        max_output: max_length,
    })
}
