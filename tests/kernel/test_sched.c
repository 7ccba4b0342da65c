/*
 * test_sched.c - scheduling: priority order, FIFO within a priority, round
 * robin with taskYIELD, time slicing, O(1) selection at any priority, and
 * the yields of vTaskPrioritySet.
 */
#include "ktest.h"

static SemaphoreHandle_t sem;
static QueueHandle_t q;

static void log_arg(void *arg)
{
    kt_log((int)(intptr_t)arg);
}

/* ----- Priority order and FIFO ------------------------------------------------------- */

PTEST(Kernel, sched_fifo_within_a_priority)
{
    kt_log_reset();
    ptest_task_create(log_arg, "a", KT_LOW, (void *)1);
    ptest_task_create(log_arg, "b", KT_LOW, (void *)2);
    ptest_task_create(log_arg, "c", KT_LOW, (void *)3);
    vTaskDelay(1);
    KT_EXPECT_LOG(1, 2, 3);
}

static void delay_10_log(void *arg)
{
    vTaskDelay(10);
    kt_log((int)(intptr_t)arg);
}

PTEST(Kernel, sched_fifo_among_tasks_woken_on_the_same_tick)
{
    kt_log_reset();
    ptest_task_create(delay_10_log, "a", KT_P1, (void *)1);
    ptest_task_create(delay_10_log, "b", KT_P1, (void *)2);
    ptest_task_create(delay_10_log, "c", KT_P1, (void *)3);
    vTaskDelay(11);
    KT_EXPECT_LOG(1, 2, 3);
}

PTEST(Kernel, sched_highest_priority_ready_task_runs_first)
{
    /* Priorities spread over the bitmap words when configMAX_PRIORITIES is
     * large; created lowest first so creation order cannot explain the run
     * order. */
    const UBaseType_t wanted[] = {
        KT_P1, 31U, 32U, 33U, 63U, 64U, configMAX_PRIORITIES / 2U, configMAX_PRIORITIES - 1U};
    UBaseType_t used[sizeof wanted / sizeof wanted[0]];
    unsigned n = 0;
    for (unsigned i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
        if (wanted[i] > KT_RUN && wanted[i] < configMAX_PRIORITIES &&
            (n == 0U || wanted[i] > used[n - 1U])) {
            used[n++] = wanted[i];
        }
    }
    kt_log_reset();
    vTaskSuspendAll();
    for (unsigned i = 0; i < n; i++) {
        ptest_task_create(log_arg, "prio", used[i], (void *)(intptr_t)used[i]);
    }
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    TEST_ASSERT_EQUAL(pdTRUE, xTaskResumeAll());
    TEST_ASSERT_EQUAL(n, kt_log_count());
    for (unsigned i = 0; i < n; i++) {
        TEST_ASSERT_EQUAL((int)used[n - 1U - i], kt_log_at(i));
    }
}

PTEST(Kernel, sched_task_at_highest_priority_preempts)
{
    kt_log_reset();
    kt_log(0);
    TaskHandle_t h = ptest_task_create(log_arg, "max", configMAX_PRIORITIES - 1U, (void *)1);
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
    TEST_ASSERT(ptest_task_done(h));
}

PTEST(Kernel, sched_idle_priority_task_runs_when_others_block)
{
    TaskHandle_t h = ptest_task_create(log_arg, "idleprio", tskIDLE_PRIORITY, (void *)1);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    vTaskDelay(1);
    KT_EXPECT_LOG(1);
}

static void idle_priority_yield_loop(void *arg)
{
    for (int i = 0; i < 3; i++) {
        kt_log((int)(intptr_t)arg + i);
        taskYIELD();
    }
}

