/*
 * test_task.c - task creation and deletion, task states, names and handles,
 * per-task data (TLS, tags, task numbers) and stack high-water marks.
 */
#include <string.h>

#include "ktest.h"

static volatile int ran;
static void *volatile seen_arg;
static volatile TaskHandle_t seen_handle;
static int marker;

/* Static task buffers, shared by the tests of this file. */
static StaticTask_t st_tcb;
static StackType_t st_stack[PTEST_TASK_STACK];

static void record_arg(void *arg)
{
    seen_arg = arg;
    seen_handle = xTaskGetCurrentTaskHandle();
    ran++;
}

static void log_arg(void *arg)
{
    kt_log((int)(intptr_t)arg);
}

static void record_and_park(void *arg)
{
    record_arg(arg);
    kt_park(NULL);
}

static void record_and_delete_self(void *arg)
{
    record_arg(arg);
    vTaskDelete(NULL);
}

static void receive_forever(void *arg)
{
    int v;
    (void)xQueueReceive((QueueHandle_t)arg, &v, portMAX_DELAY);
    kt_park(NULL);
}

static void delay_forever(void *arg)
{
    (void)arg;
    vTaskDelay(portMAX_DELAY);
    kt_park(NULL);
}

static void notify_wait_forever(void *arg)
{
    (void)arg;
    (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
    kt_park(NULL);
}

static void reset_state(void)
{
    ran = 0;
    seen_arg = NULL;
    seen_handle = NULL;
    kt_log_reset();
}

/* ----- Creation ---------------------------------------------------------------- */

PTEST(Kernel, task_create_dynamic_returns_pass_and_handle)
{
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    TaskHandle_t h = NULL;
    TEST_ASSERT_EQUAL(pdPASS, xTaskCreate(kt_park, "dyn", PTEST_TASK_STACK, NULL, KT_LOW, &h));
    TEST_ASSERT_NOT_NULL(h);
    TEST_ASSERT_EQUAL(n + 1U, uxTaskGetNumberOfTasks());
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    vTaskDelete(h);
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
}

PTEST(Kernel, task_create_passes_parameter)
{
    reset_state();
    TaskHandle_t h = ptest_task_create(record_arg, "param", KT_P1, &marker);
    TEST_ASSERT_EQUAL(1, ran);
    TEST_ASSERT_EQUAL_PTR(&marker, seen_arg);
    TEST_ASSERT_EQUAL_PTR(h, seen_handle);
}

PTEST(Kernel, task_create_without_handle_pointer)
{
    reset_state();
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    TEST_ASSERT_EQUAL(pdPASS, xTaskCreate(record_and_delete_self, "nohandle", PTEST_TASK_STACK,
                                          &marker, KT_P1, NULL));
    TEST_ASSERT_EQUAL(1, ran);
    kt_let_idle_run();
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
}

PTEST(Kernel, task_create_higher_priority_preempts_creator)
{
    reset_state();
    kt_log(0);
    ptest_task_create(log_arg, "higher", KT_P1, (void *)1);
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
}

PTEST(Kernel, task_create_lower_priority_runs_when_creator_blocks)
{
    reset_state();
    ptest_task_create(log_arg, "lower", KT_LOW, (void *)1);
    kt_log(0);
    vTaskDelay(1);
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
}

PTEST(Kernel, task_create_equal_priority_runs_when_creator_yields)
{
    reset_state();
    ptest_task_create(log_arg, "equal", KT_RUN, (void *)1);
    kt_log(0);
    taskYIELD();
    kt_log(2);
    KT_EXPECT_LOG(0, 1, 2);
}

PTEST(Kernel, task_create_static_uses_given_buffers)
{
    reset_state();
    const size_t heap = xPortGetFreeHeapSize();
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    TaskHandle_t h = xTaskCreateStatic(record_and_park, "static", PTEST_TASK_STACK, &marker, KT_P1,
                                       st_stack, &st_tcb);
    TEST_ASSERT_EQUAL_PTR(&st_tcb, h);
    TEST_ASSERT_EQUAL(1, ran);
    TEST_ASSERT_EQUAL_PTR(&marker, seen_arg);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
    TEST_ASSERT_EQUAL(n + 1U, uxTaskGetNumberOfTasks());
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    vTaskDelete(h);
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
    TEST_ASSERT_EQUAL(eDeleted, eTaskGetState(h));
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, task_create_static_self_delete_reaped_by_idle)
{
    reset_state();
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    TaskHandle_t h = xTaskCreateStatic(record_and_delete_self, "stdel", PTEST_TASK_STACK, NULL,
                                       KT_P1, st_stack, &st_tcb);
    TEST_ASSERT_EQUAL(1, ran);
    TEST_ASSERT_EQUAL(eDeleted, eTaskGetState(h));
    TEST_ASSERT_EQUAL(n + 1U, uxTaskGetNumberOfTasks());
    kt_let_idle_run();
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
    TEST_ASSERT_EQUAL(eDeleted, eTaskGetState(h));
}

PTEST(Kernel, task_create_static_buffers_reusable_after_delete)
{
    reset_state();
    for (int i = 0; i < 3; i++) {
        TaskHandle_t h = xTaskCreateStatic(record_and_park, "reuse", PTEST_TASK_STACK,
                                           (void *)(intptr_t)i, KT_P1, st_stack, &st_tcb);
        TEST_ASSERT_EQUAL(i + 1, ran);
        TEST_ASSERT_EQUAL_PTR((void *)(intptr_t)i, seen_arg);
        vTaskDelete(h);
    }
}

PTEST(Kernel, task_create_fails_cleanly_when_heap_exhausted)
{
    const size_t heap = xPortGetFreeHeapSize();
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    TaskHandle_t h = NULL;
    const configSTACK_DEPTH_TYPE depth =
        (configSTACK_DEPTH_TYPE)(configTOTAL_HEAP_SIZE / sizeof(StackType_t));
    TEST_ASSERT_EQUAL(errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY,
                      xTaskCreate(kt_park, "huge", depth, NULL, KT_LOW, &h));
    TEST_ASSERT_NULL(h);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
}

/* ----- Deletion ---------------------------------------------------------------- */

PTEST(Kernel, task_delete_self_is_freed_by_idle)
{
    reset_state();
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    const size_t heap = xPortGetFreeHeapSize();
    TaskHandle_t h = kt_task_create_raw(record_and_delete_self, "selfdel", KT_P1, NULL);
    TEST_ASSERT_EQUAL(1, ran);
    TEST_ASSERT_EQUAL(eDeleted, eTaskGetState(h));
    TEST_ASSERT_EQUAL(n + 1U, uxTaskGetNumberOfTasks());
    TEST_ASSERT(xPortGetFreeHeapSize() < heap);
    kt_let_idle_run();
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, task_delete_other_frees_immediately)
{
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    const size_t heap = xPortGetFreeHeapSize();
    TaskHandle_t h = kt_task_create_raw(kt_park, "other", KT_LOW, NULL);
    TEST_ASSERT(xPortGetFreeHeapSize() < heap);
    vTaskDelete(h);
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, task_delete_ready_task_never_runs)
{
    reset_state();
    TaskHandle_t h = kt_task_create_raw(record_and_park, "never", KT_LOW, NULL);
    vTaskDelete(h);
    vTaskDelay(3);
    TEST_ASSERT_EQUAL(0, ran);
}

PTEST(Kernel, task_delete_task_blocked_on_queue)
{
    QueueHandle_t q = xQueueCreate(1, sizeof(int));
    TEST_ASSERT_NOT_NULL(q);
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    TaskHandle_t h = kt_task_create_raw(receive_forever, "qwait", KT_P1, q);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    vTaskDelete(h);
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
    /* No waiter is left behind: the item stays in the queue. */
    int v = 7;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    TEST_ASSERT_EQUAL(1U, uxQueueMessagesWaiting(q));
    vQueueDelete(q);
}

PTEST(Kernel, task_delete_task_blocked_on_delay)
{
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    TaskHandle_t h = kt_task_create_raw(delay_forever, "dwait", KT_P1, NULL);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    vTaskDelete(h);
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
    vTaskDelay(5);
}

PTEST(Kernel, task_delete_suspended_task)
{
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    TaskHandle_t h = kt_task_create_raw(kt_park, "susp", KT_P1, NULL);
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    vTaskDelete(h);
    TEST_ASSERT_EQUAL(n, uxTaskGetNumberOfTasks());
}

PTEST(Kernel, task_number_of_tasks_counts_creations_and_deletions)
{
    const UBaseType_t n = uxTaskGetNumberOfTasks();
    TaskHandle_t h[3];
    for (int i = 0; i < 3; i++) {
        h[i] = kt_task_create_raw(kt_park, "count", KT_LOW, NULL);
        TEST_ASSERT_EQUAL(n + (UBaseType_t)i + 1U, uxTaskGetNumberOfTasks());
    }
    for (int i = 0; i < 3; i++) {
        vTaskDelete(h[i]);
        TEST_ASSERT_EQUAL(n + 2U - (UBaseType_t)i, uxTaskGetNumberOfTasks());
    }
}

/* ----- States ------------------------------------------------------------------ */

PTEST(Kernel, task_state_running_for_caller)
{
    TEST_ASSERT_EQUAL(eRunning, eTaskGetState(xTaskGetCurrentTaskHandle()));
}

PTEST(Kernel, task_state_ready_when_preempted)
{
    TaskHandle_t h = ptest_task_create(log_arg, "ready", KT_LOW, NULL);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(xTaskGetIdleTaskHandle()));
}

