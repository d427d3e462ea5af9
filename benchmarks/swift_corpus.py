"""Swift symbols and what swift-demangle 6.2.3 prints for them.

Families:
- ``swift_runtime``: the symbols of the Swift runtime and Foundation
  libraries that ``ci/build_swift_demangle.sh`` takes from Debian's
  ``libswiftlang`` (``nm`` and ``nm -D``);
- ``swift_near_miss``: each of those damaged four ways (cut, a byte changed,
  added or dropped, two bytes swapped), as corrupted logs and fuzzers do;
- ``swift_tests``: the inputs of Swift's own ``test/Demangle/Inputs/
  manglings.txt`` (``SWIFT_TESTS=1 bash ci/build_swift_demangle.sh``);
- held out, not in any fixture: ``swift_tools``, the symbols of the
  Swift-written libraries of the toolchain (SwiftSyntax and the compiler's
  macro plugins, SwiftPM's APIs, SourceKit's plugins; ``SWIFT_TOOLS=1 bash
  ci/build_swift_demangle.sh``), and ``swift_tools_near_miss``, each of them
  damaged as the near-misses are.

The reference aborts on some damaged names (its assertions are on in
Debian's build): such a name is reported as ``None`` and left out of the
comparison, with its count.
"""

from __future__ import annotations

import glob
import hashlib
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SWIFT = ROOT / "target" / "swift" / "6.2.3"
FAMILIES = ["swift_runtime", "swift_near_miss", "swift_tests"]
HELD_OUT = ["swift_tools", "swift_tools_near_miss"]
PREFIXES = ("$s", "_$s", "$S", "_$S", "$e", "_$e", "_T0", "@__swiftmacro_")
_DAMAGE_BYTES = "0123456789_aAbBcCdDgGlLmMnNpPqQrRsStTxXyYzZ$.VOCfFEWI"


def swift_demangle_command() -> Path:
    return SWIFT / "swift-demangle"


def harvest(family: str) -> list[str]:
    """Every distinct symbol of a family, sorted."""
    if family == "swift_tests":
        lines = (SWIFT / "Inputs" / "manglings.txt").read_text(errors="surrogateescape").splitlines()
        return sorted({line.split(" ---> ")[0].strip() for line in lines if " ---> " in line})
    if family.startswith("swift_tools"):
        libraries = sorted(glob.glob(str(SWIFT / "tools" / "**" / "*.so"), recursive=True))
    else:
        libraries = sorted(glob.glob(str(SWIFT / "swift" / "*.so")) + [str(SWIFT / "lib" / "libswiftDemangle.so")])
    names: set[str] = set()
    for start in range(0, len(libraries), 50):
        for flags in (["--defined-only"], ["-D", "--defined-only"]):
            run = subprocess.run(
                ["nm", *flags, *libraries[start : start + 50]], capture_output=True, text=True, errors="surrogateescape"
            )
            names |= {line.split()[-1] for line in run.stdout.splitlines() if line.count(" ") >= 2}
    real = {n for n in names if n.startswith(PREFIXES + ("_T",))}
    if family in ("swift_runtime", "swift_tools"):
        return sorted(real)
    if family in ("swift_near_miss", "swift_tools_near_miss"):
        return sorted({damaged for s in real for k in range(4) if (damaged := damage(s, k)) != s})
    raise ValueError(f"unknown family {family!r}")


def damage(symbol: str, k: int) -> str:
    """`symbol` damaged in the `k`th way of four, chosen by its hash."""
    digest = hashlib.sha1(f"{symbol}{k}".encode()).digest()
    start = 4 if symbol.startswith("_$") else 2
    span = max(1, len(symbol) - start)
    at = start + int.from_bytes(digest[1:5], "big") % span
    byte = _DAMAGE_BYTES[digest[5] % len(_DAMAGE_BYTES)]
    kind = digest[0] % 5
    if kind == 0:
        return symbol[:at]
    if kind == 1:
        return symbol[:at] + byte + symbol[at + 1 :]
    if kind == 2:
        return symbol[:at] + byte + symbol[at:]
    if kind == 3:
        return symbol[:at] + symbol[at + 1 :]
    other = start + int.from_bytes(digest[6:10], "big") % span
    a, b = sorted((at, other))
    return symbol[:a] + symbol[b : b + 1] + symbol[a + 1 : b] + symbol[a : a + 1] + symbol[b + 1 :]


def swift_demangle(symbols: list[str], simplified: bool = False) -> list[str | None]:
    """swift-demangle's line for each symbol (its filter mode, one a line);
    `None` where it aborts. A chunk that aborts is run again a name at a
    time."""
    command = [str(swift_demangle_command())] + (["--simplified"] if simplified else [])
    out: list[str | None] = []
    for start in range(0, len(symbols), 2000):
        out.extend(_run_chunk(command, symbols[start : start + 2000]))
    return out


def _run_chunk(command: list[str], chunk: list[str]) -> list[str | None]:
    run = subprocess.run(
        command,
        input="".join(s + "\n" for s in chunk),
        capture_output=True,
        text=True,
        errors="surrogateescape",
    )
    lines = run.stdout.split("\n")
    if run.returncode == 0 and len(lines) == len(chunk) + 1:
        return lines[:-1]
    if len(chunk) == 1:
        return [None]
    half = len(chunk) // 2
    return _run_chunk(command, chunk[:half]) + _run_chunk(command, chunk[half:])
