"""Swift names, printed as swift-demangle 6.2.3 prints them.

* The fixtures (tests/fixtures/swift_runtime.tsv, swift_near_miss.tsv,
  written by ``tests/regenerate_fixtures.py --swift``) hold symbols of the
  Swift runtime and Foundation libraries of Debian's ``libswiftlang`` 6.2.3
  and near-misses of them, with what swift-demangle printed for each, by
  default and with ``--simplified``: every one must print the same, through
  every entry point.
* Swift's own test lists (``test/Demangle/Inputs`` of Debian's ``swiftlang``
  source package, taken by ``SWIFT_TESTS=1 bash ci/build_swift_demangle.sh``)
  are run where they were taken: every case on which swift-demangle 6.2.3
  prints the expected line must print it here, the manglings of Swift 3 and
  earlier (``_T``) included; and the other lists of that folder (Clang
  types, a type nested too deeply to print whole, names found by fuzzing
  the Objective-C runtime's lookup) must print what swift-demangle prints.
* Where swift-demangle 6.2.3 runs, the fixtures are checked to be what it
  prints here.
"""

from __future__ import annotations

import pickle
import subprocess
import time
from pathlib import Path

import pytest

from cpp_demangle import DemangleError, demangle, demangle_arrow, demangle_many, demangle_text, parse, parse_many

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SWIFT = HERE.parent / "target" / "swift" / "6.2.3"
FAMILIES = ["swift_runtime", "swift_near_miss"]


def fixture(family):
    with open(FIXTURES / f"{family}.tsv", encoding="utf-8", newline="\n") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def like_swift_demangle(name, **options):
    """What cpp_demangle prints, the name itself where it refuses it (as
    swift-demangle prints a name it cannot demangle)."""
    try:
        return demangle(name, **options)
    except DemangleError:
        return name


@pytest.mark.parametrize("family", FAMILIES)
def test_every_fixture_prints_what_swift_demangle_printed(family):
    rows = fixture(family)
    assert len(rows) >= 2900
    names = [name for name, _, _ in rows]
    for name, default, simplified in rows:
        assert like_swift_demangle(name) == default, name
        assert like_swift_demangle(name, format="swift", simplified=True) == simplified, name
    assert demangle_many(names, format="swift") == [default for _, default, _ in rows]
    assert demangle_many(names, simplified=True) == [simplified for _, _, simplified in rows]
    assert demangle_text("\n".join(names), format="swift") == "\n".join(d for _, d, _ in rows)
    pyarrow = pytest.importorskip("pyarrow")
    column = demangle_arrow(pyarrow.array(names), simplified=True)
    assert column.to_pylist() == [simplified for _, _, simplified in rows]


def test_the_default_format_takes_every_prefix_of_swift():
    for prefix in ["$s", "_$s", "$S", "_$S", "$e", "_$e"]:
        assert demangle(prefix + "4main3FooV") == "main.Foo"
    assert demangle("_T04main3FooV") == "main.Foo"
    assert demangle("_TtSi") == "Swift.Int"
    assert demangle("_TFC3foo3bar3basfT3zimCS_3zim_T_") == "foo.bar.bas(zim: foo.zim) -> ()"
    assert demangle("@__swiftmacro_1a13testStringifyAA1bySi_SitF9stringifyfMf_") == (
        "freestanding macro expansion #1 of stringify in a.testStringify(a: Swift.Int, b: Swift.Int) -> ()"
    )


def test_a_swift_name_has_its_language_and_kind():
    getter = parse("$s10Foundation4DataV5countSivg")
    assert (getter.text, getter.language, getter.kind) == (
        "Foundation.Data.count.getter : Swift.Int",
        "swift",
        "function",
    )
    metadata = parse_many(["$sSSN"], format="swift")[0]
    assert (metadata.text, metadata.language, metadata.kind) == ("type metadata for Swift.String", "swift", "special")


def test_parse_gives_the_parts_of_a_swift_name():
    method = parse("$s20FoundationNetworking11URLResponseC6encode4withy0A07NSCoderC_tF")
    assert method.text == "FoundationNetworking.URLResponse.encode(with: Foundation.NSCoder) -> ()"
    assert (method.name, method.scope, method.base_name) == (
        "FoundationNetworking.URLResponse.encode",
        "FoundationNetworking.URLResponse",
        "encode",
    )
    assert (method.parameters, method.return_type) == ("(with: Foundation.NSCoder)", "()")
    assert method.module == "FoundationNetworking"
    assert parse("$s10Foundation4DataV5countSivg", simplified=True).module == ""
    getter = parse("$s10Foundation4DataV5countSivg")
    assert (getter.scope, getter.base_name, getter.parameters) == ("Foundation.Data", "count", "")
    assert parse("$s4main3FooV1xSivpZ").kind == "data"
    assert pickle.loads(pickle.dumps(method)) == method
    # Every part is a span of the text, in the simplified form too.
    for name, _, _ in fixture("swift_runtime")[::50]:
        for simplified in (False, True):
            symbol = parse(name, simplified=simplified)
            for start, end in symbol.spans.values():
                assert 0 <= start <= end <= len(symbol.text), name


