"""The ``cpp-demangle`` command: a drop-in for GNU c++filt.

With symbols as arguments, prints each demangled (or as it is) on a line of
its own. Without, filters standard input to standard output, demangling
every symbol in the text and keeping every other byte, in constant memory,
with each chunk of input written out as soon as it is read.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, BinaryIO, Dict, List, Optional

from cpp_demangle import DEFAULT_MAX_LENGTH, DEFAULT_RECURSION_LIMIT, __version__
from cpp_demangle._native import complete_prefix_len, demangle_argument, demangle_text

READ_SIZE = 1 << 20


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cpp-demangle",
        description="Demangle C++ and Rust symbols, as GNU c++filt does. With no NAMEs, "
        "filter standard input: every symbol in it is demangled, every other byte kept.",
        epilog="A name that cannot be demangled is printed as it is. Options can also be "
        "read from a file named as @FILE.",
        fromfile_prefix_chars="@",
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="symbols to demangle")
    p.add_argument("-_", "--strip-underscore", action="store_true", help="ignore a first leading underscore")
    p.add_argument(
        "-n", "--no-strip-underscore", dest="strip_underscore", action="store_false",
        help="do not ignore a leading underscore (default)",
    )
    p.add_argument("-p", "--no-params", dest="params", action="store_false", help="do not display function arguments")
    p.add_argument(
        "-i", "--no-verbose", dest="verbose", action="store_false",
        help="do not show implementation details (std::string, Rust hashes)",
    )
    p.add_argument("-t", "--types", action="store_true", help="also attempt to demangle type encodings")
    p.add_argument(
        "--no-return-type", dest="return_type", action="store_false",
        help="do not display the return types of template functions",
    )
    p.add_argument(
        "--style", choices=["c++filt", "libstdc++"], default="c++filt",
        help="whose output to reproduce: GNU c++filt (default) or libstdc++'s __cxa_demangle",
    )
    p.add_argument(
        "--max-length", type=int, default=DEFAULT_MAX_LENGTH, metavar="BYTES",
        help="longest demangled name; a longer one is left as it is (default %(default)s)",
    )
    p.add_argument(
        "--recursion-limit", type=int, default=DEFAULT_RECURSION_LIMIT, metavar="N",
        help="how deeply nested a name may be, 1 to 4096 (default %(default)s)",
    )
    p.add_argument("-V", "--version", action="version", version=f"cpp-demangle {__version__}")
    return p


def filter_stream(source: int, sink: BinaryIO, options: Dict[str, Any]) -> None:
    """Demangle what `source` (a file descriptor) delivers into `sink`.

    Each read is written out (and flushed) before the next, so a pipe from a
    live log shows lines as they arrive; a symbol cut by the end of a read
    waits for the rest.
    """
    pending = b""
    while True:
        chunk = os.read(source, READ_SIZE)
        if not chunk:
            break
        data = pending + chunk if pending else chunk
        ready = complete_prefix_len(data)
        if ready == 0 and len(data) < READ_SIZE:
            pending = data
            continue
        # A run of symbol characters longer than a read is done in pieces,
        # as c++filt, whose buffer holds 32766 of them, does too.
        ready = ready or len(data)
        sink.write(demangle_text(data[:ready], **options))
        sink.flush()
        pending = data[ready:]
    if pending:
        sink.write(demangle_text(pending, **options))
        sink.flush()


def main(argv: Optional[List[str]] = None) -> int:
    # Flags may come among the names, as getopt lets them in c++filt.
    args = parser().parse_intermixed_args(argv)
    if args.max_length < 1:
        parser().error("--max-length must be at least 1")
    if not 1 <= args.recursion_limit <= 4096:
        parser().error("--recursion-limit must be from 1 to 4096")
    options = {
        "params": args.params,
        "return_type": args.return_type,
        "types": args.types,
        "style": args.style,
        "verbose": args.verbose,
        "strip_underscore": args.strip_underscore,
        "recursion_limit": args.recursion_limit,
        "max_length": args.max_length,
    }
    out = sys.stdout.buffer
    try:
        if args.names:
            for name in args.names:
                # Arguments the locale could not decode keep their bytes.
                result = demangle_argument(os.fsencode(name), **options)
                out.write(result.encode() if isinstance(result, str) else result)
                out.write(b"\n")
            out.flush()
        else:
            filter_stream(sys.stdin.fileno(), out, options)
    except BrokenPipeError:
        # The reader went away (`cpp-demangle < big | head -1`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    return 0
