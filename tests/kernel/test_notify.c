/*
 * test_notify.c - direct-to-task notifications: every action, the Take and
 * Wait forms, clear masks, timeouts, indexes, and the FromISR variants.
 * The group fixture leaves the runner with no notification pending.
 */
#include "ktest.h"

static TaskHandle_t target;
static volatile BaseType_t isr_woken;
static volatile BaseType_t isr_result;
static volatile uint32_t isr_previous;

static TaskHandle_t self(void)
{
    return xTaskGetCurrentTaskHandle();
}

/* The runner's own value at index i, consuming any pending notification. */
static uint32_t take_value(UBaseType_t i)
{
    uint32_t v = 0;
    (void)xTaskNotifyWaitIndexed(i, 0, 0, &v, 0);
    return v;
}

/* ----- Take / give ---------------------------------------------------------------- */

PTEST(Kernel, notify_give_then_take_decrements)
{
    for (int i = 0; i < 3; i++) {
        TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyGive(self()));
    }
    TEST_ASSERT_EQUAL(3U, ulTaskNotifyTake(pdFALSE, 0));
    TEST_ASSERT_EQUAL(2U, ulTaskNotifyTake(pdFALSE, 0));
    TEST_ASSERT_EQUAL(1U, ulTaskNotifyTake(pdFALSE, 0));
    TEST_ASSERT_EQUAL(0U, ulTaskNotifyTake(pdFALSE, 0));
}

PTEST(Kernel, notify_take_with_clear_zeroes_the_count)
{
    for (int i = 0; i < 3; i++) {
        (void)xTaskNotifyGive(self());
    }
    TEST_ASSERT_EQUAL(3U, ulTaskNotifyTake(pdTRUE, 0));
    TEST_ASSERT_EQUAL(0U, ulTaskNotifyTake(pdTRUE, 0));
}

static void take_log(void *arg)
{
    kt_log((int)ulTaskNotifyTake(pdTRUE, (TickType_t)(intptr_t)arg));
    kt_log_elapsed();
}

PTEST(Kernel, notify_take_blocks_until_give)
{
    TaskHandle_t h = ptest_task_create(take_log, "take", KT_P1, (void *)portMAX_DELAY);
    vTaskDelay(5);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyGive(h));
    KT_EXPECT_LOG(1, 5);
}

PTEST(Kernel, notify_take_times_out_exactly)
{
    ptest_task_create(take_log, "take", KT_P1, (void *)7);
    vTaskDelay(10);
    KT_EXPECT_LOG(0, 7);
}

PTEST(Kernel, notify_give_and_take_indexed)
{
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyGiveIndexed(self(), 2));
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyGiveIndexed(self(), 2));
    TEST_ASSERT_EQUAL(0U, ulTaskNotifyTakeIndexed(1, pdTRUE, 0));
    TEST_ASSERT_EQUAL(2U, ulTaskNotifyTakeIndexed(2, pdFALSE, 0));
    TEST_ASSERT_EQUAL(1U, ulTaskNotifyTakeIndexed(2, pdTRUE, 0));
    TEST_ASSERT_EQUAL(0U, ulTaskNotifyTake(pdTRUE, 0));
}

/* ----- Actions ----------------------------------------------------------------------- */

PTEST(Kernel, notify_set_bits_ors_into_value)
{
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(self(), 0x01, eSetBits));
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(self(), 0x10, eSetBits));
    uint32_t v = 0;
    TEST_ASSERT_EQUAL(pdTRUE, xTaskNotifyWait(0, 0, &v, 0));
    TEST_ASSERT_EQUAL(0x11U, v);
}

PTEST(Kernel, notify_increment_ignores_value)
{
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(self(), 99, eIncrement));
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(self(), 99, eIncrement));
    TEST_ASSERT_EQUAL(2U, take_value(0));
}

PTEST(Kernel, notify_increment_wraps_around)
{
    (void)xTaskNotify(self(), 0xFFFFFFFFU, eSetValueWithOverwrite);
    (void)xTaskNotify(self(), 0, eIncrement);
    TEST_ASSERT_EQUAL(0U, take_value(0));
}

PTEST(Kernel, notify_overwrite_replaces_pending_value)
{
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(self(), 5, eSetValueWithOverwrite));
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(self(), 7, eSetValueWithOverwrite));
    TEST_ASSERT_EQUAL(7U, take_value(0));
}

