"""Symbols no corpus or fixture of this project holds: those of the packages
installed beside this Python (pyarrow, duckdb, Polars...), and their
near-misses and mutations, against c++filt 2.47
(``benchmarks/corpus.py``, families ``wheels`` and ``wheels_near_miss``;
``python benchmarks/compare_cxxfilt.py --family wheels`` prints the shares).
Every one prints as c++filt prints it but the listed deliberate difference
of an unnamed type referred back to (``Ut``: libiberty counts it as a
substitution candidate twice; tests/test_deliberate_differences.py).
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
        symbol for symbol, mine, theirs in zip(symbols, corpus.ours(symbols), corpus.cxxfilt(symbols)) if mine != theirs
    ]
    unexplained = [symbol for symbol in differing if "Ut" not in symbol]
    assert not unexplained, f"{len(unexplained)} of {len(symbols)} differ from c++filt 2.47, e.g. {unexplained[:3]}"
