"""Regenerate the differential fixtures from this machine's libraries.

    python tests/regenerate_fixtures.py            # rewrite the fixtures
    python tests/regenerate_fixtures.py --check    # only report, write nothing
    python tests/regenerate_fixtures.py --cli      # only c++filt's command-line answers
    python tests/regenerate_fixtures.py --rerecord # the same samples, the current oracle's output
    python tests/regenerate_fixtures.py --msvc     # Microsoft names from Windows wheels, llvm-undname 19
    python tests/regenerate_fixtures.py --parse    # LLVM 14's partial demangler on the C++ fixtures
    python tests/regenerate_fixtures.py --swift    # Swift's runtime symbols, swift-demangle 6.2.3

For each family of real symbols (benchmarks/corpus.py) it keeps a stable
sample, records GNU c++filt's output for each symbol (as ``nm ... | c++filt``
prints it: one symbol a line on standard input), and records which of them
cpp_demangle prints differently, with the cause. The tests
(tests/test_cxxfilt_fixtures.py) read these files, so they run where c++filt
is absent. Needs cpp_demangle importable (built in place or installed).

Fixture files, tab-separated, one symbol a line:

* ``tests/fixtures/<family>.tsv``: symbol, c++filt's output;
* ``tests/fixtures/<family>.known-differences.tsv``: symbol, cause;
* ``tests/fixtures/cli.json``: c++filt's standard output and exit status for
  each case of ``tests/cli_cases.py`` (c++filt 2.47, by ci/build_cxxfilt.sh);
* ``tests/fixtures/parse.tsv``: what LLVM 14's ``ItaniumPartialDemangler``
  says of each C++ symbol of the c++filt fixtures (tests/oracles/partial.cpp,
  built against ``llvm-config-14``'s libLLVMDemangle.a);
* ``tests/fixtures/msvc_<arch>.tsv``: Microsoft names of Windows wheels on
  PyPI (benchmarks/msvc_corpus.py) and what llvm-undname 19 prints for each
  (the name itself where it refuses it), an equal share from each project;
* ``tests/fixtures/swift_<family>.tsv``: symbols of the Swift runtime and
  Foundation libraries of Debian's ``libswiftlang`` 6.2.3 and their
  near-misses (benchmarks/swift_corpus.py), with what swift-demangle 6.2.3
  prints for each in its default and ``--simplified`` forms (three columns;
  names on which it aborts are left out).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"

# family -> how many symbols its fixture keeps
SAMPLE_SIZES = {
    "nm_dynamic": 4000,
    "static": 4000,
    "rust_legacy": 1000,
    "rust_v0": 1500,
    "mutated": 4000,
    "near_miss": 4000,
    "damaged": 4000,
    "generated": 4000,
    "literals": 1500,
    "lambdas": 1000,
}
# family -> how many of the symbols that differ from c++filt it adds
MAX_DIFFERING = 200


def write_tsv(path: Path, rows: dict[str, str]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"{key}\t{value}\n" for key, value in sorted(rows.items()))


def regenerate_cli() -> int:
    import json
    import tempfile

    sys.path.insert(0, str(ROOT / "tests"))
    import cli_cases

    tool = cli_cases.gnu_cxxfilt()
    if tool is None:
        print("c++filt 2.47 is not built: bash ci/build_cxxfilt.sh", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        cli_cases.make_files(Path(folder))
        answers = [cli_cases.run_case([tool], args, stdin, Path(folder)) for args, stdin in cli_cases.CASES]
    with open(FIXTURES / "cli.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(answers, f, indent=1)
        f.write("\n")
    print(f"cli.json: {len(answers)} cases from {tool}")
    return 0


def rerecord() -> int:
    """Record the current oracle's output for the symbols already sampled
    (to move the fixtures to a new c++filt without harvesting again)."""
    for family in SAMPLE_SIZES:
        path = FIXTURES / f"{family}.tsv"
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            symbols = [line.rstrip("\n").split("\t", 1)[0] for line in f]
        old = dict(line.rstrip("\n").split("\t", 1) for line in open(path, encoding="utf-8"))
        new = dict(zip(symbols, corpus.cxxfilt(symbols)))
        changed = sum(1 for s in symbols if old[s] != new[s])
        write_tsv(path, new)
        print(f"{path.name}: {len(symbols)} symbols, {changed} print differently with {corpus.cxxfilt_command()}")
    return 0


# Microsoft names kept per architecture, shared out among the projects.
MSVC_SAMPLE = 5000


def regenerate_msvc(check: bool) -> int:
    import msvc_corpus

    for arch in msvc_corpus.PROJECTS:
        by_project = msvc_corpus.harvest(arch)
        share = -(-MSVC_SAMPLE // max(1, len(by_project)))
        chosen = {n for found in by_project.values() for n in corpus.sample(found, share)}
        # Projects with fewer names leave their share to the others.
        rest = sorted({n for found in by_project.values() for n in found} - chosen)
        names = sorted(chosen | set(corpus.sample(rest, MSVC_SAMPLE - len(chosen))))
        theirs = msvc_corpus.undname(names)
        mine = msvc_corpus.ours(names)
        same = sum(1 for a, b in zip(mine, theirs) if a == b)
        total = sum(len(found) for found in by_project.values())
        print(f"msvc_{arch}: {total} names from {len(by_project)} projects, {len(names)} kept, {same} identical")
        if not check:
            write_tsv(FIXTURES / f"msvc_{arch}.tsv", {n: t if t is not None else n for n, t in zip(names, theirs)})
    return 0


# Swift names kept per family.
SWIFT_SAMPLE = {"swift_runtime": 3000, "swift_near_miss": 3000}


def regenerate_swift(check: bool) -> int:
    import swift_corpus

    if not swift_corpus.swift_demangle_command().exists():
        print("swift-demangle is not built: bash ci/build_swift_demangle.sh", file=sys.stderr)
        return 1
    for family, size in SWIFT_SAMPLE.items():
        names = corpus.sample(swift_corpus.harvest(family), size)
        default = swift_corpus.swift_demangle(names)
        simplified = swift_corpus.swift_demangle(names, simplified=True)
        rows = {n: f"{d}\t{s}" for n, d, s in zip(names, default, simplified) if d is not None and s is not None}
        print(f"swift {family}: {len(names)} sampled, {len(names) - len(rows)} abort swift-demangle")
        if not check:
            write_tsv(FIXTURES / f"{family}.tsv", rows)
    return 0


def build_partial_oracle() -> Path:
    """tests/oracles/partial.cpp built against LLVM 14's libLLVMDemangle."""
    import shutil
    import subprocess

    config = shutil.which("llvm-config-14")
    if config is None:
        raise SystemExit("llvm-config-14 is not installed (apt-get install llvm-14-dev)")
    include, libdir = (
        subprocess.check_output([config, flag], text=True).strip() for flag in ("--includedir", "--libdir")
    )
    out = ROOT / "target" / "oracles" / "partial"
    out.parent.mkdir(parents=True, exist_ok=True)
    source = ROOT / "tests" / "oracles" / "partial.cpp"
    subprocess.run(
        ["g++", "-O2", "-std=c++17", f"-I{include}", str(source), f"{libdir}/libLLVMDemangle.a", "-o", str(out)],
        check=True,
    )
    return out


