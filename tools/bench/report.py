"""report.py - writes a benchmark document out: bench.json, the SVG plots,
bench.md (readable tables) and bench-section.html (the same tables and the
plots inline, an HTML fragment for the qualification report).

The sections are built once as blocks - ("h2", text), ("h3", text),
("p", text), ("table", head, rows), ("img", svg name, caption) - and
rendered to Markdown or HTML."""

import html
import json
import os
import xml.etree.ElementTree as ET

import catalog
import plots


def write_all(doc, out, plot=True):
    """Writes every output; returns the list of problems found in them
    (empty when the SVGs and the HTML fragment are well-formed XML)."""
    with open(os.path.join(out, "bench.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    made = plots.write(doc, out) if plot else []
    blocks = document_blocks(doc, made)
    with open(os.path.join(out, "bench.md"), "w", encoding="utf-8") as f:
        f.write(render_md(blocks))
    with open(os.path.join(out, "bench-section.html"), "w", encoding="utf-8") as f:
        f.write(render_html(blocks, out))
    problems = []
    for name in made + ["bench-section.html"]:
        try:
            ET.parse(os.path.join(out, name))
        except (ET.ParseError, OSError) as exc:
            problems.append(f"{name}: {exc}")
    missing = sorted(set(doc.get("plots", [])) - set(made))
    if plot and missing:
        problems.append(f"plots not drawn: {', '.join(missing)}")
    return problems


def _primary(doc):
    return next((b for b in doc["boards"] if b["board"] == catalog.PRIMARY_BOARD),
                doc["boards"][0])


# ----- Sections -------------------------------------------------------------------

def _goals(doc):
    rows = [(g["goal"], g["target"], g["measured"], "yes" if g["met"] else "NO")
            for g in doc["goals"]]
    return [("h2", "Goals (reported, not tested)"),
            ("table", ["goal", "target", "measured", "met"], rows)]


def _switch(doc):
    rows = [(b["board"], s["yield"], s["pendsv"], s["select"], s["context"], s["floor"],
             s["floor_ratio"]) for b in doc["boards"] for s in [b["switch"]] if s]
    if not rows:
        return [("h2", "Context switch"), ("p", "No breakdown: the plugin was not available.")]
    a = catalog.SWITCH_ANCHORS
    return [("h2", "Context switch"),
            ("table", ["board", "taskYIELD to return", "switch handler (PendSV; RV32: msip)",
                       "selection (kernel)", "switch (handler + selection)",
                       "floor", "x floor"], rows),
            ("p", f"Anchors (handler + selection): FreeRTOS {a['freertos']}, ThreadX "
                  f"{a['threadx']}; goal <= {a['goal']}. The floor is a FreeRTOS-style PendSV "
                  f"handler with O(1) selection ({catalog.SWITCH_FLOOR} instructions).")]


def _ops(doc, made):
    boards = doc["boards"]
    names = []
    for b in boards:
        names += [o["name"] for o in b["operations"] if o["name"] not in names]
    with_mem = any("memory_accesses" in o for b in boards for o in b["operations"])
    desc = dict(catalog.OPS)
    rows = []
    for n in names:
        found = [next((o for o in b["operations"] if o["name"] == n), None) for b in boards]
        rows.append([n] + [o and o["value"] for o in found] +
                    ([o and o.get("memory_accesses") for o in found] if with_mem else []) +
                    [desc.get(n, "")])
    head = ["operation"] + [b["board"] for b in boards]
    if with_mem:
        head += [f"memory accesses, {b['board']}" for b in boards]
    out = [("h2", "Per-operation cost"),
           ("p", f"{boards[0]['unit'].capitalize()} per call, marker calibration subtracted."),
           ("table", head + ["what"], rows)]
    skipped = {s["name"]: s["reason"] for b in boards for s in b["skipped"]}
    if skipped:
        out.append(("p", "Skipped: " + "; ".join(f"{k} ({v})" for k, v in skipped.items())
                    + "."))
    if "ops.svg" in made:
        out.append(("img", "ops.svg", "per-operation cost"))
    return out


def _tm(doc, made):
    b = _primary(doc)
    rows = []
    for t in b["threadmetric"]:
        a = t["anchors"]
        rows.append((t["title"], t["value"], a["freertos"], a["threadx"], a["goal"],
                     t.get("vs_freertos"), t.get("vs_threadx"), t["events"],
                     "yes" if t["valid"] else "no"))
    period = b["threadmetric"][0]["period_ticks"] if b["threadmetric"] else "?"
    out = [("h2", "Thread-Metric (instructions per event, lower is better)"),
           ("p", f"{b['board']}: our implementation of the published test definitions, "
                 f"{period} ticks per test. Anchors from perf-anchors.md (same board and QEMU "
                 "mode). 'counters valid' is Thread-Metric's check (every counter within one "
                 "of their average); time slicing can make the cooperative test's counters "
                 "drift apart by a little more."),
           ("table", ["test", "Portolan", "FreeRTOS", "ThreadX", "goal", "x FreeRTOS",
                      "x ThreadX", "events", "counters valid"], rows)]
    if "threadmetric.svg" in made:
        out.append(("img", "threadmetric.svg", "Thread-Metric"))
    return out


def _scaling(doc, made):
    b = _primary(doc)
    ns = catalog.SCALING_POINTS
    rows = []
    for c in b["scaling"]:
        vals = {p["n"]: p["value"] for p in c["points"]}
        rows.append([c["name"]] + [vals.get(n) for n in ns] +
                    [c["shape"], c["per_added"], c["description"]])
    out = [("h2", "Scaling (cost against tasks delayed or timers running)"),
           ("table", ["curve"] + [f"n={n}" for n in ns] + ["shape", "per added", "what"],
            rows)]
    if "scaling.svg" in made:
        out.append(("img", "scaling.svg", "scaling curves"))
    return out


def _footprint_board(b):
    rows = []
    for f in b["footprint"]:
        k, im = f["kernel_without_heap"], f["image"]
        rows.append((f["build"], k["text"], k["data"], k["bss"], f["heap_code"]["text"],
                     f["heap_reserved"], im["flash"], im["ram"], im["ram_without_heap"]))
    out = [("h3", b["board"]),
           ("table", ["build", "kernel text", "data", "bss", "heap_4 text", "heap reserved",
                      "image flash", "image RAM", "RAM without heap"], rows)]
    for f in b["footprint"]:
        text = f"{f['build']}: {f['description']}; {f['flags']}; {f['link']}."
        if "anchor" in f:
            a = f["anchor"]
            text += (f" Minimal kernel linked: {f['kernel_without_heap']['text']:,} B text "
                     f"against FreeRTOS {a['freertos_linked']['text']:,} B ({a['text_ratio']}x);"
                     f" kernel objects summed {f['kernel_objects_summed_without_heap']['text']:,}"
                     f" B against {a['freertos_objects_summed']['text']:,} B.")
        out.append(("p", text))
    objs = {}
    for f in b["footprint"]:
        for o in f["linked_objects"]:
            objs.setdefault((o["category"], o["object"]), {})[f["build"]] = o
    builds = [f["build"] for f in b["footprint"]]
    rows = [[f"{c}/{o}"] + [" / ".join(f"{v[bd][k]:,}" for k in ("text", "data", "bss"))
                            if bd in v else "–" for bd in builds]
            for (c, o), v in sorted(objs.items())]
    out += [("p", "Linked, by object (text / data / bss):"), ("table", ["object"] + builds,
                                                               rows)]
    cols = [(f["build"], f["ram_objects"]) for f in b["footprint"]]
    cols.append(("bench", b["sizes"].get("bench", {})))
    keys = []
    for _, d in cols:
        keys += [k for k in d if k not in keys]
    out += [("p", "RAM, bytes: sizeof the Static*_t types, stacks and heap of each "
                  "configuration; heap.* is what one creation took from heap_4 in the benchmark "
                  "configuration (allocator overhead included):"),
            ("table", ["figure"] + [c for c, _ in cols],
             [[k] + [d.get(k) for _, d in cols] for k in keys])]
    return out


def _footprint(doc, made):
    out = [("h2", "Footprint")]
    for b in doc["boards"]:
        out += _footprint_board(b)
    if "footprint.svg" in made:
        out.append(("img", "footprint.svg", "whole image against the budget"))
    return out


def _method(doc):
    out = [("h2", "Method")]
    for b in doc["boards"]:
        bench = b["builds"]["bench"]
        keys = ", ".join(f"{k}={v}" for k, v in bench["config"].items())
        out.append(("p", f"{b['board']} (QEMU {b['machine']}, -icount shift={b['icount_shift']},"
                         f"sleep=off): method {b['method']}; calibration {b['calibration']} "
                         f"{b['unit']} subtracted. Compiler {b['compiler']}; flags "
                         f"{bench['c_flags']}. Kernel configuration {bench['config_file']}: "
                         f"{keys}."))
    for name, text in doc["methods"].items():
        out.append(("p", f"{name}: {text}."))
    t = doc["tools"]
    text = f"QEMU: {t.get('qemu')}."
    if t.get("plugin_header"):
        h = t["plugin_header"]
        text += (f" Plugin header from Debian qemu {h['qemu_source_version']}, SHA-256 "
                 f"{h['qemu_plugin_h_sha256']}.")
    out.append(("p", text))
    return out


def document_blocks(doc, made):
    s = doc["summary"]
    intro = ("Generated by make bench (tools/bench/bench.py); docs/bench.md explains the "
             "method, how to read the figures and how to compare two runs.")
    if doc["quick"]:
        intro += " Quick mode: reduced samples, not for comparison."
    key = []
    if s.get("switch_context") is not None:
        key.append(f"Context switch {s['switch_context']} {s['unit']} (PendSV + selection; "
                   f"floor {s['switch_floor']}); taskYIELD to return {s['switch_yield']}.")
    if "kernel_minimal" in s:
        key.append(f"Minimal kernel {s['kernel_minimal']['text']:,} B text linked.")
    key.append(f"Goals met: {s.get('goals_met')} of {s.get('goals')}.")
    return ([("h1", "Portolan performance and footprint"), ("p", intro), ("p", " ".join(key))]
            + _goals(doc) + _switch(doc) + _ops(doc, made) + _tm(doc, made)
            + _scaling(doc, made) + _footprint(doc, made) + _method(doc))


# ----- Rendering --------------------------------------------------------------------

def _fmt(v):
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:,.1f}" if v != int(v) or abs(v) >= 10 else f"{v:g}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _numeric_column(rows, i):
    return i > 0 and all(r[i] is None or isinstance(r[i], (int, float)) for r in rows)


def render_md(blocks):
    out = []
    for b in blocks:
        if b[0] in ("h1", "h2", "h3"):
            out.append("#" * int(b[0][1]) + " " + b[1] + "\n")
        elif b[0] == "p":
            out.append(b[1] + "\n")
        elif b[0] == "table":
            head, rows = b[1], b[2]
            align = ["---:" if _numeric_column(rows, i) else "---" for i in range(len(head))]
            lines = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
            lines += ["| " + " | ".join(_fmt(c) for c in r) + " |" for r in rows]
            out.append("\n".join(lines) + "\n")
        elif b[0] == "img":
            out.append(f"![{b[2]}]({b[1]})\n")
    return "\n".join(out)


def _inline_svg(path):
    try:
        with open(path, encoding="utf-8") as f:
            svg = f.read()
    except OSError:
        return ""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else ""


def render_html(blocks, out):
    """An HTML fragment (no <html> or <body>): headings start at h2, the
    plots are inline SVG so the fragment stands alone."""
    parts = ['<section class="portolan-bench">\n']
    for b in blocks:
        if b[0] in ("h1", "h2", "h3"):
            level = int(b[0][1]) + 1
            parts.append(f"<h{level}>{html.escape(b[1])}</h{level}>\n")
        elif b[0] == "p":
            parts.append(f"<p>{html.escape(b[1])}</p>\n")
        elif b[0] == "table":
            head, rows = b[1], b[2]
            num = [_numeric_column(rows, i) for i in range(len(head))]
            parts.append("<table>\n<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head)
                         + "</tr>\n")
            right = ' style="text-align:right"'
            for r in rows:
                cells = "".join(f"<td{right if num[i] else ''}>{html.escape(_fmt(c))}</td>"
                                for i, c in enumerate(r))
                parts.append(f"<tr>{cells}</tr>\n")
            parts.append("</table>\n")
        elif b[0] == "img":
            parts.append(f"<figure>{_inline_svg(os.path.join(out, b[1]))}"
                         f"<figcaption>{html.escape(b[2])}</figcaption></figure>\n")
    parts.append("</section>\n")
    return "".join(parts)