PTEST(Kernel, task_state_blocked_on_delay)
{
    TaskHandle_t h = kt_task_create_raw(delay_forever, "delay", KT_P1, NULL);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    vTaskDelete(h);
}

PTEST(Kernel, task_state_blocked_forever_on_queue)
{
    QueueHandle_t q = xQueueCreate(1, sizeof(int));
    TaskHandle_t h = kt_task_create_raw(receive_forever, "qwait", KT_P1, q);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    vTaskDelete(h);
    vQueueDelete(q);
}

PTEST(Kernel, task_state_blocked_forever_on_notification)
{
    TaskHandle_t h = kt_task_create_raw(notify_wait_forever, "nwait", KT_P1, NULL);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    vTaskDelete(h);
}

PTEST(Kernel, task_state_suspended)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "susp", KT_P1, NULL);
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    vTaskDelete(h);
}

PTEST(Kernel, task_state_deleted_until_reaped)
{
    reset_state();
    TaskHandle_t h = kt_task_create_raw(record_and_delete_self, "dead", KT_P1, NULL);
    TEST_ASSERT_EQUAL(eDeleted, eTaskGetState(h));
    kt_let_idle_run();
}

PTEST(Kernel, task_state_ready_after_wake_by_lower_task)
{
    QueueHandle_t q = xQueueCreate(1, sizeof(int));
    TaskHandle_t h = kt_task_create_raw(receive_forever, "woken", KT_P1, q);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    vTaskPrioritySet(NULL, KT_P2);
    int v = 1;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    vTaskPrioritySet(NULL, KT_RUN);
    TEST_ASSERT_EQUAL(eSuspended, eTaskGetState(h));
    TEST_ASSERT_EQUAL(0U, uxQueueMessagesWaiting(q));
    vTaskDelete(h);
    vQueueDelete(q);
}

