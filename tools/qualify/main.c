/*
 * main.c - qualify's command line: build, list, run, report, verdict.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "qualify.h"

#ifndef QUALIFY_DEFAULT_ROOT
#define QUALIFY_DEFAULT_ROOT "."
#endif /* QUALIFY_DEFAULT_ROOT */

static void usage(FILE *f)
{
    fputs("usage: qualify (--board NAME | --board-file PATH) [options]\n"
          "\n"
          "Builds the board's qualification runner image, runs every test group its\n"
          "features require, and writes report.html, report.xml (JUnit) and report.json.\n"
          "\n"
          "  --board NAME             boards/NAME/board.json\n"
          "  --board-file PATH        a board descriptor elsewhere\n"
          "  --group G[,G]            run only these groups (repeatable; no verdict)\n"
          "  --test T[,T]             run only these tests: name, Group.name or\n"
          "                           Suite.Group.name (repeatable; no verdict)\n"
          "  --list-groups            show the groups and which this board needs\n"
          "  --list-tests             build, then list the tests the run would execute\n"
          "  --timeout-multiplier X   scale boot, test and group time limits\n"
          "  --report-dir DIR         default: build/qualify/<board>\n"
          "  --build-dir DIR          default: build/<board>\n"
          "  --port DEV               serial port, for descriptors using {port}\n"
          "  --root DIR               the Portolan tree (default: where qualify was built)\n"
          "  --no-build               use the image already built\n"
          "  --verbose                show console anomalies and reboots as they happen\n"
          "\n"
          "Exit status: 0 qualified, 1 not qualified (tests failed), 2 usage or descriptor\n"
          "error, 3 build failed, 4 flash or boot failed, 5 environment (service, report),\n"
          "6 partial run (--group/--test) in which every selected test passed.\n",
          f);
}

static int parse_options(int argc, char **argv, struct options *o)
{
    static const struct option longs[] = {{"board", required_argument, NULL, 'b'},
                                          {"board-file", required_argument, NULL, 'B'},
                                          {"group", required_argument, NULL, 'g'},
                                          {"test", required_argument, NULL, 't'},
                                          {"list-groups", no_argument, NULL, 'G'},
                                          {"list-tests", no_argument, NULL, 'T'},
                                          {"timeout-multiplier", required_argument, NULL, 'm'},
                                          {"report-dir", required_argument, NULL, 'r'},
                                          {"build-dir", required_argument, NULL, 'd'},
                                          {"port", required_argument, NULL, 'p'},
                                          {"root", required_argument, NULL, 'R'},
                                          {"no-build", no_argument, NULL, 'n'},
                                          {"verbose", no_argument, NULL, 'v'},
                                          {"help", no_argument, NULL, 'h'},
                                          {NULL, 0, NULL, 0}};
    int c;
    o->multiplier = 1.0;
    while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
        char *end = NULL;
        switch (c) {
        case 'b':
            o->board_name = optarg;
            break;
        case 'B':
            o->board_file = optarg;
            break;
        case 'g':
            sl_split_commas(&o->groups, optarg);
            break;
        case 't':
            sl_split_commas(&o->tests, optarg);
            break;
        case 'G':
            o->list_groups = true;
            break;
        case 'T':
            o->list_tests = true;
            break;
        case 'm':
            o->multiplier = strtod(optarg, &end);
            if (end == optarg || *end != '\0' || o->multiplier <= 0) {
                fprintf(stderr, "qualify: --timeout-multiplier needs a positive number\n");
                return -1;
            }
            break;
        case 'r':
            o->report_dir = optarg;
            break;
        case 'd':
            o->build_dir = optarg;
            break;
        case 'p':
            o->port = optarg;
            break;
        case 'R':
            o->root = optarg;
            break;
        case 'n':
            o->no_build = true;
            break;
        case 'v':
            o->verbose = true;
            break;
        case 'h':
            usage(stdout);
            exit(0);
        default:
            return -1;
        }
    }
    if (optind != argc || (o->board_name == NULL) == (o->board_file == NULL)) {
        usage(stderr);
        return -1;
    }
    return 0;
}

static char *join_args(int argc, char **argv)
{
    struct strbuf b = {0};
    for (int i = 0; i < argc; i++) {
        sb_addf(&b, "%s%s", i ? " " : "", argv[i]);
    }
    return b.s;
}

static char *self_dir(void)
{
    char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1U);
    if (n <= 0) {
        return xstrdup(".");
    }
    path[n] = '\0';
    return xstrdup(dirname(path));
}

/* ----- Groups ------------------------------------------------------------------------ */

