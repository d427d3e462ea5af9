#!/usr/bin/env bash
# Download the files of a Debian source package, installing nothing:
#
#   bash ci/debian_source.sh PACKAGE=VERSION DIR
#
# through a private source list of Debian's unstable suite (which keeps the
# newer releases). A failure is only what leaves files out: the mirror has
# been seen to miss a .dsc, which apt then reports as a failure although the
# tarballs came; the caller checks for the files it needs.
set -euo pipefail
SPEC=$1
DIR=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/lists/partial" "$DIR"
echo "deb-src [trusted=yes] http://deb.debian.org/debian sid main" > "$WORK/sources.list"
APT=(-o "Dir::Etc::SourceList=$WORK/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o "Dir::State::Lists=$WORK/lists" -o Debug::NoLocking=1)
apt-get "${APT[@]}" update >&2
(cd "$DIR" && apt-get "${APT[@]}" source --download-only "$SPEC" >&2) || true
