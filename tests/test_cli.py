"""The command line: a drop-in for GNU c++filt.

Every test runs through both launchers of the one command: the native
``cpp-demangle`` executable (the wheel's script, or the in-place build's) and
``python -m cpp_demangle``. The Python one runs outside the checkout with
the package the tests import, so the tests pass from an unpacked sdist
against an installed wheel as well as in a checkout built in place.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_cases import CASES, OWN_TEXT, STREAM, gnu_cxxfilt, make_files, run_case

import cpp_demangle

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE_PARENT = str(Path(cpp_demangle.__file__).resolve().parent.parent)


def native_command():
    """The native executable beside this Python, or the in-place build's."""
    scripts = Path(sys.executable).parent
    found = shutil.which("cpp-demangle", path=str(scripts))
    if found is None:
        built = sorted(ROOT.glob("build/scripts-*/cpp-demangle*"))
        found = str(built[-1]) if built and PACKAGE_PARENT == str(ROOT) else None
    return [found] if found else None


def python_env():
    env = dict(os.environ)
    env["PYTHONPATH"] = PACKAGE_PARENT
    return env


@pytest.fixture(params=["native", "python"])
def launcher(request, tmp_path):
    """(command, env, folder): one way of starting cpp-demangle, in a folder
    holding the ``@FILE``s of the cases (and no cpp_demangle source tree)."""
    make_files(tmp_path)
    if request.param == "python":
        return [sys.executable, "-m", "cpp_demangle"], python_env(), tmp_path
    command = native_command()
    if command is None:
        pytest.skip("the native cpp-demangle is not built here (pip install . or python setup.py test builds it)")
    return command, None, tmp_path


def run(launcher, *args, stdin=b""):
    command, env, folder = launcher
    return subprocess.run([*command, *args], input=stdin, capture_output=True, cwd=folder, env=env, timeout=120)


def recorded():
    with open(HERE / "fixtures" / "cli.json", encoding="utf-8") as f:
        return json.load(f)


def test_every_case_is_what_cxxfilt_prints(launcher):
    command, env, folder = launcher
    differing = []
    for (args, stdin), want in zip(CASES, recorded()):
        got = run_case(command, args, stdin, folder, env)
        if got != want:
            differing.append((args, got, want))
    assert not differing, differing[:3]


@pytest.mark.skipif(gnu_cxxfilt() is None, reason="c++filt 2.47 is not built (bash ci/build_cxxfilt.sh)")
def test_the_recorded_answers_are_what_cxxfilt_prints_now(tmp_path):
    make_files(tmp_path)
    answers = [run_case([gnu_cxxfilt()], args, stdin, tmp_path) for args, stdin in CASES]
    assert answers == recorded()


def test_errors_go_to_stderr_with_status_1(launcher):
    bad = run(launcher, "--frobnicate")
    assert bad.returncode == 1 and b"unrecognized option '--frobnicate'" in bad.stderr
    assert b"Usage:" in bad.stderr and bad.stdout == b""
    out_of_range = run(launcher, "--recursion-limit=5000", "_Z1fv")
    # The same words as the Python API's ValueError.
    with pytest.raises(ValueError) as api:
        cpp_demangle.demangle("_Z1fv", recursion_limit=5000)
    assert out_of_range.returncode == 1 and str(api.value).encode() in out_of_range.stderr


def test_own_options(launcher):
    assert run(launcher, "--style", "libstdc++", "_Z1fSs").stdout == b"f(std::string)\n"
    assert run(launcher, "--no-return-type", "_Z1fIiEvT_").stdout == b"f<int>(int)\n"
    assert run(launcher, "--max-length=5", "_Z1fIiEvT_").stdout == b"_Z1fIiEvT_\n"
    assert run(launcher, "--recursion-limit=1", "_Z1fIiEvT_").stdout == b"_Z1fIiEvT_\n"


def test_jobs_give_the_same_bytes_as_one_thread(launcher):
    # Megabytes at once, so that they are cut into parallel pieces; names
    # of each scheme, bytes that are not UTF-8, an overlong run.
    line = b"0000000000001234 T _ZN3foo3barEv and ?x@@3HA, _RNvCs1234_7mycrate3foo \xff _Z3bazi@plt\n"
    stream = line * 10_000 + b"a" * 40_000 + b" _Z1fv\n"
    one = run(launcher, stdin=stream)
    assert one.returncode == 0 and one.stdout.startswith(b"0000000000001234 T foo::bar() and int x, mycrate")
    for jobs in (["-j2"], ["--jobs=3"], ["--jobs", "0"]):
        many = run(launcher, *jobs, stdin=stream)
        assert many.returncode == 0 and many.stdout == one.stdout, jobs
    bad = run(launcher, "-j", "-1", "_Z1fv")
    assert bad.returncode == 1 and b"jobs must be 0 (every CPU) or more, not -1" in bad.stderr


def test_version_and_help(launcher):
    version = run(launcher, "--version")
    assert version.returncode == 0 and version.stdout.decode().strip() == f"cpp-demangle {cpp_demangle.__version__}"
    help_text = run(launcher, "--help")
    assert help_text.returncode == 0 and b"--no-params" in help_text.stdout and b"--format" in help_text.stdout
    # Every scheme it reads is named (it said "C++ and Rust").
    assert b"Rust, D, Java and GNAT" in help_text.stdout and b"Microsoft C++" in help_text.stdout


