#!/usr/bin/env bash
# swift-demangle of a given Swift release, the reference (oracle) for Swift
# names, from Debian's binary packages, without installing anything:
#
#   bash ci/build_swift_demangle.sh [VERSION] [DEBIAN_REVISION]   # default 6.2.3 1+b1
#
# Debian's `swiftlang` (sid) needs a newer glibc than this machine may have,
# so the program runs under sid's own loader and libraries: this downloads
# `swiftlang`, `libswiftlang`, `libc6`, `libstdc++6` and `libgcc-s1` through a
# private list of Debian's unstable suite (as ci/debian_source.sh does for
# sources; the swiftlang package is 565 MB), keeps swift-demangle,
# libswiftDemangle.so and the Swift runtime libraries it loads, and writes a
# launcher, target/swift/<VERSION>/swift-demangle, whose path it prints. With
# SWIFT_TESTS=1 it also takes Swift's demangler test lists
# (test/Demangle/Inputs of the `swiftlang` source package, a 243 MB
# tarball) into target/swift/<VERSION>/Inputs. With SWIFT_TOOLS=1 it also
# keeps the Swift-written libraries of the toolchain (SwiftSyntax and the
# compiler's macro plugins, SwiftPM's APIs, SourceKit's plugins: about
# 230 MB) in target/swift/<VERSION>/tools, the held-out Swift symbols of
# benchmarks/swift_corpus.py and the slow tests. Cached: a second run prints
# the path at once. Nothing of it is shipped: tests and fixtures use it as
# an oracle, and skip, saying so, where it cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${1:-6.2.3}
REVISION=${2:-1+b1}
OUT=$PWD/target/swift/$VERSION
# Every work folder of this run goes at its end (one trap for them all: a
# second trap would replace the first, and leave the 565 MB package behind).
WORK= TOOLS= DL=
trap 'rm -rf ${WORK:+"$WORK"} ${TOOLS:+"$TOOLS"} ${DL:+"$DL"}' EXIT
# The Swift-written libraries of the swiftlang package DEB into $OUT/tools.
extract_tools() {
  mkdir -p "$OUT/tools"
  dpkg-deb --fsys-tarfile "$1" | tar -x -C "$OUT/tools" --strip-components=4 --wildcards \
    './usr/libexec/swift/lib/swift/host/*' './usr/libexec/swift/lib/swift/pm/*' \
    './usr/libexec/swift/lib/libSwiftSourceKit*Plugin.so'
}
if [ ! -x "$OUT/swift-demangle" ]; then
  WORK=$(mktemp -d)
  mkdir -p "$WORK/lists/partial" "$WORK/cache/archives/partial" "$WORK/debs" "$WORK/root"
  echo "deb [trusted=yes] http://deb.debian.org/debian sid main" > "$WORK/sources.list"
  APT=(-o "Dir::Etc::SourceList=$WORK/sources.list" -o Dir::Etc::SourceParts=/dev/null
       -o "Dir::State::Lists=$WORK/lists" -o "Dir::Cache=$WORK/cache" -o Debug::NoLocking=1)
  apt-get "${APT[@]}" update >&2
  (cd "$WORK/debs" && apt-get "${APT[@]}" download \
    "swiftlang=$VERSION-$REVISION" "libswiftlang=$VERSION-$REVISION" libc6 libstdc++6 libgcc-s1 >&2)
  # From swiftlang only the program and its demangling library (and with
  # SWIFT_TOOLS=1 the Swift-written libraries); the runtime libraries are
  # libswiftlang's.
  dpkg-deb --fsys-tarfile "$WORK"/debs/swiftlang_*.deb |
    tar -x -C "$WORK/root" ./usr/libexec/swift/bin/swift-demangle ./usr/libexec/swift/lib/libswiftDemangle.so
  if [ "${SWIFT_TOOLS:-0}" = 1 ]; then
    extract_tools "$WORK"/debs/swiftlang_*.deb
  fi
  for deb in "$WORK"/debs/libswiftlang_*.deb "$WORK"/debs/libc6_*.deb "$WORK"/debs/libstdc++6_*.deb \
             "$WORK"/debs/libgcc-s1_*.deb; do
    dpkg-deb -x "$deb" "$WORK/root"
  done
  mkdir -p "$OUT/bin" "$OUT/lib" "$OUT/swift"
  cp "$WORK/root/usr/libexec/swift/bin/swift-demangle" "$OUT/bin/"
  cp "$WORK/root/usr/libexec/swift/lib/libswiftDemangle.so" "$OUT/lib/"
  cp -a "$WORK/root/usr/libexec/swift/lib/swift/linux/." "$OUT/swift/"
  cp -a "$WORK/root/usr/lib/x86_64-linux-gnu/." "$OUT/lib/"
  # sid's loader, sid's C and C++ libraries first, then Swift's runtime,
  # then this machine's (zlib, zstd).
  cat > "$OUT/swift-demangle" <<SH
#!/bin/sh
exec "$OUT/lib/ld-linux-x86-64.so.2" --library-path "$OUT/lib:$OUT/swift:/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu" "$OUT/bin/swift-demangle" "\$@"
SH
  chmod +x "$OUT/swift-demangle"
  # It must run and print what Swift's own tests say it prints.
  got=$(echo '$s10Foundation4DataV5countSivg' | "$OUT/swift-demangle")
  if [ "$got" != "Foundation.Data.count.getter : Swift.Int" ]; then
    echo "swift-demangle does not run here: got '$got'" >&2
    exit 1
  fi
fi
if [ "${SWIFT_TOOLS:-0}" = 1 ] && [ ! -d "$OUT/tools" ]; then
  # swift-demangle was built before without them: the package again.
  TOOLS=$(mktemp -d)
  mkdir -p "$TOOLS/lists/partial" "$TOOLS/cache/archives/partial"
  echo "deb [trusted=yes] http://deb.debian.org/debian sid main" > "$TOOLS/sources.list"
  APT=(-o "Dir::Etc::SourceList=$TOOLS/sources.list" -o Dir::Etc::SourceParts=/dev/null
       -o "Dir::State::Lists=$TOOLS/lists" -o "Dir::Cache=$TOOLS/cache" -o Debug::NoLocking=1)
  apt-get "${APT[@]}" update >&2
  (cd "$TOOLS" && apt-get "${APT[@]}" download "swiftlang=$VERSION-$REVISION" >&2)
  extract_tools "$TOOLS"/swiftlang_*.deb
fi
if [ "${SWIFT_TESTS:-0}" = 1 ] && [ ! -d "$OUT/Inputs" ]; then
  DL=$(mktemp -d)
  bash ci/debian_source.sh "swiftlang=${VERSION}-${REVISION%%+*}" "$DL"
  tarball=$(ls "$DL"/swiftlang_"$VERSION".orig.tar.* | head -n 1)
  mkdir -p "$OUT/Inputs"
  tar -C "$DL" -xf "$tarball" --wildcards '*/swift/test/Demangle/Inputs/*'
  cp "$DL"/*/swift/test/Demangle/Inputs/* "$OUT/Inputs/"
fi
echo "$OUT/swift-demangle"
