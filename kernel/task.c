/*
 * task.c - task creation and deletion, delays, priorities, suspension,
 * and per-task information.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "kernel_sched.h"
#include "kernel_mutex.h"
#include "kernel_alloc.h"

_Static_assert(sizeof(StaticTask_t) == sizeof(tcb_t), "StaticTask_t must mirror tcb_t");

#define STACK_FILL_BYTE 0xa5U
#define STACK_NEEDS_FILL                                                    \
    (configCHECK_FOR_STACK_OVERFLOW > 1 || configUSE_TRACE_FACILITY == 1 || \
     INCLUDE_uxTaskGetStackHighWaterMark == 1 || INCLUDE_uxTaskGetStackHighWaterMark2 == 1)

#if (configSTACK_ALLOCATION_FROM_SEPARATE_HEAP == 1)
#define task_stack_alloc(bytes) pvPortMallocStack(bytes)
#define task_stack_free(p) vPortFreeStack(p)
#else
#define task_stack_alloc(bytes) kernel_alloc(bytes)
#define task_stack_free(p) kernel_free(p)
#endif /* configSTACK_ALLOCATION_FROM_SEPARATE_HEAP */

static UBaseType_t next_tcb_number = 0;

/* ----- Creation ------------------------------------------------------------ */

static void task_init(tcb_t *t, TaskFunction_t code, const char *name, UBaseType_t depth, void *arg,
                      UBaseType_t priority, StackType_t *stack)
{
    uint8_t flags = t->flags;
    memset(t, 0, sizeof *t);
    t->flags = flags;
    t->stack = stack;
    t->stack_depth = depth;
    if (STACK_NEEDS_FILL || configCHECK_FOR_STACK_OVERFLOW > 1) {
        memset(stack, (int)STACK_FILL_BYTE, (size_t)depth * sizeof(StackType_t));
    }
    if (name != NULL) {
        size_t i = 0;
        for (; i < (size_t)configMAX_TASK_NAME_LEN - 1U && name[i] != '\0'; i++) {
            t->name[i] = name[i];
        }
        t->name[i] = '\0';
    }
    t->priority = priority;
    t->base_priority = priority;
    list_item_init(&t->state_item, t);
    list_item_init(&t->event_item, t);
    t->event_item.link.value = (TickType_t)(configMAX_PRIORITIES - priority);

    StackType_t *top = stack + (depth - 1U);
    top = (StackType_t *)((portPOINTER_SIZE_TYPE)top &
                          ~((portPOINTER_SIZE_TYPE)portBYTE_ALIGNMENT - 1U));
    t->top_of_stack = pxPortInitialiseStack(top, stack, code, arg);
}

static void task_add_new(tcb_t *t)
{
    portENTER_CRITICAL();
    sched_init_lists();
    sched_task_count = sched_task_count + 1U;
#if (configUSE_TRACE_FACILITY == 1)
    t->tcb_number = ++next_tcb_number;
#else
    (void)next_tcb_number;
#endif /* configUSE_TRACE_FACILITY */
    if (pxCurrentTCB == NULL) {
        pxCurrentTCB = t;
    } else if (sched_running == pdFALSE && pxCurrentTCB->priority <= t->priority) {
        pxCurrentTCB = t;
    }
    traceTASK_CREATE(t);
    sched_make_ready(t);
    if (sched_running != pdFALSE && t->priority > pxCurrentTCB->priority) {
        sched_yield_if(pdTRUE);
    }
    portEXIT_CRITICAL();
}

static UBaseType_t task_cap_priority(UBaseType_t priority)
{
    configASSERT(priority < (UBaseType_t)configMAX_PRIORITIES);
    if (priority >= (UBaseType_t)configMAX_PRIORITIES) {
        priority = (UBaseType_t)configMAX_PRIORITIES - 1U;
    }
    return priority;
}

