/*
 * test_mutex.c - mutexes and recursive mutexes: ownership, blocking, and
 * priority inheritance (basic, several waiters, chains, disinheritance on
 * timeout, abort, suspension and deletion, two mutexes released in either
 * order, vTaskPrioritySet on holders and waiters).
 */
#include "ktest.h"

static SemaphoreHandle_t m1;
static SemaphoreHandle_t m2;
static volatile TaskHandle_t isr_holder;

static TaskHandle_t self(void)
{
    return xTaskGetCurrentTaskHandle();
}

/* Takes m1 (timeout in arg), logs the result and the time, gives it back. */
static void take_m1_log(void *arg)
{
    const BaseType_t r = xSemaphoreTake(m1, (TickType_t)(intptr_t)arg);
    kt_log((int)r);
    kt_log_elapsed();
    if (r == pdTRUE) {
        (void)xSemaphoreGive(m1);
    }
}

/* Takes m1 forever, logs its own priority (as an id), gives it back. */
static void take_m1_log_priority(void *arg)
{
    (void)arg;
    if (xSemaphoreTake(m1, portMAX_DELAY) == pdTRUE) {
        kt_log((int)uxTaskPriorityGet(NULL));
        (void)xSemaphoreGive(m1);
    }
}

/* Takes m1 and keeps it until deleted. */
static void hold_m1(void *arg)
{
    (void)arg;
    (void)xSemaphoreTake(m1, portMAX_DELAY);
    kt_park(NULL);
}

static void make_mutexes(void)
{
    m1 = xSemaphoreCreateMutex();
    m2 = xSemaphoreCreateMutex();
    TEST_ASSERT_NOT_NULL(m1);
    TEST_ASSERT_NOT_NULL(m2);
}

/* Creates the mutexes and takes m1 (the runner is the holder). */
static void take_m1_ourselves(void)
{
    make_mutexes();
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(m1, 0));
}

static void free_mutexes(void)
{
    vSemaphoreDelete(m1);
    vSemaphoreDelete(m2);
}

/* ----- Ownership ------------------------------------------------------------------------ */

PTEST(Kernel, mutex_created_available_without_holder)
{
    make_mutexes();
    TEST_ASSERT_EQUAL(queueQUEUE_TYPE_MUTEX, ucQueueGetQueueType(m1));
    TEST_ASSERT_EQUAL(1U, uxSemaphoreGetCount(m1));
    TEST_ASSERT_NULL(xSemaphoreGetMutexHolder(m1));
    free_mutexes();
}

PTEST(Kernel, mutex_take_sets_holder_and_give_clears_it)
{
    take_m1_ourselves();
    TEST_ASSERT_EQUAL_PTR(self(), xSemaphoreGetMutexHolder(m1));
    TEST_ASSERT_EQUAL(0U, uxSemaphoreGetCount(m1));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    TEST_ASSERT_NULL(xSemaphoreGetMutexHolder(m1));
    TEST_ASSERT_EQUAL(1U, uxSemaphoreGetCount(m1));
    free_mutexes();
}

PTEST(Kernel, mutex_give_when_not_taken_fails)
{
    make_mutexes();
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreGive(m1));
    TEST_ASSERT_EQUAL(1U, uxSemaphoreGetCount(m1));
    free_mutexes();
}

PTEST(Kernel, mutex_give_by_non_holder_fails)
{
    make_mutexes();
    TaskHandle_t h = kt_task_create_raw(hold_m1, "holder", KT_P1, NULL);
    TEST_ASSERT_EQUAL_PTR(h, xSemaphoreGetMutexHolder(m1));
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreGive(m1));
    TEST_ASSERT_EQUAL_PTR(h, xSemaphoreGetMutexHolder(m1));
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreTake(m1, 0));
    vTaskDelete(h);
    free_mutexes();
}

PTEST(Kernel, mutex_take_blocks_until_holder_gives)
{
    take_m1_ourselves();
    ptest_task_create(take_m1_log, "take", KT_P1, (void *)portMAX_DELAY);
    vTaskDelay(3);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    KT_EXPECT_LOG(pdTRUE, 3);
    TEST_ASSERT_NULL(xSemaphoreGetMutexHolder(m1));
    free_mutexes();
}

PTEST(Kernel, mutex_take_times_out_exactly)
{
    make_mutexes();
    TaskHandle_t h = kt_task_create_raw(hold_m1, "holder", KT_P1, NULL);
    const TickType_t t0 = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreTake(m1, 7));
    TEST_ASSERT_EQUAL(t0 + 7U, xTaskGetTickCount());
    vTaskDelete(h);
    free_mutexes();
}