def test_an_abbreviation_of_this_package_s_options_too_says_what_it_is_taken_for(launcher):
    # `--no-r` begins c++filt's --no-recurse-limit and this package's
    # --no-return-type: c++filt's meaning, said on standard error.
    done = run(launcher, "--no-r", "_Z1fIiEvT_")
    assert done.returncode == 0 and done.stdout == b"void f<int>(int)\n"
    assert b"taken as c++filt's '--no-recurse-limit'" in done.stderr and b"--no-return-type" in done.stderr
    done = run(launcher, "--no", "_Z1fv")
    assert done.returncode == 1 and b"'--no-return-type'" in done.stderr and b"'--no-params'" in done.stderr


def test_the_metadata_names_every_scheme():
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        installed = metadata("cpp-demangle")
    except PackageNotFoundError:
        pytest.skip("cpp-demangle is not installed here (built in place)")
    if installed["Version"] != cpp_demangle.__version__:
        pytest.skip(f"another cpp-demangle ({installed['Version']}) is installed here")
    assert "Microsoft" in installed["Summary"] and "GNAT" in installed["Summary"]


def test_non_utf8_bytes_pass_through(launcher):
    data = bytes(range(1, 256)) * 4 + b"_Z3foov\n"
    assert run(launcher, stdin=data).stdout == bytes(range(1, 256)) * 4 + b"foo()\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_status_1(launcher):
    command, env, folder = launcher
    with open("/dev/full", "wb") as full:
        result = subprocess.run([*command, "_Z1fv"], stdout=full, stderr=subprocess.PIPE, cwd=folder, env=env)
    assert result.returncode == 1
    assert result.stderr.strip().endswith(b"write error: No space left on device")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="closes a descriptor of the child")
def test_a_closed_stdout_is_one_line_and_status_1(launcher):
    command, env, folder = launcher
    result = subprocess.run(
        " ".join([*command, "_Z1fv"]) + " >&-", shell=True, stderr=subprocess.PIPE, cwd=folder, env=env
    )
    assert result.returncode == 1
    assert result.stderr.strip().endswith(b"write error: Bad file descriptor")


@pytest.mark.skipif(sys.platform == "win32", reason="pipes through head(1)")
def test_quiet_when_the_reader_goes_away(launcher):
    command, env, folder = launcher
    line = b"0000000000001234 T _ZN4llvm5Value7setNameERKNS_5TwineE\n"
    proc = subprocess.Popen(
        " ".join(command) + " | head -n 1",
        shell=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=folder,
        env=env,
    )
    out, err = proc.communicate(line * 400_000, timeout=120)
    assert out == b"0000000000001234 T llvm::Value::setName(llvm::Twine const&)\n"
    assert err == b""


def test_lines_come_out_as_they_go_in(launcher):
    command, env, folder = launcher
    proc = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=folder, env=env
    )
    try:
        for symbol, text in [(b"_Z3foov", b"foo()"), (b"_Z3bari", b"bar(int)")]:
            proc.stdin.write(b"at " + symbol + b"\n")
            proc.stdin.flush()
            # The answer arrives while the input is still open.
            assert proc.stdout.readline() == b"at " + text + b"\n"
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0


def test_filters_nm_output_like_cxxfilt(launcher):
    rows = []
    known = set()
    for family in ("nm_dynamic", "rust_legacy", "rust_v0"):
        with open(HERE / "fixtures" / f"{family}.tsv", encoding="utf-8") as f:
            rows += [line.rstrip("\n").split("\t", 1) for line in f]
        with open(HERE / "fixtures" / f"{family}.known-differences.tsv", encoding="utf-8") as f:
            known |= {line.split("\t", 1)[0] for line in f}
    listing = "".join(f"{i:016x} T {symbol}\n" for i, (symbol, _) in enumerate(rows)).encode()
    result = run(launcher, stdin=listing)
    assert result.returncode == 0 and result.stderr == b""
    out_lines = result.stdout.decode().splitlines()
    assert len(out_lines) == len(rows)
    for i, ((symbol, want), got) in enumerate(zip(rows, out_lines)):
        if symbol not in known:
            assert got == f"{i:016x} T {want}"


def test_a_long_run_of_symbol_characters_streams_in_constant_memory(launcher):
    size = 5 * (1 << 20) + 3
    result = run(launcher, stdin=b"a" * size + b" _Z3foov\n")
    assert result.returncode == 0
    assert len(result.stdout) == size + len(b" foo()\n")
    assert result.stdout.endswith(b" foo()\n")


def test_main_can_be_called_from_python():
    # python -m cpp_demangle calls cli.main; called in a child so that the
    # test's own standard streams are not written to.
    code = "import sys; from cpp_demangle.cli import main; sys.exit(main(['-p', '_ZN3foo3barEi']))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=python_env(), cwd=HERE)
    assert (result.returncode, result.stdout) == (0, b"foo::bar\n")


def test_stream_and_cases_cover_what_matters():
    # Guard against the table losing its point: flags among names, --,
    # @FILE, every format, errors, and a stream with each stream flag.
    flat = {a for args, _ in CASES for a in args}
    assert {"--", "@opts.txt", "@missing.txt", "-r", "-R", "-s", "--frobnicate"} <= flat
    assert sum(1 for _, stdin in CASES if stdin == STREAM) >= 8
    assert OWN_TEXT <= {tuple(args) for args, _ in CASES}