/* ----- Names and handles -------------------------------------------------------- */

PTEST(Kernel, task_name_is_copied)
{
    char name[8] = "copyme";
    TaskHandle_t h = kt_task_create_raw(kt_park, name, KT_LOW, NULL);
    name[0] = 'X';
    TEST_ASSERT_EQUAL_STRING("copyme", pcTaskGetName(h));
    vTaskDelete(h);
}

PTEST(Kernel, task_name_truncated_to_max_length)
{
    static const char longname[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    char expected[configMAX_TASK_NAME_LEN];
    memcpy(expected, longname, configMAX_TASK_NAME_LEN - 1U);
    expected[configMAX_TASK_NAME_LEN - 1U] = '\0';
    TaskHandle_t h = kt_task_create_raw(kt_park, longname, KT_LOW, NULL);
    TEST_ASSERT_EQUAL_STRING(expected, pcTaskGetName(h));
    TEST_ASSERT_EQUAL((long)configMAX_TASK_NAME_LEN - 1, (long)strlen(pcTaskGetName(h)));
    vTaskDelete(h);
}

PTEST(Kernel, task_name_null_handle_is_caller)
{
    TEST_ASSERT_EQUAL_PTR(pcTaskGetName(xTaskGetCurrentTaskHandle()), pcTaskGetName(NULL));
}

PTEST(Kernel, task_get_handle_finds_tasks_in_every_state)
{
    QueueHandle_t q = xQueueCreate(1, sizeof(int));
    TaskHandle_t ready = kt_task_create_raw(kt_park, "kt_ready", KT_LOW, NULL);
    TaskHandle_t blocked = kt_task_create_raw(receive_forever, "kt_blocked", KT_P1, q);
    TaskHandle_t delayed = kt_task_create_raw(delay_forever, "kt_delayed", KT_P1, NULL);
    TaskHandle_t susp = kt_task_create_raw(kt_park, "kt_susp", KT_P1, NULL);
    TEST_ASSERT_EQUAL_PTR(ready, xTaskGetHandle("kt_ready"));
    TEST_ASSERT_EQUAL_PTR(blocked, xTaskGetHandle("kt_blocked"));
    TEST_ASSERT_EQUAL_PTR(delayed, xTaskGetHandle("kt_delayed"));
    TEST_ASSERT_EQUAL_PTR(susp, xTaskGetHandle("kt_susp"));
    TEST_ASSERT_EQUAL_PTR(xTaskGetCurrentTaskHandle(), xTaskGetHandle(pcTaskGetName(NULL)));
    TEST_ASSERT_NULL(xTaskGetHandle("kt_nobody"));
    vTaskDelete(ready);
    vTaskDelete(blocked);
    vTaskDelete(delayed);
    vTaskDelete(susp);
    TEST_ASSERT_NULL(xTaskGetHandle("kt_ready"));
    vQueueDelete(q);
}

PTEST(Kernel, task_current_handle_differs_per_task)
{
    reset_state();
    TaskHandle_t h = ptest_task_create(record_arg, "cur", KT_P1, NULL);
    TEST_ASSERT_EQUAL_PTR(h, seen_handle);
    TEST_ASSERT(xTaskGetCurrentTaskHandle() != h);
}

PTEST(Kernel, task_idle_handle_is_the_idle_task)
{
    TaskHandle_t idle = xTaskGetIdleTaskHandle();
    TEST_ASSERT_NOT_NULL(idle);
    TEST_ASSERT_EQUAL_STRING(configIDLE_TASK_NAME, pcTaskGetName(idle));
    TEST_ASSERT_EQUAL(tskIDLE_PRIORITY, uxTaskPriorityGet(idle));
    TEST_ASSERT_EQUAL_PTR(idle, xTaskGetHandle(configIDLE_TASK_NAME));
}

PTEST(Kernel, task_scheduler_state_running_in_task)
{
    TEST_ASSERT_EQUAL(taskSCHEDULER_RUNNING, xTaskGetSchedulerState());
}

PTEST(Kernel, task_number_set_and_get)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "num", KT_LOW, NULL);
    vTaskSetTaskNumber(h, 42U);
    TEST_ASSERT_EQUAL(42U, uxTaskGetTaskNumber(h));
    TEST_ASSERT(uxTaskGetTaskNumber(xTaskGetCurrentTaskHandle()) != 42U);
    vTaskDelete(h);
}

