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
#include "ptest_filter.h"

#ifndef PTEST_CHECK_LEAKS
#define PTEST_CHECK_LEAKS 1
#endif /* PTEST_CHECK_LEAKS */

#define LINE_MAX_CHARS 256
/* The selection is sorted through a window of this many entries (4 bytes
 * each): a window that holds the whole selection sorts it in one pass;
 * boards short of RAM set a smaller one and pay one pass over the
 * registered tests per window. */
#ifndef PTEST_ORDER_WINDOW
#define PTEST_ORDER_WINDOW 1024
#endif /* PTEST_ORDER_WINDOW */

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
static const struct ptest_case *window[PTEST_ORDER_WINDOW];
static volatile ptest_hook_t tick_hook;
static volatile ptest_hook_t idle_hook;
static volatile ptest_hook_t malloc_failed_hook;
static volatile ptest_overflow_hook_t overflow_hook;
static volatile unsigned daemon_startups;
static TaskHandle_t daemon_startup_handle;

#if (configSUPPORT_DYNAMIC_ALLOCATION == 0)
/* Without a heap, helpers and the runner live in these. */
static StaticTask_t helper_tcbs[PTEST_MAX_TASKS];
static StackType_t helper_stacks[PTEST_MAX_TASKS][PTEST_TASK_STACK];
static StaticTask_t runner_tcb;
static StackType_t runner_stack[PTEST_TASK_STACK * 2U];
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */
static size_t heap_at_start;
static int print_starts;

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

/* A partial log line waits here for the rest of it, and belongs to one task. */
static struct {
    char text[LINE_MAX_CHARS];
    size_t used;
    TaskHandle_t owner;
} log_line;

static void log_flush(void)
{
    if (log_line.used > 0U) {
        log_line.text[log_line.used++] = '\n';
        board_console_write(log_line.text, log_line.used);
        log_line.used = 0;
    }
}

/* Writes an interrupt's text at once, as whole lines. */
static void log_from_isr(const char *s)
{
    size_t len = strlen(s);
    board_console_write(s, len);
    if (len == 0U || s[len - 1U] != '\n') {
        board_console_write("\n", 1);
    }
}

