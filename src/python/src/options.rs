//! The keyword options every entry point takes, checked by the core's own
//! checks (`demangler::Options::check_*`, `Style::from_name`,
//! `Format::from_name`), so that a value is refused with the same words
//! here and on the command line.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use demangler::{Format, OptionError, Options, Style};

/// The keywords, as a call gives them; `Default` is the core's defaults.
pub(crate) struct Keywords<'a, 'py> {
    pub params: bool,
    pub return_type: bool,
    pub types: bool,
    pub style: &'a str,
    pub format: &'a str,
    pub verbose: bool,
    pub strip_underscore: bool,
    pub recursion_limit: Option<&'a Bound<'py, PyAny>>,
    pub max_length: Option<&'a Bound<'py, PyAny>>,
}

impl Keywords<'_, '_> {
    pub(crate) fn defaults() -> Self {
        let d = Options::default();
        Keywords {
            params: d.params,
            return_type: d.return_type,
            types: d.types,
            style: "c++filt",
            format: "auto",
            verbose: d.verbose,
            strip_underscore: d.strip_underscore,
            recursion_limit: None,
            max_length: None,
        }
    }

    /// The core's options, or the `ValueError`/`TypeError` of the first
    /// value that is wrong.
    pub(crate) fn options(&self) -> PyResult<Options> {
        let refused = |e: OptionError| PyValueError::new_err(e.0);
        let defaults = Options::default();
        let recursion_limit = match self.recursion_limit {
            Some(value) => {
                Options::check_recursion_limit(whole(value, "recursion_limit")?).map_err(refused)?
            }
            None => defaults.recursion_limit,
        };
        let max_output = match self.max_length {
            Some(value) => {
                Options::check_max_length(whole(value, "max_length")?).map_err(refused)?
            }
            None => defaults.max_output,
        };
        Ok(Options {
            style: Style::from_name(self.style).map_err(refused)?,
            format: Format::from_name(self.format).map_err(refused)?,
            verbose: self.verbose,
            params: self.params,
            return_type: self.return_type,
            types: self.types,
            strip_underscore: self.strip_underscore,
            recursion_limit,
            max_output,
        })
    }
}

/// A whole-number option as an `i64`; one too large for that is out of
/// range like any other (the core's message says which range).
fn whole(value: &Bound<'_, PyAny>, name: &str) -> PyResult<i64> {
    if value.is_instance_of::<pyo3::types::PyBool>()
        || !value.is_instance_of::<pyo3::types::PyInt>()
    {
        let type_name = value
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        return Err(PyTypeError::new_err(format!(
            "{name} must be an int, not {type_name}"
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

/// The core's options from `**options`: the same keywords, defaults and
/// checks as `demangle`'s, for the other entry points.
pub(crate) fn options_from_kwargs(
    kwargs: Option<&Bound<'_, PyDict>>,
    function: &str,
) -> PyResult<Options> {
    let Some(kwargs) = kwargs else {
        return Ok(Options::default());
    };
    let mut style = String::from("c++filt");
    let mut format = String::from("auto");
    let mut kw = Keywords::defaults();
    let mut recursion_limit = None;
    let mut max_length = None;
    for (key, value) in kwargs.iter() {
        match key.extract::<String>()?.as_str() {
            "params" => kw.params = value.extract()?,
            "return_type" => kw.return_type = value.extract()?,
            "types" => kw.types = value.extract()?,
            "style" => style = value.extract()?,
            "format" => format = value.extract()?,
            "verbose" => kw.verbose = value.extract()?,
            "strip_underscore" => kw.strip_underscore = value.extract()?,
            "recursion_limit" => recursion_limit = Some(value),
            "max_length" => max_length = Some(value),
            other => {
                return Err(PyTypeError::new_err(format!(
                    "{function}() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    Keywords {
        style: &style,
        format: &format,
        recursion_limit: recursion_limit.as_ref(),
        max_length: max_length.as_ref(),
        ..kw
    }
    .options()
}
