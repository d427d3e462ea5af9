"""``cpp-demangle --parquet IN OUT [--column NAME] [--into NAME]``: the
column of symbols of a Parquet file demangled into a new file, the other
columns copied, batch by batch (a file larger than memory is fine), with a
progress bar on a terminal. Needs pyarrow.

The command line's demangling options apply (``-p``, ``--no-return-type``,
``-s``, ...). The native ``cpp-demangle`` command hands ``--parquet`` to
``python -m cpp_demangle``, which calls :func:`run`.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from cpp_demangle.arrow import demangle_arrow, optional, with_column

__all__ = ["run"]

# Rows a batch: enough for every core to have work.
BATCH_ROWS = 1 << 18


def run(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    column: str | None = None,
    into: str | None = None,
    **options: Any,
) -> int:
    """Demangle ``column`` of Parquet file ``source`` into ``target``, into
    column ``into`` (default: ``column`` itself); return 0. ``column``
    defaults to the file's only column of strings. Options as for
    :func:`cpp_demangle.demangle`. Errors are exceptions whose message says
    what to do."""
    try:
        pa, pq = optional("pyarrow"), optional("pyarrow.parquet")
    except ImportError:
        raise RuntimeError("--parquet needs pyarrow: pip install pyarrow") from None
    if not os.path.isfile(source):
        what = "is not a file" if os.path.exists(source) else "does not exist"
        raise ValueError(f"{os.fspath(source)!r} {what}: --parquet reads a Parquet file")
    if os.path.exists(target) and os.path.samefile(source, target):
        raise ValueError(f"{os.fspath(target)!r} is the input file: write the names to another file")
    try:
        file = pq.ParquetFile(source)
    except (pa.ArrowInvalid, OSError) as error:
        raise ValueError(f"{os.fspath(source)!r} is not a Parquet file that pyarrow reads: {error}") from None
    schema = file.schema_arrow
    column = column or _only_string_column(schema, source)
    if column not in schema.names:
        raise ValueError(f"{os.fspath(source)!r} has no column {column!r}; its columns: {', '.join(schema.names)}")
    if into is not None and into != column and into in schema.names:
        raise ValueError(
            f"{os.fspath(source)!r} has a column {into!r} already: name another with --into, "
            f"or leave --into out to replace {column!r} itself"
        )
    kind = schema.field(column).type
    if not _holds_symbols(kind, pa):
        raise ValueError(f"column {column!r} of {os.fspath(source)!r} holds {kind}, not symbols (strings or bytes)")
    progress = _Progress(file.metadata.num_rows) if sys.stderr.isatty() else None
    # Written through a Python file: a pipe or /dev/stdout cannot seek,
    # which pyarrow's own file would.
    with open(target, "wb") as out:
        writer = None
        try:
            for batch in file.iter_batches(batch_size=BATCH_ROWS):
                batch = with_column(batch, into or column, demangle_arrow(batch.column(column), **options))
                if writer is None:
                    writer = pq.ParquetWriter(out, batch.schema)
                writer.write_batch(batch)
                if progress:
                    progress.advance(batch.num_rows)
            if writer is None:
                # No rows: the file still gets the columns.
                empty = schema.empty_table()
                pq.write_table(with_column(empty, into or column, demangle_arrow(empty.column(column))), out)
        finally:
            if writer is not None:
                writer.close()
            if progress:
                progress.close()
    return 0


def _holds_symbols(kind: Any, pa: Any) -> bool:
    """Whether a column of Arrow type `kind` holds symbols: strings or bytes
    of any layout, dictionary-encoded or not."""
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    t = pa.types
    return any(
        test(kind)
        for test in (t.is_string, t.is_large_string, t.is_string_view, t.is_binary, t.is_large_binary, t.is_binary_view)
    )


def _only_string_column(schema: Any, source: str | os.PathLike[str]) -> str:
    pa = optional("pyarrow")

    texts = [
        f.name
        for f in schema
        if pa.types.is_string(f.type) or pa.types.is_large_string(f.type) or pa.types.is_string_view(f.type)
    ]
    if len(texts) != 1:
        raise ValueError(
            f"{os.fspath(source)!r} has {len(texts)} columns of strings ({', '.join(texts) or 'none'}): "
            "name the column of symbols with --column"
        )
    return texts[0]


class _Progress:
    """A one-line progress bar on standard error."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.start = total, 0, time.monotonic()

    def advance(self, rows: int) -> None:
        self.done += rows
        share = self.done / self.total if self.total else 1.0
        rate = self.done / max(time.monotonic() - self.start, 1e-9)
        bar = "#" * int(share * 30)
        sys.stderr.write(f"\r[{bar:<30}] {self.done:,}/{self.total:,} symbols {share:4.0%} {rate:,.0f}/s")
        sys.stderr.flush()

    def close(self) -> None:
        if self.done:
            sys.stderr.write("\n")
            sys.stderr.flush()
