"""Real mangled symbols from this machine, and what the demanglers make of them.

Shared by benchmarks/compare_cxxfilt.py (the accuracy table) and
tests/regenerate_fixtures.py (the committed differential fixtures).

Families:

* ``nm_dynamic``: C++ symbols exported by the shared libraries in
  /usr/lib/x86_64-linux-gnu, as ``nm -D`` prints them (many end in
  ``@@VERSION``);
* ``static``: C++ symbols defined in the static archives of the C++
  libraries (``nm --defined-only`` of every ``*.a``);
* ``rust_legacy`` and ``rust_v0``: Rust symbols of the Rust toolchain's own
  binaries and libraries;
* ``mutated``: each symbol of the other families with one byte changed,
  inserted or cut off (chosen by its hash, so the same on every run): the
  near-misses a service meets, where what matters is refusing exactly what
  c++filt refuses;
* ``near_miss``: each C++ symbol damaged by a grammar-aware mistake (a back
  reference pointing at another candidate, a qualified, pointer, array or
  function type put before one, a template parameter moved, the ``I`` or
  ``E`` of a template argument list moved to another level): where a
  one-pass printer and GNU's modifier lists part ways;
* ``damaged``: each C++ symbol of ``static`` and ``nm_dynamic`` damaged
  twice over, each time in one of other ways (two bytes swapped, a back
  reference and a template parameter exchanged, a modifier, pack,
  literal, name or list mark put in, a run repeated or cut out, a length
  changed, a template parameter moved, or two of these): where libiberty
  reads on after a failure, and where the readers' rules for rarer shapes
  part ways;
* ``generated``: names no compiler made, from a small random grammar of
  the Itanium productions (seeded, so the same on every run): types under
  every modifier, arrays, function types with ref-qualifiers, packs,
  pointers to members, back references and template parameters to any
  candidate, literals and expressions as template arguments, closures in
  every position (a template's argument, a return type, a scope), two
  closures of function templates whose types refer back to each other's
  candidates, local names, constructors and special names; where each
  reader's rules for how the productions combine are tried;
* ``literals``: the C++ symbols of ``static`` and ``nm_dynamic`` with a
  mangled name as a literal (``L_Z ... E``, ``&`` of a function or
  variable as a template argument), each damaged ten ways (``_damage``,
  ``_near_miss``, ``_mutate``): where the address of a function, its
  parentheses and a function template's return type are printed;
* ``lambdas``: the C++ symbols of ``static`` and ``nm_dynamic`` with a
  closure type (``Ul ... E_``), each damaged six ways (``_damage``,
  ``_near_miss``, ``_mutate``) and put under a modifier three ways
  (``_under_modifier``: ``RK``, ``P``, ``O`` ... before a local name, most
  often the one that holds the closure): where a lambda's parameters are printed with
  the modifiers pending over it.

Held out (not harvested by default):

* ``wheels`` and ``wheels_near_miss``: the symbols of the packages
  installed beside this Python, and their near-misses, mutations and
  damaged forms;
* ``wheels_spliced``: those symbols cut and spliced as a corrupted log or a
  half-copied stack trace cuts them: a symbol's head on another's tail, a
  piece cut out, a piece repeated (``_splice``);
* ``generated_wide``: a million draws from a wider grammar than
  ``generated``'s (expressions of every kind, tags, modules, closures with
  template heads, more special names, clone suffixes); c++filt 2.47
  crashes on a few of them (``CRASHED``);
* ``pypi`` and ``pypi_damaged``: the same of pinned wheels of other
  projects from PyPI (``PYPI_WHEELS``: grpc, ONNX Runtime, LLVM through
  llvmlite, FAISS...), downloaded once into ``$CPP_DEMANGLE_CORPUS_CACHE``
  (default ``~/.cache/cpp-demangle-corpus``; about 130 MB), each C++ symbol
  damaged more ways and more often than ``wheels_near_miss`` does.
"""

from __future__ import annotations

