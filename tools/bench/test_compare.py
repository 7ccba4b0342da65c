#!/usr/bin/env python3
"""test_compare.py BENCH.json WORKDIR - checks tools/bench/compare on a real
bench.json: identical files compare clean (exit 0); a copy with one figure
3 % worse is flagged (exit 1) while 1 % worse and 10 % better are not; a
malformed file is refused (exit 2)."""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def compare(old, new):
    return subprocess.run([os.path.join(HERE, "compare"), old, new], capture_output=True,
                          text=True)


def main():
    src, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    figures = doc["figures"]
    if len(figures) < 3:
        print("test_compare: too few figures")
        return 1
    worse, slightly, better = figures[0], figures[1], figures[2]
    worse["value"] = worse["value"] * 1.03 + 1
    slightly["value"] = slightly["value"] * 1.01
    better["value"] = better["value"] * 0.9
    changed = os.path.join(work, "changed.json")
    with open(changed, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    broken = os.path.join(work, "broken.json")
    with open(broken, "w", encoding="utf-8") as f:
        f.write("{\"schema\": \"portolan-bench/1\"}")
    checks = [
        ("identical", compare(src, src), 0, None),
        ("changed", compare(src, changed), 1, worse["key"]),
        ("malformed", compare(src, broken), 2, None),
    ]
    failed = 0
    for name, proc, code, must_flag in checks:
        ok = proc.returncode == code
        if must_flag is not None:
            flagged = [line for line in proc.stdout.splitlines() if line.endswith("WORSE")]
            ok = ok and len(flagged) == 1 and flagged[0].startswith(must_flag)
        print(f"test_compare: {name}: {'ok' if ok else 'FAILED'} (exit {proc.returncode})")
        if not ok:
            print(proc.stdout + proc.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
