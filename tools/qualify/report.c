/*
 * report.c - the verdict, the per-test logs, report.json and report.xml
 * (JUnit: testsuites > testsuite per group > testcase, with failure,
 * error and skipped, as CI systems read it).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "qualify.h"

/* ----- Verdict ------------------------------------------------------------------------ */

static bool group_failed(const struct group_result *g)
{
    return g->counts[ST_FAIL] > 0U || g->counts[ST_ERROR] > 0U || g->counts[ST_NOTRUN] > 0U ||
           (g->required && g->count == 0U);
}

/* Names the failing groups: "Port (4 failed), Kernel (1 error)". */
static char *failing_groups(const struct run *r)
{
    struct strbuf b = {0};
    for (size_t i = 0; i < r->n_groups; i++) {
        const struct group_result *g = &r->groups[i];
        if (!g->selected || !group_failed(g)) {
            continue;
        }
        sb_addf(&b, "%s%s (", b.len ? ", " : "", g->name);
        if (g->count == 0U) {
            sb_add(&b, "no tests in the image");
        } else if (g->counts[ST_FAIL] > 0U) {
            sb_addf(&b, "%u failed%s", g->counts[ST_FAIL], g->counts[ST_ERROR] ? ", " : "");
        }
        if (g->counts[ST_ERROR] > 0U) {
            sb_addf(&b, "%u error%s", g->counts[ST_ERROR], g->counts[ST_ERROR] > 1U ? "s" : "");
        }
        sb_add(&b, ")");
    }
    return b.s;
}

static void decide(struct run *r, const char *verdict, int code, char *detail)
{
    free(r->verdict);
    free(r->verdict_detail);
    r->verdict = xstrdup(verdict);
    r->verdict_detail = detail;
    r->exit_code = code;
}

void report_decide(struct run *r)
{
    for (size_t i = 0; i < r->n_groups; i++) {
        struct group_result *g = &r->groups[i];
        if (g->selected && g->count == 0U && g->note == NULL) {
            g->note = xstrdup("the image contains no tests of this group");
        }
    }
    char *failing = failing_groups(r);
    if (r->build_failed) {
        decide(r, "NOT QUALIFIED", QX_BUILD, xstrdup("the build failed"));
    } else if (r->boot_failed) {
        decide(r, "NOT QUALIFIED", QX_BOOT,
               xasprintf("the board did not boot: %s", tail_lines(r->failure, 1000)));
    } else if (failing != NULL) {
        decide(r, "NOT QUALIFIED", QX_NOT_QUALIFIED, xasprintf("failing groups: %s", failing));
    } else if (r->partial) {
        decide(r, "PARTIAL RUN PASSED", QX_PARTIAL,
               xstrdup("every selected test passed, but --group/--test ran only part of the "
                       "required groups: this is not a qualification"));
    } else {
        decide(r, "QUALIFIED", QX_QUALIFIED, xstrdup("every required group passed"));
    }
    free(failing);
}

/* ----- Per-test logs ---------------------------------------------------------------- */

static void write_test_log(const struct run *r, const struct test *t)
{
    struct strbuf b = {0};
    sb_addf(&b, "test:     %s\nstatus:   %s%s%s%s\n", t->id, status_name(t->status),
            t->kind ? " (" : "", t->kind ? t->kind : "", t->kind ? ")" : "");
    if (t->file != NULL) {
        sb_addf(&b, "where:    %s:%d\n", t->file, t->line);
    }
    if (t->message != NULL) {
        sb_addf(&b, "message:  %s\n", t->message);
    }
    if (t->def_file != NULL) {
        sb_addf(&b, "defined:  %s:%d\n", t->def_file, t->def_line);
    }
    if (!t->host) {
        sb_addf(&b, "boot:     %d\ntime:     %.3f s (wall clock, informative)\n", t->boot,
                t->seconds);
    }
    sb_addf(&b, "--- console while the test ran ---\n%s", sb_str(&t->log));
    if (t->dump.len > 0U) {
        sb_addf(&b, "--- evidence ---\n%s", sb_str(&t->dump));
    }
    char *path = xasprintf("%s/%s", r->report_dir, t->log_path);
    (void)write_file(path, b.s, b.len);
    free(path);
    sb_free(&b);
}