BaseType_t xTaskCreate(TaskFunction_t pxTaskCode, const char *const pcName,
                       const configSTACK_DEPTH_TYPE uxStackDepth, void *const pvParameters,
                       UBaseType_t uxPriority, TaskHandle_t *const pxCreatedTask)
{
    configASSERT(pxTaskCode != NULL);
    configASSERT(uxStackDepth > 0U);
    if (pxTaskCode == NULL || uxStackDepth == 0U) {
        return errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY;
    }
    uxPriority = task_cap_priority(uxPriority);
    StackType_t *stack = task_stack_alloc((size_t)uxStackDepth * sizeof(StackType_t));
    if (stack == NULL) {
        traceTASK_CREATE_FAILED();
        return errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY;
    }
    tcb_t *t = kernel_alloc(sizeof(tcb_t));
    if (t == NULL) {
        task_stack_free(stack);
        traceTASK_CREATE_FAILED();
        return errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY;
    }
    t->flags = 0;
    task_init(t, pxTaskCode, pcName, uxStackDepth, pvParameters, uxPriority, stack);
    if (pxCreatedTask != NULL) {
        *pxCreatedTask = (TaskHandle_t)t;
    }
    task_add_new(t);
    return pdPASS;
}

TaskHandle_t xTaskCreateStatic(TaskFunction_t pxTaskCode, const char *const pcName,
                               const configSTACK_DEPTH_TYPE uxStackDepth, void *const pvParameters,
                               UBaseType_t uxPriority, StackType_t *const puxStackBuffer,
                               StaticTask_t *const pxTaskBuffer)
{
    configASSERT(pxTaskCode != NULL);
    configASSERT(puxStackBuffer != NULL);
    configASSERT(pxTaskBuffer != NULL);
    configASSERT(uxStackDepth > 0U);
    if (pxTaskCode == NULL || puxStackBuffer == NULL || pxTaskBuffer == NULL ||
        uxStackDepth == 0U) {
        return NULL;
    }
    uxPriority = task_cap_priority(uxPriority);
    tcb_t *t = (tcb_t *)pxTaskBuffer;
    t->flags = TCB_STATIC_TCB | TCB_STATIC_STACK;
    task_init(t, pxTaskCode, pcName, uxStackDepth, pvParameters, uxPriority, puxStackBuffer);
    task_add_new(t);
    return (TaskHandle_t)t;
}

/* ----- Deletion -------------------------------------------------------------- */

void task_free(tcb_t *t)
{
    portCLEAN_UP_TCB(t);
    if ((t->flags & TCB_STATIC_STACK) == 0U) {
        task_stack_free(t->stack);
    }
    if ((t->flags & TCB_STATIC_TCB) == 0U) {
        kernel_free(t);
    }
}

/* Takes a task off its event list, if any; a mutex it waited for lets its
 * holder disinherit. Locked. */
static void task_unlink_event(tcb_t *t)
{
    if (t->event_item.container != NULL) {
        (void)list_remove(&t->event_item);
        if (configUSE_MUTEXES && t->waiting_for_mutex != NULL) {
            mutex_waiter_left(t);
        }
    }
}

/* Takes a task off whichever state list it is in. Locked. */
static void task_unlink_state(tcb_t *t)
{
    if (sched_is_ready_list(t->state_item.container)) {
        sched_remove_ready(t);
    } else if (t->state_item.container != NULL) {
        (void)list_remove(&t->state_item);
    }
}

/* Suspending or deleting the calling task needs a switch, which cannot
 * happen while the scheduler is suspended: refused before any change. */
static int task_may_leave(TaskHandle_t h)
{
    const int self = (h == NULL || (tcb_t *)h == pxCurrentTCB);
    const int ok = !(self && sched_running != pdFALSE && sched_suspend_depth != 0U);
    configASSERT(ok);
    return ok;
}

void vTaskDelete(TaskHandle_t xTaskToDelete)
{
    int free_now = 0;
    configASSERT(xTaskToDelete != NULL || pxCurrentTCB != NULL);
    if (!task_may_leave(xTaskToDelete)) {
        return;
    }
    portENTER_CRITICAL();
    tcb_t *t = sched_tcb_or_current(xTaskToDelete);
    if (configUSE_MUTEXES) {
        mutex_release_all(t);
    }
    task_unlink_state(t);
    task_unlink_event(t);
    traceTASK_DELETE(t);
    if (t == pxCurrentTCB && sched_running != pdFALSE) {
        list_insert_end(&sched_terminating, &t->state_item);
        sched_deleted_waiting = sched_deleted_waiting + 1U;
        portYIELD();
    } else {
        sched_task_count = sched_task_count - 1U;
        free_now = 1;
        if (t == pxCurrentTCB) {
            pxCurrentTCB = (sched_task_count > 0U) ? sched_highest_ready() : NULL;
        }
    }
    portEXIT_CRITICAL();
    if (free_now) {
        task_free(t);
    }
}

