"""How often does cpp_demangle print exactly what swift-demangle prints?

    python benchmarks/compare_swift.py [--family F ...] [--simplified] [--show N]
    python benchmarks/compare_swift.py --file SYMBOLS

Demangles each family of benchmarks/swift_corpus.py (or the symbols of a
file, one a line) with swift-demangle 6.2.3 (the reference, built by
``bash ci/build_swift_demangle.sh``) and with this package's command
(``target/release/cpp-demangle -s swift``, both in filter mode), and prints
the share printed byte-identical, then the first differences. Names on
which the reference aborts are counted apart.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import swift_corpus  # noqa: E402

COMMAND = swift_corpus.ROOT / "target" / "release" / "cpp-demangle"


def ours(symbols: list[str], simplified: bool) -> list[str]:
    command = [str(COMMAND), "-s", "swift"] + (["--simplified"] if simplified else [])
    return corpus.run_filter(command, symbols)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", action="append", choices=swift_corpus.FAMILIES + swift_corpus.HELD_OUT)
    parser.add_argument("--file", help="compare the symbols of this file instead")
    parser.add_argument("--simplified", action="store_true", help="compare the --simplified forms")
    parser.add_argument("--show", type=int, default=10, help="differences to show per family")
    args = parser.parse_args()
    if args.file:
        sets = [(args.file, sorted(set(Path(args.file).read_text(errors="surrogateescape").split("\n")) - {""}))]
    else:
        sets = [(f, swift_corpus.harvest(f)) for f in args.family or swift_corpus.FAMILIES[:2]]
    print("| family | symbols | reference aborts | identical |")
    print("|---|---:|---:|---:|")
    shown = []
    for name, symbols in sets:
        reference = swift_corpus.swift_demangle(symbols, args.simplified)
        mine = ours(symbols, args.simplified)
        compared = [(s, r, m) for s, r, m in zip(symbols, reference, mine) if r is not None]
        differ = [(s, r, m) for s, r, m in compared if r != m]
        aborts = len(symbols) - len(compared)
        share = 100 * (len(compared) - len(differ)) / max(1, len(compared))
        print(f"| {name} | {len(symbols):,} | {aborts:,} | {share:.3f}% ({len(differ)} differ) |")
        shown += [(name, d) for d in differ[: args.show]]
    for name, (symbol, reference, mine) in shown:
        print(f"\n{name}: {symbol}\n  swift-demangle: {reference}\n  cpp-demangle:   {mine}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