/* ----- report.json ------------------------------------------------------------------ */

static void add_str(cJSON *o, const char *key, const char *value)
{
    if (value != NULL) {
        cJSON_AddStringToObject(o, key, value);
    } else {
        cJSON_AddNullToObject(o, key);
    }
}

static cJSON *json_test(const struct test *t)
{
    cJSON *o = cJSON_CreateObject();
    add_str(o, "id", t->id);
    add_str(o, "suite", t->suite);
    add_str(o, "group", t->group);
    add_str(o, "name", t->name);
    add_str(o, "status", status_name(t->status));
    add_str(o, "kind", t->kind);
    add_str(o, "message", t->message);
    add_str(o, "file", t->file);
    cJSON_AddNumberToObject(o, "line", t->line);
    add_str(o, "defined_in", t->def_file);
    cJSON_AddNumberToObject(o, "defined_line", t->def_line);
    cJSON_AddNumberToObject(o, "seconds", t->seconds);
    cJSON_AddNumberToObject(o, "boot", t->boot);
    cJSON_AddBoolToObject(o, "host_check", t->host);
    add_str(o, "log", t->log_path);
    add_str(o, "evidence", sb_str(&t->dump));
    return o;
}

static cJSON *json_counts(const unsigned counts[5], size_t total)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "tests", (double)total);
    cJSON_AddNumberToObject(o, "passed", counts[ST_PASS]);
    cJSON_AddNumberToObject(o, "failed", counts[ST_FAIL]);
    cJSON_AddNumberToObject(o, "errors", counts[ST_ERROR]);
    cJSON_AddNumberToObject(o, "skipped", counts[ST_SKIP]);
    cJSON_AddNumberToObject(o, "not_run", counts[ST_NOTRUN]);
    return o;
}

static cJSON *json_groups(const struct run *r)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < r->n_groups; i++) {
        const struct group_result *g = &r->groups[i];
        cJSON *o = cJSON_CreateObject();
        add_str(o, "name", g->name);
        add_str(o, "feature", g->def ? g->def->feature : NULL);
        add_str(o, "description", g->def ? g->def->description : NULL);
        cJSON_AddBoolToObject(o, "enabled", g->enabled);
        cJSON_AddBoolToObject(o, "required", g->required);
        cJSON_AddBoolToObject(o, "selected", g->selected);
        add_str(o, "status", !g->selected ? "not run" : group_failed(g) ? "FAIL" : "PASS");
        add_str(o, "note", g->note);
        cJSON_AddItemToObject(o, "summary", json_counts(g->counts, g->count));
        cJSON_AddNumberToObject(o, "seconds", g->seconds);
        cJSON *tests = cJSON_AddArrayToObject(o, "tests");
        for (size_t k = g->first; k < g->first + g->count; k++) {
            cJSON_AddItemToArray(tests, json_test(&r->tests[k]));
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *json_board(const struct run *r)
{
    const struct board *b = r->board;
    cJSON *o = cJSON_CreateObject();
    add_str(o, "name", b->name);
    add_str(o, "description", b->description);
    add_str(o, "architecture", b->architecture);
    cJSON *f = cJSON_AddArrayToObject(o, "features");
    for (size_t i = 0; i < b->features.n; i++) {
        cJSON_AddItemToArray(f, cJSON_CreateString(b->features.v[i]));
    }
    add_str(o, "descriptor", b->file);
    add_str(o, "console", console_type_name(b->console));
    add_str(o, "image", r->image);
    add_str(o, "reported_board", r->dev_board);
    add_str(o, "reported_version", r->dev_version);
    add_str(o, "reported_sources", r->dev_sources);
    return o;
}

static cJSON *json_lines(const struct strlist *l)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < l->n; i++) {
        cJSON_AddItemToArray(arr, cJSON_CreateString(l->v[i]));
    }
    return arr;
}

