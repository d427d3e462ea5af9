"""What the differential fuzz target (src/demangler/fuzz, `bash ci/fuzz.sh
SECONDS differential`) found against GNU libiberty 2.47, kept as fixtures:
each symbol, the format it was found in, and what c++filt 2.47 prints. Each
must stay fixed; the deliberate differences it also finds are listed in the
README and in the target's `deliberate`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cli_cases import gnu_cxxfilt

from cpp_demangle import DemangleError, demangle

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "fuzz_findings.tsv"
FINDINGS = [line.rstrip("\n").split("\t") for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


def like_cxxfilt(symbol, format):
    try:
        return demangle(symbol, format=format)
    except DemangleError:
        return symbol


@pytest.mark.parametrize("symbol, format, expected", FINDINGS)
def test_prints_what_cxxfilt_prints(symbol, format, expected):
    assert like_cxxfilt(symbol, format) == expected


@pytest.mark.skipif(gnu_cxxfilt() is None, reason="c++filt 2.47 is not built (bash ci/build_cxxfilt.sh)")
@pytest.mark.parametrize("symbol, format, expected", FINDINGS)
def test_the_fixture_is_what_cxxfilt_prints(symbol, format, expected):
    out = subprocess.run([gnu_cxxfilt(), "-s", format, symbol], capture_output=True, text=True, check=True)
    assert out.stdout.rstrip("\n") == expected
