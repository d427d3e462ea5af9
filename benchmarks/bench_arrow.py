"""Columns: demangle_arrow() beside demangle_many() and per-row calls, on the
same real symbols in one run; with --clusters, the Dask and Spark recipes
(cpp_demangle.clusters) with 1 and 2 workers.

    python benchmarks/bench_arrow.py [--clusters]

Run it with an interpreter that has cpp_demangle, pyarrow and Polars (and,
for --clusters, dask[distributed,dataframe] and pyspark: ci/requirements-test.txt
and ci/requirements-clusters.txt). The symbols are every distinct real
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
import tempfile
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


def clusters(symbols: list[str]) -> list[tuple[str, float]]:
    """(engine and workers, best seconds) of the recipes on a Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "symbols.parquet")
        pq.write_table(pa.table({"symbol": symbols}), path, row_group_size=100_000)
        os.environ["PYTHONPATH"] = str(HERE.parent) + os.pathsep + os.environ.get("PYTHONPATH", "")
        os.environ["PYSPARK_PYTHON"] = sys.executable
        cores = os.cpu_count() or 1
        for workers in (1, 2):
            # Each worker's pool gets its share of the cores.
            os.environ["RAYON_NUM_THREADS"] = str(max(1, cores // workers))
            rows.append((f"Dask, {workers} worker process(es)", dask_seconds(path, workers)))
            rows.append((f"Spark local[{workers}]", spark_seconds(path, workers)))
        os.environ.pop("RAYON_NUM_THREADS")
    return rows


def dask_seconds(path: str, workers: int) -> float:
    import dask.dataframe as dd
    import distributed

    from cpp_demangle.clusters import demangle_dask

    with (
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        distributed.Client(cluster),
    ):
        best = float("inf")
        for _ in range(RUNS):
            start = time.perf_counter()
            frame = demangle_dask(dd.read_parquet(path), "symbol")
            frame["symbol"].str.len().sum().compute()
            best = min(best, time.perf_counter() - start)
    return best


def spark_seconds(path: str, workers: int) -> float:
    from pyspark.sql import SparkSession

    from cpp_demangle.clusters import demangle_spark

    spark = (
        SparkSession.builder.master(f"local[{workers}]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    try:
        best = float("inf")
        for _ in range(RUNS):
            start = time.perf_counter()
            demangle_spark(spark.read.parquet(path), "symbol").selectExpr("sum(length(symbol))").collect()
            best = min(best, time.perf_counter() - start)
    finally:
        spark.stop()
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", action="store_true", help="also time the Dask and Spark recipes")
    args = parser.parse_args()

    import corpus

    families = {family: corpus.harvest(family) for family in corpus.FAMILIES if family != "mutated"}
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
        if args.clusters and not is_profile:
            table += clusters(rows)
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
