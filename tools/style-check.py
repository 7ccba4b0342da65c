#!/usr/bin/env python3
"""Checks the size rules of DEVELOPERS.md that clang-format cannot:
files <= 1500 lines, functions <= 100 lines, #if nesting <= 2, and every
#endif labelled with a comment. Prints each violation; exits 1 if any."""
import re
import subprocess
import sys

MAX_FILE = 1500
MAX_FUNCTION = 100
MAX_IF_DEPTH = 2


def tracked_sources():
    out = subprocess.run(["git", "ls-files", "*.c", "*.h", "*.S"], capture_output=True,
                         text=True, check=True).stdout
    return [f for f in out.split() if f]


def check_file(path, problems):
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().split("\n")
    if len(lines) > MAX_FILE:
        problems.append(f"{path}: {len(lines)} lines (limit {MAX_FILE})")
    depth = 0
    guard = path.endswith(".h")
    start = None
    name = ""
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if re.match(r"#\s*if", stripped):
            depth += 1
            # A header's include guard does not count towards nesting.
            limit = MAX_IF_DEPTH + (1 if guard else 0)
            if depth > limit:
                problems.append(f"{path}:{number}: #if nested {depth - (1 if guard else 0)} deep")
        elif re.match(r"#\s*endif", stripped):
            depth -= 1
            if "/*" not in stripped and "//" not in stripped:
                problems.append(f"{path}:{number}: #endif without a label comment")
        if line == "{" and number > 1 and re.search(r"\)\s*$", lines[number - 2]):
            start = number
            match = re.search(r"(\w+)\s*\(", lines[number - 2])
            name = match.group(1) if match else "?"
        elif line.startswith("}") and start is not None:
            length = number - start - 1
            if length > MAX_FUNCTION:
                problems.append(f"{path}:{start}: function {name} is {length} lines "
                                f"(limit {MAX_FUNCTION})")
            start = None


def main():
    problems = []
    files = tracked_sources()
    for path in files:
        check_file(path, problems)
    for p in problems:
        print(p)
    if problems:
        print(f"style-check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"style-check: {len(files)} files within the size rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
