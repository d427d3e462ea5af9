"""The ``cpp-demangle`` command, for ``python -m cpp_demangle``.

The command itself is native code shipped in the wheel as the
``cpp-demangle`` executable; this runs the same code from Python, so the two
behave the same: a drop-in for GNU c++filt (``cpp-demangle --help``).
"""

from __future__ import annotations

import os
import sys

from cpp_demangle._native import cli_main


def main(argv: list[str] | None = None) -> int:
    """Run the command with ``argv`` (default: this process's arguments,
    without the program name); return its exit status."""
    args = sys.argv[1:] if argv is None else argv
    # What Python has buffered goes out before the native code writes.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
    return cli_main([b"cpp-demangle", *(os.fsencode(a) for a in args)])
