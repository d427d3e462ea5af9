"""The type stubs describe what the compiled module really has."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy", reason="mypy is not installed")


def test_stubs_match_the_runtime():
    # pyproject.toml tells mypy that the optional libraries may lack types.
    config = Path(__file__).resolve().parent.parent / "pyproject.toml"
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "--mypy-config-file", str(config), "cpp_demangle"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


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
    values = {"style": "c++filt", "format": "auto", "recursion_limit": 4096, "max_length": 1 << 20}
    for name in native.OPTIONS:
        value = values.get(name, True)
        native.demangle("__Z1fv", **{name: value})
        native.demangle_many(["_Z1fv"], **{name: value})
        native.demangle_text("_Z1fv", **{name: value})
        if column is not None:
            native.demangle_arrow(column, **{name: value})
