"""demangle_many() and demangle_text(): order, c++filt's rule for failures, types."""

import re
import threading
from pathlib import Path

import pytest

from cpp_demangle import DemangleError, demangle, demangle_many, demangle_text, parse, parse_many


def test_demangle_many_keeps_order_and_returns_failures_unchanged():
    bad = b"\xffnot a symbol"
    symbols = ["_ZN7mangled3fooEd", "main", b"_Z3barv", bad, "_ZNSt8ios_base4InitC1Ev@@GLIBCXX_3.4"]
    result = demangle_many(symbols)
    assert result == [
        "mangled::foo(double)",
        "main",
        "bar()",
        bad,
        "std::ios_base::Init::Init()@@GLIBCXX_3.4",
    ]
    assert result[1] is symbols[1] and result[3] is symbols[3]


def test_demangle_many_takes_any_iterable():
    assert demangle_many(s for s in ["_Z1fv", "_Z1gi"]) == ["f()", "g(int)"]
    assert demangle_many([]) == []
    assert demangle_many(("_Z1fv",), params=False) == ["f"]


def test_demangle_many_in_bulk_agrees_with_demangle():
    symbols = [f"_ZN2ns{len(str(i)) + 1}f{i}Ev" for i in range(20_000)] + ["x"] * 10
    expected = [demangle(s) if s != "x" else s for s in symbols]
    assert demangle_many(symbols) == expected


def test_demangle_many_streams_a_long_generator_in_order():
    # Chunks go to the pool while the generator is still being read.
    def symbols():
        for i in range(10_000):
            yield f"_Z{len(str(i)) + 1}f{i}v" if i % 3 else b"not mangled %d" % i

    result = demangle_many(symbols())
    assert len(result) == 10_000
    assert result[:4] == [b"not mangled 0", "f1()", "f2()", b"not mangled 3"]
    assert result[9_998] == "f9998()" and result[9_999] == b"not mangled 9999"


def test_demangle_many_stops_cleanly_when_the_input_fails_half_way():
    def symbols():
        yield from ["_Z1fv"] * 5000
        raise OSError("the source went away")

    with pytest.raises(OSError, match="went away"):
        demangle_many(symbols())
    with pytest.raises(TypeError, match="not int"):
        demangle_many(["_Z1fv"] * 5000 + [4])
    assert demangle_many(["_Z1fv"] * 5000) == ["f()"] * 5000


def test_demangle_many_leaves_lone_surrogates_unchanged():
    odd = "_Z3foo\udcffv"
    assert demangle_many([odd, "_Z1fv"]) == [odd, "f()"]


@pytest.mark.parametrize("bad", [None, 3, [None], ["_Z1fv", 4]])
def test_demangle_many_rejects_what_is_not_str_or_bytes(bad):
    with pytest.raises(TypeError):
        demangle_many(bad)


def test_demangle_many_from_many_threads_agrees():
    symbols = [f"_ZN1a{len(str(i)) + 1}b{i}Ei" for i in range(3000)]
    expected = demangle_many(symbols)
    results = []

    def work():
        results.append(demangle_many(symbols))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_demangle_text_replaces_symbols_and_keeps_every_other_byte():
    assert demangle_text("at 0x1 _ZN3foo3barEv+0x12 (libx.so)") == "at 0x1 foo::bar()+0x12 (libx.so)"
    assert demangle_text("_ZNSt8ios_base4InitC1Ev@GLIBCXX_3.4") == "std::ios_base::Init::Init()@GLIBCXX_3.4"
    assert demangle_text("no symbols, just text\n") == "no symbols, just text\n"
    assert demangle_text("") == ""


def test_demangle_text_bytes_in_bytes_out_lossless():
    raw = b"\xff\xfe _Z3foov \x00\x80 main\r\n"
    assert demangle_text(raw) == b"\xff\xfe foo() \x00\x80 main\r\n"


def test_demangle_text_keeps_lone_surrogates():
    # Text read with errors="surrogateescape" keeps its undecodable bytes,
    # as bytes in keep theirs; symbols next to them are still demangled.
    raw = b"at _Z3foov\xff_Z3barv \xfe\n"
    text = raw.decode("utf-8", "surrogateescape")
    out = demangle_text(text)
    assert out == "at foo()\udcffbar() \udcfe\n"
    assert out.encode("utf-8", "surrogateescape") == demangle_text(raw)
    assert demangle_text("\ud800 _Z3foov \udfff") == "\ud800 foo() \udfff"


def test_demangle_many_refuses_a_single_symbol():
    for one in ("_Z1fv", b"_Z1fv"):
        with pytest.raises(TypeError, match="iterable of symbols"):
            demangle_many(one)
    assert demangle_many(iter(["_Z1fv"])) == ["f()"]


def test_demangle_text_options():
    assert demangle_text("T _Z3fooi", params=False) == "T foo"
    assert demangle_text("T i", types=True) == "T int"
    assert demangle_text("T __Z3fooi", strip_underscore=True) == "T foo(int)"


def test_demangle_text_large_input_matches_line_by_line():
    line = "0000000000001234 T _ZN4llvm5Value7setNameERKNS_5TwineE\n"
    text = line * 50_000
    assert demangle_text(text) == demangle_text(line) * 50_000


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_large_text_with_characters_beyond_ascii_comes_out_whole(threads):
    # Cut into pieces on more threads, never inside a character: each
    # piece is a str of its own before they are joined.
    line = "é€😀 _ZN3foo3barEv😀_Z1fv\u00e9 \n"
    text = line * 20_000
    want = "é€😀 foo::bar()😀f()\u00e9 \n" * 20_000
    assert demangle_text(text, threads=threads) == want
    assert demangle_text(text.encode(), threads=threads) == want.encode()


