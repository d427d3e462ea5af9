"""Which cpp_demangle the tests use.

In a checkout built in place (``python setup.py test``) it is the source
tree. In an unpacked sdist, whose tree has no built extension, ``python -m
pytest`` would put that tree first on ``sys.path``: the tests then use the
installed package instead, as a packager testing a built wheel expects.
"""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent.parent)

try:
    import cpp_demangle  # noqa: F401
except ImportError:
    sys.path[:] = [p for p in sys.path if p not in ("", ".", ROOT)]
    sys.modules.pop("cpp_demangle", None)
    import cpp_demangle  # noqa: F401