PTEST(Kernel, notify_without_overwrite_refused_while_pending)
{
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(self(), 5, eSetValueWithoutOverwrite));
    TEST_ASSERT_EQUAL(pdFAIL, xTaskNotify(self(), 7, eSetValueWithoutOverwrite));
    TEST_ASSERT_EQUAL(5U, take_value(0));
}

PTEST(Kernel, notify_without_overwrite_accepted_once_consumed)
{
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(self(), 5, eSetValueWithoutOverwrite));
    TEST_ASSERT_EQUAL(5U, take_value(0));
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(self(), 7, eSetValueWithoutOverwrite));
    TEST_ASSERT_EQUAL(7U, take_value(0));
}

PTEST(Kernel, notify_no_action_marks_pending_only)
{
    (void)xTaskNotify(self(), 3, eSetValueWithOverwrite);
    TEST_ASSERT_EQUAL(3U, take_value(0));
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(self(), 42, eNoAction));
    uint32_t v = 0;
    TEST_ASSERT_EQUAL(pdTRUE, xTaskNotifyWait(0, 0, &v, 0));
    TEST_ASSERT_EQUAL(3U, v);
}

PTEST(Kernel, notify_and_query_returns_previous_value)
{
    uint32_t prev = 0;
    (void)xTaskNotify(self(), 5, eSetValueWithOverwrite);
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyAndQuery(self(), 0x2, eSetBits, &prev));
    TEST_ASSERT_EQUAL(5U, prev);
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyAndQuery(self(), 0, eIncrement, &prev));
    TEST_ASSERT_EQUAL(7U, prev);
    TEST_ASSERT_EQUAL(8U, take_value(0));
}

PTEST(Kernel, notify_and_query_reports_previous_when_refused)
{
    uint32_t prev = 0;
    (void)xTaskNotify(self(), 5, eSetValueWithOverwrite);
    TEST_ASSERT_EQUAL(pdFAIL, xTaskNotifyAndQuery(self(), 9, eSetValueWithoutOverwrite, &prev));
    TEST_ASSERT_EQUAL(5U, prev);
    TEST_ASSERT_EQUAL(5U, take_value(0));
}

PTEST(Kernel, notify_and_query_indexed)
{
    uint32_t prev = 1;
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyAndQueryIndexed(self(), 1, 0x30, eSetBits, &prev));
    TEST_ASSERT_EQUAL(0U, prev);
    TEST_ASSERT_EQUAL(pdPASS,
                      xTaskNotifyAndQueryIndexed(self(), 1, 4, eSetValueWithOverwrite, &prev));
    TEST_ASSERT_EQUAL(0x30U, prev);
    TEST_ASSERT_EQUAL(4U, take_value(1));
    TEST_ASSERT_EQUAL(0U, take_value(0));
}

/* ----- Wait and its clear masks --------------------------------------------------------- */

PTEST(Kernel, notify_wait_entry_clear_only_when_nothing_pending)
{
    uint32_t v = 0;
    (void)xTaskNotify(self(), 0xF0, eSetValueWithOverwrite);
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyStateClear(NULL)); /* value kept, not pending */
    TEST_ASSERT_EQUAL(pdFALSE, xTaskNotifyWait(0x30, 0, &v, 0));
    TEST_ASSERT_EQUAL(0xC0U, v); /* cleared on entry */
    (void)xTaskNotify(self(), 0x0F, eSetBits);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskNotifyWait(0xFF, 0, &v, 0));
    TEST_ASSERT_EQUAL(0xCFU, v); /* pending: the entry mask is not applied */
}

PTEST(Kernel, notify_wait_exit_clear_after_reading)
{
    uint32_t v = 0;
    (void)xTaskNotify(self(), 0xFF, eSetValueWithOverwrite);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskNotifyWait(0, 0x0F, &v, 0));
    TEST_ASSERT_EQUAL(0xFFU, v);
    TEST_ASSERT_EQUAL(0xF0U, ulTaskNotifyValueClear(NULL, 0));
}

