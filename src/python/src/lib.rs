//! `cpp_demangle._native`: the PyO3 binding of the `demangler` crate.
//!
//! Only argument conversion lives here; the logic is in `src/demangler`.

mod argument;
mod arrow;
mod error;
mod options;
mod symbol;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use argument::{text_or_bytes, utf8_of, NoBytes};
use demangler::Given;
use error::{demangle_error, DemangleError};
use options::options_from_kwargs;

/// The text or bytes of a symbol argument; lone surrogates fail like any
/// other symbol that is not mangled.
fn symbol_given<'a>(symbol: &'a Bound<'_, PyAny>) -> PyResult<Given<'a>> {
    text_or_bytes(symbol, "symbol").map_err(|e| match e {
        NoBytes::WrongType(error) => error,
        NoBytes::LoneSurrogates => demangle_error(symbol, demangler::Error::NotMangled),
    })
}

/// The bytes of a symbol argument (see [`symbol_given`]).
fn symbol_bytes<'a>(symbol: &'a Bound<'_, PyAny>) -> PyResult<&'a [u8]> {
    symbol_given(symbol).map(Given::bytes)
}

/// Demangle one linker symbol and return the readable name.
///
/// ``symbol`` is a ``str`` or ``bytes`` as ``nm``, a linker or a stack trace
/// shows it: a C++ (Itanium ABI), Rust or D name, with an optional symbol
/// version suffix (``@@GLIBCXX_3.4``) that is kept, or a Microsoft C++ name
/// (``?foo@@YAXH@Z``, printed as ``llvm-undname`` prints it). A name as macOS spells
/// it, with one more leading underscore (``__ZN3foo3barEv``), is recognised
/// too. The options are described in the package documentation
/// (``help(cpp_demangle)``).
///
/// Raises DemangleError (a ValueError) when ``symbol`` is not a mangled
/// name, and TypeError when it is neither ``str`` nor ``bytes``.
///
/// >>> demangle("_ZN7mangled3fooEd")
/// 'mangled::foo(double)'
/// >>> demangle(b"_ZNK3Foo3barERKSt6vectorIiSaIiEE")
/// 'Foo::bar(std::vector<int, std::allocator<int> > const&) const'
/// >>> demangle("_ZNSt8ios_base4InitC1Ev@@GLIBCXX_3.4")
/// 'std::ios_base::Init::Init()@@GLIBCXX_3.4'
/// >>> demangle("_ZN7mangled3fooEd", params=False)
/// 'mangled::foo'
/// >>> demangle("_Z1fIiEvT_", return_type=False)
/// 'f<int>(int)'
/// >>> demangle("PKc", types=True)
/// 'char const*'
/// >>> demangle("_Z1fSs", style="libstdc++")
/// 'f(std::string)'
/// >>> demangle("_ZN4core3fmt5write17h0123456789abcdefE")
/// 'core::fmt::write::h0123456789abcdef'
/// >>> demangle("__ZN3foo3barEv")
/// 'foo::bar()'
/// >>> demangle("?foo@@YAXH@Z")
/// 'void __cdecl foo(int)'
/// >>> demangle("invalid c++ symbol")
/// Traceback (most recent call last):
///     ...
/// cpp_demangle.DemangleError: cannot demangle 'invalid c++ symbol': not a mangled C++ symbol
#[pyfunction]
#[pyo3(signature = (symbol, **options), text_signature = "(symbol, **options)")]
fn demangle(symbol: &Bound<'_, PyAny>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let options = options_from_kwargs(options, "demangle")?;
    // A `str` is text already: the core need not check its UTF-8 again.
    let result = match symbol_given(symbol)? {
        Given::Text(text) => demangler::demangle_str(text, &options),
        Given::Bytes(bytes) => demangler::demangle(bytes, &options),
    };
    result.map_err(|e| demangle_error(symbol, e))
}

