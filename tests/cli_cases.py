"""c++filt invocations, run the same way through c++filt and cpp-demangle.

Each case is (arguments, standard input). They run in a folder holding the
files below (for ``@FILE``); what is compared is standard output and the
exit status (standard error names the program, which differs).
``tests/regenerate_fixtures.py --cli`` records c++filt's answers in
``tests/fixtures/cli.json``; ``tests/test_cli.py`` holds both launchers of
cpp-demangle to them, and to c++filt itself where it is built or installed.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FILES = {
    "opts.txt": b"_Z1fv _Z1gi\n-p _Z1hd\n",
    "quoted.txt": b"'_Z1fv x' \"_Z1g\\\\i\" _Z1h\\ v\n",
    "empty.txt": b"",
    "nested.txt": b"@opts.txt -t\ni\n",
    "nul.txt": b"_Z1fv\0_Z1gv\n",
}

STREAM = (
    b"#0  0x00007f in _ZN4llvm5Value7setNameERKNS_5TwineE (this=0x1) at Value.cpp:12\n"
    b"U _ZNSt8ios_base4InitC1Ev@GLIBCXX_3.4\n"
    b"\xff\xfe not utf-8 _Z3foov\t_ZN3fooC2Ev.cold\r\n"
    b"undefined reference to `_ZNK3Foo3barEv'\n"
    b"$_Z1fv ._Z1gv __Z1hv _Z _ZZ _RNvCs1234_7mycrate3foo i PKc\n"
    b"_ZN4core3fmt5write17h0123456789abcdefE _ZNSsC1Ev\n"
    b"no newline at the end _Z1fi"
)

RUST_LEGACY = "_ZN4core3fmt5write17h0123456789abcdefE"

CASES: list[tuple[Sequence[str], bytes]] = [
    (["_Z1fv", "main", "-p", "_ZN3foo3barEi"], b""),
    (["_ZNSt8ios_base4InitC1Ev@@GLIBCXX_3.4", "-p", "_ZNSt8ios_base4InitC1Ev@@GLIBCXX_3.4"], b""),
    (["--", "-_Z1fv", "_Z1fv", "-p"], b""),
    (["-", "_Z1fv"], b""),
    (["._Z1fv", "$_Z1fv", "-n", "__Z1fv"], b""),
    (["-_", "__Z1fv", "_Z1fv"], b""),
    (["@opts.txt"], b""),
    (["@missing.txt", "_Z1fv"], b""),
    (["@quoted.txt"], b""),
    (["@empty.txt", "_Z1gv"], b""),
    (["@nested.txt"], b""),
    (["@nul.txt"], b""),
    (["-s", "gnu-v3", RUST_LEGACY, "_Z1fv"], b""),
    (["-s", "rust", RUST_LEGACY, "_Z1fv"], b""),
    (["--format=auto", RUST_LEGACY], b""),
    (["-snone", "$_Z1fv", "._Z1fv", "_Z1fv"], b""),
    (["-_", "-s", "none", "__Z1fv"], b""),
    (["-sauto", "-pi", "_ZNSsC1Ev", RUST_LEGACY], b""),
    (["-r", "_Z1fv"], b""),
    (["-R", "_Z1fv"], b""),
    (["--no-rec", "_Z1fv"], b""),
    (["--recurse", "_Z1fv"], b""),
    (["--recursion-limit", "_Z1fv"], b""),
    (["-t", "i", "PKc"], b""),
    (["--ty", "--no-p", "--no-v", "_ZNSsC1Ev", "i"], b""),
    (["-x", "_Z1fv"], b""),
    (["--frobnicate"], b""),
    (["-s", "lucid", "_Z1fv"], b""),
    (["-s"], b""),
    (["--format"], b""),
    (["--types=1"], b""),
    (["--no"], b""),
    (["-h"], b""),
    (["--help"], b""),
    (["-v"], b""),
    (["--version", "_Z1fv"], b""),
    ([], STREAM),
    (["-p"], STREAM),
    (["-i"], STREAM),
    (["-t"], STREAM),
    (["-_"], STREAM),
    (["-s", "rust"], STREAM),
    (["-s", "gnu-v3"], STREAM),
    (["-s", "none"], STREAM),
    (["-s", "gnat"], STREAM),
    (["-s", "java"], STREAM),
    (["-s", "dlang"], STREAM + b" _D8demangle4testFiZv _Dmain"),
    ([], b"_D3std5stdio4File6__ctorMFNcAyaZS3std5stdio4File _D8demangle6__initZ\n"),
    (["-s", "dlang", "_D8demangle4testFAyaZv", "_ZN3foo3barEv", "_Dmain"], b""),
    (["-s", "java", "-p", "-t", "_ZN4java4lang4Math4acosEJdd", "_ZN4Prim1iEibcdfwPN4java4lang6StringEsx", "i"], b""),
    (["-s", "gnat", "pack__func__2", "_ada_main", "pack__Oadd", "pack__tSR", "Foo", "._ada_x", "$y"], b""),
    (["-p", "-i", "-t"], STREAM),
    ([], b"a" * 40000 + b"_Z1fv " + b"b" * 32766 + b"_Z1fv\n"),
]

# Cases whose standard output is the program's own text (help, version):
# only the exit status is compared.
OWN_TEXT = {("-h",), ("--help",), ("-v",), ("--version", "_Z1fv")}


def make_files(folder: Path) -> None:
    for name, data in FILES.items():
        (folder / name).write_bytes(data)


def run_case(command: Sequence[str], args: Sequence[str], stdin: bytes, folder: Path, env=None) -> dict:
    result = subprocess.run([*command, *args], input=stdin, capture_output=True, cwd=folder, env=env, timeout=120)
    out = {"returncode": result.returncode}
    if tuple(args) not in OWN_TEXT:
        out["stdout"] = result.stdout.decode("latin-1")
    return out


def gnu_cxxfilt() -> str | None:
    """The reference c++filt: $CXXFILT, else 2.47 as ci/build_cxxfilt.sh builds it."""
    path = os.environ.get("CXXFILT") or str(ROOT / "target" / "gnu" / "2.47" / "c++filt")
    return path if os.access(path, os.X_OK) else None
