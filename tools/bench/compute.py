"""compute.py - from console records and plugin marks to the figures of
bench.json (its layout is documented in docs/bench.md)."""

import os
import re
import subprocess

import catalog
import footprint

METHODS = {
    "insn-plugin": "instructions counted exactly by the insncount TCG plugin "
                   "(tools/bench/plugin) between bench_mark_begin() and bench_mark_end(id), "
                   "under QEMU -icount shift=0,sleep=off; the calibration (an empty begin/end "
                   "pair) is subtracted; a figure is the median of its samples (all samples "
                   "are usually equal); memory_accesses counts the loads and stores the "
                   "instructions made (a multiple load or store counts each word; the "
                   "exception entry's and lazy FP stacking's are not counted)",
    "icount-timer": "virtual time under QEMU -icount shift=0,sleep=off (1 ns per instruction), "
                    "read from the board's free-running 25 MHz timer (40 instructions per "
                    "count), averaged over the samples, minus the calibration: resolution "
                    "40 instructions / samples; used when the plugin cannot be built",
    "dwt-cycles": "CPU cycles from the DWT cycle counter (hardware only; QEMU does not model "
                  "it), averaged over the samples, minus the calibration",
}


class ComputeError(Exception):
    pass


def median_low(values):
    s = sorted(values)
    return s[(len(s) - 1) // 2]


# ----- Parsing ----------------------------------------------------------------

def _fields(text):
    """'a=1 b=x reason=free text' -> dict; 'reason' takes the rest of the line."""
    out = {}
    m = re.search(r"(?:^| )reason=(.*)$", text)
    if m:
        out["reason"] = m.group(1)
        text = text[:m.start()]
    for word in text.split():
        if "=" in word:
            k, v = word.split("=", 1)
            out[k] = v
    return out


def parse_console(lines, marks, label):
    run = {"label": label, "start": None, "config": {}, "defs": {}, "vals": {}, "sizes": {},
           "skips": [], "marks": marks, "ended": False}
    for line in lines:
        line = line.rstrip("\r")
        if not line.startswith("BENCH-"):
            continue
        tag, _, rest = line.partition(" ")
        f = _fields(rest)
        if tag == "BENCH-START":
            run["start"] = f
        elif tag == "BENCH-CONFIG":
            run["config"].update(f)
        elif tag == "BENCH-DEF":
            run["defs"][int(f["id"])] = {"name": f["name"], "kind": f["kind"], "n": int(f["n"])}
        elif tag == "BENCH-VAL":
            hi, lo = f["sum"].split(":")
            run["vals"][int(f["id"])] = {
                "samples": int(f["samples"]), "sum": (int(hi) << 32) | int(lo),
                "min": int(f["min"]), "max": int(f["max"]), "events": int(f["events"]),
                "valid": f["valid"] == "1"}
        elif tag == "BENCH-COUNTERS":
            i = int(f.pop("id"))
            run.setdefault("counters", {})[i] = {k: int(v) for k, v in f.items()}
        elif tag == "BENCH-SIZE":
            run["sizes"][f["name"]] = int(f["bytes"])
        elif tag == "BENCH-SKIP":
            run["skips"].append({"name": f["name"], "reason": f.get("reason", "")})
        elif tag == "BENCH-FAIL":
            raise ComputeError(f"{label}: the image failed: {rest}")
        elif tag == "BENCH-END":
            run["ended"] = f.get("status") == "ok"
    if not run["ended"]:
        raise ComputeError(f"{label}: no 'BENCH-END status=ok' line")
    if marks is not None:
        for i, d in run["defs"].items():
            want = run["vals"].get(i, {}).get("samples", 0)
            got = len(marks["marks"].get(i, []))
            if want != got:
                raise ComputeError(f"{label}: {d['name']}: {want} samples, plugin saw {got}")
    return run


def parse_marks(path):
    result = {"ranges": [], "marks": {}, "total": None}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "ranges":
                result["ranges"] = parts[1:]
            elif parts[0] == "mark":
                result["marks"].setdefault(int(parts[1]), []).append(
                    tuple(int(x) for x in parts[2:]))
            elif parts[0] == "total":
                result["total"] = int(parts[1])
    if result["total"] is None:
        raise ComputeError(f"{path}: the plugin did not finish (no 'total' line)")
    return result


# ----- Figures ------------------------------------------------------------------

class Scale:
    """Turns a run's samples into figures for one method."""

    def __init__(self, method, start, shift, calibration_run):
        self.method = method
        self.unit = "cycles" if method == "dwt-cycles" else "instructions"
        hz = int(start["clock_hz"])
        # Clock units -> instructions (timer) or cycles.
        self.per_unit = 1.0 if method == "dwt-cycles" else (1e9 / hz) / (1 << shift)
        self.cal = 0
        self.cal_mem = 0
        cal_id = _find(calibration_run, "calibration")
        if cal_id is not None:
            raw = self.samples(calibration_run, cal_id, raw=True)
            self.cal = raw["value"]
            self.cal_mem = raw.get("memory_accesses", 0)

    def samples(self, run, i, raw=False):
        cal = 0 if raw else self.cal
        v = run["vals"][i]
        if self.method == "insn-plugin":
            rows = run["marks"]["marks"][i]
            totals = [r[0] - cal for r in rows]
            out = {"value": median_low(totals), "min": min(totals), "max": max(totals),
                   "samples": len(totals),
                   "memory_accesses": median_low([r[1] for r in rows]) -
                   (0 if raw else self.cal_mem)}
            ranges = run["marks"]["ranges"]
            if ranges and any(any(r[2:]) for r in rows):
                out["breakdown"] = {name: median_low([r[2 + k] for r in rows])
                                    for k, name in enumerate(ranges)}
            return out
        mean = v["sum"] * self.per_unit / v["samples"] - cal
        return {"value": round(mean, 1), "min": round(v["min"] * self.per_unit - cal, 1),
                "max": round(v["max"] * self.per_unit - cal, 1), "samples": v["samples"]}

    def per_event(self, run, i):
        v = run["vals"][i]
        total = (run["marks"]["marks"][i][0][0] if self.method == "insn-plugin"
                 else v["sum"] * self.per_unit) - self.cal
        events = v["events"]
        return (round(total / events, 1) if events else None), round(total), events


def _find(run, name):
    for i, d in run["defs"].items():
        if d["name"] == name:
            return i
    return None


def _operations(runs, scale, build):
    described = dict(catalog.OPS)
    ops, skipped = [], []
    for run in runs:
        skipped += run["skips"]
        for i, d in sorted(run["defs"].items()):
            if d["kind"] != "op" or d["name"] == "calibration":
                continue
            fig = {"name": d["name"], "description": described.get(d["name"], ""),
                   "unit": scale.unit, "method": scale.method, "build": build}
            fig.update(scale.samples(run, i))
            ops.append(fig)
    return ops, skipped


def _switch(ops, unit):
    fig = next((o for o in ops if o["name"] == "switch.yield"), None)
    if fig is None or "breakdown" not in fig:
        return None
    b = fig["breakdown"]
    context = b["pendsv"] + b["select"]
    return {"yield": fig["value"], "yield_memory_accesses": fig.get("memory_accesses"),
            "pendsv": b["pendsv"], "select": b["select"],
            "context": context, "unit": unit, "floor": catalog.SWITCH_FLOOR,
            "floor_ratio": round(context / catalog.SWITCH_FLOOR, 2),
            "anchors": dict(catalog.SWITCH_ANCHORS)}


def _threadmetric(runs, scale, build):
    titles = {name: (title, fr, tx, goal) for name, title, fr, tx, goal in catalog.TM}
    out = []
    for run in runs:
        for i, d in sorted(run["defs"].items()):
            if d["kind"] != "tm":
                continue
            title, fr, tx, goal = titles[d["name"]]
            value, total, events = scale.per_event(run, i)
            entry = {"name": d["name"], "title": title, "value": value, "unit":
                     f"{scale.unit} per event", "events": events, "total": total,
                     "period_ticks": d["n"], "valid": run["vals"][i]["valid"],
                     "method": scale.method, "build": build,
                     "anchors": {"freertos": fr, "threadx": tx, "goal": goal}}
            counters = run.get("counters", {}).get(i)
            if counters is not None:
                entry["counters"] = counters
            if value is not None:
                entry["vs_freertos"] = round(value / fr, 2) if fr else None
                entry["vs_threadx"] = round(value / tx, 2) if tx else None
                entry["goal_met"] = (value <= goal) if goal else None
            out.append(entry)
    return out


def _scaling(runs, scale, build):
    described = {name: (desc, load) for name, desc, load in catalog.SCALING}
    curves = {}
    for run in runs:
        for i, d in sorted(run["defs"].items()):
            if d["kind"] != "scale":
                continue
            desc, load = described.get(d["name"], ("", "tasks"))
            curve = curves.setdefault(d["name"], {
                "name": d["name"], "description": desc, "load": load, "unit": scale.unit,
                "method": scale.method, "build": build, "points": []})
            point = {"n": d["n"]}
            point.update(scale.samples(run, i))
            point.pop("breakdown", None)
            point.pop("memory_accesses", None)
            curve["points"].append(point)
    out = []
    for name, _, _ in catalog.SCALING:
        if name not in curves:
            continue
        c = curves[name]
        c["points"].sort(key=lambda p: p["n"])
        first, last = c["points"][0], c["points"][-1]
        grow = last["value"] - first["value"]
        tol = max(catalog.FLAT_TOLERANCE_ABS, abs(first["value"]) * catalog.FLAT_TOLERANCE_REL)
        c["shape"] = "flat" if grow <= tol else "rising"
        span = last["n"] - first["n"]
        c["per_added"] = round(grow / span, 2) if span else 0.0
        out.append(c)
    return out


def read_sizes(obj, nm):
    """The RAM figures of bench/sizes.c compiled for one configuration:
    {name: bytes} from the sizes of its bench_size_<name> symbols."""
    out = subprocess.run([nm, "-S", obj], check=True, capture_output=True, text=True).stdout
    sizes = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3].startswith("bench_size_"):
            sizes[parts[3][len("bench_size_"):]] = int(parts[1], 16)
    return sizes


