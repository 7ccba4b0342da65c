/*
 * ktest.c - shared helpers of the kernel behaviour tests and the fixture
 * of group Kernel.
 */
#include <string.h>

#include "ktest.h"

static volatile int log_events[KT_LOG_SIZE];
static volatile unsigned log_count;
static TickType_t mark;

void kt_log_reset(void)
{
    UBaseType_t m = taskENTER_CRITICAL_FROM_ISR();
    log_count = 0;
    taskEXIT_CRITICAL_FROM_ISR(m);
}

void kt_log(int event)
{
    UBaseType_t m = taskENTER_CRITICAL_FROM_ISR();
    if (log_count < KT_LOG_SIZE) {
        log_events[log_count] = event;
    }
    log_count = log_count + 1U;
    taskEXIT_CRITICAL_FROM_ISR(m);
}

unsigned kt_log_count(void)
{
    return log_count;
}

int kt_log_at(unsigned i)
{
    return (i < log_count && i < KT_LOG_SIZE) ? log_events[i] : -1;
}

/* Appends "a,b,c" of up to n values to buf. */
static void format_list(char *buf, size_t size, const volatile int *v, unsigned n)
{
    size_t len = strlen(buf);
    for (unsigned i = 0; i < n && len + 12U < size; i++) {
        (void)ptest_snprintf(buf + len, size - len, (i == 0U) ? "%d" : ",%d", v[i]);
        len = strlen(buf);
    }
}

void kt_log_expect(const char *file, int line, const int *expected, unsigned n)
{
    unsigned have = log_count;
    int same = (have == n);
    for (unsigned i = 0; same && i < n; i++) {
        same = (log_events[i] == expected[i]);
    }
    if (same) {
        return;
    }
    char text[160] = "log {";
    format_list(text, sizeof text, expected, n);
    (void)ptest_snprintf(text + strlen(text), sizeof text - strlen(text), "} was {");
    format_list(text, sizeof text, log_events, (have < KT_LOG_SIZE) ? have : KT_LOG_SIZE);
    (void)ptest_snprintf(text + strlen(text), sizeof text - strlen(text), "}");
    ptest_fail(file, line, "%s", text);
}

void kt_mark(void)
{
    mark = xTaskGetTickCount();
}

TickType_t kt_elapsed(void)
{
    return (TickType_t)(xTaskGetTickCount() - mark);
}

void kt_log_elapsed(void)
{
    kt_log((int)kt_elapsed());
}

void kt_park(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskSuspend(NULL);
    }
}

TaskHandle_t kt_task_create_raw(TaskFunction_t fn, const char *name, UBaseType_t priority,
                                void *arg)
{
    TaskHandle_t h = NULL;
    if (xTaskCreate(fn, name, PTEST_TASK_STACK, arg, priority, &h) != pdPASS) {
        TEST_FAIL("xTaskCreate failed");
    }
    return h;
}

void kt_wait_done(TaskHandle_t helper, TickType_t ticks)
{
    for (TickType_t i = 0; i < ticks && !ptest_task_done(helper); i++) {
        vTaskDelay(1);
    }
    TEST_ASSERT_MESSAGE(ptest_task_done(helper), "helper did not finish");
}

void kt_let_idle_run(void)
{
    vTaskDelay(1);
}

void kt_run_in_isr(board_irq_handler_t handler)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, handler);
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
}

/* ----- Group fixture ------------------------------------------------------------ */

/* Every Kernel test starts with an empty log, no notification pending for
 * the runner (the runner outlives the tests) and a fresh time origin just
 * after a tick: on hardware code takes time, and a test's set-up must not
 * straddle a tick boundary. */
static void kt_setup(void)
{
    kt_log_reset();
    for (UBaseType_t i = 0; i < configTASK_NOTIFICATION_ARRAY_ENTRIES; i++) {
        (void)xTaskNotifyStateClearIndexed(NULL, i);
        (void)ulTaskNotifyValueClearIndexed(NULL, i, ~(uint32_t)0);
    }
    vTaskDelay(1);
    kt_mark();
}

PTEST_FIXTURE(Kernel, kt_setup, NULL);