PTEST(Kernel, sched_idle_priority_tasks_share_the_cpu)
{
    TaskHandle_t a = ptest_task_create(idle_priority_yield_loop, "a", tskIDLE_PRIORITY, (void *)10);
    TaskHandle_t b = ptest_task_create(idle_priority_yield_loop, "b", tskIDLE_PRIORITY, (void *)20);
    kt_wait_done(a, 5);
    kt_wait_done(b, 5);
    TEST_ASSERT_EQUAL(6U, kt_log_count());
    TEST_ASSERT_EQUAL(10, kt_log_at(0));
    TEST_ASSERT_EQUAL(20, kt_log_at(1));
    TEST_ASSERT_EQUAL(11, kt_log_at(2));
    TEST_ASSERT_EQUAL(21, kt_log_at(3));
}

/* ----- Round robin and time slicing ------------------------------------------------------- */

static void yield_loop(void *arg)
{
    const int id = (int)(intptr_t)arg;
    for (int i = 0; i < 3; i++) {
        kt_log(id * 10 + i);
        taskYIELD();
    }
}

PTEST(Kernel, sched_round_robin_with_taskyield)
{
    kt_log_reset();
    TaskHandle_t a = ptest_task_create(yield_loop, "a", KT_RUN, (void *)1);
    TaskHandle_t b = ptest_task_create(yield_loop, "b", KT_RUN, (void *)2);
    yield_loop((void *)0);
    kt_wait_done(a, 5);
    kt_wait_done(b, 5);
    KT_EXPECT_LOG(0, 10, 20, 1, 11, 21, 2, 12, 22);
}

static volatile int slice_owner;

static void slicer(void *arg)
{
    const int id = (int)(intptr_t)arg;
    for (int i = 0; i < 40; i++) {
        if (slice_owner != id) {
            slice_owner = id;
            kt_log(id * 1000 + (int)kt_elapsed());
        }
        board_burn_cpu(100);
    }
}

PTEST(Kernel, sched_time_slicing_between_equal_priorities)
{
    kt_log_reset();
    slice_owner = 0;
    vTaskDelay(1); /* start on a tick boundary */
    kt_mark();
    vTaskSuspendAll();
    TaskHandle_t a = ptest_task_create(slicer, "a", KT_P1, (void *)1);
    TaskHandle_t b = ptest_task_create(slicer, "b", KT_P1, (void *)2);
    (void)xTaskResumeAll();
    kt_wait_done(a, 20);
    kt_wait_done(b, 20);
    /* Each tick hands the CPU to the other task (the first slices; the
     * tail depends on how exactly the board burns CPU time). */
    static const int expected[] = {1000, 2001, 1002, 2003, 1004, 2005};
    TEST_ASSERT(kt_log_count() >= 6U);
    for (unsigned i = 0; i < 6U; i++) {
        TEST_ASSERT_EQUAL(expected[i], kt_log_at(i));
    }
}

static void burn_5ms(void *arg)
{
    (void)arg;
    kt_log(0);
    board_burn_cpu(5000);
    kt_log(200);
}

static void delay_2_log(void *arg)
{
    (void)arg;
    vTaskDelay(2);
    kt_log(100 + (int)kt_elapsed());
}

PTEST(Kernel, sched_task_woken_by_tick_preempts_cpu_bound_task)
{
    kt_log_reset();
    vTaskDelay(1);
    kt_mark();
    ptest_task_create(delay_2_log, "high", KT_P2, NULL);
    TaskHandle_t l = ptest_task_create(burn_5ms, "burner", KT_P1, NULL);
    kt_wait_done(l, 20);
    KT_EXPECT_LOG(0, 102, 200);
}

/* ----- vTaskPrioritySet yielding -------------------------------------------------------- */

PTEST(Kernel, sched_priority_raise_other_above_self_preempts_immediately)
{
    kt_log_reset();
    TaskHandle_t h = ptest_task_create(log_arg, "low", KT_LOW, (void *)1);
    kt_log(0);
    vTaskPrioritySet(h, KT_P1);
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
}

