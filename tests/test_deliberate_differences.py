"""Where this package deliberately prints what c++filt does not.

A difference is deliberate only when the Itanium ABI and LLVM's demangler
read the name as this package does; each one is listed here with its cause,
with the text this package prints. Where c++filt 2.47 and llvm-cxxfilt 19
are present the test also shows that c++filt still differs and that LLVM
agrees (LLVM spells an unnamed type `'unnamed'`, GNU `{unnamed type#1}`).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from cli_cases import gnu_cxxfilt

from cpp_demangle import demangle

UNNAMED_TWICE = "c++filt adds an unnamed type (Ut_) as a substitution candidate twice"

DELIBERATE = [
    (
        "_ZZN5arrow4json17GetPromotionGraphEvENKUt_7PromoteERKSt10shared_ptrINS_8DataTypeEERKS2_INS_5FieldEE",
        "arrow::json::GetPromotionGraph()::{unnamed type#1}::Promote("
        "std::shared_ptr<arrow::DataType> const&, std::shared_ptr<arrow::Field> const&) const",
        UNNAMED_TWICE,
    ),
]

LLVM = shutil.which("llvm-cxxfilt-19")


def run(tool, symbol):
    return subprocess.run([tool, symbol], capture_output=True, text=True, check=True).stdout.rstrip("\n")


@pytest.mark.parametrize("symbol, text, cause", DELIBERATE)
def test_the_abi_reading_is_printed(symbol, text, cause):
    assert demangle(symbol) == text, cause


@pytest.mark.skipif(gnu_cxxfilt() is None, reason="c++filt 2.47 is not built (bash ci/build_cxxfilt.sh)")
@pytest.mark.parametrize("symbol, text, cause", DELIBERATE)
def test_cxxfilt_still_differs(symbol, text, cause):
    assert run(gnu_cxxfilt(), symbol) not in (symbol, text), cause


@pytest.mark.skipif(LLVM is None, reason="llvm-cxxfilt-19 is not installed (apt-get install llvm-19)")
@pytest.mark.parametrize("symbol, text, cause", DELIBERATE)
def test_llvm_reads_it_the_same_way(symbol, text, cause):
    assert run(LLVM, symbol).replace("'unnamed'", "{unnamed type#1}") == text


# Where c++filt's text would not be UTF-8: every text this package gives is.
NOT_UTF8 = [
    # A Java escape of a code point from 0x80 to 0xff: c++filt writes the byte.
    ("_ZN3Try11class__U92_E", "java", "Try.class\x92"),
]


@pytest.mark.parametrize("symbol, format, text", NOT_UTF8)
def test_a_java_escape_above_0x7f_is_its_character(symbol, format, text):
    assert demangle(symbol, format=format) == text


def test_a_length_that_cuts_a_utf8_character_is_refused():
    # `1` and the first byte of `ȶ`: c++filt -t prints that byte alone.
    from cpp_demangle import DemangleError

    with pytest.raises(DemangleError):
        demangle("1\u0236", types=True)


@pytest.mark.skipif(gnu_cxxfilt() is None, reason="c++filt 2.47 is not built (bash ci/build_cxxfilt.sh)")
def test_cxxfilt_prints_bytes_that_are_not_utf8_there():
    out = subprocess.run([gnu_cxxfilt(), "-s", "java", "_ZN3Try11class__U92_E"], capture_output=True, check=True)
    with pytest.raises(UnicodeDecodeError):
        out.stdout.decode("utf-8")