void task_reap_terminated(void)
{
    while (sched_deleted_waiting > 0U) {
        portENTER_CRITICAL();
        tcb_t *t = (tcb_t *)list_head_owner(&sched_terminating);
        (void)list_remove(&t->state_item);
        sched_task_count = sched_task_count - 1U;
        sched_deleted_waiting = sched_deleted_waiting - 1U;
        portEXIT_CRITICAL();
        task_free(t);
    }
}

/* ----- Delays ------------------------------------------------------------------ */

void vTaskDelay(const TickType_t xTicksToDelay)
{
    SCHED_ASSERT_TASK_CONTEXT();
    if (xTicksToDelay > 0U) {
        configASSERT(sched_suspend_depth == 0U);
        portENTER_CRITICAL();
        traceTASK_DELAY();
        sched_delay_until_tick(sched_tick_now() + xTicksToDelay);
        portYIELD();
        portEXIT_CRITICAL();
    } else {
        portYIELD();
    }
}

BaseType_t xTaskDelayUntil(TickType_t *const pxPreviousWakeTime, const TickType_t xTimeIncrement)
{
    BaseType_t delay;
    configASSERT(pxPreviousWakeTime != NULL);
    configASSERT(xTimeIncrement > 0U);
    configASSERT(sched_suspend_depth == 0U);
    SCHED_ASSERT_TASK_CONTEXT();
    portENTER_CRITICAL();
    const TickType_t now = sched_tick_now();
    const TickType_t prev = *pxPreviousWakeTime;
    const TickType_t wake = prev + xTimeIncrement;
    if (now < prev) {
        /* The tick count wrapped since the previous wake. */
        delay = (wake < prev && wake > now) ? pdTRUE : pdFALSE;
    } else {
        delay = (wake < prev || wake > now) ? pdTRUE : pdFALSE;
    }
    *pxPreviousWakeTime = wake;
    if (delay) {
        traceTASK_DELAY_UNTIL(wake);
        sched_delay_until_tick(wake);
    }
    portYIELD();
    portEXIT_CRITICAL();
    return delay;
}

/* A task is blocked when it waits on the delayed lists, or in the suspended
 * list for an object or a notification. Locked. */
static int task_is_blocked(const tcb_t *t)
{
    const list_t *l = t->state_item.container;
    if (l == sched_delayed || l == sched_delayed_overflow) {
        return 1;
    }
    if (l != &sched_suspended) {
        return 0;
    }
    if (t->event_item.container != NULL) {
        return 1;
    }
    for (UBaseType_t i = 0; i < configTASK_NOTIFICATION_ARRAY_ENTRIES; i++) {
        if (t->notify_state[i] == NOTIFY_WAITING) {
            return 1;
        }
    }
    return 0;
}

BaseType_t xTaskAbortDelay(TaskHandle_t xTask)
{
    BaseType_t r = pdFAIL;
    configASSERT(xTask != NULL);
    portENTER_CRITICAL();
    tcb_t *t = (tcb_t *)xTask;
    if (t != pxCurrentTCB && task_is_blocked(t)) {
        task_unlink_event(t);
        (void)list_remove(&t->state_item);
        t->flags |= TCB_DELAY_ABORTED;
        sched_make_ready(t);
        sched_yield_if(t->priority > pxCurrentTCB->priority ? pdTRUE : pdFALSE);
        r = pdPASS;
    }
    portEXIT_CRITICAL();
    return r;
}

/* ----- Priorities ----------------------------------------------------------------- */

