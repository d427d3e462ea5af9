"""Clang-only manglings that GNU c++filt 2.47 refuses and LLVM's demangler
reads: `_BitInt` (`DB`/`DU`), `enable_if` attributes (`Ua9enable_if`) and
block invocation functions (`___Z..._block_invoke`). This package prints
them as llvm-cxxfilt 19 prints them (the one exception to printing what
c++filt prints); the rest of such a name keeps GNU's spelling. Where
llvm-cxxfilt-19 and c++filt 2.47 are present the test checks both claims.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from cli_cases import gnu_cxxfilt

from cpp_demangle import demangle, demangle_text

CASES = [
    ("_Z1fDB8_", "f(_BitInt(8))"),
    ("_Z1fDU8_", "f(unsigned _BitInt(8))"),
    ("_Z1fPDB8_S_", "f(_BitInt(8)*, _BitInt(8)*)"),
    ("_Z1fILi8EEvDBT__", "void f<8>(_BitInt(8))"),
    ("_Z1fUa9enable_ifIXLb1EEEv", "f() [enable_if:true]"),
    ("_Z1fIiEUa9enable_ifIXLb0EEEvT_", "void f<int>(int) [enable_if:false]"),
    ("___Z1fv_block_invoke", "invocation function for block in f()"),
    ("___ZN1A1fEv_block_invoke_12", "invocation function for block in A::f()"),
    ("___Z1fv_block_invoke.cold", "invocation function for block in f()"),
]
# What LLVM 19 refuses too.
REFUSED = ["_Z1fDB8_S_", "___Z1fv_block_invoke_", "___Z1fv_block_invokeX", "_Z1fDAs", "_Z1fDRt"]

LLVM = shutil.which("llvm-cxxfilt-19")


@pytest.mark.parametrize("symbol, text", CASES)
def test_printed_as_llvm_prints_them(symbol, text):
    assert demangle(symbol) == text
    assert demangle_text(f"at {symbol}+0x1") == f"at {text}+0x1"


@pytest.mark.parametrize("symbol", REFUSED)
def test_refused_as_llvm_refuses_them(symbol):
    assert demangle_text(symbol) == symbol


@pytest.mark.skipif(LLVM is None, reason="llvm-cxxfilt-19 is not installed (apt-get install llvm-19)")
def test_llvm_prints_the_same():
    symbols = [s for s, _ in CASES] + REFUSED
    out = subprocess.run([LLVM, *symbols], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == [t for _, t in CASES] + REFUSED


@pytest.mark.skipif(gnu_cxxfilt() is None, reason="c++filt 2.47 is not built (bash ci/build_cxxfilt.sh)")
def test_cxxfilt_refuses_them():
    symbols = [s for s, _ in CASES]
    out = subprocess.run([gnu_cxxfilt(), *symbols], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == symbols
