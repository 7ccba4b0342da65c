#!/bin/sh
# The fixture tree's "build": writes the manifest and the sources hash the
# fixture board reports. FIXTURE_BUILD_FAIL=1 makes it fail like a compiler.
set -e
root=$1
build=$2
if [ "${FIXTURE_BUILD_FAIL:-0}" = 1 ]; then
    echo "fixture/alpha.c:3:1: error: expected ';' before '}' token" >&2
    exit 1
fi
mkdir -p "$build"
files="fixture/Integrity.c fixture/Alpha.c fixture/Beta.c"
hash=$(cd "$root" && cat $files | sha256sum | cut -c1-16)
echo "$hash" > "$build/sources.hash"
# FIXTURE_PARTS=1: a runner in two images, links to the fixture board ($3,
# the tools directory) that it tells apart by name.
images=""
if [ "${FIXTURE_PARTS:-0}" = 1 ]; then
    ln -sf "$3/fixture-board" "$build/fixture-part1"
    ln -sf "$3/fixture-board" "$build/fixture-part2"
    images="\"images\": [\"$build/fixture-part1\", \"$build/fixture-part2\"],"
fi
cat > "$build/manifest.json" <<END
{"board": "fixture", "architecture": "none", "version": "9.9.9", "sources_hash": "$hash", $images
 "sources": ["fixture/Integrity.c", "fixture/Alpha.c", "fixture/Beta.c"],
 "compiler": {"id": "none", "version": "0", "path": "none"}, "c_flags": [""],
 "build_type": "fixture", "heap": "none"}
END
if [ "${FIXTURE_BENCH:-0}" = 1 ]; then
    mkdir -p "$build/bench"
    echo '{"schema": "portolan-bench/1", "summary": {"board": "fixture", "switch_yield": 42,
      "goals": [{"goal": "switch under 50", "target": 50, "measured": 42, "met": true}]}}' \
        > "$build/bench/bench.json"
fi
echo "fixture build done"
