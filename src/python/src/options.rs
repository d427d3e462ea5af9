//! The keyword options of every entry point, read in one place: the names
//! here, the defaults and the checks in the core (`demangler::Options`,
//! `Options::check_*`, `Style::from_name`, `Format::from_name`), so a value
//! is refused with the same words here and on the command line. The type
//! stub's `_Options` lists the same names (tests/test_typing.py checks it).

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt};

use demangler::{Format, OptionError, Options, Style};

use crate::argument::type_name;

/// The names of the options, in the order the documentation gives them.
pub(crate) const NAMES: [&str; 14] = [
    "params",
    "return_type",
    "templates",
    "suffixes",
    "hash",
    "simplified",
    "types",
    "style",
    "format",
    "verbose",
    "strip_underscore",
    "recursion_limit",
    "max_length",
    "threads",
];

/// The core's options from the keywords of a call to `function`; the
/// core's defaults for those not given.
pub(crate) fn options_from_kwargs(
    kwargs: Option<&Bound<'_, PyDict>>,
    function: &str,
) -> PyResult<Options> {
    let mut options = Options::default();
    let Some(kwargs) = kwargs else {
        return Ok(options);
    };
    let refused = |e: OptionError| PyValueError::new_err(e.0);
    for (key, value) in kwargs.iter() {
        match key.extract::<String>()?.as_str() {
            "params" => options.params = flag(&value, "params")?,
            "return_type" => options.return_type = flag(&value, "return_type")?,
            "templates" => options.templates = flag(&value, "templates")?,
            "suffixes" => options.suffixes = flag(&value, "suffixes")?,
            "hash" => options.hash = flag(&value, "hash")?,
            "simplified" => options.simplified = flag(&value, "simplified")?,
            "types" => options.types = flag(&value, "types")?,
            "style" => {
                options.style = Style::from_name(&word(&value, "style")?).map_err(refused)?
            }
            "format" => {
                options.format = Format::from_name(&word(&value, "format")?).map_err(refused)?
            }
            "verbose" => options.verbose = flag(&value, "verbose")?,
            "strip_underscore" => options.strip_underscore = flag(&value, "strip_underscore")?,
            "recursion_limit" => {
                options.recursion_limit =
                    Options::check_recursion_limit(whole(&value, "recursion_limit")?)
                        .map_err(refused)?
            }
            "max_length" => {
                options.max_output =
                    Options::check_max_length(whole(&value, "max_length")?).map_err(refused)?
            }
            "threads" => {
                options.threads = if value.is_none() {
                    None
                } else {
                    Some(Options::check_threads(whole(&value, "threads")?).map_err(refused)?)
                }
            }
            other => {
                return Err(PyTypeError::new_err(format!(
                    "{function}() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    Ok(options)
}

/// The keywords that give `options` back: `options_from_kwargs` of them is
/// `options` (the command line's options, for Python code it calls).
pub(crate) fn kwargs_from_options<'py>(
    py: Python<'py>,
    options: &Options,
) -> PyResult<Bound<'py, PyDict>> {
    let kwargs = PyDict::new(py);
    for name in NAMES {
        match name {
            "params" => kwargs.set_item(name, options.params)?,
            "return_type" => kwargs.set_item(name, options.return_type)?,
            "templates" => kwargs.set_item(name, options.templates)?,
            "suffixes" => kwargs.set_item(name, options.suffixes)?,
            "hash" => kwargs.set_item(name, options.hash)?,
            "simplified" => kwargs.set_item(name, options.simplified)?,
            "types" => kwargs.set_item(name, options.types)?,
            "style" => kwargs.set_item(name, options.style.name())?,
            "format" => kwargs.set_item(name, options.format.name())?,
            "verbose" => kwargs.set_item(name, options.verbose)?,
            "strip_underscore" => kwargs.set_item(name, options.strip_underscore)?,
            "recursion_limit" => kwargs.set_item(name, options.recursion_limit)?,
            "max_length" => kwargs.set_item(name, options.max_output)?,
            "threads" => kwargs.set_item(name, options.threads.map(|n| n.get()))?,
            other => unreachable!("option {other} has no keyword"),
        }
    }
    Ok(kwargs)
}

/// A yes-or-no option: `True` or `False`, nothing else (`'no'` is a
/// `TypeError` that names the option).
fn flag(value: &Bound<'_, PyAny>, name: &str) -> PyResult<bool> {
    value.extract::<bool>().map_err(|_| {
        PyTypeError::new_err(format!("{name} must be a bool, not {}", type_name(value)))
    })
}

/// A named choice (`style`, `format`): a `str` (`None` is a `TypeError`
/// that names the option).
fn word(value: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    value.extract::<String>().map_err(|_| {
        PyTypeError::new_err(format!("{name} must be a str, not {}", type_name(value)))
    })
}

/// A whole-number option as an `i64`; one too large for that is out of
/// range like any other (the core's message says which range).
fn whole(value: &Bound<'_, PyAny>, name: &str) -> PyResult<i64> {
    if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be an int, not {}",
            type_name(value)
        )));
    }
    // Saturated: the core refuses it with its own message.
    Ok(value.extract::<i64>().unwrap_or_else(|_| {
        if value.lt(0).unwrap_or(false) {
            i64::MIN
        } else {
            i64::MAX
        }
    }))
}
