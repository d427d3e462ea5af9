"""Demangle a column where it already is: Arrow arrays and streams.

:func:`demangle_arrow` reads a column of symbols in place through the Arrow
PyCapsule interface (no Python object a row), demangles it on all cores
without the GIL, and gives back a column of the input's own library:

- a pyarrow ``Array`` or ``ChunkedArray`` gives the same (pyarrow ≥ 14);
- a Polars ``Series`` gives a ``Series`` of the same name (Polars ≥ 1.3);
- a pandas ``Series`` gives a ``Series`` with the same index and name, of
  ``ArrowDtype``: pyarrow reads the Series (``str``, ``object`` and
  ``category`` Series of strings as ``large_string`` or ``string``, as the
  installed pyarrow reads them; of bytes as ``binary``; a Series of nulls
  alone as ``string``), and the result has the type of what was read. A
  Series that holds anything but strings, bytes and nulls is a
  ``TypeError``, and so is a ``DataFrame`` (pass one of its columns);
- any other Arrow producer (a DuckDB result of one column, nanoarrow, ...)
  gives an :class:`ArrowColumn`, which pyarrow, Polars and the rest take.

No library is imported unless the column came from it; the package depends
on none of them.
"""

from __future__ import annotations

from importlib import import_module

from cpp_demangle import _native
from cpp_demangle._native import ArrowColumn

# `typing` for the type checker only: importing it would make importing
# cpp_demangle twenty times slower.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from typing_extensions import Unpack

    from cpp_demangle._native import _Options

__all__ = ["ArrowColumn", "demangle_arrow", "with_column"]


def _library(column: object) -> str:
    return type(column).__module__.partition(".")[0]


def optional(name: str) -> Any:
    """The optional library `name` (pyarrow, pandas, Polars, a cluster
    engine), imported where it is used: the package depends on none of them,
    and some ship no types (to a type checker it is `Any`)."""
    return import_module(name)


def demangle_arrow(column: Any, **options: Unpack[_Options]) -> Any:
    """Demangle every symbol of an Arrow column (``string``,
    ``large_string``, ``string_view``, ``binary``, ``large_binary`` or
    ``binary_view``). Nulls stay null and a symbol that does not demangle
    stays as it is, as in :func:`cpp_demangle.demangle_many`; the options
    are those of :func:`cpp_demangle.demangle`.

    The result is ``string`` (``binary`` for binary input; ``large_`` when the
    input was, or when the texts pass 2 GiB), in the input's chunks.

    >>> import pyarrow as pa
    >>> demangle_arrow(pa.array(["_ZN3foo3barEv", None, "main"])).to_pylist()
    ['foo::bar()', None, 'main']
    """
    library = _library(column)
    if library == "pandas":
        return _demangle_pandas(column, **options)
    result = _native.demangle_arrow(column, **options)
    if library == "pyarrow":
        pa = optional("pyarrow")
        if isinstance(column, pa.Array):
            return pa.array(result)
        if isinstance(column, pa.ChunkedArray):
            return pa.chunked_array(result)
    elif library == "polars":
        pl = optional("polars")
        if isinstance(column, pl.Series):
            return pl.Series(column.name, result)
    return result


def _demangle_pandas(column: Any, **options: Unpack[_Options]) -> Any:
    """:func:`demangle_arrow` of a pandas Series, read by pyarrow."""
    pd, pa = optional("pandas"), optional("pyarrow")

    if isinstance(column, pd.DataFrame):
        raise TypeError(
            "demangle_arrow takes one column: a pandas Series, not a DataFrame (pass df[name], one column of it)"
        )
    if not isinstance(column, pd.Series):
        raise TypeError(f"demangle_arrow takes a pandas Series, not {type(column).__name__}")
    try:
        read = pa.array(column)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as error:
        raise TypeError(
            f"the pandas Series {column.name!r} holds values that are not symbols (str, bytes or None): {error}"
        ) from None
    if pa.types.is_null(read.type):
        read = read.cast(pa.string())
    result = pa.chunked_array(_native.demangle_arrow(pa.chunked_array([read]), **options))
    return pd.Series(result, index=column.index, name=column.name, dtype=pd.ArrowDtype(result.type))


def with_column(table: Any, name: str, values: Any) -> Any:
    """A pyarrow ``Table`` or ``RecordBatch`` with column ``name`` set to
    ``values``: replaced in its place, or added at the end."""
    index = table.schema.get_field_index(name)
    if index < 0:
        return table.append_column(name, values)
    return table.set_column(index, name, values)
