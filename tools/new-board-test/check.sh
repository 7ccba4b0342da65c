#!/bin/sh
# check.sh ROOT OUT QUALIFY CC - runs tools/new-board into OUT and checks it.
set -eu
root=$1
out=$2
qualify=$3
cc=$4
rm -rf "$out"
mkdir -p "$out"
fail() { echo "new-board test: $*" >&2; exit 1; }

"$root/tools/new-board" acme-f4 --arch posix --into "$out"
"$root/tools/new-board" acme-rv --arch newarch --into "$out"
[ -f "$out/boards/acme-f4/board.c" ] || fail "no board.c"
[ -f "$out/portable/newarch/port.c" ] || fail "no port skeleton for a new architecture"
[ ! -e "$out/portable/posix" ] || fail "an existing port was copied"
if grep -rn "TEMPLATE_" "$out"; then fail "template names left"; fi
if grep -n "FATAL_ERROR" "$out/boards/acme-f4/board.cmake"; then fail "template guard left"; fi
grep -q '"name": "acme-f4"' "$out/boards/acme-f4/board.json" || fail "name not filled in"
if "$root/tools/new-board" acme-f4 --arch posix --into "$out" 2>/dev/null; then
    fail "overwrote an existing board"
fi
if "$root/tools/new-board" "Bad_Name" --arch posix --into "$out" 2>/dev/null; then
    fail "accepted a bad name"
fi

# The descriptor is valid.
"$qualify" --root "$root" --board-file "$out/boards/acme-f4/board.json" --list-groups >/dev/null

# The C skeletons compile (warnings are errors), against the test config.
flags="-std=c11 -Wall -Wextra -Werror -Wmissing-prototypes -fsyntax-only -I$root/include \
-I$root/tests/config -I$root/boards/include -I$root/qualification/framework"
$cc $flags -I"$out/boards/acme-f4" -I"$root/portable/posix" "$out/boards/acme-f4/board.c"
$cc $flags -I"$out/boards/acme-rv" -I"$out/portable/newarch" "$out/portable/newarch/port.c"
$cc $flags -I"$out/boards/acme-rv" -I"$out/portable/newarch" "$out/boards/acme-rv/board.c"
$cc $flags -I"$out/boards/acme-f4" "$out/boards/acme-f4/startup.c"
echo "new-board test: passed"