static int select_groups(struct run *r)
{
    const struct options *o = r->opt;
    for (size_t i = 0; i < o->groups.n; i++) {
        const struct group_def *d = groups_find(r->catalog, o->groups.v[i]);
        if (d == NULL) {
            fprintf(stderr, "qualify: no group '%s' (see --list-groups)\n", o->groups.v[i]);
            return -1;
        }
        if (!board_has_feature(r->board, d->feature)) {
            fprintf(stderr, "qualify: group %s needs feature '%s', which board %s lacks\n", d->name,
                    d->feature, r->board->name);
            return -1;
        }
    }
    r->n_groups = r->catalog->n;
    r->groups = xcalloc(r->n_groups, sizeof r->groups[0]);
    for (size_t i = 0; i < r->catalog->n; i++) {
        const struct group_def *d = &r->catalog->v[i];
        struct group_result *g = &r->groups[i];
        g->name = xstrdup(d->name);
        g->def = d;
        g->enabled = board_has_feature(r->board, d->feature);
        g->required = g->enabled && d->required;
        g->selected = g->enabled && (o->groups.n == 0U || sl_find(&o->groups, d->name) >= 0);
        r->partial |= g->required && !g->selected;
        if (!g->enabled) {
            g->note =
                xasprintf("not applicable: the board does not declare feature '%s'", d->feature);
        }
    }
    r->partial |= o->tests.n > 0U;
    return 0;
}

static void list_groups(const struct run *r)
{
    printf("Groups for board %s (features:", r->board->name);
    for (size_t i = 0; i < r->board->features.n; i++) {
        printf(" %s", r->board->features.v[i]);
    }
    printf("), in run order:\n");
    for (size_t i = 0; i < r->n_groups; i++) {
        const struct group_result *g = &r->groups[i];
        printf("  %-12s feature %-10s %s\n", g->name, g->def->feature,
               g->required  ? "required"
               : g->enabled ? "optional"
                            : "not applicable");
        printf("      %s\n", g->def->description);
    }
}

static void list_tests(const struct run *r)
{
    for (size_t i = 0; i < r->n_groups; i++) {
        const struct group_result *g = &r->groups[i];
        if (!g->selected) {
            continue;
        }
        printf("%s (%zu tests)\n", g->name, g->count);
        for (size_t k = g->first; k < g->first + g->count; k++) {
            printf("  %s%s\n", r->tests[k].id, r->tests[k].host ? "  (checked by qualify)" : "");
        }
    }
}

/* ----- Build ------------------------------------------------------------------------- */

static int build_image(struct run *r)
{
    struct strbuf err = {0};
    char *cmd = expand(r->board->build.command, &r->vars, true, &err);
    if (cmd == NULL) {
        fprintf(stderr, "qualify: %s: build.command: %s\n", r->board->file, sb_str(&err));
        sb_free(&err);
        return QX_USAGE;
    }
    printf("Building the runner image for %s...\n", r->board->name);
    fflush(stdout);
    struct strbuf log = {0};
    sb_addf(&log, "$ %s\n", cmd);
    double t0 = now_s();
    int code = run_command(cmd, r->board->build.timeout_s, &log);
    char *path = xasprintf("%s/logs/build.log", r->report_dir);
    (void)write_file(path, log.s, log.len);
    r->build_log = xstrdup("logs/build.log");
    if (code != 0) {
        r->build_failed = true;
        r->failure = xasprintf("the build command failed (%s): %s\n%s",
                               code < 0 ? "timeout" : "non-zero exit status", cmd,
                               tail_lines(sb_str(&log), 30));
        printf("%s", tail_lines(sb_str(&log), 30));
    } else {
        printf("Built in %.1f s (log: %s)\n", now_s() - t0, path);
    }
    free(path);
    free(cmd);
    sb_free(&log);
    return code == 0 ? 0 : QX_BUILD;
}

static int locate_image(struct run *r)
{
    struct strbuf err = {0};
    r->image = expand(r->board->image, &r->vars, false, &err);
    r->manifest_path = r->image ? expand(r->board->manifest, &r->vars, false, &err) : NULL;
    if (r->manifest_path == NULL) {
        fprintf(stderr, "qualify: %s: %s\n", r->board->file, sb_str(&err));
        sb_free(&err);
        return QX_USAGE;
    }
    r->vars.image = r->image;
    r->manifest_json = read_file(r->manifest_path, NULL);
    if (r->manifest_json == NULL) {
        sl_add(&r->notes, "no build manifest: the Integrity host checks cannot pass");
    }
    /* A runner in parts: the manifest lists every image. */
    if (manifest_images(r->manifest_json, &r->images) < 2U) {
        sl_free(&r->images);
        sl_add(&r->images, r->image);
    } else {
        sl_add(&r->notes, "the runner is in parts, one image each (the board's RAM cannot hold "
                          "every test at once): their tests are listed and run image by image");
    }
    for (size_t i = 0; i < r->images.n; i++) {
        if (access(r->images.v[i], F_OK) != 0) {
            r->build_failed = true;
            r->failure = xasprintf("the build did not produce the image %s", r->images.v[i]);
            return QX_BUILD;
        }
    }
    return 0;
}

