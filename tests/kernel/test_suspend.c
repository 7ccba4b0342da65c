/*
 * test_suspend.c - vTaskSuspend, vTaskResume and xTaskResumeFromISR,
 * including tasks suspended while they were blocked.
 */
#include "ktest.h"

static QueueHandle_t q;
static SemaphoreHandle_t sem;
static TaskHandle_t target;
static volatile BaseType_t isr_result;

static void log_arg(void *arg)
{
    kt_log((int)(intptr_t)arg);
}

static void suspend_self_between_logs(void *arg)
{
    (void)arg;
    kt_log(1);
    vTaskSuspend(NULL);
    kt_log(3);
}

static void delay_10_log_elapsed(void *arg)
{
    (void)arg;
    vTaskDelay(10);
    kt_log_elapsed();
}

PTEST(Kernel, suspend_ready_task_never_runs_until_resumed)
{
    kt_log_reset();
    TaskHandle_t h = ptest_task_create(log_arg, "low", KT_LOW, (void *)1);
    vTaskSuspend(h);
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    vTaskDelay(3);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskResume(h);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    vTaskDelay(1);
    KT_EXPECT_LOG(1);
}

PTEST(Kernel, suspend_self_until_resumed)
{
    kt_log_reset();
    TaskHandle_t h = ptest_task_create(suspend_self_between_logs, "self", KT_P1, NULL);
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    kt_log(2);
    vTaskResume(h); /* it outranks us: it runs before vTaskResume returns */
    kt_log(4);
    KT_EXPECT_LOG(1, 2, 3, 4);
}

static void suspend_self_by_handle(void *arg)
{
    (void)arg;
    vTaskSuspend(xTaskGetCurrentTaskHandle());
    kt_log(1);
}

PTEST(Kernel, suspend_self_by_own_handle)
{
    kt_log_reset();
    TaskHandle_t h = ptest_task_create(suspend_self_by_handle, "self", KT_P1, NULL);
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    vTaskResume(h);
    KT_EXPECT_LOG(1);
}

PTEST(Kernel, suspend_delayed_task_is_not_woken_by_time)
{
    kt_log_reset();
    kt_mark();
    TaskHandle_t h = ptest_task_create(delay_10_log_elapsed, "delayed", KT_P1, NULL);
    vTaskDelay(2);
    vTaskSuspend(h);
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    vTaskDelay(20);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskResume(h);
    KT_EXPECT_LOG(22);
}

static void receive_forever_log(void *arg)
{
    int v = 0;
    (void)arg;
    if (xQueueReceive(q, &v, portMAX_DELAY) == pdPASS) {
        kt_log(v);
    }
}

PTEST(Kernel, suspend_task_blocked_on_queue_stops_waiting)
{
    kt_log_reset();
    q = xQueueCreate(1, sizeof(int));
    TaskHandle_t h = ptest_task_create(receive_forever_log, "qwait", KT_P1, NULL);
    vTaskSuspend(h);
    int v = 5;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    TEST_ASSERT_EQUAL(1U, uxQueueMessagesWaiting(q));
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    vTaskResume(h); /* it waits again, finds the item and takes it */
    KT_EXPECT_LOG(5);
    TEST_ASSERT_EQUAL(0U, uxQueueMessagesWaiting(q));
    vQueueDelete(q);
}

static void take_10_log(void *arg)
{
    (void)arg;
    kt_log((int)xSemaphoreTake(sem, 10));
    kt_log_elapsed();
}

PTEST(Kernel, suspend_task_blocked_with_timeout_retries_after_resume)
{
    kt_log_reset();
    sem = xSemaphoreCreateBinary();
    kt_mark();
    TaskHandle_t h = ptest_task_create(take_10_log, "take", KT_P1, NULL);
    vTaskDelay(2);
    vTaskSuspend(h);
    vTaskDelay(3);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    TEST_ASSERT_EQUAL(1U, uxSemaphoreGetCount(sem));
    vTaskResume(h);
    KT_EXPECT_LOG(pdTRUE, 5);
    vSemaphoreDelete(sem);
}

