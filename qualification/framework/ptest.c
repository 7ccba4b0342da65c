/*
 * ptest.c - the test runner: selection, isolation, reporting.
 *
 * Each test runs in the runner task; failures there longjmp back to the
 * runner, which then deletes the test's helper tasks, waits for the idle
 * task to free them, and checks that the heap is back where it started, so
 * one failing test cannot poison the next.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

#ifndef PTEST_CHECK_LEAKS
#define PTEST_CHECK_LEAKS 1
#endif /* PTEST_CHECK_LEAKS */

#define LINE_MAX_CHARS 256
/* The most tests one run selects; boards with little RAM lower it. */
#ifndef PTEST_MAX_CASES
#define PTEST_MAX_CASES 1024
#endif /* PTEST_MAX_CASES */
#define MAX_CASES PTEST_MAX_CASES

extern const struct ptest_case __start_ptest_cases[];
extern const struct ptest_case __stop_ptest_cases[];
extern const struct ptest_fixture __start_ptest_fixtures[] __attribute__((weak));
extern const struct ptest_fixture __stop_ptest_fixtures[] __attribute__((weak));

struct helper {
    TaskHandle_t handle;
    void (*fn)(void *);
    void *arg;
    volatile int done;
    int used;
};

static TaskHandle_t runner;
static jmp_buf runner_jmp;
static const struct ptest_case *current;
static volatile int failed;
static volatile int ignored;
static char message[LINE_MAX_CHARS];
static struct helper helpers[PTEST_MAX_TASKS];
static jmp_buf expect_jmp;
static volatile int expect_active;
static volatile int expect_continue;
static volatile unsigned expect_count;
static TaskHandle_t expect_task;
static volatile TickType_t test_started_at;
static volatile int test_running;
static const struct ptest_case *order[MAX_CASES];

/* ----- Output --------------------------------------------------------------- */

static int in_isr(void)
{
    return portIS_INSIDE_INTERRUPT() != pdFALSE;
}

void ptest_write_string(const char *s)
{
    /* Masking keeps a line whole whoever else prints. */
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    board_console_write(s, strlen(s));
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}

void ptest_printf(const char *fmt, ...)
{
    char line[LINE_MAX_CHARS];
    va_list ap;
    va_start(ap, fmt);
    (void)ptest_vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    ptest_write_string(line);
}

int ptest_str_eq(const char *a, const char *b)
{
    if (a == NULL || b == NULL) {
        return a == b;
    }
    return strcmp(a, b) == 0;
}

int ptest_mem_eq(const void *a, const void *b, size_t len)
{
    return memcmp(a, b, len) == 0;
}

const struct ptest_case *ptest_current(void)
{
    return current;
}

/* ----- Failure paths ------------------------------------------------------------ */

static struct helper *helper_of_current(void)
{
    TaskHandle_t self = xTaskGetCurrentTaskHandle();
    for (unsigned i = 0; i < PTEST_MAX_TASKS; i++) {
        if (helpers[i].used && helpers[i].handle == self) {
            return &helpers[i];
        }
    }
    return NULL;
}

static void fatal(const char *what, const char *file, int line)
{
    ptest_printf("\nFATAL: %s at %s:%d outside any test\n", what, file, line);
    board_exit(4);
}

/* Leaves the current context after a failure or ignore was recorded. */
static void stop_here(const char *file, int line)
{
    if (in_isr()) {
        return;
    }
    if (xTaskGetCurrentTaskHandle() == runner) {
        longjmp(runner_jmp, 1);
    }
    if (helper_of_current() != NULL) {
        vTaskSuspend(NULL);
    }
    fatal("failure", file, line);
}

void ptest_fail(const char *file, int line, const char *fmt, ...)
{
    if (!test_running) {
        fatal("assertion", file, line);
    }
    if (!failed && !ignored) {
        char text[LINE_MAX_CHARS - 64];
        va_list ap;
        va_start(ap, fmt);
        (void)ptest_vsnprintf(text, sizeof text, fmt, ap);
        va_end(ap);
        (void)ptest_snprintf(message, sizeof message, "%s:%d::FAIL: %s", file, line, text);
        failed = 1;
    }
    stop_here(file, line);
}

void ptest_ignore(const char *file, int line, const char *reason)
{
    if (!failed && !ignored) {
        (void)ptest_snprintf(message, sizeof message, "%s", reason);
        ignored = 1;
    }
    stop_here(file, line);
}

jmp_buf *ptest_expect_begin(void)
{
    expect_task = in_isr() ? NULL : xTaskGetCurrentTaskHandle();
    expect_active = 1;
    return &expect_jmp;
}

void ptest_expect_continue_begin(void)
{
    expect_task = in_isr() ? NULL : xTaskGetCurrentTaskHandle();
    expect_count = 0;
    expect_continue = 1;
}

unsigned ptest_expect_continue_end(void)
{
    expect_continue = 0;
    return expect_count;
}

