/*
 * test_delay.c - vTaskDelay, xTaskDelayUntil, xTaskAbortDelay, the tick
 * count, indefinite blocking and the TimeOut_t helpers, with exact ticks.
 */
#include "ktest.h"

static QueueHandle_t q;
static SemaphoreHandle_t sem;

static void log_arg(void *arg)
{
    kt_log((int)(intptr_t)arg);
}

/* ----- vTaskDelay --------------------------------------------------------------- */

PTEST(Kernel, delay_blocks_for_exact_ticks)
{
    static const TickType_t delays[] = {1, 2, 7, 50};
    for (unsigned i = 0; i < sizeof delays / sizeof delays[0]; i++) {
        const TickType_t t0 = xTaskGetTickCount();
        vTaskDelay(delays[i]);
        TEST_ASSERT_EQUAL(t0 + delays[i], xTaskGetTickCount());
    }
}

PTEST(Kernel, delay_zero_yields_to_equal_priority)
{
    kt_log_reset();
    ptest_task_create(log_arg, "equal", KT_RUN, (void *)1);
    const TickType_t t0 = xTaskGetTickCount();
    kt_log(0);
    vTaskDelay(0);
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
    TEST_ASSERT_EQUAL(t0, xTaskGetTickCount());
}

PTEST(Kernel, delay_zero_does_not_run_lower_priority)
{
    kt_log_reset();
    ptest_task_create(log_arg, "lower", KT_LOW, (void *)1);
    vTaskDelay(0);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskDelay(1);
    KT_EXPECT_LOG(1);
}

static void delay_then_log(void *arg)
{
    vTaskDelay((TickType_t)(intptr_t)arg);
    kt_log((int)(1000 * (intptr_t)arg) + (int)kt_elapsed());
}

PTEST(Kernel, delay_higher_task_wakes_at_exact_tick)
{
    kt_log_reset();
    kt_mark();
    ptest_task_create(delay_then_log, "d5", KT_P1, (void *)5);
    vTaskDelay(20);
    KT_EXPECT_LOG(5005);
}

PTEST(Kernel, delay_tasks_wake_in_deadline_order)
{
    kt_log_reset();
    kt_mark();
    ptest_task_create(delay_then_log, "d30", KT_P1, (void *)30);
    ptest_task_create(delay_then_log, "d10", KT_P1, (void *)10);
    ptest_task_create(delay_then_log, "d20", KT_P1, (void *)20);
    vTaskDelay(40);
    KT_EXPECT_LOG(10010, 20020, 30030);
}

/* ----- xTaskDelayUntil -------------------------------------------------------------- */

PTEST(Kernel, delay_until_wakes_periodically)
{
    TickType_t prev = xTaskGetTickCount();
    const TickType_t t0 = prev;
    for (TickType_t k = 1; k <= 5; k++) {
        TEST_ASSERT_EQUAL(pdTRUE, xTaskDelayUntil(&prev, 10));
        TEST_ASSERT_EQUAL(t0 + 10U * k, xTaskGetTickCount());
        TEST_ASSERT_EQUAL(t0 + 10U * k, prev);
    }
}

PTEST(Kernel, delay_until_absorbs_work_time)
{
    vTaskDelay(1); /* start on a tick boundary */
    TickType_t prev = xTaskGetTickCount();
    const TickType_t t0 = prev;
    board_burn_cpu(3500);
    TEST_ASSERT(xTaskGetTickCount() - t0 >= 2U);
    TEST_ASSERT(xTaskGetTickCount() - t0 < 10U);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskDelayUntil(&prev, 10));
    TEST_ASSERT_EQUAL(t0 + 10U, xTaskGetTickCount());
}

PTEST(Kernel, delay_until_missed_deadline_returns_false)
{
    TickType_t prev = xTaskGetTickCount();
    const TickType_t t0 = prev;
    vTaskDelay(15);
    TEST_ASSERT_EQUAL(pdFALSE, xTaskDelayUntil(&prev, 10));
    TEST_ASSERT_EQUAL(t0 + 15U, xTaskGetTickCount());
    TEST_ASSERT_EQUAL(t0 + 10U, prev);
    /* The period is kept: the next wake is on the original grid. */
    TEST_ASSERT_EQUAL(pdTRUE, xTaskDelayUntil(&prev, 10));
    TEST_ASSERT_EQUAL(t0 + 20U, xTaskGetTickCount());
}

