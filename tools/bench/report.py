"""report.py - writes bench.json, bench.md (readable tables) and the SVG
plots (gnuplot) of a benchmark document."""

import json
import os
import subprocess

import catalog


def write_all(doc, out, plot=True):
    with open(os.path.join(out, "bench.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    plots = write_plots(doc, out) if plot else []
    with open(os.path.join(out, "bench.md"), "w", encoding="utf-8") as f:
        f.write(markdown(doc, plots))


def _fmt(v):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.1f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _numeric(v):
    return v is None or isinstance(v, (int, float))


def _table(head, rows):
    """Markdown table; columns whose cells are all numbers align right."""
    align = ["---:" if i and all(_numeric(r[i]) for r in rows) else "---"
             for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(_fmt(c) for c in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def _primary(doc):
    return next((b for b in doc["boards"] if b["board"] == catalog.PRIMARY_BOARD),
                doc["boards"][0])


# ----- Markdown -------------------------------------------------------------------

def _md_method(doc):
    out = ["## Method\n"]
    for b in doc["boards"]:
        cfg = b["builds"]["bench"]["config"]
        keys = ", ".join(f"{k}={v}" for k, v in cfg.items())
        out.append(f"- **{b['board']}** (QEMU `{b['machine']}`, `-icount shift="
                   f"{b['icount_shift']},sleep=off`): method **{b['method']}**; "
                   f"calibration {_fmt(b['calibration'])} {b['unit']} subtracted.\n"
                   f"  Compiler {b['compiler']}, flags `{b['builds']['bench']['c_flags']}`.\n"
                   f"  Kernel configuration `bench/config/FreeRTOSConfig.h`: {keys}.\n")
    out.append("\nMethods:\n")
    for name, text in doc["methods"].items():
        out.append(f"- **{name}**: {text}.\n")
    t = doc["tools"]
    out.append(f"\nQEMU: {t.get('qemu')}.")
    if t.get("plugin_header"):
        h = t["plugin_header"]
        out.append(f" Plugin header from Debian qemu {h['qemu_source_version']}, SHA-256 "
                   f"`{h['qemu_plugin_h_sha256']}`.")
    return "".join(out) + "\n"


def _md_goals(doc):
    rows = [(g["goal"], g["target"], g["measured"], "yes" if g["met"] else "**no**")
            for g in doc["goals"]]
    return "## Goals (reported, not tested)\n\n" + _table(["goal", "target", "measured", "met"],
                                                         rows)


def _md_switch(doc):
    out = ["## Context switch\n\n"]
    rows = []
    for b in doc["boards"]:
        s = b["switch"]
        if s:
            rows.append((b["board"], s["yield"], s["pendsv"], s["select"], s["context"],
                         s["floor"], s["floor_ratio"]))
    if not rows:
        return "## Context switch\n\nNo breakdown (the plugin was not available).\n"
    out.append(_table(["board", "taskYIELD to return", "PendSV handler", "selection "
                       "(vTaskSwitchContext)", "switch (handler + selection)", "floor",
                       "x floor"], rows))
    a = catalog.SWITCH_ANCHORS
    out.append(f"\nAnchors (handler + selection): FreeRTOS {a['freertos']}, ThreadX "
               f"{a['threadx']}; goal <= {a['goal']}.\n")
    return "".join(out)


def _md_ops(doc, plots):
    boards = doc["boards"]
    names = []
    for b in boards:
        names += [o["name"] for o in b["operations"] if o["name"] not in names]
    with_mem = any("memory_accesses" in o for b in boards for o in b["operations"])
    rows = []
    desc = dict(catalog.OPS)
    for n in names:
        vals, mems = [], []
        for b in boards:
            o = next((o for o in b["operations"] if o["name"] == n), None)
            vals.append(o["value"] if o else None)
            mems.append(o.get("memory_accesses") if o else None)
        rows.append([f"`{n}`"] + vals + (mems if with_mem else []) + [desc.get(n, "")])
    head = ["operation"] + [b["board"] for b in boards]
    if with_mem:
        head += [f"memory accesses, {b['board']}" for b in boards]
    out = ["## Per-operation cost\n\n", f"{boards[0]['unit'].capitalize()} per call, "
           "marker calibration subtracted.\n\n", _table(head + ["what"], rows)]
    skipped = {s["name"]: s["reason"] for b in boards for s in b["skipped"]}
    if skipped:
        out.append("\nSkipped: " + "; ".join(f"`{k}` ({v})" for k, v in skipped.items()) + ".\n")
    if "ops.svg" in plots:
        out.append("\n![per-operation cost](ops.svg)\n")
    return "".join(out)


def _md_tm(doc, plots):
    b = _primary(doc)
    rows = []
    for t in b["threadmetric"]:
        a = t["anchors"]
        rows.append((t["title"], t["value"], a["freertos"], a["threadx"], a["goal"],
                     t.get("vs_freertos"), t.get("vs_threadx"), t["events"],
                     "yes" if t["valid"] else "**no**"))
    out = ["## Thread-Metric (instructions per event, lower is better)\n\n",
           f"{b['board']}; our implementation of the published test definitions, "
           f"{b['threadmetric'][0]['period_ticks'] if b['threadmetric'] else '?'} ticks "
           "per test. Anchors: perf-anchors.md (same board, same QEMU mode).\n\n",
           _table(["test", "Portolan", "FreeRTOS", "ThreadX", "goal", "x FreeRTOS",
                   "x ThreadX", "events", "counters valid"], rows)]
    if "threadmetric.svg" in plots:
        out.append("\n![Thread-Metric](threadmetric.svg)\n")
    return "".join(out)


def _md_scaling(doc, plots):
    b = _primary(doc)
    ns = catalog.SCALING_POINTS
    rows = []
    for c in b["scaling"]:
        vals = {p["n"]: p["value"] for p in c["points"]}
        rows.append([f"`{c['name']}`"] + [vals.get(n) for n in ns] +
                    [c["shape"], c["per_added"], c["description"]])
    out = ["## Scaling (cost against tasks delayed or timers running)\n\n",
           _table(["curve"] + [f"n={n}" for n in ns] + ["shape", "per added", "what"], rows)]
    if "scaling.svg" in plots:
        out.append("\n![scaling](scaling.svg)\n")
    return "".join(out)


def _md_footprint(doc, plots):
    out = ["## Footprint\n\n"]
    for b in doc["boards"]:
        out.append(f"### {b['board']}\n\n")
        rows = []
        for f in b["footprint"]:
            k, im = f["kernel_without_heap"], f["image"]
            rows.append((f["build"], k["text"], k["data"], k["bss"], f["heap_code"]["text"],
                         f["heap_reserved"], im["flash"], im["ram"], im["ram_without_heap"]))
        out.append(_table(["build", "kernel text", "data", "bss", "heap_4 text",
                           "heap reserved", "image flash", "image RAM", "RAM without heap"],
                          rows))
        for f in b["footprint"]:
            out.append(f"\n{f['build']}: {f['description']}; `{f['flags']}`; {f['link']}.\n")
            if "anchor" in f:
                a = f["anchor"]
                out.append(f"Minimal kernel linked: {f['kernel_without_heap']['text']:,} B text "
                           f"against FreeRTOS {a['freertos_linked']['text']:,} B "
                           f"({a['text_ratio']}x); objects summed "
                           f"{f['kernel_objects_summed_without_heap']['text']:,} B against "
                           f"{a['freertos_objects_summed']['text']:,} B.\n")
        objs = {}
        for f in b["footprint"]:
            for o in f["linked_objects"]:
                objs.setdefault((o["category"], o["object"]), {})[f["build"]] = o
        rows = [(f"{c}/{o}",) + tuple(_fmt(v.get(bd, {}).get("text")) + " / " +
                                      _fmt(v.get(bd, {}).get("data")) + " / " +
                                      _fmt(v.get(bd, {}).get("bss"))
                                      for bd, _, _ in catalog.FOOTPRINT_BUILDS)
                for (c, o), v in sorted(objs.items())]
        out.append("\nLinked, by object (text / data / bss):\n\n" +
                   _table(["object"] + [bd for bd, _, _ in catalog.FOOTPRINT_BUILDS], rows))
        cols = [(f["build"], f["ram_objects"]) for f in b["footprint"]]
        cols.append(("bench", b["sizes"].get("bench", {})))
        keys = []
        for _, d in cols:
            keys += [k for k in d if k not in keys]
        rows = [[k] + [d.get(k) for _, d in cols] for k in keys]
        out.append("\nRAM, bytes: sizeof the Static*_t types, stacks and heap of each "
                   "configuration; heap.* is what one creation took from heap_4 in the "
                   "benchmark configuration (allocator overhead included):\n\n" +
                   _table(["figure"] + [c for c, _ in cols], rows))
    if "footprint.svg" in plots:
        out.append("\n![footprint against budget](footprint.svg)\n")
    return "".join(out)


def markdown(doc, plots):
    s = doc["summary"]
    head = ["# Portolan performance and footprint\n\n",
            "Generated by `make bench` (tools/bench/bench.py); see docs/bench.md for the "
            "method and how to compare two runs.",
            " **Quick mode: reduced samples, not for comparison.**" if doc["quick"] else "",
            "\n\n"]
    if s.get("switch_context") is not None:
        head.append(f"Context switch {s['switch_context']} {s['unit']} (PendSV + selection; "
                    f"floor {s['switch_floor']}); taskYIELD to return {s['switch_yield']}. ")
    if "kernel_minimal" in s:
        head.append(f"Minimal kernel {s['kernel_minimal']['text']:,} B text linked. ")
    head.append(f"Goals met: {s.get('goals_met')} of {s.get('goals')}.\n\n")
    parts = head + [_md_goals(doc), "\n", _md_switch(doc), "\n", _md_ops(doc, plots), "\n",
                    _md_tm(doc, plots), "\n", _md_scaling(doc, plots), "\n",
                    _md_footprint(doc, plots), "\n", _md_method(doc)]
    return "".join(parts)


# ----- Plots ----------------------------------------------------------------------

_TERM = "set terminal svg size 900,{h} font 'sans,11' background rgb 'white'\n"


def _gnuplot(out, name, script, data):
    dat = os.path.join(out, f"{name}.dat")
    with open(dat, "w", encoding="utf-8") as f:
        f.write(data)
    gp = os.path.join(out, f"{name}.gp")
    with open(gp, "w", encoding="utf-8") as f:
        f.write(script.replace("@DAT@", dat).replace("@OUT@", os.path.join(out, f"{name}.svg")))
    subprocess.run(["gnuplot", gp], check=True)
    return f"{name}.svg"


def _plot_ops(doc, out):
    boards = doc["boards"]
    names = [o["name"] for o in boards[0]["operations"]]
    lines = []
    for n in names:
        vals = []
        for b in boards:
            o = next((o for o in b["operations"] if o["name"] == n), None)
            vals.append(str(o["value"]) if o else "NaN")
        lines.append(f"\"{n}\" " + " ".join(vals))
    cols = " , ".join(f"'@DAT@' using {i + 2}:xtic(1) title '{b['board']}'"
                      for i, b in enumerate(boards))
    script = (_TERM.format(h=520) + "set output '@OUT@'\n"
              f"set title 'Per-operation cost ({boards[0]['unit']}, lower is better)'\n"
              "set style data histograms\nset style histogram clustered gap 1\n"
              "set style fill solid 0.8 border -1\nset boxwidth 0.9\n"
              "set xtics rotate by -60 scale 0 font ',9'\nset grid ytics\nset key top left\n"
              "set yrange [0:*]\nset bmargin 11\n"
              f"plot {cols}\n")
    return _gnuplot(out, "ops", script, "\n".join(lines) + "\n")


def _plot_tm(doc, out):
    b = _primary(doc)
    lines = []
    for t in b["threadmetric"]:
        a = t["anchors"]
        vals = [t["value"], a["freertos"], a["threadx"]]
        label = t["name"].replace("tm.", "")
        lines.append(f"\"{label}\" " + " ".join("NaN" if v is None else str(v) for v in vals))
    script = (_TERM.format(h=480) + "set output '@OUT@'\n"
              "set title 'Thread-Metric: instructions per event (lower is better)'\n"
              "set style data histograms\nset style histogram clustered gap 1\n"
              "set style fill solid 0.8 border -1\nset boxwidth 0.9\nset grid ytics\n"
              "set xtics rotate by -30 scale 0\nset yrange [0:*]\nset key top left\n"
              "plot '@DAT@' using 2:xtic(1) title 'Portolan', '' using 3 title 'FreeRTOS', "
              "'' using 4 title 'ThreadX'\n")
    return _gnuplot(out, "threadmetric", script, "\n".join(lines) + "\n")


def _plot_scaling(doc, out):
    b = _primary(doc)
    blocks, plots = [], []
    for i, c in enumerate(b["scaling"]):
        blocks.append(f"# {c['name']}\n" + "\n".join(f"{p['n']} {p['value']}"
                                                     for p in c["points"]))
        plots.append(f"'@DAT@' index {i} using 1:2 with linespoints title '{c['name']}'")
    script = (_TERM.format(h=500) + "set output '@OUT@'\n"
              f"set title 'Scaling: cost against load ({b['unit']}; flat is the goal)'\n"
              "set logscale x 2\nset xlabel 'tasks delayed / timers running'\n"
              "set ylabel '" + b["unit"] + "'\nset grid\nset key outside right\n"
              "set xrange [0.8:320]\nset yrange [0:*]\n"
              "plot " + ", ".join(plots) + "\n")
    return _gnuplot(out, "scaling", script, "\n\n\n".join(blocks) + "\n")


def _plot_footprint(doc, out):
    b = _primary(doc)
    lines, y, labels = [], 0, []
    for f in b["footprint"]:
        im = f["image"]
        for kind, used, budget in (("flash", im["flash"], im["flash_budget"]),
                                   ("RAM", im["ram"], im["ram_budget"]),
                                   ("RAM without heap", im["ram_without_heap"], im["ram_budget"])):
            pct = 100.0 * used / budget
            lines.append(f"{y} {pct:.2f} \"{used / 1024:.1f} of {budget // 1024} KB\"")
            labels.append(f"\"{f['build']} {kind}\" {y}")
            y += 1
    script = (_TERM.format(h=120 + 40 * y) + "set output '@OUT@'\n"
              f"set title 'Whole image against the budget ({b['board']}, 128 KB flash, "
              "64 KB RAM)'\n"
              "set xrange [0:100]\nset rmargin 16\nset xlabel 'percent of budget'\n"
              f"set yrange [-0.6:{y - 0.4}]\nset ytics (" + ", ".join(labels) + ")\n"
              "set grid xtics\nset style fill solid 0.8 border -1\nunset key\n"
              "plot '@DAT@' using (50):1:(0):(100):($1-0.35):($1+0.35) with boxxyerror "
              "lc rgb '#dddddd', "
              "'' using ($2/2):1:(0):2:($1-0.35):($1+0.35) with boxxyerror lc rgb '#4477aa', "
              "'' using (100):1:3 with labels left offset 1,0\n")
    return _gnuplot(out, "footprint", script, "\n".join(lines) + "\n")


def write_plots(doc, out):
    made = [_plot_ops(doc, out)]
    p = _primary(doc)
    if p["threadmetric"]:
        made.append(_plot_tm(doc, out))
    if p["scaling"]:
        made.append(_plot_scaling(doc, out))
    made.append(_plot_footprint(doc, out))
    return made
