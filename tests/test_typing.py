"""The type stubs describe what the compiled module really has."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy", reason="mypy is not installed")


def test_stubs_match_the_runtime(tmp_path):
    # As a user runs it: from anywhere, with no configuration (the optional
    # libraries, some with no types, are imported as `Any`).
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "cpp_demangle"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": _package_root()},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _package_root():
    import cpp_demangle

    return str(Path(cpp_demangle.__file__).resolve().parent.parent)


def test_the_options_of_demangle_arrow_are_typed(tmp_path):
    (tmp_path / "use.py").write_text(
        "from cpp_demangle import demangle_arrow\n"
        "demangle_arrow([], params=False)\n"
        "demangle_arrow([], param=False)\n"
        "demangle_arrow([], format='cxx')\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "use.py"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": _package_root()},
    )
    assert 'Unexpected keyword argument "param"' in result.stdout, result.stdout
    assert "use.py:4: error" in result.stdout and "use.py:2: error" not in result.stdout, result.stdout


def test_the_stub_lists_every_option_the_runtime_takes():
    import cpp_demangle._native as native

    stub = (Path(native.__file__).parent / "_native.pyi").read_text()
    typed = re.search(r"class _Options\(TypedDict, total=False\):(.*?)\ndef ", stub, re.S).group(1)
    names = re.findall(r"^    (\w+): ", typed, re.M)
    assert names == native.OPTIONS
    # And every entry point takes each of them.
    try:
        import pyarrow

        column = pyarrow.array(["_Z1fv"])
    except ImportError:
        column = None
    values = {"style": "c++filt", "format": "auto", "recursion_limit": 4096, "max_length": 1 << 20, "threads": 2}
    for name in native.OPTIONS:
        value = values.get(name, True)
        native.demangle("__Z1fv", **{name: value})
        native.demangle_many(["_Z1fv"], **{name: value})
        native.demangle_text("_Z1fv", **{name: value})
        if column is not None:
            native.demangle_arrow(column, **{name: value})
