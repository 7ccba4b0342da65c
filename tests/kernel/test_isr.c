/*
 * test_isr.c - the test interrupts themselves and the kernel's handling of
 * them: nesting of LOW, HIGH and UNMASKED, timed triggers at exact ticks,
 * and a switch requested by a nested ISR taking place only when the
 * outermost one returns.
 */
#include "ktest.h"

static SemaphoreHandle_t sem;
static volatile int unmasked_ran;

static void log_2_isr(void)
{
    kt_log(2);
}

static void log_3_isr(void)
{
    kt_log(3);
}

static void low_triggers_high_isr(void)
{
    kt_log(1);
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    kt_log(3);
}

PTEST(Kernel, isr_high_nests_over_low)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, log_2_isr);
    kt_run_in_isr(low_triggers_high_isr);
    kt_log(4);
    KT_EXPECT_LOG(1, 2, 3, 4);
}

static void high_triggers_low_isr(void)
{
    kt_log(1);
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    kt_log(2);
}

PTEST(Kernel, isr_low_waits_for_high_to_return)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, log_3_isr);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, high_triggers_low_isr);
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    kt_log(4);
    KT_EXPECT_LOG(1, 2, 3, 4);
}

static void unmasked_isr(void)
{
    unmasked_ran = 1; /* no kernel call from above the syscall priority */
}

static void high_triggers_unmasked_isr(void)
{
    kt_log(1);
    board_test_irq_trigger(BOARD_TEST_IRQ_UNMASKED);
    kt_log(unmasked_ran ? 2 : -2);
}

PTEST(Kernel, isr_unmasked_nests_over_high)
{
    KT_NEED_UNMASKED_INTERRUPTS();
    unmasked_ran = 0;
    board_test_irq_set_handler(BOARD_TEST_IRQ_UNMASKED, unmasked_isr);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, high_triggers_unmasked_isr);
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    KT_EXPECT_LOG(1, 2);
}

static volatile TickType_t fired_at;

static void log_tick_low_isr(void)
{
    kt_log(100 + (int)(xTaskGetTickCountFromISR() - fired_at));
}

static void log_tick_high_isr(void)
{
    kt_log(200 + (int)(xTaskGetTickCountFromISR() - fired_at));
}

PTEST(Kernel, isr_trigger_after_fires_at_exact_tick)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, log_tick_low_isr);
    fired_at = xTaskGetTickCount();
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 7);
    vTaskDelay(6);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskDelay(4);
    KT_EXPECT_LOG(107);
}

PTEST(Kernel, isr_trigger_after_zero_cancels)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, log_tick_low_isr);
    fired_at = xTaskGetTickCount();
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 5);
    vTaskDelay(2);
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 0);
    vTaskDelay(10);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
}

PTEST(Kernel, isr_trigger_after_replaces_pending_request)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, log_tick_low_isr);
    fired_at = xTaskGetTickCount();
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 8);
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 3);
    vTaskDelay(12);
    KT_EXPECT_LOG(103);
}

PTEST(Kernel, isr_timed_interrupts_fire_independently)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, log_tick_low_isr);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, log_tick_high_isr);
    fired_at = xTaskGetTickCount();
    board_test_irq_trigger_after(BOARD_TEST_IRQ_HIGH, 4);
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 2);
    vTaskDelay(6);
    KT_EXPECT_LOG(102, 204);
}

static void high_gives_isr(void)
{
    BaseType_t woken = pdFALSE;
    (void)xSemaphoreGiveFromISR(sem, &woken);
    kt_log(2);
    portYIELD_FROM_ISR(woken);
}

static void take_log_4(void *arg)
{
    (void)arg;
    if (xSemaphoreTake(sem, portMAX_DELAY) == pdTRUE) {
        kt_log(4);
    }
}

PTEST(Kernel, isr_switch_from_nested_isr_waits_for_outermost_return)
{
    sem = xSemaphoreCreateBinary();
    ptest_task_create(take_log_4, "waiter", KT_P1, NULL);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, high_gives_isr);
    kt_run_in_isr(low_triggers_high_isr);
    kt_log(5);
    KT_EXPECT_LOG(1, 2, 3, 4, 5);
    vSemaphoreDelete(sem);
}

static void give_no_yield_isr(void)
{
    BaseType_t woken = pdFALSE;
    (void)xSemaphoreGiveFromISR(sem, &woken);
    kt_log(woken == pdTRUE ? 1 : -1);
}

PTEST(Kernel, isr_wake_without_yield_request_is_not_lost)
{
    sem = xSemaphoreCreateBinary();
    ptest_task_create(take_log_4, "waiter", KT_P1, NULL);
    kt_run_in_isr(give_no_yield_isr);
    vTaskDelay(1);
    KT_EXPECT_LOG(1, 4);
    vSemaphoreDelete(sem);
}