PTEST(Kernel, mutex_holder_deleted_releases_it_to_waiter)
{
    make_mutexes();
    TaskHandle_t h = kt_task_create_raw(hold_m1, "holder", KT_LOW, NULL);
    vTaskDelay(1); /* it takes m1 */
    ptest_task_create(take_m1_log, "waiter", KT_P1, (void *)portMAX_DELAY);
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(h));
    vTaskDelete(h);
    KT_EXPECT_LOG(pdTRUE, 1);
    TEST_ASSERT_NULL(xSemaphoreGetMutexHolder(m1));
    free_mutexes();
}

static void read_holder_isr(void)
{
    isr_holder = xSemaphoreGetMutexHolderFromISR(m1);
}

PTEST(Kernel, mutex_holder_from_isr)
{
    make_mutexes();
    kt_run_in_isr(read_holder_isr);
    TEST_ASSERT_NULL(isr_holder);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(m1, 0));
    kt_run_in_isr(read_holder_isr);
    TEST_ASSERT_EQUAL_PTR(self(), isr_holder);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    free_mutexes();
}

PTEST(Kernel, mutex_holder_of_semaphore_is_null)
{
    SemaphoreHandle_t s = xSemaphoreCreateBinary();
    (void)xSemaphoreGive(s);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(s, 0));
    TEST_ASSERT_NULL(xSemaphoreGetMutexHolder(s));
    vSemaphoreDelete(s);
}

PTEST(Kernel, mutex_delete_while_held_by_caller)
{
    take_m1_ourselves();
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(m2, 0));
    vSemaphoreDelete(m1);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m2));
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    vSemaphoreDelete(m2);
}

/* ----- Priority inheritance ------------------------------------------------------------------ */

PTEST(Kernel, mutex_inheritance_basic)
{
    take_m1_ourselves();
    ptest_task_create(take_m1_log_priority, "high", KT_P2, NULL);
    TEST_ASSERT_EQUAL(KT_P2, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskBasePriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    KT_EXPECT_LOG((int)KT_P2);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    free_mutexes();
}

PTEST(Kernel, mutex_inherits_highest_of_several_waiters)
{
    take_m1_ourselves();
    ptest_task_create(take_m1_log_priority, "p1", KT_P1, NULL);
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(NULL));
    ptest_task_create(take_m1_log_priority, "p3", KT_P3, NULL);
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(NULL));
    ptest_task_create(take_m1_log_priority, "p2", KT_P2, NULL);
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    KT_EXPECT_LOG((int)KT_P3, (int)KT_P2, (int)KT_P1);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    free_mutexes();
}

static void chain_middle(void *arg)
{
    (void)arg;
    (void)xSemaphoreTake(m1, portMAX_DELAY);
    if (xSemaphoreTake(m2, portMAX_DELAY) == pdTRUE) {
        kt_log(20);
        (void)xSemaphoreGive(m1);
        kt_log(21);
        (void)xSemaphoreGive(m2);
    }
}

static void chain_top(void *arg)
{
    (void)arg;
    if (xSemaphoreTake(m1, (TickType_t)(intptr_t)arg) == pdTRUE) {
        kt_log(30);
        (void)xSemaphoreGive(m1);
    } else {
        kt_log(31);
    }
}

PTEST(Kernel, mutex_inheritance_follows_chains)
{
    make_mutexes();
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(m2, 0));
    TaskHandle_t b = ptest_task_create(chain_middle, "b", KT_P1, NULL);
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(NULL));
    ptest_task_create(chain_top, "a", KT_P3, (void *)portMAX_DELAY);
    /* a waits for m1 held by b, which waits for m2 held by us. */
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(b));
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(NULL));
    kt_log(0);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m2));
    kt_log(1);
    KT_EXPECT_LOG(0, 20, 30, 21, 1);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    free_mutexes();
}

PTEST(Kernel, mutex_chain_disinherits_when_top_waiter_times_out)
{
    make_mutexes();
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(m2, 0));
    TaskHandle_t b = ptest_task_create(chain_middle, "b", KT_P1, NULL);
    ptest_task_create(chain_top, "a", KT_P3, (void *)10);
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(NULL));
    vTaskDelay(10);
    KT_EXPECT_LOG(31);
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(b));
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m2));
    KT_EXPECT_LOG(31, 20, 21);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    free_mutexes();
}

