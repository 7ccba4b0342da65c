/*
 * test_qset.c - queue sets (membership rules, select order and timeouts,
 * semaphores as members, FromISR) and the queue registry.
 */
#include "ktest.h"

static QueueSetHandle_t set;
static QueueHandle_t q1;
static QueueHandle_t q2;
static SemaphoreHandle_t sem;
static volatile QueueSetMemberHandle_t isr_member;
static volatile BaseType_t isr_woken;
static volatile int isr_value;

/* A set of two int queues of length 2 and a binary semaphore. */
static void make_set(void)
{
    set = xQueueCreateSet(2 + 2 + 1);
    q1 = xQueueCreate(2, sizeof(int));
    q2 = xQueueCreate(2, sizeof(int));
    sem = xSemaphoreCreateBinary();
    TEST_ASSERT_NOT_NULL(set);
    TEST_ASSERT_EQUAL(pdPASS, xQueueAddToSet(q1, set));
    TEST_ASSERT_EQUAL(pdPASS, xQueueAddToSet(q2, set));
    TEST_ASSERT_EQUAL(pdPASS, xQueueAddToSet(sem, set));
}

/* Members must be empty and out of the set before they are deleted. */
static void free_set(void)
{
    TEST_ASSERT_EQUAL(pdPASS, xQueueRemoveFromSet(q1, set));
    TEST_ASSERT_EQUAL(pdPASS, xQueueRemoveFromSet(q2, set));
    TEST_ASSERT_EQUAL(pdPASS, xQueueRemoveFromSet(sem, set));
    vQueueDelete(q1);
    vQueueDelete(q2);
    vSemaphoreDelete(sem);
    vQueueDelete(set);
}

static void send_int(QueueHandle_t q, int v)
{
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
}

/* Selects with no wait, expects `member`, and reads one int from it. */
static int select_and_read(QueueHandle_t member)
{
    int v = -1;
    TEST_ASSERT_EQUAL_PTR(member, xQueueSelectFromSet(set, 0));
    TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(member, &v, 0));
    return v;
}

/* ----- Membership ------------------------------------------------------------------ */

PTEST(Kernel, qset_add_and_remove_empty_members)
{
    make_set();
    free_set();
}

PTEST(Kernel, qset_member_joins_only_one_set)
{
    make_set();
    QueueSetHandle_t other = xQueueCreateSet(2);
    TEST_ASSERT_EQUAL(pdFAIL, xQueueAddToSet(q1, set));
    TEST_ASSERT_EQUAL(pdFAIL, xQueueAddToSet(q1, other));
    TEST_ASSERT_EQUAL(pdFAIL, xQueueRemoveFromSet(q1, other));
    vQueueDelete(other);
    free_set();
}

PTEST(Kernel, qset_non_empty_queue_cannot_join)
{
    set = xQueueCreateSet(2);
    q1 = xQueueCreate(2, sizeof(int));
    send_int(q1, 1);
    TEST_ASSERT_EQUAL(pdFAIL, xQueueAddToSet(q1, set));
    int v;
    TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q1, &v, 0));
    TEST_ASSERT_EQUAL(pdPASS, xQueueAddToSet(q1, set));
    TEST_ASSERT_EQUAL(pdPASS, xQueueRemoveFromSet(q1, set));
    vQueueDelete(q1);
    vQueueDelete(set);
}

PTEST(Kernel, qset_non_empty_member_cannot_leave)
{
    make_set();
    send_int(q1, 1);
    TEST_ASSERT_EQUAL(pdFAIL, xQueueRemoveFromSet(q1, set));
    TEST_ASSERT_EQUAL(1, select_and_read(q1));
    free_set();
}

PTEST(Kernel, qset_removed_member_is_no_longer_reported)
{
    make_set();
    TEST_ASSERT_EQUAL(pdPASS, xQueueRemoveFromSet(q2, set));
    TEST_ASSERT_EQUAL(pdFAIL, xQueueRemoveFromSet(q2, set));
    send_int(q2, 5);
    TEST_ASSERT_NULL(xQueueSelectFromSet(set, 0));
    int v;
    TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q2, &v, 0));
    TEST_ASSERT_EQUAL(pdPASS, xQueueAddToSet(q2, set));
    free_set();
}

/* ----- Select ------------------------------------------------------------------------ */

PTEST(Kernel, qset_select_reports_members_in_post_order)
{
    make_set();
    send_int(q1, 1);
    send_int(q2, 2);
    send_int(q1, 3);
    TEST_ASSERT_EQUAL(1, select_and_read(q1));
    TEST_ASSERT_EQUAL(2, select_and_read(q2));
    TEST_ASSERT_EQUAL(3, select_and_read(q1));
    TEST_ASSERT_NULL(xQueueSelectFromSet(set, 0));
    free_set();
}

