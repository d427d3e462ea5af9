"""atheris target on the Python API: run it with ``bash ci/fuzz.sh``.

Any str or bytes, through demangle(), demangle_many() and demangle_text(),
with any options: only DemangleError may come out, demangle_many() and
demangle_text() never fail, and text that holds no symbol character comes
back as it went in.
"""

import sys

import atheris

with atheris.instrument_imports():
    from cpp_demangle import DemangleError, demangle, demangle_many, demangle_text

SYMBOL_BYTES = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.")


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    options = {
        "params": fdp.ConsumeBool(),
        "return_type": fdp.ConsumeBool(),
        "types": fdp.ConsumeBool(),
        "style": fdp.PickValueInList(["c++filt", "libstdc++"]),
        "verbose": fdp.ConsumeBool(),
        "strip_underscore": fdp.ConsumeBool(),
        "recursion_limit": fdp.ConsumeIntInRange(1, 5000),
        "max_length": fdp.ConsumeIntInRange(1, 1 << 21),
    }
    as_text = fdp.ConsumeBool()
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    symbol = raw.decode("utf-8", "surrogateescape") if as_text else raw
    try:
        demangle(symbol, **options)
    except DemangleError:
        pass
    assert len(demangle_many([symbol, symbol], **options)) == 2
    if isinstance(symbol, str) and any(0xDC80 <= ord(c) <= 0xDCFF for c in symbol):
        symbol = raw
    out = demangle_text(symbol, **options)
    if not SYMBOL_BYTES.intersection(raw):
        assert out == symbol


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
