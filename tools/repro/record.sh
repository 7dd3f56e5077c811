#!/bin/bash
# Record one futexpin run on a fresh two-node Popcorn cluster (QEMU), the way shared/traces were made:
# build futexpin, add it to the initramfs, boot both nodes, run, collect, write RUN.txt.
# Usage: tools/repro/record.sh MODE TIMEOUT DEST [ROUNDS]
#   e.g. tools/repro/record.sh origin 60 /work/runs/futexpin-origin-1
#        tools/repro/record.sh join 180 /work/runs/futexpin-join-1 20
# Needs: the kernel, userland and busybox initramfs of shared/cluster (build-kernel.sh, build-userland.sh)
# already built in $BUILD_DIR (default $HOME/pcn-build); CLUSTER = the shared/cluster script folder
# (default: ../../../shared/cluster from this file, i.e. /work/shared/cluster). Writes only under
# $BUILD_DIR (futexpin binary, initramfs, raw run folder $BUILD_DIR/runs/<basename DEST>) and DEST.
set -euo pipefail
MODE=${1:?usage: record.sh MODE TIMEOUT DEST [ROUNDS]}; TIMEOUT=${2:?timeout in s}; DEST=${3:?destination folder}
ARGS=$MODE${4:+ $4}
HERE=$(cd "$(dirname "$0")" && pwd)
T=${CLUSTER:-$(cd "$HERE/../../../shared/cluster" 2>/dev/null && pwd || echo /work/shared/cluster)}
B=${BUILD_DIR:-$HOME/pcn-build}
export BUILD_DIR=$B
for f in "$B/linux/arch/x86/boot/bzImage" "$B/lib/lib/libmigrate.a" "$B/lib/lib/noclone3.o" "$T/run-cluster.sh"; do
  [ -e "$f" ] || { echo "record.sh: missing $f (build with $T/build-kernel.sh and build-userland.sh first)" >&2; exit 1; }
done
# 1. futexpin, built outside the repository
mkdir -p "$B/futexpin"
cp "$HERE/futexpin.c" "$HERE/Makefile" "$B/futexpin/"
make -s -C "$B/futexpin" LIB="$B/lib" futexpin
# 2. initramfs = shared/cluster's image + /bin/futexpin
"$T/build-initramfs.sh" "$B" > /dev/null
cp "$B/futexpin/futexpin" "$B/initramfs/bin/futexpin"
(cd "$B/initramfs" && find . | cpio -o -H newc --quiet | gzip -1 > "$B/initramfs.cpio.gz")
# 3. fresh boot, run on node 0, collect
R=$B/runs/$(basename "$DEST")
rm -rf "$R"; mkdir -p "$R"
REV=$(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "futexpin is pcn-ref's own reproducer (tools/repro/futexpin.c, pcn-ref commit $REV, sha256 $(sha256sum "$HERE/futexpin.c" | cut -c1-16)), built with tools/repro/Makefile against the same lib (static, gcc 12, -Wl,--wrap=__clone3); not an upstream test. Recorded by tools/repro/record.sh." > "$R/NOTES.txt"
"$T/run-cluster.sh" "$R" futexpin "$ARGS" "$TIMEOUT"
"$T/collect.sh" "$R" "$DEST"
python3 "$T/write-run-txt.py" "$R" "$DEST" futexpin "$ARGS" > /dev/null
grep -A3 '^== Summary' "$DEST/RUN.txt" | tail -3 || true
du -sh "$DEST"