/* ----- Priorities ----------------------------------------------------------------- */

PTEST(Kernel, task_priority_get_self_other_and_null)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "prio", KT_LOW, NULL);
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(NULL));
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskPriorityGet(xTaskGetCurrentTaskHandle()));
    TEST_ASSERT_EQUAL(KT_LOW, uxTaskPriorityGet(h));
    TEST_ASSERT_EQUAL(KT_LOW, uxTaskBasePriorityGet(h));
    TEST_ASSERT_EQUAL(KT_RUN, uxTaskBasePriorityGet(NULL));
    vTaskDelete(h);
}

PTEST(Kernel, task_priority_set_other_and_read_back)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "prio", KT_LOW, NULL);
    vTaskPrioritySet(h, tskIDLE_PRIORITY);
    TEST_ASSERT_EQUAL(tskIDLE_PRIORITY, uxTaskPriorityGet(h));
    TEST_ASSERT_EQUAL(tskIDLE_PRIORITY, uxTaskBasePriorityGet(h));
    vTaskPrioritySet(h, KT_LOW);
    TEST_ASSERT_EQUAL(KT_LOW, uxTaskPriorityGet(h));
    vTaskDelete(h);
}

static volatile UBaseType_t isr_prio[4];
static TaskHandle_t isr_target;