void ptest_expect_missing(const char *file, int line, const char *what)
{
    expect_active = 0;
    ptest_fail(file, line, "Expected configASSERT in %s", what);
}

void ptest_expect_end(void)
{
    expect_active = 0;
}

void ptest_config_assert(const char *file, int line)
{
    TaskHandle_t ctx = in_isr() ? NULL : xTaskGetCurrentTaskHandle();
    if (expect_active && ctx == expect_task) {
        expect_active = 0;
        longjmp(expect_jmp, 1);
    }
    if (expect_continue && ctx == expect_task) {
        expect_count++;
        return;
    }
    if (!test_running) {
        fatal("configASSERT", file, line);
    }
    ptest_fail(file, line, "configASSERT failed");
}

/* ----- Helper tasks -------------------------------------------------------------- */

static void helper_entry(void *p)
{
    struct helper *h = p;
    h->fn(h->arg);
    h->done = 1;
    vTaskDelete(NULL);
}

TaskHandle_t ptest_task_create(void (*fn)(void *), const char *name, UBaseType_t priority,
                               void *arg)
{
    for (unsigned i = 0; i < PTEST_MAX_TASKS; i++) {
        struct helper *h = &helpers[i];
        if (!h->used) {
            h->used = 1;
            h->done = 0;
            h->fn = fn;
            h->arg = arg;
            h->handle = NULL;
            /* Store the handle before the task can run (it may preempt us). */
            vTaskSuspendAll();
            BaseType_t ok =
                xTaskCreate(helper_entry, name, PTEST_TASK_STACK, h, priority, &h->handle);
            (void)xTaskResumeAll();
            if (ok != pdPASS) {
                h->used = 0;
                ptest_fail(__FILE__, __LINE__, "cannot create helper task %s", name);
            }
            return h->handle;
        }
    }
    ptest_fail(__FILE__, __LINE__, "more than %u helper tasks", (unsigned)PTEST_MAX_TASKS);
    return NULL;
}

int ptest_task_done(TaskHandle_t h)
{
    for (unsigned i = 0; i < PTEST_MAX_TASKS; i++) {
        if (helpers[i].used && helpers[i].handle == h) {
            return helpers[i].done;
        }
    }
    return 1;
}

static void cleanup_helpers(void)
{
    for (unsigned i = 0; i < PTEST_MAX_TASKS; i++) {
        struct helper *h = &helpers[i];
        if (h->used && !h->done && h->handle != NULL) {
            vTaskDelete(h->handle);
        }
        h->used = 0;
    }
}

/* ----- Selection -------------------------------------------------------------- */

struct filter {
    char group[48];
    char test[64];
    int list;
};

static void copy_word(char *dst, size_t size, const char *src)
{
    size_t i = 0;
    for (; i + 1U < size && src[i] != '\0' && src[i] != ' '; i++) {
        dst[i] = src[i];
    }
    dst[i] = '\0';
}

static void parse_filter(const char *args, struct filter *f)
{
    memset(f, 0, sizeof *f);
    for (const char *p = args; p != NULL && *p != '\0';) {
        while (*p == ' ') {
            p++;
        }
        if (strncmp(p, "group=", 6) == 0) {
            copy_word(f->group, sizeof f->group, p + 6);
        } else if (strncmp(p, "test=", 5) == 0) {
            copy_word(f->test, sizeof f->test, p + 5);
        } else if (strncmp(p, "list", 4) == 0 && (p[4] == ' ' || p[4] == '\0')) {
            f->list = 1;
        }
        p = strchr(p, ' ');
    }
}

static int selected(const struct filter *f, const struct ptest_case *c)
{
    if (f->group[0] != '\0' && strcmp(f->group, c->group) != 0) {
        return 0;
    }
    return f->test[0] == '\0' || strcmp(f->test, c->name) == 0;
}

static int case_before(const struct ptest_case *a, const struct ptest_case *b)
{
    int g = strcmp(a->group, b->group);
    if (g != 0) {
        return g < 0;
    }
    int f = strcmp(a->file, b->file);
    return (f != 0) ? f < 0 : a->line < b->line;
}

/* Registration order depends on the linker; sort for a stable order. */
static unsigned collect(const struct filter *f)
{
    unsigned n = 0;
    for (const struct ptest_case *c = __start_ptest_cases; c < __stop_ptest_cases; c++) {
        if (!selected(f, c) || n >= MAX_CASES) {
            continue;
        }
        unsigned i = n++;
        while (i > 0 && case_before(c, order[i - 1U])) {
            order[i] = order[i - 1U];
            i--;
        }
        order[i] = c;
    }
    return n;
}

static const struct ptest_fixture *fixture_for(const char *group)
{
    if (__start_ptest_fixtures == NULL) {
        return NULL;
    }
    for (const struct ptest_fixture *x = __start_ptest_fixtures; x < __stop_ptest_fixtures; x++) {
        if (strcmp(x->group, group) == 0) {
            return x;
        }
    }
    return NULL;
}

