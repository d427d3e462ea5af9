"""Build of the cpp-demangle package: a Rust extension through setuptools-rust.

Metadata lives in setup.cfg; this file declares the extension and two
commands of the project's own:

* ``bdist_wheel`` builds an abi3 wheel (setup.cfg), except on a free-threaded
  CPython, which has no stable ABI and gets a version-specific wheel.
* ``test`` builds the extension in place (abi3, as the wheel is) and runs the
  docstring examples and ``tests/`` with pytest. setuptools removed its own
  ``test`` command in 72.0; ``python setup.py test`` keeps working here.
"""

import subprocess
import sys
import sysconfig

from setuptools import Command, setup
try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools older than 70.1
    from wheel.bdist_wheel import bdist_wheel
from setuptools_rust import Binding, RustExtension


def free_threaded() -> bool:
    return bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


class BdistWheel(bdist_wheel):
    def finalize_options(self) -> None:
        if free_threaded():
            self.py_limited_api = False
        super().finalize_options()


class Test(Command):
    description = "build the extension in place and run the doctests and tests/"
    user_options = [("pytest-args=", "a", "more arguments for pytest, as one string")]

    def initialize_options(self) -> None:
        self.pytest_args = ""

    def finalize_options(self) -> None:
        pass

    def run(self) -> None:
        # build_rust takes py_limited_api from the bdist_wheel command, which
        # exists only once something has asked for it.
        self.distribution.get_command_obj("bdist_wheel").ensure_finalized()
        build_rust = self.reinitialize_command("build_rust", inplace=True)
        build_rust.ensure_finalized()
        self.run_command("build_rust")
        # A child interpreter started in the project directory imports the
        # package just built in place, not an installed copy.
        command = [sys.executable, "-m", "pytest", *self.pytest_args.split()]
        code = subprocess.call(command)
        if code != 0:
            raise SystemExit(code)


setup(
    rust_extensions=[
        RustExtension(
            "cpp_demangle._native",
            path="src/python/Cargo.toml",
            binding=Binding.PyO3,
        )
    ],
    cmdclass={"bdist_wheel": BdistWheel, "test": Test},
)