@pytest.mark.parametrize("bad", [None, 1, ["_Z1fv"]])
def test_demangle_text_rejects_what_is_not_str_or_bytes(bad):
    with pytest.raises(TypeError, match="text must be str or bytes"):
        demangle_text(bad)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"style": "msvc"}, "style must be 'c++filt' or 'libstdc++', not \"msvc\""),
        (
            {"format": "lucid"},
            'format must be one of none, auto, gnu-v3, java, gnat, dlang, rust, msvc, swift, not "lucid"',
        ),
        ({"max_length": 0}, "max_length must be at least 1, not 0"),
        ({"max_length": -1}, "max_length must be at least 1, not -1"),
        ({"recursion_limit": 0}, "recursion_limit must be from 1 to 4096, not 0"),
        ({"recursion_limit": 5000}, "recursion_limit must be from 1 to 4096, not 5000"),
        ({"recursion_limit": -1}, "recursion_limit must be from 1 to 4096, not -1"),
        ({"recursion_limit": 2**70}, "recursion_limit must be from 1 to 4096, not 9223372036854775807"),
        ({"threads": 0}, "threads must be at least 1, not 0"),
        ({"threads": -2}, "threads must be at least 1, not -2"),
    ],
)
def test_every_entry_point_refuses_a_bad_option_in_the_same_words(options, message):
    for call in (
        lambda: demangle("_Z1fv", **options),
        lambda: demangle_many(["_Z1fv"], **options),
        lambda: demangle_text("_Z1fv", **options),
    ):
        with pytest.raises(ValueError) as caught:
            call()
        assert str(caught.value) == message


def test_every_thread_count_gives_the_same_results():
    symbols = [f"_ZN3foo3barILi{i}EEEvv" if i % 3 else f"plain{i}" for i in range(20_000)]
    text = "\n".join(symbols)
    one = demangle_many(symbols, threads=1)
    assert one[:3] == ["plain0", "void foo::bar<1>()", "void foo::bar<2>()"]
    parsed = [s and s.base_name for s in parse_many(symbols, threads=1)]
    assert parsed[:2] == [None, "bar"]
    for threads in (2, 3, 64, None):
        assert demangle_many(symbols, threads=threads) == one
        assert [s and s.base_name for s in parse_many(symbols, threads=threads)] == parsed
        assert demangle_text(text, threads=threads) == "\n".join(one)


def test_threads_must_be_an_int_or_none():
    with pytest.raises(TypeError, match="threads must be an int, not float"):
        demangle_many(["_Z1fv"], threads=2.0)
    assert demangle_many(["_Z1fv"], threads=None) == ["f()"]


def test_a_limit_must_be_an_int():
    with pytest.raises(TypeError, match="recursion_limit must be an int, not float"):
        demangle("_Z1fv", recursion_limit=10.0)
    with pytest.raises(TypeError, match="max_length must be an int, not bool"):
        demangle_many(["_Z1fv"], max_length=True)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"params": "no"}, "params must be a bool, not str"),
        ({"return_type": 1}, "return_type must be a bool, not int"),
        ({"format": None}, "format must be a str, not NoneType"),
        ({"style": 3}, "style must be a str, not int"),
    ],
)
def test_a_wrong_type_names_the_option(options, message):
    for call in (demangle, lambda s, **o: demangle_many([s], **o), demangle_text, parse):
        with pytest.raises(TypeError, match=message):
            call("_Z1fv", **options)


@pytest.mark.parametrize(
    "format, words", [("rust", "Rust"), ("dlang", "D"), ("msvc", "Microsoft C++"), ("java", "Java"), ("gnat", None)]
)
def test_a_name_not_of_the_format_is_said_in_its_words(format, words):
    if words is None:
        # GNAT's demangler prints any name (as c++filt -s gnat does).
        assert demangle("xyz", format=format) == "xyz"
        return
    with pytest.raises(DemangleError, match=re.escape(f"not a mangled {words} symbol")):
        demangle("xyz", format=format)


def test_libstdcxx_style():
    assert demangle("_Z1fSs", style="libstdc++") == "f(std::string)"
    assert demangle("i", style="libstdc++") == "int"
    # __cxa_demangle takes no symbol version suffix and no Rust symbols.
    with pytest.raises(DemangleError):
        demangle("_Z1fv@@V_1", style="libstdc++")
    assert demangle("_Z1fSs") == "f(std::basic_string<char, std::char_traits<char>, std::allocator<char> >)"
    assert demangle("_Z1fSs", verbose=False) == "f(std::string)"


def test_demangle_many_of_str_and_of_bytes_agree():
    # A str goes to the core as text (its UTF-8 not checked again), bytes
    # as bytes: the same names, the same failures.
    fixtures = Path(__file__).parent / "fixtures"
    symbols = [
        line.split("\t", 1)[0]
        for family in ("near_miss", "damaged", "static")
        for line in (fixtures / f"{family}.tsv").read_text(encoding="utf-8").splitlines()
    ]
    encoded = [s.encode() for s in symbols]
    for as_text, as_bytes, symbol, raw in zip(demangle_many(symbols), demangle_many(encoded), symbols, encoded):
        if as_text is symbol:
            assert as_bytes is raw
        else:
            assert as_text == as_bytes