static void notify_wait_forever_log(void *arg)
{
    uint32_t v = 0;
    (void)arg;
    kt_log((int)xTaskNotifyWait(0, 0, &v, portMAX_DELAY));
    kt_log((int)v);
}

PTEST(Kernel, suspend_task_waiting_for_notification_keeps_it_pending)
{
    kt_log_reset();
    TaskHandle_t h = ptest_task_create(notify_wait_forever_log, "nwait", KT_P1, NULL);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    vTaskSuspend(h);
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(h, 5, eSetValueWithOverwrite));
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskResume(h);
    KT_EXPECT_LOG(pdTRUE, 5);
}

PTEST(Kernel, suspend_resume_of_ready_task_is_noop)
{
    kt_log_reset();
    TaskHandle_t h = ptest_task_create(log_arg, "ready", KT_LOW, (void *)1);
    vTaskResume(h);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskDelay(1);
    KT_EXPECT_LOG(1);
}

PTEST(Kernel, suspend_resume_of_blocked_task_does_not_wake_it)
{
    kt_log_reset();
    kt_mark();
    TaskHandle_t h = ptest_task_create(delay_10_log_elapsed, "blocked", KT_P1, NULL);
    vTaskDelay(2);
    vTaskResume(h);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskDelay(20);
    KT_EXPECT_LOG(10);
}

PTEST(Kernel, suspend_calls_do_not_nest)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "twice", KT_LOW, NULL);
    vTaskDelay(1); /* it suspends itself */
    vTaskSuspend(h);
    vTaskSuspend(h);
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    vTaskResume(h);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    vTaskDelete(h);
}

PTEST(Kernel, suspend_resume_lower_task_does_not_preempt)
{
    kt_log_reset();
    TaskHandle_t h = ptest_task_create(log_arg, "low", KT_LOW, (void *)1);
    vTaskSuspend(h);
    vTaskResume(h);
    kt_log(0);
    vTaskDelay(1);
    KT_EXPECT_LOG(0, 1);
}

PTEST(Kernel, suspend_other_task_while_scheduler_suspended)
{
    kt_log_reset();
    TaskHandle_t h = ptest_task_create(log_arg, "low", KT_LOW, (void *)1);
    vTaskSuspendAll();
    vTaskSuspend(h);
    (void)xTaskResumeAll();
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    vTaskDelay(2);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskResume(h);
    vTaskDelay(1);
    KT_EXPECT_LOG(1);
}

/* ----- xTaskResumeFromISR ----------------------------------------------------------------- */

static void resume_isr(void)
{
    isr_result = xTaskResumeFromISR(target);
    kt_log(2);
    portYIELD_FROM_ISR(isr_result);
}

PTEST(Kernel, suspend_resume_from_isr_higher_task_runs_on_isr_exit)
{
    kt_log_reset();
    target = ptest_task_create(suspend_self_between_logs, "self", KT_P1, NULL);
    kt_run_in_isr(resume_isr);
    kt_log(4);
    KT_EXPECT_LOG(1, 2, 3, 4);
    TEST_ASSERT_EQUAL(pdTRUE, isr_result);
}

PTEST(Kernel, suspend_resume_from_isr_lower_task_returns_false)
{
    kt_log_reset();
    target = ptest_task_create(suspend_self_between_logs, "low", KT_LOW, NULL);
    vTaskDelay(1);
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(target));
    kt_run_in_isr(resume_isr);
    TEST_ASSERT_EQUAL(pdFALSE, isr_result);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(target));
    KT_EXPECT_LOG(1, 2);
    vTaskDelay(1);
    KT_EXPECT_LOG(1, 2, 3);
}

PTEST(Kernel, suspend_resume_from_isr_of_blocked_task_is_noop)
{
    kt_log_reset();
    kt_mark();
    target = ptest_task_create(delay_10_log_elapsed, "blocked", KT_P1, NULL);
    vTaskDelay(1);
    kt_run_in_isr(resume_isr);
    TEST_ASSERT_EQUAL(pdFALSE, isr_result);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(target));
    vTaskDelay(20);
    KT_EXPECT_LOG(2, 10);
}
