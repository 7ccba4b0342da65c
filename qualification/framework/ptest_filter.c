/*
 * ptest_filter.c - parsing the selection words and reading a selection
 * line from the console.
 *
 * The console wait polls instead of sleeping: a UART without a FIFO drops
 * bytes that arrive while the CPU sleeps through a tick, and on the
 * simulator board_burn_cpu() is what moves virtual time forward.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "ptest.h"
#include "ptest_filter.h"

#define DEFAULT_CONSOLE_TICKS 5000U
#define CONSOLE_LINE_CHARS 256U

void ptest_filter_init(struct ptest_filter *f)
{
    memset(f, 0, sizeof *f);
    f->console_ticks = PTEST_CONSOLE_FILTER_TICKS;
}

static size_t word_length(const char *p)
{
    size_t n = 0;
    while (p[n] != '\0' && p[n] != ' ' && p[n] != '\t') {
        n++;
    }
    return n;
}

static void copy_value(char *dst, size_t size, const char *src, size_t len)
{
    if (len >= size) {
        len = size - 1U;
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}

static uint32_t parse_ticks(const char *p, size_t len)
{
    uint32_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] < '0' || p[i] > '9') {
            return DEFAULT_CONSOLE_TICKS;
        }
        v = v * 10U + (uint32_t)(p[i] - '0');
    }
    return (v == 0U) ? DEFAULT_CONSOLE_TICKS : v;
}

/* Applies one word of `len` characters. */
static void apply_word(struct ptest_filter *f, const char *w, size_t len)
{
    static const struct {
        const char *key;
        size_t offset;
    } lists[] = {
        {"suite=", offsetof(struct ptest_filter, suite)},
        {"group=", offsetof(struct ptest_filter, group)},
        {"test=", offsetof(struct ptest_filter, test)},
        {"after=", offsetof(struct ptest_filter, after)},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        size_t k = strlen(lists[i].key);
        if (len >= k && strncmp(w, lists[i].key, k) == 0) {
            copy_value((char *)f + lists[i].offset, PTEST_FILTER_LIST_CHARS, w + k, len - k);
            return;
        }
    }
    if (len == 4U && strncmp(w, "list", 4) == 0) {
        f->list = 1;
    } else if (len == 6U && strncmp(w, "starts", 6) == 0) {
        f->starts = 1;
    } else if (len == 4U && strncmp(w, "halt", 4) == 0) {
        f->halt = 1;
    } else if (len == 7U && strncmp(w, "console", 7) == 0) {
        f->console_ticks = DEFAULT_CONSOLE_TICKS;
    } else if (len > 8U && strncmp(w, "console=", 8) == 0) {
        f->console_ticks = parse_ticks(w + 8, len - 8U);
    } else {
        char word[48];
        copy_value(word, sizeof word, w, len);
        ptest_printf("PORTOLAN-WARN unknown selection word '%s'\n", word);
    }
}

void ptest_filter_parse(const char *text, struct ptest_filter *f)
{
    const char *p = text;
    while (p != NULL && *p != '\0') {
        while (*p == ' ' || *p == '\t') {
            p++;
        }
        size_t len = word_length(p);
        if (len > 0U) {
            apply_word(f, p, len);
        }
        p += len;
    }
}

unsigned ptest_filter_position(const char *list, const char *word)
{
    if (list[0] == '\0') {
        return 1U;
    }
    size_t wl = strlen(word);
    unsigned pos = 1U;
    for (const char *p = list;; pos++) {
        const char *end = strchr(p, ',');
        size_t len = (end != NULL) ? (size_t)(end - p) : strlen(p);
        if (len == wl && strncmp(p, word, wl) == 0) {
            return pos;
        }
        if (end == NULL) {
            return 0U;
        }
        p = end + 1;
    }
}

const char *ptest_suite_of(const struct ptest_case *c)
{
    return (c->suite != NULL) ? c->suite : c->group;
}

/* Compares the next dot-separated part of `*id` with `part`. */
static int take_part(const char **id, const char *part)
{
    size_t n = strlen(part);
    if (strncmp(*id, part, n) != 0 || ((*id)[n] != '.' && (*id)[n] != '\0')) {
        return 0;
    }
    *id += n + (((*id)[n] == '.') ? 1U : 0U);
    return 1;
}

int ptest_filter_is_after(const struct ptest_filter *f, const struct ptest_case *c)
{
    const char *id = f->after;
    return take_part(&id, ptest_suite_of(c)) && take_part(&id, c->group) &&
           strcmp(id, c->name) == 0;
}

void ptest_filter_read_console(struct ptest_filter *f)
{
    char line[CONSOLE_LINE_CHARS];
    size_t len = 0;
    const TickType_t start = xTaskGetTickCount();
    TickType_t announced_at = start;
    int announced = 0;
    int receiving = 0;
    for (;;) {
        TickType_t now = xTaskGetTickCount();
        if ((uint32_t)(now - start) >= f->console_ticks) {
            ptest_printf("PORTOLAN-WARN no selection line on the console\n");
            return;
        }
        /* Repeated, so that a host which opens the port late still sees it. */
        if (!receiving &&
            (!announced || (uint32_t)(now - announced_at) >= PTEST_CONSOLE_READY_TICKS)) {
            ptest_write_string("PORTOLAN-READY\n");
            announced_at = now;
            announced = 1;
        }
        int c = board_console_read();
        if (c < 0) {
            board_burn_cpu(PTEST_CONSOLE_POLL_US);
        } else if (c == '\n' || c == '\r') {
            if (receiving) {
                break;
            }
        } else {
            receiving = 1;
            if (len + 1U < sizeof line) {
                line[len++] = (char)c;
            }
        }
    }
    line[len] = '\0';
    ptest_printf("PORTOLAN-FILTER %s\n", line);
    ptest_filter_parse(line, f);
}
