/*
 * report_html.c - report.html: one self-contained page (inline style, no
 * script, no external resource) a vendor can attach to a ticket. It leads
 * with the verdict and the failures, because that is what is read first.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include <cjson/cJSON.h>

#include "qualify.h"

#define EXCERPT_LINES 25
#define FOOTPRINT_ROWS 200
#define DETAILED_PROBLEMS 40 /* past these, a broken port's cascade is listed only */

static const char STYLE[] =
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:70em}"
    "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .6em;"
    "text-align:left;vertical-align:top}th{background:#f4f4f4}"
    ".verdict{font-size:1.6em;font-weight:bold;padding:.5em 1em;border-radius:.3em;color:#fff}"
    ".QUALIFIED{background:#2e7d32}.NOT{background:#c62828}.PARTIAL{background:#ef6c00}"
    ".PASS{color:#2e7d32}.FAIL,.ERROR{color:#c62828;font-weight:bold}.SKIP{color:#777}"
    "pre{background:#f8f8f8;border:1px solid #ddd;padding:.5em;overflow-x:auto;font-size:.85em}"
    ".muted{color:#777}";

static void h(struct strbuf *b, const char *s)
{
    sb_add_xml(b, s ? s : "");
}

static void row(struct strbuf *b, const char *key, const char *value)
{
    sb_add(b, "<tr><th>");
    h(b, key);
    sb_add(b, "</th><td>");
    h(b, value);
    sb_add(b, "</td></tr>\n");
}

static const char *verdict_class(const char *verdict)
{
    if (strcmp(verdict, "QUALIFIED") == 0) {
        return "QUALIFIED";
    }
    return strncmp(verdict, "PARTIAL", 7) == 0 ? "PARTIAL" : "NOT";
}

static const char *group_status(const struct group_result *g)
{
    if (!g->enabled) {
        return "not applicable";
    }
    if (!g->selected) {
        return "not run";
    }
    bool bad = g->counts[ST_FAIL] || g->counts[ST_ERROR] || g->counts[ST_NOTRUN] ||
               (g->required && g->count == 0U);
    return bad ? "FAIL" : "PASS";
}

static void html_groups_summary(struct strbuf *b, const struct run *r)
{
    sb_add(b, "<h2>Groups</h2>\n<p>Required for this board's features (");
    for (size_t i = 0; i < r->board->features.n; i++) {
        sb_addf(b, "%s", i ? ", " : "");
        h(b, r->board->features.v[i]);
    }
    sb_add(b, "):</p>\n<table><tr><th>Group</th><th>Feature</th><th>Required</th><th>Result</th>"
              "<th>Passed</th><th>Failed</th><th>Errors</th><th>Skipped</th><th>Time</th>"
              "<th>Note</th></tr>\n");
    for (size_t i = 0; i < r->n_groups; i++) {
        const struct group_result *g = &r->groups[i];
        const char *st = group_status(g);
        sb_addf(b, "<tr><td><a href=\"#g-%s\">", g->name);
        h(b, g->name);
        sb_add(b, "</a></td><td>");
        h(b, g->def ? g->def->feature : "");
        sb_addf(b, "</td><td>%s</td><td class=\"%s\">%s</td>", g->required ? "yes" : "no", st, st);
        sb_addf(b, "<td>%u</td><td>%u</td><td>%u</td><td>%u</td><td>%.1f s</td><td>",
                g->counts[ST_PASS], g->counts[ST_FAIL], g->counts[ST_ERROR] + g->counts[ST_NOTRUN],
                g->counts[ST_SKIP], g->seconds);
        h(b, g->note ? g->note : (g->def ? g->def->description : ""));
        sb_add(b, "</td></tr>\n");
    }
    sb_add(b, "</table>\n");
}

static void html_excerpt(struct strbuf *b, const struct test *t)
{
    struct strbuf text = {0};
    sb_add(&text, tail_lines(sb_str(&t->log), EXCERPT_LINES));
    if (t->dump.len > 0U) {
        sb_addf(&text, "--- evidence ---\n%s", tail_lines(sb_str(&t->dump), EXCERPT_LINES * 2U));
    }
    sb_add(b, "<pre>");
    h(b, text.len ? text.s : "(no console output)");
    sb_add(b, "</pre>\n");
    sb_free(&text);
}