UBaseType_t uxTaskPriorityGet(const TaskHandle_t xTask)
{
    portENTER_CRITICAL();
    UBaseType_t p = sched_tcb_or_current(xTask)->priority;
    portEXIT_CRITICAL();
    return p;
}

UBaseType_t uxTaskPriorityGetFromISR(const TaskHandle_t xTask)
{
    SCHED_ASSERT_ISR_PRIORITY();
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    UBaseType_t p = sched_tcb_or_current(xTask)->priority;
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return p;
}

UBaseType_t uxTaskBasePriorityGet(const TaskHandle_t xTask)
{
    portENTER_CRITICAL();
    UBaseType_t p = sched_tcb_or_current(xTask)->base_priority;
    portEXIT_CRITICAL();
    return p;
}

UBaseType_t uxTaskBasePriorityGetFromISR(const TaskHandle_t xTask)
{
    SCHED_ASSERT_ISR_PRIORITY();
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    UBaseType_t p = sched_tcb_or_current(xTask)->base_priority;
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return p;
}

void vTaskPrioritySet(TaskHandle_t xTask, UBaseType_t uxNewPriority)
{
    BaseType_t yield;
    uxNewPriority = task_cap_priority(uxNewPriority);
    portENTER_CRITICAL();
    tcb_t *t = sched_tcb_or_current(xTask);
    traceTASK_PRIORITY_SET(t, uxNewPriority);
    t->base_priority = uxNewPriority;
    if (configUSE_MUTEXES) {
        yield = mutex_update_priority(t);
    } else {
        yield = sched_set_priority(t, uxNewPriority);
    }
    sched_yield_if(yield);
    portEXIT_CRITICAL();
}

/* ----- Suspension ------------------------------------------------------------------- */

void vTaskSuspend(TaskHandle_t xTaskToSuspend)
{
    if (!task_may_leave(xTaskToSuspend)) {
        return;
    }
    portENTER_CRITICAL();
    tcb_t *t = sched_tcb_or_current(xTaskToSuspend);
    traceTASK_SUSPEND(t);
    task_unlink_state(t);
    task_unlink_event(t);
    for (UBaseType_t i = 0; i < configTASK_NOTIFICATION_ARRAY_ENTRIES; i++) {
        if (t->notify_state[i] == NOTIFY_WAITING) {
            t->notify_state[i] = NOTIFY_NONE;
        }
    }
    list_insert_end(&sched_suspended, &t->state_item);
    if (t == pxCurrentTCB) {
        if (sched_running != pdFALSE) {
            portYIELD();
        } else if (sched_suspended.count == sched_task_count) {
            pxCurrentTCB = NULL;
        } else {
            pxCurrentTCB = sched_highest_ready();
        }
    }
    portEXIT_CRITICAL();
}

/* Suspended proper: in the suspended list and waiting for nothing. Locked. */
static int task_is_suspended(const tcb_t *t)
{
    return t->state_item.container == &sched_suspended && !task_is_blocked(t);
}

void vTaskResume(TaskHandle_t xTaskToResume)
{
    configASSERT(xTaskToResume != NULL);
    portENTER_CRITICAL();
    tcb_t *t = (tcb_t *)xTaskToResume;
    if (t != pxCurrentTCB && task_is_suspended(t)) {
        traceTASK_RESUME(t);
        (void)list_remove(&t->state_item);
        sched_make_ready(t);
        if (sched_running != pdFALSE && t->priority > pxCurrentTCB->priority) {
            sched_yield_if(pdTRUE);
        }
    }
    portEXIT_CRITICAL();
}

