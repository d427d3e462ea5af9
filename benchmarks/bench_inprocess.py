"""In-process speed: this project's core beside its peers, on the same real
symbols, in one run, one core, the contenders alternating.

    python benchmarks/bench_inprocess.py [--family static] [--limit N]

Families and peers:

* ``static``, ``nm_dynamic``, ``wheels``, ``pypi`` (C++, or any other C++
  family of benchmarks/corpus.py, its ``_Z`` names): LLVM 14's
  ``itaniumDemangle`` (``libLLVMDemangle.a``, `llvm-config-14`, Debian's
  llvm-14-dev) and libstdc++'s ``__cxa_demangle``;
* ``rust_legacy``, ``rust_v0`` (the Rust toolchain's symbols): the
  ``rustc-demangle`` crate;
* ``msvc`` (Microsoft names of Windows wheels, benchmarks/msvc_corpus.py, or
  the committed fixtures where PyPI cannot be reached): LLVM 14's
  ``microsoftDemangle`` and the ``msvc-demangler`` crate;
* ``swift`` (the Swift runtime's symbols, benchmarks/swift_corpus.py):
  swift-demangle's own library, ``libswiftDemangle.so`` of Swift 6.2.3
  (``bash ci/build_swift_demangle.sh``), through its C entry point
  ``swift_demangle_getDemangledName``, from benchmarks/inprocess/swift_peer.c
  run under Debian sid's loader.

The crates are dev-dependencies of the core's bench example only
(`cargo build --release --example bench`); the C++ peers are built from
benchmarks/inprocess/peers.cpp. Prints microseconds per symbol, each the
best of several runs. Whole-command speed is bench_speed.py's.
"""

from __future__ import annotations

import argparse
import re
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
    parser.add_argument(
        "--family",
        default="static",
        help="static, nm_dynamic, wheels, pypi, rust_legacy, rust_v0, msvc or swift (default static)",
    )
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
        if args.family == "swift":
            subprocess.run(
                ["gcc", "-O2", str(ROOT / "benchmarks/inprocess/swift_peer.c"), "-ldl", "-o", str(peers)], check=True
            )
        subprocess.run(
            ["cargo", "build", "--quiet", "--release", "-p", "demangler", "--example", "bench"], cwd=ROOT, check=True
        )
        symbols = family_symbols(args.family)
        if args.limit:
            symbols = symbols[: args.limit]
        listing = Path(work) / "symbols.txt"
        listing.write_text("".join(s + "\n" for s in symbols))
        print(f"{len(symbols):,} {args.family} symbols, one core, best of several runs")
        bench = ROOT / "target/release/examples/bench"
        # Contenders alternate, round after round, each keeping its best: a
        # shared machine slows whole stretches of time, not one contender.
        best: dict[str, tuple[float, str]] = {}
        for _ in range(args.rounds):
            for command in contenders(args.family, str(bench), str(peers), str(listing)):
                out = subprocess.run(["taskset", "-c", "0", *command], capture_output=True, text=True, check=True)
                for line in out.stdout.splitlines():
                    timed = re.match(r"(.*?)\s+([0-9.]+) us/symbol", line)
                    if timed is None:
                        continue
                    label, micros = timed[1], float(timed[2])
                    if label not in best or micros < best[label][0]:
                        best[label] = (micros, line)
        for _, line in best.values():
            print(line)
    return 0


def family_symbols(family: str) -> list[str]:
    """The family's symbols that every contender reads."""
    if family == "swift":
        import swift_corpus

        return swift_corpus.harvest("swift_runtime")
    if family == "msvc":
        try:
            import msvc_corpus

            names = sorted({n for arch in ("win64", "win32") for ns in msvc_corpus.harvest(arch).values() for n in ns})
        except Exception as error:  # no PyPI, or no LLVM tools: the fixtures' names
            print(f"(Windows wheels not harvested: {error}; the fixtures' names instead)", file=sys.stderr)
            names = sorted(
                {
                    line.split("\t", 1)[0]
                    for arch in ("win64", "win32")
                    for line in (ROOT / f"tests/fixtures/msvc_{arch}.tsv").read_text(encoding="utf-8").splitlines()
                }
            )
        return names
    # The C++ peers read no symbol version suffix (`@@GLIBCXX_3.4`): names
    # with one are left out, so that every contender reads the same.
    return [s for s in corpus.harvest(family) if "@" not in s and (s.startswith("_Z") or family.startswith("rust"))]


def contenders(family: str, bench: str, peers: str, listing: str) -> list[list[str]]:
    """The commands that time the core and its peers on `listing`."""
    if family.startswith("rust"):
        return [[bench, listing, "core"], [bench, listing, "rustc-demangle"]]
    if family == "msvc":
        return [[bench, listing, "core"], [peers, listing, "microsoft"], [bench, listing, "msvc-demangler"]]
    if family == "swift":
        swift = ROOT / "target/swift/6.2.3"
        # Debian sid's loader and C and C++ runtime, which the library needs.
        libraries = f"{swift}/lib:{swift}/swift:/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu"
        return [
            [bench, listing, "core"],
            [f"{swift}/lib/ld-linux-x86-64.so.2", "--library-path", libraries, peers, listing],
        ]
    return [[bench, listing, "core"], [peers, listing]]


if __name__ == "__main__":
    sys.exit(main())
