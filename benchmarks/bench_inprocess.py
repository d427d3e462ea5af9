"""In-process speed: this project's core beside LLVM's itaniumDemangle and
libstdc++'s __cxa_demangle, on the same real C++ symbols, in one run.

    python benchmarks/bench_inprocess.py [--family static] [--limit N]

Builds benchmarks/inprocess/peers.cpp against LLVM 14's libLLVMDemangle.a
(`llvm-config-14`, Debian's llvm-14-dev) and the core's bench example
(`cargo build --release --example bench`), harvests the family's symbols
(benchmarks/corpus.py), and prints microseconds per symbol, each the best of
several runs on one core, the contenders alternating for --rounds rounds.
Whole-command speed is bench_speed.py's.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", default="static", help="a family of benchmarks/corpus.py (default static)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N symbols")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of all contenders, alternating (default 3)")
    args = parser.parse_args()
    config = shutil.which("llvm-config-14")
    if config is None:
        print("llvm-config-14 is not installed (apt-get install llvm-14-dev)", file=sys.stderr)
        return 1
    include, libdir = (
        subprocess.check_output([config, flag], text=True).strip() for flag in ("--includedir", "--libdir")
    )
    with tempfile.TemporaryDirectory() as work:
        peers = Path(work) / "peers"
        subprocess.run(
            [
                "g++",
                "-O2",
                "-std=c++17",
                f"-I{include}",
                str(ROOT / "benchmarks/inprocess/peers.cpp"),
                f"{libdir}/libLLVMDemangle.a",
                "-o",
                str(peers),
            ],
            check=True,
        )
        subprocess.run(
            ["cargo", "build", "--quiet", "--release", "-p", "demangler", "--example", "bench"], cwd=ROOT, check=True
        )
        # The peers read no symbol version suffix (`@@GLIBCXX_3.4`): names
        # with one are left out, so that every contender reads the same.
        symbols = [s for s in corpus.harvest(args.family) if s.startswith("_Z") and "@" not in s]
        if args.limit:
            symbols = symbols[: args.limit]
        listing = Path(work) / "symbols.txt"
        listing.write_text("".join(s + "\n" for s in symbols))
        print(f"{len(symbols):,} {args.family} C++ symbols, one core, best of several runs")
        bench = ROOT / "target/release/examples/bench"
        # Contenders alternate, round after round, each keeping its best: a
        # shared machine slows whole stretches of time, not one contender.
        best: dict[str, tuple[float, str]] = {}
        for _ in range(args.rounds):
            for command in ([str(bench), str(listing), "core"], [str(peers), str(listing)]):
                out = subprocess.run(["taskset", "-c", "0", *command], capture_output=True, text=True, check=True)
                for line in out.stdout.splitlines():
                    label, rest = line.split(None, 1)
                    micros = float(rest.split()[0])
                    if label not in best or micros < best[label][0]:
                        best[label] = (micros, line)
        for _, line in best.values():
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
