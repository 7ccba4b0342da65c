/*
 * test_critical.c - scheduler suspension (deferred switches, pended ticks)
 * and critical sections at task and ISR level (nesting, masking).
 */
#include "ktest.h"

static SemaphoreHandle_t sem;
static volatile int irq_seen;

static void log_arg(void *arg)
{
    kt_log((int)(intptr_t)arg);
}

static void flag_isr(void)
{
    irq_seen = 1;
}

/* Burns CPU with the scheduler suspended until the LOW interrupt scheduled
 * `ticks` ahead has fired, so exactly that many ticks were pended. */
static void burn_until_irq_after(TickType_t ticks)
{
    irq_seen = 0;
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, flag_isr);
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, ticks);
    for (int i = 0; i < 1000 && !irq_seen; i++) {
        board_burn_cpu(100);
    }
    TEST_ASSERT_MESSAGE(irq_seen, "the timed interrupt did not fire");
}

/* ----- Scheduler suspension ---------------------------------------------------------- */

PTEST(Kernel, sched_suspend_all_defers_preemption)
{
    kt_log_reset();
    vTaskSuspendAll();
    ptest_task_create(log_arg, "high", KT_P1, (void *)1);
    kt_log(0);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskResumeAll());
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
}

PTEST(Kernel, sched_suspend_all_nests)
{
    kt_log_reset();
    vTaskSuspendAll();
    vTaskSuspendAll();
    TEST_ASSERT_EQUAL(taskSCHEDULER_SUSPENDED, xTaskGetSchedulerState());
    ptest_task_create(log_arg, "high", KT_P1, (void *)1);
    TEST_ASSERT_EQUAL(pdFALSE, xTaskResumeAll());
    TEST_ASSERT_EQUAL(taskSCHEDULER_SUSPENDED, xTaskGetSchedulerState());
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    TEST_ASSERT_EQUAL(pdTRUE, xTaskResumeAll());
    TEST_ASSERT_EQUAL(taskSCHEDULER_RUNNING, xTaskGetSchedulerState());
    KT_EXPECT_LOG(1);
}

PTEST(Kernel, sched_resume_all_without_pending_switch_returns_false)
{
    vTaskSuspendAll();
    TEST_ASSERT_EQUAL(pdFALSE, xTaskResumeAll());
}

PTEST(Kernel, sched_suspend_all_pends_ticks_and_replays_them)
{
    vTaskDelay(1);
    const TickType_t t0 = xTaskGetTickCount();
    vTaskSuspendAll();
    burn_until_irq_after(5);
    TEST_ASSERT_EQUAL(t0, xTaskGetTickCount());
    (void)xTaskResumeAll();
    TEST_ASSERT_EQUAL(t0 + 5U, xTaskGetTickCount());
}

static void delay_2_log_tick(void *arg)
{
    (void)arg;
    vTaskDelay(2);
    kt_log_elapsed();
}

PTEST(Kernel, sched_suspend_all_delayed_task_runs_at_resume)
{
    kt_log_reset();
    vTaskDelay(1);
    kt_mark();
    ptest_task_create(delay_2_log_tick, "delayed", KT_P1, NULL);
    vTaskSuspendAll();
    burn_until_irq_after(5);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    TEST_ASSERT_EQUAL(pdTRUE, xTaskResumeAll());
    /* All pended ticks are processed before the woken task runs. */
    KT_EXPECT_LOG(5);
}

static void give_isr(void)
{
    BaseType_t woken = pdFALSE;
    kt_log(1);
    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void take_log(void *arg)
{
    if (xSemaphoreTake(sem, portMAX_DELAY) == pdTRUE) {
        kt_log((int)(intptr_t)arg);
    }
}

PTEST(Kernel, sched_isr_readies_higher_task_while_suspended_runs_at_resume)
{
    kt_log_reset();
    sem = xSemaphoreCreateBinary();
    ptest_task_create(take_log, "waiter", KT_P1, (void *)3);
    vTaskSuspendAll();
    kt_run_in_isr(give_isr); /* interrupts still run while suspended */
    kt_log(2);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskResumeAll());
    kt_log(4);
    KT_EXPECT_LOG(1, 2, 3, 4);
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sched_suspend_all_does_not_mask_interrupts)
{
    irq_seen = 0;
    vTaskSuspendAll();
    kt_run_in_isr(flag_isr);
    TEST_ASSERT_EQUAL(1, irq_seen);
    (void)xTaskResumeAll();
}

static void delay_100_log(void *arg)
{
    vTaskDelay(100);
    kt_log((int)(intptr_t)arg);
}

PTEST(Kernel, sched_suspend_all_defers_abort_delay_wakeup)
{
    TaskHandle_t h = ptest_task_create(delay_100_log, "delayed", KT_P1, (void *)1);
    vTaskSuspendAll();
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    kt_log(0);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskResumeAll());
    KT_EXPECT_LOG(0, 1);
}

