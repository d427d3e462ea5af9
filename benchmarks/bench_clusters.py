"""The cluster recipes (cpp_demangle.clusters) with 1 and 2 workers: symbols
per second, and the speed-up of the second worker.

    python benchmarks/bench_clusters.py SYMBOLS_FILE [--engine dask --engine spark --engine ray]
    python benchmarks/bench_clusters.py --family mixed

A symbols file has one symbol a line; ``--family`` takes this machine's
symbols (benchmarks/corpus.py; ``mixed``: exported, static and Rust v0
together). The symbols are written to a Parquet file in 16 row groups; each
engine reads it in 8 partitions or more (Dask a partition per row group,
Spark ``spark.sql.files.maxPartitionBytes``, Ray ``override_num_blocks``),
demangles the column with the recipe (one thread a task, the recipes'
default) and writes the result to Parquet. The best of ``--repeat`` runs
after a first, untimed one (which starts the workers' Python and imports
cpp_demangle), the engine's start-up left out.

Needs pyarrow and the engines (``pip install -r ci/requirements-clusters.txt``;
Spark needs Java 17 or newer); an engine that is missing or cannot start is
reported and skipped.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENGINES = ["dask", "spark", "ray"]
PARTITIONS = 8


def load(path: str | None, family: str | None) -> list[str]:
    if path:
        return [s for s in Path(path).read_text(errors="surrogateescape").split("\n") if s]
    sys.path.insert(0, str(HERE))
    import corpus

    if family == "mixed":
        symbols = [s for f in ("nm_dynamic", "static", "rust_v0") for s in corpus.harvest(f)]
        random.Random(0).shuffle(symbols)
        return symbols
    return corpus.harvest(family or "static")


def best(run: Callable[[], None], repeat: int) -> float:
    run()  # Starts the workers' Python, imports cpp_demangle.
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def worker_environment() -> None:
    """The workers find this cpp_demangle, as the driver does."""
    import cpp_demangle

    root = str(Path(cpp_demangle.__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = root + (os.pathsep + path if path else "")
    os.environ["PYSPARK_PYTHON"] = sys.executable


def dask_seconds(source: Path, out: Path, workers: int, repeat: int) -> float:
    import dask.dataframe as dd
    import distributed

    from cpp_demangle.clusters import demangle_dask

    with (
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        distributed.Client(cluster),
    ):

        def run() -> None:
            frame = dd.read_parquet(str(source), split_row_groups=True)
            demangle_dask(frame, "symbol", into="name").to_parquet(str(out), overwrite=True)

        return best(run, repeat)


def spark_seconds(source: Path, out: Path, workers: int, repeat: int) -> float:
    from pyspark.sql import SparkSession

    from cpp_demangle.clusters import demangle_spark

    spark = (
        SparkSession.builder.master(f"local[{workers}]")
        .appName("cpp-demangle-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.files.maxPartitionBytes", str(max(source.stat().st_size // PARTITIONS, 1 << 16)))
        .config("spark.sql.files.openCostInBytes", "0")
        .getOrCreate()
    )
    try:

        def run() -> None:
            frame = spark.read.parquet(str(source))
            demangle_spark(frame, "symbol", into="name").write.mode("overwrite").parquet(str(out))

        return best(run, repeat)
    finally:
        spark.stop()


def ray_seconds(source: Path, out: Path, workers: int, repeat: int) -> float:
    import ray

    from cpp_demangle.clusters import demangle_ray

    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:

        def run() -> None:
            shutil.rmtree(out, ignore_errors=True)
            dataset = ray.data.read_parquet(str(source), override_num_blocks=PARTITIONS)
            demangle_ray(dataset, "symbol", into="name").write_parquet(str(out))

        return best(run, repeat)
    finally:
        ray.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", help="symbols file, one symbol a line")
    parser.add_argument("--family", help="benchmarks/corpus.py family, or mixed (default static)")
    parser.add_argument("--engine", action="append", choices=ENGINES, help="default: all three")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs of each, the best kept (default 2)")
    args = parser.parse_args()
    import pyarrow as pa
    import pyarrow.parquet as pq

    symbols = load(args.file, args.family)
    worker_environment()
    timers = {"dask": dask_seconds, "spark": spark_seconds, "ray": ray_seconds}
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "symbols.parquet"
        pq.write_table(pa.table({"symbol": symbols}), source, row_group_size=max(len(symbols) // 16, 1))
        print(f"{len(symbols):,} symbols, {PARTITIONS}+ partitions; symbols per second")
        print("| engine | 1 worker | 2 workers | 2 vs 1 |")
        print("|---|---:|---:|---:|")
        for engine in args.engine or ENGINES:
            try:
                seconds = [timers[engine](source, Path(work) / f"{engine}-out", w, args.repeat) for w in (1, 2)]
            except Exception as error:  # an engine missing or failing to start here
                print(f"| {engine} | skipped: {type(error).__name__}: {str(error)[:80]} | | |")
                continue
            rates = [len(symbols) / s for s in seconds]
            print(f"| {engine} | {rates[0]:,.0f} | {rates[1]:,.0f} | {seconds[0] / seconds[1]:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
