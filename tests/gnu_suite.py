"""GNU libiberty's demangler test suite, read as its test-demangle.c reads it.

The files (``libiberty/testsuite/*-demangle-expected`` of binutils 2.47) are
GNU's and are not copied here: ``bash ci/build_cxxfilt.sh`` puts them in
``target/gnu/2.47/testsuite/`` beside the c++filt it builds (or set
``GNU_TESTSUITE`` to a folder holding them).

Each case is three lines after any comment lines (``#`` first): options
(``--format=STYLE``, ``--no-params``, ``--ret-postfix``, ``--ret-drop``,
``--is-v3-ctor``, ``--is-v3-dtor``; an empty line is ``auto``; a line not
starting with ``-`` is a style name), the mangled name, the expected output,
and with ``--no-params`` a fourth line, the output without parameters.
test-demangle.c demangles with ``DMGL_PARAMS | DMGL_ANSI | DMGL_TYPES``: not
verbose and with types, what ``c++filt -i -t -s STYLE`` does; the
``--no-params`` line is ``c++filt -i -t -p -s STYLE``. ``--ret-drop`` is
this package's ``--no-return-type``, which c++filt lacks (such cases are
held to the suite's text alone); ``--ret-postfix`` and the
constructor/destructor queries have no flag here, and are left out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("demangle-expected", "rust-demangle-expected", "d-demangle-expected")


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    style: str
    flags: tuple[str, ...]  # c++filt flags besides -i -t -s STYLE
    mangled: str
    expected: str

    @property
    def key(self) -> str:
        return f"{self.file}:{self.line}"


def folder() -> Path | None:
    path = Path(os.environ.get("GNU_TESTSUITE") or ROOT / "target" / "gnu" / "2.47" / "testsuite")
    return path if all((path / name).is_file() for name in FILES) else None


def read(path: Path) -> list[Case]:
    """The cases of one file that c++filt's flags can express."""
    lines = path.read_bytes().decode("utf-8", "surrogateescape").split("\n")
    cases = []
    i = 0

    def get_line() -> tuple[int, str | None]:
        nonlocal i
        while i < len(lines) and lines[i].startswith("#"):
            i += 1
        if i >= len(lines) or (i == len(lines) - 1 and lines[i] == ""):
            return i, None
        i += 1
        return i, lines[i - 1]

    while True:
        lineno, options = get_line()
        if options is None:
            break
        _, mangled = get_line()
        _, expected = get_line()
        if mangled is None or expected is None:
            break
        style, no_params, expressible, extra = "auto", False, True, ()
        if options and not options.startswith("-"):
            style = options
        else:
            for opt in options.split():
                if opt.startswith("--format="):
                    style = opt.split("=", 1)[1]
                elif opt == "--no-params":
                    no_params = True
                elif opt == "--ret-drop":
                    extra = ("--no-return-type",)
                else:  # --ret-postfix, --is-v3-ctor, --is-v3-dtor
                    expressible = False
        second = get_line()[1] if no_params else None
        if expressible:
            cases.append(Case(path.name, lineno, style, extra, mangled, expected))
            if second is not None:
                cases.append(Case(path.name, lineno, style, extra + ("-p",), mangled, second))
    return cases


def cases() -> list[Case]:
    where = folder()
    return [c for name in FILES for c in read(where / name)] if where else []
