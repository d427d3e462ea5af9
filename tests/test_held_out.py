"""Symbols no corpus or fixture of this project holds: those of the packages
installed beside this Python (pyarrow, duckdb, Polars...), and their
near-misses, mutations and damaged forms, against c++filt 2.47
(``benchmarks/corpus.py``, families ``wheels`` and ``wheels_near_miss``;
``python benchmarks/compare_cxxfilt.py --family wheels`` prints the shares).
Every one prints as c++filt prints it but the listed deliberate differences:
an unnamed type referred back to (``Ut``: libiberty counts it as a
substitution candidate twice; tests/test_deliberate_differences.py), and a
damaged name whose text is over the output cap (docs/src/safety.md).

And the Swift-written libraries of the Swift toolchain (SwiftSyntax, the
compiler's macro plugins, SwiftPM, SourceKit: ``benchmarks/swift_corpus.py``,
families ``swift_tools`` and ``swift_tools_near_miss``, taken by
``SWIFT_TOOLS=1 bash ci/build_swift_demangle.sh``) against swift-demangle
6.2.3, by default and with ``--simplified``: every one prints as it prints
them (names on which it aborts left out).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cli_cases import gnu_cxxfilt

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.mark.slow
@pytest.mark.skipif(gnu_cxxfilt() is None, reason="c++filt 2.47 is not built (bash ci/build_cxxfilt.sh)")
@pytest.mark.parametrize("family", ["wheels", "wheels_near_miss"])
def test_held_out_symbols_print_as_cxxfilt_prints_them(family):
    if not (BENCHMARKS / "corpus.py").exists():
        pytest.skip("benchmarks/corpus.py is not here (an unpacked sdist)")
    sys.path.insert(0, str(BENCHMARKS))
    import corpus

    symbols = corpus.harvest(family)
    if len(symbols) < 10_000:
        pytest.skip(f"the installed packages hold {len(symbols)} symbols: too few to say much")
    differing = [
        (symbol, mine, theirs)
        for symbol, mine, theirs in zip(symbols, corpus.ours(symbols), corpus.cxxfilt(symbols))
        if mine != theirs
    ]
    # The unnamed type, and a damaged name that c++filt prints at more than
    # this package's output cap (docs/src/safety.md): both listed.
    unexplained = [
        symbol
        for symbol, mine, theirs in differing
        if "Ut" not in symbol and not (mine == symbol and corpus.over_output_cap(symbol, theirs))
    ]
    assert not unexplained, f"{len(unexplained)} of {len(symbols)} differ from c++filt 2.47, e.g. {unexplained[:3]}"


@pytest.mark.slow
@pytest.mark.parametrize("family", ["swift_tools", "swift_tools_near_miss"])
@pytest.mark.parametrize("simplified", [False, True], ids=["default", "simplified"])
def test_held_out_swift_symbols_print_as_swift_demangle_prints_them(family, simplified):
    if not (BENCHMARKS / "swift_corpus.py").exists():
        pytest.skip("benchmarks/swift_corpus.py is not here (an unpacked sdist)")
    sys.path.insert(0, str(BENCHMARKS))
    import swift_corpus

    if not (swift_corpus.SWIFT / "tools").is_dir() or not swift_corpus.swift_demangle_command().exists():
        pytest.skip("the Swift toolchain's libraries are not taken: SWIFT_TOOLS=1 bash ci/build_swift_demangle.sh")
    from cpp_demangle import demangle_text

    symbols = swift_corpus.harvest(family)
    assert len(symbols) >= 10_000
    theirs = swift_corpus.swift_demangle(symbols, simplified)
    mine = demangle_text("\n".join(symbols), format="swift", simplified=simplified).split("\n")
    differing = [s for s, m, t in zip(symbols, mine, theirs) if t is not None and m != t]
    assert not differing, f"{len(differing)} of {len(symbols)} differ from swift-demangle 6.2.3, e.g. {differing[:3]}"