/// Demangle every symbol of an iterable, on all cores, without holding the
/// GIL; return a list in the same order.
///
/// Each item is a ``str`` or ``bytes`` and comes back as the ``str`` it
/// demangles to; one that does not demangle comes back unchanged (the same
/// object), as c++filt prints it unchanged. Options as for demangle().
///
/// >>> demangle_many(["_ZN7mangled3fooEd", "main", b"_Z3barv"])
/// ['mangled::foo(double)', 'main', 'bar()']
#[pyfunction]
#[pyo3(signature = (symbols, **options))]
fn demangle_many<'py>(
    py: Python<'py>,
    symbols: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let options = options_from_kwargs(options, "demangle_many")?;
    refuse_single_symbol(symbols, "demangle")?;
    let objects = demangler::serial(|| symbol_objects(symbols))?;
    let given = demangler::serial(|| symbols_given(py, &objects))?;
    // The threads demangle without the GIL; this thread takes it back for
    // each piece done, to make its strings while the others go on.
    let mut objects = objects.iter();
    let mut items: Vec<Py<PyAny>> = Vec::with_capacity(given.len());
    py.detach(|| {
        demangler::demangle_in_order(&given, &options, |chunk| {
            Python::attach(|py| {
                // The chunk first: zip stops on it without taking another object.
                for (result, object) in chunk.iter().zip(objects.by_ref()) {
                    items.push(match result {
                        Ok(text) => PyString::new(py, text).into_any().unbind(),
                        Err(_) => object.clone_ref(py),
                    });
                }
            })
        })
    });
    demangler::serial(|| PyList::new(py, items))
}

/// Every item of `symbols` (an iterable), held.
fn symbol_objects(symbols: &Bound<'_, PyAny>) -> PyResult<Vec<Py<PyAny>>> {
    let mut objects = Vec::with_capacity(symbols.len().unwrap_or(0));
    for object in symbols.try_iter()? {
        objects.push(object?.unbind());
    }
    Ok(objects)
}

/// A bulk item's text or bytes, read in place (see [`text_or_bytes`]):
/// empty for a `str` with lone surrogates, which has no UTF-8 form (in
/// bulk it does not demangle); a `TypeError` for what is neither `str` nor
/// `bytes`.
fn item_given<'a>(py: Python<'a>, object: &'a Py<PyAny>) -> PyResult<Given<'a>> {
    match text_or_bytes(object.bind(py), "symbol") {
        Ok(given) => Ok(given),
        Err(NoBytes::LoneSurrogates) => Ok(Given::Bytes(b"")),
        Err(NoBytes::WrongType(error)) => Err(error),
    }
}

fn symbols_given<'a>(py: Python<'a>, objects: &'a [Py<PyAny>]) -> PyResult<Vec<Given<'a>>> {
    objects
        .iter()
        .map(|object| item_given(py, object))
        .collect()
}

/// [`item_given`]'s bytes, of each item.
fn symbol_slices<'a>(py: Python<'a>, objects: &'a [Py<PyAny>]) -> PyResult<Vec<&'a [u8]>> {
    objects
        .iter()
        .map(|object| item_given(py, object).map(Given::bytes))
        .collect()
}