import glob
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HOME = Path.home()
DYNAMIC_LIBRARIES = "/usr/lib/x86_64-linux-gnu/*.so*"
ARCHIVES = [
    "/usr/lib/x86_64-linux-gnu/*.a",
    "/usr/lib/gcc/x86_64-linux-gnu/*/*.a",
    "/usr/lib/llvm-*/lib/*.a",
]
RUST_BINARIES = [
    str(HOME / ".cargo/bin/rustup"),
    str(HOME / ".rustup/toolchains/*/bin/*"),
    str(HOME / ".rustup/toolchains/*/lib/*.so"),
    str(HOME / ".rustup/toolchains/*/lib/rustlib/*/lib/*.so"),
]
FAMILIES = [
    "nm_dynamic", "static", "rust_legacy", "rust_v0", "mutated", "near_miss", "damaged", "generated", "literals",
    "lambdas",
]  # fmt: skip
# Families made from a few real symbols and their damaged forms, for one
# feature each: left out of the speed figures and of `mutated`.
FOCUSED = ["literals", "lambdas"]
# Not harvested by default: what the environment has installed, and wheels
# of other projects from PyPI.
HELD_OUT = ["wheels", "wheels_near_miss", "wheels_spliced", "pypi", "pypi_damaged", "generated_wide"]
# Linux wheels of C++ and Rust projects that no other family holds, pinned
# so that the family is the same on every machine.
PYPI_WHEELS = [
    "grpcio==1.85.3",
    "grpcio-tools==1.85.1",
    "onnxruntime==1.32.0",
    "llvmlite==0.50.0",
    "faiss-cpu==1.15.1",
    "lightgbm==4.7.0",
    "rapidfuzz==3.14.6",
    "tokenizers==0.23.3",
    "orjson==3.13.0",
]
_MUTATION_BYTES = "_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

_LEGACY_RUST = re.compile(r"^_ZN.*17h[0-9a-f]{16}E")
_HUGE_BINDER = re.compile(r"^_R.*[FD]G[0-9A-Za-z]{3,}_")


def _files(patterns: list[str]) -> list[str]:
    # A link's target may lie outside the patterns (/usr/lib/llvm-14/lib):
    # read each real file once.
    found = {os.path.realpath(f) for p in patterns for f in glob.glob(p, recursive=True) if os.path.isfile(f)}
    return sorted(found)


def _nm(files: list[str], *flags: str) -> set[str]:
    """The symbol names `nm` prints for the files (those it can read)."""
    names: set[str] = set()
    for start in range(0, len(files), 100):
        run = subprocess.run(
            ["nm", *flags, *files[start : start + 100]],
            capture_output=True,
            text=True,
            errors="surrogateescape",
        )
        for line in run.stdout.splitlines():
            fields = line.split()
            if len(fields) >= 2 and len(fields[-2]) == 1:
                names.add(fields[-1])
    return names


def harvest(family: str) -> list[str]:
    """Every distinct symbol of a family on this machine, sorted."""
    if family == "nm_dynamic":
        names = _nm(_files([DYNAMIC_LIBRARIES]), "-D", "--defined-only")
        return sorted(n for n in names if n.startswith("_Z"))
    if family == "static":
        names = _nm(_files(ARCHIVES), "--defined-only")
        return sorted(n for n in names if n.startswith("_Z"))
    if family == "near_miss":
        real = _real_cxx()
        return sorted({_near_miss(s) for s in real} - real)
    if family == "damaged":
        real = _real_cxx()
        return sorted({_damage(s, salt) for s in real for salt in ("a", "b")} - real)
    if family == "literals":
        real = sorted(s for s in _real_cxx() if "L_Z" in s or "LZ" in s)
        damaged = {_damage(s, salt) for s in real for salt in "abcdefgh"}
        damaged |= {_near_miss(s) for s in real} | {_mutate(s) for s in real}
        return sorted((set(real) | damaged) - {""})
    if family == "lambdas":
        real = sorted(s for s in _real_cxx() if "Ul" in s)
        damaged = {_damage(s, salt) for s in real for salt in ("la", "lb", "lc", "ld")}
        damaged |= {_near_miss(s) for s in real} | {_mutate(s) for s in real}
        damaged |= {_under_modifier(s, salt) for s in real for salt in "abc"}
        return sorted((set(real) | damaged) - {""})
    if family == "generated":
        return sorted({_Grammar(seed).encoding_name() for seed in range(GENERATED)})
    if family == "generated_wide":
        return sorted({_WideGrammar(seed).encoding_name() for seed in range(GENERATED_WIDE)})
    if family == "mutated":
        real = {s for other in FAMILIES if other not in ("mutated", "damaged", *FOCUSED) for s in harvest(other)}
        # Not the v0 names a mutation gave a binder of hundreds of thousands
        # of lifetimes or more: c++filt prints each (gigabytes).
        return sorted(m for m in {_mutate(s) for s in real} - real if not _HUGE_BINDER.search(m))
    if family in ("wheels", "wheels_near_miss", "wheels_spliced"):
        # The shared objects of the packages installed beside this Python
        # (pyarrow, duckdb, Polars...): symbols from other projects'
        # toolchains, held out from every family above and every fixture.
        site = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
        files = _files([f"{root}/**/*.so*" for root in site])
        names = _nm(files, "--defined-only") | _nm(files, "-D", "--defined-only")
        wheels = {n for n in names if n.startswith(("_Z", "_R"))}
        if family == "wheels":
            return sorted(wheels)
        cxx = {n for n in wheels if n.startswith("_Z")}
        if family == "wheels_spliced":
            others = sorted(cxx)
            return sorted(set().union(*(_splice(s, others) for s in others)) - cxx)
        damaged = {_near_miss(s) for s in cxx} | {_mutate(s) for s in cxx} | {_damage(s, "w") for s in cxx}
        return sorted(damaged - cxx)
    if family in ("pypi", "pypi_damaged"):
        pypi = _pypi_symbols()
        if family == "pypi":
            return sorted(pypi)
        cxx = {n for n in pypi if n.startswith("_Z")}
        damaged = {_near_miss(s) for s in cxx} | {_mutate(s) for s in cxx}
        damaged |= {_damage(s, salt) for s in cxx for salt in ("a", "b", "c")}
        damaged |= {_damage(_damage(s, "p"), "q") for s in cxx}
        return sorted(m for m in damaged - cxx if m and "\0" not in m)
    rust = _nm(_files(RUST_BINARIES), "--defined-only") | _nm(_files(RUST_BINARIES), "-D", "--defined-only")
    if family == "rust_legacy":
        return sorted(n for n in rust if _LEGACY_RUST.match(n))
    if family == "rust_v0":
        return sorted(n for n in rust if n.startswith("_R"))
    raise ValueError(f"unknown family {family!r}")


