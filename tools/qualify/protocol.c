/*
 * protocol.c - what one console line says (the grammar is in ptest.h).
 *
 * The parser is strict: a line either matches a protocol form exactly or it
 * is a log line. A line that starts like a protocol line but breaks its
 * grammar, or that carries control bytes, is garbage: reported, never
 * taken as a result. A result is never read out of the middle of a line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qualify.h"

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool is_ident_char(char c, bool first)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           (!first && c >= '0' && c <= '9');
}

/* Reads an identifier into out; returns the end, or NULL. */
static const char *take_ident(const char *s, char *out, size_t size)
{
    size_t n = 0;
    while (is_ident_char(s[n], n == 0U)) {
        n++;
    }
    if (n == 0U || n >= size) {
        return NULL;
    }
    memcpy(out, s, n);
    out[n] = '\0';
    return s + n;
}

/* Reads "(Group, name)" into p; returns the end, or NULL. */
static const char *take_pair(const char *s, struct parsed_line *p)
{
    if (*s++ != '(') {
        return NULL;
    }
    s = take_ident(s, p->group, sizeof p->group);
    if (s == NULL || s[0] != ',' || s[1] != ' ') {
        return NULL;
    }
    s = take_ident(s + 2, p->name, sizeof p->name);
    return (s != NULL && *s == ')') ? s + 1 : NULL;
}

/* Copies, cutting what does not fit (fields are reported, not trusted). */
static void copy_text(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    n = (n < size) ? n : size - 1U;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void garbage(struct parsed_line *p, const char *why)
{
    p->kind = L_GARBAGE;
    copy_text(p->problem, sizeof p->problem, why);
}

/* "file:line::FAIL: message" */
static bool take_failure(const char *s, struct parsed_line *p)
{
    const char *mark = strstr(s, "::FAIL: ");
    if (mark == NULL) {
        mark = strstr(s, "::FAIL:");
        if (mark == NULL || mark[7] != '\0') {
            return false;
        }
    }
    const char *colon = mark;
    while (colon > s && colon[-1] >= '0' && colon[-1] <= '9') {
        colon--;
    }
    if (colon == mark || colon == s || colon[-1] != ':' ||
        (size_t)(colon - 1 - s) >= sizeof p->file) {
        return false;
    }
    memcpy(p->file, s, (size_t)(colon - 1 - s));
    p->file[colon - 1 - s] = '\0';
    p->line = atoi(colon);
    copy_text(p->text, sizeof p->text, mark[7] == ' ' ? mark + 8 : mark + 7);
    return true;
}

static void parse_result(const char *s, struct parsed_line *p)
{
    const char *rest = take_pair(s + 4, p);
    if (rest == NULL || *rest != ' ') {
        garbage(p, "a TEST( line that is not a well-formed result");
    } else if (strcmp(rest + 1, "PASS") == 0) {
        p->kind = L_PASS;
    } else if (take_failure(rest + 1, p)) {
        p->kind = L_FAIL;
    } else {
        garbage(p, "a TEST( line that is neither PASS nor file:line::FAIL: message");
    }
}

/* key=value words: fills the banner fields; all four must be present. */
static bool parse_banner(const char *s, struct parsed_line *p)
{
    int have = 0;
    while (*s == ' ') {
        s++;
    }
    while (*s != '\0') {
        const char *end = strchr(s, ' ');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        char word[256];
        snprintf(word, sizeof word, "%.*s", (int)n, s);
        if (starts_with(word, "board=")) {
            copy_text(p->board, sizeof p->board, word + 6);
            have |= 1;
        } else if (starts_with(word, "version=")) {
            copy_text(p->version, sizeof p->version, word + 8);
            have |= 2;
        } else if (starts_with(word, "sources=")) {
            copy_text(p->sources, sizeof p->sources, word + 8);
            have |= 4;
        } else if (starts_with(word, "tests=")) {
            char *num_end = NULL;
            p->tests = strtol(word + 6, &num_end, 10);
            have |= (num_end != word + 6 && *num_end == '\0') ? 8 : 0;
        }
        s += n;
        while (*s == ' ') {
            s++;
        }
    }
    return have == 15;
}

/* "CASE Group.name[ suite=S][ at=file:line]" */
static void parse_case(const char *s, struct parsed_line *p)
{
    s = take_ident(s + 5, p->group, sizeof p->group);
    if (s != NULL && *s == '.') {
        s = take_ident(s + 1, p->name, sizeof p->name);
    } else {
        s = NULL;
    }
    if (s == NULL || (*s != '\0' && *s != ' ')) {
        garbage(p, "a CASE line that is not CASE Group.name");
        return;
    }
    p->kind = L_CASE;
    copy_text(p->suite, sizeof p->suite, p->group);
    if (starts_with(s, " suite=")) {
        s = take_ident(s + 7, p->suite, sizeof p->suite);
        if (s == NULL) {
            garbage(p, "a CASE line with a bad suite");
            return;
        }
    }
    if (starts_with(s, " at=")) {
        const char *colon = strrchr(s + 4, ':');
        if (colon != NULL && (size_t)(colon - (s + 4)) < sizeof p->file) {
            snprintf(p->file, sizeof p->file, "%.*s", (int)(colon - (s + 4)), s + 4);
            p->line = atoi(colon + 1);
        }
    }
}

static bool unity_line(const char *s)
{
    unsigned a, b, c;
    char tail;
    return s[0] == '\0' || starts_with(s, "Unity test run ") || strcmp(s, "OK") == 0 ||
           strcmp(s, "FAIL") == 0 || strspn(s, "-") == strlen(s) ||
           sscanf(s, "%u Tests %u Failures %u Ignored%c", &a, &b, &c, &tail) == 3;
}

/* Protocol text found in the middle of another line: output interleaved. */
static bool marker_inside(const char *s)
{
    static const char *const markers[] = {"TEST(", "TEST-START(", "IGNORE_TEST(", "PORTOLAN-TEST-",
                                          "PORTOLAN-READY"};
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++) {
        const char *at = strstr(s + 1, markers[i]);
        if (at != NULL && !(at >= s + 7 && starts_with(at - 7, "IGNORE_"))) {
            return true;
        }
    }
    return false;
}

