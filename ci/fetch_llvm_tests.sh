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
mkdir -p "$WORK/lists/partial" "$WORK/dl" "$OUT"
echo "deb-src [trusted=yes] http://deb.debian.org/debian sid main" > "$WORK/sources.list"
APT=(-o "Dir::Etc::SourceList=$WORK/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o "Dir::State::Lists=$WORK/lists" -o Debug::NoLocking=1)
apt-get "${APT[@]}" update >&2
# Only the upstream tarball is needed (the mirror has been seen to miss the
# .dsc, which apt then reports as a failure).
(cd "$WORK/dl" && apt-get "${APT[@]}" source --download-only "llvm-toolchain-19=$VERSION" >&2) || true
ls "$WORK"/dl/llvm-toolchain-19_*.orig.tar.xz >/dev/null
tar -C "$WORK" -xJf "$WORK"/dl/llvm-toolchain-19_*.orig.tar.xz --wildcards '*/llvm/test/Demangle/ms-*.test'
cp "$WORK"/*/llvm/test/Demangle/ms-*.test "$OUT/"
echo "$OUT"