def _pypi_symbols() -> set[str]:
    """The C++ and Rust symbols of the shared objects in `PYPI_WHEELS`,
    downloaded (with pip) and unpacked into the cache once."""
    cache = Path(os.environ.get("CPP_DEMANGLE_CORPUS_CACHE", HOME / ".cache/cpp-demangle-corpus")) / "pypi"
    wheels = cache / "wheels"
    if not any(wheels.glob("*.whl")):
        platforms = ["manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64"]
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
            + ["--python-version", "3.12", "-d", str(wheels)]
            + [flag for platform in platforms for flag in ("--platform", platform)]
            + PYPI_WHEELS,
            check=True,
        )
    unpacked = cache / "unpacked"
    for wheel in sorted(wheels.glob("*.whl")):
        target = unpacked / wheel.name
        if not target.exists():
            with zipfile.ZipFile(wheel) as archive:
                members = [m for m in archive.namelist() if re.search(r"\.so(\.|$)", m)]
                archive.extractall(target, members)
    files = [str(f) for f in unpacked.rglob("*.so*") if f.is_file()]
    names = _nm(files, "--defined-only") | _nm(files, "-D", "--defined-only")
    return {n for n in names if n.startswith(("_Z", "_R"))}


def _real_cxx() -> set[str]:
    """The C++ symbols of `static` and `nm_dynamic`, without version
    suffixes: what `near_miss` and `damaged` damage."""
    return set(harvest("static")) | {n.split("@", 1)[0] for n in harvest("nm_dynamic")}


def over_output_cap(symbol: str, text: str) -> bool:
    """Whether `text` is longer than this package prints for `symbol`
    (64 times the symbol plus 1 KiB, docs/src/safety.md): refused by
    design."""
    return len(text) > 64 * len(symbol) + 1024


def _mutate(symbol: str) -> str:
    """`symbol` with one byte changed, inserted or cut off after its prefix."""
    digest = hashlib.sha1(symbol.encode("utf-8", "surrogateescape")).digest()
    at = 2 + int.from_bytes(digest[1:5], "big") % max(1, len(symbol) - 2)
    byte = _MUTATION_BYTES[digest[5] % len(_MUTATION_BYTES)]
    kind = digest[0] % 3
    if kind == 0:
        return symbol[:at]
    if kind == 1:
        return symbol[:at] + byte + symbol[at + 1 :]
    return symbol[:at] + byte + symbol[at:]


def _splice(symbol: str, others: list[str]) -> set[str]:
    """`symbol` cut as corrupted logs and half-copied traces cut names: its
    head on the tail of one of `others`, a piece of it cut out, a piece of
    it repeated (where, and which other, chosen by its hash)."""
    digest = hashlib.sha1(symbol.encode("utf-8", "surrogateescape")).digest()
    n = len(symbol)
    if n < 4 or not others:
        return set()
    head = 3 + digest[0] * (n - 3) // 256
    piece = head + digest[1] % max(1, min(12, n - head))
    other = others[int.from_bytes(digest[2:6], "big") % len(others)]
    tail = 2 + digest[6] * max(0, len(other) - 2) // 256
    spliced = {
        symbol[:head] + other[tail:],
        symbol[:head] + symbol[piece:],
        symbol[:piece] + symbol[head:piece] + symbol[piece:],
    }
    return spliced - {symbol}