/* ----- Support services ------------------------------------------------------------------- */

struct services {
    struct proc *procs;
    size_t n;
};

static int wait_ready(const struct service *s, const char *log_path, struct proc *p)
{
    double end = now_s() + s->timeout_s;
    while (s->ready != NULL && now_s() < end) {
        char *text = read_file(log_path, NULL);
        bool ready = text != NULL && strstr(text, s->ready) != NULL;
        free(text);
        if (ready) {
            return 0;
        }
        int status;
        if (waitpid(p->pid, &status, WNOHANG) == p->pid) {
            p->exited = true;
            return -1;
        }
        usleep(50000);
    }
    return s->ready == NULL ? 0 : -1;
}

static int start_services(struct run *r, struct services *sv)
{
    sv->n = r->board->n_services;
    sv->procs = xcalloc(sv->n ? sv->n : 1U, sizeof sv->procs[0]);
    for (size_t i = 0; i < sv->n; i++) {
        const struct service *s = &r->board->services[i];
        struct strbuf err = {0};
        char *cmd = expand(s->command, &r->vars, true, &err);
        char *log = xasprintf("%s/logs/service-%s.log", r->report_dir, s->name);
        char *q = shell_quote(log);
        char *full = cmd ? xasprintf("exec >%s 2>&1; %s", q, cmd) : NULL;
        int rc = full ? proc_start(&sv->procs[i], full, false, &err) : -1;
        if (rc == 0 && wait_ready(s, log, &sv->procs[i]) != 0) {
            sb_addf(&err, "it did not print \"%s\" within %.0f s (see %s)", s->ready, s->timeout_s,
                    log);
            rc = -1;
        }
        if (rc != 0) {
            fprintf(stderr, "qualify: support service %s failed: %s\n", s->name, sb_str(&err));
        } else {
            printf("Support service %s is ready\n", s->name);
        }
        free(cmd);
        free(log);
        free(q);
        free(full);
        sb_free(&err);
        if (rc != 0) {
            sv->n = i + 1U;
            return -1;
        }
    }
    return 0;
}

static void stop_services(struct services *sv)
{
    for (size_t i = 0; i < sv->n; i++) {
        proc_stop(&sv->procs[i]);
    }
    free(sv->procs);
}

static void run_stop_command(struct run *r)
{
    if (r->board->stop.command == NULL) {
        return;
    }
    struct strbuf err = {0};
    struct strbuf log = {0};
    char *cmd = expand(r->board->stop.command, &r->vars, true, &err);
    if (cmd != NULL && run_command(cmd, r->board->stop.timeout_s, &log) != 0) {
        sl_add(&r->notes, "the board's stop command failed");
    }
    free(cmd);
    sb_free(&err);
    sb_free(&log);
}

/* ----- The run ------------------------------------------------------------------------- */

static int load_inputs(struct run *r, struct options *o, struct board *b, struct group_catalog *c)
{
    struct strbuf err = {0};
    const char *root = o->root ? o->root : QUALIFY_DEFAULT_ROOT;
    char *file = o->board_file ? xstrdup(o->board_file)
                               : xasprintf("%s/boards/%s/board.json", root, o->board_name);
    char *groups = xasprintf("%s/qualification/groups.json", root);
    int rc = board_load(file, b, &err);
    if (rc == 0) {
        rc = groups_load(groups, c, &err);
    }
    if (rc != 0) {
        fprintf(stderr, "qualify: %s\n", sb_str(&err));
        if (o->board_name != NULL && access(file, F_OK) != 0) {
            fprintf(stderr,
                    "qualify: known boards are the directories of %s/boards with a "
                    "board.json\n",
                    root);
        }
    }
    free(file);
    free(groups);
    sb_free(&err);
    r->opt = o;
    r->board = b;
    r->catalog = c;
    r->vars.root = root;
    r->vars.board = b->name;
    r->vars.board_dir = b->dir;
    return rc;
}

/* A descriptor using {port} cannot run without --port. */
static int check_port(const struct run *r)
{
    const struct board *b = r->board;
    const char *uses[] = {b->device, b->run.command, b->flash.command, b->reset.command,
                          b->stop.command};
    for (size_t i = 0; r->opt->port == NULL && i < sizeof uses / sizeof uses[0]; i++) {
        if (uses[i] != NULL && strstr(uses[i], "{port}") != NULL) {
            fprintf(stderr, "qualify: board %s is on a serial port: give it with --port DEVICE\n",
                    b->name);
            return -1;
        }
    }
    return 0;
}

