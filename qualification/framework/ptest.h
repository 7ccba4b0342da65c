/*
 * ptest.h - Portolan's on-device test framework.
 *
 * Tests are grouped (Group, Name), registered at link time, run one after
 * another by a runner task, and reported in Unity's format so existing
 * tools parse the output:
 *
 *   TEST(Group, Name) PASS
 *   TEST(Group, Name) file.c:123::FAIL: message
 *   IGNORE_TEST(Group, Name) reason
 *   -----------------------
 *   N Tests F Failures I Ignored
 *   OK | FAIL
 *
 * A test body runs in the runner task at PTEST_RUNNER_PRIORITY. It may create
 * helper tasks with ptest_task_create(); helpers still alive when the test
 * ends are deleted. An assertion that fails in the runner ends the test at
 * once; in a helper task it is recorded and the helper stops; in an ISR it
 * is recorded and execution continues. configASSERT() must call
 * ptest_config_assert() in test images: an unexpected kernel assertion fails
 * the test with its file and line instead of hanging.
 *
 * The qualification runner (tools/qualify) drives images through the
 * selection words of board_args() or of a console line (see ptest_main()),
 * and reads these extra lines, which Unity parsers ignore:
 *
 *   PORTOLAN-READY                          waiting for a selection line
 *   PORTOLAN-FILTER <words>                 the selection line received
 *   PORTOLAN-TEST-BEGIN board=B version=V sources=H tests=N
 *   TEST-START(Group, Name)                 with the `starts` word
 *   PORTOLAN-TEST-END
 *   PORTOLAN-LIST-BEGIN ... / CASE Group.Name suite=S at=file:line / PORTOLAN-LIST-END
 *   PORTOLAN-WARN <text>
 */
#ifndef PTEST_H
#define PTEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "FreeRTOS.h"
#include "task.h"

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

#ifndef PTEST_RUNNER_PRIORITY
#define PTEST_RUNNER_PRIORITY 2U
#endif /* PTEST_RUNNER_PRIORITY */

/* Virtual ticks a single test may take before the watchdog ends the run. */
#ifndef PTEST_TIMEOUT_TICKS
#define PTEST_TIMEOUT_TICKS 20000U
#endif /* PTEST_TIMEOUT_TICKS */

#ifndef PTEST_TASK_STACK
#define PTEST_TASK_STACK (configMINIMAL_STACK_SIZE * 2U)
#endif /* PTEST_TASK_STACK */

#ifndef PTEST_MAX_TASKS
#define PTEST_MAX_TASKS 16U
#endif /* PTEST_MAX_TASKS */

typedef void (*ptest_fn_t)(void);

/* The qualification group (suite) a test file belongs to, set by the build
 * for each directory of tests (e.g. -DPTEST_SUITE="Kernel"); without it a
 * test's suite is its group. */
#ifndef PTEST_SUITE
#define PTEST_SUITE ((const char *)0)
#endif /* PTEST_SUITE */

struct ptest_case {
    const char *group;
    const char *name;
    ptest_fn_t fn;
    const char *file;
    int line;
    const char *suite;
};

