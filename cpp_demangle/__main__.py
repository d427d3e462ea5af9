"""``python -m cpp_demangle``: the ``cpp-demangle`` command."""

import sys

from cpp_demangle.cli import main

if __name__ == "__main__":
    sys.exit(main())