static char *report_json(const struct run *r)
{
    cJSON *o = cJSON_CreateObject();
    add_str(o, "tool", "qualify " QUALIFY_VERSION);
    add_str(o, "verdict", r->verdict);
    add_str(o, "reason", r->verdict_detail);
    cJSON_AddNumberToObject(o, "exit_code", r->exit_code);
    add_str(o, "failure", r->failure);
    add_str(o, "started", r->started_iso);
    cJSON_AddNumberToObject(o, "seconds", r->finished - r->started);
    add_str(o, "command", r->opt->command_line);
    cJSON_AddNumberToObject(o, "boots", r->boots);
    cJSON_AddItemToObject(o, "board", json_board(r));
    cJSON *manifest = r->manifest_json ? cJSON_Parse(r->manifest_json) : NULL;
    cJSON_AddItemToObject(o, "build", manifest ? manifest : cJSON_CreateNull());
    add_str(o, "build_log", r->build_log);
    unsigned totals[5] = {0};
    for (size_t i = 0; i < r->n_tests; i++) {
        totals[r->tests[i].status]++;
    }
    cJSON_AddItemToObject(o, "summary", json_counts(totals, r->n_tests));
    cJSON_AddItemToObject(o, "groups", json_groups(r));
    cJSON_AddItemToObject(o, "anomalies", json_lines(&r->anomalies));
    cJSON_AddItemToObject(o, "notes", json_lines(&r->notes));
    char *text = cJSON_Print(o);
    cJSON_Delete(o);
    return text;
}

/* ----- report.xml (JUnit) -------------------------------------------------------------- */

void sb_add_xml(struct strbuf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '<':
            sb_add(b, "&lt;");
            break;
        case '>':
            sb_add(b, "&gt;");
            break;
        case '&':
            sb_add(b, "&amp;");
            break;
        case '"':
            sb_add(b, "&quot;");
            break;
        case '\'':
            sb_add(b, "&#39;");
            break;
        default:
            /* Text here is valid UTF-8 already; XML 1.0 still forbids most
             * control characters. */
            if ((unsigned char)*s < 0x20U && *s != '\n' && *s != '\t') {
                sb_add(b, "?");
            } else {
                sb_addn(b, s, 1);
            }
        }
    }
}

static void xml_attr(struct strbuf *b, const char *name, const char *value)
{
    sb_addf(b, " %s=\"", name);
    sb_add_xml(b, value ? value : "");
    sb_add(b, "\"");
}

static void junit_outcome(struct strbuf *b, const struct test *t)
{
    if (t->status == ST_PASS) {
        return;
    }
    if (t->status == ST_SKIP) {
        sb_add(b, "      <skipped");
        xml_attr(b, "message", t->message);
        sb_add(b, "/>\n");
        return;
    }
    const char *element = (t->status == ST_FAIL) ? "failure" : "error";
    sb_addf(b, "      <%s", element);
    xml_attr(b, "message", t->message);
    xml_attr(b, "type", t->kind ? t->kind : "error");
    sb_add(b, ">");
    if (t->file != NULL) {
        char *where = xasprintf("%s:%d: ", t->file, t->line);
        sb_add_xml(b, where);
        free(where);
    }
    sb_add_xml(b, t->message ? t->message : "");
    if (t->dump.len > 0U) {
        sb_add(b, "\n");
        sb_add_xml(b, sb_str(&t->dump));
    }
    sb_addf(b, "</%s>\n", element);
}