def sizes_object(build_dir, image):
    return os.path.join(build_dir, "bench", "CMakeFiles", f"bench_sizes_{image}.dir",
                        "sizes.c.obj")


def footprint_build(build_dir, image, info):
    """Sizes of one footprint image of tests/: map attribution, unlinked
    objects, the whole image, and the configuration's RAM figures."""
    tests = os.path.join(build_dir, "tests")
    sizes = footprint.parse_map(os.path.join(tests, f"{image}.map"))
    unlinked = footprint.object_sizes(info["size"], [os.path.join(tests, f"lib{image}_kernel.a")])
    board_objs = []
    for dirpath, _, files in os.walk(os.path.join(tests, "CMakeFiles", f"{image}_board.dir")):
        board_objs += [os.path.join(dirpath, f) for f in files if f.endswith(".obj")]
    whole = subprocess.run([info["size"], "-B", os.path.join(tests, image)],
                           check=True, capture_output=True, text=True).stdout.splitlines()[1]
    text, data, bss = (int(x) for x in whole.split()[:3])
    return {"map": sizes, "unlinked": unlinked,
            "unlinked_board": footprint.object_sizes(info["size"], board_objs),
            "whole": {"text": text, "data": data, "bss": bss},
            "ram": read_sizes(sizes_object(build_dir, image), info["nm"])}


