//! `Symbol`: a demangled name and its parts, as `parse()` gives it.
//!
//! Immutable, hashable, picklable. Spans are in characters of `text` (the
//! core's are in bytes), so that `text[start:end]` is the part.

use std::borrow::Cow;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// The values of `kind` (those of `language` are the core's,
/// `demangler::Language::ALL`).
const KINDS: [&str; 4] = ["function", "data", "special", "unknown"];

/// `value` as one of `known`, for a Symbol made again from its fields.
fn one_of(value: &str, known: &[&'static str], what: &str) -> PyResult<&'static str> {
    known.iter().find(|k| **k == value).copied().ok_or_else(|| {
        PyValueError::new_err(format!("{what} must be one of {known:?}, not {value:?}"))
    })
}

/// A part's `(start, end)` in characters of the text, kept in 32 bits: a
/// `parse_many` of a million names makes a million of these objects on the
/// one thread that may, and their size is its time (fresh pages).
type Span = Option<(u32, u32)>;

/// A span as Python gives and takes it.
type PySpan = Option<(usize, usize)>;

/// A span from Python, within a text of `length` characters.
fn span_within(span: PySpan, length: usize) -> PyResult<Span> {
    span.map(|(start, end)| {
        if start > end || end > length {
            return Err(PyValueError::new_err("a span is not within the text"));
        }
        // A text longer than 4 GiB is over every output limit.
        u32::try_from(end)
            .map(|end| (start as u32, end))
            .map_err(|_| PyValueError::new_err("a span is not within the text"))
    })
    .transpose()
}

/// A span for Python.
fn wide(span: Span) -> PySpan {
    span.map(|(start, end)| (start as usize, end as usize))
}

/// A demangled name and its parts.
///
/// ``text`` is what ``demangle()`` gives. ``kind`` is ``"function"``,
/// ``"data"``, ``"special"`` (then ``special`` says which: ``"vtable"``,
/// ``"typeinfo"``, ``"guard variable"``, ...) or ``"unknown"`` (schemes whose
/// parts are not read). For functions: ``name`` (scope and base name with
/// the function's own template arguments), ``scope``, ``base_name``,
/// ``template_args``, ``parameters``, ``return_type``, ``qualifiers`` (""
/// where the name has none), ``suffix`` (the clone suffixes as printed, ``[clone .cold]``), ``is_ctor_or_dtor``,
/// ``module`` (Swift names: the module of the scope); ``spans`` gives each
/// part's ``(start, end)`` in ``text``.
///
/// >>> s = parse("_ZNKSt6vectorIiSaIiEE4sizeEv")
/// >>> s.base_name, s.scope, s.parameters, s.qualifiers
/// ('size', 'std::vector<int, std::allocator<int> >', '()', 'const')
/// >>> start, end = s.spans["base_name"]
/// >>> s.text[start:end]
/// 'size'
#[pyclass(frozen, eq, hash, module = "cpp_demangle")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Symbol {
    text: String,
    language: &'static str,
    kind: &'static str,
    special: Option<Cow<'static, str>>,
    name: Span,
    scope: Span,
    base_name: Span,
    template_args: Vec<(u32, u32)>,
    parameters: Span,
    return_type: Span,
    qualifiers: Span,
    suffix: Span,
    is_ctor_or_dtor: bool,
    module: Span,
}

impl Symbol {
    /// The Python object of the core's `symbol`, left out of the cyclic
    /// garbage collector: a `Symbol` holds no Python object, so it can be
    /// in no cycle, and a `parse_many` of a million symbols no longer
    /// wakes the collector to scan them thousands of times.
    pub(crate) fn new_untracked(py: Python<'_>, symbol: Symbol) -> PyResult<Py<PyAny>> {
        let object = symbol.into_pyobject(py)?;
        // SAFETY: a live object of a pyclass, which is a GC type; one that
        // is not tracked is freed by its reference count alone, and its
        // deallocation untracks it only if it is tracked.
        unsafe { pyo3::ffi::PyObject_GC_UnTrack(object.as_ptr().cast()) };
        Ok(object.into_any().unbind())
    }

    /// From the core's symbol, its byte spans turned into character spans.
    pub(crate) fn from_core(symbol: demangler::Symbol) -> Symbol {
        let parts = &symbol.parts;
        let chars: Option<Vec<usize>> = (!symbol.text.is_ascii()).then(|| {
            // The character index of each byte offset.
            let mut at = vec![0; symbol.text.len() + 1];
            for (i, (offset, c)) in symbol.text.char_indices().enumerate() {
                for slot in &mut at[offset..offset + c.len_utf8()] {
                    *slot = i;
                }
            }
            at[symbol.text.len()] = symbol.text.chars().count();
            at
        });
        // The core caps every text far below 4 GiB (its output limit).
        let convert = |span: Option<(usize, usize)>| {
            span.map(|(start, end)| match &chars {
                Some(at) => (at[start] as u32, at[end] as u32),
                None => (start as u32, end as u32),
            })
        };
        let special = match symbol.kind {
            demangler::Kind::Special(which) => Some(Cow::Borrowed(which)),
            _ => None,
        };
        Symbol {
            language: symbol.language.name(),
            kind: symbol.kind.name(),
            special,
            name: convert(parts.name),
            scope: convert(parts.scope),
            base_name: convert(parts.base_name),
            template_args: parts
                .template_args
                .iter()
                .filter_map(|&span| convert(Some(span)))
                .collect(),
            parameters: convert(parts.parameters),
            return_type: convert(parts.return_type),
            qualifiers: convert(parts.qualifiers),
            suffix: convert(parts.suffix),
            is_ctor_or_dtor: parts.is_ctor_or_dtor,
            module: convert(parts.module),
            text: symbol.text,
        }
    }

    fn slice(&self, span: Span) -> String {
        match span {
            Some((start, end)) => self
                .text
                .chars()
                .skip(start as usize)
                .take((end - start) as usize)
                .collect(),
            None => String::new(),
        }
    }
}

#[pymethods]
impl Symbol {
    /// Made again from its fields (how a pickled Symbol comes back).
    #[new]
    #[pyo3(signature = (text, language, kind, special, name, scope, base_name, template_args,
                        parameters, return_type, qualifiers, suffix, is_ctor_or_dtor,
                        module = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        text: String,
        language: String,
        kind: String,
        special: Option<String>,
        name: PySpan,
        scope: PySpan,
        base_name: PySpan,
        template_args: Vec<(usize, usize)>,
        parameters: PySpan,
        return_type: PySpan,
        qualifiers: PySpan,
        suffix: PySpan,
        is_ctor_or_dtor: bool,
        module: PySpan,
    ) -> PyResult<Symbol> {
        let length = text.chars().count();
        let within = |span| span_within(span, length);
        Ok(Symbol {
            language: one_of(
                &language,
                &demangler::Language::ALL.map(demangler::Language::name),
                "language",
            )?,
            kind: one_of(&kind, &KINDS, "kind")?,
            special: special.map(Cow::Owned),
            name: within(name)?,
            scope: within(scope)?,
            base_name: within(base_name)?,
            template_args: template_args
                .into_iter()
                .map(|span| within(Some(span)).map(Option::unwrap_or_default))
                .collect::<PyResult<_>>()?,
            parameters: within(parameters)?,
            return_type: within(return_type)?,
            qualifiers: within(qualifiers)?,
            suffix: within(suffix)?,
            is_ctor_or_dtor,
            module: within(module)?,
            text,
        })
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let cls = py.get_type::<Symbol>().into_any();
        let args = PyTuple::new(
            py,
            [
                self.text.clone().into_pyobject(py)?.into_any(),
                self.language.into_pyobject(py)?.into_any(),
                self.kind.into_pyobject(py)?.into_any(),
                self.special.as_deref().into_pyobject(py)?.into_any(),
                self.name.into_pyobject(py)?.into_any(),
                self.scope.into_pyobject(py)?.into_any(),
                self.base_name.into_pyobject(py)?.into_any(),
                self.template_args.clone().into_pyobject(py)?.into_any(),
                self.parameters.into_pyobject(py)?.into_any(),
                self.return_type.into_pyobject(py)?.into_any(),
                self.qualifiers.into_pyobject(py)?.into_any(),
                self.suffix.into_pyobject(py)?.into_any(),
                pyo3::types::PyBool::new(py, self.is_ctor_or_dtor)
                    .to_owned()
                    .into_any(),
                self.module.into_pyobject(py)?.into_any(),
            ],
        )?;
        Ok((cls, args))
    }

    fn __repr__(&self) -> String {
        let quoted = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"));
        let mut repr = format!(
            "Symbol({}, kind={}, language={}",
            quoted(&self.text),
            quoted(self.kind),
            quoted(self.language)
        );
        if let Some(special) = &self.special {
            repr += &format!(", special={}", quoted(special));
        }
        repr + ")"
    }

    fn __str__(&self) -> String {
        self.text.clone()
    }

    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// ``"c++"``, ``"rust"``, ``"d"``, ``"java"``, ``"ada"`` or ``"swift"``.
    #[getter]
    fn language(&self) -> &str {
        self.language
    }

    /// ``"function"``, ``"data"``, ``"special"`` or ``"unknown"``.
    #[getter]
    fn kind(&self) -> &str {
        self.kind
    }

    /// For a special name, which: ``"vtable"``, ``"typeinfo"``, ...; else None.
    #[getter]
    fn special(&self) -> Option<&str> {
        self.special.as_deref()
    }

    #[getter]
    fn name(&self) -> String {
        self.slice(self.name)
    }

    #[getter]
    fn scope(&self) -> String {
        self.slice(self.scope)
    }

    #[getter]
    fn base_name(&self) -> String {
        self.slice(self.base_name)
    }

    /// The function's own template arguments, one string each.
    #[getter]
    fn template_args(&self) -> Vec<String> {
        self.template_args
            .iter()
            .map(|&span| self.slice(Some(span)))
            .collect()
    }

    #[getter]
    fn parameters(&self) -> String {
        self.slice(self.parameters)
    }

    #[getter]
    fn return_type(&self) -> String {
        self.slice(self.return_type)
    }

    #[getter]
    fn qualifiers(&self) -> String {
        self.slice(self.qualifiers)
    }

    #[getter]
    fn suffix(&self) -> String {
        self.slice(self.suffix)
    }

    #[getter]
    fn is_ctor_or_dtor(&self) -> bool {
        self.is_ctor_or_dtor
    }

    /// The module the name is declared in, where the scheme says (Swift);
    /// else "".
    #[getter]
    fn module(&self) -> String {
        self.slice(self.module)
    }

    /// Each part's ``(start, end)`` in ``text`` (``template_args``: a list of
    /// them); the parts the name does not have are left out.
    #[getter]
    fn spans<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let spans = PyDict::new(py);
        for (key, span) in [
            ("name", self.name),
            ("scope", self.scope),
            ("base_name", self.base_name),
            ("parameters", self.parameters),
            ("return_type", self.return_type),
            ("qualifiers", self.qualifiers),
            ("suffix", self.suffix),
            ("module", self.module),
        ] {
            if let Some(span) = wide(span) {
                spans.set_item(key, span)?;
            }
        }
        if !self.template_args.is_empty() {
            spans.set_item("template_args", self.template_args.clone())?;
        }
        Ok(spans)
    }
}
