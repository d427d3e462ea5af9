"""atheris target on the Python API: run it with ``bash ci/fuzz.sh`` (CI runs
it for 60 s).

Any str or bytes, through demangle(), parse(), demangle_many() and
demangle_text(), with any valid options (every option, in its range): only
DemangleError may come out, parse() gives demangle()'s text,
demangle_many() and demangle_text() never fail, and text that holds no
symbol character (nor the `?` of a Microsoft name) comes back as it went in.
"""

import sys

import atheris

with atheris.instrument_imports():
    from cpp_demangle import (
        DEFAULT_RECURSION_LIMIT,
        DemangleError,
        demangle,
        demangle_many,
        demangle_text,
        parse,
    )

FORMATS = ["auto", "gnu-v3", "java", "gnat", "dlang", "rust", "msvc", "none"]
# The bytes a name in text can start with: a symbol character, or the `?`
# of a Microsoft name (`??@@@` is the MD5 name `??@@`, its trailing `@`s
# dropped as llvm-undname drops them: found with FUZZ_SEED=23).
SYMBOL_BYTES = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.?")


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    options = {
        "params": fdp.ConsumeBool(),
        "return_type": fdp.ConsumeBool(),
        "types": fdp.ConsumeBool(),
        "style": fdp.PickValueInList(["c++filt", "libstdc++"]),
        "verbose": fdp.ConsumeBool(),
        "strip_underscore": fdp.ConsumeBool(),
        "recursion_limit": fdp.ConsumeIntInRange(1, DEFAULT_RECURSION_LIMIT),
        "max_length": fdp.ConsumeIntInRange(1, 1 << 21),
        "format": fdp.PickValueInList(FORMATS),
        "templates": fdp.ConsumeBool(),
        "suffixes": fdp.ConsumeBool(),
        "hash": fdp.ConsumeBool(),
        "threads": fdp.PickValueInList([None, 1, 2]),
    }
    as_text = fdp.ConsumeBool()
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    symbol = raw.decode("utf-8", "surrogateescape") if as_text else raw
    try:
        text = demangle(symbol, **options)
    except DemangleError:
        text = None
    try:
        parsed = parse(symbol, **options).text
    except DemangleError:
        parsed = None
    assert parsed == text, (symbol, parsed, text)
    assert len(demangle_many([symbol, symbol], **options)) == 2
    if isinstance(symbol, str) and any(0xDC80 <= ord(c) <= 0xDCFF for c in symbol):
        symbol = raw
    out = demangle_text(symbol, **options)
    if not SYMBOL_BYTES.intersection(raw):
        assert out == symbol


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
