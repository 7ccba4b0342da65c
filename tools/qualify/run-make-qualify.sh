#!/bin/sh
# run-make-qualify.sh [BOARD] [qualify options...] - what `make qualify` runs.
#
# Builds the host tool qualify (build/host, host compiler), then qualifies
# BOARD (default qemu-mps2-an385): qualify builds the board's runner image,
# runs every group the board's features require, prints the verdict and
# the report path, and exits with its status (0 only when qualified; see
# docs/qualification.md). A board without a descriptor yet falls back to
# posix, with a note.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
board=${1:-qemu-mps2-an385}
[ $# -gt 0 ] && shift
if [ ! -f "$root/boards/$board/board.json" ] || [ ! -f "$root/boards/$board/board.cmake" ]; then
    echo "make qualify: board $board is not in this tree (yet): qualifying posix instead" >&2
    board=posix
fi
cmake -S "$root/tools" -B "$root/build/host" -G Ninja >/dev/null
ninja -C "$root/build/host" -j"${JOBS:-2}" qualify pty-board >/dev/null
exec "$root/build/host/qualify/qualify" --board "$board" "$@"
