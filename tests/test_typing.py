"""The type stubs describe what the compiled module really has."""

import subprocess
import sys

import pytest

pytest.importorskip("mypy", reason="mypy is not installed")


def test_stubs_match_the_runtime(tmp_path):
    allowlist = tmp_path / "allowlist.txt"
    # Importing __main__ runs the command line.
    allowlist.write_text("cpp_demangle.__main__\n")
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "cpp_demangle", "--allowlist", str(allowlist)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