def _footprint(info, fp):
    out = []
    for build, image, desc in catalog.FOOTPRINT_BUILDS:
        f = fp[build]
        m = f["map"]
        kernel_nh = footprint.totals(m, lambda c, o: c == "kernel" and not o.startswith("heap_"))
        heap_bytes = f["ram"].get("heap", 0)
        whole = f["whole"]
        stack = info["main_stack"]
        entry = {
            "build": build, "description": desc, "image": f"tests/{image}",
            "flags": f"kernel: {info['c_flags']} {info['footprint_kernel_extra_flags']}; "
                     f"board and application: {info['c_flags']}",
            "link": f"--gc-sections, {info['libc']}",
            "kernel": footprint.totals(m, lambda c, o: c == "kernel"),
            "kernel_without_heap": kernel_nh,
            "heap_code": footprint.totals(m, lambda c, o: c == "kernel" and o.startswith("heap_")),
            "heap_reserved": heap_bytes,
            "categories": {cat: footprint.totals(m, lambda c, o, cat=cat: c == cat)
                           for cat in ("kernel", "board", "app", "libc", "other")},
            "linked_objects": [dict(category=c, object=o, **v) for (c, o), v in sorted(m.items())
                               if c in ("kernel", "board")],
            "unlinked_objects": [dict(object=o, **v) for o, v in sorted(f["unlinked"].items())],
            "unlinked_board": [dict(object=o, **v) for o, v in
                               sorted(f["unlinked_board"].items())],
            "image": {"text": whole["text"], "data": whole["data"], "bss": whole["bss"],
                      "flash": whole["text"] + whole["data"],
                      "ram": whole["data"] + whole["bss"] + stack,
                      "ram_without_heap": whole["data"] + whole["bss"] - heap_bytes + stack,
                      "main_stack": stack, "flash_budget": catalog.FLASH_BUDGET,
                      "ram_budget": catalog.RAM_BUDGET},
            "ram_objects": f["ram"],
        }
        entry["kernel_objects_summed_without_heap"] = {
            k: sum(o[k] for o in entry["unlinked_objects"] if not o["object"].startswith("heap_"))
            for k in ("text", "data", "bss")}
        if build == "minimal":
            entry["anchor"] = {"freertos_linked": dict(catalog.FREERTOS_MIN_LINKED),
                               "freertos_objects_summed": dict(catalog.FREERTOS_MIN_OBJECTS),
                               "text_ratio": round(kernel_nh["text"] /
                                                   catalog.FREERTOS_MIN_LINKED["text"], 2)}
        out.append(entry)
    return out


