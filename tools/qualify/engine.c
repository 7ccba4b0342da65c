/*
 * engine.c - booting the runner image and following its console.
 *
 * One boot runs every selected test that is not settled yet, in the
 * image's order (suites in catalogue order, then group, file and line).
 * When a boot ends early - a fault dump, an exit, silence past the test's
 * time limit, a reset, the group's time limit - the test in progress is
 * settled as an error with the evidence, and the next boot resumes with
 * after=<that test>. Every boot settles at least one test, so the loop
 * ends; a board that stops booting ends the run with a boot failure.
 *
 * A runner in parts (a board whose RAM cannot hold every test at once) is
 * several images: each is listed, every test remembers its image, and a
 * boot runs one image, whose own order resumes after its own tests.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "qualify.h"

#define TAIL_LINES 40
#define FAULT_SILENCE_S 2.0
#define MAX_READY_ANSWERS 3
#define MAX_FAILED_BOOTS 2

enum boot_state { B_BOOTING, B_RUNNING, B_DONE, B_OVER };

struct boot {
    struct run *r;
    struct console con;
    int number;
    int image; /* index in r->images */
    enum boot_state state;
    struct test *cur;
    size_t next;
    double waiting_since; /* start of the current wait (boot, test, gap) */
    int ready_answers;
    int settled; /* tests settled during this boot */
    char *words;
    struct strlist tail;
    size_t tail_pos;
    struct strbuf pending; /* lines between tests: go to the next test's log */
    bool in_fault;
    double fault_since;
    struct strbuf dump;
    char *fatal; /* FATAL: text from the framework */
    int exit_status;
    bool exited;
};

const char *status_name(enum test_status s)
{
    static const char *const names[] = {"NOT RUN", "PASS", "FAIL", "SKIP", "ERROR"};
    return names[s];
}

static double mult(const struct run *r)
{
    return r->opt->multiplier;
}

/* Paths the image reports (its __FILE__) relative to the tree, if inside. */
static char *tree_relative(const struct run *r, const char *path)
{
    char *root = realpath(r->vars.root, NULL);
    size_t n = root ? strlen(root) : 0U;
    const char *rel =
        (root != NULL && strncmp(path, root, n) == 0 && path[n] == '/') ? path + n + 1U : path;
    char *out = xstrdup(rel);
    free(root);
    return out;
}

/* ----- Tests and groups ----------------------------------------------------------- */

struct test *run_add_test(struct run *r, const char *suite, const char *group, const char *name)
{
    if (r->n_tests == r->cap_tests) {
        r->cap_tests = r->cap_tests ? r->cap_tests * 2U : 64U;
        r->tests = xrealloc(r->tests, r->cap_tests * sizeof r->tests[0]);
    }
    struct test *t = &r->tests[r->n_tests++];
    memset(t, 0, sizeof *t);
    t->suite = xstrdup(suite);
    t->group = xstrdup(group);
    t->name = xstrdup(name);
    t->id = (strcmp(suite, group) == 0) ? xasprintf("%s.%s", suite, name)
                                        : xasprintf("%s.%s.%s", suite, group, name);
    t->log_path = xasprintf("logs/%s.log", t->id);
    return t;
}

static void test_free(struct test *t)
{
    free(t->suite);
    free(t->group);
    free(t->name);
    free(t->id);
    free(t->def_file);
    free(t->kind);
    free(t->message);
    free(t->file);
    free(t->log_path);
    sb_free(&t->log);
    sb_free(&t->dump);
}

static struct group_result *group_of(struct run *r, const struct test *t)
{
    for (size_t i = 0; i < r->n_groups; i++) {
        if (strcmp(r->groups[i].name, t->suite) == 0) {
            return &r->groups[i];
        }
    }
    return NULL;
}

static void print_group_summary(const struct group_result *g)
{
    printf("== %s: %u passed, %u failed, %u errors, %u skipped (%.1f s)\n", g->name,
           g->counts[ST_PASS], g->counts[ST_FAIL], g->counts[ST_ERROR], g->counts[ST_SKIP],
           g->seconds);
    fflush(stdout);
}