PTEST(Kernel, mutex_disinherits_to_base_when_waiter_times_out)
{
    take_m1_ourselves();
    ptest_task_create(take_m1_log, "high", KT_P2, (void *)5);
    TEST_ASSERT_EQUAL(KT_P2, uxTaskPriorityGet(NULL));
    vTaskDelay(10);
    KT_EXPECT_LOG(pdFALSE, 5);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    free_mutexes();
}

PTEST(Kernel, mutex_disinherits_to_next_waiter_when_top_times_out)
{
    take_m1_ourselves();
    ptest_task_create(take_m1_log, "top", KT_P3, (void *)5);
    ptest_task_create(take_m1_log_priority, "next", KT_P1, NULL);
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(NULL));
    vTaskDelay(6);
    KT_EXPECT_LOG(pdFALSE, 5);
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    KT_EXPECT_LOG(pdFALSE, 5, (int)KT_P1);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    free_mutexes();
}

static void take_m2_log_priority(void *arg)
{
    (void)arg;
    if (xSemaphoreTake(m2, portMAX_DELAY) == pdTRUE) {
        kt_log(100 + (int)uxTaskPriorityGet(NULL));
        (void)xSemaphoreGive(m2);
    }
}

/* We hold m1 and m2; a (KT_P3) waits for m1 and b (KT_P1) for m2. */
static void hold_both_with_waiters(void)
{
    take_m1_ourselves();
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(m2, 0));
    ptest_task_create(take_m1_log_priority, "a", KT_P3, NULL);
    ptest_task_create(take_m2_log_priority, "b", KT_P1, NULL);
}

PTEST(Kernel, mutex_two_held_released_in_taking_order)
{
    hold_both_with_waiters();
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    KT_EXPECT_LOG((int)KT_P3);
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(NULL)); /* b still waits for m2 */
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m2));
    KT_EXPECT_LOG((int)KT_P3, 100 + (int)KT_P1);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    free_mutexes();
}

PTEST(Kernel, mutex_two_held_released_in_reverse_order)
{
    hold_both_with_waiters();
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m2));
    TEST_ASSERT_EQUAL(0U, kt_log_count());             /* b is below us */
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(NULL)); /* a still waits for m1 */
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    KT_EXPECT_LOG((int)KT_P3, 100 + (int)KT_P1);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    free_mutexes();
}

PTEST(Kernel, mutex_priority_set_on_holder_keeps_inherited_priority)
{
    take_m1_ourselves();
    ptest_task_create(take_m1_log_priority, "high", KT_P2, NULL);
    vTaskPrioritySet(NULL, KT_P1);
    TEST_ASSERT_EQUAL(KT_P2, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(KT_P1, uxTaskBasePriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    KT_EXPECT_LOG((int)KT_P2);
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(NULL));
    vTaskPrioritySet(NULL, KT_RUN);
    free_mutexes();
}

PTEST(Kernel, mutex_priority_set_on_holder_above_inherited_applies)
{
    take_m1_ourselves();
    TaskHandle_t h = ptest_task_create(take_m1_log_priority, "high", KT_P2, NULL);
    vTaskPrioritySet(NULL, KT_P3);
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h)); /* it got the mutex but is below us */
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskPrioritySet(NULL, KT_RUN);
    KT_EXPECT_LOG((int)KT_P2);
    free_mutexes();
}

PTEST(Kernel, mutex_priority_set_on_waiter_propagates_to_holder)
{
    take_m1_ourselves();
    TaskHandle_t w = ptest_task_create(take_m1_log_priority, "waiter", KT_P1, NULL);
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(NULL));
    vTaskPrioritySet(w, KT_P3);
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(NULL));
    vTaskPrioritySet(w, KT_LOW);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    vTaskDelay(1);
    KT_EXPECT_LOG((int)KT_LOW);
    free_mutexes();
}

