"""The command line: a drop-in for GNU c++filt."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLI = [sys.executable, "-m", "cpp_demangle"]


def run(*args, stdin=b""):
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=120)


def fixture(family):
    with open(FIXTURES / f"{family}.tsv", encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t", 1) for line in f]


def nm_stream(rows):
    """An `nm`-like listing of the fixture's symbols, and what c++filt prints for it."""
    listing = "".join(f"{i:016x} T {symbol}\n" for i, (symbol, _) in enumerate(rows))
    expected = "".join(f"{i:016x} T {out}\n" for i, (_, out) in enumerate(rows))
    return listing.encode(), expected.encode()


def test_filters_nm_output_like_cxxfilt():
    rows = [r for family in ("nm_dynamic", "rust_legacy", "rust_v0") for r in fixture(family)]
    rows = [r for r in rows if r[0] in {s for s, _ in rows}]
    listing, _ = nm_stream(rows)
    result = run(stdin=listing)
    assert result.returncode == 0 and result.stderr == b""
    out_lines = result.stdout.decode().splitlines()
    assert len(out_lines) == len(rows)
    # Every line is c++filt's, but for the listed known differences.
    known = set()
    for family in ("nm_dynamic", "rust_legacy", "rust_v0"):
        with open(FIXTURES / f"{family}.known-differences.tsv", encoding="utf-8") as f:
            known |= {line.split("\t", 1)[0] for line in f}
    for i, ((symbol, want), got) in enumerate(zip(rows, out_lines)):
        if symbol not in known:
            assert got == f"{i:016x} T {want}"


@pytest.mark.skipif(shutil.which("c++filt") is None, reason="GNU c++filt is not installed")
def test_byte_identical_to_cxxfilt_on_a_mixed_stream():
    stream = (
        b"#0  0x00007f in _ZN4llvm5Value7setNameERKNS_5TwineE (this=0x1) at Value.cpp:12\n"
        b"U _ZNSt8ios_base4InitC1Ev@GLIBCXX_3.4\n"
        b"\xff\xfe not utf-8 _Z3foov\t_ZN3fooC2Ev.cold\r\n"
        b"undefined reference to `_ZNK3Foo3barEv'\n"
        b"$_Z1fv ._Z1gv __Z1hv _Z _ZZ _RNvCs1234_7mycrate3foo\n"
        b"no newline at the end _Z1fi"
    )
    ours = run(stdin=stream)
    theirs = subprocess.run(["c++filt"], input=stream, capture_output=True)
    assert ours.stdout == theirs.stdout
    for flags in (["-p"], ["-i"], ["-t"], ["-_"]):
        assert run(*flags, stdin=stream).stdout == subprocess.run(
            ["c++filt", *flags], input=stream, capture_output=True
        ).stdout, flags


def test_arguments_are_demangled_one_a_line():
    result = run("_Z3foov", "main", "_ZNSt8ios_base4InitC1Ev@@GLIBCXX_3.4", "-p", "_ZN3foo3barEi")
    assert result.returncode == 0
    # As c++filt 2.40: a flag applies to every argument, and without
    # parameters what follows the name (here a version suffix) is ignored.
    assert result.stdout == b"foo\nmain\nstd::ios_base::Init::Init\nfoo::bar\n"
    assert run("_ZNSt8ios_base4InitC1Ev@@GLIBCXX_3.4").stdout == b"_ZNSt8ios_base4InitC1Ev@@GLIBCXX_3.4\n"


def test_flags():
    assert run("-t", "PKc").stdout == b"char const*\n"
    assert run("-_", "__Z3foov").stdout == b"foo()\n"
    assert run("-i", "_ZN4core3fmt5write17h0123456789abcdefE").stdout == b"core::fmt::write\n"
    assert run("--style", "libstdc++", "_Z1fSs").stdout == b"f(std::string)\n"
    assert run("--no-return-type", "_Z1fIiEvT_").stdout == b"f<int>(int)\n"


def test_version_and_help():
    import cpp_demangle

    version = run("--version")
    assert version.returncode == 0 and version.stdout.decode().strip() == f"cpp-demangle {cpp_demangle.__version__}"
    help_text = run("--help")
    assert help_text.returncode == 0 and b"--no-params" in help_text.stdout


def test_bad_flag_and_missing_option_file_fail_clearly():
    bad = run("--frobnicate")
    assert bad.returncode == 2 and b"unrecognized arguments: --frobnicate" in bad.stderr
    missing = run("@/no/such/options-file")
    assert missing.returncode == 2 and b"No such file or directory" in missing.stderr
    bad_style = run("--style", "msvc", "_Z1fv")
    assert bad_style.returncode == 2 and b"invalid choice" in bad_style.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="reads options from /dev/stdin")
def test_option_file():
    result = subprocess.run([*CLI, "@/dev/stdin"], input=b"-p\n_ZN3foo3barEi\n", capture_output=True)
    assert result.stdout == b"foo::bar\n"


def test_non_utf8_bytes_pass_through():
    data = bytes(range(256)) * 4 + b"_Z3foov\n"
    result = run(stdin=data)
    assert result.stdout == bytes(range(256)) * 4 + b"foo()\n"


@pytest.mark.skipif(sys.platform == "win32", reason="pipes through head(1)")
def test_quiet_when_the_reader_goes_away():
    line = b"0000000000001234 T _ZN4llvm5Value7setNameERKNS_5TwineE\n"
    proc = subprocess.Popen(
        f"{sys.executable} -m cpp_demangle | head -n 1",
        shell=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = proc.communicate(line * 400_000, timeout=120)
    assert out == b"0000000000001234 T llvm::Value::setName(llvm::Twine const&)\n"
    assert err == b""


def test_lines_come_out_as_they_go_in():
    proc = subprocess.Popen(CLI, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
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


def test_a_long_run_of_symbol_characters_streams_in_constant_memory():
    size = 5 * (1 << 20) + 3
    result = run(stdin=b"a" * size + b" _Z3foov\n")
    assert result.returncode == 0
    assert len(result.stdout) == size + len(b" foo()\n")
    assert result.stdout.endswith(b"a _Z3foov\n"[:0] + b" foo()\n")
