"""Columns: demangle_arrow() beside demangle_many() and per-row calls, on the
same real symbols in one run (the cluster recipes: bench_clusters.py).

    python benchmarks/bench_arrow.py

Run it with an interpreter that has cpp_demangle, pyarrow and Polars. The symbols are every distinct real
symbol of this machine (benchmarks/corpus.py: its C++ libraries and Rust
toolchain), each once: the case where no symbol repeats. Then a column as a
profile has it: a million samples of 50,000 of those C++ functions, plain
and dictionary-encoded, where `demangle_arrow` demangles each distinct
symbol once. Each contender goes from a column to a column except
``demangle_many``, which is given the list and returns one, as its callers
use it. Times are the best of three runs, contenders alternating.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

RUNS = 3


def demangle_or_keep(symbol):
    from cpp_demangle import DemangleError, demangle

    try:
        return demangle(symbol)
    except DemangleError:
        return symbol


def in_process(symbols: list[str], profile: bool = False) -> list[tuple[str, float]]:
    """(contender, best seconds) for each contender, checked to agree."""
    import polars as pl
    import pyarrow as pa

    from cpp_demangle import demangle_arrow, demangle_many

    column = pa.array(symbols, pa.string())
    series = pl.Series("symbol", symbols)
    contenders = {}
    if profile:
        dictionary = column.dictionary_encode()
        contenders["demangle_arrow, dictionary-encoded pyarrow Array"] = lambda: demangle_arrow(dictionary)
    contenders |= {
        "demangle_arrow, pyarrow Array": lambda: demangle_arrow(column),
        "demangle_arrow, Polars Series": lambda: demangle_arrow(series),
        "demangle_many, list in, list out": lambda: demangle_many(symbols),
        "pyarrow Array via demangle_many (to_pylist, pa.array)": lambda: pa.array(demangle_many(column.to_pylist())),
        "pyarrow Array, demangle() a row": lambda: pa.array([demangle_or_keep(s) for s in column.to_pylist()]),
        "Polars map_elements(demangle)": lambda: series.map_elements(demangle_or_keep, return_dtype=pl.String),
    }
    best = dict.fromkeys(contenders, float("inf"))
    results = {}
    for _ in range(RUNS):
        for name, run in contenders.items():
            start = time.perf_counter()
            results[name] = run()
            best[name] = min(best[name], time.perf_counter() - start)
    expected = results["demangle_many, list in, list out"]
    for name, result in results.items():
        rows = result if isinstance(result, list) else result.to_list() if hasattr(result, "to_list") else None
        if rows is None:
            rows = result.to_pylist()
        if rows != expected:
            raise SystemExit(f"{name} does not give what demangle_many gives")
    return [(name, best[name]) for name in contenders]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args()

    import corpus

    families = {
        family: corpus.harvest(family) for family in corpus.FAMILIES if family not in ("mutated", *corpus.FOCUSED)
    }
    symbols = [s for found in families.values() for s in found]
    functions = corpus.sample(families["static"], 50_000)
    # Samples of a profile: each function drawn with a scrambled index.
    profile = [functions[(i * 2654435761) % (1 << 32) % len(functions)] for i in range(1_000_000)]
    cores = os.cpu_count() or 1
    sets = {
        f"{len(symbols):,} distinct real symbols of this machine, {cores} cores": (symbols, False),
        f"a profile: {len(profile):,} samples of {len(functions):,} C++ functions, {cores} cores": (profile, True),
    }
    for title, (rows, is_profile) in sets.items():
        table = in_process(rows, is_profile)
        reference = dict(table)["demangle_many, list in, list out"]
        print(f"\n{title}\n")
        print(f"| {'contender':56} | µs/symbol | symbols/s | vs demangle_many |")
        print(f"|{'-' * 58}|----------:|----------:|-----------------:|")
        for name, seconds in table:
            us = seconds / len(rows) * 1e6
            print(f"| {name:56} | {us:9.3f} | {len(rows) / seconds:9,.0f} | {reference / seconds:15.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
