"""``cpp-demangle --parquet IN OUT``: a column of a Parquet file demangled,
through both launchers (the native command hands the job to the Python
beside it, or $CPP_DEMANGLE_PYTHON)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_arrow import SYMBOLS, expected, with_nulls
from test_cli import native_command, python_env

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (ci/requirements-test.txt has it)")
pq = pytest.importorskip("pyarrow.parquet")

import subprocess  # noqa: E402


@pytest.fixture(params=["native", "python"])
def command(request):
    env = python_env()
    if request.param == "python":
        return [sys.executable, "-m", "cpp_demangle"], env
    found = native_command()
    if found is None:
        pytest.skip("the native cpp-demangle is not built here")
    # The in-place build's command has no Python beside it: it is told which.
    env["CPP_DEMANGLE_PYTHON"] = sys.executable
    return found, env


def cpp_demangle(command, *args, cwd):
    line, env = command
    return subprocess.run([*line, *args], capture_output=True, cwd=cwd, env=env, timeout=300)


@pytest.fixture
def symbols_file(tmp_path):
    rows = with_nulls(SYMBOLS)
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": range(len(rows)), "symbol": rows}), path, row_group_size=7000)
    return path, rows


def test_the_column_is_demangled_and_the_rest_copied(command, symbols_file, tmp_path):
    path, rows = symbols_file
    done = cpp_demangle(command, "--parquet", str(path), "out.parquet", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, b""), done.stderr
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column_names == ["id", "symbol"]
    assert table.column("id").to_pylist() == list(range(len(rows)))
    assert table.column("symbol").to_pylist() == expected(rows)


def test_into_a_new_column_with_options(command, symbols_file, tmp_path):
    path, rows = symbols_file
    done = cpp_demangle(
        command, "-p", "--parquet", str(path), "--column", "symbol", "--into=name", "o.pq", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    table = pq.read_table(tmp_path / "o.pq")
    assert table.column("symbol").to_pylist() == rows
    assert table.column("name").to_pylist() == expected(rows, params=False)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--column", "nope"], b"has no column 'nope'; its columns: id, symbol, other"),
        ([], b"has 2 columns of strings (symbol, other): name the column of symbols with --column"),
        (["--column", "id"], b"column 'id' of 'in.parquet' holds int64, not symbols (strings or bytes)"),
        (["--column", "symbol", "--into", "other"], b"has a column 'other' already: name another with --into"),
    ],
)
def test_a_column_that_is_not_there_is_named(command, tmp_path, args, message):
    pq.write_table(pa.table({"id": [1], "symbol": ["_Z1fv"], "other": ["x"]}), tmp_path / "in.parquet")
    done = cpp_demangle(command, "--parquet", "in.parquet", "out.parquet", *args, cwd=tmp_path)
    assert done.returncode == 1
    assert message in done.stderr and done.stderr.count(b"\n") == 1
    assert not (tmp_path / "out.parquet").exists()


def test_files_that_cannot_be_used_are_refused(command, symbols_file, tmp_path):
    path, _ = symbols_file
    done = cpp_demangle(command, "--parquet", str(path), str(path), cwd=tmp_path)
    assert done.returncode == 1 and b"is the input file" in done.stderr
    done = cpp_demangle(command, "--parquet", "missing.parquet", "out.parquet", cwd=tmp_path)
    assert done.returncode == 1 and b"'missing.parquet' does not exist" in done.stderr
    (tmp_path / "text.parquet").write_text("not parquet")
    done = cpp_demangle(command, "--parquet", "text.parquet", "out.parquet", cwd=tmp_path)
    assert done.returncode == 1 and b"'text.parquet' is not a Parquet file" in done.stderr
    assert pq.read_table(path).num_rows > 0


def test_the_names_can_go_to_a_pipe(command, symbols_file, tmp_path):
    path, rows = symbols_file
    done = cpp_demangle(command, "--parquet", str(path), "/dev/stdout", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (tmp_path / "piped.parquet").write_bytes(done.stdout)
    assert pq.read_table(tmp_path / "piped.parquet").column("symbol").to_pylist() == expected(rows)


def test_an_empty_file_keeps_its_columns(command, tmp_path):
    pq.write_table(pa.table({"symbol": pa.array([], pa.string())}), tmp_path / "in.parquet")
    done = cpp_demangle(command, "--parquet", "in.parquet", "out.parquet", "--into", "name", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert pq.read_table(tmp_path / "out.parquet").column_names == ["symbol", "name"]


def test_the_native_command_says_where_python_is_missing(tmp_path):
    found = native_command()
    if found is None:
        pytest.skip("the native cpp-demangle is not built here")
    chosen = str(tmp_path / "no-python")
    env = {"PATH": "/nonexistent", "CPP_DEMANGLE_PYTHON": chosen}
    done = subprocess.run([*found, "--parquet", "a", "b"], capture_output=True, env=env, timeout=60)
    # The Python chosen is named, not said to be missing.
    assert done.returncode == 1 and f"cannot run CPP_DEMANGLE_PYTHON={chosen}".encode() in done.stderr
    beside = Path(found[0]).parent
    if not any((beside / name).exists() for name in ("python3", "python", "python.exe")):
        done = subprocess.run([*found, "--parquet", "a", "b"], capture_output=True, env={"PATH": "/nonexistent"})
        assert done.returncode == 1 and b"no Python was found" in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is a Unix thing")
def test_a_progress_bar_on_a_terminal_only(symbols_file, tmp_path):
    import os

    path, rows = symbols_file
    leader, follower = os.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "cpp_demangle", "--parquet", str(path), "out.parquet"],
            stdout=subprocess.PIPE,
            stderr=follower,
            cwd=tmp_path,
            env=python_env(),
            timeout=300,
        )
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0
    assert f"{len(rows):,}/{len(rows):,} symbols 100%".encode() in shown