PTEST(Kernel, notify_wait_exit_clear_not_applied_on_timeout)
{
    uint32_t v = 0;
    (void)xTaskNotify(self(), 0xFF, eSetValueWithOverwrite);
    (void)xTaskNotifyStateClear(NULL);
    TEST_ASSERT_EQUAL(pdFALSE, xTaskNotifyWait(0, 0xFF, &v, 2));
    TEST_ASSERT_EQUAL(0xFFU, v);
    TEST_ASSERT_EQUAL(0xFFU, ulTaskNotifyValueClear(NULL, 0));
}

static void wait_log(void *arg)
{
    uint32_t v = 0;
    kt_log((int)xTaskNotifyWait(0, 0, &v, (TickType_t)(intptr_t)arg));
    kt_log((int)v);
    kt_log_elapsed();
}

PTEST(Kernel, notify_wait_blocks_until_notified)
{
    TaskHandle_t h = ptest_task_create(wait_log, "wait", KT_P1, (void *)portMAX_DELAY);
    vTaskDelay(4);
    kt_log(-1);
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(h, 0x40, eSetBits));
    kt_log(-2);
    KT_EXPECT_LOG(-1, pdTRUE, 0x40, 4, -2);
}

PTEST(Kernel, notify_wait_times_out_exactly)
{
    ptest_task_create(wait_log, "wait", KT_P1, (void *)6);
    vTaskDelay(10);
    KT_EXPECT_LOG(pdFALSE, 0, 6);
}

PTEST(Kernel, notify_wait_returns_at_once_when_pending)
{
    uint32_t v = 0;
    const TickType_t t0 = xTaskGetTickCount();
    (void)xTaskNotify(self(), 1, eSetBits);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskNotifyWait(0, 0, &v, portMAX_DELAY));
    TEST_ASSERT_EQUAL(t0, xTaskGetTickCount());
    TEST_ASSERT_EQUAL(1U, v);
}

PTEST(Kernel, notify_wait_accepts_null_value_pointer)
{
    (void)xTaskNotify(self(), 1, eSetBits);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskNotifyWait(0, 0, NULL, 0));
    TEST_ASSERT_EQUAL(pdFALSE, xTaskNotifyWait(0, 0, NULL, 0));
}

PTEST(Kernel, notify_lower_priority_waiter_does_not_preempt)
{
    TaskHandle_t h = ptest_task_create(wait_log, "low", KT_LOW, (void *)portMAX_DELAY);
    vTaskDelay(1);
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(h, 3, eSetValueWithOverwrite));
    kt_log(-1);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    vTaskDelay(1);
    KT_EXPECT_LOG(-1, pdTRUE, 3, 1);
}

PTEST(Kernel, notify_pending_before_wait_is_received_at_once)
{
    TaskHandle_t h = ptest_task_create(wait_log, "late", KT_LOW, (void *)portMAX_DELAY);
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotify(h, 8, eSetValueWithOverwrite));
    vTaskDelay(1);
    KT_EXPECT_LOG(pdTRUE, 8, 0);
}

/* ----- Indexes ------------------------------------------------------------------------------ */

PTEST(Kernel, notify_indexes_are_independent)
{
    uint32_t v = 0;
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyIndexed(self(), 1, 5, eSetValueWithOverwrite));
    TEST_ASSERT_EQUAL(pdFALSE, xTaskNotifyWaitIndexed(0, 0, 0, &v, 0));
    TEST_ASSERT_EQUAL(0U, v);
    TEST_ASSERT_EQUAL(pdFALSE, xTaskNotifyWaitIndexed(2, 0, 0, &v, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xTaskNotifyWaitIndexed(1, 0, 0, &v, 0));
    TEST_ASSERT_EQUAL(5U, v);
}

PTEST(Kernel, notify_wait_indexed_masks_touch_only_that_index)
{
    uint32_t v = 0;
    (void)xTaskNotifyIndexed(self(), 0, 0xFF, eSetValueWithOverwrite);
    (void)xTaskNotifyIndexed(self(), 1, 0xFF, eSetValueWithOverwrite);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskNotifyWaitIndexed(1, 0, 0xFF, &v, 0));
    TEST_ASSERT_EQUAL(0xFFU, v);
    TEST_ASSERT_EQUAL(0U, ulTaskNotifyValueClearIndexed(NULL, 1, 0));
    TEST_ASSERT_EQUAL(0xFFU, take_value(0));
}

