#!/bin/sh
# build.sh OUTDIR - builds OUTDIR/insncount.so, the instruction-counting
# QEMU plugin of the benchmark suite (tools/bench/plugin/insncount.c).
#
# The plugin API header (include/qemu/qemu-plugin.h) is not in any binary
# Debian package: it is taken from Debian's qemu SOURCE package of exactly
# the installed qemu-system-arm version, fetched with apt-get into private
# directories under OUTDIR (the system's apt configuration is not touched),
# checked against the SHA-256 pinned in qemu-plugin-h.sha256 and cached in
# OUTDIR/qemu-src/<version>/. It is never committed.
#
# Exit status 0 when OUTDIR/insncount.so is ready; otherwise non-zero with
# the reason on stderr (the benchmark then falls back to -icount timing).
# BENCH_PLUGIN_TRUST_NEW=1 accepts a version missing from the pin file and
# prints the line to add to it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { echo "usage: build.sh OUTDIR" >&2; exit 2; }
mkdir -p "$1"
out=$(cd "$1" && pwd)

fail() {
    echo "bench plugin: $*" >&2
    exit 1
}

command -v qemu-system-arm >/dev/null || fail "qemu-system-arm is not installed"
version=$(dpkg-query -W -f='${source:Version}' qemu-system-arm 2>/dev/null) ||
    fail "cannot query the qemu-system-arm package version"
pinned=$(awk -v v="$version" '$1 == v { print $2 }' "$here/qemu-plugin-h.sha256")
cache="$out/qemu-src/$version"
header="$cache/qemu-plugin.h"

digest() {
    sha256sum "$1" | cut -d' ' -f1
}

# apt-get with private state: a deb-src list for this Debian release only;
# short timeouts, so that an offline machine falls back quickly.
apt_private() {
    apt-get -q -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$out/apt/sources" \
        -o Dir::State::Lists="$out/apt/lists" -o Dir::Cache="$out/apt/cache" \
        -o Debug::NoLocking=1 -o Acquire::http::Timeout=20 -o Acquire::Retries=1 "$@"
}

fetch_header() {
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    [ -n "$codename" ] || fail "cannot tell the Debian release (/etc/os-release)"
    mkdir -p "$out/apt/sources" "$out/apt/lists/partial" "$out/apt/cache/archives/partial" \
        "$out/apt/dl"
    cat >"$out/apt/sources/debian-src.sources" <<EOF
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $codename $codename-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: $codename-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt_private update >"$out/apt/update.log" 2>&1 ||
        fail "apt-get update of the private deb-src list failed (see $out/apt/update.log)"
    (cd "$out/apt/dl" && apt_private source --download-only "qemu=$version") \
        >"$out/apt/source.log" 2>&1 ||
        fail "apt-get source qemu=$version failed (see $out/apt/source.log)"
    orig=$(ls "$out"/apt/dl/qemu_*.orig.tar.* | head -n 1)
    debian=$(ls "$out"/apt/dl/qemu_*.debian.tar.* | head -n 1)
    member=$(tar -tf "$orig" | grep '/include/qemu/qemu-plugin.h$' | head -n 1)
    [ -n "$member" ] || fail "no include/qemu/qemu-plugin.h in $orig"
    mkdir -p "$cache"
    if tar -xOf "$debian" --wildcards 'debian/patches/*' 2>/dev/null |
        grep -q 'include/qemu/qemu-plugin.h'; then
        # A Debian patch changes the header: unpack the patched source.
        rm -rf "$out/apt/src"
        dpkg-source --no-check -x "$out"/apt/dl/qemu_*.dsc "$out/apt/src" >/dev/null
        cp "$out/apt/src/include/qemu/qemu-plugin.h" "$header.new"
        rm -rf "$out/apt/src"
    else
        tar -xOf "$orig" "$member" >"$header.new"
    fi
    mv "$header.new" "$header"
    rm -rf "$out/apt/dl"
}

if [ -z "$pinned" ] && [ "${BENCH_PLUGIN_TRUST_NEW:-0}" != 1 ]; then
    fail "qemu $version has no pinned plugin header digest in $here/qemu-plugin-h.sha256"
fi
if [ ! -f "$header" ] || { [ -n "$pinned" ] && [ "$(digest "$header")" != "$pinned" ]; }; then
    fetch_header
fi
actual=$(digest "$header")
if [ -z "$pinned" ]; then
    echo "bench plugin: unpinned header accepted; add to qemu-plugin-h.sha256:" >&2
    echo "$version $actual" >&2
elif [ "$actual" != "$pinned" ]; then
    rm -f "$header"
    fail "qemu-plugin.h of qemu $version has SHA-256 $actual, pinned $pinned"
fi

cc -shared -fPIC -O2 -std=gnu11 -Wall -Wextra -Werror -I"$cache" \
    -o "$out/insncount.so.new" "$here/insncount.c" || fail "compiling insncount.c failed"
mv "$out/insncount.so.new" "$out/insncount.so"
printf '%s %s\n' "$version" "$actual" >"$out/insncount.header"
echo "bench plugin: $out/insncount.so (qemu $version, header $actual)"
