"""Differential test against GNU c++filt on real symbols.

The fixtures (tests/fixtures, written by tests/regenerate_fixtures.py) hold
real symbols from a Linux distribution's libraries with c++filt's output for
each. Every symbol must print exactly as c++filt prints it, unless it is
listed as a known difference with its cause; a listed symbol that now
matches must be taken off the list, so the list only shrinks.
"""

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from cpp_demangle import DemangleError, demangle

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FAMILIES = ["nm_dynamic"]

# The most known differences allowed per family. Lower these as causes are
# fixed; they must never go up.
KNOWN_DIFFERENCES_MAX = {"nm_dynamic": 2634}


def read_tsv(path):
    with open(path, encoding="utf-8", newline="\n") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f)


def like_cxxfilt(symbol):
    """c++filt's rule: a symbol that does not demangle is printed as it is."""
    try:
        return demangle(symbol)
    except DemangleError:
        return symbol


@pytest.mark.parametrize("family", FAMILIES)
def test_output_is_identical_to_cxxfilt_except_known_differences(family):
    expected = read_tsv(FIXTURES / f"{family}.tsv")
    known = read_tsv(FIXTURES / f"{family}.known-differences.tsv")
    assert len(expected) >= 1000
    assert set(known) <= set(expected)

    differing = {s for s, want in expected.items() if like_cxxfilt(s) != want}
    regressions = sorted(differing - set(known))
    fixed = sorted(set(known) - differing)
    assert not regressions, f"{len(regressions)} symbols now differ from c++filt, e.g. " + "; ".join(
        f"{s} -> {like_cxxfilt(s)!r}, c++filt {expected[s]!r}" for s in regressions[:5]
    )
    assert not fixed, f"{len(fixed)} known differences are fixed: take them off the list, e.g. {fixed[:5]}"


@pytest.mark.parametrize("family", FAMILIES)
def test_known_differences_only_go_down(family):
    known = read_tsv(FIXTURES / f"{family}.known-differences.tsv")
    assert len(known) <= KNOWN_DIFFERENCES_MAX[family], Counter(known.values())
    assert all(cause for cause in known.values())


@pytest.mark.skipif(shutil.which("c++filt") is None, reason="GNU c++filt is not installed")
@pytest.mark.parametrize("family", FAMILIES)
def test_fixture_is_what_cxxfilt_prints_here(family):
    expected = read_tsv(FIXTURES / f"{family}.tsv")
    symbols = list(expected)
    run = subprocess.run(
        ["c++filt"], input="".join(s + "\n" for s in symbols), capture_output=True, text=True, check=True
    )
    assert run.stdout.split("\n")[:-1] == [expected[s] for s in symbols]
