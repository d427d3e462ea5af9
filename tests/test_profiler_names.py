"""Names for profilers: templates=False, suffixes=False and hash=False (and
the command line's --no-templates, --no-suffixes, --no-hash), checked on
the real symbols of the fixtures, the expectations derived from the parts
parse() finds rather than written out."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import python_env

from cpp_demangle import demangle, demangle_many, parse, parse_many

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OPERATORS = re.compile(r"operator(<=>|<<=|<<|<=|<|->\*|->)")


def symbols(family):
    with open(FIXTURES / f"{family}.tsv", encoding="utf-8") as f:
        return [line.split("\t", 1)[0] for line in f]


CXX = symbols("nm_dynamic") + symbols("static")


def test_templates_false_drops_every_template_argument_list_and_keeps_operators():
    full = parse_many(CXX)
    short = parse_many(CXX, templates=False)
    compared = 0
    for name, with_args, without in zip(CXX, full, short):
        if with_args is None:
            assert without is None, name
            continue
        compared += 1
        assert "<" not in OPERATORS.sub("operator", without.text) or "decltype" in without.text, name
        assert without.template_args == []
        # The base name never had them (but an operator keeps its `<`).
        if with_args.kind == "function" and "operator" not in with_args.base_name:
            assert without.base_name == re.sub(r"<.*", "", with_args.base_name) or "lambda" in with_args.base_name
    assert compared > 7000
    assert demangle("_ZNKSt6vectorIiSaIiEE4sizeEv", templates=False) == "std::vector::size() const"
    assert demangle("_ZlsRSoRK3Foo", templates=False) == "operator<<(std::basic_ostream&, Foo const&)"


def test_suffixes_false_drops_the_clone_suffix_the_parts_show():
    cloned = [n for n in CXX if re.search(r"\.(cold|part|isra|constprop|llvm|__uniq)", n)]
    cloned += ["_Z3foov.cold", "_Z3barv.isra.0.constprop.1"]
    for name, symbol in zip(cloned, parse_many(cloned)):
        if symbol is None or not symbol.suffix:
            continue
        start, end = symbol.spans["suffix"]
        expected = symbol.text[: start - 1] + symbol.text[end:]
        assert demangle(name, suffixes=False) == expected, name
    assert demangle("_Z3barv.isra.0.constprop.1", suffixes=False) == "bar()"


def test_hash_false_drops_rust_hashes():
    legacy = symbols("rust_legacy")
    for name, symbol, short in zip(legacy, parse_many(legacy), demangle_many(legacy, hash=False)):
        if symbol is not None and symbol.text.startswith(symbol.name) and symbol.name:
            assert short == symbol.name, name
    v0 = symbols("rust_v0")
    for short in demangle_many(v0, hash=False):
        assert not re.search(r"\[[0-9a-f]+\]", short), short
    assert demangle("_ZN4core3fmt5write17h0123456789abcdefE", hash=False) == "core::fmt::write"


def test_rust_generic_arguments_follow_templates():
    assert demangle("_RINvCs1234_7mycrate3fooiE", templates=False, hash=False) == "mycrate::foo"
    assert parse("_RINvCs1234_7mycrate3fooiE").template_args == ["isize"]


@pytest.mark.parametrize(
    "flags, options",
    [
        (["--no-templates"], {"templates": False}),
        (["--no-suffixes"], {"suffixes": False}),
        (["--no-hash"], {"hash": False}),
        (["--no-templates", "--no-hash", "-p"], {"templates": False, "hash": False, "params": False}),
    ],
)
def test_the_command_line_has_the_same_flags(flags, options, tmp_path):
    names = CXX[::200] + symbols("rust_legacy")[::50] + symbols("rust_v0")[::100]
    # Outside the source tree, which `python -m` would import first.
    out = subprocess.run(
        [sys.executable, "-m", "cpp_demangle", *flags],
        input="\n".join(names).encode() + b"\n",
        capture_output=True,
        env=python_env(),
        cwd=tmp_path,
        timeout=120,
    )
    assert out.stdout.decode().splitlines() == demangle_many(names, **options)
