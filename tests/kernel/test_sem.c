/*
 * test_sem.c - binary and counting semaphores: creation state, limits,
 * blocking, wake order, static creation and the FromISR forms.
 */
#include "ktest.h"

static SemaphoreHandle_t sem;
static volatile BaseType_t isr_result[4];
static volatile BaseType_t isr_woken;
static volatile UBaseType_t isr_count;

static void take_log(void *arg)
{
    kt_log((int)xSemaphoreTake(sem, (TickType_t)(intptr_t)arg));
    kt_log_elapsed();
}

static void take_tagged(void *arg)
{
    if (xSemaphoreTake(sem, portMAX_DELAY) == pdTRUE) {
        kt_log((int)(intptr_t)arg);
    }
}

/* ----- Binary semaphores --------------------------------------------------------------- */

PTEST(Kernel, sem_binary_created_empty)
{
    sem = xSemaphoreCreateBinary();
    TEST_ASSERT_NOT_NULL(sem);
    TEST_ASSERT_EQUAL(0U, uxSemaphoreGetCount(sem));
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreTake(sem, 0));
    TEST_ASSERT_EQUAL(queueQUEUE_TYPE_BINARY_SEMAPHORE, ucQueueGetQueueType(sem));
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_binary_legacy_create_is_given)
{
    sem = NULL;
    vSemaphoreCreateBinary(sem);
    TEST_ASSERT_NOT_NULL(sem);
    TEST_ASSERT_EQUAL(1U, uxSemaphoreGetCount(sem));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(sem, 0));
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreTake(sem, 0));
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_binary_give_beyond_one_fails)
{
    sem = xSemaphoreCreateBinary();
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreGive(sem));
    TEST_ASSERT_EQUAL(1U, uxSemaphoreGetCount(sem));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(sem, 0));
    TEST_ASSERT_EQUAL(0U, uxSemaphoreGetCount(sem));
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_binary_take_blocks_until_give)
{
    sem = xSemaphoreCreateBinary();
    ptest_task_create(take_log, "take", KT_P1, (void *)portMAX_DELAY);
    vTaskDelay(6);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    KT_EXPECT_LOG(pdTRUE, 6);
    TEST_ASSERT_EQUAL(0U, uxSemaphoreGetCount(sem));
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_take_times_out_exactly)
{
    sem = xSemaphoreCreateBinary();
    const TickType_t t0 = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreTake(sem, 9));
    TEST_ASSERT_EQUAL(t0 + 9U, xTaskGetTickCount());
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_waiters_woken_by_priority_then_fifo)
{
    sem = xSemaphoreCreateBinary();
    ptest_task_create(take_tagged, "a", KT_P1, (void *)1);
    ptest_task_create(take_tagged, "b", KT_P2, (void *)2);
    ptest_task_create(take_tagged, "c", KT_P1, (void *)3);
    for (int i = 0; i < 3; i++) {
        TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    }
    KT_EXPECT_LOG(2, 1, 3);
    vSemaphoreDelete(sem);
}

/* ----- Counting semaphores ------------------------------------------------------------------- */

PTEST(Kernel, sem_counting_initial_count_and_maximum)
{
    sem = xSemaphoreCreateCounting(5, 2);
    TEST_ASSERT_NOT_NULL(sem);
    TEST_ASSERT_EQUAL(queueQUEUE_TYPE_COUNTING_SEMAPHORE, ucQueueGetQueueType(sem));
    TEST_ASSERT_EQUAL(2U, uxSemaphoreGetCount(sem));
    for (UBaseType_t n = 3; n <= 5; n++) {
        TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
        TEST_ASSERT_EQUAL(n, uxSemaphoreGetCount(sem));
    }
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreGive(sem));
    TEST_ASSERT_EQUAL(5U, uxSemaphoreGetCount(sem));
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_counting_take_decrements_to_zero)
{
    sem = xSemaphoreCreateCounting(3, 3);
    for (UBaseType_t n = 3; n > 0U; n--) {
        TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(sem, 0));
        TEST_ASSERT_EQUAL(n - 1U, uxSemaphoreGetCount(sem));
    }
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreTake(sem, 0));
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_counting_each_give_wakes_one_waiter)
{
    sem = xSemaphoreCreateCounting(2, 0);
    ptest_task_create(take_tagged, "a", KT_P1, (void *)1);
    ptest_task_create(take_tagged, "b", KT_P1, (void *)2);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    KT_EXPECT_LOG(1);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    KT_EXPECT_LOG(1, 2);
    TEST_ASSERT_EQUAL(0U, uxSemaphoreGetCount(sem));
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_counting_large_maximum_needs_no_storage)
{
    const size_t heap = xPortGetFreeHeapSize();
    sem = xSemaphoreCreateCounting(1000000U, 0);
    TEST_ASSERT_NOT_NULL(sem);
    TEST_ASSERT(heap - xPortGetFreeHeapSize() < 1024U);
    vSemaphoreDelete(sem);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

/* ----- Static creation ---------------------------------------------------------------------- */

PTEST(Kernel, sem_static_creation_uses_given_buffer)
{
    static StaticSemaphore_t buffers[3];
    const size_t heap = xPortGetFreeHeapSize();
    SemaphoreHandle_t bin = xSemaphoreCreateBinaryStatic(&buffers[0]);
    SemaphoreHandle_t cnt = xSemaphoreCreateCountingStatic(4, 1, &buffers[1]);
    SemaphoreHandle_t mtx = xSemaphoreCreateMutexStatic(&buffers[2]);
    TEST_ASSERT_EQUAL_PTR(&buffers[0], bin);
    TEST_ASSERT_EQUAL_PTR(&buffers[1], cnt);
    TEST_ASSERT_EQUAL_PTR(&buffers[2], mtx);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
    TEST_ASSERT_EQUAL(0U, uxSemaphoreGetCount(bin));
    TEST_ASSERT_EQUAL(1U, uxSemaphoreGetCount(cnt));
    TEST_ASSERT_EQUAL(1U, uxSemaphoreGetCount(mtx));
    StaticSemaphore_t *b = NULL;
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGetStaticBuffer(cnt, &b));
    TEST_ASSERT_EQUAL_PTR(&buffers[1], b);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(mtx, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(mtx));
    vSemaphoreDelete(bin);
    vSemaphoreDelete(cnt);
    vSemaphoreDelete(mtx);
}