void run_settle(struct run *r, struct test *t, enum test_status st, const char *kind,
                const char *message)
{
    if (t->status != ST_NOTRUN) {
        return;
    }
    t->status = st;
    free(t->kind);
    free(t->message);
    t->kind = kind ? xstrdup(kind) : NULL;
    t->message = message ? xstrdup(message) : NULL;
    r->settled++;
    printf("[%d/%d] %s ... %s", r->settled, r->selected_total, t->id, status_name(st));
    if (!t->host && (st == ST_PASS || st == ST_FAIL || t->seconds > 0)) {
        printf(" (%.1f s)", t->seconds); /* shown, never judged */
    }
    printf("\n");
    if ((st == ST_FAIL || st == ST_ERROR) && t->file != NULL) {
        printf("        at %s:%d\n", t->file, t->line);
    }
    if (st != ST_PASS && message != NULL) {
        printf("        %s%s%s\n", kind ? kind : "", kind ? ": " : "", message);
    }
    struct group_result *g = group_of(r, t);
    if (g != NULL) {
        g->counts[st]++;
        g->seconds += t->seconds;
        unsigned done =
            g->counts[ST_PASS] + g->counts[ST_FAIL] + g->counts[ST_ERROR] + g->counts[ST_SKIP];
        if (done == g->count) {
            print_group_summary(g);
        }
    }
    fflush(stdout);
}

static bool is_device_test(const struct test *t)
{
    return !t->host;
}

static size_t next_unsettled(const struct run *r, size_t from)
{
    while (from < r->n_tests && (r->tests[from].status != ST_NOTRUN || r->tests[from].host)) {
        from++;
    }
    return from;
}

/* A device test of the image this boot runs. */
static bool in_boot_image(const struct boot *b, const struct test *t)
{
    return is_device_test(t) && t->image == b->image;
}

/* The next unsettled test of this boot's image at or after `from`. */
static size_t next_unsettled_here(const struct boot *b, size_t from)
{
    size_t i = next_unsettled(b->r, from);
    while (i < b->r->n_tests && b->r->tests[i].image != b->image) {
        i = next_unsettled(b->r, i + 1U);
    }
    return i;
}

/* ----- Selection words --------------------------------------------------------------- */

static void add_list_word(struct strbuf *b, const char *key, const struct strlist *items)
{
    if (items->n == 0U) {
        return;
    }
    sb_addf(b, " %s=", key);
    for (size_t i = 0; i < items->n; i++) {
        sb_addf(b, "%s%s", i ? "," : "", items->v[i]);
    }
}

/* The words selecting this run's tests: suites in catalogue order, and the
 * test names asked for (the host filters exact ids itself). */
static char *selection_words(const struct run *r, const char *extra)
{
    struct strbuf b = {0};
    struct strlist suites = {0};
    struct strlist names = {0};
    /* On a terminal the end markers are what counts: an image that exits
     * (an emulator closing its pty) could drop its last lines. */
    if (r->board->console != CONSOLE_STDIO) {
        sb_add(&b, "halt ");
    }
    for (size_t i = 0; i < r->n_groups; i++) {
        if (r->groups[i].selected) {
            sl_add(&suites, r->groups[i].name);
        }
    }
    for (size_t i = 0; i < r->opt->tests.n; i++) {
        const char *dot = strrchr(r->opt->tests.v[i], '.');
        const char *name = dot ? dot + 1 : r->opt->tests.v[i];
        if (sl_find(&names, name) < 0) {
            sl_add(&names, name);
        }
    }
    sb_add(&b, extra);
    add_list_word(&b, "suite", &suites);
    add_list_word(&b, "test", &names);
    sl_free(&suites);
    sl_free(&names);
    return b.s;
}

/* ----- Opening a boot ---------------------------------------------------------------- */

static int flash_board(struct boot *b, struct strbuf *err)
{
    struct run *r = b->r;
    const struct command *cmd =
        (r->boots > 1 && r->board->reset.command != NULL) ? &r->board->reset : &r->board->flash;
    char *text = expand(cmd->command, &r->vars, true, err);
    if (text == NULL) {
        return -1;
    }
    struct strbuf log = {0};
    fprintf(r->transcript, "=== boot %d: %s\n", b->number, text);
    int code = run_command(text, cmd->timeout_s, &log);
    fprintf(r->transcript, "%s", sb_str(&log));
    if (code != 0) {
        const char *which = (cmd == &r->board->reset) ? "reset" : "flash";
        if (code < 0) {
            sb_addf(err, "the %s command failed (timeout or cannot start): %s\n", which, text);
        } else {
            sb_addf(err, "the %s command failed (exit status %d): %s\n", which, code, text);
        }
        sb_add(err, tail_lines(sb_str(&log), 15));
    }
    sb_free(&log);
    free(text);
    return code == 0 ? 0 : -1;
}