PTEST(Kernel, delay_until_deadline_equal_to_now_returns_false)
{
    TickType_t prev = xTaskGetTickCount();
    const TickType_t t0 = prev;
    vTaskDelay(10);
    TEST_ASSERT_EQUAL(pdFALSE, xTaskDelayUntil(&prev, 10));
    TEST_ASSERT_EQUAL(t0 + 10U, xTaskGetTickCount());
    TEST_ASSERT_EQUAL(t0 + 10U, prev);
}

PTEST(Kernel, delay_until_legacy_macro)
{
    TickType_t prev = xTaskGetTickCount();
    const TickType_t t0 = prev;
    vTaskDelayUntil(&prev, 4);
    TEST_ASSERT_EQUAL(t0 + 4U, xTaskGetTickCount());
    TEST_ASSERT_EQUAL(t0 + 4U, prev);
}

/* ----- xTaskAbortDelay ------------------------------------------------------------------ */

static void delay_100_log(void *arg)
{
    (void)arg;
    vTaskDelay(100);
    kt_log_elapsed();
}

PTEST(Kernel, delay_abort_wakes_delayed_task_early)
{
    kt_log_reset();
    kt_mark();
    TaskHandle_t h = ptest_task_create(delay_100_log, "abort", KT_P1, NULL);
    vTaskDelay(5);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    KT_EXPECT_LOG(5); /* it outranks us: it ran before xTaskAbortDelay returned */
}

static void receive_100_log(void *arg)
{
    int v = 0;
    kt_log((int)xQueueReceive(q, &v, (TickType_t)(intptr_t)arg));
    kt_log_elapsed();
}

PTEST(Kernel, delay_abort_on_queue_receive_reports_empty)
{
    kt_log_reset();
    q = xQueueCreate(1, sizeof(int));
    kt_mark();
    TaskHandle_t h = ptest_task_create(receive_100_log, "qabort", KT_P1, (void *)100);
    vTaskDelay(3);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    KT_EXPECT_LOG(errQUEUE_EMPTY, 3);
    vQueueDelete(q);
}

PTEST(Kernel, delay_abort_on_indefinite_queue_receive)
{
    kt_log_reset();
    q = xQueueCreate(1, sizeof(int));
    kt_mark();
    TaskHandle_t h = ptest_task_create(receive_100_log, "qforever", KT_P1, (void *)portMAX_DELAY);
    vTaskDelay(7);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    KT_EXPECT_LOG(errQUEUE_EMPTY, 7);
    vQueueDelete(q);
}

static void send_100_log(void *arg)
{
    int v = 2;
    (void)arg;
    kt_log((int)xQueueSend(q, &v, 100));
    kt_log_elapsed();
}

PTEST(Kernel, delay_abort_on_queue_send_reports_full)
{
    kt_log_reset();
    q = xQueueCreate(1, sizeof(int));
    int v = 1;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    kt_mark();
    TaskHandle_t h = ptest_task_create(send_100_log, "sabort", KT_P1, NULL);
    vTaskDelay(4);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    KT_EXPECT_LOG(errQUEUE_FULL, 4);
    TEST_ASSERT_EQUAL(1U, uxQueueMessagesWaiting(q));
    vQueueDelete(q);
}

static void notify_wait_log(void *arg)
{
    uint32_t v = 0;
    kt_log((int)xTaskNotifyWait(0, 0, &v, (TickType_t)(intptr_t)arg));
    kt_log_elapsed();
}

PTEST(Kernel, delay_abort_on_notify_wait_reports_timeout)
{
    kt_log_reset();
    kt_mark();
    TaskHandle_t h = ptest_task_create(notify_wait_log, "nabort", KT_P1, (void *)100);
    vTaskDelay(3);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    KT_EXPECT_LOG(pdFALSE, 3);
}

PTEST(Kernel, delay_abort_on_indefinite_notify_wait)
{
    kt_log_reset();
    kt_mark();
    TaskHandle_t h = ptest_task_create(notify_wait_log, "nforever", KT_P1, (void *)portMAX_DELAY);
    vTaskDelay(2);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    KT_EXPECT_LOG(pdFALSE, 2);
}

static void notify_take_log(void *arg)
{
    (void)arg;
    kt_log((int)ulTaskNotifyTake(pdTRUE, 100));
    kt_log_elapsed();
}

PTEST(Kernel, delay_abort_on_notify_take_returns_zero)
{
    kt_log_reset();
    kt_mark();
    TaskHandle_t h = ptest_task_create(notify_take_log, "tabort", KT_P1, NULL);
    vTaskDelay(6);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    KT_EXPECT_LOG(0, 6);
}

static void take_100_log(void *arg)
{
    (void)arg;
    kt_log((int)xSemaphoreTake(sem, 100));
    kt_log_elapsed();
}