/* Defines and registers a test. */
#define PTEST(group, name)                                                              \
    static void ptest_fn_##group##_##name(void);                                        \
    static const struct ptest_case ptest_case_##group##_##name                          \
        __attribute__((used, section("ptest_cases"), aligned(sizeof(void *)))) = {      \
            #group, #name, ptest_fn_##group##_##name, __FILE__, __LINE__, PTEST_SUITE}; \
    static void ptest_fn_##group##_##name(void)

/* Optional per-group setup and teardown, run around every test of the group. */
struct ptest_fixture {
    const char *group;
    ptest_fn_t setup;
    ptest_fn_t teardown;
};
#define PTEST_FIXTURE(group, setup_fn, teardown_fn)                                   \
    static const struct ptest_fixture ptest_fixture_##group                           \
        __attribute__((used, section("ptest_fixtures"), aligned(sizeof(void *)))) = { \
            #group, setup_fn, teardown_fn}

/* ----- Assertions -------------------------------------------------------- */
void ptest_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ptest_ignore(const char *file, int line, const char *reason);

#define TEST_FAIL(msg) ptest_fail(__FILE__, __LINE__, "%s", (msg))
#define TEST_IGNORE(msg) ptest_ignore(__FILE__, __LINE__, (msg))
#define TEST_ASSERT_MESSAGE(cond, msg)                              \
    do {                                                            \
        if (!(cond)) {                                              \
            ptest_fail(__FILE__, __LINE__, "%s: %s", #cond, (msg)); \
        }                                                           \
    } while (0)
#define TEST_ASSERT(cond)                                         \
    do {                                                          \
        if (!(cond)) {                                            \
            ptest_fail(__FILE__, __LINE__, "Expected %s", #cond); \
        }                                                         \
    } while (0)
#define TEST_ASSERT_TRUE(cond) TEST_ASSERT(cond)
#define TEST_ASSERT_FALSE(cond) TEST_ASSERT(!(cond))
#define TEST_ASSERT_NULL(p) TEST_ASSERT((p) == NULL)
#define TEST_ASSERT_NOT_NULL(p) TEST_ASSERT((p) != NULL)
#define TEST_ASSERT_EQUAL(expected, actual)                                                   \
    do {                                                                                      \
        long long ptest_e_ = (long long)(expected);                                           \
        long long ptest_a_ = (long long)(actual);                                             \
        if (ptest_e_ != ptest_a_) {                                                           \
            ptest_fail(__FILE__, __LINE__, "Expected %lld Was %lld (%s)", ptest_e_, ptest_a_, \
                       #actual);                                                              \
        }                                                                                     \
    } while (0)
#define TEST_ASSERT_EQUAL_INT(e, a) TEST_ASSERT_EQUAL(e, a)
#define TEST_ASSERT_EQUAL_UINT(e, a) TEST_ASSERT_EQUAL(e, a)
#define TEST_ASSERT_EQUAL_PTR(expected, actual)                                           \
    do {                                                                                  \
        const void *ptest_e_ = (const void *)(expected);                                  \
        const void *ptest_a_ = (const void *)(actual);                                    \
        if (ptest_e_ != ptest_a_) {                                                       \
            ptest_fail(__FILE__, __LINE__, "Expected %p Was %p (%s)", ptest_e_, ptest_a_, \
                       #actual);                                                          \
        }                                                                                 \
    } while (0)
#define TEST_ASSERT_EQUAL_STRING(expected, actual)                                              \
    do {                                                                                        \
        if (!ptest_str_eq((expected), (actual))) {                                              \
            ptest_fail(__FILE__, __LINE__, "Expected \"%s\" Was \"%s\"", (expected), (actual)); \
        }                                                                                       \
    } while (0)
#define TEST_ASSERT_EQUAL_MEMORY(expected, actual, len)                      \
    do {                                                                     \
        if (!ptest_mem_eq((expected), (actual), (len))) {                    \
            ptest_fail(__FILE__, __LINE__, "Memory mismatch (%s)", #actual); \
        }                                                                    \
    } while (0)

/* The statement must trip a configASSERT(); the test fails if it returns.
 * Safe only for assertions that the kernel makes before changing state,
 * which is where Portolan validates arguments. */
#define TEST_EXPECT_ASSERT(stmt)                             \
    do {                                                     \
        if (setjmp(*ptest_expect_begin()) == 0) {            \
            stmt;                                            \
            ptest_expect_missing(__FILE__, __LINE__, #stmt); \
        }                                                    \
        ptest_expect_end();                                  \
    } while (0)

/* As TEST_EXPECT_ASSERT, but every configASSERT() the statement trips
 * returns into the kernel, which then takes the error path it documents for
 * builds whose configASSERT() does not stop (a capped priority, NULL,
 * pdFAIL). The statement must trip at least one. */
#define TEST_EXPECT_ASSERT_CONTINUE(stmt)                    \
    do {                                                     \
        ptest_expect_continue_begin();                       \
        stmt;                                                \
        if (ptest_expect_continue_end() == 0U) {             \
            ptest_expect_missing(__FILE__, __LINE__, #stmt); \
        }                                                    \
    } while (0)

jmp_buf *ptest_expect_begin(void);
void ptest_expect_continue_begin(void);
unsigned ptest_expect_continue_end(void);
void ptest_expect_missing(const char *file, int line, const char *what);
void ptest_expect_end(void);
int ptest_str_eq(const char *a, const char *b);
int ptest_mem_eq(const void *a, const void *b, size_t len);

/* Called by configASSERT() in test images. */
void ptest_config_assert(const char *file, int line);

/* ----- Helpers for tests --------------------------------------------------- */

/* Creates a helper task that runs fn(arg) and then ends; returns its handle
 * (asserting on failure). Helpers are deleted if still alive at test end. */
TaskHandle_t ptest_task_create(void (*fn)(void *), const char *name, UBaseType_t priority,
                               void *arg);

/* True once the helper's function has returned. */
int ptest_task_done(TaskHandle_t h);

/* Line-buffered, non-interleaving console output (the only writer). */
void ptest_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ptest_write_string(const char *s);

/* configPRINT_STRING() of test images: collects text into whole lines and
 * writes each line at once through the writer above, so application logs
 * never split a test's result line. A task's text without a final newline
 * waits for the rest of its line (another task's text ends it first); an
 * ISR's text is written at once as whole lines. Context: task or ISR. */
void ptest_log_string(const char *s);

/* The free heap measured just before the first selected test started. */
size_t ptest_heap_at_start(void);

/* PTEST_SOURCES_HASH of the image, for tests compiled without it. */
const char *ptest_sources_hash(void);

/* Formats like snprintf (d i u x X ld lu lld llu p s c %, width, '0', '-'). */
int ptest_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ptest_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ----- Application hooks ----------------------------------------------------
 * ptest defines the kernel's application hooks (vApplicationTickHook for its
 * watchdog; the others weak, so an image may define its own) and forwards
 * them to the functions a test installs here. Installed hooks are removed
 * when the test ends. Without one, a stack overflow fails the running test. */
typedef void (*ptest_hook_t)(void);
typedef void (*ptest_overflow_hook_t)(TaskHandle_t task, char *name);
void ptest_set_tick_hook(ptest_hook_t fn);
void ptest_set_idle_hook(ptest_hook_t fn);
void ptest_set_malloc_failed_hook(ptest_hook_t fn);
void ptest_set_stack_overflow_hook(ptest_overflow_hook_t fn);

/* How often vApplicationDaemonTaskStartupHook() ran, and in which task. */
unsigned ptest_daemon_startup_count(void);
TaskHandle_t ptest_daemon_startup_task(void);

/* The running test's group and name. */
const struct ptest_case *ptest_current(void);

/* Runs the registered tests selected by the filter in board_args() and
 * exits through board_exit() with 0 when all passed. Creates the runner
 * task and starts the scheduler; never returns.
 *
 * Selection words (space separated; lists are comma separated):
 *   suite=A,B     only these suites, run in this order
 *   group=A,B     only these groups
 *   test=a,b      only tests with these names
 *   after=S.G.n   skip the selected tests up to and including suite S,
 *                 group G, test n (resuming after a crash)
 *   starts        print TEST-START(Group, Name) before each test
 *   list          print the selected tests instead of running them
 *   halt          after the run (or list) idle instead of calling board_exit()
 *   console[=T]   read one more selection line from the console first
 * A board that has no start-up arguments (a real board on a serial port)
 * sets PTEST_CONSOLE_FILTER_TICKS in its board_config.h: the image then
 * prints PORTOLAN-READY (again every PTEST_CONSOLE_READY_TICKS) and waits up
 * to that many ticks for a selection line on the console. */
void ptest_main(void) __attribute__((noreturn));

#ifndef PTEST_CONSOLE_FILTER_TICKS
#define PTEST_CONSOLE_FILTER_TICKS 0U
#endif /* PTEST_CONSOLE_FILTER_TICKS */

#ifndef PTEST_CONSOLE_READY_TICKS
#define PTEST_CONSOLE_READY_TICKS 250U
#endif /* PTEST_CONSOLE_READY_TICKS */

/* Busy time between two console polls while waiting for a selection line:
 * short enough not to lose UART bytes at 115200 baud. */
#ifndef PTEST_CONSOLE_POLL_US
#define PTEST_CONSOLE_POLL_US 20U
#endif /* PTEST_CONSOLE_POLL_US */

/* A hash of the test sources compiled in (set by the build); reported in the
 * start banner so a modified test is visible. */
#ifndef PTEST_SOURCES_HASH
#define PTEST_SOURCES_HASH "unknown"
#endif /* PTEST_SOURCES_HASH */

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* PTEST_H */
