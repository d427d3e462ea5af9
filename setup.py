"""Build of the cpp-demangle package: a Rust extension through setuptools-rust.

Metadata lives in setup.cfg; this file declares the extension, the native
``cpp-demangle`` command (a Rust executable installed with the scripts), and
two commands of the project's own:

* ``bdist_wheel`` builds an abi3 wheel (setup.cfg), except on a free-threaded
  CPython, which has no stable ABI and gets a version-specific wheel.
* ``test`` builds the extension in place (abi3, as the wheel is) and runs the
  docstring examples and ``tests/`` with pytest, quietly unless asked with
  ``python setup.py -v test``. setuptools removed its own ``test`` command in
  72.0; ``python setup.py test`` keeps working here.
"""

import subprocess
import sys
import sysconfig

try:
    from setuptools import Command, setup
    from setuptools.command.bdist_wheel import bdist_wheel  # setuptools 70.1+
    from setuptools_rust import Binding, RustBin, RustExtension
except ImportError as missing:
    # The venvs of CPython 3.10 and 3.11 come with an older setuptools.
    sys.exit(
        f"cpp-demangle's setup.py needs what pyproject.toml lists ({missing}): "
        "python -m pip install -U 'setuptools>=77' 'setuptools-rust>=1.13' pytest"
    )


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
        # Cargo's own progress, but not every rustc command line, unless -v.
        build_rust.verbose = max(0, self.distribution.verbose - 1)
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
        ),
        # The command line, native so that it starts as fast as c++filt.
        RustBin("cpp-demangle", path="src/cli/Cargo.toml"),
    ],
    cmdclass={"bdist_wheel": BdistWheel, "test": Test},
)
