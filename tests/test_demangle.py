"""Behaviour of cpp_demangle.demangle: results, options, errors, types."""

import pickle

import pytest

import cpp_demangle
from cpp_demangle import DemangleError, demangle, demangle_many, demangle_text


@pytest.mark.parametrize(
    "symbol, expected",
    [
        ("_ZN7mangled3fooEd", "mangled::foo(double)"),
        ("_ZN5space3fooEibc", "space::foo(int, bool, char)"),
        ("_ZNKSt6vectorIiSaIiEE4sizeEv", "std::vector<int, std::allocator<int> >::size() const"),
        ("_ZN3FooC1Ev", "Foo::Foo()"),
        ("_ZN3FooD2Ev", "Foo::~Foo()"),
        ("_ZplRK3VecS1_", "operator+(Vec const&, Vec const&)"),
        ("_Z1fIiEvT_", "void f<int>(int)"),
        ("_ZZ4mainE5count", "main::count"),
    ],
)
def test_demangles_real_shapes(symbol, expected):
    assert demangle(symbol) == expected


def test_bytes_and_str_give_the_same_text():
    assert demangle(b"_ZN7mangled3fooEd") == demangle("_ZN7mangled3fooEd") == "mangled::foo(double)"
    assert type(demangle(b"_ZN7mangled3fooEd")) is str


def test_params_false_drops_parameter_lists():
    assert demangle("_ZN7mangled3fooEd", params=False) == "mangled::foo"
    assert demangle("_ZNKSt6vectorIiSaIiEE4sizeEv", params=False) == ("std::vector<int, std::allocator<int> >::size")


def test_return_type_false_drops_template_return_types():
    assert demangle("_Z1fIiEvT_") == "void f<int>(int)"
    assert demangle("_Z1fIiEvT_", return_type=False) == "f<int>(int)"
    # Ordinary functions have no return type to drop.
    assert demangle("_ZN7mangled3fooEd", return_type=False) == "mangled::foo(double)"


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        demangle("_ZN7mangled3fooEd", False)  # type: ignore[misc]
    assert demangle(symbol="_ZN7mangled3fooEd") == "mangled::foo(double)"


@pytest.mark.parametrize(
    "symbol, reason",
    [
        ("invalid c++ symbol", "not a mangled C++ symbol"),
        ("main", "not a mangled C++ symbol"),
        ("i", "not a mangled C++ symbol"),
        ("", "empty input is not a mangled symbol"),
        ("_Z", "the mangled name ends too early"),
        ("_Z3foov and more", "malformed mangled name"),
    ],
)
def test_failures_raise_demangle_error_naming_symbol_and_reason(symbol, reason):
    with pytest.raises(DemangleError) as caught:
        demangle(symbol)
    assert str(caught.value) == f"cannot demangle '{symbol}': {reason}"


def test_demangle_error_is_a_value_error():
    assert issubclass(DemangleError, ValueError)
    assert DemangleError.__module__ == "cpp_demangle"
    with pytest.raises(ValueError):
        demangle("not mangled")


def test_long_symbols_are_shortened_in_the_message():
    symbol = "_Z" + "x" * 10_000
    with pytest.raises(DemangleError) as caught:
        demangle(symbol)
    message = str(caught.value)
    assert len(message) < 200
    assert message.startswith("cannot demangle '_Zxxx")
    assert "(10002 characters)" in message
    with pytest.raises(DemangleError, match=r"^cannot demangle b'_Zxxx.*\.\.\. \(10002 bytes\)"):
        demangle(symbol.encode())


def test_the_message_shows_the_symbol_as_python_repr_does():
    for symbol in ("bad\x00name", "it's", "x\udcff", b"\xff_Z", "_Z\t"):
        with pytest.raises(DemangleError) as caught:
            demangle(symbol)
        assert str(caught.value).startswith(f"cannot demangle {symbol!r}: ")


def test_a_macos_name_is_recognised_without_being_told():
    assert demangle("__ZN3foo3barEv") == demangle("_ZN3foo3barEv") == "foo::bar()"
    assert demangle("__ZN3foo3barEv@plt") == "foo::bar()@plt"
    assert demangle_many(["__Z1fv", "__R"]) == ["f()", "__R"]
    # demangle_text keeps c++filt's rule, which needs strip_underscore.
    assert demangle_text("__Z1fv") == "__Z1fv"
    with pytest.raises(DemangleError, match="not a mangled"):
        demangle("__Zxyz")


def test_non_utf8_bytes_are_an_error_not_a_crash():
    with pytest.raises(DemangleError) as caught:
        demangle(b"_Z3f\xffov")
    assert "\\xff" in str(caught.value)


def test_lone_surrogates_are_an_error_not_a_crash():
    with pytest.raises(DemangleError):
        demangle("_Z3foo\udcffv")


@pytest.mark.parametrize("bad", [None, 42, 1.5, ["_Z3foov"], bytearray(b"_Z3foov"), object()])
def test_wrong_types_raise_type_error(bad):
    with pytest.raises(TypeError, match="symbol must be str or bytes"):
        demangle(bad)


def test_wrong_option_types_raise_type_error():
    with pytest.raises(TypeError):
        demangle("_Z3foov", params="no")  # type: ignore[arg-type]


def test_demangle_error_pickles():
    with pytest.raises(DemangleError) as caught:
        demangle("nope")
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is DemangleError
    assert str(again) == str(caught.value) == "cannot demangle 'nope': not a mangled C++ symbol"


def test_public_api():
    assert sorted(cpp_demangle.__all__) == [
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
    assert cpp_demangle.__version__.count(".") == 2