static void html_problem_line(struct strbuf *b, const struct test *t)
{
    sb_addf(b, "<li><a href=\"%s\">", t->log_path);
    h(b, t->id);
    sb_addf(b, "</a> %s: ", status_name(t->status));
    h(b, t->message);
    sb_add(b, "</li>\n");
}

static void html_problems(struct strbuf *b, const struct run *r)
{
    size_t shown = 0;
    for (size_t i = 0; i < r->n_tests; i++) {
        const struct test *t = &r->tests[i];
        if (t->status != ST_FAIL && t->status != ST_ERROR && t->status != ST_NOTRUN) {
            continue;
        }
        if (shown++ == 0U) {
            sb_add(b, "<h2>Failures and errors</h2>\n");
        }
        if (shown > DETAILED_PROBLEMS) {
            sb_add(b, shown == DETAILED_PROBLEMS + 1U ? "<p>More, often consequences of the "
                                                        "first ones:</p>\n<ul>\n"
                                                      : "");
            html_problem_line(b, t);
            continue;
        }
        sb_addf(b, "<h3 id=\"t-%s\"><span class=\"%s\">%s</span> ", t->id, status_name(t->status),
                status_name(t->status));
        h(b, t->id);
        sb_add(b, "</h3>\n<table>\n");
        row(b, "kind", t->kind);
        if (t->file != NULL) {
            char *where = xasprintf("%s:%d", t->file, t->line);
            row(b, "where", where);
            free(where);
        }
        row(b, "message", t->message);
        if (t->def_file != NULL) {
            char *def = xasprintf("%s:%d", t->def_file, t->def_line);
            row(b, "test defined at", def);
            free(def);
        }
        sb_addf(b, "<tr><th>log</th><td><a href=\"%s\">", t->log_path);
        h(b, t->log_path);
        sb_add(b, "</a></td></tr>\n</table>\n");
        html_excerpt(b, t);
    }
    if (shown > DETAILED_PROBLEMS) {
        sb_add(b, "</ul>\n");
    }
}

static void html_group_tables(struct strbuf *b, const struct run *r)
{
    for (size_t i = 0; i < r->n_groups; i++) {
        const struct group_result *g = &r->groups[i];
        if (!g->selected) {
            continue;
        }
        sb_addf(b, "<h2 id=\"g-%s\">Group ", g->name);
        h(b, g->name);
        sb_add(b, "</h2>\n<p class=\"muted\">");
        h(b, g->def ? g->def->description : "");
        sb_add(b, "</p>\n<table><tr><th>Test</th><th>Status</th><th>Time</th><th>Message</th>"
                  "<th>Log</th></tr>\n");
        for (size_t k = g->first; k < g->first + g->count; k++) {
            const struct test *t = &r->tests[k];
            const char *st = status_name(t->status);
            sb_add(b, "<tr><td>");
            h(b, t->id);
            sb_addf(b, "</td><td class=\"%s\">%s</td><td>%.2f s</td><td>", st, st, t->seconds);
            if (t->file != NULL) {
                char *where = xasprintf("%s:%d: ", t->file, t->line);
                h(b, where);
                free(where);
            }
            h(b, t->message);
            sb_addf(b, "</td><td><a href=\"%s\">log</a></td></tr>\n", t->log_path);
        }
        sb_add(b, "</table>\n");
    }
}