def test_bad_input_gets_a_clear_error():
    with pytest.raises(DemangleError, match="not a mangled Swift symbol"):
        demangle("_Z3foov", format="swift")
    with pytest.raises(DemangleError, match="malformed"):
        demangle("$s4main3FooQ")
    # In running text a name that does not demangle is kept as it is.
    assert demangle_text("at $s4main3FooQ+4") == "at $s4main3FooQ+4"
    # What is left on swift-demangle's stack is printed, one after another.
    assert demangle("$s4main3Foo") == "mainFoo"


def test_running_text_finds_swift_names_as_swift_demangle_does():
    line = "frame #3: 0x1 _$s4main3FooC3baryyF + 12 and @__swiftmacro_1a13testStringifyAA1bySi_SitF9stringifyfMf_"
    assert demangle_text(line) == (
        "frame #3: 0x1 main.Foo.bar() -> () + 12 and freestanding macro expansion #1 of stringify"
        " in a.testStringify(a: Swift.Int, b: Swift.Int) -> ()"
    )
    # In the swift format a name is found inside a run, as swift-demangle's
    # filter finds it; in auto a run is one name or none, as in c++filt.
    assert demangle_text("x_T04main3FooVN", format="swift") == "xtype metadata for main.Foo"
    assert demangle_text("x_T04main3FooVN") == "x_T04main3FooVN"


@pytest.mark.parametrize(
    "name",
    [
        "$s" + "Sa" * 5000 + "SiG" * 5000,
        "$s" + "y" * 20000 + "t",
        "$s1a" + "AA" * 3000 + "t",
        "$s1aA2047_" + "A2047a" * 2000 + "t",
        "$s" + "1aP" * 4000 + "Tm",
        "$s4main3FooV" + "1x" * 3000 + "G" * 3000,
        "$s" + "xq_" * 3000 + "Rz" * 3000 + "l",
    ],
    ids=["nested arrays", "empty lists", "substitutions", "repeats", "protocols", "generics", "requirements"],
)
def test_hostile_names_end_quickly(name):
    start = time.perf_counter()
    for options in [{}, {"simplified": True}]:
        try:
            demangle(name, **options)
        except DemangleError:
            pass
    assert time.perf_counter() - start < 2


def swift_test_list(name):
    path = SWIFT / "Inputs" / name
    if not path.exists():
        pytest.skip(f"Swift's test lists are not taken here: SWIFT_TESTS=1 bash ci/build_swift_demangle.sh ({path})")
    cases = []
    for line in path.read_text(encoding="utf-8", errors="surrogateescape").splitlines():
        if " ---> " in line:
            mangled, expected = line.split(" ---> ", 1)
            cases.append((mangled.strip(), expected))
    return cases


def swift_demangle(names, *flags):
    tool = SWIFT / "swift-demangle"
    if not tool.exists():
        pytest.skip(f"swift-demangle 6.2.3 is not built here: bash ci/build_swift_demangle.sh ({tool})")
    run = subprocess.run(
        [str(tool), *flags],
        input="".join(n + "\n" for n in names),
        capture_output=True,
        text=True,
        errors="surrogateescape",
        check=True,
    )
    return run.stdout.split("\n")[:-1]


@pytest.mark.parametrize(
    "name, flags",
    [("manglings.txt", []), ("simplified-manglings.txt", ["--simplified"])],
)
def test_swift_test_lists(name, flags):
    cases = swift_test_list(name)
    names = [mangled for mangled, _ in cases]
    theirs = swift_demangle(names, *flags)
    options = {"format": "swift", "simplified": bool(flags)}
    mine = demangle_text("\n".join(names), **options).split("\n")
    passing = [(n, e, m) for (n, e), t, m in zip(cases, theirs, mine) if t == e]
    assert len(passing) > len(cases) // 2
    for mangled, expected, printed in passing:
        assert printed == expected, mangled


@pytest.mark.parametrize("name", ["manglings-with-clang-types.txt", "bigtype.txt", "objc-getclass.txt"])
def test_swift_other_lists(name):
    path = SWIFT / "Inputs" / name
    if not path.exists():
        pytest.skip(f"Swift's test lists are not taken here: SWIFT_TESTS=1 bash ci/build_swift_demangle.sh ({path})")
    lines = path.read_text(encoding="utf-8", errors="surrogateescape").splitlines()
    names = [line.split(" ---> ")[0].strip() for line in lines if line.strip() and not line.startswith("#")]
    assert demangle_text("\n".join(names), format="swift").split("\n") == swift_demangle(names)


@pytest.mark.parametrize("family", FAMILIES)
def test_the_fixtures_are_what_swift_demangle_prints_here(family):
    rows = fixture(family)
    names = [name for name, _, _ in rows]
    assert swift_demangle(names) == [default for _, default, _ in rows]
    assert swift_demangle(names, "--simplified") == [simplified for _, _, simplified in rows]