/// Demangle every symbol in a text, as c++filt does with a stream: each run
/// of symbol characters (letters, digits, ``_``, ``$``, ``.``) that demangles
/// is replaced, every other byte is kept as it is. A Microsoft name is a
/// ``?`` followed by the longest run of letters, digits, ``_``, ``$``, ``?``
/// and ``@``; the run is replaced if a name can be read from its start. ``str`` in, ``str`` out;
/// ``bytes`` in, ``bytes`` out (bytes that are not UTF-8 pass through, and so
/// do the lone surrogates of a ``str`` read with ``errors="surrogateescape"``).
/// Large texts are done on all cores without holding the GIL.
///
/// >>> demangle_text("at 0x1 _ZN3foo3barEv+0x12 (libx.so)")
/// 'at 0x1 foo::bar()+0x12 (libx.so)'
/// >>> demangle_text(b"U _ZNSt8ios_base4InitC1Ev@GLIBCXX_3.4\n")
/// b'U std::ios_base::Init::Init()@GLIBCXX_3.4\n'
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn demangle_text<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options_from_kwargs(options, "demangle_text")?;
    let is_str = text.is_instance_of::<PyString>();
    // A str with lone surrogates is read in the `surrogatepass` encoding:
    // they become bytes that are never part of a symbol, and come back.
    let passed; // The `surrogatepass` encoding, where it is needed.
    let (raw, surrogates) = match utf8_of(text, "text") {
        Ok(raw) => (raw, false),
        Err(NoBytes::WrongType(error)) => return Err(error),
        Err(NoBytes::LoneSurrogates) => {
            passed = text
                .call_method1("encode", ("utf-8", "surrogatepass"))?
                .cast_into::<PyBytes>()?;
            (passed.as_bytes(), true)
        }
    };
    if surrogates {
        let out = py.detach(|| {
            let mut out = Vec::with_capacity(raw.len() + raw.len() / 2);
            demangler::demangle_text_parallel(raw, &options, &mut out);
            out
        });
        return demangler::serial(|| {
            PyBytes::new(py, &out).call_method1("decode", ("utf-8", "surrogatepass"))
        });
    }
    // Each piece becomes a `str` or `bytes` on this thread as soon as it is
    // done, while the others go on; the pieces are joined at the end (one
    // copy, where a joined buffer made into an object was two).
    let mut pieces: Vec<Py<PyAny>> = Vec::new();
    let mut failure = None;
    py.detach(|| {
        let each_piece =
            |piece: &[u8], out: &mut Vec<u8>| demangler::demangle_text(piece, &options, out);
        demangler::text_pieces_in_order(raw, &options, &each_piece, |done| {
            Python::attach(|py| match text_piece(py, done, is_str) {
                Ok(piece) => pieces.push(piece.unbind()),
                Err(error) => failure = failure.take().or(Some(error)),
            })
        })
    });
    if let Some(error) = failure {
        return Err(error);
    }
    demangler::serial(|| {
        if pieces.len() == 1 {
            return Ok(pieces.remove(0).into_bound(py));
        }
        let empty = if is_str {
            PyString::new(py, "").into_any()
        } else {
            PyBytes::new(py, b"").into_any()
        };
        empty.call_method1("join", (pieces,))
    })
}

/// A piece of demangled text as the type the text came in: a piece of a
/// `str` is UTF-8, since the text is only cut between characters and only
/// symbols are replaced, by UTF-8 text.
fn text_piece<'py>(py: Python<'py>, done: &[u8], is_str: bool) -> PyResult<Bound<'py, PyAny>> {
    if is_str {
        let text = std::str::from_utf8(done)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        Ok(PyString::new(py, text).into_any())
    } else {
        Ok(PyBytes::new(py, done).into_any())
    }
}

/// Demangle one symbol and give its parts: a ``Symbol``.
///
/// As demangle() (the same options, the same ``DemangleError``), with what
/// the name is (``kind``: ``"function"``, ``"data"``, ``"special"``) and its
/// parts (``base_name``, ``scope``, ``name``, ``template_args``,
/// ``parameters``, ``return_type``, ``qualifiers``, ``suffix``,
/// ``is_ctor_or_dtor``, and each one's ``spans``), meaning what LLVM's
/// ``ItaniumPartialDemangler`` means by them. C++ names (Itanium and
/// Microsoft) and Rust names have their parts read; D and GNAT names give
/// the text alone (kind ``"unknown"``).
///
/// >>> s = parse("_ZN3foo3barIiEEvT_")
/// >>> s.kind, s.name, s.base_name, s.scope, s.template_args, s.return_type
/// ('function', 'foo::bar<int>', 'bar', 'foo', ['int'], 'void')
/// >>> parse("_ZTV3Foo").special
/// 'vtable'
#[pyfunction]
#[pyo3(signature = (symbol, **options))]
fn parse(
    symbol: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<symbol::Symbol> {
    let options = options_from_kwargs(options, "parse")?;
    let raw = symbol_bytes(symbol)?;
    demangler::parse(raw, &options)
        .map(symbol::Symbol::from_core)
        .map_err(|e| demangle_error(symbol, e))
}

/// parse() of every symbol of an iterable, on all cores, without holding
/// the GIL; a list in the same order, with None for a symbol that does not
/// demangle. Options as for demangle().
///
/// >>> first, second = parse_many(["_ZN1A1fEv", "main"])
/// >>> first.base_name, second
/// ('f', None)
#[pyfunction]
#[pyo3(signature = (symbols, **options))]
fn parse_many<'py>(
    py: Python<'py>,
    symbols: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let options = options_from_kwargs(options, "parse_many")?;
    refuse_single_symbol(symbols, "parse")?;
    let objects = demangler::serial(|| symbol_objects(symbols))?;
    let slices = demangler::serial(|| symbol_slices(py, &objects))?;
    // The threads parse without the GIL; this thread takes it back for each
    // piece done, to make its Python objects while the others go on.
    let mut items: Vec<Py<PyAny>> = Vec::with_capacity(slices.len());
    let mut failure = None;
    // Each core symbol becomes the binding's on the thread that parsed it.
    let finish = |result: Result<demangler::Symbol, _>| result.ok().map(symbol::Symbol::from_core);
    py.detach(|| {
        demangler::parse_in_order(&slices, &options, &finish, |piece| {
            Python::attach(|py| {
                for result in piece {
                    let item = match result {
                        Some(symbol) => symbol::Symbol::new_untracked(py, symbol),
                        None => Ok(py.None()),
                    };
                    match item {
                        Ok(item) => items.push(item),
                        Err(error) => failure = failure.take().or(Some(error)),
                    }
                }
            })
        })
    });
    if let Some(error) = failure {
        return Err(error);
    }
    demangler::serial(|| PyList::new(py, items))
}

