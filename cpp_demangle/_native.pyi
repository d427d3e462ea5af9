from typing import Union

class DemangleError(ValueError): ...

def demangle(
    symbol: Union[str, bytes], *, params: bool = True, return_type: bool = True
) -> str: ...
