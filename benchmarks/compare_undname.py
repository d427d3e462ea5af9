"""Microsoft names: cpp_demangle beside llvm-undname 19 (the reference) and
its peers, on every name of the Windows wheels (benchmarks/msvc_corpus.py)
and on LLVM's own test inputs, accuracy and speed in one run.

    python benchmarks/compare_undname.py [--llvm-tests DIR]

Run it with an interpreter that has cpp_demangle installed (or built in
place); it needs network access to PyPI the first time (the wheels are kept
in target/msvc-wheels) and LLVM 19's tools (``apt-get install llvm-19``).
LLVM's tests are read from DIR (default target/llvm/19/Demangle, which
``bash ci/fetch_llvm_tests.sh`` fills). Prints, for each set, how many names
each demangler prints exactly as llvm-undname does (a refusal counts as
agreeing where llvm-undname refuses too), each difference by cause, and
microseconds per name.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import msvc_corpus  # noqa: E402
from corpus import cxxfilt_command, run_filter  # noqa: E402

RUNS = 3


def llvm_test_inputs(folder: Path) -> list[str]:
    """The names LLVM's ms-*.test files feed llvm-undname."""
    names = []
    for test in sorted(folder.glob("ms-*.test")):
        for line in test.read_text(encoding="utf-8", errors="surrogateescape").splitlines():
            line = line.strip()
            if line and not line.startswith(";"):
                names.append(line)
    return names


def filter_agreement(command: list[str], names: list[str], reference: list[str | None]) -> float:
    """The share of names a c++filt-like filter prints as llvm-undname does
    (a name it echoes agrees with a refusal)."""
    out = run_filter(command, names)
    same = sum(1 for n, o, r in zip(names, out, reference) if o == (r if r is not None else n))
    return 100 * same / len(names)


def seconds(fn) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def command_time(command: list[str], path: str) -> float:
    def run():
        with open(path, "rb") as source:
            subprocess.run(command, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    return seconds(run)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--llvm-tests", default=str(HERE.parent / "target" / "llvm" / "19" / "Demangle"))
    args = parser.parse_args()

    from cpp_demangle import demangle_many

    sets = {}
    for arch in msvc_corpus.PROJECTS:
        by_project = msvc_corpus.harvest(arch)
        names = sorted({n for found in by_project.values() for n in found})
        sets[f"{arch}: {len(by_project)} projects' DLLs and libraries"] = names
    tests = Path(args.llvm_tests)
    if tests.is_dir():
        sets["LLVM 19's llvm/test/Demangle/ms-*.test inputs"] = llvm_test_inputs(tests)
    else:
        print(f"(LLVM's tests are not in {tests}: bash ci/fetch_llvm_tests.sh)")

    llvm_cxxfilt = shutil.which("llvm-cxxfilt-19") or shutil.which("llvm-cxxfilt")
    native = shutil.which("cpp-demangle", path=str(Path(sys.executable).parent))
    for title, names in sets.items():
        reference = msvc_corpus.undname(names)
        mine = msvc_corpus.ours(names)
        differing = Counter(
            "refused where llvm-undname prints a name"
            if m is None
            else "printed where llvm-undname refuses"
            if r is None
            else "printed differently"
            for m, r in zip(mine, reference)
            if m != r
        )
        same = len(names) - sum(differing.values())
        print(f"\n{title}: {len(names)} names, {sum(r is not None for r in reference)} demangled by llvm-undname 19")
        print("| demangler | identical to llvm-undname 19 |\n|---|---:|")
        print(f'| cpp_demangle (`format="msvc"`, and the default) | {100 * same / len(names):.3f}% |')
        if llvm_cxxfilt:
            print(f"| llvm-cxxfilt 19 | {filter_agreement([llvm_cxxfilt], names, reference):.3f}% |")
        print(f"| GNU c++filt | {filter_agreement([cxxfilt_command()], names, reference):.3f}% |")
        for cause, count in differing.most_common():
            print(f"  {count:6d}  {cause}")

        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "names.txt")
            with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
                f.writelines(n + "\n" for n in names)
            rows = [("llvm-undname 19 (command line)", command_time([msvc_corpus.undname_command()], path))]
            if llvm_cxxfilt:
                rows.append(("llvm-cxxfilt 19 (command line)", command_time([llvm_cxxfilt], path)))
            if native:
                rows.append(("`cpp-demangle` (this package's command)", command_time([native], path)))
            rows.append(
                ("`demangle_many` (this package, all cores)", seconds(lambda names=names: demangle_many(names)))
            )
            print("\n| contender | µs per name |\n|---|---:|")
            for name, secs in rows:
                print(f"| {name} | {secs / len(names) * 1e6:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
