"""No input crashes, hangs or exhausts memory, through every entry point."""

import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest

import cpp_demangle
from cpp_demangle import DemangleError, demangle, demangle_many, demangle_text

# Children run here, so that they import the package these tests import (the
# checkout built in place, or the installed one), whatever the folder.
PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(cpp_demangle.__file__)))

SEQ = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def doubling(levels):
    """A symbol whose demangling doubles with every level: S_ is f, S0_ the
    template X, S1_ is X<int, int>, and each level is X<previous, previous>."""
    return "_Z1fI1XIiiE" + "".join(f"S0_IS{SEQ[i + 1]}_S{SEQ[i + 1]}_E" for i in range(levels)) + "Evv"


def test_exponential_output_is_capped_relative_to_the_input():
    assert demangle(doubling(3)).startswith("void f<X<int, int>, X<X<int, int>, X<int, int> >")
    hostile = doubling(30)  # 344 bytes; uncapped, about 20 GB of output
    with pytest.raises(DemangleError, match=r"longer than 23040 bytes"):
        demangle(hostile)
    assert demangle_many([hostile, "_Z1fv"]) == [hostile, "f()"]
    assert demangle_text(f"a {hostile} b _Z1fv") == f"a {hostile} b f()"


def test_max_length_lowers_the_cap():
    assert demangle("_ZN7mangled3fooEd", max_length=20) == "mangled::foo(double)"
    with pytest.raises(DemangleError, match="longer than 19 bytes"):
        demangle("_ZN7mangled3fooEd", max_length=19)
    assert demangle_text("_ZN7mangled3fooEd", max_length=19) == "_ZN7mangled3fooEd"


def test_a_page_of_hostile_symbols_takes_bounded_time():
    page = " ".join([doubling(16)] * (65536 // 191))
    assert len(page) <= 65536
    start = time.perf_counter()
    assert demangle_text(page) == page
    # Well over what it takes (a few tens of milliseconds), to stay clear of
    # a loaded machine; benchmarks/hostile.py prints the real figures.
    assert time.perf_counter() - start < 5


def test_deep_nesting_on_a_small_thread_stack():
    # In a child process, so that a crash fails the test instead of the run.
    code = textwrap.dedent(
        """
        import threading
        from cpp_demangle import demangle, DemangleError
        deep = "_Z1f" + "P" * 1018 + "iv"
        out = {}
        def work():
            try:
                demangle(deep, recursion_limit=512)
            except DemangleError as error:
                out["shallow"] = str(error)
            out["default"] = demangle(deep)
            out["clamped"] = demangle(deep, recursion_limit=4096)
        threading.stack_size(256 * 1024)
        t = threading.Thread(target=work)
        t.start(); t.join()
        assert out["shallow"].endswith("the mangled name is nested too deeply"), out
        assert out["default"] == out["clamped"] == "f(int" + "*" * 1018 + ", void)", out
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=PACKAGE_PARENT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize(
    "bad, error",
    [
        (None, TypeError),
        (42, TypeError),
        (3.5, TypeError),
        (b"", DemangleError),
        ("", DemangleError),
        ("_Z3foo\udcffv", DemangleError),
        ("_Z3f\x00ov", DemangleError),
        (b"_Z3f\x00ov", DemangleError),
        (b"_Z3f\xff\xfev", DemangleError),
        ("\x00" * 10, DemangleError),
    ],
)
def test_bad_input_gets_a_clear_error(bad, error):
    with pytest.raises(error):
        demangle(bad)


@pytest.mark.parametrize("prefix", ["_Z", "_ZN", "_R", "_ZN4core", "x", "_ZTV"])
def test_ten_megabytes_is_refused_quickly(prefix):
    huge = prefix + "1a" * (5 * 1024 * 1024)
    start = time.perf_counter()
    with pytest.raises(DemangleError):
        demangle(huge)
    assert demangle_many([huge]) == [huge]
    assert demangle_text(huge) == huge
    assert time.perf_counter() - start < 10


def test_all_entry_points_from_many_threads_agree_with_one():
    symbols = [line.split("\t", 1)[0] for line in open(__file__.replace("test_robustness.py", "fixtures/static.tsv"))]
    symbols = symbols[:1500] + [doubling(30), "", "garbage", "_Z1fv"]
    text = "\n".join(s for s in symbols if s)
    expected = (
        [_safe(s) for s in symbols],
        demangle_many(symbols),
        demangle_text(text),
    )
    results = []

    def work():
        results.append(([_safe(s) for s in symbols], demangle_many(symbols), demangle_text(text)))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and all(r == expected for r in results)


def _safe(symbol):
    try:
        return demangle(symbol)
    except DemangleError as error:
        return str(error)


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads resident memory from /proc")
def test_memory_stays_flat_over_many_calls():
    code = textwrap.dedent(
        """
        import gc
        from cpp_demangle import demangle, demangle_many, demangle_text, DemangleError
        def rss_kib():
            with open("/proc/self/statm") as f:
                return int(f.read().split()[1]) * 4
        good = "_ZNKSt6vectorIiSaIiEE4sizeEv"
        bad = "_ZN3foo"
        hostile = "_Z1fI1XIiiE" + "".join(f"S_IS{c}_S{c}_E" for c in "0123456789ABCDEFGHIJ") + "Evv"
        def round(n):
            for i in range(n):
                demangle(good)
                # The hostile symbol costs a capped demangling: fewer of it.
                for s in (bad, "\\udcff") if i % 50 else (bad, "\\udcff", hostile):
                    try:
                        demangle(s)
                    except DemangleError:
                        pass
            demangle_many([good, bad] * (n // 10) + [hostile] * (n // 500))
            demangle_text((good + " " + bad + " ") * (n // 10))
        round(20000)
        gc.collect()
        before = rss_kib()
        for _ in range(10):
            round(20000)
        gc.collect()
        print(rss_kib() - before)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=PACKAGE_PARENT
    )
    assert result.returncode == 0, result.stderr
    growth_kib = int(result.stdout.strip())
    assert growth_kib < 8 * 1024, f"resident memory grew by {growth_kib} KiB over 650,000 calls"
