/*
 * protocol_test.c - the console line grammar: every form parses, and every
 * near miss is garbage or a log line, never a result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../qualify.h"

static int failures;

static void expect_kind(const char *line, size_t len, enum line_kind want, struct parsed_line *p)
{
    parse_line(line, len, p);
    if (p->kind != want) {
        char *shown = escape_controls(line, len);
        fprintf(stderr, "FAIL: \"%s\" parsed as %s, expected %s\n", shown, line_kind_name(p->kind),
                line_kind_name(want));
        free(shown);
        failures++;
    }
}

static void kind(const char *line, enum line_kind want)
{
    struct parsed_line p;
    expect_kind(line, strlen(line), want, &p);
}

static void same(const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "FAIL: %s is \"%s\", expected \"%s\"\n", what, got, want);
        failures++;
    }
}

static void results(void)
{
    struct parsed_line p;
    expect_kind("TEST(Queue, send_blocks) PASS", 29, L_PASS, &p);
    same("group", p.group, "Queue");
    same("name", p.name, "send_blocks");
    const char *fail = "TEST(Queue, x1) /a/b/test_queue.c:123::FAIL: Expected 1 Was 2 (v)";
    expect_kind(fail, strlen(fail), L_FAIL, &p);
    same("file", p.file, "/a/b/test_queue.c");
    same("message", p.text, "Expected 1 Was 2 (v)");
    if (p.line != 123) {
        fprintf(stderr, "FAIL: line %d\n", p.line);
        failures++;
    }
    expect_kind("IGNORE_TEST(Net, dns) no network", 32, L_IGNORE, &p);
    same("reason", p.text, "no network");
    kind("IGNORE_TEST(Net, dns)", L_IGNORE);
    kind("TEST-START(Queue, send_blocks)", L_START);
}

static void near_misses(void)
{
    kind("TEST(Queue, send_blocks) PAS", L_GARBAGE);
    kind("TEST(Queue, send_blocks) PASS extra", L_GARBAGE);
    kind("TEST(Queue,send_blocks) PASS", L_GARBAGE);
    kind("TEST(Queue, send blocks) PASS", L_GARBAGE);
    kind("TEST(Queue, x) file.c::FAIL: no line", L_GARBAGE);
    kind("TEST(Queue, x) FAIL", L_GARBAGE);
    kind("TEST-START(Queue, x) trailing", L_GARBAGE);
    kind("TEST(9Queue, x) PASS", L_GARBAGE);
    kind("log: TEST(Queue, x) PASS", L_GARBAGE);
    kind(" TEST(Queue, x) PASS", L_GARBAGE);
    kind("TEST(Queue, x) PA\x01SS", L_GARBAGE);
    static const char nul[] = "TEST(Queue, x) PA\0SS";
    struct parsed_line p;
    expect_kind(nul, sizeof nul - 1U, L_GARBAGE, &p);
    kind("TEST(Queue, x) PASS\xff", L_GARBAGE);
    kind("PORTOLAN-TEST-BEGIN board=posix version=0.1.0", L_GARBAGE);
    kind("CASE Queue", L_GARBAGE);
}

static void markers(void)
{
    struct parsed_line p;
    const char *begin = "PORTOLAN-TEST-BEGIN board=posix version=0.1.0 sources=abcd tests=12";
    expect_kind(begin, strlen(begin), L_BEGIN, &p);
    same("board", p.board, "posix");
    same("sources", p.sources, "abcd");
    if (p.tests != 12) {
        fprintf(stderr, "FAIL: tests=%ld\n", p.tests);
        failures++;
    }
    kind("PORTOLAN-LIST-BEGIN board=b version=v sources=s tests=0", L_LIST_BEGIN);
    const char *c = "CASE Smoke.delay suite=Kernel at=/x/test_smoke.c:32";
    expect_kind(c, strlen(c), L_CASE, &p);
    same("suite", p.suite, "Kernel");
    same("at", p.file, "/x/test_smoke.c");
    kind("CASE Smoke.delay", L_CASE);
    kind("PORTOLAN-READY", L_READY);
    kind("PORTOLAN-TEST-END", L_END);
    kind("PORTOLAN-LIST-END", L_LIST_END);
    kind("PORTOLAN-FAULT HardFault", L_FAULT);
    kind("garbage before PORTOLAN-FAULT HardFault", L_FAULT);
    kind("PORTOLAN-FAULT-END", L_FAULT_END);
    kind("FATAL: assertion at x.c:3 outside any test", L_FATAL);
    kind("PORTOLAN-WARN no selection line", L_WARN);
    kind("Unity test run 1 of 1", L_UNITY);
    kind("-----------------------", L_UNITY);
    kind("12 Tests 1 Failures 0 Ignored", L_UNITY);
    kind("OK", L_UNITY);
    kind("", L_UNITY);
    kind("an ordinary log line", L_LOG);
    kind("caf\xc3\xa9 in UTF-8 is fine", L_LOG);
    kind("overlong \xc0\xaf is not", L_GARBAGE);
}

static void utf8_escaping(void)
{
    char *e = escape_controls("a\x01"
                              "b\xff\xc3\xa9",
                              6);
    same("escaped", e, "a\\x01b\\xff\xc3\xa9");
    free(e);
}

int main(void)
{
    results();
    near_misses();
    markers();
    utf8_escaping();
    if (failures == 0) {
        printf("protocol: all checks passed\n");
    }
    return failures ? 1 : 0;
}