static void wait_index_2_log(void *arg)
{
    uint32_t v = 0;
    (void)arg;
    kt_log((int)xTaskNotifyWaitIndexed(2, 0, 0, &v, portMAX_DELAY));
    kt_log((int)v);
    kt_log((int)xTaskNotifyStateClearIndexed(NULL, 0));
    kt_log((int)xTaskNotifyStateClearIndexed(NULL, 1));
}

PTEST(Kernel, notify_waiter_not_woken_by_other_index)
{
    TaskHandle_t h = ptest_task_create(wait_index_2_log, "idx2", KT_P1, NULL);
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyIndexed(h, 0, 1, eSetBits));
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyGiveIndexed(h, 1));
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyIndexed(h, 2, 8, eSetBits));
    KT_EXPECT_LOG(pdTRUE, 8, pdPASS, pdPASS);
}

/* ----- State and value clear ------------------------------------------------------------------ */

PTEST(Kernel, notify_state_clear_reports_pending)
{
    (void)xTaskNotify(self(), 6, eSetValueWithOverwrite);
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyStateClear(NULL));
    TEST_ASSERT_EQUAL(pdFAIL, xTaskNotifyStateClear(NULL));
    uint32_t v = 0;
    TEST_ASSERT_EQUAL(pdFALSE, xTaskNotifyWait(0, 0, &v, 0));
    TEST_ASSERT_EQUAL(6U, v); /* the value survives */
}

PTEST(Kernel, notify_state_clear_of_other_task_indexed)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "other", KT_LOW, NULL);
    (void)xTaskNotifyIndexed(h, 2, 1, eSetBits);
    TEST_ASSERT_EQUAL(pdFAIL, xTaskNotifyStateClearIndexed(h, 1));
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyStateClearIndexed(h, 2));
    TEST_ASSERT_EQUAL(pdFAIL, xTaskNotifyStateClearIndexed(h, 2));
    vTaskDelete(h);
}

PTEST(Kernel, notify_value_clear_returns_old_value)
{
    (void)xTaskNotify(self(), 0xF0F0, eSetValueWithOverwrite);
    TEST_ASSERT_EQUAL(0xF0F0U, ulTaskNotifyValueClear(NULL, 0x00F0));
    TEST_ASSERT_EQUAL(0xF000U, ulTaskNotifyValueClear(NULL, 0xFFFFFFFFU));
    TEST_ASSERT_EQUAL(0U, ulTaskNotifyValueClear(NULL, 0));
    /* Clearing the value leaves the notification pending. */
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyStateClear(NULL));
}

PTEST(Kernel, notify_value_clear_of_other_task_indexed)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "other", KT_LOW, NULL);
    (void)xTaskNotifyIndexed(h, 1, 0x7, eSetValueWithOverwrite);
    TEST_ASSERT_EQUAL(0x7U, ulTaskNotifyValueClearIndexed(h, 1, 0x1));
    TEST_ASSERT_EQUAL(0x6U, ulTaskNotifyValueClearIndexed(h, 1, 0));
    TEST_ASSERT_EQUAL(0U, ulTaskNotifyValueClearIndexed(h, 0, 0));
    vTaskDelete(h);
}

/* ----- FromISR ------------------------------------------------------------------------------------ */

static void notify_bits_isr(void)
{
    BaseType_t woken = pdFALSE;
    kt_log(1);
    isr_result = xTaskNotifyFromISR(target, 0x5, eSetBits, &woken);
    isr_woken = woken;
    portYIELD_FROM_ISR(woken);
}

PTEST(Kernel, notify_from_isr_wakes_higher_waiter_on_isr_exit)
{
    target = ptest_task_create(wait_log, "wait", KT_P1, (void *)portMAX_DELAY);
    kt_run_in_isr(notify_bits_isr);
    kt_log(9);
    KT_EXPECT_LOG(1, pdTRUE, 5, 0, 9);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
}

PTEST(Kernel, notify_from_isr_lower_waiter_leaves_woken_false)
{
    target = ptest_task_create(wait_log, "low", KT_LOW, (void *)portMAX_DELAY);
    vTaskDelay(1);
    kt_run_in_isr(notify_bits_isr);
    TEST_ASSERT_EQUAL(pdFALSE, isr_woken);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(target));
    KT_EXPECT_LOG(1);
    vTaskDelay(1);
    KT_EXPECT_LOG(1, pdTRUE, 5, 1);
}

