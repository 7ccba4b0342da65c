/*
 * fixture_board.c - a fake runner image for qualify's self-tests. It speaks
 * the on-device framework's console protocol for a fixed set of tests and
 * misbehaves on purpose, as a broken board would:
 *
 *   fixture-board SCENARIO HASH_FILE [selection words]
 *
 * pass       every test passes
 * fail       Alpha.a2 fails an assertion
 * hang       Alpha.a2 starts and never ends
 * crash      Alpha.a2 prints a PORTOLAN-FAULT dump, then spins (a locked-up core)
 * exit       Alpha.a2 dies of a signal without a word
 * watchdog   Alpha.a2 fails by the framework's watchdog, which ends the image
 * reboot     Alpha.a2 makes the board restart by itself
 * interleave log lines everywhere, some containing protocol text
 * garbage    line noise, and Alpha.a2's result line damaged
 * silent     prints nothing at all
 * slow       Beta.b1 takes 0.3 s, Beta.b2 5 s: the group's 1 s limit ends b2
 *
 * Port.tick prints the tick markers FIXTURE_TICK_COUNT ticks (default 1000)
 * apart, 1 s apart in real time: a 1 kHz tick unless the count says
 * otherwise.
 *
 * With the selection word `console`, the selection line is read from stdin
 * after PORTOLAN-READY, as on a board without start-up arguments.
 *
 * Run as fixture-part1 or fixture-part2 (links made by the fixture build
 * with FIXTURE_PARTS=1), it is one image of a runner in parts: part 1 has
 * the Integrity and Alpha tests, part 2 Beta and Port.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <stdarg.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct ftest {
    const char *suite;
    const char *name;
};

static const struct ftest TESTS[] = {
    {"Integrity", "version_reported"},
    {"Alpha", "a1"},
    {"Alpha", "a2"},
    {"Alpha", "a3"},
    {"Beta", "b1"},
    {"Beta", "b2"},
    {"Port", "tick"},
};
#define N_TESTS (sizeof TESTS / sizeof TESTS[0])

struct sel {
    char suites[256];
    char tests[256];
    char after[128];
    bool list;
    bool starts;
    bool console;
};

static const char *scenario;
static int part; /* 0: every test; 1 or 2: one image of a runner in parts */
static char hash[64] = "0000000000000000";

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void out(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fflush(stdout);
}

static bool in_list(const char *list, const char *word)
{
    if (list[0] == '\0') {
        return true;
    }
    size_t n = strlen(word);
    for (const char *p = list; p != NULL; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) {
        if (strncmp(p, word, n) == 0 && (p[n] == ',' || p[n] == '\0')) {
            return true;
        }
    }
    return false;
}

static void parse_words(const char *text, struct sel *s)
{
    char *copy = strdup(text);
    for (char *w = strtok(copy, " "); w != NULL; w = strtok(NULL, " ")) {
        if (strncmp(w, "suite=", 6) == 0) {
            snprintf(s->suites, sizeof s->suites, "%s", w + 6);
        } else if (strncmp(w, "test=", 5) == 0) {
            snprintf(s->tests, sizeof s->tests, "%s", w + 5);
        } else if (strncmp(w, "after=", 6) == 0) {
            snprintf(s->after, sizeof s->after, "%s", w + 6);
        } else if (strcmp(w, "list") == 0) {
            s->list = true;
        } else if (strcmp(w, "starts") == 0) {
            s->starts = true;
        } else if (strcmp(w, "console") == 0) {
            s->console = true;
        }
    }
    free(copy);
}

/* PORTOLAN-READY until a line arrives on stdin (at most 5 s). */
static void read_console(struct sel *s)
{
    char line[512];
    size_t len = 0;
    for (int i = 0; i < 25 && len == 0; i++) {
        out("PORTOLAN-READY\n");
        struct pollfd p = {.fd = 0, .events = POLLIN};
        while (poll(&p, 1, 200) > 0 && len + 1 < sizeof line) {
            char c;
            if (read(0, &c, 1) != 1) {
                break;
            }
            if (c == '\n' || c == '\r') {
                if (len > 0) {
                    break;
                }
                continue;
            }
            line[len++] = c;
        }
    }
    line[len] = '\0';
    out("PORTOLAN-FILTER %s\n", line);
    parse_words(line, s);
}

static bool is_after(const struct sel *s, const struct ftest *t)
{
    char id[128];
    snprintf(id, sizeof id, "%s.%s.%s", t->suite, t->suite, t->name);
    return strcmp(id, s->after) == 0;
}

static bool in_part(const struct ftest *t)
{
    const bool first = strcmp(t->suite, "Integrity") == 0 || strcmp(t->suite, "Alpha") == 0;
    return part == 0 || (part == 1) == first;
}

static bool selected(const struct sel *s, const struct ftest *t)
{
    return in_part(t) && in_list(s->suites, t->suite) && in_list(s->tests, t->name);
}

static bool is(const char *name)
{
    return strcmp(scenario, name) == 0;
}

static void spin_forever(void)
{
    for (;;) {
        pause();
    }
}