static int prepare_dirs(struct run *r)
{
    const struct options *o = r->opt;
    r->report_dir = o->report_dir ? xstrdup(o->report_dir)
                                  : xasprintf("%s/build/qualify/%s", r->vars.root, r->board->name);
    r->vars.build = o->build_dir ? xstrdup(o->build_dir)
                                 : xasprintf("%s/build/%s", r->vars.root, r->board->name);
    r->vars.work = r->report_dir;
    r->tools_dir = self_dir();
    r->vars.tools = r->tools_dir;
    r->vars.port = o->port;
    char *logs = xasprintf("%s/logs", r->report_dir);
    int rc = mkdir_p(logs);
    free(logs);
    char *transcript = xasprintf("%s/console.log", r->report_dir);
    r->transcript = (rc == 0) ? fopen(transcript, "w") : NULL;
    if (r->transcript == NULL) {
        fprintf(stderr, "qualify: cannot write into %s: %s\n", r->report_dir, strerror(errno));
        rc = -1;
    } else {
        setvbuf(r->transcript, NULL, _IOLBF, 0);
    }
    free(transcript);
    return rc;
}

static void stamp_start(struct run *r)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(r->started_iso, sizeof r->started_iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
    r->started = now_s();
}

static void print_plan(const struct run *r)
{
    printf("Board %s (%s), %d tests in", r->board->name, r->board->architecture, r->selected_total);
    for (size_t i = 0; i < r->n_groups; i++) {
        if (r->groups[i].selected) {
            printf(" %s(%zu)", r->groups[i].name, r->groups[i].count);
        }
    }
    printf("\n");
    fflush(stdout);
}

/* Every --test pattern must name a test: a typo must not pass quietly. */
static int check_test_patterns(const struct run *r)
{
    int missing = 0;
    for (size_t i = 0; i < r->opt->tests.n; i++) {
        bool found = false;
        for (size_t k = 0; k < r->n_tests && !found; k++) {
            const struct test *t = &r->tests[k];
            found = test_matches(r->opt->tests.v[i], t->suite, t->group, t->name);
        }
        if (!found) {
            fprintf(stderr,
                    "qualify: --test %s matches no test of the selected groups "
                    "(see --list-tests)\n",
                    r->opt->tests.v[i]);
            missing++;
        }
    }
    return missing ? QX_USAGE : 0;
}

/* Build, list, run: returns 0, or the exit status of an early end. */
static int execute(struct run *r)
{
    if (!r->opt->no_build) {
        int rc = build_image(r);
        if (rc != 0) {
            return rc;
        }
    }
    int rc = locate_image(r);
    if (rc != 0 || engine_list(r) != 0) {
        return rc != 0 ? rc : QX_BOOT;
    }
    if (check_test_patterns(r) != 0) {
        return QX_USAGE;
    }
    if (r->opt->list_tests) {
        list_tests(r);
        return -1;
    }
    print_plan(r);
    host_checks_settle(r);
    return engine_run(r);
}

static int finish(struct run *r)
{
    r->finished = now_s();
    report_decide(r);
    if (report_write(r) != 0) {
        return QX_ENVIRONMENT;
    }
    printf("\n%s: %s\n", r->verdict, r->verdict_detail);
    if (r->anomalies.n > 0U) {
        printf("%zu console anomal%s (see the report)\n", r->anomalies.n,
               r->anomalies.n == 1U ? "y" : "ies");
    }
    printf("Report: %s/report.html (also report.xml, report.json, logs/)\n", r->report_dir);
    return r->exit_code;
}

int main(int argc, char **argv)
{
    struct options o = {0};
    struct board b;
    struct group_catalog c = {0};
    struct run r = {0};
    struct services sv = {0};
    signal(SIGPIPE, SIG_IGN);
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (parse_options(argc, argv, &o) != 0) {
        return QX_USAGE;
    }
    o.command_line = join_args(argc, argv);
    if (load_inputs(&r, &o, &b, &c) != 0 || select_groups(&r) != 0) {
        return QX_USAGE;
    }
    if (o.list_groups) {
        list_groups(&r);
        return 0;
    }
    if (check_port(&r) != 0) {
        return QX_USAGE;
    }
    if (prepare_dirs(&r) != 0) {
        return QX_ENVIRONMENT;
    }
    stamp_start(&r);
    if (start_services(&r, &sv) != 0) {
        stop_services(&sv);
        return QX_ENVIRONMENT;
    }
    int early = execute(&r);
    run_stop_command(&r);
    stop_services(&sv);
    if (early == QX_USAGE || early < 0) {
        return early < 0 ? 0 : QX_USAGE;
    }
    return finish(&r);
}
