#!/usr/bin/env bash
# Build GNU c++filt of a given binutils release, the project's reference
# (oracle), from Debian's source packages, without installing anything:
#
#   bash ci/build_cxxfilt.sh [VERSION] [DEBIAN_REVISION]    # default 2.47 6
#
# It fetches the `binutils` source package (ci/debian_source.sh: Debian's
# unstable suite, which keeps the newer releases), unpacks only
# libiberty, include/ and binutils/cxxfilt.c, builds libiberty with its own
# `configure && make`, and links the unmodified cxxfilt.c against it with
# small stand-ins for the few bfd/bucomm names it uses. About 1.5 minutes.
#
# Prints the path of the built program (target/gnu/<VERSION>/c++filt); the
# libiberty test suites are beside it (target/gnu/<VERSION>/testsuite/), and
# so are libiberty.a and demangle.h (target/gnu/<VERSION>/lib/), which the
# differential fuzz target links (src/demangler/fuzz). Nothing of it is
# shipped: tests, fixtures and fuzzers use it as an oracle.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${1:-2.47}
REVISION=${2:-6}
OUT=$PWD/target/gnu/$VERSION
if [ -x "$OUT/c++filt" ] && [ -f "$OUT/lib/libiberty.a" ]; then echo "$OUT/c++filt"; exit 0; fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/dl" "$OUT"
bash ci/debian_source.sh "binutils=$VERSION-$REVISION" "$WORK/dl"

SRC=binutils-$VERSION
tar -C "$WORK" -xJf "$WORK/dl/binutils_$VERSION.orig.tar.xz" \
  "$SRC/binutils/cxxfilt.c" "$SRC/libiberty" "$SRC/include" \
  "$SRC/install-sh" "$SRC/config.guess" "$SRC/config.sub" "$SRC/mkinstalldirs" "$SRC/move-if-change"
# The stand-ins: what cxxfilt.c takes from bfd and binutils' bucomm.
mkdir -p "$WORK/shim"
cat > "$WORK/shim/sysdep.h" <<'H'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define TARGET_PREPENDS_UNDERSCORE 0
#define REPORT_BUGS_TO ""
#define _(s) (s)
H
: > "$WORK/shim/bfd.h"
cat > "$WORK/shim/bucomm.h" <<'H'
extern const char *program_name;
void bfd_set_error_program_name (const char *);
void print_version (const char *);
void fatal (const char *, ...);
H
cat > "$WORK/shim/shim.c" <<H
#include <stdio.h>
#include <stdlib.h>
const char *program_name;
void bfd_set_error_program_name (const char *name) { (void) name; }
void print_version (const char *name)
{
  printf ("GNU %s (GNU Binutils) $VERSION\n", name);
  exit (0);
}
void fatal (const char *message, ...) { fprintf (stderr, "%s\n", message); exit (1); }
H
(cd "$WORK/$SRC/libiberty" && ./configure --quiet >&2 && make --quiet -j2 libiberty.a >&2)
cc -O2 -I"$WORK/shim" -I"$WORK/$SRC/include" -o "$OUT/c++filt" \
  "$WORK/$SRC/binutils/cxxfilt.c" "$WORK/shim/shim.c" "$WORK/$SRC/libiberty/libiberty.a"
mkdir -p "$OUT/testsuite" "$OUT/lib"
cp "$WORK/$SRC"/libiberty/testsuite/*-expected "$OUT/testsuite/"
cp "$WORK/$SRC/libiberty/libiberty.a" "$WORK/$SRC/include/demangle.h" "$WORK/$SRC/include/ansidecl.h" "$OUT/lib/"
echo "$OUT/c++filt"
