/*
 * ktest.h - shared helpers of the kernel behaviour tests (group Kernel).
 *
 * The tests use only the FreeRTOS API, board.h and ptest.h, so that the same
 * sources run on every board. Priorities are given relative to the runner
 * task (PTEST_RUNNER_PRIORITY) and stay below configMAX_PRIORITIES.
 */
#ifndef KTEST_H
#define KTEST_H

#include <stdint.h>

#include "FreeRTOS.h"
#include "task.h"
#include "queue.h"
#include "semphr.h"
#include "board.h"
#include "ptest.h"

/* ----- Priorities ----------------------------------------------------------- */
#define KT_RUN PTEST_RUNNER_PRIORITY /* the runner (test body) */
#define KT_LOW (KT_RUN - 1U)         /* below the runner, above idle */
#define KT_P1 (KT_RUN + 1U)          /* above the runner, ascending */
#define KT_P2 (KT_RUN + 2U)
#define KT_P3 (KT_RUN + 3U)
#define KT_P4 (KT_RUN + 4U)

_Static_assert(PTEST_RUNNER_PRIORITY >= 2U, "tests need a priority between idle and the runner");
_Static_assert(KT_P4 < configMAX_PRIORITIES, "tests need four priorities above the runner");

/* ----- Event log --------------------------------------------------------------
 * Tasks and kernel-aware ISRs append integers; tests then compare the whole
 * sequence, which pins down the order in which things happened. */
#define KT_LOG_SIZE 64U

void kt_log_reset(void);
void kt_log(int event);
unsigned kt_log_count(void);
int kt_log_at(unsigned i);

/* Fails the test unless the log holds exactly `expected`. */
void kt_log_expect(const char *file, int line, const int *expected, unsigned n);
#define KT_EXPECT_LOG(...)                                                       \
    do {                                                                         \
        static const int kt_expected_[] = {__VA_ARGS__};                         \
        kt_log_expect(__FILE__, __LINE__, kt_expected_,                          \
                      (unsigned)(sizeof kt_expected_ / sizeof kt_expected_[0])); \
    } while (0)

/* ----- Time ------------------------------------------------------------------ */

/* Ticks since kt_mark() (the test's time origin). */
void kt_mark(void);
TickType_t kt_elapsed(void);

/* Logs the ticks since kt_mark() (from a task). */
void kt_log_elapsed(void);

/* ----- Tasks ------------------------------------------------------------------- */

/* A task body for xTaskCreate() that suspends itself forever; the test
 * deletes it. */
void kt_park(void *arg);

/* Creates a task that the test must delete itself (with vTaskDelete), as
 * ptest helpers must not be deleted by the test. Asserts on failure. */
TaskHandle_t kt_task_create_raw(TaskFunction_t fn, const char *name, UBaseType_t priority,
                                void *arg);

/* Delays until the helper has finished (its function returned), for up to
 * `ticks`; fails the test on timeout. */
void kt_wait_done(TaskHandle_t helper, TickType_t ticks);

/* Lets the idle task run (frees self-deleted tasks). */
void kt_let_idle_run(void);

/* ----- Interrupts -------------------------------------------------------------- */

/* Installs `handler` on the LOW test interrupt and triggers it now. */
void kt_run_in_isr(board_irq_handler_t handler);

/* Ignores the test on ports without interrupts above the syscall priority
 * (portHAS_UNMASKED_INTERRUPTS 0: no BOARD_TEST_IRQ_UNMASKED). */
#define KT_NEED_UNMASKED_INTERRUPTS()                                                           \
    do {                                                                                        \
        if (!portHAS_UNMASKED_INTERRUPTS) {                                                     \
            TEST_IGNORE("no interrupt above the syscall priority: critical sections mask all"); \
        }                                                                                       \
    } while (0)

#endif /* KTEST_H */
