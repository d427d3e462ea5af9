"""Demangle linker symbols into readable names: C++ (Itanium), Rust, D, Java
and GNAT as GNU c++filt does, Microsoft C++ names as LLVM's llvm-undname
does, and Swift names as swift-demangle does.

The work is done by a compiled Rust core; this package re-exports it.

>>> import cpp_demangle
>>> cpp_demangle.demangle("_ZN7mangled3fooEd")
'mangled::foo(double)'
>>> cpp_demangle.demangle_many(["_ZN3FooC1Ev", "main"])
['Foo::Foo()', 'main']
>>> cpp_demangle.demangle_text("#0 0x4005d6 in _ZN3foo3barEv+0x12")
'#0 0x4005d6 in foo::bar()+0x12'
>>> cpp_demangle.demangle("??0Foo@@QEAA@XZ")
'public: __cdecl Foo::Foo(void)'
>>> cpp_demangle.demangle("$s10Foundation4DataV5countSivg")
'Foundation.Data.count.getter : Swift.Int'

demangle_arrow() does a whole Arrow column (pyarrow, Polars, DuckDB, pandas)
in place, and cpp_demangle.clusters has recipes for Dask, Spark and Ray.
parse() gives the parts of a name (a Symbol):

>>> s = cpp_demangle.parse("_ZNKSt6vectorIiSaIiEE4sizeEv")
>>> s.kind, s.base_name, s.qualifiers
('function', 'size', 'const')

Anything that is not a mangled name makes demangle() raise DemangleError, a
ValueError (demangle_many() and demangle_text() leave it as it is):

>>> try:
...     cpp_demangle.demangle("main")
... except ValueError as error:
...     print(error)
cannot demangle 'main': not a mangled C++ symbol

Options, the same keywords for every function (and the command line):

params=True
    Print function parameter lists; False is ``c++filt -p``.
return_type=True
    Print the return types of template functions.
templates=True
    Print template argument lists; False drops every one, wherever it is
    (``std::vector::size() const``): names for profilers. Operators keep
    their ``<``; legacy Rust names keep the angle brackets of their path.
suffixes=True
    Print compilers' suffixes of C++ names (`` [clone .cold]``); False drops
    them.
hash=True
    Print the hashes of Rust names (``::h0123...`` and v0's ``[...]``); False
    drops them.
simplified=False
    Print Swift names in the short form of ``swift-demangle --simplified``,
    what Xcode and crash reporters show: no module names, parameter types,
    where clauses or specialization details.
types=False
    Also demangle bare type encodings (``i`` is ``int``), as ``c++filt -t``.
style="c++filt"
    Whose output to reproduce, byte for byte: ``"c++filt"`` (GNU binutils:
    C++ and Rust symbols, symbol version suffixes) or ``"libstdc++"``
    (``abi::__cxa_demangle``, what C++ runtimes and the ``cxxfilt`` package
    print: C++ only, ``std::string`` rather than its full spelling).
format="auto"
    Which manglings to recognise, by c++filt's ``-s`` names: ``"auto"``
    (Rust, then C++, then D; and Microsoft C++ for a name that starts with
    ``?``, and Swift for a name with a prefix of Swift's: ``$s``, ``_$s``,
    ``$S``, ``_$S``, ``$e``, ``_$e``, ``_T``), ``"gnu-v3"`` (C++ only),
    ``"rust"``, ``"dlang"``, ``"java"``
    (GCJ's names: ``java.lang.String``), ``"gnat"`` (Ada; never fails, as in
    c++filt: ``<Foo>`` where not GNAT's), ``"msvc"`` (Microsoft C++ names
    alone, as LLVM 19's ``llvm-undname`` prints them, ``.?AV`` typeinfo
    strings too), ``"swift"`` (Swift names alone, as swift-demangle 6.2.3
    prints them) or ``"none"``. For Microsoft names, ``return_type=False``
    is llvm-undname's ``--no-return-type``, ``verbose=False`` its
    ``--no-calling-convention --no-access-specifier --no-member-type``, and
    ``params=False`` all of those and ``--no-variable-type``, and no
    parameter list.
verbose=True
    With ``style="c++filt"``, spell standard names out and show the hashes of
    Rust symbols; False is ``c++filt -i``.
strip_underscore=False
    Remove one leading underscore first, as ``c++filt -_`` does for macOS
    symbols. demangle() and demangle_many() recognise a macOS name
    (``__ZN3foo3barEv``) without it; demangle_text() and the command line
    keep c++filt's rule and need it.
recursion_limit=4096
    How deeply nested a name may be (1 to 4096; another value is a
    ValueError, as on the command line). The default covers every name
    c++filt demangles; the stack a limit needs is always provided, on any
    thread, so no input can overflow it.
max_length=1048576
    The longest demangled name, in bytes; and never more than 64 times the
    symbol's own length plus 1 KiB. Real symbols stay far below both (under 30
    times); a hostile one whose back references double at every level stops
    there, in well under a millisecond (DemangleError, or left as it is by
    demangle_many() and demangle_text()).
threads=None
    How many threads the bulk functions (demangle_many(), parse_many(),
    demangle_text(), demangle_arrow()) use, the calling thread included:
    None for every CPU (or fewer where ``RAYON_NUM_THREADS`` says so), 1 for
    the calling thread alone (a Dask or Spark worker that already runs a
    task per core); never more than the CPUs, which would only take turns.
    Others ignore it.
"""

try:
    from cpp_demangle._native import (
        DEFAULT_MAX_LENGTH,
        DEFAULT_RECURSION_LIMIT,
        DemangleError,
        Symbol,
        demangle,
        demangle_many,
        demangle_text,
        parse,
        parse_many,
    )
except ImportError as _missing:  # pragma: no cover - only in an unbuilt checkout
    import os as _os

    _here = _os.path.dirname(_os.path.abspath(__file__))
    if _missing.name == "cpp_demangle._native" and _os.path.exists(_os.path.join(_here, "..", "setup.py")):
        raise ImportError(
            f"cpp_demangle was imported from its source tree ({_here}), which has no built "
            "extension: run Python from another directory to use the installed package, "
            "or build it here with `python setup.py build_rust --inplace`"
        ) from None
    raise

from cpp_demangle.arrow import demangle_arrow

__version__ = "0.3.0"

__all__ = [
    "DEFAULT_MAX_LENGTH",
    "DEFAULT_RECURSION_LIMIT",
    "DemangleError",
    "Symbol",
    "__version__",
    "demangle",
    "demangle_arrow",
    "demangle_many",
    "demangle_text",
    "parse",
    "parse_many",
]
