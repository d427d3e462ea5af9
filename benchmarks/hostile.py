"""Worst time and peak memory of cpp_demangle on hostile input.

    python benchmarks/hostile.py

Each case runs in a fresh process, so its peak resident memory is its own;
the time is the slowest of five runs. The shapes are those crash reporters
and symbol servers meet: output that doubles with every level of back
references, the deepest nesting a 1024-byte name allows, long runs of symbol
characters, random bytes, and a 64 KiB page of hostile symbols.
"""

from __future__ import annotations

import json
import subprocess
import sys

SEQ = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def doubling(levels: int) -> str:
    return "_Z1fI1XIiiE" + "".join(f"S0_IS{SEQ[i + 1]}_S{SEQ[i + 1]}_E" for i in range(levels)) + "Evv"


def rust_doubling(levels: int) -> str:
    """A v0 name whose generic arguments are each a pair of the one before."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def backref(pos: int) -> str:
        if pos == 0:
            return "B_"
        n, out = pos - 1, ""
        while True:
            out = digits[n % 62] + out
            n //= 62
            if n == 0:
                return f"B{out}_"

    symbol = "_RINvCs_1a1f"
    previous = len(symbol) - 2
    symbol += "h"
    for _ in range(levels):
        here = len(symbol) - 2
        symbol += f"T{backref(previous)}{backref(previous)}E"
        previous = here
    return symbol + "E"


def d_doubling(levels: int) -> str:
    """A D function whose parameter is a tuple of two back references to
    the tuple before, `levels` deep."""

    def backref(distance: int) -> str:
        digits = []
        while True:
            digits.append(distance % 26)
            distance //= 26
            if distance == 0:
                break
        digits.reverse()
        return "Q" + "".join(chr(65 + d) for d in digits[:-1]) + chr(97 + digits[-1])

    symbol = "_D1a1fF"
    previous = len(symbol)
    symbol += "B2ii"
    for _ in range(levels):
        here = len(symbol)
        first = backref(len(symbol) + 2 - previous)
        symbol += "B2" + first
        symbol += backref(len(symbol) - previous)
        previous = here
    return symbol + "Zv"


CASES = {
    "doubling, 23 levels (252 B; uncapped 54 MB)": ("demangle", doubling(23), {}),
    "doubling, 33 levels (374 B; uncapped 55 GB)": ("demangle", doubling(33), {}),
    "doubling, max_length=16 MiB": ("demangle", doubling(33), {"max_length": 1 << 24}),
    "Rust v0 doubling, 40 levels (uncapped 8 TB)": ("demangle", rust_doubling(40), {}),
    "1018 nested pointers": ("demangle", "_Z1f" + "P" * 1018 + "iv", {}),
    "253 nested templates": ("demangle", "_Z1fI" + "1XI" * 253 + "i" + "E" * 253 + "Evv", {}),
    "C++ nested conversion trials (c++filt 3.3 s)": (
        "demangle",
        "_ZcvT_IcvT_ZcvT_IcvT_Igle4testestvT_Igle5testgle4tIcvT_Ile4testcGGGGGGCGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGeelGts5Gt8cdvT_IcvT_IMcvT_Igle4testvT_IglGGGGGGGGGeelGts5Gt8cdvT_IcvT_8cdvT_IcvT_IMcGGGGGGCGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGeelGts5Gt8cdvT_IcvT_IMcvT_Igle4testvT_Igle4tIcvT_Ile4testcGGGGGGCGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGeelGts5Gt8cdvT_IcvT_IMcvT_Igle4testvT_IglGGGGGGGGGeelGts5Gt8cdvT_IcvT_IMcvT_Igle4testvT_IgvT_tIg=leest8dcvT_IcvT_IMIvTgE",
        {},
    ),
    "D tuple doubling, 40 levels": ("demangle", d_doubling(40), {}),
    "D 100,000 nested arrays": ("demangle", "_D1a1fF" + "A" * 100_000 + "iZv", {}),
    "GNAT 1 MB name": ("demangle", "pack__" * (1 << 17) + "x", {"format": "gnat"}),
    "10 MB string": ("demangle", "_ZN" + "1a" * (5 << 20), {}),
    "10 MB Rust-looking string": ("demangle", "_RNv" + "C" * (10 << 20), {}),
    "Microsoft: 100,000 nested pointers": ("demangle", "?x@@3" + "PEA" * 100_000 + "HA", {}),
    "Microsoft: 50,000 nested templates": ("demangle", "?x@@3" + "V?$A@" * 50_000 + "H" + "@@" * 50_000 + "A", {}),
    "Microsoft: parameters doubling by back reference": (
        "demangle",
        "?f@@YAXPAH" + "".join(f"P6AX{i}{i}@Z" for i in range(9)) + "@Z",
        {},
    ),
    "Microsoft: 10 MB of `?`": ("demangle", "?" * (10 << 20), {}),
    "64 KiB of random bytes, as text": ("demangle_text", "random", {}),
    "64 KiB page of doubling symbols, as text": ("demangle_text", " ".join([doubling(16)] * 341), {}),
    "64 KiB page of doubling symbols, in bulk": ("demangle_many", [doubling(16)] * 341, {}),
}

CHILD = """
import json, resource, sys, time, random
import cpp_demangle
fn_name, arg, options = json.loads(sys.stdin.read())
if arg == "random":
    arg = bytes(random.Random(7).getrandbits(8) for _ in range(65536))
fn = getattr(cpp_demangle, fn_name)
worst = 0.0
for _ in range(5):
    start = time.perf_counter()
    try:
        fn(arg, **options)
        outcome = "ok"
    except cpp_demangle.DemangleError as error:
        outcome = str(error).split(": ", 1)[1]
    worst = max(worst, time.perf_counter() - start)
print(json.dumps([worst * 1000, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, outcome]))
"""


def main() -> int:
    base = json.loads(
        subprocess.run(
            [sys.executable, "-c", CHILD],
            input=json.dumps(["demangle", "_Z1fv", {}]),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )[1]
    print(f"interpreter with cpp_demangle imported: {base:.1f} MB resident\n")
    print(f"| {'input':45} | worst ms | peak MB | outcome")
    print(f"|{'-' * 47}|---------:|--------:|--------")
    for name, (fn, arg, options) in CASES.items():
        out = subprocess.run(
            [sys.executable, "-c", CHILD], input=json.dumps([fn, arg, options]), capture_output=True, text=True
        )
        if out.returncode != 0:
            print(f"| {name:45} | CRASHED (exit {out.returncode}) {out.stderr[-200:]}")
            continue
        ms, mb, outcome = json.loads(out.stdout)
        print(f"| {name:45} | {ms:8.2f} | {mb:7.1f} | {outcome[:60]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
