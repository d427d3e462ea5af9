"""Recipes: demangle a column of symbols on a cluster.

Each function takes a distributed table and the name of its column of
symbols, and returns a new table in which that column (or the new column
``into``) holds the demangled names: nulls stay null and a symbol that does
not demangle stays as it is, as in :func:`cpp_demangle.demangle_many`. The
work is :func:`cpp_demangle.arrow.demangle_arrow` on each partition's Arrow
data, on one thread a task (``threads=1``: the engine already runs a task
per core; pass ``threads=`` to change it); the other options are those of
:func:`cpp_demangle.demangle`. The engine spreads the work only as far as
the data is split: give it at least two partitions a core (Dask
``read_parquet(..., split_row_groups=True)`` or ``repartition``, Spark
``spark.sql.files.maxPartitionBytes``, Ray ``override_num_blocks``);
``benchmarks/bench_clusters.py`` measures 1 and 2 workers. Nothing runs until the engine computes the
result, and each engine is imported only by its own function.

Each worker needs ``cpp-demangle`` and pyarrow installed (Spark and Ray send
Arrow batches to Python workers; Dask reads its pandas partitions through
pyarrow).
"""

from __future__ import annotations

from typing import Any

from cpp_demangle.arrow import demangle_arrow, optional, with_column

__all__ = ["demangle_dask", "demangle_ray", "demangle_spark"]


def demangle_dask(frame: Any, column: str, into: str | None = None, **options: Any) -> Any:
    """A Dask DataFrame with ``column`` demangled, partition by partition
    (``map_partitions``)::

        import dask.dataframe as dd
        frame = dd.read_parquet("symbols.parquet")
        demangle_dask(frame, "symbol", into="name").to_parquet("names/")
    """

    options.setdefault("threads", 1)

    def partition(part: Any) -> Any:
        return part.assign(**{into or column: demangle_arrow(part[column], **options)})

    return frame.map_partitions(partition)


def demangle_spark(frame: Any, column: str, into: str | None = None, **options: Any) -> Any:
    """A Spark DataFrame with ``column`` demangled, batch by Arrow batch
    (``mapInArrow``)::

        frame = spark.read.parquet("symbols.parquet")
        demangle_spark(frame, "symbol", into="name").write.parquet("names/")
    """
    options.setdefault("threads", 1)
    types = optional("pyspark.sql.types")
    StructField, StructType = types.StructField, types.StructType  # noqa: N806

    source = frame.schema[column]
    target = into or column
    fields = [StructField(target, source.dataType, True) if f.name == target else f for f in frame.schema.fields]
    if target not in frame.schema.names:
        fields.append(StructField(target, source.dataType, True))

    def batches(iterator: Any) -> Any:
        for batch in iterator:
            yield with_column(batch, target, demangle_arrow(batch.column(column), **options))

    return frame.mapInArrow(batches, StructType(fields))


def demangle_ray(dataset: Any, column: str, into: str | None = None, **options: Any) -> Any:
    """A Ray Dataset with ``column`` demangled, batch by Arrow batch
    (``map_batches``)::

        import ray
        dataset = ray.data.read_parquet("symbols.parquet")
        demangle_ray(dataset, "symbol", into="name").write_parquet("names/")
    """

    options.setdefault("threads", 1)

    def batch(table: Any) -> Any:
        return with_column(table, into or column, demangle_arrow(table.column(column), **options))

    # A block a batch: Ray's default of 1,024 rows a batch spends more on
    # handing batches around than on demangling them.
    return dataset.map_batches(batch, batch_format="pyarrow", batch_size=None)
