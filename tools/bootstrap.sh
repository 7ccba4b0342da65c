#!/bin/sh
# Installs the Debian packages Portolan needs, only those missing.
# Idempotent: when everything is present it changes nothing and says so.
set -eu

PACKAGES="cmake ninja-build gcc libc6-dev make git clang-format valgrind \
gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm gdb-multiarch \
gcc-riscv64-unknown-elf qemu-system-misc \
libcjson-dev libxml2-utils python3 gnuplot-nox dpkg-dev"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "bootstrap: all packages present"
    exit 0
fi

echo "bootstrap: installing$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends $missing
