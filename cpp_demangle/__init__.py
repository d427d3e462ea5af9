"""Demangle C++ linker symbols into readable names, as GNU c++filt does.

The work is done by a compiled Rust core; this package re-exports it.

>>> import cpp_demangle
>>> cpp_demangle.demangle("_ZN7mangled3fooEd")
'mangled::foo(double)'
>>> cpp_demangle.demangle(b"_ZNSt6vectorIiSaIiEE9push_backERKi", params=False)
'std::vector<int, std::allocator<int> >::push_back'

Anything that is not a mangled name raises DemangleError, a ValueError:

>>> try:
...     cpp_demangle.demangle("main")
... except ValueError as error:
...     print(error)
cannot demangle 'main': not a mangled C++ symbol
"""

from cpp_demangle._native import DemangleError, demangle

__version__ = "0.2.0"

__all__ = ["DemangleError", "__version__", "demangle"]