PTEST(Kernel, mutex_disinherits_when_waiter_is_aborted)
{
    take_m1_ourselves();
    TaskHandle_t h = ptest_task_create(take_m1_log, "high", KT_P2, (void *)portMAX_DELAY);
    vTaskDelay(2);
    TEST_ASSERT_EQUAL(KT_P2, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    KT_EXPECT_LOG(pdFALSE, 2);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    free_mutexes();
}

PTEST(Kernel, mutex_disinherits_while_waiter_is_suspended)
{
    take_m1_ourselves();
    TaskHandle_t h = ptest_task_create(take_m1_log_priority, "high", KT_P2, NULL);
    TEST_ASSERT_EQUAL(KT_P2, uxTaskPriorityGet(NULL));
    vTaskSuspend(h);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    vTaskResume(h); /* it waits again */
    TEST_ASSERT_EQUAL(KT_P2, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    KT_EXPECT_LOG((int)KT_P2);
    free_mutexes();
}

static void take_m1_forever(void *arg)
{
    (void)arg;
    (void)xSemaphoreTake(m1, portMAX_DELAY);
    kt_park(NULL);
}

PTEST(Kernel, mutex_disinherits_when_waiter_is_deleted)
{
    take_m1_ourselves();
    TaskHandle_t h = kt_task_create_raw(take_m1_forever, "waiter", KT_P3, NULL);
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(NULL));
    vTaskDelete(h);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    free_mutexes();
}

static void cpu_bound_middle(void *arg)
{
    (void)arg;
    vTaskDelay(1);
    kt_log(20);
    board_burn_cpu(1000);
    kt_log(21);
}

PTEST(Kernel, mutex_inheritance_prevents_unbounded_inversion)
{
    make_mutexes();
    vTaskDelay(1);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(m1, 0));
    TaskHandle_t mid = ptest_task_create(cpu_bound_middle, "mid", KT_P1, NULL);
    ptest_task_create(take_m1_log_priority, "high", KT_P2, NULL);
    board_burn_cpu(3000); /* mid wakes meanwhile but is below our inherited priority */
    kt_log(0);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m1));
    kt_log(1);
    kt_wait_done(mid, 5);
    KT_EXPECT_LOG(0, (int)KT_P2, 20, 21, 1);
    free_mutexes();
}

/* ----- Recursive mutexes ------------------------------------------------------------------ */

PTEST(Kernel, mutex_recursive_nests_to_depth)
{
    m1 = xSemaphoreCreateRecursiveMutex();
    TEST_ASSERT_EQUAL(queueQUEUE_TYPE_RECURSIVE_MUTEX, ucQueueGetQueueType(m1));
    for (int i = 0; i < 3; i++) {
        TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTakeRecursive(m1, 0));
        TEST_ASSERT_EQUAL_PTR(self(), xSemaphoreGetMutexHolder(m1));
    }
    for (int i = 0; i < 2; i++) {
        TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGiveRecursive(m1));
        TEST_ASSERT_EQUAL_PTR(self(), xSemaphoreGetMutexHolder(m1));
    }
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGiveRecursive(m1));
    TEST_ASSERT_NULL(xSemaphoreGetMutexHolder(m1));
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreGiveRecursive(m1));
    vSemaphoreDelete(m1);
}

static void take_recursive_log(void *arg)
{
    (void)arg;
    if (xSemaphoreTakeRecursive(m1, portMAX_DELAY) == pdTRUE) {
        kt_log(1);
        (void)xSemaphoreGiveRecursive(m1);
    }
}

PTEST(Kernel, mutex_recursive_released_only_after_last_give)
{
    m1 = xSemaphoreCreateRecursiveMutex();
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTakeRecursive(m1, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTakeRecursive(m1, 0));
    ptest_task_create(take_recursive_log, "waiter", KT_P1, NULL);
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGiveRecursive(m1));
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGiveRecursive(m1));
    KT_EXPECT_LOG(1);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    vSemaphoreDelete(m1);
}

static void hold_recursive(void *arg)
{
    (void)arg;
    (void)xSemaphoreTakeRecursive(m1, portMAX_DELAY);
    (void)xSemaphoreTakeRecursive(m1, portMAX_DELAY);
    kt_park(NULL);
}

PTEST(Kernel, mutex_recursive_non_holder_cannot_give_or_take)
{
    m1 = xSemaphoreCreateRecursiveMutex();
    TaskHandle_t h = kt_task_create_raw(hold_recursive, "holder", KT_P1, NULL);
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreGiveRecursive(m1));
    const TickType_t t0 = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreTakeRecursive(m1, 4));
    TEST_ASSERT_EQUAL(t0 + 4U, xTaskGetTickCount());
    TEST_ASSERT_EQUAL_PTR(h, xSemaphoreGetMutexHolder(m1));
    vTaskDelete(h); /* its mutexes are released */
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTakeRecursive(m1, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGiveRecursive(m1));
    TEST_ASSERT_NULL(xSemaphoreGetMutexHolder(m1));
    vSemaphoreDelete(m1);
}

PTEST(Kernel, mutex_recursive_create_static)
{
    static StaticSemaphore_t buffer;
    const size_t heap = xPortGetFreeHeapSize();
    m1 = xSemaphoreCreateRecursiveMutexStatic(&buffer);
    TEST_ASSERT_EQUAL_PTR(&buffer, m1);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTakeRecursive(m1, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTakeRecursive(m1, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGiveRecursive(m1));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGiveRecursive(m1));
    vSemaphoreDelete(m1);
}
