/*
 * test_errors.c - bad input and misuse: each case trips configASSERT()
 * before the kernel changes any state (TEST_EXPECT_ASSERT), and where the
 * API documents an error return, the call returns it when the assertion
 * lets it continue (TEST_EXPECT_ASSERT_CONTINUE). Every test then checks
 * that the object or the kernel still works.
 */
#include "ktest.h"

static QueueHandle_t q;
static SemaphoreHandle_t sem;
static TaskHandle_t target;
static volatile int isr_asserts;

static TaskHandle_t self(void)
{
    return xTaskGetCurrentTaskHandle();
}

/* A send and a receive that must work on q. */
static void check_queue_works(void)
{
    int v = 12;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    v = 0;
    TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q, &v, 0));
    TEST_ASSERT_EQUAL(12, v);
}

/* ----- Queue creation and handles ----------------------------------------------------- */

PTEST(Kernel, err_queue_zero_length_returns_null)
{
    q = (QueueHandle_t)1;
    TEST_EXPECT_ASSERT_CONTINUE(q = xQueueCreate(0, sizeof(int)));
    TEST_ASSERT_NULL(q);
    q = xQueueCreate(1, sizeof(int));
    check_queue_works();
    vQueueDelete(q);
}

PTEST(Kernel, err_queue_storage_size_overflow_returns_null)
{
    const size_t heap = xPortGetFreeHeapSize();
    q = (QueueHandle_t)1;
    TEST_EXPECT_ASSERT_CONTINUE(q = xQueueCreate(((UBaseType_t)-1) / 2U, 4));
    TEST_ASSERT_NULL(q);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, err_queue_static_missing_buffers_return_null)
{
    static uint8_t storage[8];
    static StaticQueue_t buffer;
    q = (QueueHandle_t)1;
    TEST_EXPECT_ASSERT_CONTINUE(q = xQueueCreateStatic(2, 4, NULL, &buffer));
    TEST_ASSERT_NULL(q);
    TEST_EXPECT_ASSERT_CONTINUE(q = xQueueCreateStatic(2, 4, storage, NULL));
    TEST_ASSERT_NULL(q);
    q = xQueueCreateStatic(2, 4, storage, &buffer);
    TEST_ASSERT_NOT_NULL(q);
    check_queue_works();
    vQueueDelete(q);
}

PTEST(Kernel, err_queue_null_handle)
{
    int v = 1;
    BaseType_t r = pdPASS;
    TEST_EXPECT_ASSERT(xQueueSend(NULL, &v, 0));
    TEST_EXPECT_ASSERT_CONTINUE(r = xQueueSend(NULL, &v, 0));
    TEST_ASSERT_EQUAL(errQUEUE_FULL, r);
    TEST_EXPECT_ASSERT_CONTINUE(r = xQueueReceive(NULL, &v, 0));
    TEST_ASSERT_EQUAL(errQUEUE_EMPTY, r);
    TEST_EXPECT_ASSERT_CONTINUE(r = xQueuePeek(NULL, &v, 0));
    TEST_ASSERT_EQUAL(errQUEUE_EMPTY, r);
    TEST_EXPECT_ASSERT_CONTINUE(r = xSemaphoreTake(NULL, 0));
    TEST_ASSERT_EQUAL(pdFALSE, r);
    TEST_EXPECT_ASSERT(uxQueueMessagesWaiting(NULL));
    TEST_EXPECT_ASSERT(vQueueDelete(NULL));
}

