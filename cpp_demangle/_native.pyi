from collections.abc import Iterable
from typing import Literal, TypeVar, final, overload

from typing_extensions import TypedDict, Unpack

__all__ = [
    "ArrowColumn",
    "DEFAULT_MAX_LENGTH",
    "DEFAULT_RECURSION_LIMIT",
    "DemangleError",
    "OPTIONS",
    "cli_main",
    "demangle",
    "demangle_arrow",
    "demangle_many",
    "demangle_text",
]

DEFAULT_MAX_LENGTH: int
DEFAULT_RECURSION_LIMIT: int
OPTIONS: list[str]

class DemangleError(ValueError): ...

_Style = Literal["c++filt", "libstdc++"]
_Format = Literal["auto", "gnu-v3", "java", "gnat", "dlang", "rust", "msvc", "none"]
_Text = TypeVar("_Text", str, bytes)

class _Options(TypedDict, total=False):
    """The keyword options every function takes; see help(cpp_demangle)."""

    params: bool
    return_type: bool
    types: bool
    style: _Style
    format: _Format
    verbose: bool
    strip_underscore: bool
    recursion_limit: int
    max_length: int

def demangle(symbol: str | bytes, **options: Unpack[_Options]) -> str: ...
@overload
def demangle_many(symbols: Iterable[str], **options: Unpack[_Options]) -> list[str]: ...
@overload
def demangle_many(symbols: Iterable[str | bytes], **options: Unpack[_Options]) -> list[str | bytes]: ...
def demangle_text(text: _Text, **options: Unpack[_Options]) -> _Text: ...
def cli_main(argv: list[bytes]) -> int: ...

@final
class ArrowColumn:
    """A demangled column, read through the Arrow PyCapsule interface."""

    def __len__(self) -> int: ...
    @property
    def num_chunks(self) -> int: ...
    def __arrow_c_schema__(self) -> object: ...
    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[object, object]: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

def demangle_arrow(column: object, **options: Unpack[_Options]) -> ArrowColumn: ...