_SEQ_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SUBSTITUTION = re.compile(r"S[0-9A-Z]*_")
_TEMPLATE_PARAM = re.compile(r"T[0-9]*_")


def _seq_id(n: int) -> str:
    """The substitution `S_`, `S0_`, ... that refers to candidate `n`."""
    if n == 0:
        return "S_"
    n, digits = n - 1, ""
    while True:
        digits = _SEQ_DIGITS[n % 36] + digits
        n //= 36
        if n == 0:
            return f"S{digits}_"


# Where a local name (`Z <encoding> E <entity>`) may begin a type: after a
# template's `I`, a pack's `J`, a name's `E` or a modifier. In the symbols
# of the `lambdas` family most such local names hold the closure.
_LOCAL_NAME_AS_TYPE = re.compile(r"(?<=[IJEPRKO])Z(?=[^E]*E)")


def _under_modifier(symbol: str, salt: str) -> str:
    """`symbol` with a modifier (`RK`, `P`, `O`, `K`, `R`) put before one
    of the local names in it that begin a type (chosen by the hash of
    `salt` and the symbol), or `symbol` itself where there is none."""
    places = [m.start() for m in _LOCAL_NAME_AS_TYPE.finditer(symbol)]
    if not places:
        return symbol
    digest = hashlib.sha1((salt + symbol).encode("utf-8", "surrogateescape")).digest()
    at = places[digest[0] % len(places)]
    modifier = ("RK", "P", "O", "K", "R", "PK")[digest[1] % 6]
    return symbol[:at] + modifier + symbol[at:]


def _near_miss(symbol: str) -> str:
    """`symbol` damaged the way a grammar-aware mistake damages it: a back
    reference that points at another candidate (often a qualified, pointer,
    array or function type, where a name was meant), a qualified, pointer,
    array or function type put before a back reference, a template parameter
    that names another argument or moves into a scope, or the `I` or `E` of
    a template argument list moved to another level."""
    digest = hashlib.sha1(symbol.encode("utf-8", "surrogateescape")).digest()
    pick = int.from_bytes(digest[2:10], "big")
    kind = digest[0] % 5
    subs = [m for m in _SUBSTITUTION.finditer(symbol) if m.start() > 2]
    if kind == 0 and subs:
        m = subs[pick % len(subs)]
        return symbol[: m.start()] + _seq_id(digest[1] % 12) + symbol[m.end() :]
    if kind == 1:
        spots = [i for i in range(3, len(symbol)) if symbol[i] in "KPRAFN"]
        if spots:
            at = spots[pick % len(spots)]
            modifier = ("K", "P", "A16_", "R", "O", "FvvE", "N", "RK")[digest[1] % 8]
            return symbol[:at] + modifier + _seq_id(digest[10] % 8) + symbol[at:]
    if kind == 2:
        params = list(_TEMPLATE_PARAM.finditer(symbol))
        if params:
            m = params[pick % len(params)]
            return symbol[: m.start()] + ("T_", "T0_", "T1_", "T2_")[digest[1] % 4] + symbol[m.end() :]
    if kind in (3, 4):
        mark = "E" if kind == 3 else "I"
        marks = [i for i, c in enumerate(symbol) if c == mark and i > 2]
        if marks:
            at = marks[pick % len(marks)]
            rest = symbol[:at] + symbol[at + 1 :]
            to = min(len(rest), max(3, at + digest[1] % 17 - 8))
            return rest[:to] + mark + rest[to:]
    return _mutate(symbol)


# What `_damage` puts into a symbol: modifiers, packs, literals, names,
# standard abbreviations and list marks.
_INSERTS = [
    "Dp", "K", "VK", "P", "RK", "A_", "A3_", "M1A", "Dv4_", "U3foo", "Li1E", "FvE", "DpT_",
    "St", "Sa", "Ss", "Sd", "N", "E", "I", "IiE", "J", "JE",
]  # fmt: skip


