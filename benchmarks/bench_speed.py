"""Speed of cpp_demangle beside its peers, on the same real symbols, in one run.

    .venv/bin/python benchmarks/bench_speed.py [--sample N] [--chart FILE]

Run it with an interpreter that has cpp_demangle installed (the project's
venv after ``bash ci/test.sh``, or any venv after ``pip install .``). It makes
a venv of its own (``.venv-bench``) with the peers from PyPI (the ``cxxfilt``
package, which calls libstdc++'s ``__cxa_demangle`` through ctypes; the seed
package cpp-demangle 0.1.3; itanium-demangler, in pure Python) and
matplotlib, and times, in microseconds per symbol (best of five runs; this
machine may be shared, and the best run is the one least disturbed):

* command-line filters on a file of symbols: GNU c++filt, llvm-cxxfilt and
  ``cpp-demangle`` (this package's command);
* a Python loop calling each package's demangle function once per symbol;
* cpp_demangle.demangle_many() confined to one core, and on all cores;
* cpp_demangle.parse() in a loop and parse_many() (the parts of each name),
  and demangle_arrow() on a pyarrow column (where pyarrow is installed);
* in Rust, without Python: the cpp_demangle crate alone and this project's
  core (``cargo run --release -p demangler --example bench``);
* the import time of the package.

It prints a table and draws it as a PNG chart (--chart).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

PEERS = ["cxxfilt==0.3.0", "cpp-demangle==0.1.3", "itanium-demangler==1.1", "matplotlib"]
RUNS = 5
# itanium-demangler is pure Python and two orders of magnitude slower: it gets
# the first symbols only.
SLOW_SAMPLE = 20_000


def worker(kind: str, path: str) -> None:
    """Time one Python contender in this process; print µs per symbol."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        symbols = f.read().split("\n")[:-1]
    if kind == "itanium-demangler":
        symbols = symbols[:SLOW_SAMPLE]
    if kind in ("cpp_demangle", "cpp-demangle 0.1.3"):
        import cpp_demangle
        from cpp_demangle import demangle

        # Both are imported as `cpp_demangle`: make sure each run times the
        # one it names (a PYTHONPATH pointing at this checkout would put this
        # package in the peers' venv).
        if (kind == "cpp_demangle") != hasattr(cpp_demangle, "demangle_many"):
            raise SystemExit(f"{kind}: imported the wrong package from {cpp_demangle.__file__}")

        def run():
            for s in symbols:
                try:
                    demangle(s)
                except ValueError:
                    pass

    elif kind == "cxxfilt":
        import cxxfilt

        def run():
            for s in symbols:
                try:
                    cxxfilt.demangle(s)
                except Exception:
                    pass

    elif kind == "itanium-demangler":
        import itanium_demangler

        def run():
            for s in symbols:
                try:
                    itanium_demangler.parse(s)
                except Exception:
                    pass

    elif kind == "parse":
        from cpp_demangle import parse

        def run():
            for s in symbols:
                try:
                    parse(s)
                except ValueError:
                    pass

    elif kind == "parse_many":
        from cpp_demangle import parse_many

        def run():
            parse_many(symbols)

    elif kind == "demangle_arrow":
        import pyarrow as pa

        from cpp_demangle import demangle_arrow

        column = pa.array(symbols)

        def run():
            demangle_arrow(column)

    elif kind.startswith("demangle_many"):
        from cpp_demangle import demangle_many

        if kind == "demangle_many-1core":
            # The whole call on one core: the pool's thread and this one
            # (which turns results into str) share it.
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

        def run():
            demangle_many(symbols)

    else:
        raise SystemExit(f"unknown worker {kind}")
    # The parallel run is the one most disturbed by anything else on the
    # machine: it gets twice the runs.
    runs = RUNS * 2 if kind.endswith(("_many", "-1core", "_arrow")) else RUNS
    best = min(timed(run) for _ in range(runs))
    print(json.dumps({"us": best / len(symbols) * 1e6}))


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def python_contender(python: str, kind: str, path: str, env: dict | None = None) -> float:
    environ = {**os.environ, **(env or {})}
    environ.pop("PYTHONPATH", None)
    out = subprocess.run(
        [python, str(HERE / "bench_speed.py"), "--worker", kind, path],
        capture_output=True,
        text=True,
        check=True,
        env=environ,
        cwd=tempfile.gettempdir(),
    )
    return json.loads(out.stdout.strip().splitlines()[-1])["us"]


def command_contender(command: list[str], path: str, count: int) -> float:
    def run():
        with open(path, "rb") as source:
            # Outside the checkout, so that `-m cpp_demangle` is the installed one.
            subprocess.run(command, stdin=source, stdout=subprocess.DEVNULL, check=True, cwd=tempfile.gettempdir())

    return min(timed(run) for _ in range(RUNS)) / count * 1e6


def rust_contenders(path: str) -> dict[str, float]:
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "demangler", "--example", "bench", "--", path, "crate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    crate = float(out.split("crate alone")[1].split()[0])
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "demangler", "--example", "bench", "--", path, "core"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    core = float(out.split("demangler::demangle")[1].split()[0])
    return {"cpp_demangle crate alone": crate, "this project's core": core}


def peers_venv(path: Path) -> str:
    python = path / "bin" / "python"
    if not python.exists():
        venv.create(path, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEERS], check=True)
    return str(python)