PTEST(Kernel, err_data_queue_null_item_is_refused)
{
    q = xQueueCreate(2, sizeof(int));
    BaseType_t r = pdPASS;
    TEST_EXPECT_ASSERT_CONTINUE(r = xQueueSend(q, NULL, 0));
    TEST_ASSERT_EQUAL(errQUEUE_FULL, r);
    TEST_ASSERT_EQUAL(0U, uxQueueMessagesWaiting(q));
    int v = 3;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    TEST_EXPECT_ASSERT_CONTINUE(r = xQueueReceive(q, NULL, 0));
    TEST_ASSERT_EQUAL(errQUEUE_EMPTY, r);
    TEST_EXPECT_ASSERT_CONTINUE(r = xSemaphoreTake(q, 0));
    TEST_ASSERT_EQUAL(pdFALSE, r);
    TEST_ASSERT_EQUAL(1U, uxQueueMessagesWaiting(q));
    TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q, &v, 0));
    TEST_ASSERT_EQUAL(3, v);
    vQueueDelete(q);
}

PTEST(Kernel, err_zero_item_size_queue_counts_null_items)
{
    q = xQueueCreate(2, 0);
    TEST_ASSERT_NOT_NULL(q);
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, NULL, 0));
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, NULL, 0));
    TEST_ASSERT_EQUAL(errQUEUE_FULL, xQueueSend(q, NULL, 0));
    TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q, NULL, 0));
    TEST_ASSERT_EQUAL(1U, uxQueueMessagesWaiting(q));
    vQueueDelete(q);
}

PTEST(Kernel, err_overwrite_on_longer_queue_is_refused)
{
    q = xQueueCreate(2, sizeof(int));
    int v = 1;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    v = 2;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    v = 9;
    BaseType_t r = pdPASS;
    TEST_EXPECT_ASSERT_CONTINUE(r = xQueueOverwrite(q, &v));
    TEST_ASSERT_EQUAL(errQUEUE_FULL, r);
    for (int want = 1; want <= 2; want++) {
        TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q, &v, 0));
        TEST_ASSERT_EQUAL(want, v);
    }
    check_queue_works();
    vQueueDelete(q);
}

static void receive_forever(void *arg)
{
    int v = 0;
    (void)arg;
    if (xQueueReceive(q, &v, portMAX_DELAY) == pdPASS) {
        kt_log(v);
    }
}

PTEST(Kernel, err_delete_queue_with_waiter)
{
    q = xQueueCreate(1, sizeof(int));
    ptest_task_create(receive_forever, "waiter", KT_P1, NULL);
    TEST_EXPECT_ASSERT(vQueueDelete(q));
    int v = 4;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    KT_EXPECT_LOG(4);
    vQueueDelete(q);
}

PTEST(Kernel, err_delete_queue_set_member)
{
    QueueSetHandle_t set = xQueueCreateSet(1);
    q = xQueueCreate(1, sizeof(int));
    TEST_ASSERT_EQUAL(pdPASS, xQueueAddToSet(q, set));
    TEST_EXPECT_ASSERT(vQueueDelete(q));
    TEST_ASSERT_EQUAL(pdFAIL, xQueueAddToSet(set, set));
    TEST_ASSERT_EQUAL(pdPASS, xQueueRemoveFromSet(q, set));
    check_queue_works();
    vQueueDelete(q);
    vQueueDelete(set);
}

/* ----- Semaphores and mutexes --------------------------------------------------------------- */

PTEST(Kernel, err_counting_semaphore_bad_counts_return_null)
{
    sem = (SemaphoreHandle_t)1;
    TEST_EXPECT_ASSERT_CONTINUE(sem = xSemaphoreCreateCounting(0, 0));
    TEST_ASSERT_NULL(sem);
    sem = (SemaphoreHandle_t)1;
    TEST_EXPECT_ASSERT_CONTINUE(sem = xSemaphoreCreateCounting(2, 3));
    TEST_ASSERT_NULL(sem);
    sem = xSemaphoreCreateCounting(2, 2);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(sem, 0));
    vSemaphoreDelete(sem);
}

PTEST(Kernel, err_recursive_calls_on_plain_mutex)
{
    sem = xSemaphoreCreateMutex();
    TEST_EXPECT_ASSERT(xSemaphoreTakeRecursive(sem, 0));
    TEST_EXPECT_ASSERT(xSemaphoreGiveRecursive(sem));
    TEST_ASSERT_NULL(xSemaphoreGetMutexHolder(sem));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(sem, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(sem));
    vSemaphoreDelete(sem);
}

