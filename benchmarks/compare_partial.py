"""parse() beside LLVM 14's ItaniumPartialDemangler (the oracle of
tests/oracles/partial.cpp) on every C++ symbol of this machine.

    python benchmarks/compare_partial.py

Run it with an interpreter that has cpp_demangle (installed or built in
place); it needs g++ and LLVM 14's development files (``llvm-config-14``,
Debian's llvm-14-dev). For each symbol both read and print the same full
name (where they print it differently the parts cannot be compared), it
counts the symbols on which every field agrees: kind (function, data,
special), constructor or destructor, function qualifiers, base name,
scope, name, parameters and return type; and lists the others by field.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import corpus  # noqa: E402
from regenerate_fixtures import build_partial_oracle  # noqa: E402
from test_parse import COLUMNS, fields  # noqa: E402


def main() -> int:
    from cpp_demangle import parse_many

    oracle = build_partial_oracle()
    symbols = sorted({s.split("@", 1)[0] for family in ("nm_dynamic", "static") for s in corpus.harvest(family)})
    out = subprocess.run([str(oracle)], input="".join(s + "\n" for s in symbols), capture_output=True, text=True)
    rows = [dict(zip(COLUMNS, line.split("\t"))) for line in out.stdout.splitlines()]
    ours = parse_many(symbols)
    same_text = agree = 0
    differing: Counter[str] = Counter()
    examples: dict[str, tuple] = {}
    for row, mine in zip(rows, ours):
        if row["ok"] != "1" or mine is None or mine.text != row["text"]:
            continue
        same_text += 1
        bad = [k for k, v in fields(mine).items() if row[k] != v]
        agree += not bad
        for k in bad:
            differing[k] += 1
            examples.setdefault(k, (row["symbol"], getattr(mine, k, None), row[k]))
    print(f"{len(symbols):,} C++ symbols of this machine (version suffixes taken off)")
    print(
        f"{sum(r['ok'] == '1' for r in rows):,} read by LLVM 14, {sum(o is not None for o in ours):,} by cpp_demangle"
    )
    print(f"{same_text:,} printed the same by both; every field agrees on {agree:,} ({100 * agree / same_text:.3f}%)")
    for field, count in differing.most_common():
        print(f"  {count:6d}  {field}, e.g. {examples[field]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
