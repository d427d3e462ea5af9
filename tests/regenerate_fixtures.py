"""Regenerate the differential fixtures from this machine's libraries.

    python tests/regenerate_fixtures.py            # rewrite the fixtures
    python tests/regenerate_fixtures.py --check    # only report, write nothing

It harvests real mangled symbols with ``nm``, records GNU c++filt's output
for each (as ``nm ... | c++filt`` prints it: one symbol a line on standard
input), and records which of them ``cpp_demangle`` prints differently, with
the cause. The tests (tests/test_cxxfilt_fixtures.py) read these files, so
they run where c++filt is absent.

Fixture files, tab-separated, one symbol a line:

* ``tests/fixtures/<family>.tsv``: symbol, c++filt's output.
* ``tests/fixtures/<family>.known-differences.tsv``: symbol, cause.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LIBRARY_GLOB = "/usr/lib/x86_64-linux-gnu/*.so*"

# family name -> how many symbols its fixture keeps
FAMILIES = {"nm_dynamic": 4000}


def harvest_dynamic() -> list[str]:
    """Every distinct C++ symbol that `nm -D --defined-only` shows."""
    libraries = sorted(glob.glob(LIBRARY_GLOB))
    symbols: set[str] = set()
    for start in range(0, len(libraries), 200):
        run = subprocess.run(
            ["nm", "-D", "--defined-only", *libraries[start : start + 200]],
            capture_output=True,
            text=True,
            errors="surrogateescape",
        )
        for line in run.stdout.splitlines():
            fields = line.split()
            if len(fields) >= 3 and fields[2].startswith("_Z"):
                symbols.add(fields[2])
    return sorted(symbols)


def sample(symbols: list[str], count: int) -> list[str]:
    """A stable, spread-out sample: the symbols with the smallest hashes."""
    ranked = sorted(symbols, key=lambda s: hashlib.sha1(s.encode()).digest())
    return sorted(ranked[:count])


def cxxfilt(symbols: list[str], *flags: str) -> list[str]:
    """GNU c++filt's output for each symbol, fed one a line on stdin."""
    run = subprocess.run(
        ["c++filt", *flags],
        input="".join(s + "\n" for s in symbols),
        capture_output=True,
        text=True,
        check=True,
    )
    out = run.stdout.split("\n")
    assert out[-1] == "" and len(out) == len(symbols) + 1, "c++filt output misaligned"
    return out[:-1]


def ours(symbol: str) -> str:
    """What cpp_demangle prints, under c++filt's rule for failures."""
    import cpp_demangle

    try:
        return cpp_demangle.demangle(symbol)
    except cpp_demangle.DemangleError:
        return symbol


_LITERAL = re.compile(r"\((?:unsigned |signed )?(?:char|short|int|long|long long|bool|wchar_t|char\d+_t)\)-?\d")


def cause(symbol: str, mine: str, theirs: str) -> str:
    """A short name for why `mine` differs from c++filt's `theirs`."""
    if mine == symbol:
        if "@" in symbol:
            return "symbol version suffix"
        if re.search(r"\.\w", symbol):
            return "clone suffix"
        if re.search(r"[CD]5E", symbol):
            return "comdat constructor/destructor (C5/D5)"
        return "rejected by the crate"
    if theirs == symbol:
        return "accepted where c++filt refuses"
    if symbol.startswith(("_ZTV", "_ZTT", "_ZTI", "_ZTS", "_ZTC")):
        return "special name spelling (vtable, VTT, typeinfo)"
    if symbol.startswith(("_ZTh", "_ZTv", "_ZTc")):
        return "thunk spelling"
    if "{" in mine:
        return "special name spelling (vtable, VTT, typeinfo)"
    if _LITERAL.search(mine):
        return "template literal spelling"
    if mine.replace(" (", "(") == theirs.replace(" (", "("):
        return "function type spacing"
    if "std::basic_" in theirs and "std::basic_" not in mine:
        return "std:: abbreviation expanded by c++filt"
    if "..." in mine or "<>" in mine or ", >" in mine or "<>" in theirs:
        return "pack expansion"
    return "other"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    args = parser.parse_args()

    harvested = {"nm_dynamic": harvest_dynamic()}
    for family, count in FAMILIES.items():
        symbols = sample(harvested[family], count)
        expected = cxxfilt(symbols)
        differences = {}
        for symbol, theirs in zip(symbols, expected):
            mine = ours(symbol)
            if mine != theirs:
                differences[symbol] = cause(symbol, mine, theirs)
        same = len(symbols) - len(differences)
        print(f"{family}: {len(harvested[family])} harvested, {len(symbols)} kept, "
              f"{same} identical to c++filt ({100 * same / len(symbols):.2f}%)")
        for reason, n in Counter(differences.values()).most_common():
            print(f"  {n:6d}  {reason}")
        if args.check:
            continue
        FIXTURES.mkdir(exist_ok=True)
        with open(FIXTURES / f"{family}.tsv", "w", encoding="utf-8", newline="\n") as f:
            f.writelines(f"{s}\t{e}\n" for s, e in zip(symbols, expected))
        with open(FIXTURES / f"{family}.known-differences.tsv", "w", encoding="utf-8", newline="\n") as f:
            f.writelines(f"{s}\t{c}\n" for s, c in sorted(differences.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