static void junit_case(struct strbuf *b, const struct test *t)
{
    char *classname = (strcmp(t->suite, t->group) == 0) ? xstrdup(t->suite)
                                                        : xasprintf("%s.%s", t->suite, t->group);
    sb_add(b, "    <testcase");
    xml_attr(b, "name", t->name);
    xml_attr(b, "classname", classname);
    sb_addf(b, " time=\"%.3f\"", t->seconds);
    if (t->def_file != NULL) {
        xml_attr(b, "file", t->def_file);
        sb_addf(b, " line=\"%d\"", t->def_line);
    }
    sb_add(b, ">\n");
    junit_outcome(b, t);
    if (t->log.len > 0U) {
        sb_add(b, "      <system-out>");
        sb_add_xml(b, sb_str(&t->log));
        sb_add(b, "</system-out>\n");
    }
    sb_add(b, "    </testcase>\n");
    free(classname);
}

static void junit_suite(struct strbuf *b, const struct run *r, const struct group_result *g,
                        char *host)
{
    sb_add(b, "  <testsuite");
    xml_attr(b, "name", g->name);
    sb_addf(b, " tests=\"%zu\" failures=\"%u\" errors=\"%u\" skipped=\"%u\" time=\"%.3f\"",
            g->count, g->counts[ST_FAIL], g->counts[ST_ERROR] + g->counts[ST_NOTRUN],
            g->counts[ST_SKIP], g->seconds);
    xml_attr(b, "timestamp", r->started_iso);
    xml_attr(b, "hostname", host);
    sb_add(b, ">\n    <properties>\n");
    const char *props[][2] = {{"board", r->board->name},
                              {"architecture", r->board->architecture},
                              {"feature", g->def ? g->def->feature : ""},
                              {"required", g->required ? "true" : "false"},
                              {"verdict", r->verdict}};
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
        sb_add(b, "      <property");
        xml_attr(b, "name", props[i][0]);
        xml_attr(b, "value", props[i][1]);
        sb_add(b, "/>\n");
    }
    sb_add(b, "    </properties>\n");
    for (size_t k = g->first; k < g->first + g->count; k++) {
        junit_case(b, &r->tests[k]);
    }
    sb_add(b, "  </testsuite>\n");
}

static char *report_junit(const struct run *r)
{
    struct strbuf b = {0};
    char host[256] = "localhost";
    (void)gethostname(host, sizeof host - 1U);
    unsigned totals[5] = {0};
    double seconds = 0;
    for (size_t i = 0; i < r->n_tests; i++) {
        totals[r->tests[i].status]++;
        seconds += r->tests[i].seconds;
    }
    sb_add(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
    char *name = xasprintf("Portolan qualification: %s", r->board->name);
    xml_attr(&b, "name", name);
    free(name);
    sb_addf(&b, " tests=\"%zu\" failures=\"%u\" errors=\"%u\" skipped=\"%u\" time=\"%.3f\">\n",
            r->n_tests, totals[ST_FAIL], totals[ST_ERROR] + totals[ST_NOTRUN], totals[ST_SKIP],
            seconds);
    for (size_t i = 0; i < r->n_groups; i++) {
        if (r->groups[i].selected) {
            junit_suite(&b, r, &r->groups[i], host);
        }
    }
    sb_add(&b, "</testsuites>\n");
    return b.s;
}

/* ----- Writing ------------------------------------------------------------------------ */

static int write_text(const struct run *r, const char *name, char *text)
{
    char *path = xasprintf("%s/%s", r->report_dir, name);
    int rc = write_file(path, text, strlen(text));
    if (rc != 0) {
        fprintf(stderr, "qualify: cannot write %s\n", path);
    }
    free(path);
    free(text);
    return rc;
}

int report_write(struct run *r)
{
    for (size_t i = 0; i < r->n_tests; i++) {
        write_test_log(r, &r->tests[i]);
    }
    int rc = write_text(r, "report.json", report_json(r));
    rc |= write_text(r, "report.xml", report_junit(r));
    char *html = xasprintf("%s/report.html", r->report_dir);
    rc |= report_write_html(r, html);
    free(html);
    return rc;
}