def board_figures(board, info, runs, fp, bench_sizes, have_plugin, ranges, shift):
    ops_run = runs[0]
    start = ops_run["start"]
    method = ("insn-plugin" if have_plugin else
              "dwt-cycles" if start["clock"] == "cycles" else "icount-timer")
    scale = Scale(method, start, shift, ops_run)
    ops, skipped = _operations(runs, scale, "bench")
    doc = {
        "board": board, "machine": info["qemu_machine"], "method": method, "unit": scale.unit,
        "icount_shift": shift, "compiler": info["compiler"], "calibration": scale.cal,
        "plugin_ranges": ranges,
        "builds": {"bench": {"c_flags": info["c_flags"],
                             "config_file": "bench/config/FreeRTOSConfig.h",
                             "config": ops_run["config"]}},
        "operations": ops, "skipped": skipped, "switch": _switch(ops, scale.unit),
        "threadmetric": _threadmetric(runs, scale, "bench"),
        "scaling": _scaling(runs, scale, "bench"),
        "sizes": {"bench": dict(bench_sizes, **ops_run["sizes"])},
        "footprint": _footprint(info, fp),
    }
    return doc


# ----- The document ----------------------------------------------------------------

def document(quick):
    return {"schema": catalog.SCHEMA, "quick": quick, "summary": {}, "goals": [],
            "methods": dict(METHODS), "tools": {}, "boards": [], "figures": []}


def _qemu_version():
    try:
        out = subprocess.run(["qemu-system-arm", "--version"], check=True, capture_output=True,
                             text=True).stdout
        return out.splitlines()[0]
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def flat_figures(doc):
    """Every figure where lower is better, keyed for comparisons."""
    out = []
    for b in doc["boards"]:
        name = b["board"]
        for o in b["operations"]:
            out.append((f"{name}/op/{o['name']}", o["value"], o["unit"]))
        if b["switch"]:
            out.append((f"{name}/switch/context", b["switch"]["context"], b["switch"]["unit"]))
        for t in b["threadmetric"]:
            out.append((f"{name}/tm/{t['name']}", t["value"], t["unit"]))
        for c in b["scaling"]:
            for p in c["points"]:
                out.append((f"{name}/scale/{c['name']}/n={p['n']}", p["value"], c["unit"]))
        for f in b["footprint"]:
            k = f"{name}/footprint/{f['build']}"
            out.append((f"{k}/kernel_text", f["kernel_without_heap"]["text"], "bytes"))
            out.append((f"{k}/kernel_data_bss", f["kernel_without_heap"]["data"] +
                        f["kernel_without_heap"]["bss"], "bytes"))
            out.append((f"{k}/image_flash", f["image"]["flash"], "bytes"))
            out.append((f"{k}/image_ram_without_heap", f["image"]["ram_without_heap"], "bytes"))
        for build, sizes in b["sizes"].items():
            for t in catalog.STATIC_TYPES:
                if t in sizes:
                    out.append((f"{name}/size/{build}/{t}", sizes[t], "bytes"))
    return [{"key": k, "value": v, "unit": u} for k, v, u in out if v is not None]


