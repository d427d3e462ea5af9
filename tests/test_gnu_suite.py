"""GNU's own demangler test suite (binutils 2.47), as a conformance test.

Every case that c++filt 2.47 passes must pass through ``cpp-demangle`` with
the same flags (``-i -t -s STYLE``, plus ``-p`` where the case asks), except the cases listed with their cause in
``tests/fixtures/gnu_suite.known-failures.tsv``, which must still fail (the
list can only shrink), in every format: C++, Rust, D, Java and GNAT. Where the suite files and c++filt
2.47 are absent (``bash ci/build_cxxfilt.sh`` makes both), the test says so
and skips.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import gnu_suite
import pytest
from cli_cases import gnu_cxxfilt

HERE = Path(__file__).resolve().parent
KNOWN = HERE / "fixtures" / "gnu_suite.known-failures.tsv"
IMPLEMENTED = {"auto", "dlang", "gnu-v3", "gnat", "java", "rust"}

pytestmark = pytest.mark.skipif(
    gnu_suite.folder() is None or gnu_cxxfilt() is None,
    reason="GNU's test suite and c++filt 2.47 are not here (bash ci/build_cxxfilt.sh)",
)


def ours_command():
    from test_cli import native_command, python_env

    native = native_command()
    return (native, None) if native else ([sys.executable, "-m", "cpp_demangle"], python_env())


def demangle_all(command, cases, env=None):
    """What `command -i -t -s STYLE [flags] -- NAME...` prints for each case."""
    groups = defaultdict(list)
    for case in cases:
        groups[(case.style, case.flags)].append(case)
    out = {}
    for (style, flags), group in groups.items():
        result = subprocess.run(
            [*command, "-i", "-t", "-s", style, *flags, "--", *(c.mangled for c in group)],
            capture_output=True,
            env=env,
            cwd=HERE,
        )
        lines = result.stdout.decode("utf-8", "surrogateescape").split("\n")
        for i, case in enumerate(group):
            out[case] = lines[i] if result.returncode == 0 and i < len(lines) else None
    return out


def known_failures():
    with open(KNOWN, encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f if line.strip())


@pytest.fixture(scope="module")
def results():
    cases = gnu_suite.cases()
    # c++filt has no --no-return-type: those cases are held to the suite's text.
    gnu = demangle_all([gnu_cxxfilt()], [c for c in cases if "--no-return-type" not in c.flags])
    command, env = ours_command()
    ours = demangle_all(command, [c for c in cases if c.style in IMPLEMENTED], env)
    return cases, gnu, ours


def case_id(case):
    return f"{case.key}{' ' + ' '.join(case.flags) if case.flags else ''}"


@pytest.mark.parametrize("style", sorted(IMPLEMENTED))
def test_every_case_cxxfilt_passes_passes(results, style):
    cases, gnu, ours = results
    known = known_failures()
    passing = [c for c in cases if c.style == style and gnu.get(c) == c.expected]
    assert passing, f"no case of style {style}"
    failing = [c for c in passing if ours[c] != c.expected]
    unexpected = [c for c in failing if case_id(c) not in known]
    assert not unexpected, "; ".join(
        f"{case_id(c)} {c.mangled} -> {ours[c]!r}, want {c.expected!r}" for c in unexpected[:5]
    )
    fixed = [case_id(c) for c in passing if case_id(c) in known and ours[c] == c.expected]
    assert not fixed, f"these now pass: remove them from {KNOWN.name}: {fixed}"


def test_return_types_dropped_as_the_suite_expects(results):
    cases, _, ours = results
    dropped = [c for c in cases if "--no-return-type" in c.flags]
    assert dropped, "the suite's --ret-drop cases"
    assert [ours[c] for c in dropped] == [c.expected for c in dropped]
