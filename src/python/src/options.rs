//! The keyword options every entry point takes, checked and converted.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

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

/// The core's options from `**options`: the same keywords, defaults and
/// checks as [`options`], for the entry points other than `demangle`.
pub(crate) fn options_from_kwargs(
    kwargs: Option<&Bound<'_, PyDict>>,
    function: &str,
) -> PyResult<Options> {
    let defaults = Options::default();
    let (mut params, mut return_type, mut types) =
        (defaults.params, defaults.return_type, defaults.types);
    let (mut style, mut verbose, mut strip) = (
        String::from("c++filt"),
        defaults.verbose,
        defaults.strip_underscore,
    );
    let (mut recursion_limit, mut max_length) = (defaults.recursion_limit, defaults.max_output);
    for (key, value) in kwargs.into_iter().flat_map(|d| d.iter()) {
        match key.extract::<String>()?.as_str() {
            "params" => params = value.extract()?,
            "return_type" => return_type = value.extract()?,
            "types" => types = value.extract()?,
            "style" => style = value.extract()?,
            "verbose" => verbose = value.extract()?,
            "strip_underscore" => strip = value.extract()?,
            "recursion_limit" => recursion_limit = value.extract()?,
            "max_length" => max_length = value.extract()?,
            other => {
                return Err(PyTypeError::new_err(format!(
                    "{function}() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    options(
        params,
        return_type,
        types,
        &style,
        verbose,
        strip,
        recursion_limit,
        max_length,
    )
}