static int boot_open(struct boot *b, struct run *r, int image, const char *words,
                     struct strbuf *err)
{
    memset(b, 0, sizeof *b);
    console_init(&b->con, r->board->console, r->transcript);
    b->r = r;
    b->image = image;
    r->vars.image = r->images.v[image];
    b->number = ++r->boots;
    b->words = xstrdup(words);
    b->waiting_since = now_s();
    r->vars.args = (r->board->filter == FILTER_ARGS) ? words : "";
    char *command = NULL;
    if (r->board->console == CONSOLE_SERIAL) {
        if (flash_board(b, err) != 0) {
            return -1;
        }
    } else {
        command = expand(r->board->run.command, &r->vars, true, err);
        if (command == NULL) {
            return -1;
        }
        fprintf(r->transcript, "=== boot %d: %s\n", b->number, command);
    }
    char *device = r->board->device ? expand(r->board->device, &r->vars, false, err) : NULL;
    int rc =
        (r->board->device != NULL && device == NULL)
            ? -1
            : console_open(&b->con, r->board->console, command, device, r->board->baud,
                           r->board->pty_pattern, r->board->boot_s * mult(r), r->transcript, err);
    free(command);
    free(device);
    b->waiting_since = now_s();
    return rc;
}

static void boot_close(struct boot *b)
{
    if (b->state == B_DONE && b->con.type == CONSOLE_STDIO && !b->con.closed) {
        struct console_line l;
        /* Collect the exit status: the image exits right after the end. */
        while (console_next(&b->con, 3.0, &l) == CE_LINE) {
            free(l.text);
        }
    }
    if (b->con.proc.exited) {
        b->exited = true;
        b->exit_status = b->con.proc.status;
    }
    console_close(&b->con);
    sl_free(&b->tail);
    sb_free(&b->pending);
    sb_free(&b->dump);
    free(b->words);
    free(b->fatal);
}

static void remember(struct boot *b, const char *text)
{
    if (b->tail.n < TAIL_LINES) {
        sl_add(&b->tail, text);
        return;
    }
    free(b->tail.v[b->tail_pos]);
    b->tail.v[b->tail_pos] = xstrdup(text);
    b->tail_pos = (b->tail_pos + 1U) % TAIL_LINES;
}

static void add_tail(const struct boot *b, struct strbuf *out)
{
    size_t n = b->tail.n;
    sb_add(out, "--- last console lines ---\n");
    for (size_t i = 0; i < n; i++) {
        sb_addf(out, "%s\n", b->tail.v[(b->tail_pos + i) % n]);
    }
}

