"""Every example of the documentation runs, and gives what the page says.

The pages (``docs/src/*.md``) and README.md show Python as ``pycon`` blocks,
run here as doctests (one namespace a page, in a folder of their own), and
the command line as ``console`` blocks: each ``$ command`` line runs in a
shell with ``cpp-demangle`` on ``PATH``, and what it prints must be the lines
under it. The cluster recipes are run on the real engines by
tests/test_clusters.py (``-m slow``); their blocks are marked ``+SKIP``.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if not (ROOT / "docs").is_dir():
    pytest.skip("the documentation is not here (an sdist has none)", allow_module_level=True)
PAGES = sorted((ROOT / "docs" / "src").glob("*.md")) + [ROOT / "README.md"]
OPTIONAL = {"pyarrow", "polars", "pandas", "duckdb", "dask", "pyspark", "ray"}
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.M | re.S)


def blocks(page: Path, kind: str) -> list[tuple[int, str]]:
    text = page.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m[2]) for m in FENCE.finditer(text) if m[1] == kind]


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p, "pycon")], ids=lambda p: p.name)
def test_python_examples(page, tmp_path, monkeypatch):
    found = blocks(page, "pycon")
    # The package depends on none of the column libraries: a page that shows
    # them runs where they are installed (ci/requirements-test.txt has them).
    for library in sorted(OPTIONAL & set(re.findall(r"import (\w+)", "".join(b for _, b in found)))):
        pytest.importorskip(library, reason=f"{library} is not installed here")
    monkeypatch.chdir(tmp_path)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    # One doctest of every block of the page, so that they share names.
    examples = []
    for line, block in found:
        for example in parser.get_examples(block):
            example.lineno += line
            examples.append(example)
    report: list[str] = []
    runner.run(doctest.DocTest(examples, {}, page.name, str(page), 0, None), out=report.append)
    assert runner.failures == 0, "".join(report)


def cpp_demangle_folder() -> str | None:
    """The folder of the native cpp-demangle: the installed one, or the
    in-place build's."""
    from test_cli import native_command

    found = native_command()
    if found:
        return str(Path(found[0]).parent)
    return None


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p, "console")], ids=lambda p: p.name)
def test_command_line_examples(page, tmp_path):
    found = blocks(page, "console")
    folder = cpp_demangle_folder()
    if folder is None:
        pytest.skip("the native cpp-demangle is not built here")
    env = {**os.environ, "PATH": folder + os.pathsep + os.environ.get("PATH", "")}
    from test_cli import python_env

    env["PYTHONPATH"] = python_env()["PYTHONPATH"]
    env["CPP_DEMANGLE_PYTHON"] = sys.executable
    for line, block in found:
        commands = re.split(r"(?m)^\$ ", block)[1:]
        for command in commands:
            command_line, _, expected = command.partition("\n")
            done = subprocess.run(
                command_line, shell=True, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
            )
            assert done.stdout == expected, f"{page.name}:{line}: $ {command_line}\n{done.stderr}"