static void manifest_rows(struct strbuf *b, const struct run *r)
{
    cJSON *m = r->manifest_json ? cJSON_Parse(r->manifest_json) : NULL;
    if (m == NULL) {
        row(b, "build manifest", "not found (the build did not produce one)");
        return;
    }
    const cJSON *compiler = cJSON_GetObjectItem(m, "compiler");
    char *cc = xasprintf("%s %s (%s)", cJSON_GetStringValue(cJSON_GetObjectItem(compiler, "id")),
                         cJSON_GetStringValue(cJSON_GetObjectItem(compiler, "version")),
                         cJSON_GetStringValue(cJSON_GetObjectItem(compiler, "path")));
    row(b, "compiler", cc);
    free(cc);
    const cJSON *flags = cJSON_GetObjectItem(m, "c_flags");
    row(b, "C flags", cJSON_GetStringValue(cJSON_GetArrayItem(flags, 0)));
    row(b, "build type", cJSON_GetStringValue(cJSON_GetObjectItem(m, "build_type")));
    row(b, "heap", cJSON_GetStringValue(cJSON_GetObjectItem(m, "heap")));
    row(b, "Portolan version (build)", cJSON_GetStringValue(cJSON_GetObjectItem(m, "version")));
    row(b, "test sources hash (build)",
        cJSON_GetStringValue(cJSON_GetObjectItem(m, "sources_hash")));
    cJSON_Delete(m);
}

static void html_board(struct strbuf *b, const struct run *r)
{
    const struct board *bd = r->board;
    struct utsname u;
    sb_add(b, "<h2>Board and toolchain</h2>\n<table>\n");
    row(b, "board", bd->name);
    row(b, "description", bd->description);
    row(b, "architecture", bd->architecture);
    row(b, "descriptor", bd->file);
    row(b, "console", console_type_name(bd->console));
    row(b, "image", r->image);
    row(b, "image reports board", r->dev_board);
    row(b, "image reports version", r->dev_version);
    row(b, "image reports sources", r->dev_sources);
    manifest_rows(b, r);
    if (uname(&u) == 0) {
        char *host = xasprintf("%s %s %s (%s)", u.sysname, u.release, u.machine, u.nodename);
        row(b, "host", host);
        free(host);
    }
    sb_add(b, "</table>\n");
}

static void flatten(struct strbuf *b, const cJSON *item, const char *prefix, int *rows)
{
    for (const cJSON *it = item->child; it != NULL && *rows < FOOTPRINT_ROWS; it = it->next) {
        char *key = it->string ? xasprintf("%s%s%s", prefix, *prefix ? "." : "", it->string)
                               : xasprintf("%s[]", prefix);
        if (cJSON_IsObject(it) || cJSON_IsArray(it)) {
            flatten(b, it, key, rows);
        } else {
            char *value =
                cJSON_IsString(it) ? xstrdup(it->valuestring) : cJSON_PrintUnformatted(it);
            row(b, key, value);
            free(value);
            (*rows)++;
        }
        free(key);
    }
}

/* The bench step's goals: [{goal, target, measured, met}]. */
static void html_goals(struct strbuf *b, const cJSON *goals)
{
    static const char *const keys[] = {"goal", "target", "measured", "met"};
    const cJSON *g;
    sb_add(b, "<table><tr><th>goal</th><th>target</th><th>measured</th><th>met</th></tr>\n");
    cJSON_ArrayForEach(g, goals)
    {
        sb_add(b, "<tr>");
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
            const cJSON *v = cJSON_GetObjectItem(g, keys[i]);
            char *text = cJSON_IsString(v) ? xstrdup(v->valuestring)
                         : v != NULL       ? cJSON_PrintUnformatted(v)
                                           : xstrdup("");
            sb_add(b, "<td>");
            h(b, text);
            sb_add(b, "</td>");
            free(text);
        }
        sb_add(b, "</tr>\n");
    }
    sb_add(b, "</table>\n");
}

/* Without the bench step's own HTML section: its summary and goals. */
static void html_bench_summary(struct strbuf *b, const char *dir, const char *text)
{
    cJSON *bench = cJSON_Parse(text);
    const cJSON *summary = cJSON_GetObjectItem(bench, "summary");
    sb_add(b, "<p>From ");
    h(b, dir);
    sb_add(b, "/bench.json</p>\n");
    if (cJSON_IsObject(summary)) {
        cJSON *copy = cJSON_Duplicate(summary, 1);
        cJSON_DeleteItemFromObject(copy, "goals");
        int rows = 0;
        sb_add(b, "<table>\n");
        flatten(b, copy, "", &rows);
        sb_add(b, "</table>\n");
        cJSON_Delete(copy);
        html_goals(b, cJSON_GetObjectItem(summary, "goals"));
    } else {
        sb_add(b, "<p class=\"muted\">(no summary in it)</p>\n");
    }
    cJSON_Delete(bench);
}