static void anomaly(struct run *r, struct boot *b, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void anomaly(struct run *r, struct boot *b, const char *fmt, ...)
{
    struct strbuf s = {0};
    va_list ap;
    if (b != NULL) {
        sb_addf(&s, "boot %d: ", b->number);
    }
    va_start(ap, fmt);
    sb_vaddf(&s, fmt, ap);
    va_end(ap);
    sl_add(&r->anomalies, sb_str(&s));
    if (r->opt->verbose) {
        printf("   warning: %s\n", sb_str(&s));
    }
    sb_free(&s);
}

/* Answers PORTOLAN-READY with the selection line. */
static void answer_ready(struct boot *b)
{
    if (b->ready_answers >= MAX_READY_ANSWERS) {
        return;
    }
    b->ready_answers++;
    char *line = xasprintf("%s\n", b->words);
    if (console_send(&b->con, line) != 0) {
        anomaly(b->r, b, "cannot write the selection line to the console");
    }
    free(line);
}

/* ----- Following a run ----------------------------------------------------------------- */

static void log_line(struct boot *b, const char *prefix, const char *text)
{
    sb_addf(b->cur ? &b->cur->log : &b->pending, "%s%s\n", prefix, text);
}

/* The first unsettled device test at or after b->next with this name. */
static size_t find_test(const struct boot *b, const char *group, const char *name)
{
    for (size_t i = b->next; i < b->r->n_tests; i++) {
        const struct test *t = &b->r->tests[i];
        if (in_boot_image(b, t) && t->status == ST_NOTRUN && strcmp(t->group, group) == 0 &&
            strcmp(t->name, name) == 0) {
            return i;
        }
    }
    return (size_t)-1;
}

static void settle_in_boot(struct boot *b, struct test *t, enum test_status st, const char *kind,
                           const char *message)
{
    t->boot = b->number;
    run_settle(b->r, t, st, kind, message);
    b->settled++;
}

static void begin_test(struct boot *b, size_t k)
{
    struct run *r = b->r;
    for (size_t i = b->next; i < k; i++) {
        struct test *t = &r->tests[i];
        if (in_boot_image(b, t) && t->status == ST_NOTRUN) {
            settle_in_boot(b, t, ST_ERROR, "not-run", "the image went on to a later test");
        }
    }
    struct test *t = &r->tests[k];
    sb_add(&t->log, sb_str(&b->pending));
    sb_reset(&b->pending);
    b->cur = t;
    b->next = k;
    b->waiting_since = now_s();
    struct group_result *g = group_of(r, t);
    if (g != NULL && g->started == 0) {
        g->started = now_s();
    }
}

/* Ends the boot early. The running test takes the blame; if none runs and
 * this boot settled nothing yet, the next test does, so that every boot
 * moves the run forward. */
static void end_boot(struct boot *b, const char *kind, const char *message)
{
    struct run *r = b->r;
    struct test *victim = b->cur;
    bool before_start = false;
    if (victim == NULL && b->state == B_RUNNING && b->settled == 0) {
        size_t k = next_unsettled_here(b, b->next);
        if (k < r->n_tests) {
            begin_test(b, k);
            victim = b->cur;
            before_start = true;
        }
    }
    if (victim != NULL) {
        char *text = xasprintf("%s%s", message, before_start ? " (before the test started)" : "");
        victim->seconds = now_s() - b->waiting_since;
        sb_add(&victim->dump, sb_str(&b->dump));
        if (b->fatal != NULL) {
            sb_addf(&victim->dump, "framework: FATAL: %s\n", b->fatal);
        }
        add_tail(b, &victim->dump);
        settle_in_boot(b, victim, ST_ERROR, kind, text);
        free(text);
    } else if (b->state == B_RUNNING) {
        anomaly(r, b, "%s: %s (between two tests)", kind, message);
    }
    b->state = B_OVER;
    b->cur = NULL;
}

static void on_start(struct boot *b, const struct parsed_line *p)
{
    if (b->cur != NULL) {
        add_tail(b, &b->cur->dump);
        settle_in_boot(b, b->cur, ST_ERROR, "protocol",
                       "no result line before the next test started");
        b->next = (size_t)(b->cur - b->r->tests) + 1U;
        b->cur = NULL;
    }
    size_t k = find_test(b, p->group, p->name);
    if (k == (size_t)-1) {
        anomaly(b->r, b, "TEST-START(%s, %s): not a selected test that is still to run", p->group,
                p->name);
        return;
    }
    begin_test(b, k);
}

static void on_result(struct boot *b, const struct parsed_line *p, const char *text)
{
    struct test *t = b->cur;
    if (t == NULL) {
        /* Images without start markers: results come in order. */
        size_t k = find_test(b, p->group, p->name);
        if (k == (size_t)-1) {
            anomaly(b->r, b, "result for %s.%s, not a selected test still to run: %s", p->group,
                    p->name, text);
            return;
        }
        begin_test(b, k);
        t = b->cur;
    } else if (strcmp(t->group, p->group) != 0 || strcmp(t->name, p->name) != 0) {
        anomaly(b->r, b, "result for %s.%s while %s was running: ignored", p->group, p->name,
                t->id);
        log_line(b, "[out of order] ", text);
        return;
    }
    t->seconds = now_s() - b->waiting_since;
    sb_addf(&t->log, "%s\n", text);
    if (p->kind == L_PASS) {
        settle_in_boot(b, t, ST_PASS, NULL, NULL);
    } else if (p->kind == L_FAIL) {
        t->file = tree_relative(b->r, p->file);
        t->line = p->line;
        bool watchdog = strncmp(p->text, "timeout after", 13) == 0;
        settle_in_boot(b, t, ST_FAIL, watchdog ? "timeout" : "assertion", p->text);
    } else {
        settle_in_boot(b, t, ST_SKIP, "ignored", p->text);
    }
    b->next = (size_t)(t - b->r->tests) + 1U;
    b->cur = NULL;
    b->waiting_since = now_s();
}

static void on_end(struct boot *b)
{
    if (b->cur != NULL) {
        add_tail(b, &b->cur->dump);
        settle_in_boot(b, b->cur, ST_ERROR, "protocol", "the run ended without its result line");
        b->cur = NULL;
    }
    for (size_t i = next_unsettled_here(b, b->next); i < b->r->n_tests;
         i = next_unsettled_here(b, i + 1U)) {
        settle_in_boot(b, &b->r->tests[i], ST_ERROR, "not-run",
                       "the image ended its run without running this test");
    }
    b->state = B_DONE;
}

static void on_banner(struct boot *b, const struct parsed_line *p)
{
    struct run *r = b->r;
    if (b->state != B_BOOTING) {
        end_boot(b, "reboot",
                 "the board restarted by itself (reset, watchdog, or a fault handler that resets)");
        return;
    }
    b->state = B_RUNNING;
    b->waiting_since = now_s();
    if (r->dev_sources != NULL && strcmp(r->dev_sources, p->sources) != 0) {
        anomaly(r, b, "the image reports sources=%s, but listed sources=%s: it changed", p->sources,
                r->dev_sources);
    }
}

static void handle_parsed(struct boot *b, const struct parsed_line *p, const char *shown)
{
    switch (p->kind) {
    case L_READY:
        if (b->state == B_BOOTING) {
            answer_ready(b);
        } else {
            end_boot(b, "reboot", "the board restarted by itself (PORTOLAN-READY during the run)");
        }
        break;
    case L_BEGIN:
        on_banner(b, p);
        break;
    case L_START:
        on_start(b, p);
        break;
    case L_PASS:
    case L_FAIL:
    case L_IGNORE:
        on_result(b, p, shown);
        break;
    case L_END:
        on_end(b);
        break;
    case L_FAULT:
        b->in_fault = true;
        b->fault_since = now_s();
        sb_addf(&b->dump, "%s\n", shown);
        break;
    case L_TICK:
        if (p->tick_begin) {
            b->r->tick_begin_at = now_s();
            b->r->tick_begin = p->tick;
            b->r->tick_hz = p->hz;
        } else {
            host_tick_check(b->r, p->tick, now_s());
        }
        log_line(b, "", shown);
        break;
    case L_FATAL:
        free(b->fatal);
        b->fatal = xstrdup(p->text);
        log_line(b, "", shown);
        break;
    case L_WARN:
        anomaly(b->r, b, "the image warns: %s", p->text);
        log_line(b, "", shown);
        break;
    case L_GARBAGE:
        anomaly(b->r, b, "garbage on the console (%s): %s", p->problem, shown);
        log_line(b, "[garbage] ", shown);
        break;
    case L_LIST_BEGIN:
    case L_CASE:
    case L_LIST_END:
    case L_FAULT_END:
        anomaly(b->r, b, "unexpected %s line: %s", line_kind_name(p->kind), shown);
        log_line(b, "", shown);
        break;
    default:
        log_line(b, "", shown);
        break;
    }
}

static void handle_line(struct boot *b, const struct console_line *l)
{
    char *shown = escape_controls(l->text, l->len);
    if (l->host) {
        log_line(b, "[host] ", shown);
        free(shown);
        return;
    }
    struct parsed_line p;
    remember(b, shown);
    parse_line(l->text, l->len, &p);
    if (l->overlong && p.kind != L_FAULT) {
        p.kind = L_GARBAGE;
        snprintf(p.problem, sizeof p.problem, "a line longer than %d bytes", CONSOLE_LINE_MAX);
    }
    if (b->in_fault) {
        sb_addf(&b->dump, "%s\n", shown);
        b->fault_since = now_s();
        if (p.kind == L_FAULT_END) {
            end_boot(b, "crash", "the board crashed: fault dump (PORTOLAN-FAULT)");
        }
    } else {
        handle_parsed(b, &p, shown);
    }
    free(shown);
}

static const char *current_suite(const struct boot *b)
{
    if (b->cur != NULL) {
        return b->cur->suite;
    }
    size_t k = next_unsettled(b->r, b->next);
    return k < b->r->n_tests ? b->r->tests[k].suite : "";
}

static double deadline_of(const struct boot *b)
{
    const struct run *r = b->r;
    if (b->in_fault) {
        return b->fault_since + FAULT_SILENCE_S;
    }
    if (b->state == B_BOOTING) {
        return b->waiting_since + r->board->boot_s * mult(r);
    }
    double d = b->waiting_since + board_test_seconds(r->board, current_suite(b)) * mult(r);
    const struct group_result *g = b->cur ? group_of((struct run *)r, b->cur) : NULL;
    if (g != NULL && g->started > 0) {
        double gd = g->started + board_group_seconds(r->board, g->name) * mult(r);
        d = (gd < d) ? gd : d;
    }
    return d;
}

static bool group_expired(struct boot *b, struct group_result **out)
{
    struct group_result *g = b->cur ? group_of(b->r, b->cur) : NULL;
    *out = g;
    return g != NULL && g->started > 0 &&
           now_s() >= g->started + board_group_seconds(b->r->board, g->name) * mult(b->r);
}

static void on_group_timeout(struct boot *b, struct group_result *g)
{
    char *msg = xasprintf("the group %s exceeded its time limit of %.0f s", g->name,
                          board_group_seconds(b->r->board, g->name) * mult(b->r));
    end_boot(b, "group-timeout", msg);
    for (size_t i = g->first; i < g->first + g->count; i++) {
        struct test *t = &b->r->tests[i];
        if (is_device_test(t) && t->status == ST_NOTRUN) {
            settle_in_boot(b, t, ST_ERROR, "not-run", msg);
        }
    }
    free(msg);
}

static void on_timeout(struct boot *b, char **boot_failure)
{
    struct group_result *g = NULL;
    double limit = board_test_seconds(b->r->board, current_suite(b)) * mult(b->r);
    if (b->in_fault) {
        end_boot(b, "crash", "the board crashed: fault dump (PORTOLAN-FAULT)");
    } else if (b->state == B_BOOTING) {
        *boot_failure = xasprintf("no start banner (PORTOLAN-TEST-BEGIN) within %.0f s of boot",
                                  b->r->board->boot_s * mult(b->r));
        b->state = B_OVER;
    } else if (group_expired(b, &g)) {
        on_group_timeout(b, g);
    } else {
        char *msg = b->cur ? xasprintf("no result within %.0f s (hang or deadlock); the board "
                                       "was rebooted",
                                       limit)
                           : xasprintf("the next test did not start within %.0f s", limit);
        end_boot(b, "hang", msg);
        free(msg);
    }
}

static void on_closed(struct boot *b, char **boot_failure)
{
    bool serial = b->con.type == CONSOLE_SERIAL;
    char *how = serial ? xstrdup("the serial device closed")
                       : (b->con.proc.exited ? describe_status(b->con.proc.status)
                                             : xstrdup("its output closed"));
    int st = b->con.proc.status;
    /* A shell reports a child killed by signal N as exit status 128+N. */
    bool signal = !serial && b->con.proc.exited &&
                  (WIFSIGNALED(st) || (WIFEXITED(st) && WEXITSTATUS(st) > 128));
    if (b->in_fault) {
        end_boot(b, "crash", "the board crashed: fault dump (PORTOLAN-FAULT)");
    } else if (b->state == B_BOOTING) {
        *boot_failure = xasprintf("the image ended before its start banner (%s)", how);
        b->state = B_OVER;
    } else {
        char *msg = xasprintf("the image exited unexpectedly (%s)%s", how,
                              b->fatal ? ": the framework reported FATAL" : "");
        end_boot(b, (signal || b->fatal) ? "crash" : "exit", msg);
        free(msg);
    }
    free(how);
}

/* Follows the console until the boot is over; returns a boot failure
 * description (the image never started its run), or NULL. */
static char *follow(struct boot *b)
{
    char *boot_failure = NULL;
    b->state = B_BOOTING;
    while (b->state == B_BOOTING || b->state == B_RUNNING) {
        struct console_line l;
        double left = deadline_of(b) - now_s();
        enum console_event ev = console_next(&b->con, left > 0 ? left : 0, &l);
        if (ev == CE_LINE) {
            handle_line(b, &l);
            free(l.text);
        } else if (ev == CE_CLOSED) {
            on_closed(b, &boot_failure);
        } else if (now_s() >= deadline_of(b)) {
            on_timeout(b, &boot_failure);
        }
    }
    if (boot_failure != NULL) {
        struct strbuf s = {0};
        sb_addf(&s, "%s\n", boot_failure);
        add_tail(b, &s);
        free(boot_failure);
        return s.s;
    }
    return NULL;
}

/* ----- Listing -------------------------------------------------------------------------- */

bool test_matches(const char *pattern, const char *suite, const char *group, const char *name)
{
    char *two = xasprintf("%s.%s", group, name);
    char *three = xasprintf("%s.%s.%s", suite, group, name);
    char *suite_name = xasprintf("%s.%s", suite, name);
    bool match = strcmp(pattern, name) == 0 || strcmp(pattern, two) == 0 ||
                 strcmp(pattern, three) == 0 || strcmp(pattern, suite_name) == 0;
    free(two);
    free(three);
    free(suite_name);
    return match;
}

static bool test_wanted(const struct run *r, const char *suite, const char *group, const char *name)
{
    bool wanted = r->opt->tests.n == 0U;
    for (size_t i = 0; !wanted && i < r->opt->tests.n; i++) {
        wanted = test_matches(r->opt->tests.v[i], suite, group, name);
    }
    return wanted;
}

static void on_case(struct run *r, struct boot *b, const struct parsed_line *p)
{
    const struct group_result *g = NULL;
    for (size_t i = 0; i < r->n_groups && g == NULL; i++) {
        g = (strcmp(r->groups[i].name, p->suite) == 0) ? &r->groups[i] : NULL;
    }
    if (g == NULL || !g->selected) {
        anomaly(r, b, "the image lists %s.%s in suite %s, which this run does not select", p->group,
                p->name, p->suite);
        return;
    }
    if (test_wanted(r, p->suite, p->group, p->name)) {
        struct test *t = run_add_test(r, p->suite, p->group, p->name);
        t->def_file = tree_relative(r, p->file);
        t->def_line = p->line;
        t->image = r->listing_image;
    }
}

static void on_list_banner(struct run *r, const struct parsed_line *p)
{
    if (r->listing_image > 0 && r->dev_board != NULL) { /* a later part: the same runner */
        if (strcmp(r->dev_board, p->board) != 0 || strcmp(r->dev_version, p->version) != 0 ||
            strcmp(r->dev_sources, p->sources) != 0) {
            anomaly(r, NULL, "image %s reports board=%s version=%s sources=%s, unlike image %s",
                    r->images.v[r->listing_image], p->board, p->version, p->sources,
                    r->images.v[0]);
        }
        return;
    }
    free(r->dev_board);
    free(r->dev_version);
    free(r->dev_sources);
    r->dev_board = xstrdup(p->board);
    r->dev_version = xstrdup(p->version);
    r->dev_sources = xstrdup(p->sources);
}

/* Reads the list; returns NULL when complete, else why not. */
static char *read_list(struct run *r, struct boot *b)
{
    double deadline = now_s() + r->board->boot_s * mult(r);
    for (;;) {
        struct console_line l;
        struct parsed_line p;
        enum console_event ev = console_next(&b->con, deadline - now_s(), &l);
        if (ev == CE_TIMEOUT) {
            return xasprintf("no complete test list (PORTOLAN-LIST-END) within %.0f s",
                             r->board->boot_s * mult(r));
        }
        if (ev == CE_CLOSED) {
            char *how = b->con.proc.exited ? describe_status(b->con.proc.status)
                                           : xstrdup("the console closed");
            char *why = xasprintf("the image ended before listing its tests (%s)", how);
            free(how);
            return why;
        }
        char *shown = escape_controls(l.text, l.len);
        remember(b, shown);
        parse_line(l.text, l.len, &p);
        free(l.text);
        free(shown);
        if (l.host) {
            continue;
        }
        switch (p.kind) {
        case L_READY:
            answer_ready(b);
            break;
        case L_LIST_BEGIN:
            on_list_banner(r, &p);
            break;
        case L_CASE:
            on_case(r, b, &p);
            break;
        case L_LIST_END:
            return NULL;
        case L_FAULT:
            return xstrdup("the image crashed (PORTOLAN-FAULT) while listing its tests");
        case L_GARBAGE:
            anomaly(r, b, "garbage on the console while listing (%s)", p.problem);
            break;
        default:
            break;
        }
    }
}

/* Orders the tests group by group, in the catalogue's order, and sets each
 * group's range. The image lists them in that order already. */
static void arrange_groups(struct run *r)
{
    struct test *sorted = xcalloc(r->n_tests, sizeof sorted[0]);
    size_t n = 0;
    for (size_t g = 0; g < r->n_groups; g++) {
        struct group_result *gr = &r->groups[g];
        gr->first = n;
        for (size_t i = 0; i < r->n_tests; i++) {
            if (strcmp(r->tests[i].suite, gr->name) == 0) {
                sorted[n++] = r->tests[i];
            }
        }
        gr->count = n - gr->first;
        if (gr->count == 0U && r->opt->tests.n > 0U) {
            gr->selected = false; /* no test of it matched --test */
        }
    }
    free(r->tests);
    r->tests = sorted;
    r->n_tests = n;
    r->cap_tests = n;
    r->selected_total = (int)n;
}

/* One listing boot; returns NULL, or why it failed. */
static char *list_once(struct run *r)
{
    struct boot b;
    struct strbuf err = {0};
    char *words = selection_words(r, "list");
    char *why = NULL;
    if (r->images.n > 1U) {
        printf("Listing the tests of image %d of %zu (boot %d)...\n", r->listing_image + 1,
               r->images.n, r->boots + 1);
    } else {
        printf("Listing the tests of the image (boot %d)...\n", r->boots + 1);
    }
    fflush(stdout);
    if (boot_open(&b, r, r->listing_image, words, &err) != 0) {
        why = xasprintf("cannot start the board: %s", sb_str(&err));
    } else {
        why = read_list(r, &b);
        if (why != NULL) {
            struct strbuf s = {0};
            sb_addf(&s, "%s\n", why);
            if (b.tail.n == 0U) {
                sb_add(&s, "hint: the board printed nothing. Check the console first (docs/"
                           "porting.md step 1): board_init() and board_console_write(), the baud "
                           "rate, the port, and that the flash command resets the board.\n");
            } else if (r->anomalies.n >= b.tail.n) {
                sb_add(&s, "hint: nothing readable arrived: a wrong baud rate or clock "
                           "configuration garbles the console.\n");
            }
            add_tail(&b, &s);
            free(why);
            why = s.s;
        }
    }
    boot_close(&b);
    sb_free(&err);
    free(words);
    return why;
}

int engine_list(struct run *r)
{
    char *why = NULL;
    /* A second chance: a serial line can lose the end of a list. */
    for (int attempt = 0; attempt < MAX_FAILED_BOOTS; attempt++) {
        free(why);
        for (size_t i = 0; i < r->n_tests; i++) {
            test_free(&r->tests[i]);
        }
        r->n_tests = 0;
        for (r->listing_image = 0; (size_t)r->listing_image < r->images.n; r->listing_image++) {
            why = list_once(r);
            if (why != NULL) {
                break;
            }
        }
        if (why == NULL) {
            break;
        }
        anomaly(r, NULL, "listing boot %d failed: %s", r->boots, tail_lines(why, 1000));
    }
    if (why != NULL) {
        r->boot_failed = true;
        r->failure = why;
        return -1;
    }
    host_checks_add(r);
    arrange_groups(r);
    return 0;
}

/* ----- Running ----------------------------------------------------------------------------- */

/* The device test before `next` in the same image (its boots resume after it). */
static const struct test *previous_device_test(const struct run *r, size_t next)
{
    for (size_t i = next; i > 0; i--) {
        const struct test *t = &r->tests[i - 1U];
        if (is_device_test(t) && t->image == r->tests[next].image) {
            return t;
        }
    }
    return NULL;
}

static void settle_rest(struct run *r, const char *kind, const char *message)
{
    for (size_t i = next_unsettled(r, 0); i < r->n_tests; i = next_unsettled(r, i + 1U)) {
        run_settle(r, &r->tests[i], ST_ERROR, kind, message);
    }
}

/* One boot from test `next` on; returns the number of tests it settled, or
 * -1 with *why set when the board did not start its run. */
static int one_boot(struct run *r, size_t next, char **why)
{
    const struct test *prev = previous_device_test(r, next);
    char *after = prev ? xasprintf("starts after=%s.%s.%s", prev->suite, prev->group, prev->name)
                       : xstrdup("starts");
    char *words = selection_words(r, after);
    struct boot b;
    struct strbuf err = {0};
    int settled = -1;
    if (r->boots > 0 && r->opt->verbose) {
        printf("   (boot %d: %s)\n", r->boots + 1, words);
    }
    if (boot_open(&b, r, r->tests[next].image, words, &err) != 0) {
        *why = xasprintf("cannot start the board: %s", sb_str(&err));
    } else {
        b.next = next;
        *why = follow(&b);
        settled = (*why == NULL) ? b.settled : -1;
    }
    boot_close(&b);
    if (b.state == B_DONE && b.exited && !WIFEXITED(b.exit_status)) {
        anomaly(r, NULL, "boot %d: the image ended abnormally after its run", b.number);
    }
    sb_free(&err);
    free(words);
    free(after);
    return settled;
}

int engine_run(struct run *r)
{
    int failed_boots = 0;
    size_t next;
    while ((next = next_unsettled(r, 0)) < r->n_tests) {
        if (r->boots > (int)r->n_tests + 5) {
            settle_rest(r, "not-run", "not run: too many reboots");
            break;
        }
        char *why = NULL;
        int settled = one_boot(r, next, &why);
        failed_boots = (settled > 0) ? 0 : failed_boots + 1;
        if (why != NULL) {
            printf("   boot %d failed: %s", r->boots, tail_lines(why, 1));
            if (failed_boots >= MAX_FAILED_BOOTS) {
                r->boot_failed = true;
                r->failure = xasprintf("the board stopped booting: %s", why);
                settle_rest(r, "not-run", "not run: the board stopped booting");
            }
            free(why);
        }
    }
    for (size_t i = 0; i < r->n_tests; i++) {
        if (r->tests[i].host && r->tests[i].status == ST_NOTRUN) {
            run_settle(r, &r->tests[i], ST_ERROR, "not-run",
                       "the image printed no PORTOLAN-TICK measurement");
        }
    }
    return 0;
}