def _damage(symbol: str, salt: str, depth: int = 0) -> str:
    """`symbol` damaged in one of the ways `damaged` lists (chosen by the
    hash of `salt` and the symbol, so the same on every run)."""
    digest = hashlib.sha1((salt + symbol).encode("utf-8", "surrogateescape")).digest()
    n = len(symbol)
    if n < 6:
        return symbol
    pick = [int.from_bytes(digest[i : i + 4], "big") for i in range(1, 17, 4)]
    at = 3 + pick[0] % (n - 3)
    kind = digest[0] % 8
    if kind == 0 and at < n - 1:
        return symbol[:at] + symbol[at + 1] + symbol[at] + symbol[at + 2 :]
    if kind == 1:
        subs = list(_SUBSTITUTION.finditer(symbol))
        if subs:
            m = subs[pick[1] % len(subs)]
            into = ("T_", "T0_", "T1_", "S_", "S0_", "S1_", "S2_", "S3_")[pick[2] % 8]
            return symbol[: m.start()] + into + symbol[m.end() :]
    if kind == 2:
        return symbol[:at] + _INSERTS[pick[1] % len(_INSERTS)] + symbol[at:]
    if kind == 3:
        end = min(n, at + 1 + pick[1] % 7)
        return symbol[:end] + symbol[at:end] + symbol[end:]
    if kind == 4:
        return symbol[:at] + symbol[min(n, at + 1 + pick[1] % 5) :]
    if kind == 5:
        digits = [i for i, c in enumerate(symbol) if c.isdigit() and i > 2]
        if digits:
            i = digits[pick[1] % len(digits)]
            return symbol[:i] + str(pick[2] % 10) + symbol[i + 1 :]
    if kind == 6:
        params = list(_TEMPLATE_PARAM.finditer(symbol))
        if params:
            m = params[pick[1] % len(params)]
            rest = symbol[: m.start()] + symbol[m.end() :]
            to = min(len(rest), 3 + pick[2] % max(1, len(rest) - 2))
            return rest[:to] + m.group() + rest[to:]
    if depth > 0:
        return _mutate(symbol)
    return _damage(_damage(symbol, salt + "1", depth + 1), salt + "2", depth + 1)


# How many names `generated` draws (fewer distinct ones).
GENERATED = 300_000


