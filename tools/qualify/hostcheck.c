/*
 * hostcheck.c - the Integrity group's checks made on the host: the image
 * that ran is the one built from this tree, with these test sources. A
 * vendor who edits a test to make it pass, or runs a stale image, is
 * caught here rather than by a reviewer.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "qualify.h"

#define INTEGRITY "Integrity"
#define PORT "Port"
#define TICK_CHECK "tick_matches_host_clock"

/* PORTOLAN_VERSION from include/FreeRTOS.h of the tree. */
static char *tree_version(const char *root)
{
    char *path = xasprintf("%s/include/FreeRTOS.h", root);
    char *text = read_file(path, NULL);
    free(path);
    char *version = NULL;
    const char *at = text ? strstr(text, "#define PORTOLAN_VERSION \"") : NULL;
    if (at != NULL) {
        at += strlen("#define PORTOLAN_VERSION \"");
        const char *end = strchr(at, '"');
        version = end ? xstrndup(at, (size_t)(end - at)) : NULL;
    }
    free(text);
    return version;
}

static bool group_selected(const struct run *r, const char *name)
{
    for (size_t i = 0; i < r->n_groups; i++) {
        if (strcmp(r->groups[i].name, name) == 0 && r->groups[i].selected) {
            return true;
        }
    }
    return false;
}

void host_checks_add(struct run *r)
{
    if (r->opt->tests.n > 0U) {
        return;
    }
    if (r->board->tick_tolerance_pct > 0 && group_selected(r, PORT)) {
        run_add_test(r, PORT, "Host", TICK_CHECK)->host = true;
    }
    if (!group_selected(r, INTEGRITY)) {
        return;
    }
    static const char *const names[] = {"image_version_matches_tree", "test_sources_match_tree",
                                        "board_name_matches_descriptor"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        struct test *t = run_add_test(r, INTEGRITY, "Host", names[i]);
        t->host = true;
    }
}

static void fail_check(struct run *r, struct test *t, const char *file, char *message)
{
    t->file = xstrdup(file);
    t->line = 0;
    run_settle(r, t, ST_FAIL, "host-check", message);
    free(message);
}

static void check_version(struct run *r, struct test *t)
{
    char *tree = tree_version(r->vars.root);
    char *header = xasprintf("%s/include/FreeRTOS.h", r->vars.root);
    if (tree == NULL) {
        fail_check(r, t, header, xstrdup("PORTOLAN_VERSION not found in include/FreeRTOS.h"));
    } else if (r->dev_version == NULL || strcmp(tree, r->dev_version) != 0) {
        fail_check(r, t, header,
                   xasprintf("the image reports version %s but this tree is %s: a stale or "
                             "foreign image",
                             r->dev_version ? r->dev_version : "(none)", tree));
    } else {
        sb_addf(&t->log, "version %s (image) = %s (tree)\n", r->dev_version, tree);
        run_settle(r, t, ST_PASS, NULL, NULL);
    }
    free(tree);
    free(header);
}

/* The sources hash the image reports, the manifest's, and one computed
 * now from the files must all agree. */