/// A `TypeError` for a single `str` or `bytes` given to `<one>_many`.
fn refuse_single_symbol(symbols: &Bound<'_, PyAny>, one: &str) -> PyResult<()> {
    if symbols.is_instance_of::<PyString>() || symbols.is_instance_of::<PyBytes>() {
        let type_name = symbols.get_type().name()?;
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "symbols must be an iterable of symbols, not a single {type_name} \
             ({one}() takes one symbol; {one}_many([symbol]) a list of one)"
        )));
    }
    Ok(())
}

/// Run the ``cpp-demangle`` command (the native one's code) with ``argv``,
/// the program name first, on this process's standard streams; return its
/// exit status. ``python -m cpp_demangle`` calls this.
#[pyfunction]
fn cli_main(py: Python<'_>, argv: Vec<Vec<u8>>) -> i32 {
    let argv = argv.into_iter().map(cli::expand::os_from_bytes).collect();
    // Ctrl-C: a read interrupted by a signal asks Python whether to stop.
    let interrupted = || Python::attach(|py| py.check_signals().is_err());
    py.detach(|| cli::run_with_stdio(argv, &interrupted, &run_parquet))
}

/// A `--parquet` job, done by `cpp_demangle.parquet.run` in this process;
/// a Python exception becomes the command's one-line message.
fn run_parquet(job: &cli::args::Parquet, _args: &[Vec<u8>]) -> Result<i32, String> {
    Python::attach(|py| {
        let call = || -> PyResult<i32> {
            let path =
                |raw: &[u8]| std::path::PathBuf::from(cli::expand::os_from_bytes(raw.to_vec()));
            let kwargs = options::kwargs_from_options(py, &job.options)?;
            py.import("cpp_demangle.parquet")?
                .getattr("run")?
                .call(
                    (
                        path(&job.input),
                        path(&job.output),
                        job.column.as_deref(),
                        job.into.as_deref(),
                    ),
                    Some(&kwargs),
                )?
                .extract()
        };
        call().map_err(|error| error.value(py).to_string())
    })
}

/// Seconds this thread has spent, since the last call, on the part of bulk
/// calls that only it can do (taking the arguments, making the results):
/// the serial part that more threads cannot shorten. For
/// benchmarks/bench_scaling.py.
#[pyfunction]
fn take_serial_seconds() -> f64 {
    demangler::take_serial_time().as_secs_f64()
}

/// The compiled core of cpp_demangle; import from ``cpp_demangle`` instead.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(demangle, m)?)?;
    m.add_function(wrap_pyfunction!(demangle_many, m)?)?;
    m.add_function(wrap_pyfunction!(demangle_text, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_class::<symbol::Symbol>()?;
    m.add_function(wrap_pyfunction!(arrow::demangle_arrow, m)?)?;
    m.add_class::<arrow::ArrowColumn>()?;
    m.add_function(wrap_pyfunction!(cli_main, m)?)?;
    m.add_function(wrap_pyfunction!(take_serial_seconds, m)?)?;
    m.add("DemangleError", m.py().get_type::<DemangleError>())?;
    m.add("OPTIONS", options::NAMES.to_vec())?;
    m.add("DEFAULT_MAX_LENGTH", demangler::Options::DEFAULT_MAX_OUTPUT)?;
    m.add(
        "DEFAULT_RECURSION_LIMIT",
        demangler::Options::DEFAULT_RECURSION_LIMIT,
    )?;
    Ok(())
}