static void notify_null_woken_isr(void)
{
    isr_result = xTaskNotifyFromISR(target, 3, eSetValueWithOverwrite, NULL);
}

PTEST(Kernel, notify_from_isr_accepts_null_woken_pointer)
{
    target = self();
    kt_run_in_isr(notify_null_woken_isr);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    TEST_ASSERT_EQUAL(3U, take_value(0));
}

static void notify_query_isr(void)
{
    BaseType_t woken = pdFALSE;
    uint32_t prev = 0;
    isr_result = xTaskNotifyAndQueryFromISR(target, 0, eIncrement, &prev, &woken);
    isr_previous = prev;
    isr_woken = woken;
}

PTEST(Kernel, notify_and_query_from_isr_returns_previous)
{
    target = self();
    (void)xTaskNotify(self(), 10, eSetValueWithOverwrite);
    kt_run_in_isr(notify_query_isr);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    TEST_ASSERT_EQUAL(10U, isr_previous);
    TEST_ASSERT_EQUAL(pdFALSE, isr_woken); /* the runner was not waiting */
    TEST_ASSERT_EQUAL(11U, take_value(0));
}

static void notify_without_overwrite_isr(void)
{
    BaseType_t woken = pdFALSE;
    uint32_t prev = 0;
    isr_result =
        xTaskNotifyAndQueryIndexedFromISR(target, 1, 9, eSetValueWithoutOverwrite, &prev, &woken);
    isr_previous = prev;
}

PTEST(Kernel, notify_from_isr_without_overwrite_refused_while_pending)
{
    target = self();
    (void)xTaskNotifyIndexed(self(), 1, 4, eSetValueWithOverwrite);
    kt_run_in_isr(notify_without_overwrite_isr);
    TEST_ASSERT_EQUAL(pdFAIL, isr_result);
    TEST_ASSERT_EQUAL(4U, isr_previous);
    TEST_ASSERT_EQUAL(4U, take_value(1));
}

static void notify_indexed_isr(void)
{
    BaseType_t woken = pdFALSE;
    isr_result = xTaskNotifyIndexedFromISR(target, 2, 8, eSetBits, &woken);
    isr_woken = woken;
    portYIELD_FROM_ISR(woken);
}

PTEST(Kernel, notify_indexed_from_isr_wakes_that_index)
{
    target = ptest_task_create(wait_index_2_log, "idx2", KT_P1, NULL);
    kt_run_in_isr(notify_indexed_isr);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
    KT_EXPECT_LOG(pdTRUE, 8, pdFAIL, pdFAIL);
}

static void give_twice_isr(void)
{
    BaseType_t woken = pdFALSE;
    kt_log(1);
    vTaskNotifyGiveFromISR(target, &woken);
    vTaskNotifyGiveFromISR(target, &woken);
    isr_woken = woken;
    portYIELD_FROM_ISR(woken);
}

static void take_decrement_log(void *arg)
{
    (void)arg;
    kt_log((int)ulTaskNotifyTake(pdFALSE, portMAX_DELAY));
    kt_log((int)ulTaskNotifyTake(pdFALSE, 0));
}

PTEST(Kernel, notify_give_from_isr_increments_and_wakes)
{
    target = ptest_task_create(take_decrement_log, "take", KT_P1, NULL);
    kt_run_in_isr(give_twice_isr);
    kt_log(3);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
    KT_EXPECT_LOG(1, 2, 1, 3);
}

static void give_indexed_isr(void)
{
    BaseType_t woken = pdFALSE;
    vTaskNotifyGiveIndexedFromISR(target, 1, &woken);
    isr_woken = woken;
}

PTEST(Kernel, notify_give_indexed_from_isr)
{
    target = self();
    kt_run_in_isr(give_indexed_isr);
    TEST_ASSERT_EQUAL(pdFALSE, isr_woken);
    TEST_ASSERT_EQUAL(0U, ulTaskNotifyTake(pdTRUE, 0));
    TEST_ASSERT_EQUAL(1U, ulTaskNotifyTakeIndexed(1, pdTRUE, 0));
}