/* Lines introduced by a fixed word. */
static bool parse_marked(const char *s, struct parsed_line *p)
{
    if (strcmp(s, "PORTOLAN-READY") == 0) {
        p->kind = L_READY;
    } else if (strcmp(s, "PORTOLAN-TEST-END") == 0) {
        p->kind = L_END;
    } else if (strcmp(s, "PORTOLAN-LIST-END") == 0) {
        p->kind = L_LIST_END;
    } else if (starts_with(s, "PORTOLAN-FAULT-END")) {
        p->kind = L_FAULT_END;
    } else if (starts_with(s, "PORTOLAN-TEST-BEGIN ") || starts_with(s, "PORTOLAN-LIST-BEGIN ")) {
        bool list = starts_with(s, "PORTOLAN-LIST-BEGIN ");
        if (parse_banner(s + 20, p)) {
            p->kind = list ? L_LIST_BEGIN : L_BEGIN;
        } else {
            garbage(p, "a banner without board=, version=, sources= and tests=");
        }
    } else if (starts_with(s, "PORTOLAN-FILTER")) {
        p->kind = L_FILTER;
        copy_text(p->text, sizeof p->text, s[15] == ' ' ? s + 16 : s + 15);
    } else if (starts_with(s, "PORTOLAN-WARN ")) {
        p->kind = L_WARN;
        copy_text(p->text, sizeof p->text, s + 14);
    } else if (starts_with(s, "PORTOLAN-INFO ")) {
        p->kind = L_INFO;
        copy_text(p->text, sizeof p->text, s + 14);
    } else if (starts_with(s, "PORTOLAN-TICK ")) {
        char tail;
        p->tick_begin = starts_with(s, "PORTOLAN-TICK begin ");
        int n = p->tick_begin
                    ? sscanf(s, "PORTOLAN-TICK begin tick=%lu hz=%lu%c", &p->tick, &p->hz, &tail)
                    : sscanf(s, "PORTOLAN-TICK end tick=%lu%c", &p->tick, &tail) + 1;
        if (n == 2 && (!p->tick_begin || p->hz > 0U)) {
            p->kind = L_TICK;
        } else {
            garbage(p, "a PORTOLAN-TICK line that is not begin tick=N hz=H or end tick=N");
        }
    } else if (starts_with(s, "FATAL: ")) {
        p->kind = L_FATAL;
        copy_text(p->text, sizeof p->text, s + 7);
    } else {
        return false;
    }
    return true;
}

static void parse_test_forms(const char *s, struct parsed_line *p)
{
    if (starts_with(s, "TEST(")) {
        parse_result(s, p);
    } else if (starts_with(s, "TEST-START(")) {
        const char *rest = take_pair(s + 10, p);
        if (rest != NULL && *rest == '\0') {
            p->kind = L_START;
        } else {
            garbage(p, "a TEST-START( line that is not TEST-START(Group, name)");
        }
    } else if (starts_with(s, "IGNORE_TEST(")) {
        const char *rest = take_pair(s + 11, p);
        if (rest != NULL && (*rest == '\0' || *rest == ' ')) {
            p->kind = L_IGNORE;
            copy_text(p->text, sizeof p->text, *rest == ' ' ? rest + 1 : rest);
        } else {
            garbage(p, "an IGNORE_TEST( line that is not IGNORE_TEST(Group, name) reason");
        }
    } else if (starts_with(s, "CASE ")) {
        parse_case(s, p);
    } else if (unity_line(s)) {
        p->kind = L_UNITY;
    } else if (marker_inside(s)) {
        garbage(p, "protocol text inside another line (interleaved output)");
    }
}

void parse_line(const char *s, size_t len, struct parsed_line *p)
{
    memset(p, 0, sizeof *p);
    p->kind = L_LOG;
    if (has_control_bytes(s, len) || strlen(s) != len) {
        const char *fault = strstr(s, "PORTOLAN-FAULT");
        if (fault != NULL && !starts_with(fault, "PORTOLAN-FAULT-END")) {
            p->kind = L_FAULT; /* a crash is reported even when the line is damaged */
            copy_text(p->problem, sizeof p->problem, "fault marker in a damaged line");
            return;
        }
        garbage(p, "control bytes in the line (noise, wrong baud rate, or a damaged line)");
        return;
    }
    if (parse_marked(s, p)) {
        return;
    }
    const char *fault = strstr(s, "PORTOLAN-FAULT");
    if (fault != NULL && !starts_with(fault, "PORTOLAN-FAULT-END")) {
        p->kind = L_FAULT;
        copy_text(p->text, sizeof p->text, fault);
        return;
    }
    parse_test_forms(s, p);
}

const char *line_kind_name(enum line_kind k)
{
    static const char *const names[] = {"log",   "garbage",    "ready",    "filter", "begin",
                                        "end",   "list-begin", "list-end", "case",   "start",
                                        "pass",  "fail",       "ignore",   "fault",  "fault-end",
                                        "fatal", "warn",       "info",     "unity",  "tick"};
    return names[k];
}