PTEST(Kernel, sem_dynamic_has_no_static_buffer)
{
    sem = xSemaphoreCreateBinary();
    StaticSemaphore_t *b = NULL;
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreGetStaticBuffer(sem, &b));
    vSemaphoreDelete(sem);
}

/* ----- FromISR -------------------------------------------------------------------------------- */

static void give_take_isr(void)
{
    BaseType_t woken = pdFALSE;
    isr_result[0] = xSemaphoreGiveFromISR(sem, &woken);
    isr_result[1] = xSemaphoreGiveFromISR(sem, &woken);
    isr_count = uxSemaphoreGetCountFromISR(sem);
    isr_result[2] = xSemaphoreTakeFromISR(sem, &woken);
    isr_woken = woken;
}

PTEST(Kernel, sem_give_and_take_from_isr)
{
    sem = xSemaphoreCreateBinary();
    kt_run_in_isr(give_take_isr);
    TEST_ASSERT_EQUAL(pdTRUE, isr_result[0]);
    TEST_ASSERT_EQUAL(pdFALSE, isr_result[1]); /* already given */
    TEST_ASSERT_EQUAL(1U, isr_count);
    TEST_ASSERT_EQUAL(pdTRUE, isr_result[2]);
    TEST_ASSERT_EQUAL(pdFALSE, isr_woken);
    TEST_ASSERT_EQUAL(0U, uxSemaphoreGetCount(sem));
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_counting_give_and_take_from_isr)
{
    sem = xSemaphoreCreateCounting(3, 1);
    kt_run_in_isr(give_take_isr);
    TEST_ASSERT_EQUAL(pdTRUE, isr_result[0]);
    TEST_ASSERT_EQUAL(pdTRUE, isr_result[1]);
    TEST_ASSERT_EQUAL(3U, isr_count);
    TEST_ASSERT_EQUAL(pdTRUE, isr_result[2]);
    TEST_ASSERT_EQUAL(2U, uxSemaphoreGetCount(sem));
    vSemaphoreDelete(sem);
}

static void take_empty_isr(void)
{
    BaseType_t woken = pdFALSE;
    isr_result[0] = xSemaphoreTakeFromISR(sem, &woken);
}

PTEST(Kernel, sem_take_from_isr_when_empty_fails)
{
    sem = xSemaphoreCreateBinary();
    kt_run_in_isr(take_empty_isr);
    TEST_ASSERT_EQUAL(pdFALSE, isr_result[0]);
    vSemaphoreDelete(sem);
}

static void give_yield_isr(void)
{
    BaseType_t woken = pdFALSE;
    kt_log(-1);
    isr_result[0] = xSemaphoreGiveFromISR(sem, &woken);
    isr_woken = woken;
    portYIELD_FROM_ISR(woken);
}

PTEST(Kernel, sem_give_from_isr_wakes_higher_task_on_isr_exit)
{
    sem = xSemaphoreCreateBinary();
    ptest_task_create(take_log, "take", KT_P1, (void *)portMAX_DELAY);
    kt_run_in_isr(give_yield_isr);
    kt_log(-2);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
    KT_EXPECT_LOG(-1, pdTRUE, 0, -2);
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_give_from_isr_lower_task_leaves_woken_false)
{
    sem = xSemaphoreCreateBinary();
    TaskHandle_t h = ptest_task_create(take_log, "low", KT_LOW, (void *)portMAX_DELAY);
    vTaskDelay(1);
    kt_run_in_isr(give_yield_isr);
    TEST_ASSERT_EQUAL(pdFALSE, isr_woken);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    vTaskDelay(1);
    KT_EXPECT_LOG(-1, pdTRUE, 1);
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sem_timed_isr_give_wakes_taker_at_exact_tick)
{
    sem = xSemaphoreCreateBinary();
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, give_yield_isr);
    const TickType_t t0 = xTaskGetTickCount();
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 4);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(sem, 50));
    TEST_ASSERT_EQUAL(t0 + 4U, xTaskGetTickCount());
    vSemaphoreDelete(sem);
}
