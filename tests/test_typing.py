"""The type stubs describe what the compiled module really has."""

import subprocess
import sys

import pytest

pytest.importorskip("mypy", reason="mypy is not installed")


def test_stubs_match_the_runtime():
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "cpp_demangle"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