/* ----- Running ----------------------------------------------------------------- */

void vApplicationTickHook(void)
{
    if (test_running &&
        (TickType_t)(xTaskGetTickCountFromISR() - test_started_at) > PTEST_TIMEOUT_TICKS) {
        ptest_printf("TEST(%s, %s) %s:%d::FAIL: timeout after %u ticks\n", current->group,
                     current->name, current->file, current->line, (unsigned)PTEST_TIMEOUT_TICKS);
        ptest_printf("-----------------------\nTIMEOUT\n");
        board_exit(2);
    }
}

static void settle(UBaseType_t tasks_before)
{
    for (int i = 0; i < 100 && uxTaskGetNumberOfTasks() > tasks_before; i++) {
        vTaskDelay(1);
    }
}

static void run_phase(ptest_fn_t fn)
{
    if (fn != NULL && setjmp(runner_jmp) == 0) {
        fn();
    }
}

static void reset_board_irqs(void)
{
    for (unsigned i = 0; i < BOARD_TEST_IRQ_COUNT; i++) {
        board_test_irq_trigger_after((enum board_test_irq)i, 0);
        board_test_irq_set_handler((enum board_test_irq)i, NULL);
    }
}

/* Runs one test; returns 0 pass, 1 fail, 2 ignored. */
static int run_case(const struct ptest_case *c)
{
    const struct ptest_fixture *fx = fixture_for(c->group);
    const UBaseType_t tasks_before = uxTaskGetNumberOfTasks();
    const size_t heap_before = xPortGetFreeHeapSize();
    current = c;
    expect_active = 0;
    expect_continue = 0;
    failed = 0;
    ignored = 0;
    test_started_at = xTaskGetTickCount();
    test_running = 1;
    if (fx != NULL) {
        run_phase(fx->setup);
    }
    if (!failed && !ignored) {
        run_phase(c->fn);
    }
    if (fx != NULL) {
        run_phase(fx->teardown);
    }
    cleanup_helpers();
    reset_board_irqs();
    vTaskPrioritySet(NULL, PTEST_RUNNER_PRIORITY);
    settle(tasks_before);
    if (!failed && !ignored && uxTaskGetNumberOfTasks() != tasks_before) {
        (void)ptest_snprintf(message, sizeof message, "%s:%d::FAIL: %u task(s) left behind",
                             c->file, c->line, (unsigned)(uxTaskGetNumberOfTasks() - tasks_before));
        failed = 1;
    }
    if (PTEST_CHECK_LEAKS && !failed && !ignored && xPortGetFreeHeapSize() != heap_before) {
        (void)ptest_snprintf(message, sizeof message, "%s:%d::FAIL: heap changed by %ld bytes",
                             c->file, c->line, (long)xPortGetFreeHeapSize() - (long)heap_before);
        failed = 1;
    }
    test_running = 0;
    if (failed) {
        ptest_printf("TEST(%s, %s) %s\n", c->group, c->name, message);
        return 1;
    }
    if (ignored) {
        ptest_printf("IGNORE_TEST(%s, %s) %s\n", c->group, c->name, message);
        return 2;
    }
    ptest_printf("TEST(%s, %s) PASS\n", c->group, c->name);
    return 0;
}

static void runner_task(void *arg)
{
    (void)arg;
    struct filter f;
    unsigned totals[3] = {0, 0, 0};
    parse_filter(board_args(), &f);
    unsigned n = collect(&f);
    if (f.list) {
        for (unsigned i = 0; i < n; i++) {
            ptest_printf("CASE %s.%s\n", order[i]->group, order[i]->name);
        }
        board_exit(0);
    }
    ptest_printf("Unity test run 1 of 1\n");
    ptest_printf("PORTOLAN-TEST-BEGIN board=%s version=%s sources=%s tests=%u\n", board_name(),
                 PORTOLAN_VERSION, PTEST_SOURCES_HASH, n);
    for (unsigned i = 0; i < n; i++) {
        totals[run_case(order[i])]++;
    }
    ptest_printf("\n-----------------------\n%u Tests %u Failures %u Ignored\n%s\n", n, totals[1],
                 totals[2], totals[1] == 0U ? "OK" : "FAIL");
    ptest_printf("PORTOLAN-TEST-END\n");
    board_exit(totals[1] == 0U ? 0 : 1);
}

void ptest_main(void)
{
    if (xTaskCreate(runner_task, "runner", PTEST_TASK_STACK * 2U, NULL, PTEST_RUNNER_PRIORITY,
                    &runner) != pdPASS) {
        fatal("cannot create the runner task", __FILE__, __LINE__);
    }
    vTaskStartScheduler();
    fatal("scheduler returned", __FILE__, __LINE__);
    for (;;) {
    }
}