/* Misbehaves during Alpha.a2 as the scenario says; returns if it passes. */
static void run_a2(void)
{
    if (is("fail")) {
        out("TEST(Alpha, a2) fixture/alpha.c:42::FAIL: Expected 1 Was 2 (value)\n");
        return;
    }
    if (is("hang") || is("crash") || is("exit")) {
        out("doing a2 work\n");
        if (is("crash")) {
            out("PORTOLAN-FAULT HardFault\n  pc=0x00001234 lr=0xfffffff9 cfsr=0x00008200\n"
                "  bfar=0xdeadbeef\nPORTOLAN-FAULT-END\n");
        }
        if (is("exit")) {
            raise(SIGSEGV);
        }
        spin_forever();
    }
    if (is("watchdog")) {
        out("TEST(Alpha, a2) fixture/alpha.c:50::FAIL: timeout after 20000 ticks\n");
        out("-----------------------\nTIMEOUT\n");
        exit(2);
    }
    if (is("reboot")) {
        out("\nUnity test run 1 of 1\nPORTOLAN-TEST-BEGIN board=fixture version=9.9.9 "
            "sources=%s tests=6\n",
            hash);
        spin_forever();
    }
    if (is("garbage")) {
        out("TEST(Alpha, a2) PA\x01\xffSS\n");
        return;
    }
    out("TEST(Alpha, a2) PASS\n");
}

static void run_one(const struct ftest *t, const struct sel *s)
{
    if (s->starts) {
        out("TEST-START(%s, %s)\n", t->suite, t->name);
    }
    if (is("interleave")) {
        out("[log] working on %s\n[log] TEST(%s, %s) PASS is what we hope for\n", t->name, t->suite,
            t->name);
    }
    if (is("slow") && strcmp(t->suite, "Beta") == 0) {
        usleep(strcmp(t->name, "b1") == 0 ? 300000 : 5000000); /* b2 outlasts the group */
    }
    if (strcmp(t->name, "a2") == 0) {
        run_a2();
        return;
    }
    if (strcmp(t->name, "tick") == 0) {
        const char *count = getenv("FIXTURE_TICK_COUNT");
        out("PORTOLAN-TICK begin tick=1000 hz=1000\n");
        usleep(1000000);
        out("PORTOLAN-TICK end tick=%lu\n", 1000UL + (count ? strtoul(count, NULL, 10) : 1000UL));
    }
    if (strcmp(t->name, "version_reported") == 0) {
        out("PORTOLAN-INFO version=9.9.9 sources=%s board=fixture\n", hash);
    }
    out("TEST(%s, %s) PASS\n", t->suite, t->name);
    if (is("interleave")) {
        out("[log] between tests, a partial line: ");
        out("finished\n");
    }
}

static void read_hash(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f != NULL) {
        if (fscanf(f, "%63s", hash) != 1) {
            hash[0] = '\0';
        }
        fclose(f);
    }
}

int main(int argc, char **argv)
{
    struct sel s = {0};
    if (argc < 3) {
        fprintf(stderr, "usage: fixture-board SCENARIO HASH_FILE [words]\n");
        return 2;
    }
    scenario = argv[1];
    const char *self = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    part = (strcmp(self, "fixture-part1") == 0) ? 1 : (strcmp(self, "fixture-part2") == 0) ? 2 : 0;
    read_hash(argv[2]);
    if (getenv("FIXTURE_REPORT_HASH") != NULL) {
        snprintf(hash, sizeof hash, "%s", getenv("FIXTURE_REPORT_HASH")); /* a stale image */
    }
    for (int i = 3; i < argc; i++) {
        parse_words(argv[i], &s);
    }
    if (is("silent")) {
        spin_forever();
    }
    if (is("garbage")) {
        static const char noise[] = "\xff\xfe\x00\x13 boot noise\n";
        fwrite(noise, 1, sizeof noise - 1U, stdout);
        fflush(stdout);
    }
    if (s.console) {
        read_console(&s);
    }
    if (s.list) {
        out("PORTOLAN-LIST-BEGIN board=fixture version=9.9.9 sources=%s tests=%zu\n", hash,
            N_TESTS);
        for (size_t i = 0; i < N_TESTS; i++) {
            if (selected(&s, &TESTS[i])) {
                out("CASE %s.%s suite=%s at=fixture/%s.c:%zu\n", TESTS[i].suite, TESTS[i].name,
                    TESTS[i].suite, TESTS[i].suite, 10 * i + 10);
            }
        }
        out("PORTOLAN-LIST-END\n");
        return 0;
    }
    out("Unity test run 1 of 1\nPORTOLAN-TEST-BEGIN board=fixture version=9.9.9 sources=%s "
        "tests=%zu\n",
        hash, N_TESTS);
    bool skipping = s.after[0] != '\0';
    unsigned failures = 0;
    for (size_t i = 0; i < N_TESTS; i++) {
        if (!selected(&s, &TESTS[i]) || skipping) {
            skipping = skipping && !is_after(&s, &TESTS[i]);
            continue;
        }
        run_one(&TESTS[i], &s);
        failures += is("fail") && strcmp(TESTS[i].name, "a2") == 0;
    }
    out("\n-----------------------\n%zu Tests %u Failures 0 Ignored\n%s\nPORTOLAN-TEST-END\n",
        N_TESTS, failures, failures ? "FAIL" : "OK");
    return failures ? 1 : 0;
}