/* ----- Tasks ---------------------------------------------------------------------------------- */

PTEST(Kernel, err_task_create_bad_arguments)
{
    static StaticTask_t tcb;
    static StackType_t stack[8];
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    const size_t heap = xPortGetFreeHeapSize();
    BaseType_t r = pdPASS;
    TaskHandle_t h = (TaskHandle_t)1;
    TEST_EXPECT_ASSERT_CONTINUE(r = xTaskCreate(NULL, "null", PTEST_TASK_STACK, NULL, KT_LOW, &h));
    TEST_ASSERT_EQUAL(errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY, r);
    TEST_EXPECT_ASSERT_CONTINUE(r = xTaskCreate(kt_park, "zero", 0, NULL, KT_LOW, &h));
    TEST_ASSERT_EQUAL(errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY, r);
    TEST_EXPECT_ASSERT_CONTINUE(h = xTaskCreateStatic(kt_park, "st", 8, NULL, KT_LOW, NULL, &tcb));
    TEST_ASSERT_NULL(h);
    h = (TaskHandle_t)1;
    TEST_EXPECT_ASSERT_CONTINUE(h = xTaskCreateStatic(kt_park, "st", 8, NULL, KT_LOW, stack, NULL));
    TEST_ASSERT_NULL(h);
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, err_task_priority_too_high_is_capped)
{
    TaskHandle_t h = NULL;
    BaseType_t r = pdFAIL;
    TEST_EXPECT_ASSERT_CONTINUE(
        r = xTaskCreate(kt_park, "capped", PTEST_TASK_STACK, NULL, configMAX_PRIORITIES + 3U, &h));
    TEST_ASSERT_EQUAL(pdPASS, r);
    TEST_ASSERT_EQUAL(configMAX_PRIORITIES - 1U, uxTaskPriorityGet(h));
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h)); /* it ran at once */
    vTaskDelete(h);
}

PTEST(Kernel, err_priority_set_too_high_is_capped)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "capped", KT_LOW, NULL);
    TEST_EXPECT_ASSERT(vTaskPrioritySet(h, configMAX_PRIORITIES));
    TEST_ASSERT_EQUAL(KT_LOW, uxTaskPriorityGet(h));
    TEST_EXPECT_ASSERT_CONTINUE(vTaskPrioritySet(h, configMAX_PRIORITIES));
    TEST_ASSERT_EQUAL(configMAX_PRIORITIES - 1U, uxTaskPriorityGet(h));
    TEST_ASSERT_EQUAL(configMAX_PRIORITIES - 1U, uxTaskBasePriorityGet(h));
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h)); /* it preempted us and parked */
    vTaskDelete(h);
}

PTEST(Kernel, err_null_task_handles)
{
    TEST_EXPECT_ASSERT(xTaskAbortDelay(NULL));
    TEST_EXPECT_ASSERT(vTaskResume(NULL));
    TEST_EXPECT_ASSERT(eTaskGetState(NULL));
    TEST_ASSERT_EQUAL(eRunning, eTaskGetState(self()));
}

PTEST(Kernel, err_delay_until_bad_arguments)
{
    TickType_t prev = xTaskGetTickCount();
    TEST_EXPECT_ASSERT(xTaskDelayUntil(NULL, 5));
    TEST_EXPECT_ASSERT(xTaskDelayUntil(&prev, 0));
    const TickType_t t0 = prev;
    TEST_ASSERT_EQUAL(pdTRUE, xTaskDelayUntil(&prev, 2));
    TEST_ASSERT_EQUAL(t0 + 2U, xTaskGetTickCount());
}