def _goals(doc):
    goals = []
    primary = next((b for b in doc["boards"] if b["board"] == catalog.PRIMARY_BOARD), None)
    if primary is None:
        return goals
    sw = primary["switch"]
    if sw:
        target = round(catalog.SWITCH_FLOOR * catalog.SWITCH_FLOOR_FACTOR, 1)
        goals.append({"goal": "context switch (PendSV + selection) within 1.3x of the hardware "
                      f"floor ({catalog.SWITCH_FLOOR})", "target": f"<= {target}",
                      "measured": sw["context"], "met": sw["context"] <= target})
        goals.append({"goal": "context switch at or below ThreadX (anchor goal)",
                      "target": f"<= {catalog.SWITCH_ANCHORS['goal']}",
                      "measured": sw["context"],
                      "met": sw["context"] <= catalog.SWITCH_ANCHORS["goal"]})
    for t in primary["threadmetric"]:
        if t["anchors"]["goal"] is not None and t["value"] is not None:
            goals.append({"goal": f"Thread-Metric {t['title']} <= 0.8 x best anchor",
                          "target": f"<= {t['anchors']['goal']}", "measured": t["value"],
                          "met": t["value"] <= t["anchors"]["goal"]})
    for c in primary["scaling"]:
        goals.append({"goal": f"flat scaling curve: {c['name']}", "target": "flat (O(1))",
                      "measured": f"{c['shape']}, {c['per_added']:+} per added {c['load'][:-1]}",
                      "met": c["shape"] == "flat"})
    for f in primary["footprint"]:
        if f["build"] != "minimal":
            continue
        k = f["kernel_without_heap"]
        flash = k["text"] + k["data"]
        goals.append({"goal": "kernel <= 4 KB flash, minimal configuration (linked, without the "
                      "heap)", "target": f"<= {catalog.KERNEL_FLASH_GOAL}", "measured": flash,
                      "met": flash <= catalog.KERNEL_FLASH_GOAL})
        goals.append({"goal": "kernel text <= 3,000 B in the minimal small application "
                      "(FreeRTOS: 3,395)", "target": f"<= {catalog.KERNEL_TEXT_ANCHOR_GOAL}",
                      "measured": k["text"], "met": k["text"] <= catalog.KERNEL_TEXT_ANCHOR_GOAL})
    return goals


def _summary(doc):
    primary = next((b for b in doc["boards"] if b["board"] == catalog.PRIMARY_BOARD),
                   doc["boards"][0] if doc["boards"] else None)
    if primary is None:
        return {}
    ops = {o["name"]: o["value"] for o in primary["operations"]}
    s = {"board": primary["board"], "method": primary["method"], "unit": primary["unit"],
         "switch_yield": ops.get("switch.yield"),
         "switch_context": primary["switch"]["context"] if primary["switch"] else None,
         "switch_floor": catalog.SWITCH_FLOOR,
         "threadmetric": {t["name"]: t["value"] for t in primary["threadmetric"]},
         "goals_met": sum(1 for g in doc["goals"] if g["met"]), "goals": len(doc["goals"])}
    for f in primary["footprint"]:
        s[f"kernel_{f['build']}"] = f["kernel_without_heap"]
        s[f"image_{f['build']}_flash"] = f["image"]["flash"]
        s[f"image_{f['build']}_ram"] = f["image"]["ram"]
    return s


def finish(doc, header):
    doc["tools"] = {"qemu": _qemu_version(), "plugin_header": header}
    doc["goals"] = _goals(doc)
    doc["summary"] = _summary(doc)
    doc["figures"] = flat_figures(doc)
    first = next((b for b in doc["boards"] if b["board"] == catalog.PRIMARY_BOARD),
                 doc["boards"][0])
    doc["plots"] = (["ops.svg"] + (["threadmetric.svg"] if first["threadmetric"] else []) +
                    (["scaling.svg"] if first["scaling"] else []) + ["footprint.svg"])


def differences(a, b):
    fa = {f["key"]: f["value"] for f in a["figures"]}
    fb = {f["key"]: f["value"] for f in b["figures"]}
    diffs = [f"{k}: {fa.get(k)} vs {fb.get(k)}" for k in sorted(set(fa) | set(fb))
             if fa.get(k) != fb.get(k)]
    if not diffs and a != b:
        diffs.append("the documents differ outside the figures")
    return diffs
