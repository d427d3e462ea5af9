"""demangle_arrow(): Arrow columns in and out, equal to demangle_many().

The symbols are the committed fixtures (real symbols of the machines the
fixtures were recorded on), so the expectation is demangle_many() on the
same list, whatever the symbols demangle to.
"""

import pickle
from pathlib import Path

import pytest

from cpp_demangle import demangle_many

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (ci/requirements-test.txt has it)")
from cpp_demangle.arrow import ArrowColumn, demangle_arrow  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
STRING_TYPES = [pa.string(), pa.large_string(), pa.string_view()]
BINARY_TYPES = [pa.binary(), pa.large_binary(), pa.binary_view()]


def fixture_symbols():
    symbols = []
    for family in ("nm_dynamic", "static", "rust_legacy", "rust_v0", "mutated"):
        with open(FIXTURES / f"{family}.tsv", encoding="utf-8", errors="surrogateescape") as f:
            symbols += [line.split("\t", 1)[0] for line in f]
    return [s for s in symbols if s.isprintable()]


SYMBOLS = fixture_symbols()


def with_nulls(symbols):
    """The symbols with a null every 7th row and some that are not names."""
    rows = list(symbols)
    for i in range(0, len(rows), 7):
        rows[i] = None
    rows[1::11] = ["main", ""] * (len(rows[1::11]) // 2) + ["main"] * (len(rows[1::11]) % 2)
    return rows


def expected(rows, **options):
    present = [r for r in rows if r is not None]
    done = iter(demangle_many(present, **options))
    return [None if r is None else next(done) for r in rows]


@pytest.mark.parametrize("arrow_type", STRING_TYPES, ids=str)
def test_a_string_column_equals_demangle_many(arrow_type):
    rows = with_nulls(SYMBOLS)
    result = demangle_arrow(pa.array(rows, arrow_type))
    assert isinstance(result, pa.Array)
    assert result.type == (pa.large_string() if arrow_type == pa.large_string() else pa.string())
    assert result.null_count == rows.count(None)
    assert result.to_pylist() == expected(rows)


@pytest.mark.parametrize("arrow_type", BINARY_TYPES, ids=str)
def test_a_binary_column_gives_binary_and_keeps_bytes_that_are_not_utf8(arrow_type):
    rows = [s.encode() for s in SYMBOLS[:2000]] + [b"\xff\xfe not UTF-8", None, b"_Z3foov"]
    result = demangle_arrow(pa.array(rows, arrow_type))
    assert result.type == (pa.large_binary() if arrow_type == pa.large_binary() else pa.binary())
    want = [None if r is None else (t.encode() if isinstance(t, str) else t) for r, t in zip(rows, expected(rows))]
    assert result.to_pylist() == want


def test_options_are_those_of_demangle():
    rows = SYMBOLS[:3000]
    for options in ({"params": False}, {"format": "gnu-v3"}, {"style": "libstdc++", "return_type": False}):
        assert demangle_arrow(pa.array(rows), **options).to_pylist() == demangle_many(rows, **options)
    with pytest.raises(ValueError, match="style"):
        demangle_arrow(pa.array(rows), style="llvm")
    with pytest.raises(TypeError, match="unexpected keyword"):
        demangle_arrow(pa.array(rows), colour=True)


def test_a_slice_is_read_from_its_offset():
    rows = with_nulls(SYMBOLS[:5000])
    column = pa.array(rows)
    for start, stop in [(1, 4000), (13, 14), (4999, 5000), (3, 3)]:
        assert demangle_arrow(column.slice(start, stop - start)).to_pylist() == expected(rows[start:stop])


def test_a_chunked_array_keeps_its_chunks():
    rows = with_nulls(SYMBOLS)
    cuts = [0, 1, 1000, 1000, 20_000, len(rows)]
    chunks = [pa.array(rows[a:b], pa.string()) for a, b in zip(cuts, cuts[1:])]
    result = demangle_arrow(pa.chunked_array(chunks, pa.string()))
    assert isinstance(result, pa.ChunkedArray)
    assert [len(c) for c in result.chunks] == [len(c) for c in chunks]
    assert result.to_pylist() == expected(rows)


def test_a_table_of_one_column_and_nulls_only():
    rows = ["_ZN3foo3barEv", None]
    result = pa.chunked_array(demangle_arrow(pa.table({"symbol": rows})))
    assert result.to_pylist() == ["foo::bar()", None]
    assert demangle_arrow(pa.array([None, None])).to_pylist() == [None, None]
    assert demangle_arrow(pa.array([], pa.string())).to_pylist() == []


def test_a_dictionary_encoded_column_demangles_each_distinct_symbol_once():
    rows = with_nulls(SYMBOLS[:3000]) * 3
    column = pa.array(rows).dictionary_encode()
    result = demangle_arrow(column)
    assert result.type == pa.string() and result.to_pylist() == expected(rows)
    # Chunks with dictionaries of their own, indices of every width.
    chunks = [pa.array(rows[i : i + 100]).dictionary_encode() for i in range(0, 500, 100)]
    for index_type in (pa.int8(), pa.uint16(), pa.int64()):
        typed = [pa.DictionaryArray.from_arrays(c.indices.cast(index_type), c.dictionary) for c in chunks]
        got = demangle_arrow(pa.chunked_array(typed).slice(30, 400))
        assert got.to_pylist() == expected(rows[30:430])


def test_categorical_columns_of_polars_and_pandas():
    pl = pytest.importorskip("polars")
    pd = pytest.importorskip("pandas")
    rows = ["_ZN3foo3barEv", None, "main", "_ZN3foo3barEv"]
    assert demangle_arrow(pl.Series("s", rows, dtype=pl.Categorical)).to_list() == expected(rows)
    assert demangle_arrow(pd.Series(rows, dtype="category")).tolist()[::2] == ["foo::bar()", "main"]


def test_other_columns_are_refused_with_the_reason():
    with pytest.raises(TypeError, match='string or binary type .* got Arrow format "l"'):
        demangle_arrow(pa.array([1, 2]))
    with pytest.raises(TypeError, match="table of 2 columns"):
        demangle_arrow(pa.table({"a": ["x"], "b": ["y"]}))
    with pytest.raises(TypeError, match="Arrow array or stream .* not list"):
        demangle_arrow(["_Z1fv"])


def test_the_result_is_any_arrow_consumer_s_and_can_be_read_twice():
    result = __import__("cpp_demangle")._native.demangle_arrow(pa.array(["_Z1fv", None, "x"]))
    assert isinstance(result, ArrowColumn)
    assert len(result) == 3 and result.num_chunks == 1
    assert "3 rows of string" in repr(result)
    first, second = pa.array(result), pa.array(result)
    assert first.to_pylist() == second.to_pylist() == ["f()", None, "x"]
    del result
    assert first.to_pylist() == ["f()", None, "x"]


def test_a_stream_result_is_one_array_too():
    chunks = pa.chunked_array([["_Z1fv", None], ["_Z1gi"]])
    result = __import__("cpp_demangle")._native.demangle_arrow(chunks)
    assert result.num_chunks == 2
    assert pa.array(result).to_pylist() == ["f()", None, "g(int)"]
    assert pa.chunked_array(result).num_chunks == 2


def test_polars_series_in_series_out():
    pl = pytest.importorskip("polars")
    rows = with_nulls(SYMBOLS)
    series = pl.Series("symbol", rows)
    series = pl.concat([series, series.slice(5, 100)], rechunk=False)
    result = demangle_arrow(series)
    assert isinstance(result, pl.Series)
    assert result.name == "symbol" and result.dtype == pl.String
    assert result.to_list() == expected(rows + rows[5:105])


def test_pandas_series_keeps_its_index():
    pd = pytest.importorskip("pandas")
    rows = ["_ZN3foo3barEv", None, "main"]
    series = pd.Series(rows, index=[10, 20, 30], name="symbol", dtype="string[pyarrow]")
    result = demangle_arrow(series)
    assert list(result.index) == [10, 20, 30] and result.name == "symbol"
    assert result.tolist()[0::2] == ["foo::bar()", "main"] and pd.isna(result.iloc[1])


def test_pandas_series_of_each_kind_and_what_is_refused():
    pd = pytest.importorskip("pandas")
    # Strings (object, str, category), bytes and nulls alone: the type
    # pyarrow reads them as, demangled (nulls alone as string).
    for series in (
        pd.Series(["_Z1fv", None]),
        pd.Series(["_Z1fv", None], dtype="string"),
        pd.Series(["_Z1fv", "_Z1fv"], dtype="category"),
    ):
        result = demangle_arrow(series)
        assert pa.types.is_string(result.dtype.pyarrow_dtype) or pa.types.is_large_string(result.dtype.pyarrow_dtype)
        assert result.iloc[0] == "f()"
    assert demangle_arrow(pd.Series([b"_Z1fv"])).dtype.pyarrow_dtype == pa.binary()
    nulls = demangle_arrow(pd.Series([None, None]))
    assert nulls.dtype.pyarrow_dtype == pa.string() and nulls.isna().all()
    # A DataFrame, or a Series with other values: a TypeError that says so.
    with pytest.raises(TypeError, match="not a DataFrame"):
        demangle_arrow(pd.DataFrame({"a": ["_Z1fv"]}))
    with pytest.raises(TypeError, match="'sym' holds values that are not symbols"):
        demangle_arrow(pd.Series(["_Z1fv", 1], name="sym"))


def test_a_duckdb_result_of_one_column():
    duckdb = pytest.importorskip("duckdb")
    relation = duckdb.sql("select * from (values ('_ZN3foo3barEv'), (null), ('main')) t(symbol)")
    assert pa.chunked_array(demangle_arrow(relation)).to_pylist() == ["foo::bar()", None, "main"]


def test_functions_pickle_for_workers():
    assert pickle.loads(pickle.dumps(demangle_arrow)) is demangle_arrow
    assert pickle.loads(pickle.dumps(demangle_many)) is demangle_many


# Symbols whose names are 15 times as long: a column of them passes 2 GiB.
EXPANDING = "_Z1f30abcdefghijklmnopqrstuvwxyz1234" + "S_" * 480


@pytest.mark.slow
def test_names_past_2_gib_come_out_as_large_string():
    from cpp_demangle import demangle

    name = demangle(EXPANDING)
    rows = (1 << 31) // len(name) + 10
    column = pa.array([EXPANDING] * (rows // 2) + [None] + [EXPANDING] * (rows // 2), pa.string())
    result = demangle_arrow(column)
    assert result.type == pa.large_string() and len(result) == len(column)
    assert result.null_count == 1 and not result[rows // 2].is_valid
    assert result[0].as_py() == result[len(result) - 1].as_py() == name
    assert result.buffers()[1].size // 8 == len(column) + 1  # 64-bit offsets


@pytest.mark.slow
def test_a_large_string_column_past_2_gib_is_read():
    size = (1 << 31) + (1 << 20)
    data = bytearray(size)  # zeros: no symbol, copied as they are
    data[-13:] = b"_ZN3foo3barEv"
    offsets = pa.array([0, 1 << 30, size - 13, size], pa.int64()).buffers()[1]
    column = pa.LargeStringArray.from_buffers(3, offsets, pa.py_buffer(data))
    result = demangle_arrow(column)
    assert result.type == pa.large_string()
    assert result[2].as_py() == "foo::bar()"
    assert [len(result[i].as_py()) for i in (0, 1)] == [1 << 30, size - 13 - (1 << 30)]
