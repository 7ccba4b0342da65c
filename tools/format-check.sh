#!/bin/sh
# Fails if any tracked C source or header differs from clang-format's output.
set -eu
cd "$(dirname "$0")/.."
bad=""
for f in $(git ls-files '*.c' '*.h'); do
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
        bad="$bad $f"
    fi
done
if [ -n "$bad" ]; then
    echo "format-check: these files need clang-format -i:$bad" >&2
    exit 1
fi
echo "format-check: $(git ls-files '*.c' '*.h' | wc -l) files clean"
