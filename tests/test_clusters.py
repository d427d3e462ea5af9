"""The cluster recipes (cpp_demangle.clusters) on real engines: each test
starts the engine on this machine, demangles a Parquet file of real symbols
written here, and compares with demangle_many().

These are slow (seconds to start each engine) and need the engines
installed: they are marked ``slow``, left out of the default run, and run
by ``ci/slow.sh`` (``pytest -m slow``). Where an engine is missing or
cannot start, the test is skipped with the reason.
"""

import os
import sys
from pathlib import Path

import pytest

import cpp_demangle
from cpp_demangle import demangle_many

pytestmark = pytest.mark.slow
pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed")
pq = pytest.importorskip("pyarrow.parquet")

from cpp_demangle.clusters import demangle_dask, demangle_ray, demangle_spark  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Where the workers find this cpp_demangle: the engines start new Python
# processes, which see the environment rather than this sys.path.
PACKAGE_ROOT = str(Path(cpp_demangle.__file__).resolve().parent.parent)


@pytest.fixture(scope="module")
def symbols_file(tmp_path_factory):
    """A Parquet file of the fixtures' real symbols, with nulls and names
    that do not demangle, in several row groups; and the expected names."""
    rows = []
    for family in ("nm_dynamic", "static", "rust_legacy", "rust_v0"):
        with open(FIXTURES / f"{family}.tsv", encoding="utf-8") as f:
            rows += [line.split("\t", 1)[0] for line in f]
    rows = [None if i % 97 == 0 else ("main" if i % 89 == 0 else s) for i, s in enumerate(rows)]
    path = tmp_path_factory.mktemp("clusters") / "symbols.parquet"
    table = pa.table({"id": list(range(len(rows))), "symbol": rows})
    pq.write_table(table, path, row_group_size=5000)
    present = [r for r in rows if r is not None]
    done = iter(demangle_many(present))
    names = [None if r is None else next(done) for r in rows]
    return path, rows, names


def by_id(ids, values):
    return [v for _, v in sorted(zip(ids, values))]


def worker_environment():
    path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = PACKAGE_ROOT + (os.pathsep + path if path else "")


def test_dask_map_partitions_on_a_local_cluster_of_processes(symbols_file):
    dd = pytest.importorskip("dask.dataframe", reason="dask[dataframe] is not installed")
    import pandas as pd

    distributed = pytest.importorskip("distributed", reason="dask's distributed is not installed")
    path, rows, names = symbols_file
    worker_environment()
    try:
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        )
    except Exception as error:  # pragma: no cover - depends on the machine
        pytest.skip(f"Dask cannot start a local cluster here: {error}")
    with cluster, distributed.Client(cluster):
        frame = dd.read_parquet(str(path))
        assert frame.npartitions >= 1
        result = demangle_dask(frame, "symbol", into="name").compute()
    ids = result["id"].tolist()
    # pandas gives its missing values (NA, NaN) where Arrow has nulls.
    plain = [[None if pd.isna(v) else v for v in by_id(ids, result[c].tolist())] for c in ("symbol", "name")]
    assert plain == [rows, names]


def test_spark_map_in_arrow_on_local_2(symbols_file):
    pytest.importorskip("pyspark", reason="pyspark is not installed")
    from pyspark.sql import SparkSession

    path, rows, names = symbols_file
    worker_environment()
    os.environ["PYSPARK_PYTHON"] = sys.executable
    try:
        spark = (
            SparkSession.builder.master("local[2]")
            .appName("cpp-demangle-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate()
        )
    except Exception as error:  # pragma: no cover - depends on the machine (Java)
        pytest.skip(f"Spark cannot start here: {error}")
    try:
        frame = spark.read.parquet(str(path))
        result = demangle_spark(frame, "symbol", into="name").select("id", "symbol", "name").collect()
        replaced = demangle_spark(frame, "symbol").select("id", "symbol").collect()
    finally:
        spark.stop()
    result.sort(key=lambda row: row["id"])
    assert [row["symbol"] for row in result] == rows
    assert [row["name"] for row in result] == names
    assert [row["symbol"] for row in sorted(replaced, key=lambda row: row["id"])] == names


def test_ray_map_batches(symbols_file):
    ray = pytest.importorskip("ray", reason="ray[data] is not installed")
    pytest.importorskip("ray.data", reason="ray[data] is not installed")
    path, rows, names = symbols_file
    worker_environment()
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    except Exception as error:  # pragma: no cover - depends on the machine
        pytest.skip(f"Ray cannot start here: {error}")
    try:
        dataset = ray.data.read_parquet(str(path))
        result = demangle_ray(dataset, "symbol", into="name").to_arrow_refs()
        table = pa.concat_tables(ray.get(result))
    finally:
        ray.shutdown()
    ids = table.column("id").to_pylist()
    assert by_id(ids, table.column("symbol").to_pylist()) == rows
    assert by_id(ids, table.column("name").to_pylist()) == names
