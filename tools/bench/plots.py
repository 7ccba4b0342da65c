"""plots.py - the SVG plots of a benchmark document, drawn by gnuplot:
per-operation bars, Thread-Metric against the anchors, scaling curves, and
the whole image against the flash and RAM budget. Each plot leaves its data
(.dat) and script (.gp) next to the SVG."""

import os
import subprocess

import catalog


def _primary(doc):
    return next((b for b in doc["boards"] if b["board"] == catalog.PRIMARY_BOARD),
                doc["boards"][0])



_TERM = "set terminal svg size 900,{h} font 'sans,11' background rgb 'white'\n"
_HISTOGRAM = ("set style data histograms\nset style histogram clustered gap 1\n"
              "set style fill solid 0.8 border -1\nset boxwidth 0.9\nset grid ytics\n"
              "set yrange [0:*]\nset key top left\n")


def _gnuplot(out, name, script, data):
    """Runs gnuplot in `out` on relative names, so that the script can be
    re-run by hand there."""
    with open(os.path.join(out, f"{name}.dat"), "w", encoding="utf-8") as f:
        f.write(data)
    with open(os.path.join(out, f"{name}.gp"), "w", encoding="utf-8") as f:
        f.write(script.replace("@DAT@", f"{name}.dat").replace("@OUT@", f"{name}.svg"))
    subprocess.run(["gnuplot", f"{name}.gp"], check=True, cwd=out)
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
              + _HISTOGRAM + "set xtics rotate by -60 scale 0 font ',9'\nset bmargin 11\n"
              f"plot {cols}\n")
    return _gnuplot(out, "ops", script, "\n".join(lines) + "\n")


def _plot_tm(doc, out):
    b = _primary(doc)
    lines = []
    for t in b["threadmetric"]:
        a = t["anchors"]
        vals = [t["value"], a["freertos"], a["threadx"]]
        label = t["name"].replace("tm.", "").replace("_", " ")
        lines.append(f"\"{label}\" " + " ".join("NaN" if v is None else str(v) for v in vals))
    script = (_TERM.format(h=480) + "set output '@OUT@'\n"
              "set title 'Thread-Metric: instructions per event (lower is better)'\n"
              + _HISTOGRAM + "set xtics rotate by -30 scale 0\n"
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


def write(doc, out):
    """Draws every plot the document has data for; returns the SVG names."""
    made = [_plot_ops(doc, out)]
    p = _primary(doc)
    if p["threadmetric"]:
        made.append(_plot_tm(doc, out))
    if p["scaling"]:
        made.append(_plot_scaling(doc, out))
    made.append(_plot_footprint(doc, out))
    return made
