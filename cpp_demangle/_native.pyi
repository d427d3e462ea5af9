from typing import Iterable, List, Literal, TypeVar, Union, overload

DEFAULT_MAX_LENGTH: int
DEFAULT_RECURSION_LIMIT: int

class DemangleError(ValueError): ...

_Style = Literal["c++filt", "libstdc++"]
_Text = TypeVar("_Text", str, bytes)

def demangle(
    symbol: Union[str, bytes],
    *,
    params: bool = True,
    return_type: bool = True,
    types: bool = False,
    style: _Style = "c++filt",
    verbose: bool = True,
    strip_underscore: bool = False,
    recursion_limit: int = 4096,
    max_length: int = ...,
) -> str: ...
@overload
def demangle_many(
    symbols: Iterable[str],
    *,
    params: bool = True,
    return_type: bool = True,
    types: bool = False,
    style: _Style = "c++filt",
    verbose: bool = True,
    strip_underscore: bool = False,
    recursion_limit: int = 4096,
    max_length: int = ...,
) -> List[str]: ...
@overload
def demangle_many(
    symbols: Iterable[Union[str, bytes]],
    *,
    params: bool = True,
    return_type: bool = True,
    types: bool = False,
    style: _Style = "c++filt",
    verbose: bool = True,
    strip_underscore: bool = False,
    recursion_limit: int = 4096,
    max_length: int = ...,
) -> List[Union[str, bytes]]: ...
def demangle_text(
    text: _Text,
    *,
    params: bool = True,
    return_type: bool = True,
    types: bool = False,
    style: _Style = "c++filt",
    verbose: bool = True,
    strip_underscore: bool = False,
    recursion_limit: int = 4096,
    max_length: int = ...,
) -> _Text: ...
def demangle_argument(
    argument: _Text,
    *,
    params: bool = True,
    return_type: bool = True,
    types: bool = False,
    style: _Style = "c++filt",
    verbose: bool = True,
    strip_underscore: bool = False,
    recursion_limit: int = 4096,
    max_length: int = ...,
) -> Union[str, _Text]: ...
def complete_prefix_len(chunk: bytes) -> int: ...
