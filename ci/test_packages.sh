#!/usr/bin/env bash
# Build the sdist and, from it, the abi3 wheel; then, as a user would:
#   - install the wheel into a fresh venv of every CPython 3.9 to 3.13 that
#     pyenv has here (one wheel serves them all) and run the tests there,
#     against the installed package, with no Rust toolchain on PATH;
#   - install the sdist into a fresh venv (compiling it) and run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$PYTHON" -m build --outdir "$WORK/dist" . >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
SDIST=$(ls "$WORK"/dist/*.tar.gz)
WHEEL=$(ls "$WORK"/dist/*.whl)
echo "built $(basename "$SDIST") and $(basename "$WHEEL")"
case "$WHEEL" in
  *-cp39-abi3-*.whl) ;;
  *) echo "expected a cp39-abi3 wheel, got $WHEEL"; exit 1 ;;
esac

# Run the suite against an installed package: from outside the checkout, so
# that `import cpp_demangle` finds the venv's copy, not the source tree.
run_tests() {
  local venv=$1
  "$venv/bin/python" -m pip install --quiet "pytest>=8"
  (cd "$WORK" && "$venv/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/tests" \
      | tail -n 1)
}

NO_RUST_PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e cargo -e rustup | paste -sd: -)
tested=0
for version in 3.9 3.10 3.11 3.12 3.13; do
  prefix=$(pyenv prefix "$version" 2>/dev/null || true)
  interpreter="$prefix/bin/python$version"
  if [ -z "$prefix" ] || [ ! -x "$interpreter" ]; then
    echo "CPython $version: not installed here, skipped"
    continue
  fi
  venv="$WORK/venv-$version"
  "$interpreter" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  PATH="$NO_RUST_PATH" "$venv/bin/python" -m pip install --quiet --only-binary=:all: "$WHEEL"
  echo -n "CPython $version, wheel: "
  run_tests "$venv"
  tested=$((tested + 1))
done
[ "$tested" -gt 0 ] || { echo "no CPython found to test the wheel on"; exit 1; }

venv="$WORK/venv-sdist"
"$PYTHON" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet --no-binary=cpp-demangle "$SDIST"
echo -n "$("$venv/bin/python" --version), sdist: "
run_tests "$venv"