static void read_priorities_isr(void)
{
    isr_prio[0] = uxTaskPriorityGetFromISR(isr_target);
    isr_prio[1] = uxTaskBasePriorityGetFromISR(isr_target);
    isr_prio[2] = uxTaskPriorityGetFromISR(NULL);
    isr_prio[3] = uxTaskBasePriorityGetFromISR(NULL);
}

PTEST(Kernel, task_priority_get_from_isr)
{
    isr_target = kt_task_create_raw(kt_park, "isrprio", KT_LOW, NULL);
    kt_run_in_isr(read_priorities_isr);
    TEST_ASSERT_EQUAL(KT_LOW, isr_prio[0]);
    TEST_ASSERT_EQUAL(KT_LOW, isr_prio[1]);
    TEST_ASSERT_EQUAL(KT_RUN, isr_prio[2]); /* NULL: the interrupted task */
    TEST_ASSERT_EQUAL(KT_RUN, isr_prio[3]);
    vTaskDelete(isr_target);
}

/* ----- Stack high-water mark ---------------------------------------------------- */

#define DEEP_BYTES (PTEST_TASK_STACK * sizeof(StackType_t) / 4U)

static __attribute__((noinline)) int use_stack(void)
{
    volatile uint8_t buf[DEEP_BYTES];
    for (size_t i = 0; i < sizeof buf; i++) {
        buf[i] = (uint8_t)i;
    }
    return buf[sizeof buf - 1U];
}

static void deep_between_delays(void *arg)
{
    (void)arg;
    vTaskDelay(1);
    (void)use_stack();
    vTaskDelay(1);
}

/* Measured by the runner while the helper is blocked (the usual way to
 * watch another task; the simulator's memory checkers also want the stack
 * to belong to a switched-out task when it is scanned). */
PTEST(Kernel, task_stack_high_water_mark_drops_after_deep_use)
{
    TaskHandle_t h = ptest_task_create(deep_between_delays, "stack", KT_P1, NULL);
    const UBaseType_t before = uxTaskGetStackHighWaterMark(h);
    vTaskDelay(1); /* it runs use_stack() and blocks again */
    const UBaseType_t after = uxTaskGetStackHighWaterMark(h);
    TEST_ASSERT(before < PTEST_TASK_STACK);
    TEST_ASSERT(after < before);
    TEST_ASSERT(before - after >= DEEP_BYTES / sizeof(StackType_t) / 2U);
    TEST_ASSERT_EQUAL(after, uxTaskGetStackHighWaterMark2(h));
    kt_wait_done(h, 5);
}

PTEST(Kernel, task_stack_high_water_mark_of_unstarted_task)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "fresh", KT_LOW, NULL);
    const UBaseType_t hwm = uxTaskGetStackHighWaterMark(h);
    TEST_ASSERT(hwm > PTEST_TASK_STACK / 2U);
    TEST_ASSERT(hwm < PTEST_TASK_STACK);
    TEST_ASSERT_EQUAL(hwm, uxTaskGetStackHighWaterMark2(h));
    vTaskDelete(h);
}