PTEST(Kernel, err_get_handle_name_too_long)
{
    TEST_EXPECT_ASSERT(xTaskGetHandle("a name longer than any task name can be"));
    TEST_ASSERT_EQUAL_PTR(self(), xTaskGetHandle(pcTaskGetName(NULL)));
}

PTEST(Kernel, err_tls_index_out_of_range)
{
    static int x;
    void *p = &x;
    TEST_EXPECT_ASSERT_CONTINUE(
        vTaskSetThreadLocalStoragePointer(NULL, configNUM_THREAD_LOCAL_STORAGE_POINTERS, &x));
    TEST_EXPECT_ASSERT_CONTINUE(vTaskSetThreadLocalStoragePointer(NULL, -1, &x));
    TEST_EXPECT_ASSERT_CONTINUE(
        p = pvTaskGetThreadLocalStoragePointer(NULL, configNUM_THREAD_LOCAL_STORAGE_POINTERS));
    TEST_ASSERT_NULL(p);
    for (BaseType_t i = 0; i < configNUM_THREAD_LOCAL_STORAGE_POINTERS; i++) {
        TEST_ASSERT_NULL(pvTaskGetThreadLocalStoragePointer(NULL, i));
    }
}

/* ----- Notifications ------------------------------------------------------------------------ */

PTEST(Kernel, err_notify_index_out_of_range)
{
    const UBaseType_t bad = configTASK_NOTIFICATION_ARRAY_ENTRIES;
    BaseType_t r = pdPASS;
    uint32_t v = 0;
    TEST_EXPECT_ASSERT(xTaskNotifyIndexed(self(), bad, 1, eSetBits));
    TEST_EXPECT_ASSERT_CONTINUE(r = xTaskNotifyIndexed(self(), bad, 1, eSetBits));
    TEST_ASSERT_EQUAL(pdFAIL, r);
    TEST_EXPECT_ASSERT_CONTINUE(r = xTaskNotifyWaitIndexed(bad, 0, 0, &v, 5));
    TEST_ASSERT_EQUAL(pdFALSE, r);
    TEST_EXPECT_ASSERT_CONTINUE(v = ulTaskNotifyTakeIndexed(bad, pdTRUE, 5));
    TEST_ASSERT_EQUAL(0U, v);
    TEST_EXPECT_ASSERT_CONTINUE(r = xTaskNotifyStateClearIndexed(NULL, bad));
    TEST_ASSERT_EQUAL(pdFAIL, r);
    TEST_EXPECT_ASSERT_CONTINUE(v = ulTaskNotifyValueClearIndexed(NULL, bad, 1));
    TEST_ASSERT_EQUAL(0U, v);
    for (UBaseType_t i = 0; i < configTASK_NOTIFICATION_ARRAY_ENTRIES; i++) {
        TEST_ASSERT_EQUAL(pdFAIL, xTaskNotifyStateClearIndexed(NULL, i));
    }
    TEST_ASSERT_EQUAL(pdPASS, xTaskNotifyGive(self()));
    TEST_ASSERT_EQUAL(1U, ulTaskNotifyTake(pdTRUE, 0));
}

PTEST(Kernel, err_notify_null_task)
{
    BaseType_t r = pdPASS;
    TEST_EXPECT_ASSERT_CONTINUE(r = xTaskNotify(NULL, 1, eSetBits));
    TEST_ASSERT_EQUAL(pdFAIL, r);
    TEST_EXPECT_ASSERT_CONTINUE(r = xTaskNotifyGive(NULL));
    TEST_ASSERT_EQUAL(pdFAIL, r);
    TEST_ASSERT_EQUAL(pdFAIL, xTaskNotifyStateClear(NULL));
}