static void suspend_self_log(void *arg)
{
    vTaskSuspend(NULL);
    kt_log((int)(intptr_t)arg);
}

PTEST(Kernel, sched_suspend_all_defers_resume_of_higher_task)
{
    TaskHandle_t h = ptest_task_create(suspend_self_log, "susp", KT_P1, (void *)1);
    vTaskSuspendAll();
    vTaskResume(h);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    kt_log(0);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskResumeAll());
    KT_EXPECT_LOG(0, 1);
}

static void notify_take_log(void *arg)
{
    kt_log((int)ulTaskNotifyTake(pdTRUE, portMAX_DELAY) + (int)(intptr_t)arg);
}

PTEST(Kernel, sched_suspend_all_defers_notification_wakeup)
{
    TaskHandle_t h = ptest_task_create(notify_take_log, "wait", KT_P1, (void *)10);
    vTaskSuspendAll();
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyGive(h));
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyGive(h));
    kt_log(0);
    TEST_ASSERT_EQUAL(pdTRUE, xTaskResumeAll());
    KT_EXPECT_LOG(0, 12);
}

/* ----- Critical sections ----------------------------------------------------------------- */

static void log_1_isr(void)
{
    kt_log(1);
}

PTEST(Kernel, sched_critical_sections_nest_and_defer_interrupts)
{
    kt_log_reset();
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, log_1_isr);
    taskENTER_CRITICAL();
    taskENTER_CRITICAL();
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    kt_log(0);
    taskEXIT_CRITICAL();
    kt_log(2);
    taskEXIT_CRITICAL();
    kt_log(3);
    KT_EXPECT_LOG(0, 2, 1, 3);
}

PTEST(Kernel, sched_critical_section_defers_isr_and_its_switch)
{
    kt_log_reset();
    sem = xSemaphoreCreateBinary();
    ptest_task_create(take_log, "waiter", KT_P1, (void *)2);
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, give_isr);
    taskENTER_CRITICAL();
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    kt_log(0);
    taskEXIT_CRITICAL();
    kt_log(3);
    KT_EXPECT_LOG(0, 1, 2, 3);
    vSemaphoreDelete(sem);
}

static void log_3_isr(void)
{
    kt_log(3);
}

static void masking_low_isr(void)
{
    kt_log(1);
    UBaseType_t m = taskENTER_CRITICAL_FROM_ISR();
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    kt_log(2);
    taskEXIT_CRITICAL_FROM_ISR(m);
    kt_log(4);
}

PTEST(Kernel, sched_critical_from_isr_masks_kernel_aware_interrupts)
{
    kt_log_reset();
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, log_3_isr);
    kt_run_in_isr(masking_low_isr);
    KT_EXPECT_LOG(1, 2, 3, 4);
}

static void nested_masking_low_isr(void)
{
    kt_log(1);
    UBaseType_t m1 = taskENTER_CRITICAL_FROM_ISR();
    UBaseType_t m2 = taskENTER_CRITICAL_FROM_ISR();
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    taskEXIT_CRITICAL_FROM_ISR(m2);
    kt_log(2);
    taskEXIT_CRITICAL_FROM_ISR(m1);
    kt_log(4);
}

PTEST(Kernel, sched_critical_from_isr_nests)
{
    kt_log_reset();
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, log_3_isr);
    kt_run_in_isr(nested_masking_low_isr);
    KT_EXPECT_LOG(1, 2, 3, 4);
}

PTEST(Kernel, sched_critical_from_isr_usable_at_task_level)
{
    kt_log_reset();
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, log_1_isr);
    UBaseType_t m = taskENTER_CRITICAL_FROM_ISR();
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    kt_log(0);
    taskEXIT_CRITICAL_FROM_ISR(m);
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
}

PTEST(Kernel, sched_unmasked_interrupt_runs_inside_critical_section)
{
    KT_NEED_UNMASKED_INTERRUPTS();
    irq_seen = 0;
    board_test_irq_set_handler(BOARD_TEST_IRQ_UNMASKED, flag_isr);
    taskENTER_CRITICAL();
    board_test_irq_trigger(BOARD_TEST_IRQ_UNMASKED);
    const int seen_inside = irq_seen;
    taskEXIT_CRITICAL();
    TEST_ASSERT_EQUAL(1, seen_inside);
}

PTEST(Kernel, sched_disable_interrupts_holds_kernel_aware_interrupts)
{
    irq_seen = 0;
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, flag_isr);
    taskDISABLE_INTERRUPTS();
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    const int seen_inside = irq_seen;
    taskENABLE_INTERRUPTS();
    TEST_ASSERT_EQUAL(0, seen_inside);
    TEST_ASSERT_EQUAL(1, irq_seen);
}