static void check_sources(struct run *r, struct test *t)
{
    cJSON *m = r->manifest_json ? cJSON_Parse(r->manifest_json) : NULL;
    const cJSON *files = cJSON_GetObjectItem(m, "sources");
    const char *built = cJSON_GetStringValue(cJSON_GetObjectItem(m, "sources_hash"));
    struct strlist list = {0};
    struct strbuf err = {0};
    char now[17] = "";
    for (const cJSON *f = files ? files->child : NULL; f != NULL; f = f->next) {
        if (cJSON_IsString(f)) {
            sl_add(&list, f->valuestring);
        }
    }
    const char *where = r->manifest_path;
    if (m == NULL || built == NULL) {
        fail_check(r, t, where, xstrdup("no build manifest: cannot tell which sources were built"));
    } else if (sources_hash(r->vars.root, &list, now, &err) != 0) {
        fail_check(r, t, where, xasprintf("cannot hash the test sources: %s", sb_str(&err)));
    } else if (r->dev_sources == NULL || strcmp(r->dev_sources, built) != 0) {
        fail_check(r, t, where,
                   xasprintf("the image reports sources=%s but the build made %s: not the image "
                             "just built",
                             r->dev_sources ? r->dev_sources : "(none)", built));
    } else if (strcmp(now, built) != 0) {
        fail_check(
            r, t, where,
            xasprintf("the test sources changed since the build (now %s, built %s)", now, built));
    } else {
        sb_addf(&t->log, "sources %s over %zu files:\n", now, list.n);
        for (size_t i = 0; i < list.n; i++) {
            sb_addf(&t->log, "  %s\n", list.v[i]);
        }
        run_settle(r, t, ST_PASS, NULL, NULL);
    }
    sl_free(&list);
    sb_free(&err);
    cJSON_Delete(m);
}

static void check_board_name(struct run *r, struct test *t)
{
    if (r->dev_board == NULL || strcmp(r->dev_board, r->board->board_name) != 0) {
        fail_check(r, t, r->board->file,
                   xasprintf("the image says board_name() = \"%s\" but the descriptor expects "
                             "\"%s\" (board_name)",
                             r->dev_board ? r->dev_board : "", r->board->board_name));
    } else {
        sb_addf(&t->log, "board_name() = %s\n", r->dev_board);
        run_settle(r, t, ST_PASS, NULL, NULL);
    }
}

void host_checks_settle(struct run *r)
{
    for (size_t i = 0; i < r->n_tests; i++) {
        struct test *t = &r->tests[i];
        if (!t->host || t->status != ST_NOTRUN || strcmp(t->name, TICK_CHECK) == 0) {
            continue;
        }
        if (strcmp(t->name, "image_version_matches_tree") == 0) {
            check_version(r, t);
        } else if (strcmp(t->name, "test_sources_match_tree") == 0) {
            check_sources(r, t);
        } else {
            check_board_name(r, t);
        }
    }
}

void host_tick_check(struct run *r, unsigned long end_tick, double end_at)
{
    double seconds = end_at - r->tick_begin_at;
    if (r->tick_begin_at <= 0 || seconds <= 0 || r->tick_hz == 0U || end_tick <= r->tick_begin) {
        return;
    }
    double hz = (double)(end_tick - r->tick_begin) / seconds;
    double off = 100.0 * (hz - (double)r->tick_hz) / (double)r->tick_hz;
    char *text = xasprintf("%lu ticks in %.3f s of host time: %.1f Hz for configTICK_RATE_HZ %lu "
                           "(%+.1f %%, tolerance %.1f %%)",
                           end_tick - r->tick_begin, seconds, hz, r->tick_hz, off,
                           r->board->tick_tolerance_pct);
    struct test *t = NULL;
    for (size_t i = 0; i < r->n_tests && t == NULL; i++) {
        t = (r->tests[i].host && strcmp(r->tests[i].name, TICK_CHECK) == 0) ? &r->tests[i] : NULL;
    }
    if (t == NULL) {
        /* No check asked for: virtual time (simulator, -icount) has no
         * meaningful relation to the host's clock. */
    } else if (off > r->board->tick_tolerance_pct || off < -r->board->tick_tolerance_pct) {
        t->seconds = seconds;
        char *msg = xasprintf("the tick does not follow real time: %s. Check configCPU_CLOCK_HZ "
                              "and the clock set up by board_init()",
                              text);
        run_settle(r, t, ST_FAIL, "host-check", msg);
        free(msg);
    } else {
        t->seconds = seconds;
        sb_addf(&t->log, "%s\n", text);
        run_settle(r, t, ST_PASS, NULL, NULL);
    }
    free(text);
    r->tick_begin_at = 0;
}