PTEST(Kernel, err_notify_invalid_action_changes_nothing)
{
    BaseType_t r = pdPASS;
    (void)xTaskNotify(self(), 5, eSetValueWithOverwrite);
    (void)xTaskNotifyStateClear(NULL);
    TEST_EXPECT_ASSERT_CONTINUE(r = xTaskNotify(self(), 1, (eNotifyAction)99));
    TEST_ASSERT_EQUAL(pdFAIL, r);
    TEST_ASSERT_EQUAL(pdFAIL, xTaskNotifyStateClear(NULL)); /* not made pending */
    TEST_ASSERT_EQUAL(5U, ulTaskNotifyValueClear(NULL, 0));
}

/* ----- Scheduler state ---------------------------------------------------------------------- */

PTEST(Kernel, err_blocking_while_scheduler_suspended)
{
    q = xQueueCreate(1, sizeof(int));
    sem = xSemaphoreCreateBinary();
    int v = 0;
    vTaskSuspendAll();
    TEST_EXPECT_ASSERT(xQueueReceive(q, &v, 10));
    TEST_EXPECT_ASSERT(xSemaphoreTake(sem, 5));
    TEST_EXPECT_ASSERT(vTaskDelay(1));
    TEST_EXPECT_ASSERT(ulTaskNotifyTake(pdTRUE, 3));
    TEST_ASSERT_EQUAL(errQUEUE_EMPTY, xQueueReceive(q, &v, 0)); /* no wait: allowed */
    (void)xTaskResumeAll();
    const TickType_t t0 = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreTake(sem, 2));
    TEST_ASSERT_EQUAL(t0 + 2U, xTaskGetTickCount());
    vSemaphoreDelete(sem);
    vQueueDelete(q);
}

PTEST(Kernel, err_resume_all_without_suspend)
{
    TEST_EXPECT_ASSERT(xTaskResumeAll());
    TEST_ASSERT_EQUAL(taskSCHEDULER_RUNNING, xTaskGetSchedulerState());
    vTaskSuspendAll();
    TEST_ASSERT_EQUAL(taskSCHEDULER_SUSPENDED, xTaskGetSchedulerState());
    (void)xTaskResumeAll();
    vTaskDelay(1);
}

static void misuse_while_suspended(void *arg)
{
    (void)arg;
    vTaskSuspendAll();
    TEST_EXPECT_ASSERT(vTaskSuspend(NULL));
    TEST_EXPECT_ASSERT(vTaskDelete(NULL));
    (void)xTaskResumeAll();
    kt_log(1);
    vTaskDelay(2);
    kt_log(2);
}

PTEST(Kernel, err_suspend_or_delete_self_while_scheduler_suspended)
{
    TaskHandle_t h = ptest_task_create(misuse_while_suspended, "misuse", KT_P1, NULL);
    KT_EXPECT_LOG(1);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    kt_wait_done(h, 5);
    KT_EXPECT_LOG(1, 2);
}

/* ----- Calls from interrupts ------------------------------------------------------------------ */

static void task_api_in_isr(void)
{
    int v = 0;
    TEST_EXPECT_ASSERT(xQueueSend(q, &v, 0));
    TEST_EXPECT_ASSERT(xQueueReceive(q, &v, 5));
    TEST_EXPECT_ASSERT(xSemaphoreTake(sem, 0));
    TEST_EXPECT_ASSERT(vTaskDelay(2));
    TEST_EXPECT_ASSERT(ulTaskNotifyTake(pdTRUE, 1));
    isr_asserts = 5;
}

PTEST(Kernel, err_task_level_calls_from_isr)
{
    q = xQueueCreate(1, sizeof(int));
    sem = xSemaphoreCreateMutex();
    isr_asserts = 0;
    kt_run_in_isr(task_api_in_isr);
    TEST_ASSERT_EQUAL(5, isr_asserts);
    check_queue_works();
    TEST_ASSERT_NULL(xSemaphoreGetMutexHolder(sem));
    vSemaphoreDelete(sem);
    vQueueDelete(q);
}

