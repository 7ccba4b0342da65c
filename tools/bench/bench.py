#!/usr/bin/env python3
"""bench.py - Portolan's performance and footprint suite (docs/bench.md).

Builds the benchmark and footprint images for each board, runs them under
QEMU with -icount shift=0 (deterministic) and, when it can be built, the
insncount TCG plugin (exact instruction counts), and writes
OUT/bench.json, OUT/bench.md and OUT/*.svg.

  bench.py [--board B ...] [--quick] [--twice] [--out DIR]
           [--cmake-build DIR] [--plugin-dir DIR] [--method auto|plugin|icount]

--cmake-build uses an already configured and built tree (one board) instead
of configuring OUT/<board>; --twice runs everything twice and fails unless
the figures are identical; --quick is the reduced mode of ctest (fewer
samples, shorter Thread-Metric periods). Exit status 0 when every run
passed and the JSON is complete (tools/bench/schema.py).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)

import catalog  # noqa: E402
import compute  # noqa: E402
import report  # noqa: E402
import schema  # noqa: E402

ICOUNT_SHIFT = 0
QEMU_TIMEOUT = 600
TARGETS = ["bench_all"]


class BenchError(Exception):
    pass


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


# ----- Building -------------------------------------------------------------

def build_board(board, build_dir, jobs):
    log(f"building {board} in {build_dir}")
    run(["cmake", "-S", ROOT, "-B", build_dir, "-G", "Ninja", f"-DPORTOLAN_BOARD={board}",
         "-DCMAKE_BUILD_TYPE=RelWithDebInfo"], stdout=subprocess.DEVNULL)
    run(["ninja", "-C", build_dir, f"-j{jobs}"] + TARGETS, stdout=subprocess.DEVNULL)


def build_plugin(plugin_dir, method):
    """Path of insncount.so, or None for the -icount timer method."""
    if method == "icount":
        return None
    script = os.path.join(HERE, "plugin", "build.sh")
    proc = subprocess.run([script, plugin_dir], capture_output=True, text=True)
    if proc.returncode == 0:
        return os.path.join(plugin_dir, "insncount.so")
    msg = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"
    if method == "plugin":
        raise BenchError(f"the instruction-counting plugin could not be built: {msg}")
    log(f"no plugin ({msg}): falling back to -icount shift=0 timing")
    return None


def header_digest(plugin_dir):
    try:
        with open(os.path.join(plugin_dir, "insncount.header"), encoding="utf-8") as f:
            version, digest = f.read().split()
            return {"qemu_source_version": version, "qemu_plugin_h_sha256": digest}
    except (OSError, ValueError):
        return None


# ----- Symbols and runs ----------------------------------------------------------

def symbols(elf, nm):
    out = run([nm, "-S", "--defined-only", elf], capture_output=True, text=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4:
            syms[parts[3]] = (int(parts[0], 16) & ~1, int(parts[1], 16))
    return syms


def extra_begins(syms):
    """Addresses of catalog.EXTRA_BEGINS entries ("symbol" or "symbol+offset")
    that this image has."""
    out = []
    for entry in catalog.EXTRA_BEGINS:
        name, _, offset = entry.partition("+")
        if name in syms:
            out.append(syms[name][0] + int(offset or "0", 0))
    return out


def plugin_option(plugin, elf, out_file, nm):
    syms = symbols(elf, nm)
    for need in ("bench_mark_begin", "bench_mark_end", "bench_mark_ids"):
        if need not in syms:
            raise BenchError(f"{elf}: no symbol {need}")
    begin = syms["bench_mark_begin"][0]
    end, end_size = syms["bench_mark_end"]
    ids, ids_size = syms["bench_mark_ids"]
    opt = [f"{plugin}", f"begin={begin:#x}", f"end={end:#x}:{end_size}",
           f"ids={ids:#x}:{ids_size}", f"out={out_file}"]
    opt += [f"begin={addr:#x}" for addr in extra_begins(syms)]
    ranges = [name for name, sym in catalog.RANGES if sym in syms]
    opt += [f"range={name}:{syms[sym][0]:#x}:{syms[sym][1]}" for name, sym in catalog.RANGES
            if sym in syms]
    return ",".join(opt), ranges


def qemu_run(info, elf, words, plugin, work, tag):
    """Runs an image; returns (console lines, plugin marks or None).

    The image runs as ./<name> from the work directory: the semihosting
    command line the image parses starts with the image's path, so a path
    that depends on where the tree lives would change the instruction
    counts of everything after it."""
    env = dict(os.environ)
    local = os.path.basename(elf)
    shutil.copyfile(elf, os.path.join(work, local))
    marks_file = os.path.join(work, f"{tag}.marks")
    if plugin:
        opt, _ = plugin_option(plugin, elf, marks_file, info["nm"])
        env["PORTOLAN_QEMU_EXTRA"] = f"-plugin {opt}"
    else:
        env.pop("PORTOLAN_QEMU_EXTRA", None)
    cmd = [os.path.join(ROOT, "tools", "qemu-run"), "--machine", info["qemu_machine"], "--icount",
           str(ICOUNT_SHIFT), "--timeout", str(QEMU_TIMEOUT), local] + words
    proc = subprocess.run(cmd, env=env, cwd=work, capture_output=True, text=True)
    with open(os.path.join(work, f"{tag}.console"), "w", encoding="utf-8") as f:
        f.write(proc.stdout)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-8:])
        raise BenchError(f"{local} {' '.join(words)}: exit {proc.returncode}\n{tail}")
    marks = compute.parse_marks(marks_file) if plugin else None
    return proc.stdout.splitlines(), marks


# ----- One board ----------------------------------------------------------------

def suite_runs(board, quick, exact):
    """(tag, image, words) of every run of a board. Exact counts need few
    samples; timer averages need many (40 instructions per timer count)."""
    reps = (5 if quick else 33) if exact else (51 if quick else 1001)
    scale_reps = (3 if quick else 9) if exact else (11 if quick else 101)
    runs = [("ops", "bench_image", ["suite=ops", f"reps={reps}", f"quick={int(quick)}"])]
    if board != catalog.PRIMARY_BOARD:
        return runs
    period = 2 if quick else 20
    for i, _ in enumerate(catalog.TM):
        runs.append((f"tm{i}", "bench_image",
                     ["suite=tm", f"test={i}", f"period={period}", f"quick={int(quick)}"]))
    runs.append(("scaling", "bench_image",
                 ["suite=scaling", f"reps={scale_reps}", f"quick={int(quick)}"]))
    return runs


def measure_board(board, build_dir, plugin, quick, work):
    info_path = os.path.join(build_dir, "bench", "build-info.json")
    with open(info_path, encoding="utf-8") as f:
        info = json.load(f)
    image_dir = os.path.join(build_dir, "bench")
    os.makedirs(work, exist_ok=True)
    parsed = []
    for tag, image, words in suite_runs(board, quick, plugin is not None):
        log(f"{board}: {tag} ({' '.join(words)})")
        lines, marks = qemu_run(info, os.path.join(image_dir, image), words, plugin, work, tag)
        parsed.append(compute.parse_console(lines, marks, f"{board} {tag}"))
    footprints = {build: compute.footprint_build(build_dir, image, info)
                  for build, image, _ in catalog.FOOTPRINT_BUILDS}
    bench_sizes = compute.read_sizes(compute.sizes_object(build_dir, "bench_image"), info["nm"])
    ranges = list(dict.fromkeys(name for name, _ in catalog.RANGES)) if plugin else []
    return compute.board_figures(board, info, parsed, footprints, bench_sizes, plugin is not None,
                                 ranges, ICOUNT_SHIFT)


def measure_all(args, boards, plugin):
    doc = compute.document(quick=args.quick)
    for board in boards:
        build_dir = args.cmake_build or os.path.join(args.out, board)
        work = os.path.join(args.out, "runs", board)
        doc["boards"].append(measure_board(board, build_dir, plugin, args.quick, work))
    compute.finish(doc, header_digest(args.plugin_dir) if plugin else None)
    return doc


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--board", action="append", help="board (repeatable)")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--twice", action="store_true")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--cmake-build")
    ap.add_argument("--plugin-dir")
    ap.add_argument("--method", choices=["auto", "plugin", "icount"], default="auto")
    ap.add_argument("--jobs", default=os.environ.get("JOBS", "2"))
    args = ap.parse_args()
    args.out = os.path.abspath(args.out)
    args.plugin_dir = os.path.abspath(args.plugin_dir or os.path.join(args.out, "plugin"))
    boards = args.board or catalog.DEFAULT_BOARDS
    if args.cmake_build and len(boards) != 1:
        ap.error("--cmake-build takes exactly one --board")
    try:
        os.makedirs(args.out, exist_ok=True)
        if not args.cmake_build:
            for board in boards:
                build_board(board, os.path.join(args.out, board), args.jobs)
        plugin = build_plugin(args.plugin_dir, args.method)
        doc = measure_all(args, boards, plugin)
        if args.twice:
            again = measure_all(args, boards, plugin)
            diffs = compute.differences(doc, again)
            if diffs:
                raise BenchError("figures differ between two runs:\n  " + "\n  ".join(diffs[:20]))
            log("two runs gave identical figures")
        errors = schema.check(doc)
        if errors:
            raise BenchError("bench.json is incomplete or malformed:\n  " + "\n  ".join(errors))
        have_gnuplot = shutil.which("gnuplot") is not None
        if not have_gnuplot:
            log("gnuplot is missing (tools/bootstrap.sh installs gnuplot-nox): no plots")
        problems = report.write_all(doc, args.out, plot=have_gnuplot)
        if problems:
            raise BenchError("malformed output:\n  " + "\n  ".join(problems))
    except (BenchError, subprocess.CalledProcessError, OSError) as exc:
        log(f"FAILED: {exc}")
        return 1
    log(f"wrote {os.path.join(args.out, 'bench.json')} and bench.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