PTEST(Kernel, qset_select_times_out_exactly)
{
    make_set();
    const TickType_t t0 = xTaskGetTickCount();
    TEST_ASSERT_NULL(xQueueSelectFromSet(set, 6));
    TEST_ASSERT_EQUAL(t0 + 6U, xTaskGetTickCount());
    free_set();
}

static void select_log(void *arg)
{
    int v = -1;
    (void)arg;
    QueueSetMemberHandle_t m = xQueueSelectFromSet(set, portMAX_DELAY);
    kt_log(m == q1 ? 1 : (m == q2 ? 2 : 0));
    if (m != NULL) {
        (void)xQueueReceive(m, &v, 0);
    }
    kt_log(v);
    kt_log_elapsed();
}

PTEST(Kernel, qset_select_blocks_until_a_member_has_data)
{
    make_set();
    ptest_task_create(select_log, "select", KT_P1, NULL);
    vTaskDelay(3);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    send_int(q2, 8);
    KT_EXPECT_LOG(2, 8, 3);
    free_set();
}

PTEST(Kernel, qset_select_aborted_returns_null)
{
    make_set();
    TaskHandle_t h = ptest_task_create(select_log, "select", KT_P1, NULL);
    vTaskDelay(2);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    KT_EXPECT_LOG(0, -1, 2);
    free_set();
}

PTEST(Kernel, qset_semaphore_member_reported_on_give)
{
    make_set();
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    send_int(q1, 4);
    TEST_ASSERT_EQUAL_PTR(sem, xQueueSelectFromSet(set, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(sem, 0));
    TEST_ASSERT_EQUAL(4, select_and_read(q1));
    free_set();
}

PTEST(Kernel, qset_counting_semaphore_reported_per_give)
{
    set = xQueueCreateSet(3);
    SemaphoreHandle_t counting = xSemaphoreCreateCounting(3, 0);
    TEST_ASSERT_EQUAL(pdPASS, xQueueAddToSet(counting, set));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(counting));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(counting));
    for (int i = 0; i < 2; i++) {
        TEST_ASSERT_EQUAL_PTR(counting, xQueueSelectFromSet(set, 0));
        TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(counting, 0));
    }
    TEST_ASSERT_NULL(xQueueSelectFromSet(set, 0));
    TEST_ASSERT_EQUAL(pdPASS, xQueueRemoveFromSet(counting, set));
    vSemaphoreDelete(counting);
    vQueueDelete(set);
}

PTEST(Kernel, qset_overwritten_mailbox_reported_once)
{
    set = xQueueCreateSet(1);
    q1 = xQueueCreate(1, sizeof(int));
    TEST_ASSERT_EQUAL(pdPASS, xQueueAddToSet(q1, set));
    int v = 1;
    TEST_ASSERT_EQUAL(pdPASS, xQueueOverwrite(q1, &v));
    v = 2;
    TEST_ASSERT_EQUAL(pdPASS, xQueueOverwrite(q1, &v));
    TEST_ASSERT_EQUAL(2, select_and_read(q1));
    TEST_ASSERT_NULL(xQueueSelectFromSet(set, 0));
    TEST_ASSERT_EQUAL(pdPASS, xQueueRemoveFromSet(q1, set));
    vQueueDelete(q1);
    vQueueDelete(set);
}

PTEST(Kernel, qset_create_static)
{
    static uint8_t storage[2 * sizeof(QueueSetMemberHandle_t)];
    static StaticQueue_t buffer;
    const size_t heap = xPortGetFreeHeapSize();
    set = xQueueCreateSetStatic(2, storage, &buffer);
    TEST_ASSERT_EQUAL_PTR(&buffer, set);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
    q1 = xQueueCreate(2, sizeof(int));
    TEST_ASSERT_EQUAL(pdPASS, xQueueAddToSet(q1, set));
    send_int(q1, 3);
    TEST_ASSERT_EQUAL(3, select_and_read(q1));
    TEST_ASSERT_EQUAL(pdPASS, xQueueRemoveFromSet(q1, set));
    vQueueDelete(q1);
    vQueueDelete(set);
}

static void select_isr(void)
{
    BaseType_t woken = pdFALSE;
    int v = -1;
    QueueSetMemberHandle_t m = xQueueSelectFromSetFromISR(set);
    isr_member = m;
    if (m != NULL) {
        (void)xQueueReceiveFromISR(m, &v, &woken);
    }
    isr_value = v;
}

PTEST(Kernel, qset_select_from_isr)
{
    make_set();
    kt_run_in_isr(select_isr);
    TEST_ASSERT_NULL(isr_member);
    send_int(q2, 6);
    kt_run_in_isr(select_isr);
    TEST_ASSERT_EQUAL_PTR(q2, isr_member);
    TEST_ASSERT_EQUAL(6, isr_value);
    TEST_ASSERT_NULL(xQueueSelectFromSet(set, 0));
    free_set();
}