static void mutex_and_semaphore_misuse_isr(void)
{
    BaseType_t woken = pdFALSE;
    int v = 0;
    TEST_EXPECT_ASSERT(xSemaphoreGiveFromISR(sem, &woken));
    TEST_EXPECT_ASSERT(xSemaphoreTakeFromISR(sem, &woken));
    TEST_EXPECT_ASSERT(xQueueGiveFromISR(q, &woken));
    TEST_EXPECT_ASSERT(xQueuePeekFromISR(sem, &v));
    isr_asserts = 4;
}

PTEST(Kernel, err_mutex_and_item_misuse_from_isr)
{
    q = xQueueCreate(1, sizeof(int));
    sem = xSemaphoreCreateMutex();
    isr_asserts = 0;
    kt_run_in_isr(mutex_and_semaphore_misuse_isr);
    TEST_ASSERT_EQUAL(4, isr_asserts);
    TEST_ASSERT_EQUAL(1U, uxSemaphoreGetCount(sem));
    TEST_ASSERT_EQUAL(0U, uxQueueMessagesWaiting(q));
    vSemaphoreDelete(sem);
    vQueueDelete(q);
}

static void from_isr_api_in_unmasked_isr(void)
{
    BaseType_t woken = pdFALSE;
    int v = 1;
    TEST_EXPECT_ASSERT(xQueueSendFromISR(q, &v, &woken));
    TEST_EXPECT_ASSERT(xQueueReceiveFromISR(q, &v, &woken));
    TEST_EXPECT_ASSERT(xSemaphoreGiveFromISR(sem, &woken));
    TEST_EXPECT_ASSERT(xTaskNotifyFromISR(target, 1, eSetBits, &woken));
    TEST_EXPECT_ASSERT(vTaskNotifyGiveFromISR(target, &woken));
    TEST_EXPECT_ASSERT(xTaskResumeFromISR(target));
    TEST_EXPECT_ASSERT(xTaskGetTickCountFromISR());
    TEST_EXPECT_ASSERT(uxTaskPriorityGetFromISR(target));
    isr_asserts = 8;
}

PTEST(Kernel, err_from_isr_calls_from_unmasked_interrupt)
{
    KT_NEED_UNMASKED_INTERRUPTS();
    q = xQueueCreate(1, sizeof(int));
    sem = xSemaphoreCreateBinary();
    target = self();
    isr_asserts = 0;
    board_test_irq_set_handler(BOARD_TEST_IRQ_UNMASKED, from_isr_api_in_unmasked_isr);
    board_test_irq_trigger(BOARD_TEST_IRQ_UNMASKED);
    TEST_ASSERT_EQUAL(8, isr_asserts);
    TEST_ASSERT_EQUAL(0U, uxQueueMessagesWaiting(q));
    TEST_ASSERT_EQUAL(0U, uxSemaphoreGetCount(sem));
    TEST_ASSERT_EQUAL(pdFAIL, xTaskNotifyStateClear(NULL));
    check_queue_works();
    vSemaphoreDelete(sem);
    vQueueDelete(q);
}

/* ----- Heap ------------------------------------------------------------------------------------- */

PTEST(Kernel, err_heap_double_free_is_refused)
{
    const size_t heap = xPortGetFreeHeapSize();
    void *p = pvPortMalloc(48);
    void *guard = pvPortMalloc(48); /* keeps p from merging away */
    TEST_ASSERT_NOT_NULL(p);
    vPortFree(p);
    const size_t after_free = xPortGetFreeHeapSize();
    TEST_EXPECT_ASSERT_CONTINUE(vPortFree(p));
    TEST_ASSERT_EQUAL(after_free, xPortGetFreeHeapSize());
    vPortFree(guard);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, err_heap_free_of_foreign_pointer_is_refused)
{
    static uint64_t foreign[8];
    const size_t heap = xPortGetFreeHeapSize();
    TEST_EXPECT_ASSERT_CONTINUE(vPortFree(&foreign[4]));
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
    void *p = pvPortMalloc(16);
    TEST_ASSERT_NOT_NULL(p);
    vPortFree(p);
}
