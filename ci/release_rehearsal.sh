#!/usr/bin/env bash
# Rehearse a release on this machine, every part that can run without
# Docker or a real PyPI:
#   - the CI configurations against their schemas, and cibuildwheel's build
#     identifiers against the wheel matrix;
#   - the sdist, a manylinux2014 x86_64 wheel built with cargo-zigbuild (glibc
#     2.17), checked with auditwheel and abi3audit, and the macOS x86_64 and
#     arm64 wheels cross-built the same way from the sdist;
#   - `twine check --strict`, an upload with twine to a pypiserver on
#     127.0.0.1, and installs from that index: the wheel, binary only, into a
#     fresh venv of every CPython 3.10 to 3.13 pyenv has, with no cargo on
#     PATH, each running the test suite; the sdist, compiled, likewise;
#   - bump2version on a throwaway clone: the tag and every version string.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d)
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo; echo "== $*"; }

step "tools (ci/requirements-release.txt)"
"$PYTHON" -m venv "$WORK/tools"
"$WORK/tools/bin/python" -m pip install --quiet --upgrade pip
"$WORK/tools/bin/python" -m pip install --quiet -r ci/requirements-release.txt
export PATH="$WORK/tools/bin:$PATH"
VERSION=$(python -c "import configparser; c = configparser.ConfigParser(); c.read('setup.cfg'); print(c['metadata']['version'])")
echo "version $VERSION"

step "CI configurations against their schemas"
check-jsonschema --builtin-schema vendor.travis .travis.yml
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
python ci/check_release_files.py appveyor-schema "$WORK/appveyor.schema.json"
check-jsonschema --schemafile "$WORK/appveyor.schema.json" appveyor.yml

step "cibuildwheel $(python -c 'import importlib.metadata as m; print(m.version("cibuildwheel"))'): build identifiers"
python ci/check_release_files.py matrix

step "sdist"
python -m build --sdist --outdir "$WORK/dist" . > "$WORK/sdist.log" 2>&1 || { cat "$WORK/sdist.log"; exit 1; }
SDIST="$WORK/dist/cpp_demangle-$VERSION.tar.gz"
ls -l "$SDIST"
mkdir "$WORK/src" && tar -xzf "$SDIST" -C "$WORK/src"
SRC="$WORK/src/cpp_demangle-$VERSION"

ZIG=$(python -c 'import ziglang, os; print(os.path.join(os.path.dirname(ziglang.__file__), "zig"))')
zigbuild() {  # TARGET PLAT-NAME DEPLOYMENT-TARGET: a wheel from the sdist
  rm -rf "$SRC/build"
  (cd "$SRC" && CARGO_ZIGBUILD_ZIG_PATH="$ZIG" CARGO=cargo-zigbuild CARGO_BUILD_TARGET="$1" \
     MACOSX_DEPLOYMENT_TARGET="$3" python setup.py -q bdist_wheel --plat-name "$2" -d "$WORK/raw/$2" \
     > "$WORK/zigbuild.log" 2>&1) || { tail -n 30 "$WORK/zigbuild.log"; exit 1; }
}