class _Grammar:
    """A random name of the Itanium grammar, from `seed`: each production
    chosen with a weight, nested at most a few levels."""

    NAMES = ["1A", "1B", "3foo", "3bar", "1x", "2ns"]
    BUILTINS = ["i", "c", "v", "l", "b", "d", "Dn", "Da"]
    BACK_REFERENCES = ["S_", "S0_", "S1_", "S2_", "S3_", "S4_", "S5_", "S7_", "SA_", "St", "Sa", "Ss", "Sd"]
    TEMPLATE_PARAMS = ["T_", "T0_", "T1_", "T2_"]
    LITERALS = ["Li1E", "Lb1E", "Lc65E", "Lj4E", "Lln1E", "L_Z1gvE"]
    # Constructors, destructors and conversions: a template of one reads no
    # return type (`has_return_type`), unless ABI tags make it none.
    FUNCTIONS = [
        "1f", "1g", "N1A1fE", "NK1A1fE", "NR1A1fE", "NKO1A1fE", "N1AC2E", "N1AD1E", "N1AC2B3tagE", "N1AcviE",
    ]  # fmt: skip
    SPECIALS = ["TV", "TI", "TS", "Th0_", "Tv0_n24_"]

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def pick(self, items: list[str]) -> str:
        return self.random.choice(items)

    def encoding_name(self) -> str:
        """`_Z <encoding>`, a local name, or a special name."""
        k = self.random.random()
        if k < 0.05:
            return "_Z" + self.pick(self.SPECIALS) + (self.name(1) if k < 0.025 else self.encoding(1))
        if k < 0.15:
            return "_ZZ" + self.encoding(0) + "E" + self.name(1)
        return "_Z" + self.encoding(0)

    def encoding(self, depth: int) -> str:
        """A function's name and types; a template's with its return type."""
        name = self.pick(self.FUNCTIONS)
        if self.random.random() < 0.5:
            return name + self.parameters(depth + 1)
        args = self.template_args(depth + 1)
        name = name[:-1] + args + "E" if name.startswith("N") else name + args
        returns = "" if "C2" in name or "D1" in name else self.type(depth + 1)
        return name + returns + self.parameters(depth + 1)

    def name(self, depth: int) -> str:
        k = self.random.random()
        if k < 0.35:
            return self.pick(self.NAMES)
        if k < 0.55:
            args = self.template_args(depth + 1) if self.random.random() < 0.4 else ""
            return "N" + self.pick(["", "K"]) + self.pick(self.NAMES) + self.pick(self.NAMES) + args + "E"
        if k < 0.65:
            return self.pick(self.NAMES) + self.template_args(depth + 1)
        if k < 0.72 and depth < 3:
            closure = "EUl" + self.parameters(depth + 1) + "E" + self.pick(["_", "0_"])
            return "Z" + self.encoding(depth + 1) + closure
        if k < 0.78:
            return "St" + self.pick(self.NAMES)
        if k < 0.82:
            return "N" + self.pick(self.BACK_REFERENCES) + self.pick(self.NAMES) + "E"
        if k < 0.85:
            # A back reference as a template's scope: what its candidate was
            # (a constructor's scope...) decides the encoding's return type.
            return "N" + self.pick(self.BACK_REFERENCES) + self.template_args(depth + 1) + "E"
        if k < 0.88:
            # A class template's arguments before its member.
            return "N" + self.pick(self.NAMES) + self.template_args(depth + 1) + self.pick(self.NAMES) + "E"
        if k < 0.93 and depth < 2:
            return self.two_closures(depth)
        return "N1A" + self.pick(self.NAMES) + "E"

    def two_closures(self, depth: int) -> str:
        """Closures of two function templates as a class template's
        arguments: the second's types refer back to candidates of the
        first, whose template parameters GNU prints by the template in
        scope where they print (or, under a reference, where they first
        printed)."""

        def encoding(types: list[str]) -> str:
            name = self.pick(["1f", "N1A1fE"])
            args = self.pick(["IiE", "IcE", "IRiE", "IJicEE", "IiiE"])
            name = name[:-1] + args + "E" if name.startswith("N") else name + args
            count = self.random.randint(1, 3)
            return name + self.pick(["Da", "v", "T_"]) + "".join(self.pick(types) for _ in range(count))

        modifiers = ["", "", "P", "R", "O", "K", "RK"]
        first = [m + t for m in modifiers for t in ["T_", "T0_", "i"]]
        second = [m + b for m in modifiers for b in self.BACK_REFERENCES[:9]] + first
        return "N1BIZ" + encoding(first) + "EUlvE_Z" + encoding(second) + "EUlvE0_E1gE"

    def type(self, depth: int) -> str:
        if depth > 4:
            return self.pick(["i", "c", "v", "l"])
        k = self.random.random()
        if k < 0.25:
            return self.pick(self.BUILTINS)
        if k < 0.35:
            return self.pick(["P", "R", "O", "K", "V"]) + self.type(depth + 1)
        if k < 0.42:
            return "A" + self.pick(["4", "16", ""]) + "_" + self.type(depth + 1)
        if k < 0.5:
            ref_qualifier = self.pick(["", "", "R", "O"])
            return "F" + self.type(depth + 1) + self.parameters(depth + 1) + ref_qualifier + "E"
        if k < 0.58:
            return self.pick(self.BACK_REFERENCES)
        if k < 0.66:
            return self.pick(self.TEMPLATE_PARAMS)
        if k < 0.7:
            return "Dp" + self.type(depth + 1)
        if k < 0.74:
            return "M" + self.pick(self.NAMES) + self.type(depth + 1)
        return self.name(depth)

    def parameters(self, depth: int) -> str:
        return "".join(self.type(depth) for _ in range(self.random.randint(1, 3)))

    def template_arg(self, depth: int) -> str:
        k = self.random.random()
        if k < 0.12:
            return self.pick(self.LITERALS)
        if k < 0.18:
            pack = self.pick(["J", "J", "J", "I"])  # `I`: the form of G++ before 4.5
            return pack + "".join(self.template_arg(depth + 1) for _ in range(self.random.randint(0, 2))) + "E"
        if k < 0.22:
            return "X" + self.pick(["fp_", "T_", "L_Z1gvE"]) + "E"
        return self.type(depth)

    def template_args(self, depth: int) -> str:
        return "I" + "".join(self.template_arg(depth) for _ in range(self.random.randint(1, 3))) + "E"


# How many names `generated_wide` draws.
GENERATED_WIDE = 1_000_000


