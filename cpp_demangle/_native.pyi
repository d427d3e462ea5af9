from collections.abc import Iterable
from typing import Literal, TypeVar, final, overload

from typing_extensions import TypedDict, Unpack

__all__ = [
    "ArrowColumn",
    "DEFAULT_MAX_LENGTH",
    "DEFAULT_RECURSION_LIMIT",
    "DemangleError",
    "OPTIONS",
    "Symbol",
    "cli_main",
    "demangle",
    "demangle_arrow",
    "demangle_many",
    "demangle_text",
    "parse",
    "parse_many",
    "take_serial_seconds",
]

DEFAULT_MAX_LENGTH: int
DEFAULT_RECURSION_LIMIT: int
OPTIONS: list[str]

class DemangleError(ValueError): ...

_Style = Literal["c++filt", "libstdc++"]
_Format = Literal["auto", "gnu-v3", "java", "gnat", "dlang", "rust", "msvc", "swift", "none"]
_Text = TypeVar("_Text", str, bytes)

class _Options(TypedDict, total=False):
    """The keyword options every function takes; see help(cpp_demangle)."""

    params: bool
    return_type: bool
    templates: bool
    suffixes: bool
    hash: bool
    simplified: bool
    types: bool
    style: _Style
    format: _Format
    verbose: bool
    strip_underscore: bool
    recursion_limit: int
    max_length: int
    threads: int | None

def demangle(symbol: str | bytes, **options: Unpack[_Options]) -> str: ...
@overload
def demangle_many(symbols: Iterable[str], **options: Unpack[_Options]) -> list[str]: ...
@overload
def demangle_many(symbols: Iterable[str | bytes], **options: Unpack[_Options]) -> list[str | bytes]: ...
def demangle_text(text: _Text, **options: Unpack[_Options]) -> _Text: ...
def cli_main(argv: list[bytes]) -> int: ...
def take_serial_seconds() -> float: ...

_Span = tuple[int, int]

@final
class Symbol:
    """A demangled name and its parts; see parse()."""

    def __new__(
        cls,
        text: str,
        language: str,
        kind: str,
        special: str | None,
        name: _Span | None,
        scope: _Span | None,
        base_name: _Span | None,
        template_args: list[_Span],
        parameters: _Span | None,
        return_type: _Span | None,
        qualifiers: _Span | None,
        suffix: _Span | None,
        is_ctor_or_dtor: bool,
        module: _Span | None = None,
    ) -> Symbol: ...
    def __reduce__(self) -> tuple[type[Symbol], tuple[object, ...]]: ...
    def __hash__(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    @property
    def text(self) -> str: ...
    @property
    def language(self) -> Literal["c++", "rust", "d", "java", "ada", "swift"]: ...
    @property
    def kind(self) -> Literal["function", "data", "special", "unknown"]: ...
    @property
    def special(self) -> str | None: ...
    @property
    def name(self) -> str: ...
    @property
    def scope(self) -> str: ...
    @property
    def base_name(self) -> str: ...
    @property
    def template_args(self) -> list[str]: ...
    @property
    def parameters(self) -> str: ...
    @property
    def return_type(self) -> str: ...
    @property
    def qualifiers(self) -> str: ...
    @property
    def suffix(self) -> str: ...
    @property
    def is_ctor_or_dtor(self) -> bool: ...
    @property
    def module(self) -> str: ...
    @property
    def spans(self) -> dict[str, _Span | list[_Span]]: ...

def parse(symbol: str | bytes, **options: Unpack[_Options]) -> Symbol: ...
def parse_many(symbols: Iterable[str | bytes], **options: Unpack[_Options]) -> list[Symbol | None]: ...

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
