/*
 * ptest_filter.h - private to the framework: the test selection.
 *
 * Words come from board_args() and, when asked, from one console line (see
 * ptest_main() in ptest.h for the words). Lists are comma separated.
 */
#ifndef PTEST_FILTER_H
#define PTEST_FILTER_H

#include "ptest.h"

#define PTEST_FILTER_LIST_CHARS 160U

struct ptest_filter {
    char suite[PTEST_FILTER_LIST_CHARS]; /* run order of the suites */
    char group[PTEST_FILTER_LIST_CHARS];
    char test[PTEST_FILTER_LIST_CHARS];
    char after[PTEST_FILTER_LIST_CHARS]; /* Suite.Group.name */
    int list;
    int starts;
    int halt;               /* idle after the run instead of board_exit() */
    uint32_t console_ticks; /* 0: no console selection line */
};

/* Clears the filter: everything selected, no console wait. */
void ptest_filter_init(struct ptest_filter *f);

/* Applies the words of `text` to the filter; a word overrides the same
 * word seen before. Unknown words are reported with PORTOLAN-WARN. */
void ptest_filter_parse(const char *text, struct ptest_filter *f);

/* 1-based position of `word` in the comma list, 0 if absent. An empty
 * list contains every word at position 1. */
unsigned ptest_filter_position(const char *list, const char *word);

/* The suite of a test: its PTEST_SUITE, else its group. */
const char *ptest_suite_of(const struct ptest_case *c);

/* True if the test is the one named by an after= word. */
int ptest_filter_is_after(const struct ptest_filter *f, const struct ptest_case *c);

/* Prints PORTOLAN-READY and waits up to f->console_ticks for one selection
 * line on the console, which is then applied. Runner task only. */
void ptest_filter_read_console(struct ptest_filter *f);

#endif /* PTEST_FILTER_H */
