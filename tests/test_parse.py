"""parse() and parse_many(): the parts of a name, as LLVM's partial demangler
reads them.

tests/fixtures/parse.tsv holds what LLVM 14's ``ItaniumPartialDemangler``
says of each C++ symbol of the c++filt fixtures (``tests/regenerate_fixtures.py
--parse``, through tests/oracles/partial.cpp). Where LLVM and this package
print the same full name, every field must be LLVM's.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from cpp_demangle import DemangleError, Symbol, demangle, parse, parse_many

FIXTURES = Path(__file__).resolve().parent / "fixtures"
COLUMNS = [
    "symbol",
    "ok",
    "is_function",
    "is_data",
    "is_special",
    "is_ctor_or_dtor",
    "has_function_qualifiers",
    "text",
    "base_name",
    "scope",
    "name",
    "parameters",
    "return_type",
]


def llvm_rows():
    with open(FIXTURES / "parse.tsv", encoding="utf-8", newline="\n") as f:
        return [dict(zip(COLUMNS, line.rstrip("\n").split("\t"))) for line in f]


def fields(symbol: Symbol) -> dict:
    """The Symbol's answers to the questions LLVM's partial demangler
    answers (LLVM's `hasFunctionQualifiers` counts cv- and ref-qualifiers
    only, not `noexcept`)."""
    qualifiers = symbol.qualifiers.replace("noexcept", "").replace("throw()", "").strip()
    out = {
        "is_function": str(int(symbol.kind == "function")),
        "is_data": str(int(symbol.kind == "data")),
        "is_special": str(int(symbol.kind == "special")),
        "is_ctor_or_dtor": str(int(symbol.is_ctor_or_dtor)),
        "has_function_qualifiers": str(int(bool(qualifiers))),
    }
    if symbol.kind == "function":
        for part in ("base_name", "scope", "name", "parameters", "return_type"):
            out[part] = getattr(symbol, part)
    return out


def test_every_field_is_llvms_where_the_names_are_the_same():
    rows = [r for r in llvm_rows() if r["ok"] == "1"]
    compared, differing = 0, []
    for row in rows:
        mine = parse(row["symbol"])
        if mine.text != row["text"]:
            continue  # LLVM and GNU print this name differently
        compared += 1
        want = {k: row[k] for k in fields(mine)}
        if fields(mine) != want:
            differing.append((row["symbol"], fields(mine), want))
    assert compared >= 4000
    assert not differing, f"{len(differing)} of {compared} differ, e.g. {differing[:2]}"


def test_spans_are_the_parts():
    mangled = [r["symbol"] for r in llvm_rows()]
    for name, symbol in zip(mangled, parse_many(mangled)):
        if symbol is None:
            continue
        assert symbol.text == demangle(name)
        for part, span in symbol.spans.items():
            if part == "template_args":
                assert [symbol.text[a:b] for a, b in span] == symbol.template_args
            else:
                start, end = span
                assert symbol.text[start:end] == getattr(symbol, part), part
        if symbol.kind == "function":
            name = symbol.spans["name"]
            base = symbol.spans["base_name"]
            assert name[0] <= base[0] <= base[1] <= name[1]


@pytest.mark.parametrize(
    "mangled, parts",
    [
        (
            "_ZNKSt6vectorIiSaIiEE4sizeEv",
            {
                "text": "std::vector<int, std::allocator<int> >::size() const",
                "kind": "function",
                "base_name": "size",
                "scope": "std::vector<int, std::allocator<int> >",
                "name": "std::vector<int, std::allocator<int> >::size",
                "parameters": "()",
                "return_type": "",
                "qualifiers": "const",
                "template_args": [],
                "is_ctor_or_dtor": False,
            },
        ),
        (
            "_ZN2ns1fIiJcdEEEvT_DpT0_",
            {
                "name": "ns::f<int, char, double>",
                "base_name": "f",
                "scope": "ns",
                "template_args": ["int", "char", "double"],
                "return_type": "void",
                "parameters": "(int, char, double)",
            },
        ),
        ("_ZN3FooD2Ev", {"base_name": "~Foo", "scope": "Foo", "is_ctor_or_dtor": True}),
        ("_ZNO1A1fEv", {"qualifiers": "&&"}),
        ("_ZTV3Foo", {"kind": "special", "special": "vtable", "name": ""}),
        ("_ZN3foo3barE", {"kind": "data", "base_name": "bar", "scope": "foo"}),
        ("_Z3foov.cold", {"kind": "function", "base_name": "foo", "suffix": "[clone .cold]"}),
        # Every clone suffix, as printed (it was `.isra.0] [clone .constprop.1`).
        ("_Z3barv.isra.0.constprop.1", {"name": "bar", "suffix": "[clone .isra.0] [clone .constprop.1]"}),
        # A name inside its return type's declarator: the return type is not
        # one span, the other parts are found (they were all empty).
        (
            "_ZSt7forwardIPFvN4llvm5ErrorEEEOT_RNSt16remove_referenceIS4_E4typeE",
            {
                "name": "std::forward<void (*)(llvm::Error)>",
                "scope": "std",
                "base_name": "forward",
                "parameters": "(std::remove_reference<void (*)(llvm::Error)>::type&)",
                "return_type": "",
            },
        ),
        ("_ZN4core3fmt5write17h0123456789abcdefE", {"language": "rust", "base_name": "write", "scope": "core::fmt"}),
        ("_RINvCs1234_7mycrate3fooiE", {"language": "rust", "base_name": "foo", "template_args": ["isize"]}),
        ("?f@C@@QEAAHH@Z", {"language": "c++", "kind": "function", "text": "public: int __cdecl C::f(int)"}),
    ],
)
def test_parts_of_names(mangled, parts):
    symbol = parse(mangled)
    assert {k: getattr(symbol, k) for k in parts} == parts


@pytest.mark.parametrize("mangled", ["_ZNKSt6vectorIiSaIiEE4sizeEv", "_Z1fIiEvT_", "_Z3foov.cold", "_ZL1x", "_ZN1a1bE"])
def test_the_kind_does_not_depend_on_how_the_name_prints(mangled):
    # Without parameters a function's type is not read; it is a function still.
    kinds = {parse(mangled, **options).kind for options in ({}, {"params": False}, {"templates": False})}
    assert len(kinds) == 1, kinds


def test_options_are_those_of_demangle():
    symbol = parse("_Z1fIiEvT_", return_type=False)
    assert (symbol.text, symbol.return_type, symbol.parameters) == ("f<int>(int)", "", "(int)")
    symbol = parse("_ZN1A1fEi", params=False)
    assert (symbol.text, symbol.base_name, symbol.parameters) == ("A::f", "f", "")
    with pytest.raises(ValueError, match="style"):
        parse("_Z1fv", style="lucid")
    with pytest.raises(DemangleError, match="not a mangled"):
        parse("main")
    with pytest.raises(TypeError):
        parse(1)


def test_a_symbol_is_immutable_hashable_and_picklable():
    symbol = parse("_ZN3foo3barIiEEvT_")
    with pytest.raises(AttributeError):
        symbol.text = "x"
    assert pickle.loads(pickle.dumps(symbol)) == symbol
    assert hash(pickle.loads(pickle.dumps(symbol))) == hash(symbol)
    assert len({symbol, parse("_ZN3foo3barIiEEvT_")}) == 1
    assert repr(symbol) == "Symbol('void foo::bar<int>(int)', kind='function', language='c++')"
    assert str(symbol) == symbol.text
    with pytest.raises(ValueError, match="span"):
        Symbol("ab", "c++", "data", None, (0, 5), None, None, [], None, None, None, None, False)


def test_parse_many_in_order_with_none_for_failures():
    symbols = [f"_ZN2ns{len(str(i)) + 1}f{i}Ev" for i in range(10_000)] + ["main", b"_Z1fv"]
    parsed = parse_many(symbols)
    assert [p.base_name for p in parsed[:3]] == ["f0", "f1", "f2"]
    assert parsed[10_000] is None and parsed[10_001].text == "f()"
    assert all(p.scope == "ns" for p in parsed[:10_000])
    with pytest.raises(TypeError, match="single str"):
        parse_many("_Z1fv")


def test_spans_count_characters_of_text_that_is_not_ascii():
    # A Rust v0 name with a Punycode identifier.
    symbol = parse("_RNqCs4fqI2P2rA04_11utf8_identsu30____7hkackfecea1cbdathfdh9hlq6y")
    assert not symbol.text.isascii()
    start, end = symbol.spans["base_name"]
    assert symbol.text[start:end] == symbol.base_name != ""