PTEST(Kernel, delay_abort_on_semaphore_take_reports_failure)
{
    kt_log_reset();
    sem = xSemaphoreCreateBinary();
    kt_mark();
    TaskHandle_t h = ptest_task_create(take_100_log, "sabort", KT_P1, NULL);
    vTaskDelay(2);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    KT_EXPECT_LOG(pdFALSE, 2);
    /* The aborted waiter is gone: a give now stays in the semaphore. */
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    TEST_ASSERT_EQUAL(1U, uxSemaphoreGetCount(sem));
    vSemaphoreDelete(sem);
}

PTEST(Kernel, delay_abort_ready_task_returns_fail)
{
    TaskHandle_t h = ptest_task_create(log_arg, "ready", KT_LOW, NULL);
    TEST_ASSERT_EQUAL(pdFAIL, xTaskAbortDelay(h));
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
}

PTEST(Kernel, delay_abort_suspended_task_returns_fail)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "susp", KT_P1, NULL);
    TEST_ASSERT_EQUAL(pdFAIL, xTaskAbortDelay(h));
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    vTaskDelete(h);
}

PTEST(Kernel, delay_abort_self_returns_fail)
{
    TEST_ASSERT_EQUAL(pdFAIL, xTaskAbortDelay(xTaskGetCurrentTaskHandle()));
}

PTEST(Kernel, delay_abort_lower_task_runs_when_caller_blocks)
{
    kt_log_reset();
    kt_mark();
    TaskHandle_t h = ptest_task_create(delay_100_log, "low", KT_LOW, NULL);
    vTaskDelay(1); /* it starts its delay */
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskDelay(2);
    KT_EXPECT_LOG(1);
}

static void delay_twice_log(void *arg)
{
    (void)arg;
    vTaskDelay(100);
    kt_log_elapsed();
    vTaskDelay(10);
    kt_log_elapsed();
}

PTEST(Kernel, delay_abort_affects_only_the_current_wait)
{
    kt_log_reset();
    kt_mark();
    TaskHandle_t h = ptest_task_create(delay_twice_log, "twice", KT_P1, NULL);
    vTaskDelay(2);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    vTaskDelay(20);
    KT_EXPECT_LOG(2, 12);
}

/* ----- Tick count, indefinite blocking, timeouts ------------------------------------------ */

static volatile TickType_t isr_tick;

static void read_tick_isr(void)
{
    isr_tick = xTaskGetTickCountFromISR();
}

PTEST(Kernel, delay_tick_count_from_isr_matches_task_view)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, read_tick_isr);
    const TickType_t t0 = xTaskGetTickCount();
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 3);
    vTaskDelay(5);
    TEST_ASSERT_EQUAL(t0 + 3U, isr_tick);
    TEST_ASSERT_EQUAL(t0 + 5U, xTaskGetTickCount());
}

static void receive_forever_log(void *arg)
{
    int v = 0;
    (void)arg;
    kt_log((int)xQueueReceive(q, &v, portMAX_DELAY));
    kt_log(v);
    kt_log_elapsed();
}

PTEST(Kernel, delay_portmax_blocks_indefinitely)
{
    kt_log_reset();
    q = xQueueCreate(1, sizeof(int));
    kt_mark();
    TaskHandle_t h = ptest_task_create(receive_forever_log, "forever", KT_P1, NULL);
    vTaskDelay(500);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    int v = 9;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    KT_EXPECT_LOG(pdPASS, 9, 500);
    vQueueDelete(q);
}

PTEST(Kernel, delay_check_for_timeout_counts_down)
{
    TimeOut_t to;
    TickType_t ticks = 10;
    vTaskSetTimeOutState(&to);
    vTaskDelay(4);
    TEST_ASSERT_EQUAL(pdFALSE, xTaskCheckForTimeOut(&to, &ticks));
    TEST_ASSERT_EQUAL(6U, ticks);
    vTaskDelay(5);
    TEST_ASSERT_EQUAL(pdFALSE, xTaskCheckForTimeOut(&to, &ticks));
    TEST_ASSERT_EQUAL(1U, ticks);
    vTaskDelay(1);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskCheckForTimeOut(&to, &ticks));
    TEST_ASSERT_EQUAL(0U, ticks);
}

PTEST(Kernel, delay_check_for_timeout_portmax_never_expires)
{
    TimeOut_t to;
    TickType_t ticks = portMAX_DELAY;
    vTaskSetTimeOutState(&to);
    vTaskDelay(100);
    TEST_ASSERT_EQUAL(pdFALSE, xTaskCheckForTimeOut(&to, &ticks));
    TEST_ASSERT_EQUAL(portMAX_DELAY, ticks);
}
