"""How the bulk entry points scale with threads: each timed at 1 and 2
threads and oversubscribed at 4, 8 and 16 (``RAYON_NUM_THREADS``, one
process a count: the threads of a call, the calling one included; a call
never starts more threads than the CPUs, so on a smaller machine the
larger counts show what asking for too many costs), with the calling
thread's serial time measured beside the wall time.

    python benchmarks/bench_scaling.py SYMBOLS_FILE [SYMBOLS_FILE ...]
    python benchmarks/bench_scaling.py --family nm_dynamic --family static

It needs the installed wheel and pyarrow (Polars where installed); a symbols
file has one symbol a line (``nm -D --defined-only LIB | awk '{print $NF}'``),
so that it runs on any machine, a bigger one included. ``--family`` takes
this machine's symbols instead (benchmarks/corpus.py; ``mixed`` is the
exported, static and Rust v0 ones together). Microseconds per symbol, the
best of ``--repeat`` runs, and for each entry point the speed-up over one
thread.

The serial column is the wall time per symbol that the calling thread
spends, at one thread, on what no other thread can do for it: taking the
arguments, making the Python objects, cutting the work into pieces and
adding up their sizes. The extension measures it around those phases
(``cpp_demangle._native.take_serial_seconds``), it is not inferred. From
it and the one-thread time, Amdahl's law bounds the speed-up on 16 and 64
cores: ``t1 / (serial + (t1 - serial) / N)``.

CPython's floor is the part of that serial time that is CPython's own
work: making, from the demangled bytes, the objects the call returns (a
``str`` for each symbol that demangles and the list; the one ``str`` of a
text), timed in plain Python. Only the thread holding the GIL can make
them, so no extension can take a call's serial time below it.

The command (the native ``cpp-demangle`` beside this Python, or
``--command PATH``) is timed on the same file with ``--jobs`` of each count.

The last column is what the machine gives two independent workers: two
processes of one thread each run the same entry point at the same time,
and their work together is divided by one process's alone (the median
call of each, all three measured in this run). Two threads of one process
cannot do better than that; on a noisy or shared machine it is below 2x,
and it says how much of a gap is the machine's rather than the
process's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
THREADS = [1, 2, 4, 8, 16]
ENTRY_POINTS = ["demangle_many", "parse_many", "demangle_text", "demangle_arrow", "demangle_arrow (Polars)"]


def load(paths: list[str], families: list[str]) -> dict[str, list[str]]:
    inputs: dict[str, list[str]] = {}
    for path in paths:
        inputs[Path(path).name] = [s for s in Path(path).read_text(errors="surrogateescape").split("\n") if s]
    if families:
        sys.path.insert(0, str(HERE))
        import corpus

        for family in families:
            if family == "mixed":
                # The three families shuffled together (the same order every run).
                mixed = [s for f in ("nm_dynamic", "static", "rust_v0") for s in corpus.harvest(f)]
                random.Random(0).shuffle(mixed)
                inputs[family] = mixed
            else:
                inputs[family] = corpus.harvest(family)
    return inputs


def timed(call, repeat: int) -> tuple[float, float]:
    """The best wall time of `repeat` calls, and the calling thread's
    measured serial time in that run. A call is timed until it returns: its
    result is freed after the clock stops (freeing it is the same work on
    any number of threads, and is done whenever the caller drops it)."""
    from cpp_demangle._native import take_serial_seconds

    best = (float("inf"), 0.0)
    for _ in range(repeat):
        take_serial_seconds()
        wall = time.perf_counter()
        result = call()
        wall = time.perf_counter() - wall
        del result
        best = min(best, (wall, take_serial_seconds()))
    return best


def worker(
    symbols_path: str,
    repeat: int,
    only: str | None = None,
    start_at: float | None = None,
    with_floors: bool = False,
) -> None:
    """In a process whose calls run on RAYON_NUM_THREADS threads: each entry
    point's (wall, serial) seconds, as JSON on standard output, and
    CPython's floors where asked (they do not depend on the threads). With
    `only`, that entry point's wall time of each of `repeat` calls, from
    the clock time `start_at` (so that two such processes run together)."""
    import cpp_demangle as cd

    symbols = Path(symbols_path).read_text(errors="surrogateescape").split("\n")[:-1]
    text = "\n".join(symbols) + "\n"
    calls = {
        "demangle_many": lambda: cd.demangle_many(symbols),
        "parse_many": lambda: cd.parse_many(symbols),
        "demangle_text": lambda: cd.demangle_text(text),
    }
    try:
        import pyarrow as pa

        column = pa.array(symbols)
        calls["demangle_arrow"] = lambda: cd.demangle_arrow(column)
    except ImportError:
        pass
    try:
        import polars as pl

        series = pl.Series("symbol", symbols)
        calls["demangle_arrow (Polars)"] = lambda: cd.demangle_arrow(series)
    except ImportError:
        pass
    if only is not None:
        call = calls[only]
        call()
        if start_at is not None:
            time.sleep(max(0.0, start_at - time.time()))
        walls = []
        for _ in range(repeat):
            wall = time.perf_counter()
            result = call()
            walls.append(time.perf_counter() - wall)
            del result
        print(json.dumps(walls))
        return
    results = {name: timed(call, repeat) for name, call in calls.items()}
    if with_floors:
        results.update(floors(symbols, text, repeat))
    print(json.dumps(results))


def floors(symbols: list[str], text: str, repeat: int) -> dict[str, tuple[float, float]]:
    """CPython's own time to make the objects that `demangle_many` and
    `demangle_text` return, from their bytes already demangled: a str for
    each symbol that demangles (the others come back as they are) and the
    list; the one str of the text. No thread but the one holding the GIL
    can make them, so this much of each call is serial whatever the
    extension does. Each is timed as `timed` times a call, fresh objects
    each run (as a call's results are)."""
    import cpp_demangle as cd

    names = [name.encode() for name, symbol in zip(cd.demangle_many(symbols), symbols) if name is not symbol]
    out = cd.demangle_text(text).encode()
    return {
        "floor demangle_many": timed(lambda: list(map(bytes.decode, names)), repeat),
        "floor demangle_text": timed(out.decode, repeat),
    }


def median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def two_processes(path: Path, entry: str, repeat: int) -> float:
    """How much more two one-thread processes running `entry` together do
    than one alone (their median calls)."""
    env = {**os.environ, "RAYON_NUM_THREADS": "1"}
    base = [sys.executable, __file__, "--worker", str(path), "--repeat", str(repeat), "--only", entry]
    alone = subprocess.run(base, capture_output=True, text=True, env=env, check=True)
    one = median(json.loads(alone.stdout))
    # Both start calling at the same clock time, after loading their input.
    start = ["--start-at", str(time.time() + 5.0)]
    pair = [subprocess.Popen(base + start, stdout=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    walls = [median(json.loads(p.communicate()[0])) for p in pair]
    return sum(one / wall for wall in walls)


def command_seconds(command: str | None, symbols_path: str, jobs: int, repeat: int) -> float | None:
    """The whole command on the file with ``--jobs``, the best of `repeat`."""
    if command is None:
        return None
    best = float("inf")
    env = {**os.environ, "RAYON_NUM_THREADS": str(jobs)}
    for _ in range(repeat):
        with open(symbols_path, "rb") as data:
            start = time.perf_counter()
            subprocess.run([command, f"--jobs={jobs}"], stdin=data, stdout=subprocess.DEVNULL, check=True, env=env)
            best = min(best, time.perf_counter() - start)
    return best


def command_pair(command: str, symbols_path: str, repeat: int) -> float:
    """How much more two one-thread commands on the file at the same time
    do than one alone (the median of `repeat` runs each)."""

    def run_all(count: int) -> list[float]:
        walls = []
        for _ in range(max(repeat, 5)):
            inputs = [open(symbols_path, "rb") for _ in range(count)]
            start = time.perf_counter()
            procs = [subprocess.Popen([command], stdin=f, stdout=subprocess.DEVNULL) for f in inputs]
            ends = []
            for proc in procs:
                proc.wait()
                ends.append(time.perf_counter() - start)
            for f in inputs:
                f.close()
            walls.append(max(ends))
        return walls

    one = median(run_all(1))
    together = median(run_all(2))
    return 2 * one / together


def report(
    name: str,
    symbols: list[str],
    threads: list[int],
    repeat: int,
    workdir: Path,
    command: str | None,
    pairs: bool = True,
) -> dict[str, list[float]]:
    """Print the table of one input; each entry point's speed-up at each
    thread count, for the chart."""
    path = workdir / f"{name}.txt"
    path.write_text("".join(s + "\n" for s in symbols), errors="surrogateescape")
    n = len(symbols)
    by_threads = {}
    for count in threads:
        env = {**os.environ, "RAYON_NUM_THREADS": str(count)}
        floors_flag = ["--floors"] if count == threads[0] else []
        out = subprocess.run(
            [sys.executable, __file__, "--worker", str(path), "--repeat", str(repeat), *floors_flag],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        by_threads[count] = json.loads(out.stdout)
    print(f"\n{name}: {n:,} symbols; microseconds per symbol (speed-up over 1 thread)")
    header = " | ".join(f"{t} thread{'s' if t > 1 else ''}" for t in threads)
    print(f"| entry point | {header} | serial | CPython's floor | Amdahl 16 | Amdahl 64 | 2 processes |")
    print("|---" * (len(threads) + 6) + "|")
    per = 1e6 / n
    speedups: dict[str, list[float]] = {}
    for entry in ENTRY_POINTS:
        if entry not in by_threads[threads[0]]:
            continue
        one_wall, serial = by_threads[threads[0]][entry]
        cells = []
        speedups[entry] = []
        for count in threads:
            wall = by_threads[count][entry][0]
            cells.append(f"{wall * per:.3f} ({one_wall / wall:.2f}x)")
            speedups[entry].append(one_wall / wall)
        bounds = [one_wall / (serial + (one_wall - serial) / cores) for cores in (16, 64)]
        machine = two_processes(path, entry, max(repeat, 5)) if pairs else None
        machine_cell = f"{machine:.2f}x" if machine is not None else ""
        floor = by_threads[threads[0]].get(f"floor {entry}")
        floor_cell = f"{floor[0] * per:.3f}" if floor else ""
        print(
            f"| {entry} | {' | '.join(cells)} | {serial * per:.3f} | {floor_cell} | {bounds[0]:.1f}x"
            f" | {bounds[1]:.1f}x | {machine_cell} |"
        )
    seconds = {count: command_seconds(command, str(path), count, repeat) for count in threads}
    if seconds[threads[0]] is not None:
        one = seconds[threads[0]]
        cells = [f"{s * per:.3f} ({one / s:.2f}x)" for s in seconds.values()]
        machine = command_pair(command, str(path), repeat) if pairs else None
        machine_cell = f"{machine:.2f}x" if machine is not None else ""
        print(f"| the command, --jobs N | {' | '.join(cells)} | | | | | {machine_cell} |")
        speedups["the command (--jobs)"] = [one / s for s in seconds.values()]
    return speedups


def chart(results: dict[str, dict[str, list[float]]], threads: list[int], path: str) -> None:
    """One panel an input: each entry point's speed-up over one thread."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cores = os.cpu_count() or 1
    fig, axes = plt.subplots(1, len(results), figsize=(3.4 * len(results), 3.4), sharey=True, squeeze=False)
    for ax, (name, speedups) in zip(axes[0], results.items()):
        ax.plot(threads, [min(t, cores) for t in threads], "k:", label=f"the {cores} cores")
        for entry, values in speedups.items():
            ax.plot(threads, values, marker="o", label=entry)
        ax.set_xscale("log", base=2)
        ax.set_xticks(threads, [str(t) for t in threads])
        ax.set_title(name.removesuffix(".txt"))
        ax.set_xlabel("threads")
    axes[0][0].set_ylabel("speed-up over 1 thread")
    axes[0][-1].legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="symbols files, one symbol a line")
    parser.add_argument("--family", action="append", default=[], help="benchmarks/corpus.py family, or mixed")
    parser.add_argument("--threads", default=",".join(map(str, THREADS)), help="pool sizes (default 1,2,4,8,16)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, the best kept (default 3)")
    parser.add_argument(
        "--command", help="the cpp-demangle command to time (default: beside this Python, else on PATH)"
    )
    parser.add_argument("--chart", help="also draw the speed-ups into this PNG (needs matplotlib)")
    parser.add_argument("--no-pairs", action="store_true", help="leave out the two-process column (it takes a while)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--only", help=argparse.SUPPRESS)
    parser.add_argument("--start-at", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--floors", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.repeat, args.only, args.start_at, args.floors)
        return 0
    inputs = load(args.files, args.family)
    if not inputs:
        parser.error("give a symbols file or --family")
    threads = [int(t) for t in args.threads.split(",")]
    import tempfile

    command = (
        args.command
        or shutil.which("cpp-demangle", path=str(Path(sys.executable).parent))
        or shutil.which("cpp-demangle")
    )
    results = {}
    with tempfile.TemporaryDirectory() as work:
        for name, symbols in inputs.items():
            results[name] = report(name, symbols, threads, args.repeat, Path(work), command, not args.no_pairs)
    if args.chart:
        chart(results, threads, args.chart)
    return 0


if __name__ == "__main__":
    sys.exit(main())