def import_ms(python: str) -> float:
    code = "import time; t = time.perf_counter(); import cpp_demangle; print(time.perf_counter() - t)"
    return (
        min(
            float(
                subprocess.run(
                    [python, "-c", code], capture_output=True, text=True, check=True, cwd=tempfile.gettempdir()
                ).stdout
            )
            for _ in range(5)
        )
        * 1e3
    )


def chart(tables: dict[str, list[tuple[str, str, float]]], path: str, python: str) -> None:
    script = f"""
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import NullFormatter, ScalarFormatter
tables = {tables!r}
colors = {{"command line": "#4c72b0", "Python loop": "#dd8452", "bulk": "#55a868", "Rust, no Python": "#8172b3"}}
height = sum(0.45 * len(rows) + 1.0 for rows in tables.values())
fig, axes = plt.subplots(len(tables), 1, figsize=(9, height), squeeze=False)
for ax, (title, rows) in zip(axes[:, 0], tables.items()):
    labels = [f"{{name}} ({{group}})" for group, name, _ in rows]
    values = [us for _, _, us in rows]
    bars = ax.barh(labels, values, color=[colors[g] for g, _, _ in rows])
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(ScalarFormatter())
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_title(title)
    for bar, us in zip(bars, values):
        ax.text(bar.get_width() * 1.05, bar.get_y() + bar.get_height() / 2, f"{{us:.2f}}", va="center", fontsize=8)
axes[-1, 0].set_xlabel("microseconds per symbol (log scale, lower is better)")
fig.tight_layout()
fig.savefig({path!r}, dpi=110)
"""
    subprocess.run([python, "-c", script], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="at most N symbols per family")
    parser.add_argument("--chart", default="", help="write the table as a PNG chart here")
    parser.add_argument("--peers-venv", default=str(ROOT / ".venv-bench"))
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return 0

    import corpus

    # Real symbols only: the near-misses are an accuracy family (mostly not
    # names at all, and slow for some peers).
    families = {
        family: corpus.harvest(family) for family in corpus.FAMILIES if family not in ("mutated", *corpus.FOCUSED)
    }
    if args.sample:
        families = {family: corpus.sample(found, args.sample) for family, found in families.items()}
    sets = {
        # What every peer demangles: the peers fail at once on Rust symbols.
        "C++ symbols": [s for family in ("nm_dynamic", "static") for s in families[family]],
        "all symbols (C++ and Rust)": [s for found in families.values() for s in found],
    }
    peers = peers_venv(Path(args.peers_venv))
    ours = sys.executable
    cores = os.cpu_count() or 1
    tables = {}
    for title, symbols in sets.items():
        print(f"{title}: {len(symbols)} from this machine's libraries and Rust toolchain; {cores} cores", flush=True)
        tables[title] = measure(symbols, peers, ours, cores)
    for title, rows in tables.items():
        reference = rows[0][2]
        print(f"\n{title} ({len(sets[title])})\n")
        print(f"| {'contender':48} | µs/symbol | vs c++filt |")
        print(f"|{'-' * 50}|----------:|-----------:|")
        for group, name, us in rows:
            print(f"| {name + ' (' + group + ')':48} | {us:9.3f} | {reference / us:9.2f}x |")
    print(f"\nimport cpp_demangle: {import_ms(ours):.1f} ms")
    if args.chart:
        chart(tables, args.chart, peers)
        print(f"chart: {args.chart}")
    return 0


def measure(symbols: list[str], peers: str, ours: str, cores: int) -> list[tuple[str, str, float]]:
    """Every contender on `symbols`: (group, name, µs per symbol) rows."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "symbols.txt")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.writelines(s + "\n" for s in symbols)
        n = len(symbols)
        rows = []
        import corpus

        native = str(Path(ours).parent / "cpp-demangle")
        for name, command in [
            ("GNU c++filt", [corpus.cxxfilt_command()]),
            ("llvm-cxxfilt", [shutil.which("llvm-cxxfilt") or "llvm-cxxfilt"]),
            ("cpp-demangle (this package's command)", [native]),
            ("python -m cpp_demangle (the same, from Python)", [ours, "-m", "cpp_demangle"]),
        ]:
            rows.append(("command line", name, command_contender(command, path, n)))
        rows.append(
            ("Python loop", "cpp_demangle.demangle (this package)", python_contender(ours, "cpp_demangle", path))
        )
        rows.append(("Python loop", "cxxfilt package", python_contender(peers, "cxxfilt", path)))
        rows.append(("Python loop", "cpp-demangle 0.1.3", python_contender(peers, "cpp-demangle 0.1.3", path)))
        rows.append(("Python loop", "itanium-demangler", python_contender(peers, "itanium-demangler", path)))
        one = python_contender(ours, "demangle_many-1core", path, {"RAYON_NUM_THREADS": "1"})
        rows.append(("bulk", "demangle_many, 1 core", one))
        rows.append(("bulk", f"demangle_many, {cores} cores", python_contender(ours, "demangle_many", path)))
        rows.append(("Python loop", "cpp_demangle.parse (this package's parts)", python_contender(ours, "parse", path)))
        rows.append(("bulk", f"parse_many, {cores} cores", python_contender(ours, "parse_many", path)))
        try:
            arrow = python_contender(ours, "demangle_arrow", path)
            rows.append(("bulk", f"demangle_arrow (a pyarrow column), {cores} cores", arrow))
        except subprocess.CalledProcessError:
            print("(pyarrow is not installed with the package: no demangle_arrow row)")
        for name, us in rust_contenders(path).items():
            rows.append(("Rust, no Python", name, us))
    return rows


if __name__ == "__main__":
    sys.exit(main())