class _WideGrammar(_Grammar):
    """`_Grammar` with rarer productions as well: expressions of every
    kind (operators, casts, calls, folds, `new` and `delete`, `sizeof...`,
    unresolved names, braced lists, designators), `decltype`, vendor
    qualifiers, exception specifications, arrays of expression length,
    pointers to member functions with qualifiers, ABI tags, modules,
    structured bindings, conversion and literal operators, unnamed enums,
    closures with template heads (packs among them), requires-clauses, special names of
    guard variables, temporaries, TLS wrappers, construction vtables and
    covariant thunks, and clone suffixes."""

    NAMES = _Grammar.NAMES + [
        "1AB5cxx11", "2nsB3tag", "W3mod1A", "W3modP4part1A", "DC1a1bE", "cv1A", "cvT_", "plIiE",
        "li1x", "L1A", "L1A_0", "Ue1A", "F1A", "UlTyT_E_", "UlTyTnT_EvE_", "UlTyEvE0_",
        "UlTpTyT_E_", "UlTpTniTyRAT__iE_", "UlTpTyTyT_T0_E_", "UlTyTpTnT_T0_E_",
    ]  # fmt: skip
    BUILTINS = _Grammar.BUILTINS + [
        "Dc", "DF16_", "Dh", "Ds", "Di", "Du", "e", "g", "n", "o", "x", "y", "z", "w", "Dv4_i", "u3foo",
    ]  # fmt: skip
    LITERALS = _Grammar.LITERALS + ["Ld3ff0000000000000E", "LDnE", "LPKcEE", "L1AEE", "Ln1E", "LA1_iEE"]
    FUNCTIONS = _Grammar.FUNCTIONS + [
        "NO1A1fE", "NKR1A1fE", "N1AcviEE", "N1AcvT_E", "N1AplE", "N1AC1ERKS_E", "NH1A1fE",
        "1fB3tag", "N1AB3tag1fE", "1fIiEQLb1E", "N1A1fIiEQLb1EE",
    ]  # fmt: skip
    SPECIALS = _Grammar.SPECIALS + ["GV", "GR", "GR_", "TH", "TW", "GTt", "TC1A0_1B", "TT", "Tc0_0_", "GA"]
    BINARY = ["pl", "mi", "eq", "lt", "gt", "aa", "ls", "rs", "cm"]
    UNARY = ["ng", "nt", "ad", "de", "pp_", "ps", "sz", "az", "dl", "da", "gsdl", "sp", "tw"]

    def encoding_name(self) -> str:
        name = super().encoding_name()
        return name + ".constprop.0" if self.random.random() < 0.06 else name

    def type(self, depth: int) -> str:
        k = self.random.random()
        if depth <= 4 and k < 0.04:
            return "DT" + self.expression(depth + 1) + "E"
        if depth <= 4 and k < 0.06:
            return "U3foo" + self.type(depth + 1)
        if depth <= 4 and k < 0.08:
            spec = self.pick(["Do", "DOLb1EE", "Dx", "DwiE"])
            return spec + "F" + self.type(depth + 1) + self.parameters(depth + 1) + "E"
        if depth <= 4 and k < 0.1:
            return "AX" + self.expression(depth + 1) + "E_" + self.type(depth + 1)
        if depth <= 4 and k < 0.12:
            quals = self.pick(["", "K", "R", "O", "KR"])
            member = self.pick(["F", quals + "F"]) + self.type(depth + 1) + self.parameters(depth + 1)
            return "M" + self.pick(_Grammar.NAMES) + member + self.pick(["", "R", "O"]) + "E"
        if depth <= 4 and k < 0.13:
            return "N" + self.pick(_Grammar.NAMES) + "B3tag" + self.pick(_Grammar.NAMES) + "E"
        return super().type(depth)

    def template_arg(self, depth: int) -> str:
        if self.random.random() < 0.15:
            return "X" + self.expression(depth + 1) + "E"
        return super().template_arg(depth)

    def expression(self, depth: int) -> str:
        if depth > 4:
            return self.pick(["fp_", "T_", "Li1E"])
        e = self.expression
        k = self.random.random()
        if k < 0.15:
            return self.pick(["fp_", "fp0_", "fpT_", "fL0p_", "fpK_", "T_", "T0_", "Li1E", "L_Z1gvE"])
        if k < 0.27:
            return self.pick(self.BINARY) + e(depth + 1) + e(depth + 1)
        if k < 0.35:
            return self.pick(self.UNARY) + e(depth + 1)
        if k < 0.43:
            return "cl" + e(depth + 1) + "".join(e(depth + 1) for _ in range(self.random.randint(0, 2))) + "E"
        if k < 0.49:
            return self.pick(["cv", "st", "sZ", "sP", "tl", "so"]) + self.type(depth + 1) + e(depth + 1) + "E"
        if k < 0.57:
            return self.pick(["sr", "srN"]) + self.type(depth + 1) + "E" * (k > 0.53) + self.pick(_Grammar.NAMES)
        if k < 0.63:
            return self.pick(["fL", "fR", "fl", "fr"]) + "pl" + e(depth + 1) + (e(depth + 1) if k < 0.6 else "")
        if k < 0.69:
            initializer = self.pick(["E", "piE", "pi" + e(depth + 1) + "E", "il" + e(depth + 1) + "E"])
            return self.pick(["nw", "na"]) + "_" + self.type(depth + 1) + initializer
        if k < 0.75:
            return self.pick(["di", "dx", "dX"]) + e(depth + 1) + e(depth + 1)
        if k < 0.8:
            return "qu" + e(depth + 1) + e(depth + 1) + e(depth + 1)
        if k < 0.86:
            return self.pick(["dt", "pt"]) + e(depth + 1) + self.pick(_Grammar.NAMES)
        return "il" + "".join(e(depth + 1) for _ in range(self.random.randint(0, 2))) + "E"


