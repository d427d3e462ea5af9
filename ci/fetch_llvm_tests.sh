#!/usr/bin/env bash
# Fetch LLVM's own tests of its Microsoft demangler (llvm/test/Demangle/
# ms-*.test of LLVM 19) from Debian's `llvm-toolchain-19` source package,
# without installing anything, into target/llvm/19/Demangle:
#
#   bash ci/fetch_llvm_tests.sh [DEBIAN_VERSION]    # default 1:19.1.7-22
#
# About 30 s (a 160 MB download, of which only the tests are unpacked).
# Nothing of it is shipped: tests/test_msvc.py runs the suite against
# cpp_demangle where it is fetched, and skips it, saying so, where not.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${1:-1:19.1.7-22}
OUT=$PWD/target/llvm/19/Demangle
if ls "$OUT"/ms-*.test >/dev/null 2>&1; then echo "$OUT"; exit 0; fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
bash ci/debian_source.sh "llvm-toolchain-19=$VERSION" "$WORK/dl"
ls "$WORK"/dl/llvm-toolchain-19_*.orig.tar.xz >/dev/null
tar -C "$WORK" -xJf "$WORK"/dl/llvm-toolchain-19_*.orig.tar.xz --wildcards '*/llvm/test/Demangle/ms-*.test'
cp "$WORK"/*/llvm/test/Demangle/ms-*.test "$OUT/"
echo "$OUT"