/* The performance and footprint figures of the bench step (docs/bench.md):
 * its own section, bench-section.html, when present beside bench.json. */
static void html_footprint(struct strbuf *b, const struct run *r)
{
    char *dirs[2] = {xasprintf("%s/bench", r->vars.build),
                     xasprintf("%s/build/bench", r->vars.root)};
    char *json = NULL;
    char *section = NULL;
    const char *dir = NULL;
    for (size_t i = 0; i < 2U && json == NULL; i++) {
        char *path = xasprintf("%s/bench.json", dirs[i]);
        json = read_file(path, NULL);
        dir = dirs[i];
        free(path);
    }
    if (json != NULL) {
        char *path = xasprintf("%s/bench-section.html", dir);
        section = read_file(path, NULL);
        free(path);
    }
    if (section != NULL) {
        sb_add(b, "<div id=\"footprint\">\n");
        sb_add(b, section);
        sb_add(b, "</div>\n");
    } else {
        sb_add(b, "<h2 id=\"footprint\">Performance and footprint</h2>\n");
        if (json == NULL) {
            sb_add(b, "<p class=\"muted\">Not measured yet: <code>make bench</code> writes "
                      "build/bench/bench.json (ROM, RAM, context switch and API costs), and this "
                      "section shows it.</p>\n");
        } else {
            html_bench_summary(b, dir, json);
        }
    }
    free(json);
    free(section);
    free(dirs[0]);
    free(dirs[1]);
}

static void html_run(struct strbuf *b, const struct run *r)
{
    sb_add(b, "<h2>Run</h2>\n<table>\n");
    row(b, "command", r->opt->command_line);
    row(b, "started", r->started_iso);
    char *secs = xasprintf("%.1f s (wall clock, informative), %d boot(s)", r->finished - r->started,
                           r->boots);
    row(b, "duration", secs);
    free(secs);
    sb_add(b, "<tr><th>files</th><td><a href=\"report.json\">report.json</a> &middot; "
              "<a href=\"report.xml\">report.xml</a> (JUnit) &middot; "
              "<a href=\"console.log\">console.log</a>");
    if (r->build_log != NULL) {
        sb_addf(b, " &middot; <a href=\"%s\">build log</a>", r->build_log);
    }
    sb_add(b, "</td></tr>\n</table>\n");
    if (r->anomalies.n > 0U) {
        sb_add(b, "<h2>Console anomalies</h2>\n<p>Lines that were not understood or arrived "
                  "out of place. They were never taken as results.</p>\n<pre>");
        for (size_t i = 0; i < r->anomalies.n; i++) {
            h(b, r->anomalies.v[i]);
            sb_add(b, "\n");
        }
        sb_add(b, "</pre>\n");
    }
}

int report_write_html(struct run *r, const char *path)
{
    struct strbuf b = {0};
    sb_addf(&b,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Qualification: %s</title><style>%s</style></head><body>\n",
            r->board->name, STYLE);
    sb_add(&b, "<h1>Portolan qualification report: ");
    h(&b, r->board->name);
    sb_addf(&b, "</h1>\n<p class=\"verdict %s\">", verdict_class(r->verdict));
    h(&b, r->verdict);
    sb_add(&b, "</p>\n<p>");
    h(&b, r->verdict_detail);
    sb_add(&b, "</p>\n");
    if (r->failure != NULL) {
        sb_add(&b, "<pre>");
        h(&b, r->failure);
        sb_add(&b, "</pre>\n");
    }
    html_groups_summary(&b, r);
    html_problems(&b, r);
    html_group_tables(&b, r);
    html_board(&b, r);
    html_footprint(&b, r);
    html_run(&b, r);
    sb_add(&b, "</body></html>\n");
    int rc = write_file(path, b.s, b.len);
    sb_free(&b);
    return rc;
}