PTEST(Kernel, sched_priority_raise_other_to_equal_does_not_preempt)
{
    kt_log_reset();
    TaskHandle_t h = ptest_task_create(log_arg, "low", KT_LOW, (void *)1);
    vTaskPrioritySet(h, KT_RUN);
    kt_log(0);
    taskYIELD();
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
}

PTEST(Kernel, sched_priority_lower_self_below_ready_task_yields)
{
    kt_log_reset();
    vTaskPrioritySet(NULL, KT_P2);
    ptest_task_create(log_arg, "mid", KT_P1, (void *)1);
    kt_log(0);
    vTaskPrioritySet(NULL, KT_RUN);
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
}

PTEST(Kernel, sched_priority_lower_self_still_highest_does_not_yield)
{
    kt_log_reset();
    vTaskPrioritySet(NULL, KT_P2);
    ptest_task_create(log_arg, "low", KT_LOW, (void *)1);
    vTaskPrioritySet(NULL, KT_P1);
    kt_log(0);
    vTaskDelay(1);
    KT_EXPECT_LOG(0, 1);
}

static void take_and_log(void *arg)
{
    if (xSemaphoreTake(sem, portMAX_DELAY) == pdTRUE) {
        kt_log((int)(intptr_t)arg);
    }
}

PTEST(Kernel, sched_priority_raise_self_above_waiter_defers_it)
{
    kt_log_reset();
    sem = xSemaphoreCreateBinary();
    TaskHandle_t h = ptest_task_create(take_and_log, "waiter", KT_P1, (void *)1);
    vTaskPrioritySet(NULL, KT_P2);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    kt_log(0);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    vTaskPrioritySet(NULL, KT_RUN);
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
    vSemaphoreDelete(sem);
}

PTEST(Kernel, sched_priority_raise_blocked_task_keeps_it_blocked)
{
    kt_log_reset();
    kt_mark();
    TaskHandle_t h = ptest_task_create(delay_10_log, "blocked", KT_LOW, (void *)1);
    vTaskDelay(1);
    vTaskPrioritySet(h, KT_P3);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    TEST_ASSERT_EQUAL(KT_P3, uxTaskPriorityGet(h));
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    while (kt_log_count() == 0U) {
        vTaskDelay(1);
    }
    TEST_ASSERT_EQUAL(10U, kt_elapsed()); /* it started its delay at once */
}

PTEST(Kernel, sched_priority_lower_waiter_below_self_defers_it)
{
    kt_log_reset();
    sem = xSemaphoreCreateBinary();
    TaskHandle_t h = ptest_task_create(take_and_log, "waiter", KT_P1, (void *)1);
    vTaskPrioritySet(h, KT_LOW);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    kt_log(0);
    vTaskDelay(1);
    KT_EXPECT_LOG(0, 1);
    vSemaphoreDelete(sem);
}

static void receive_log(void *arg)
{
    int v = 0;
    if (xQueueReceive(q, &v, portMAX_DELAY) == pdPASS) {
        kt_log((int)(intptr_t)arg * 10 + v);
    }
}

PTEST(Kernel, sched_priority_change_reorders_waiters)
{
    kt_log_reset();
    q = xQueueCreate(2, sizeof(int));
    ptest_task_create(receive_log, "a", KT_P1, (void *)1);
    TaskHandle_t b = ptest_task_create(receive_log, "b", KT_P1, (void *)2);
    vTaskPrioritySet(b, KT_P2);
    vTaskPrioritySet(NULL, KT_P3);
    for (int v = 1; v <= 2; v++) {
        TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    }
    vTaskPrioritySet(NULL, KT_RUN);
    KT_EXPECT_LOG(21, 12);
    vQueueDelete(q);
}

PTEST(Kernel, sched_priority_set_null_is_caller)
{
    vTaskPrioritySet(NULL, KT_P1);
    TEST_ASSERT_EQUAL(KT_P1, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(KT_P1, uxTaskBasePriorityGet(NULL));
    vTaskPrioritySet(NULL, KT_RUN);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
}