void ptest_log_string(const char *s)
{
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (in_isr()) {
        log_from_isr(s);
    } else {
        TaskHandle_t self = xTaskGetCurrentTaskHandle();
        if (log_line.used > 0U && log_line.owner != self) {
            log_flush(); /* another task's unfinished line ends here */
        }
        log_line.owner = self;
        for (; *s != '\0'; s++) {
            if (*s == '\n') {
                log_flush();
                continue;
            }
            log_line.text[log_line.used++] = *s;
            if (log_line.used + 1U == sizeof log_line.text) {
                log_flush();
            }
        }
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}

const char *ptest_sources_hash(void)
{
    return PTEST_SOURCES_HASH;
}

size_t ptest_heap_at_start(void)
{
    return heap_at_start;
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

/* Records a failure without leaving the current context (for hooks that
 * run where a longjmp would be fatal). */
static void note_failure(const char *file, int line, const char *what, const char *detail)
{
    if (test_running && !failed && !ignored) {
        (void)ptest_snprintf(message, sizeof message, "%s:%d::FAIL: %s %s", file, line, what,
                             detail);
        failed = 1;
    }
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
#if (configSUPPORT_DYNAMIC_ALLOCATION == 1)
            BaseType_t ok =
                xTaskCreate(helper_entry, name, PTEST_TASK_STACK, h, priority, &h->handle);
#else
            h->handle = xTaskCreateStatic(helper_entry, name, PTEST_TASK_STACK, h, priority,
                                          helper_stacks[i], &helper_tcbs[i]);
            BaseType_t ok = (h->handle != NULL) ? pdPASS : pdFAIL;
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */
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

static int selected(const struct ptest_filter *f, const struct ptest_case *c)
{
    return ptest_filter_position(f->suite, ptest_suite_of(c)) != 0U &&
           ptest_filter_position(f->group, c->group) != 0U &&
           ptest_filter_position(f->test, c->name) != 0U;
}

/* Suites run in the order of the suite= list, then by name; inside a suite
 * by group, file and line. */
static int case_before(const struct ptest_filter *f, const struct ptest_case *a,
                       const struct ptest_case *b)
{
    unsigned pa = ptest_filter_position(f->suite, ptest_suite_of(a));
    unsigned pb = ptest_filter_position(f->suite, ptest_suite_of(b));
    if (pa != pb) {
        return pa < pb;
    }
    int s = strcmp(ptest_suite_of(a), ptest_suite_of(b));
    if (s != 0) {
        return s < 0;
    }
    int g = strcmp(a->group, b->group);
    if (g != 0) {
        return g < 0;
    }
    int fl = strcmp(a->file, b->file);
    return (fl != 0) ? fl < 0 : a->line < b->line;
}

/* ----- The selection, in order ------------------------------------------------
 * Registration order depends on the linker, so the selected tests are
 * sorted (case_before). The cursor hands them out one by one from the
 * window, which each refill loads with the smallest selected tests after
 * the last one handed out. */
struct cursor {
    const struct ptest_filter *f;
    const struct ptest_case *last; /* every test handed out sorts before or is this */
    unsigned len;
    unsigned pos;
    int done; /* nothing left after the window */
};

static void fill_window(struct cursor *cur)
{
    cur->len = 0;
    cur->pos = 0;
    for (const struct ptest_case *c = __start_ptest_cases; c < __stop_ptest_cases; c++) {
        if (!selected(cur->f, c) || (cur->last != NULL && !case_before(cur->f, cur->last, c))) {
            continue;
        }
        unsigned i = cur->len;
        if (i == PTEST_ORDER_WINDOW) { /* full: c replaces the largest if smaller */
            if (!case_before(cur->f, c, window[i - 1U])) {
                continue;
            }
            i--;
        } else {
            cur->len++;
        }
        while (i > 0 && case_before(cur->f, c, window[i - 1U])) {
            window[i] = window[i - 1U];
            i--;
        }
        window[i] = c;
    }
    cur->done = cur->len < PTEST_ORDER_WINDOW;
    if (cur->len > 0U) {
        cur->last = window[cur->len - 1U];
    }
}

static const struct ptest_case *next_case(struct cursor *cur)
{
    if (cur->pos == cur->len) {
        if (cur->done) {
            return NULL;
        }
        fill_window(cur);
        if (cur->len == 0U) {
            return NULL;
        }
    }
    return window[cur->pos++];
}

/* Starts the cursor at the first selected test, or after the after= test;
 * returns how many tests it will hand out. */
static unsigned select_cases(const struct ptest_filter *f, struct cursor *cur)
{
    const struct ptest_case *after = NULL;
    unsigned n = 0;
    cur->f = f;
    cur->len = 0;
    cur->pos = 0;
    cur->done = 0;
    for (const struct ptest_case *c = __start_ptest_cases;
         f->after[0] != '\0' && after == NULL && c < __stop_ptest_cases; c++) {
        if (selected(f, c) && ptest_filter_is_after(f, c)) {
            after = c;
        }
    }
    if (f->after[0] != '\0' && after == NULL) {
        ptest_printf("PORTOLAN-WARN after=%s matches no selected test: nothing to run\n", f->after);
        cur->done = 1;
        return 0;
    }
    cur->last = after;
    for (const struct ptest_case *c = __start_ptest_cases; c < __stop_ptest_cases; c++) {
        if (selected(f, c) && (after == NULL || case_before(f, after, c))) {
            n++;
        }
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
    ptest_hook_t fn = tick_hook;
    if (fn != NULL) {
        fn();
    }
}

__attribute__((weak)) void vApplicationIdleHook(void)
{
    ptest_hook_t fn = idle_hook;
    if (fn != NULL) {
        fn();
    }
}

__attribute__((weak)) void vApplicationMallocFailedHook(void)
{
    ptest_hook_t fn = malloc_failed_hook;
    if (fn != NULL) {
        fn();
    }
}

__attribute__((weak)) void vApplicationStackOverflowHook(TaskHandle_t xTask, char *pcTaskName)
{
    ptest_overflow_hook_t fn = overflow_hook;
    if (fn != NULL) {
        fn(xTask, pcTaskName);
    } else {
        note_failure(__FILE__, __LINE__, "stack overflow in task", pcTaskName);
    }
}

__attribute__((weak)) void vApplicationDaemonTaskStartupHook(void)
{
    daemon_startup_handle = xTaskGetCurrentTaskHandle();
    daemon_startups = daemon_startups + 1U;
}

void ptest_set_tick_hook(ptest_hook_t fn)
{
    tick_hook = fn;
}

void ptest_set_idle_hook(ptest_hook_t fn)
{
    idle_hook = fn;
}

void ptest_set_malloc_failed_hook(ptest_hook_t fn)
{
    malloc_failed_hook = fn;
}

void ptest_set_stack_overflow_hook(ptest_overflow_hook_t fn)
{
    overflow_hook = fn;
}

unsigned ptest_daemon_startup_count(void)
{
    return daemon_startups;
}

TaskHandle_t ptest_daemon_startup_task(void)
{
    return daemon_startup_handle;
}

static void remove_hooks(void)
{
    tick_hook = NULL;
    idle_hook = NULL;
    malloc_failed_hook = NULL;
    overflow_hook = NULL;
}

/* Free heap bytes, for the leak check; 0 without a heap. */
static size_t heap_free_bytes(void)
{
#if (configSUPPORT_DYNAMIC_ALLOCATION == 1)
    return xPortGetFreeHeapSize();
#else
    return 0;
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */
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
    const size_t heap_before = heap_free_bytes();
    if (print_starts) {
        ptest_printf("TEST-START(%s, %s)\n", c->group, c->name);
    }
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
    remove_hooks();
    vTaskPrioritySet(NULL, PTEST_RUNNER_PRIORITY);
    settle(tasks_before);
    if (!failed && !ignored && uxTaskGetNumberOfTasks() != tasks_before) {
        (void)ptest_snprintf(message, sizeof message, "%s:%d::FAIL: %u task(s) left behind",
                             c->file, c->line, (unsigned)(uxTaskGetNumberOfTasks() - tasks_before));
        failed = 1;
    }
    if (PTEST_CHECK_LEAKS && !failed && !ignored && heap_free_bytes() != heap_before) {
        (void)ptest_snprintf(message, sizeof message, "%s:%d::FAIL: heap changed by %ld bytes",
                             c->file, c->line, (long)heap_free_bytes() - (long)heap_before);
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

/* The end of a run or list: board_exit(), or with the `halt` word idle
 * forever, so that an emulator on a pseudo-terminal stays up until the host
 * has read the last line (its exit would hang the terminal up and drop it). */
static void finish(const struct ptest_filter *f, int code)
{
    if (!f->halt) {
        board_exit(code);
    }
    for (;;) {
        vTaskDelay(portMAX_DELAY);
    }
}

static void list_cases(const struct ptest_filter *f, struct cursor *cur, unsigned n)
{
    ptest_printf("PORTOLAN-LIST-BEGIN board=%s version=%s sources=%s tests=%u\n", board_name(),
                 PORTOLAN_VERSION, PTEST_SOURCES_HASH, n);
    for (const struct ptest_case *c = next_case(cur); c != NULL; c = next_case(cur)) {
        ptest_printf("CASE %s.%s suite=%s at=%s:%d\n", c->group, c->name, ptest_suite_of(c),
                     c->file, c->line);
    }
    ptest_printf("PORTOLAN-LIST-END\n");
    finish(f, 0);
}

static void runner_task(void *arg)
{
    (void)arg;
    struct ptest_filter f;
    unsigned totals[3] = {0, 0, 0};
    ptest_filter_init(&f);
    ptest_filter_parse(board_args(), &f);
    if (f.console_ticks > 0U) {
        ptest_filter_read_console(&f);
    }
    struct cursor cur;
    unsigned n = select_cases(&f, &cur);
    if (f.list) {
        list_cases(&f, &cur, n);
    }
    print_starts = f.starts;
    ptest_printf("Unity test run 1 of 1\n");
    ptest_printf("PORTOLAN-TEST-BEGIN board=%s version=%s sources=%s tests=%u\n", board_name(),
                 PORTOLAN_VERSION, PTEST_SOURCES_HASH, n);
    heap_at_start = heap_free_bytes();
    for (const struct ptest_case *c = next_case(&cur); c != NULL; c = next_case(&cur)) {
        totals[run_case(c)]++;
    }
    ptest_printf("\n-----------------------\n%u Tests %u Failures %u Ignored\n%s\n", n, totals[1],
                 totals[2], totals[1] == 0U ? "OK" : "FAIL");
    ptest_printf("PORTOLAN-TEST-END\n");
    finish(&f, totals[1] == 0U ? 0 : 1);
}

void ptest_main(void)
{
#if (configSUPPORT_DYNAMIC_ALLOCATION == 1)
    (void)xTaskCreate(runner_task, "runner", PTEST_TASK_STACK * 2U, NULL, PTEST_RUNNER_PRIORITY,
                      &runner);
#else
    runner = xTaskCreateStatic(runner_task, "runner", PTEST_TASK_STACK * 2U, NULL,
                               PTEST_RUNNER_PRIORITY, runner_stack, &runner_tcb);
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */
    if (runner == NULL) {
        fatal("cannot create the runner task", __FILE__, __LINE__);
    }
    vTaskStartScheduler();
    fatal("scheduler returned", __FILE__, __LINE__);
    for (;;) {
    }
}