def regenerate_parse(check: bool) -> int:
    import subprocess

    oracle = build_partial_oracle()
    # The symbols of the C++ fixtures, without their version suffixes
    # (`@@GLIBCXX_3.4`), which LLVM's partial demangler does not take.
    symbols = set()
    for family in ("nm_dynamic", "static"):
        with open(FIXTURES / f"{family}.tsv", encoding="utf-8") as f:
            symbols |= {line.split("\t", 1)[0].split("@", 1)[0] for line in f}
    symbols = sorted(symbols)
    out = subprocess.run(
        [str(oracle)], input="".join(s + "\n" for s in symbols), capture_output=True, text=True, check=True
    )
    rows = out.stdout.splitlines()
    assert len(rows) == len(symbols)
    print(f"parse.tsv: {len(rows)} symbols, {sum(r.split(chr(9))[1] == '1' for r in rows)} parsed by LLVM 14")
    if not check:
        with open(FIXTURES / "parse.tsv", "w", encoding="utf-8", newline="\n") as f:
            f.writelines(r + "\n" for r in rows)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    parser.add_argument("--cli", action="store_true", help="only the command-line answers")
    parser.add_argument("--rerecord", action="store_true", help="the same samples, the oracle's output now")
    parser.add_argument("--msvc", action="store_true", help="only the Microsoft names, from Windows wheels")
    parser.add_argument("--parse", action="store_true", help="only LLVM's partial demangler on the C++ fixtures")
    parser.add_argument("--swift", action="store_true", help="only Swift's runtime symbols, swift-demangle 6.2.3")
    parser.add_argument("families", nargs="*", default=list(SAMPLE_SIZES))
    args = parser.parse_args()
    if args.cli:
        return regenerate_cli()
    if args.rerecord:
        return rerecord()
    if args.msvc:
        return regenerate_msvc(args.check)
    if args.parse:
        return regenerate_parse(args.check)
    if args.swift:
        return regenerate_swift(args.check)

    for family in args.families:
        harvested = corpus.harvest(family)
        # The sample, plus every symbol of the family that still differs
        # (up to a bound), so that each remaining cause has a fixture.
        everywhere = dict(zip(harvested, corpus.cxxfilt(harvested)))
        # Not what c++filt prints at more than this package's output cap
        # (64 times the symbol): refused here by design, and too big to keep.
        harvested = [s for s in harvested if not corpus.over_output_cap(s, everywhere[s])]
        differing = [s for s, out in zip(harvested, corpus.ours(harvested)) if out != everywhere[s]]
        symbols = sorted(set(corpus.sample(harvested, SAMPLE_SIZES[family])) | set(differing[:MAX_DIFFERING]))
        expected = {s: everywhere[s] for s in symbols}
        mine = dict(zip(symbols, corpus.ours(symbols)))
        differences = {s: corpus.cause(s, mine[s], expected[s]) for s in symbols if mine[s] != expected[s]}
        same = len(symbols) - len(differences)
        print(
            f"{family}: {len(harvested)} harvested, {len(symbols)} kept, "
            f"{same} identical to c++filt ({100 * same / len(symbols):.2f}%)"
        )
        for reason, n in Counter(differences.values()).most_common():
            print(f"  {n:6d}  {reason}")
        if not args.check:
            FIXTURES.mkdir(exist_ok=True)
            write_tsv(FIXTURES / f"{family}.tsv", expected)
            write_tsv(FIXTURES / f"{family}.known-differences.tsv", differences)
    return 0


if __name__ == "__main__":
    sys.exit(main())
