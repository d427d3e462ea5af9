"""Microsoft C++ names, printed as llvm-undname 19 prints them.

* The fixtures (tests/fixtures/msvc_win64.tsv, msvc_win32.tsv, written by
  ``tests/regenerate_fixtures.py --msvc``) hold names of several projects'
  Windows DLLs from PyPI with what llvm-undname 19 printed for each: every
  one must print the same, through every entry point.
* LLVM's own tests of its demangler (llvm/test/Demangle/ms-*.test, fetched
  by ``bash ci/fetch_llvm_tests.sh``) are run with a small FileCheck of
  their CHECK lines, where they are fetched.
* Where llvm-undname 19 is installed, the fixtures are checked to be what it
  prints here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import python_env

from cpp_demangle import DemangleError, demangle, demangle_many, demangle_text, parse, parse_many

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
LLVM_TESTS = HERE.parent / "target" / "llvm" / "19" / "Demangle"
ARCHES = ["win64", "win32"]


def fixture(arch):
    with open(FIXTURES / f"msvc_{arch}.tsv", encoding="utf-8", newline="\n") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f)


def like_undname(name, **options):
    """What cpp_demangle prints, the name itself where it refuses it (as the
    fixtures record llvm-undname's refusals)."""
    try:
        return demangle(name, **options)
    except DemangleError:
        return name


@pytest.mark.parametrize("arch", ARCHES)
def test_real_names_print_what_llvm_undname_prints(arch):
    rows = fixture(arch)
    assert len(rows) >= 4000
    differing = [(n, like_undname(n), want) for n, want in rows.items() if like_undname(n) != want]
    assert not differing, f"{len(differing)} of {len(rows)} differ, e.g. {differing[:3]}"
    # The same in the `msvc` format alone.
    sample = list(rows)[::50]
    assert [like_undname(n, format="msvc") for n in sample] == [rows[n] for n in sample]


@pytest.mark.parametrize("arch", ARCHES)
def test_every_entry_point_reaches_them(arch, tmp_path):
    rows = fixture(arch)
    names = list(rows)[::10]
    expected = [rows[n] for n in names]
    assert demangle_many(names) == expected
    # In text (a `dumpbin /exports` listing), each name made of the bytes
    # text rule reads as one (a few, such as `...@Z::<!fmt>`, have more).
    names = [n for n in names if re.fullmatch(r"[A-Za-z0-9_$?@]+", n)]
    expected = [rows[n] for n in names]
    listing = "".join(f"  {i:>4} {i:04X} 0001{i:04X} {n}\n" for i, n in enumerate(names))
    want = "".join(f"  {i:>4} {i:04X} 0001{i:04X} {e}\n" for i, e in enumerate(expected))
    assert demangle_text(listing) == want
    # Outside the source tree, which `python -m` would import first.
    command = [sys.executable, "-m", "cpp_demangle"]
    run = {"capture_output": True, "timeout": 120, "cwd": tmp_path, "env": python_env()}
    out = subprocess.run(command, input=listing.encode(), **run)
    assert out.stdout.decode() == want
    out = subprocess.run([*command, *names[:20]], **run)
    assert out.stdout.decode().splitlines() == expected[:20]


@pytest.mark.parametrize("arch", ARCHES)
def test_parse_gives_the_parts_of_real_names(arch):
    rows = fixture(arch)
    names = list(rows)
    kinds = set()
    for name, symbol in zip(names, parse_many(names)):
        if symbol is None:
            assert rows[name] == name
            continue
        assert symbol.text == rows[name] and symbol.language == "c++"
        kinds.add(symbol.kind)
        for part, span in symbol.spans.items():
            spans = span if part == "template_args" else [span]
            texts = symbol.template_args if part == "template_args" else [getattr(symbol, part)]
            assert [symbol.text[a:b] for a, b in spans] == texts, (name, part)
        if symbol.kind == "function":
            assert symbol.base_name and symbol.base_name in symbol.name, name
            if symbol.scope:
                assert symbol.name.startswith(symbol.scope + "::"), name
    assert {"function", "data", "special"} <= kinds


def test_parts_of_microsoft_names():
    s = parse("?f@C@@QEAAHH@Z")
    assert (s.kind, s.name, s.scope, s.base_name, s.parameters, s.return_type) == (
        "function",
        "C::f",
        "C",
        "f",
        "(int)",
        "int",
    )
    s = parse("??$f@H@@YAXH@Z")
    assert (s.name, s.base_name, s.template_args) == ("f<int>", "f", ["int"])
    assert parse("??1?$A@H@@QEAA@XZ").base_name == "~A"
    assert parse("?f@A@@QBEHXZ").qualifiers == "const"
    assert (parse("??_7Foo@@6B@").kind, parse("??_7Foo@@6B@").special) == ("special", "vftable")
    assert parse("?x@ns@@2PEBDEB").kind == "data"


def test_arrow_columns_reach_them():
    pa = pytest.importorskip("pyarrow")
    from cpp_demangle import demangle_arrow

    rows = fixture("win64")
    assert demangle_arrow(pa.array(list(rows))).to_pylist() == list(rows.values())


def test_c_plus_plus_formats_leave_them_alone():
    assert like_undname("?foo@@YAXH@Z") == "void __cdecl foo(int)"
    for format in ("gnu-v3", "rust", "dlang"):
        assert like_undname("?foo@@YAXH@Z", format=format) == "?foo@@YAXH@Z"
    assert like_undname("?foo@@YAXH@Z", style="libstdc++") == "?foo@@YAXH@Z"
    # A typeinfo string is read in the `msvc` format only (`.` starts
    # other things in the default one).
    assert like_undname(".?AVFoo@@", format="msvc") == "class Foo `RTTI Type Descriptor Name'"


def test_options_map_onto_llvm_flags():
    name = "?func@MyClass@@UEAAHHH@Z"
    assert demangle(name) == "public: virtual int __cdecl MyClass::func(int, int)"
    assert demangle(name, return_type=False) == "public: virtual __cdecl MyClass::func(int, int)"
    assert demangle(name, verbose=False) == "int MyClass::func(int, int)"
    assert demangle(name, params=False) == "MyClass::func"
    assert demangle("?x@@3PEAEEA", params=False) == "x"


@pytest.mark.parametrize(
    "name",
    [
        "?x@@3" + "PEA" * 100_000 + "HA",  # nesting past the recursion limit
        "?f@@YAX" + "P6AX" * 5000 + "XZ",
        # Template names that double at each back reference.
        "??$f@" + "".join(f"V?$A{i}@V{i}@V{i}@@@" for i in range(10)) + "@@YAXXZ",
        "?" * 100_000,
        "??_C@_0" + "P" * 10_000,
    ],
    ids=["deep", "deep-functions", "doubling", "questions", "long-literal"],
)
def test_hostile_names_fail_cleanly(name):
    with pytest.raises(DemangleError):
        demangle(name)


def filecheck(output, checks):
    """FileCheck's CHECK, CHECK-NEXT and CHECK-NOT over `output` lines, with
    literal patterns (and `{{^}}` for a line's start); the failures."""
    squash = re.compile(r"[ \t]+")

    def found(line, pattern):
        line = squash.sub(" ", line)
        if pattern.startswith("{{^}}"):
            return line.startswith(pattern[5:])
        return pattern in line

    failures, at, nots = [], 0, []
    for kind, pattern in checks:
        pattern = squash.sub(" ", pattern.strip())
        if kind == "NOT":
            nots.append(pattern)
            continue
        if kind == "NEXT":
            hit = at if at < len(output) and found(output[at], pattern) else None
        else:
            hit = next((i for i in range(at, len(output)) if found(output[i], pattern)), None)
        if hit is None:
            failures.append(f"{kind or 'CHECK'}: {pattern} (after line {at})")
            continue
        failures += [f"CHECK-NOT: {n}" for n in nots for line in output[at:hit] if found(line, n)]
        at, nots = hit + 1, []
    failures += [f"CHECK-NOT: {n}" for n in nots for line in output[at:] if found(line, n)]
    return failures


# FileCheck prefixes of LLVM's tests, and the options that print as
# llvm-undname does with that RUN line's flags.
PREFIXES = {"CHECK": {}, "CHECK-NO-RETURN": {"return_type": False}}


def llvm_tests():
    return sorted(LLVM_TESTS.glob("ms-*.test"))


@pytest.mark.parametrize("test", llvm_tests() or [None], ids=lambda p: p.name if p else "not-fetched")
def test_llvm_test_suite(test):
    if test is None:
        pytest.skip(f"LLVM's tests are not fetched ({LLVM_TESTS}): bash ci/fetch_llvm_tests.sh")
    lines = test.read_text(encoding="utf-8", errors="surrogateescape").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith(";")]
    ran = 0
    for prefix, options in PREFIXES.items():
        checks = []
        for line in lines:
            m = re.match(rf"; {re.escape(prefix)}(-NEXT|-NOT)?: ?(.*)$", line)
            if m:
                checks.append(((m.group(1) or "").lstrip("-"), m.group(2)))
        if not checks:
            continue
        ran += 1
        output = []
        for name in names:
            try:
                output += [name, demangle(name, format="msvc", **options), ""]
            except DemangleError:
                output += [name, "error: Invalid mangled name", ""]
        failures = filecheck(output, checks)
        assert not failures, f"{test.name} ({prefix}): {failures[:5]}"
    assert ran


@pytest.mark.skipif(
    not shutil.which("llvm-undname-19"), reason="llvm-undname 19 is not installed (apt-get install llvm-19)"
)
@pytest.mark.parametrize("arch", ARCHES)
def test_fixture_is_what_llvm_undname_prints_here(arch):
    sys.path.insert(0, str(HERE.parent / "benchmarks"))
    import msvc_corpus

    rows = fixture(arch)
    theirs = msvc_corpus.undname(list(rows))
    assert [t if t is not None else n for n, t in zip(rows, theirs)] == list(rows.values())