step "manylinux2014 x86_64 wheel (cargo-zigbuild, glibc 2.17)"
zigbuild x86_64-unknown-linux-gnu.2.17 linux_x86_64 ""
SHOW=$(auditwheel show "$WORK"/raw/linux_x86_64/*.whl 2>/dev/null)
printf '%s\n' "$SHOW" | grep -A1 "consistent with"
case "$SHOW" in
  *'"manylinux_2_17_x86_64"'*) ;;
  *) echo "auditwheel: the wheel is not manylinux2014 (glibc 2.17)"; exit 1 ;;
esac
auditwheel repair --plat manylinux2014_x86_64 -w "$WORK/dist" "$WORK"/raw/linux_x86_64/*.whl 2>&1 | tail -n 1
abi3audit --strict "$WORK"/dist/*.whl && echo "abi3audit --strict: clean"

step "macOS x86_64 and arm64 wheels (cargo-zigbuild)"
if rustup target add x86_64-apple-darwin aarch64-apple-darwin > "$WORK/rustup.log" 2>&1; then
  zigbuild x86_64-apple-darwin macosx_10_12_x86_64 10.12
  zigbuild aarch64-apple-darwin macosx_11_0_arm64 11.0
  mkdir -p "$WORK/macos"
  cp "$WORK"/raw/macosx_*/*.whl "$WORK/macos/"
  python ci/check_release_files.py wheel-tags "$WORK/macos"
  abi3audit --strict "$WORK"/macos/*.whl && echo "abi3audit --strict: clean"
else
  cat "$WORK/rustup.log"
  echo "the macOS Rust targets cannot be installed here: macOS wheels not rehearsed"
fi
python ci/check_release_files.py wheel-tags "$WORK/dist"

step "twine check --strict"
twine check --strict "$WORK"/dist/* "$WORK"/macos/*.whl 2>/dev/null || twine check --strict "$WORK"/dist/*

step "upload to a pypiserver on 127.0.0.1"
mkdir "$WORK/index"
PORT=$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pypi-server run -i 127.0.0.1 -p "$PORT" -a . -P . "$WORK/index" > "$WORK/pypiserver.log" 2>&1 &
SERVER=$!
for _ in $(seq 50); do
  python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/simple/')" 2>/dev/null && break
  sleep 0.2
done
twine upload --non-interactive --repository-url "http://127.0.0.1:$PORT/" -u rehearsal -p rehearsal "$WORK"/dist/*
INDEX="http://127.0.0.1:$PORT/simple/"

run_tests() {  # VENV: the test suite against the installed package, from outside the checkout
  "$1/bin/python" -m pip install --quiet "pytest>=8"
  (cd "$WORK" && "$1/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/tests" | tail -n 1)
  [ "$("$1/bin/cpp-demangle" _ZN7mangled3fooEd)" = "mangled::foo(double)" ]
}

step "the wheel from the index, binary only, no cargo on PATH, every CPython here"
NO_RUST_PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e cargo -e rustup | paste -sd: -)
tested=0
for version in 3.10 3.11 3.12 3.13; do
  prefix=$(pyenv prefix "$version" 2>/dev/null || true)
  if [ -z "$prefix" ] || [ ! -x "$prefix/bin/python$version" ]; then
    echo "CPython $version: not installed here, skipped"
    continue
  fi
  venv="$WORK/venv-$version"
  "$prefix/bin/python$version" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  PATH="$NO_RUST_PATH" "$venv/bin/python" -m pip install --quiet --no-deps --only-binary=:all: \
    --index-url "$INDEX" "cpp-demangle==$VERSION"
  echo -n "CPython $version, $(basename "$(ls "$venv"/lib/python*/site-packages/cpp_demangle-*.dist-info -d)"): "
  run_tests "$venv"
  tested=$((tested + 1))
done
[ "$tested" -gt 0 ] || { echo "no CPython to test the wheel on"; exit 1; }

step "the sdist from the index, compiled with cargo"
venv="$WORK/venv-sdist"
"$PYTHON" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet --no-binary cpp-demangle --index-url "$INDEX" \
  --extra-index-url https://pypi.org/simple/ "cpp-demangle==$VERSION"
echo -n "$("$venv/bin/python" --version), sdist: "
run_tests "$venv"

step "bump2version on a throwaway clone"
git clone --quiet "$ROOT" "$WORK/bump"
(
  cd "$WORK/bump"
  GIT_AUTHOR_NAME=rehearsal GIT_AUTHOR_EMAIL=rehearsal@localhost GIT_COMMITTER_NAME=rehearsal \
    GIT_COMMITTER_EMAIL=rehearsal@localhost bump2version patch
  NEW=$(python -c "import configparser; c = configparser.ConfigParser(); c.read('setup.cfg'); print(c['metadata']['version'])")
  [ "$NEW" != "$VERSION" ] || { echo "bump2version changed nothing"; exit 1; }
  git tag --points-at HEAD | grep -qx "v$NEW" || { echo "no tag v$NEW"; exit 1; }
  [ -z "$(git status --porcelain)" ] || { echo "bump2version left changes uncommitted"; exit 1; }
  python "$ROOT/tests/test_version.py" "$WORK/bump" "$NEW"
  echo "bumped $VERSION -> $NEW, tagged v$NEW, every version string agrees"
)