BaseType_t xTaskResumeFromISR(TaskHandle_t xTaskToResume)
{
    BaseType_t yield = pdFALSE;
    configASSERT(xTaskToResume != NULL);
    SCHED_ASSERT_ISR_PRIORITY();
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    tcb_t *t = (tcb_t *)xTaskToResume;
    if (task_is_suspended(t)) {
        traceTASK_RESUME_FROM_ISR(t);
        (void)list_remove(&t->state_item);
        sched_make_ready(t);
        if (t->priority > pxCurrentTCB->priority) {
            yield = pdTRUE;
            sched_yield_pending = pdTRUE;
        }
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return yield;
}

eTaskState eTaskGetState(TaskHandle_t xTask)
{
    eTaskState s;
    configASSERT(xTask != NULL);
    portENTER_CRITICAL();
    const tcb_t *t = (const tcb_t *)xTask;
    const list_t *l = t->state_item.container;
    if (t == pxCurrentTCB && sched_running != pdFALSE && l != &sched_terminating) {
        s = eRunning;
    } else if (l == &sched_terminating || l == NULL) {
        s = eDeleted;
    } else if (sched_is_ready_list(l)) {
        s = eReady;
    } else if (task_is_blocked(t)) {
        s = eBlocked;
    } else {
        s = eSuspended;
    }
    portEXIT_CRITICAL();
    return s;
}

/* ----- Information ---------------------------------------------------------------- */

UBaseType_t uxTaskGetNumberOfTasks(void)
{
    return sched_task_count;
}

char *pcTaskGetName(TaskHandle_t xTaskToQuery)
{
    tcb_t *t = sched_tcb_or_current(xTaskToQuery);
    configASSERT(t != NULL);
    return t->name;
}

TaskHandle_t xTaskGetCurrentTaskHandle(void)
{
    return (TaskHandle_t)pxCurrentTCB;
}

static tcb_t *find_in_list(const list_t *l, const char *name)
{
    for (const list_link_t *k = l->end.next; k != &l->end; k = k->next) {
        tcb_t *t = (tcb_t *)list_item_of((list_link_t *)k)->owner;
        if (strncmp(t->name, name, (size_t)configMAX_TASK_NAME_LEN - 1U) == 0) {
            return t;
        }
    }
    return NULL;
}

TaskHandle_t xTaskGetHandle(const char *pcNameToQuery)
{
    tcb_t *found = NULL;
    configASSERT(pcNameToQuery != NULL);
    configASSERT(strlen(pcNameToQuery) < (size_t)configMAX_TASK_NAME_LEN);
    portENTER_CRITICAL();
    if (sched_task_count > 0U) {
        for (UBaseType_t p = configMAX_PRIORITIES; p > 0U && found == NULL; p--) {
            found = find_in_list(&sched_ready[p - 1U], pcNameToQuery);
        }
        const list_t *others[] = {sched_delayed, sched_delayed_overflow, &sched_suspended,
                                  &sched_terminating};
        for (size_t i = 0; i < sizeof others / sizeof others[0] && found == NULL; i++) {
            found = find_in_list(others[i], pcNameToQuery);
        }
    }
    portEXIT_CRITICAL();
    return (TaskHandle_t)found;
}

static configSTACK_DEPTH_TYPE stack_unused_words(const tcb_t *t)
{
    const uint8_t *p = (const uint8_t *)t->stack;
    const uint8_t *end = (const uint8_t *)(t->stack + t->stack_depth);
    size_t bytes = 0;
    while (p + bytes < end && p[bytes] == STACK_FILL_BYTE) {
        bytes++;
    }
    return (configSTACK_DEPTH_TYPE)(bytes / sizeof(StackType_t));
}

UBaseType_t uxTaskGetStackHighWaterMark(TaskHandle_t xTask)
{
    return (UBaseType_t)stack_unused_words(sched_tcb_or_current(xTask));
}

configSTACK_DEPTH_TYPE uxTaskGetStackHighWaterMark2(TaskHandle_t xTask)
{
    return stack_unused_words(sched_tcb_or_current(xTask));
}

/* ----- Per-task data ------------------------------------------------------------------ */

void vTaskSetThreadLocalStoragePointer(TaskHandle_t xTaskToSet, BaseType_t xIndex, void *pvValue)
{
#if (configNUM_THREAD_LOCAL_STORAGE_POINTERS > 0)
    configASSERT(xIndex >= 0 && xIndex < configNUM_THREAD_LOCAL_STORAGE_POINTERS);
    if (xIndex >= 0 && xIndex < configNUM_THREAD_LOCAL_STORAGE_POINTERS) {
        sched_tcb_or_current(xTaskToSet)->tls[xIndex] = pvValue;
    }
#else
    (void)xTaskToSet;
    (void)xIndex;
    (void)pvValue;
    configASSERT(0);
#endif /* configNUM_THREAD_LOCAL_STORAGE_POINTERS */
}

void *pvTaskGetThreadLocalStoragePointer(TaskHandle_t xTaskToQuery, BaseType_t xIndex)
{
#if (configNUM_THREAD_LOCAL_STORAGE_POINTERS > 0)
    configASSERT(xIndex >= 0 && xIndex < configNUM_THREAD_LOCAL_STORAGE_POINTERS);
    if (xIndex >= 0 && xIndex < configNUM_THREAD_LOCAL_STORAGE_POINTERS) {
        return sched_tcb_or_current(xTaskToQuery)->tls[xIndex];
    }
#else
    (void)xTaskToQuery;
    (void)xIndex;
#endif /* configNUM_THREAD_LOCAL_STORAGE_POINTERS */
    return NULL;
}

void vTaskSetApplicationTaskTag(TaskHandle_t xTask, TaskHookFunction_t pxHookFunction)
{
#if (configUSE_APPLICATION_TASK_TAG == 1)
    portENTER_CRITICAL();
    sched_tcb_or_current(xTask)->tag = pxHookFunction;
    portEXIT_CRITICAL();
#else
    (void)xTask;
    (void)pxHookFunction;
    configASSERT(0);
#endif /* configUSE_APPLICATION_TASK_TAG */
}

TaskHookFunction_t xTaskGetApplicationTaskTag(TaskHandle_t xTask)
{
#if (configUSE_APPLICATION_TASK_TAG == 1)
    portENTER_CRITICAL();
    TaskHookFunction_t f = sched_tcb_or_current(xTask)->tag;
    portEXIT_CRITICAL();
    return f;
#else
    (void)xTask;
    return NULL;
#endif /* configUSE_APPLICATION_TASK_TAG */
}

TaskHookFunction_t xTaskGetApplicationTaskTagFromISR(TaskHandle_t xTask)
{
#if (configUSE_APPLICATION_TASK_TAG == 1)
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    TaskHookFunction_t f = sched_tcb_or_current(xTask)->tag;
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return f;
#else
    (void)xTask;
    return NULL;
#endif /* configUSE_APPLICATION_TASK_TAG */
}

BaseType_t xTaskCallApplicationTaskHook(TaskHandle_t xTask, void *pvParameter)
{
    TaskHookFunction_t f = xTaskGetApplicationTaskTag(xTask);
    return (f != NULL) ? f(pvParameter) : pdFAIL;
}

UBaseType_t uxTaskGetTaskNumber(TaskHandle_t xTask)
{
#if (configUSE_TRACE_FACILITY == 1)
    return (xTask != NULL) ? ((tcb_t *)xTask)->task_number : 0U;
#else
    (void)xTask;
    return 0U;
#endif /* configUSE_TRACE_FACILITY */
}

void vTaskSetTaskNumber(TaskHandle_t xTask, const UBaseType_t uxHandle)
{
#if (configUSE_TRACE_FACILITY == 1)
    if (xTask != NULL) {
        ((tcb_t *)xTask)->task_number = uxHandle;
    }
#else
    (void)xTask;
    (void)uxHandle;
#endif /* configUSE_TRACE_FACILITY */
}

/* ----- Static memory for kernel tasks ------------------------------------------------ */

void kernel_get_idle_memory(StaticTask_t **tcb, StackType_t **stack, configSTACK_DEPTH_TYPE *depth)
{
#if (configKERNEL_PROVIDED_STATIC_MEMORY == 1)
    static StaticTask_t idle_tcb;
    static StackType_t idle_stack[configMINIMAL_STACK_SIZE];
    *tcb = &idle_tcb;
    *stack = idle_stack;
    *depth = configMINIMAL_STACK_SIZE;
#elif (configSUPPORT_STATIC_ALLOCATION == 1)
    vApplicationGetIdleTaskMemory(tcb, stack, depth);
#else
    *tcb = NULL;
    *stack = NULL;
    *depth = 0;
#endif /* configKERNEL_PROVIDED_STATIC_MEMORY */
}
