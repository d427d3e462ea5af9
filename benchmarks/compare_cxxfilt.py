"""How often does cpp_demangle print exactly what GNU c++filt prints?

    python benchmarks/compare_cxxfilt.py [--sample N] [--causes K] [--family F ...]

Harvests real symbols from this machine (see benchmarks/corpus.py for the
families), demangles them with GNU c++filt (the reference), llvm-cxxfilt and
cpp_demangle (c++filt's rule: a symbol that does not demangle is printed as
it is), and prints, per family, the share printed byte-identical to c++filt,
then the most common causes of the remaining differences. ``--family
wheels`` (and ``wheels_near_miss``, their near-misses and mutations) takes
the symbols of the packages installed beside this Python instead: symbols
that no family of this machine and no fixture holds.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def share(outputs, reference) -> str:
    """The share of `outputs` identical to the reference's, or n/a."""
    if outputs is None:
        return "n/a"
    same = sum(a == b for a, b in zip(outputs, reference))
    return f"{100 * same / len(reference):.3f}%"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="use at most N symbols per family")
    parser.add_argument("--causes", type=int, default=6, help="causes to list per family")
    parser.add_argument(
        "--family",
        action="append",
        choices=corpus.FAMILIES + corpus.HELD_OUT,
        help="only this family (repeatable; default: every one of this machine's)",
    )
    args = parser.parse_args()

    rows = []
    causes = {}
    for family in args.family or corpus.FAMILIES:
        symbols = corpus.harvest(family)
        if args.sample:
            symbols = corpus.sample(symbols, args.sample)
        if not symbols:
            print(f"{family}: no symbols found on this machine", file=sys.stderr)
            continue
        reference = corpus.cxxfilt(symbols)
        mine = corpus.ours(symbols)
        llvm = corpus.llvm_cxxfilt(symbols)

        rows.append((family, len(symbols), share(mine, reference), share(llvm, reference)))
        causes[family] = Counter(corpus.cause(s, m, r) for s, m, r in zip(symbols, mine, reference) if m != r)

    print("| symbols | count | cpp_demangle | llvm-cxxfilt |")
    print("|---|---:|---:|---:|")
    for family, count, mine_share, llvm_share in rows:
        print(f"| {family} | {count} | {mine_share} | {llvm_share} |")
    for family, counter in causes.items():
        if counter:
            print(f"\n{family}: {sum(counter.values())} differ from c++filt")
            for reason, n in counter.most_common(args.causes):
                print(f"  {n:7d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