def sample(symbols: list[str], count: int) -> list[str]:
    """A stable, spread-out sample: the symbols with the smallest hashes."""
    ranked = sorted(symbols, key=lambda s: hashlib.sha1(s.encode()).digest())
    return sorted(ranked[:count])


# What `run_filter` gives for a symbol on which the filter itself crashes
# (c++filt 2.47 dies of a segmentation fault on a few generated names).
CRASHED = "\0crashed"


def run_filter(command: list[str], symbols: list[str]) -> list[str]:
    """A c++filt-like filter's output for each symbol, fed one a line; where
    the filter crashes, the symbols are run again in halves, and one it
    crashes on alone gives `CRASHED`."""
    run = subprocess.run(
        command,
        input="".join(s + "\n" for s in symbols),
        capture_output=True,
        text=True,
        errors="surrogateescape",
    )
    out = run.stdout.split("\n")
    if run.returncode < 0 and symbols:
        if len(symbols) == 1:
            return [CRASHED]
        half = len(symbols) // 2
        return run_filter(command, symbols[:half]) + run_filter(command, symbols[half:])
    if run.returncode != 0:
        raise RuntimeError(f"{command[0]} exited with status {run.returncode}: {run.stderr[-500:]}")
    if out[-1] != "" or len(out) != len(symbols) + 1:
        raise RuntimeError(f"{command[0]}: output does not line up with its input")
    return out[:-1]


def cxxfilt_command() -> str:
    """The reference: $CXXFILT, else GNU c++filt 2.47 as ci/build_cxxfilt.sh
    builds it, else the installed c++filt (2.40 on Debian 12)."""
    built = ROOT / "target" / "gnu" / "2.47" / "c++filt"
    return os.environ.get("CXXFILT") or (str(built) if os.access(built, os.X_OK) else "c++filt")


def cxxfilt(symbols: list[str]) -> list[str]:
    return run_filter([cxxfilt_command()], symbols)


def llvm_cxxfilt(symbols: list[str]) -> list[str] | None:
    tool = shutil.which("llvm-cxxfilt") or next(iter(sorted(glob.glob("/usr/bin/llvm-cxxfilt-*"))), None)
    return run_filter([tool], symbols) if tool else None


def ours(symbols: list[str]) -> list[str]:
    """What cpp_demangle prints, under c++filt's rule for failures."""
    from cpp_demangle import DemangleError, demangle

    out = []
    for symbol in symbols:
        try:
            out.append(demangle(symbol))
        except DemangleError:
            out.append(symbol)
    return out


_LITERAL = re.compile(r"\((?:unsigned |signed )?(?:char|short|int|long|long long|bool|wchar_t|char\d+_t)\)-?\d")


def cause(symbol: str, mine: str, theirs: str) -> str:
    """A short name for why `mine` differs from c++filt's `theirs`."""
    if theirs == CRASHED:
        return "c++filt crashes (this package refuses it)"
    if mine == symbol:
        if over_output_cap(symbol, theirs):
            return "longer than this package's output cap (64 times the symbol)"
        if re.search(r"[CD]5E", symbol):
            return "comdat constructor/destructor (C5/D5) rejected"
        return "rejected where c++filt demangles"
    if theirs == symbol:
        return "accepted where c++filt refuses"
    if symbol.startswith("_R"):
        if re.search(r"Kn?[0-9a-f]{17,}_", symbol):
            return "Rust constant over 64 bits (c++filt drops a hex digit)"
        return "Rust v0 spelling"
    if mine.replace(" (", "(") == theirs.replace(" (", "("):
        return "function type spacing"
    if "decltype(nullptr)" in theirs and "decltype(nullptr)" not in mine:
        return "std::nullptr_t spelled decltype(nullptr)"
    if "Dp" in symbol and (mine.count(",") != theirs.count(",") or "&" in mine + theirs):
        return "pack expansion"
    strip = str.maketrans("", "", "() ")
    if mine.translate(strip) == theirs.translate(strip):
        return "parentheses in expressions"
    if _LITERAL.search(mine):
        return "template literal spelling"
    if "{lambda" in theirs or "{unnamed" in theirs:
        return "lambda or unnamed type"
    return "other"
