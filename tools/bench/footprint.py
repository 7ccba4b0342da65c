"""footprint.py - text/data/bss of a linked image by object file (from the
GNU ld map file), and of unlinked object files (arm-none-eabi-size)."""

import os
import re
import subprocess

# Output sections by where they live.
FLASH_SECTIONS = {".vectors", ".text", "ptest_cases", "ptest_fixtures", ".ARM.extab",
                  ".ARM.exidx", ".rodata"}
DATA_SECTIONS = {".data"}
BSS_SECTIONS = {".bss"}

_OUT_SECTION = re.compile(r"^(\S+)(?:\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+))?")
_INPUT_FULL = re.compile(r"^ (\S+)\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)\s+(\S.*)$")
_INPUT_NAME = re.compile(r"^ (\S+)$")
_INPUT_REST = re.compile(r"^\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)\s+(\S.*)$")


def classify(origin):
    """(category, object name) of a map file's input file, e.g.
    'libfoo_kernel.a(task.c.obj)' -> ('kernel', 'task.c')."""
    m = re.match(r"^(.*?)([^/()]+)\(([^()]+)\)$", origin)
    if m:
        archive, member = m.group(2), m.group(3)
        member = re.sub(r"\.(obj|o)$", "", member)
        if archive.endswith("_kernel.a"):
            return "kernel", member
        if archive.startswith("libc") or archive.startswith("libg") or \
                archive.startswith("libm") or archive.startswith("libnosys"):
            return "libc", archive
        return "other", archive
    base = re.sub(r"\.(obj|o)$", "", os.path.basename(origin))
    if "_board.dir" in origin:
        return "board", base
    if origin.endswith(".obj") or origin.endswith(".o"):
        return "app", base
    return "other", base


def parse_map(path):
    """Returns {(category, object): {"text", "data", "bss"}} for the
    sections placed in flash, .data and .bss."""
    sizes = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    try:
        start = lines.index("Linker script and memory map")
    except ValueError as exc:
        raise RuntimeError(f"{path}: not a GNU ld map file") from exc
    kind = None
    pending = None
    for line in lines[start + 1:]:
        if line and not line.startswith(" "):
            m = _OUT_SECTION.match(line)
            name = m.group(1) if m else ""
            kind = ("text" if name in FLASH_SECTIONS else "data" if name in DATA_SECTIONS
                    else "bss" if name in BSS_SECTIONS else None)
            pending = None
            continue
        if kind is None:
            continue
        m = _INPUT_FULL.match(line)
        if m:
            _add(sizes, m.group(1), int(m.group(3), 16), m.group(4), kind)
            pending = None
            continue
        m = _INPUT_NAME.match(line)
        if m and not m.group(1).startswith("*"):
            pending = m.group(1)
            continue
        m = _INPUT_REST.match(line)
        if m and pending is not None:
            _add(sizes, pending, int(m.group(2), 16), m.group(3), kind)
        pending = None
    return sizes


def _add(sizes, section, size, origin, kind):
    if size == 0 or section.startswith("*") or origin.startswith("*"):
        return
    key = classify(origin.strip())
    entry = sizes.setdefault(key, {"text": 0, "data": 0, "bss": 0})
    entry[kind] += size


def totals(sizes, predicate=lambda cat, obj: True):
    out = {"text": 0, "data": 0, "bss": 0}
    for (cat, obj), s in sizes.items():
        if predicate(cat, obj):
            for k in out:
                out[k] += s[k]
    return out


def object_sizes(size_tool, files):
    """Unlinked sizes: {basename without .obj: {"text", "data", "bss"}}."""
    if not files:
        return {}
    out = subprocess.run([size_tool, "-B"] + sorted(files), check=True, capture_output=True,
                         text=True).stdout
    result = {}
    for line in out.splitlines()[1:]:
        parts = line.split()
        if len(parts) < 6:
            continue
        name = re.sub(r"\.(obj|o)$", "", os.path.basename(parts[5]))
        name = re.sub(r"^.*\(|\)$", "", name)
        result[name] = {"text": int(parts[0]), "data": int(parts[1]), "bss": int(parts[2])}
    return result
