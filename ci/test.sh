#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a fresh machine: it makes its
# own venv, installs what the build and the tests need, builds, and runs
#   0. the lint gate (ruff check and format, cargo fmt, clippy -D warnings),
#      GNU c++filt 2.47 and GNU's demangler test suite, the references
#      (ci/build_cxxfilt.sh, from Debian's source packages), and LLVM 19's
#      llvm-undname and its Microsoft tests (apt, ci/fetch_llvm_tests.sh),
#      swift-demangle 6.2.3 and Swift's demangler test lists (Debian sid's
#      swiftlang packages, ci/build_swift_demangle.sh),
#   1. the Rust tests of the demangling core and the command (cargo test),
#   2. `python setup.py test`: the extension built in place (abi3, as in the
#      wheel), every docstring example and tests/,
#   3. the documentation site built with warnings as errors (its examples
#      run in step 2, tests/test_docs.py), and ci/fuzz.sh: each fuzz
#      target for 60 s (crashes and demangle() against parse(); every
#      format against libiberty 2.47; the Python API under atheris), seeded
#      from the committed fixtures,
#   4. ci/slow.sh: the slow tests, the cluster recipes on Dask, Spark and
#      Ray started here and Arrow columns past 2 GiB (its own time budget;
#      SKIP_SLOW=1 leaves it out),
#   5. ci/release_rehearsal.sh: the release files checked, the sdist and the
#      wheels built (manylinux2014 and macOS without Docker), uploaded to a
#      local index and installed from it as users do, on every CPython 3.10
#      to 3.13 here, and the test suite run against each install.
# Set SKIP_PACKAGES=1 to leave out step 5.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

echo "== venv $VENV from $($PYTHON --version)"
"$PYTHON" -m venv --clear "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -r ci/requirements-test.txt

echo "== lint: ruff, rustfmt, clippy"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets -- -D warnings

echo "== GNU c++filt 2.47, the reference, and GNU's test suite (ci/build_cxxfilt.sh)"
# Without it the conformance and c++filt-differential tests skip, saying so.
bash ci/build_cxxfilt.sh > target-cxxfilt.log 2>&1 && tail -n 1 target-cxxfilt.log \
  || { tail -n 5 target-cxxfilt.log; echo "c++filt 2.47 could not be built: its tests will skip"; }
rm -f target-cxxfilt.log

echo "== LLVM 19, the reference for Microsoft names, and LLVM's tests of it (ci/fetch_llvm_tests.sh)"
# Without them the llvm-undname and LLVM-suite tests skip, saying so (the
# committed fixtures of real names run everywhere).
if ! command -v llvm-undname-19 >/dev/null; then
  (apt-get install -y -q llvm-19 > target-llvm.log 2>&1 || sudo -n apt-get install -y -q llvm-19 > target-llvm.log 2>&1) \
    || { tail -n 3 target-llvm.log; echo "llvm-19 could not be installed: its tests will skip"; }
  rm -f target-llvm.log
fi
bash ci/fetch_llvm_tests.sh > target-llvm.log 2>&1 && tail -n 1 target-llvm.log \
  || { tail -n 5 target-llvm.log; echo "LLVM's tests could not be fetched: they will skip"; }
rm -f target-llvm.log

echo "== swift-demangle 6.2.3, the reference for Swift names, and Swift's test lists (ci/build_swift_demangle.sh)"
# Debian sid's swiftlang binary and source packages (about 800 MB, and the
# toolchain's Swift-written libraries kept for the held-out slow test);
# without them the Swift test lists, the check of the fixtures against
# swift-demangle and the held-out test skip, saying so (the committed
# fixtures run everywhere).
SWIFT_TESTS=1 SWIFT_TOOLS=1 bash ci/build_swift_demangle.sh > target-swift.log 2>&1 && tail -n 1 target-swift.log \
  || { tail -n 5 target-swift.log; echo "swift-demangle could not be fetched: its tests will skip"; }
rm -f target-swift.log

echo "== cargo test (the demangling core)"
cargo test --locked -p demangler -p cpp-demangle-cli

echo "== python setup.py test (doctests and tests/)"
"$VENV/bin/python" setup.py --quiet test

echo "== the documentation site, warnings as errors (docs/mkdocs.yml)"
"$VENV/bin/python" -m pip install --quiet -r ci/requirements-docs.txt
NO_MKDOCS_2_WARNING=1 PYTHONPATH=. "$VENV/bin/mkdocs" build --quiet --strict -f docs/mkdocs.yml

echo "== fuzzing: each target a fixed number of inputs, about a minute (ci/fuzz.sh; budget ${FUZZ_BUDGET:-900} s)"
# A crash, a hang, demangle() differing from parse(), or a name printed
# differently from libiberty 2.47 fails the run; what was found is kept in
# target/fuzz/artifacts.
timeout --kill-after=30 "${FUZZ_BUDGET:-900}" env PYTHON="$VENV/bin/python" FUZZ_RUNS=1 \
  bash ci/fuzz.sh "${FUZZ_SECONDS:-60}" demangle differential atheris

if [ "${SKIP_SLOW:-0}" != 1 ]; then
  # Dask, Spark and Ray installed and started, gigabytes of Arrow data: a
  # step with its own time budget.
  VENV="$VENV" bash ci/slow.sh
fi

if [ "${SKIP_PACKAGES:-0}" != 1 ]; then
  echo "== release rehearsal"
  PYTHON="$VENV/bin/python" bash ci/release_rehearsal.sh
fi
