"""Differential test against GNU c++filt on real symbols.

The fixtures (tests/fixtures, written by tests/regenerate_fixtures.py) hold
samples of real symbols of four families, and of near-misses made from them
(one byte changed, inserted or cut off; or a grammar-aware mistake: a back
reference, template parameter or argument list moved), with c++filt's output
for each.
Every symbol must print exactly as c++filt prints it, unless it is listed as
a known difference with its cause; a listed symbol that now matches must be
taken off the list, so the lists only shrink. Each remaining cause also has
a strict expected failure of its own.
"""

import subprocess
from pathlib import Path

import pytest
from cli_cases import gnu_cxxfilt

from cpp_demangle import DemangleError, demangle

FIXTURES = Path(__file__).resolve().parent / "fixtures"
KNOWN = ".known-differences.tsv"
# The families tests/regenerate_fixtures.py wrote (benchmarks/corpus.py's
# FAMILIES, the one list of them): each has its list of known differences.
FAMILIES = sorted(path.name[: -len(KNOWN)] for path in FIXTURES.glob(f"*{KNOWN}"))

# The most known differences allowed per family (none for a family not
# named). Lower these as causes are fixed; they must never go up.
KNOWN_DIFFERENCES_MAX = {
    "nm_dynamic": 0,
    "static": 0,
    "rust_legacy": 0,
    "rust_v0": 9,
    "mutated": 3,
    "near_miss": 1,
    "damaged": 0,
    "generated": 0,
}


def read_tsv(path):
    with open(path, encoding="utf-8", newline="\n") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f)


def expected(family):
    return read_tsv(FIXTURES / f"{family}.tsv")


def known(family):
    return read_tsv(FIXTURES / f"{family}{KNOWN}")


def like_cxxfilt(symbol):
    """c++filt's rule: a symbol that does not demangle is printed as it is."""
    try:
        return demangle(symbol)
    except DemangleError:
        return symbol


def test_every_family_of_the_generator_has_its_fixture():
    assert {"nm_dynamic", "static", "rust_v0", "near_miss", "generated"} <= set(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_output_is_identical_to_cxxfilt_except_known_differences(family):
    want, listed = expected(family), known(family)
    assert len(want) >= 1000
    assert set(listed) <= set(want)

    differing = {s for s, out in want.items() if like_cxxfilt(s) != out}
    regressions = sorted(differing - set(listed))
    fixed = sorted(set(listed) - differing)
    assert not regressions, f"{len(regressions)} symbols now differ from c++filt, e.g. " + "; ".join(
        f"{s} -> {like_cxxfilt(s)!r}, c++filt {want[s]!r}" for s in regressions[:3]
    )
    assert not fixed, f"{len(fixed)} known differences are fixed: take them off the list, e.g. {fixed[:3]}"


@pytest.mark.parametrize("family", FAMILIES)
def test_known_differences_only_go_down(family):
    listed = known(family)
    assert len(listed) <= KNOWN_DIFFERENCES_MAX.get(family, 0)
    assert all(cause.strip() for cause in listed.values())


def one_symbol_per_cause():
    cases = []
    for family in FAMILIES:
        seen = set()
        for symbol, cause in sorted(known(family).items()):
            if cause not in seen:
                seen.add(cause)
                cases.append(pytest.param(family, symbol, id=f"{family}: {cause}"))
    return cases


@pytest.mark.xfail(strict=True, reason="a known cause of difference from c++filt")
@pytest.mark.parametrize("family, symbol", one_symbol_per_cause())
def test_known_cause(family, symbol):
    assert like_cxxfilt(symbol) == expected(family)[symbol]


@pytest.mark.skipif(gnu_cxxfilt() is None, reason="c++filt 2.47 is not built (bash ci/build_cxxfilt.sh)")
@pytest.mark.parametrize("family", FAMILIES)
def test_fixture_is_what_cxxfilt_prints_here(family):
    want = expected(family)
    symbols = list(want)
    run = subprocess.run(
        [gnu_cxxfilt()], input="".join(s + "\n" for s in symbols), capture_output=True, text=True, check=True
    )
    assert run.stdout.split("\n")[:-1] == [want[s] for s in symbols]