static void send_member_isr(void)
{
    BaseType_t woken = pdFALSE;
    int v = 9;
    kt_log(-1);
    (void)xQueueSendFromISR(q1, &v, &woken);
    isr_woken = woken;
    portYIELD_FROM_ISR(woken);
}

PTEST(Kernel, qset_isr_send_to_member_wakes_selector)
{
    make_set();
    ptest_task_create(select_log, "select", KT_P1, NULL);
    kt_run_in_isr(send_member_isr);
    kt_log(-2);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
    KT_EXPECT_LOG(-1, 1, 9, 0, -2);
    free_set();
}

static void give_member_isr(void)
{
    BaseType_t woken = pdFALSE;
    (void)xSemaphoreGiveFromISR(sem, &woken);
    isr_woken = woken;
}

PTEST(Kernel, qset_isr_give_to_semaphore_member)
{
    make_set();
    kt_run_in_isr(give_member_isr);
    TEST_ASSERT_EQUAL(pdFALSE, isr_woken);
    TEST_ASSERT_EQUAL_PTR(sem, xQueueSelectFromSet(set, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(sem, 0));
    free_set();
}

/* ----- Registry --------------------------------------------------------------------------- */

PTEST(Kernel, registry_add_and_get_name)
{
    q1 = xQueueCreate(1, sizeof(int));
    TEST_ASSERT_NULL(pcQueueGetName(q1));
    vQueueAddToRegistry(q1, "kt_queue");
    TEST_ASSERT_EQUAL_STRING("kt_queue", pcQueueGetName(q1));
    vQueueUnregisterQueue(q1);
    vQueueDelete(q1);
}

PTEST(Kernel, registry_add_again_renames)
{
    q1 = xQueueCreate(1, sizeof(int));
    vQueueAddToRegistry(q1, "first");
    vQueueAddToRegistry(q1, "second");
    TEST_ASSERT_EQUAL_STRING("second", pcQueueGetName(q1));
    vQueueUnregisterQueue(q1);
    TEST_ASSERT_NULL(pcQueueGetName(q1));
    vQueueDelete(q1);
}

PTEST(Kernel, registry_names_are_per_queue)
{
    q1 = xQueueCreate(1, sizeof(int));
    sem = xSemaphoreCreateMutex();
    vQueueAddToRegistry(q1, "data");
    vQueueAddToRegistry(sem, "lock");
    TEST_ASSERT_EQUAL_STRING("data", pcQueueGetName(q1));
    TEST_ASSERT_EQUAL_STRING("lock", pcQueueGetName(sem));
    vQueueUnregisterQueue(q1);
    TEST_ASSERT_EQUAL_STRING("lock", pcQueueGetName(sem));
    vSemaphoreDelete(sem);
    vQueueDelete(q1);
}

PTEST(Kernel, registry_null_name_is_ignored)
{
    q1 = xQueueCreate(1, sizeof(int));
    vQueueAddToRegistry(q1, NULL);
    TEST_ASSERT_NULL(pcQueueGetName(q1));
    vQueueDelete(q1);
}

PTEST(Kernel, registry_delete_unregisters)
{
    q1 = xQueueCreate(1, sizeof(int));
    vQueueAddToRegistry(q1, "gone");
    vQueueDelete(q1);
    q1 = xQueueCreate(1, sizeof(int)); /* very likely the same memory */
    TEST_ASSERT_NULL(pcQueueGetName(q1));
    vQueueDelete(q1);
}

PTEST(Kernel, registry_full_ignores_extra_queues)
{
    static const char *const names[] = {"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"};
    QueueHandle_t qs[configQUEUE_REGISTRY_SIZE + 1];
    _Static_assert(configQUEUE_REGISTRY_SIZE + 1 <= sizeof names / sizeof names[0], "names");
    for (int i = 0; i <= configQUEUE_REGISTRY_SIZE; i++) {
        qs[i] = xQueueCreate(1, 1);
        TEST_ASSERT_NOT_NULL(qs[i]);
        vQueueAddToRegistry(qs[i], names[i]);
    }
    for (int i = 0; i < configQUEUE_REGISTRY_SIZE; i++) {
        TEST_ASSERT_EQUAL_STRING(names[i], pcQueueGetName(qs[i]));
    }
    TEST_ASSERT_NULL(pcQueueGetName(qs[configQUEUE_REGISTRY_SIZE]));
    vQueueUnregisterQueue(qs[0]);
    vQueueAddToRegistry(qs[configQUEUE_REGISTRY_SIZE], "late");
    TEST_ASSERT_EQUAL_STRING("late", pcQueueGetName(qs[configQUEUE_REGISTRY_SIZE]));
    for (int i = 0; i <= configQUEUE_REGISTRY_SIZE; i++) {
        vQueueDelete(qs[i]);
    }
}