/* ----- Thread-local storage ------------------------------------------------------- */

PTEST(Kernel, task_tls_pointers_start_null_and_are_per_task)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "tls", KT_LOW, NULL);
    static int a, b, c;
    for (BaseType_t i = 0; i < configNUM_THREAD_LOCAL_STORAGE_POINTERS; i++) {
        TEST_ASSERT_NULL(pvTaskGetThreadLocalStoragePointer(h, i));
    }
    vTaskSetThreadLocalStoragePointer(NULL, 0, &a);
    vTaskSetThreadLocalStoragePointer(NULL, 1, &b);
    vTaskSetThreadLocalStoragePointer(h, 0, &c);
    TEST_ASSERT_EQUAL_PTR(&a, pvTaskGetThreadLocalStoragePointer(NULL, 0));
    TEST_ASSERT_EQUAL_PTR(&b, pvTaskGetThreadLocalStoragePointer(xTaskGetCurrentTaskHandle(), 1));
    TEST_ASSERT_EQUAL_PTR(&c, pvTaskGetThreadLocalStoragePointer(h, 0));
    TEST_ASSERT_NULL(pvTaskGetThreadLocalStoragePointer(h, 1));
    vTaskSetThreadLocalStoragePointer(NULL, 0, NULL);
    vTaskSetThreadLocalStoragePointer(NULL, 1, NULL);
    vTaskDelete(h);
}

/* ----- Application task tag ------------------------------------------------------- */

static void *volatile hook_param;

static BaseType_t tag_hook(void *param)
{
    hook_param = param;
    return 17;
}

static BaseType_t other_hook(void *param)
{
    hook_param = param;
    return 23;
}

PTEST(Kernel, task_tag_set_get_and_call_hook)
{
    hook_param = NULL;
    TEST_ASSERT_NULL(xTaskGetApplicationTaskTag(NULL));
    vTaskSetApplicationTaskTag(NULL, tag_hook);
    TEST_ASSERT(xTaskGetApplicationTaskTag(NULL) == tag_hook);
    TEST_ASSERT_EQUAL(17, xTaskCallApplicationTaskHook(NULL, &marker));
    TEST_ASSERT_EQUAL_PTR(&marker, hook_param);
    vTaskSetApplicationTaskTag(NULL, NULL);
    TEST_ASSERT_NULL(xTaskGetApplicationTaskTag(NULL));
}

PTEST(Kernel, task_tag_call_without_hook_returns_fail)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "notag", KT_LOW, NULL);
    TEST_ASSERT_EQUAL(pdFAIL, xTaskCallApplicationTaskHook(h, NULL));
    vTaskDelete(h);
}

PTEST(Kernel, task_tag_of_other_task)
{
    TaskHandle_t h = kt_task_create_raw(kt_park, "tag", KT_LOW, NULL);
    vTaskSetApplicationTaskTag(h, other_hook);
    TEST_ASSERT(xTaskGetApplicationTaskTag(h) == other_hook);
    TEST_ASSERT_NULL(xTaskGetApplicationTaskTag(NULL));
    TEST_ASSERT_EQUAL(23, xTaskCallApplicationTaskHook(h, &marker));
    TEST_ASSERT_EQUAL_PTR(&marker, hook_param);
    vTaskDelete(h);
}

static volatile TaskHookFunction_t isr_tag;

static void read_tag_isr(void)
{
    isr_tag = xTaskGetApplicationTaskTagFromISR(isr_target);
}

PTEST(Kernel, task_tag_from_isr)
{
    isr_tag = NULL;
    isr_target = kt_task_create_raw(kt_park, "isrtag", KT_LOW, NULL);
    vTaskSetApplicationTaskTag(isr_target, tag_hook);
    kt_run_in_isr(read_tag_isr);
    TEST_ASSERT(isr_tag == tag_hook);
    vTaskDelete(isr_target);
}
