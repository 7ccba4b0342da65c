/*
 * task.h - tasks, scheduling, critical sections and task notifications.
 *
 * The FreeRTOS task API with its documented semantics. Unless stated
 * otherwise a function may only be called from a task (not from an ISR);
 * functions ending in FromISR may only be called from an interrupt whose
 * priority is at or below configMAX_SYSCALL_INTERRUPT_PRIORITY.
 * Passing a NULL task handle means "the calling task" where documented.
 */
#ifndef INC_TASK_H
#define INC_TASK_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before task.h"
#endif /* INC_FREERTOS_H */

#include "list.h"

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

#define tskIDLE_PRIORITY ((UBaseType_t)0U)
#define tskNO_AFFINITY ((UBaseType_t)-1)
#define tskDEFAULT_INDEX_TO_NOTIFY (0)

struct tskTaskControlBlock;
typedef struct tskTaskControlBlock *TaskHandle_t;
typedef const struct tskTaskControlBlock *ConstTaskHandle_t;

/* The application task tag hook signature. */
typedef BaseType_t (*TaskHookFunction_t)(void *arg);

typedef enum {
    eRunning = 0, /* the calling task */
    eReady,       /* in a ready or pending-ready list */
    eBlocked,     /* waiting for time or an event, with or without timeout */
    eSuspended,   /* suspended, or blocked without timeout on a notification */
    eDeleted,     /* deleted, memory not yet freed */
    eInvalid
} eTaskState;

typedef enum {
    eNoAction = 0,            /* notify without changing the value */
    eSetBits,                 /* OR the value with ulValue */
    eIncrement,               /* add one */
    eSetValueWithOverwrite,   /* set, even if a notification was pending */
    eSetValueWithoutOverwrite /* set only if no notification was pending */
} eNotifyAction;

/* Saved state for xTaskCheckForTimeOut(). */
typedef struct xTIME_OUT {
    BaseType_t xOverflowCount;
    TickType_t xTimeOnEntering;
} TimeOut_t;

typedef struct xMEMORY_REGION {
    void *pvBaseAddress;
    uint32_t ulLengthInBytes;
    uint32_t ulParameters;
} MemoryRegion_t;

typedef struct xTASK_PARAMETERS {
    TaskFunction_t pvTaskCode;
    const char *pcName;
    configSTACK_DEPTH_TYPE usStackDepth;
    void *pvParameters;
    UBaseType_t uxPriority;
    StackType_t *puxStackBuffer;
    MemoryRegion_t xRegions[1];
} TaskParameters_t;

/* Filled by vTaskGetInfo() and uxTaskGetSystemState(). */
typedef struct xTASK_STATUS {
    TaskHandle_t xHandle;
    const char *pcTaskName;
    UBaseType_t xTaskNumber;
    eTaskState eCurrentState;
    UBaseType_t uxCurrentPriority;
    UBaseType_t uxBasePriority;
    configRUN_TIME_COUNTER_TYPE ulRunTimeCounter;
    StackType_t *pxStackBase;
    StackType_t *pxTopOfStack;
    StackType_t *pxEndOfStack;
    configSTACK_DEPTH_TYPE usStackHighWaterMark;
} TaskStatus_t;

/* Results of eTaskConfirmSleepModeStatus(). */
typedef enum {
    eAbortSleep = 0,       /* a task became ready: do not sleep */
    eStandardSleep,        /* sleep no longer than the expected idle time */
    eNoTasksWaitingTimeout /* every task waits without timeout */
} eSleepModeStatus;

/* ----- Critical sections and interrupt masking --------------------------- */
#define taskYIELD() portYIELD()
#define taskENTER_CRITICAL() portENTER_CRITICAL()
#define taskEXIT_CRITICAL() portEXIT_CRITICAL()
#define taskENTER_CRITICAL_FROM_ISR() portSET_INTERRUPT_MASK_FROM_ISR()
#define taskEXIT_CRITICAL_FROM_ISR(x) portCLEAR_INTERRUPT_MASK_FROM_ISR(x)
#define taskDISABLE_INTERRUPTS() portDISABLE_INTERRUPTS()
#define taskENABLE_INTERRUPTS() portENABLE_INTERRUPTS()

#define taskSCHEDULER_SUSPENDED ((BaseType_t)0)
#define taskSCHEDULER_NOT_STARTED ((BaseType_t)1)
#define taskSCHEDULER_RUNNING ((BaseType_t)2)

/* ----- Creation and deletion ---------------------------------------------
 * xTaskCreate: allocates the TCB and a stack of usStackDepth words from the
 * kernel heap. Returns pdPASS, or errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY.
 * If the new task has a higher priority than the caller and the scheduler
 * runs, it runs before xTaskCreate returns (with preemption).
 * uxPriority above configMAX_PRIORITIES - 1 is capped (and asserted).
 * Stores the handle in *pxCreatedTask when that is not NULL. */
BaseType_t xTaskCreate(TaskFunction_t pxTaskCode, const char *const pcName,
                       const configSTACK_DEPTH_TYPE uxStackDepth, void *const pvParameters,
                       UBaseType_t uxPriority, TaskHandle_t *const pxCreatedTask);

/* As xTaskCreate, with caller-provided stack (uxStackDepth words) and TCB.
 * Returns NULL if either buffer is NULL. */
TaskHandle_t xTaskCreateStatic(TaskFunction_t pxTaskCode, const char *const pcName,
                               const configSTACK_DEPTH_TYPE uxStackDepth, void *const pvParameters,
                               UBaseType_t uxPriority, StackType_t *const puxStackBuffer,
                               StaticTask_t *const pxTaskBuffer);

/* Deletes a task (NULL: the caller). A task that deletes itself is freed
 * by the idle task later; any other task is freed immediately. Memory the
 * task allocated itself is not freed. */
void vTaskDelete(TaskHandle_t xTaskToDelete);

/* ----- Delays -------------------------------------------------------------- */
/* Blocks the caller for xTicksToDelay ticks from now. 0 yields. */
void vTaskDelay(const TickType_t xTicksToDelay);

/* Blocks until *pxPreviousWakeTime + xTimeIncrement and updates
 * *pxPreviousWakeTime, for a fixed frequency. Returns pdFALSE without
 * blocking if that time has already passed. */
BaseType_t xTaskDelayUntil(TickType_t *const pxPreviousWakeTime, const TickType_t xTimeIncrement);
#define vTaskDelayUntil(pxPreviousWakeTime, xTimeIncrement)            \
    do {                                                               \
        (void)xTaskDelayUntil((pxPreviousWakeTime), (xTimeIncrement)); \
    } while (0)

/* Makes a Blocked task Ready early. Its blocking call reports a timeout.
 * Returns pdFAIL if the task was not Blocked. */
BaseType_t xTaskAbortDelay(TaskHandle_t xTask);

/* ----- Priorities and state ------------------------------------------------ */
UBaseType_t uxTaskPriorityGet(const TaskHandle_t xTask);
UBaseType_t uxTaskPriorityGetFromISR(const TaskHandle_t xTask);
UBaseType_t uxTaskBasePriorityGet(const TaskHandle_t xTask);
UBaseType_t uxTaskBasePriorityGetFromISR(const TaskHandle_t xTask);

/* Sets the base priority. A task holding a mutex keeps any inherited
 * priority until it releases it. Yields if a task now has a higher priority
 * than the running one. */
void vTaskPrioritySet(TaskHandle_t xTask, UBaseType_t uxNewPriority);
eTaskState eTaskGetState(TaskHandle_t xTask);

/* Suspends a task (NULL: the caller) whatever its state; calls do not nest.
 * A suspended task that was blocked no longer waits for its event. */
void vTaskSuspend(TaskHandle_t xTaskToSuspend);

/* Resumes a suspended task; has no effect on a task that is not suspended. */
void vTaskResume(TaskHandle_t xTaskToResume);

/* Returns pdTRUE when the resumed task has a higher priority than the
 * interrupted one, meaning the ISR should request a switch. */
BaseType_t xTaskResumeFromISR(TaskHandle_t xTaskToResume);

/* ----- Scheduler -------------------------------------------------------------- */
/* Creates the idle task (and the timer daemon if configUSE_TIMERS) and starts
 * scheduling. Returns only after vTaskEndScheduler(), or if the idle task
 * could not be created. */
void vTaskStartScheduler(void);
void vTaskEndScheduler(void);

/* Suspends scheduling without masking interrupts. Nests. No blocking call
 * may be made while suspended. */
void vTaskSuspendAll(void);

/* Ends a vTaskSuspendAll(); returns pdTRUE if it switched context. */
BaseType_t xTaskResumeAll(void);
BaseType_t xTaskGetSchedulerState(void);

/* ----- Information ------------------------------------------------------------ */
TickType_t xTaskGetTickCount(void);
TickType_t xTaskGetTickCountFromISR(void);
UBaseType_t uxTaskGetNumberOfTasks(void);
char *pcTaskGetName(TaskHandle_t xTaskToQuery);

/* Looks a task up by name (slow: walks every list). NULL if none. */
TaskHandle_t xTaskGetHandle(const char *pcNameToQuery);
TaskHandle_t xTaskGetCurrentTaskHandle(void);
TaskHandle_t xTaskGetIdleTaskHandle(void);

/* The smallest amount of stack, in words, that has remained unused. */
UBaseType_t uxTaskGetStackHighWaterMark(TaskHandle_t xTask);
configSTACK_DEPTH_TYPE uxTaskGetStackHighWaterMark2(TaskHandle_t xTask);

void vTaskSetThreadLocalStoragePointer(TaskHandle_t xTaskToSet, BaseType_t xIndex, void *pvValue);
void *pvTaskGetThreadLocalStoragePointer(TaskHandle_t xTaskToQuery, BaseType_t xIndex);

void vTaskSetApplicationTaskTag(TaskHandle_t xTask, TaskHookFunction_t pxHookFunction);
TaskHookFunction_t xTaskGetApplicationTaskTag(TaskHandle_t xTask);
TaskHookFunction_t xTaskGetApplicationTaskTagFromISR(TaskHandle_t xTask);

/* Calls the task's tag hook with pvParameter; returns its result, or pdFAIL
 * when the task has no hook. */
BaseType_t xTaskCallApplicationTaskHook(TaskHandle_t xTask, void *pvParameter);

/* Statistics (configUSE_TRACE_FACILITY, configGENERATE_RUN_TIME_STATS). */
void vTaskGetInfo(TaskHandle_t xTask, TaskStatus_t *pxTaskStatus, BaseType_t xGetFreeStackSpace,
                  eTaskState eState);
UBaseType_t uxTaskGetSystemState(TaskStatus_t *const pxTaskStatusArray,
                                 const UBaseType_t uxArraySize,
                                 configRUN_TIME_COUNTER_TYPE *const pulTotalRunTime);
void vTaskListTasks(char *pcWriteBuffer, size_t uxBufferLength);
void vTaskList(char *pcWriteBuffer);
void vTaskGetRunTimeStatistics(char *pcWriteBuffer, size_t uxBufferLength);
void vTaskGetRunTimeStats(char *pcWriteBuffer);
configRUN_TIME_COUNTER_TYPE ulTaskGetRunTimeCounter(const TaskHandle_t xTask);
configRUN_TIME_COUNTER_TYPE ulTaskGetRunTimePercent(const TaskHandle_t xTask);
configRUN_TIME_COUNTER_TYPE ulTaskGetIdleRunTimeCounter(void);
configRUN_TIME_COUNTER_TYPE ulTaskGetIdleRunTimePercent(void);
UBaseType_t uxTaskGetTaskNumber(TaskHandle_t xTask);
void vTaskSetTaskNumber(TaskHandle_t xTask, const UBaseType_t uxHandle);

/* ----- Task notifications --------------------------------------------------------
 * Each task has configTASK_NOTIFICATION_ARRAY_ENTRIES notification values,
 * each with a pending state. The Indexed forms name the entry; the plain
 * forms use entry tskDEFAULT_INDEX_TO_NOTIFY. */

/* Updates the value per eAction and marks it pending, unblocking the task if
 * it waits on that index. Stores the previous value in
 * *pulPreviousNotificationValue when that is not NULL. Returns pdFAIL only for
 * eSetValueWithoutOverwrite when a notification was already pending. */
BaseType_t xTaskGenericNotify(TaskHandle_t xTaskToNotify, UBaseType_t uxIndexToNotify,
                              uint32_t ulValue, eNotifyAction eAction,
                              uint32_t *pulPreviousNotificationValue);
BaseType_t xTaskGenericNotifyFromISR(TaskHandle_t xTaskToNotify, UBaseType_t uxIndexToNotify,
                                     uint32_t ulValue, eNotifyAction eAction,
                                     uint32_t *pulPreviousNotificationValue,
                                     BaseType_t *pxHigherPriorityTaskWoken);

/* Waits for a notification on uxIndexToWaitOn. Clears ulBitsToClearOnEntry
 * (if none is pending) before waiting and ulBitsToClearOnExit after
 * receiving one; stores the value in *pulNotificationValue. Returns pdTRUE
 * if a notification was received, pdFALSE on timeout. */
BaseType_t xTaskGenericNotifyWait(UBaseType_t uxIndexToWaitOn, uint32_t ulBitsToClearOnEntry,
                                  uint32_t ulBitsToClearOnExit, uint32_t *pulNotificationValue,
                                  TickType_t xTicksToWait);

/* Binary/counting-semaphore style: waits for a non-zero value, then clears it
 * (xClearCountOnExit) or decrements it. Returns the value before that. */
uint32_t ulTaskGenericNotifyTake(UBaseType_t uxIndexToWaitOn, BaseType_t xClearCountOnExit,
                                 TickType_t xTicksToWait);
void vTaskGenericNotifyGiveFromISR(TaskHandle_t xTaskToNotify, UBaseType_t uxIndexToNotify,
                                   BaseType_t *pxHigherPriorityTaskWoken);

/* Clears a pending notification; returns pdTRUE if one was pending. */
BaseType_t xTaskGenericNotifyStateClear(TaskHandle_t xTask, UBaseType_t uxIndexToClear);

/* Clears ulBitsToClear in the value; returns the value before clearing. */
uint32_t ulTaskGenericNotifyValueClear(TaskHandle_t xTask, UBaseType_t uxIndexToClear,
                                       uint32_t ulBitsToClear);

#define xTaskNotify(xTaskToNotify, ulValue, eAction) \
    xTaskGenericNotify((xTaskToNotify), (tskDEFAULT_INDEX_TO_NOTIFY), (ulValue), (eAction), NULL)
#define xTaskNotifyIndexed(xTaskToNotify, uxIndexToNotify, ulValue, eAction) \
    xTaskGenericNotify((xTaskToNotify), (uxIndexToNotify), (ulValue), (eAction), NULL)
#define xTaskNotifyAndQuery(xTaskToNotify, ulValue, eAction, pulPreviousNotifyValue)        \
    xTaskGenericNotify((xTaskToNotify), (tskDEFAULT_INDEX_TO_NOTIFY), (ulValue), (eAction), \
                       (pulPreviousNotifyValue))
#define xTaskNotifyAndQueryIndexed(xTaskToNotify, uxIndexToNotify, ulValue, eAction, \
                                   pulPreviousNotifyValue)                           \
    xTaskGenericNotify((xTaskToNotify), (uxIndexToNotify), (ulValue), (eAction),     \
                       (pulPreviousNotifyValue))
#define xTaskNotifyFromISR(xTaskToNotify, ulValue, eAction, pxHigherPriorityTaskWoken)             \
    xTaskGenericNotifyFromISR((xTaskToNotify), (tskDEFAULT_INDEX_TO_NOTIFY), (ulValue), (eAction), \
                              NULL, (pxHigherPriorityTaskWoken))
#define xTaskNotifyIndexedFromISR(xTaskToNotify, uxIndexToNotify, ulValue, eAction,           \
                                  pxHigherPriorityTaskWoken)                                  \
    xTaskGenericNotifyFromISR((xTaskToNotify), (uxIndexToNotify), (ulValue), (eAction), NULL, \
                              (pxHigherPriorityTaskWoken))
#define xTaskNotifyAndQueryFromISR(xTaskToNotify, ulValue, eAction, pulPreviousNotificationValue,  \
                                   pxHigherPriorityTaskWoken)                                      \
    xTaskGenericNotifyFromISR((xTaskToNotify), (tskDEFAULT_INDEX_TO_NOTIFY), (ulValue), (eAction), \
                              (pulPreviousNotificationValue), (pxHigherPriorityTaskWoken))
#define xTaskNotifyAndQueryIndexedFromISR(xTaskToNotify, uxIndexToNotify, ulValue, eAction,        \
                                          pulPreviousNotificationValue, pxHigherPriorityTaskWoken) \
    xTaskGenericNotifyFromISR((xTaskToNotify), (uxIndexToNotify), (ulValue), (eAction),            \
                              (pulPreviousNotificationValue), (pxHigherPriorityTaskWoken))
#define xTaskNotifyWait(ulBitsToClearOnEntry, ulBitsToClearOnExit, pulNotificationValue, \
                        xTicksToWait)                                                    \
    xTaskGenericNotifyWait(tskDEFAULT_INDEX_TO_NOTIFY, (ulBitsToClearOnEntry),           \
                           (ulBitsToClearOnExit), (pulNotificationValue), (xTicksToWait))
#define xTaskNotifyWaitIndexed(uxIndexToWaitOn, ulBitsToClearOnEntry, ulBitsToClearOnExit,   \
                               pulNotificationValue, xTicksToWait)                           \
    xTaskGenericNotifyWait((uxIndexToWaitOn), (ulBitsToClearOnEntry), (ulBitsToClearOnExit), \
                           (pulNotificationValue), (xTicksToWait))
#define xTaskNotifyGive(xTaskToNotify) \
    xTaskGenericNotify((xTaskToNotify), (tskDEFAULT_INDEX_TO_NOTIFY), (0), eIncrement, NULL)
#define xTaskNotifyGiveIndexed(xTaskToNotify, uxIndexToNotify) \
    xTaskGenericNotify((xTaskToNotify), (uxIndexToNotify), (0), eIncrement, NULL)
#define vTaskNotifyGiveFromISR(xTaskToNotify, pxHigherPriorityTaskWoken)         \
    vTaskGenericNotifyGiveFromISR((xTaskToNotify), (tskDEFAULT_INDEX_TO_NOTIFY), \
                                  (pxHigherPriorityTaskWoken))
#define vTaskNotifyGiveIndexedFromISR(xTaskToNotify, uxIndexToNotify, pxHigherPriorityTaskWoken) \
    vTaskGenericNotifyGiveFromISR((xTaskToNotify), (uxIndexToNotify), (pxHigherPriorityTaskWoken))
#define ulTaskNotifyTake(xClearCountOnExit, xTicksToWait) \
    ulTaskGenericNotifyTake((tskDEFAULT_INDEX_TO_NOTIFY), (xClearCountOnExit), (xTicksToWait))
#define ulTaskNotifyTakeIndexed(uxIndexToWaitOn, xClearCountOnExit, xTicksToWait) \
    ulTaskGenericNotifyTake((uxIndexToWaitOn), (xClearCountOnExit), (xTicksToWait))
#define xTaskNotifyStateClear(xTask) \
    xTaskGenericNotifyStateClear((xTask), (tskDEFAULT_INDEX_TO_NOTIFY))
#define xTaskNotifyStateClearIndexed(xTask, uxIndexToClear) \
    xTaskGenericNotifyStateClear((xTask), (uxIndexToClear))
#define ulTaskNotifyValueClear(xTask, ulBitsToClear) \
    ulTaskGenericNotifyValueClear((xTask), (tskDEFAULT_INDEX_TO_NOTIFY), (ulBitsToClear))
#define ulTaskNotifyValueClearIndexed(xTask, uxIndexToClear, ulBitsToClear) \
    ulTaskGenericNotifyValueClear((xTask), (uxIndexToClear), (ulBitsToClear))

/* ----- Timeouts (for drivers that block in several steps) ---------------------------- */
void vTaskSetTimeOutState(TimeOut_t *const pxTimeOut);
void vTaskInternalSetTimeOutState(TimeOut_t *const pxTimeOut);

/* Returns pdTRUE if the time in *pxTicksToWait has passed since
 * vTaskSetTimeOutState() (or the wait was aborted); otherwise reduces
 * *pxTicksToWait to the time remaining and returns pdFALSE. */
BaseType_t xTaskCheckForTimeOut(TimeOut_t *const pxTimeOut, TickType_t *const pxTicksToWait);

/* ----- Tickless idle ---------------------------------------------------------------- */
/* Moves the tick count on by xTicksToJump after a tickless sleep.
 * Context: scheduler suspended. */
void vTaskStepTick(TickType_t xTicksToJump);

/* Called by portSUPPRESS_TICKS_AND_SLEEP with interrupts masked. */
eSleepModeStatus eTaskConfirmSleepModeStatus(void);

/* Catches up ticks missed while the scheduler was suspended (FreeRTOS 10.4+).
 * Returns pdTRUE if a switch is needed. */
BaseType_t xTaskCatchUpTicks(TickType_t xTicksToCatchUp);

/* ----- For ports only ------------------------------------------------------------------
 * Called by the port's tick ISR. Returns pdTRUE when a context switch is
 * needed. */
BaseType_t xTaskIncrementTick(void);

/* Called by the port's switch handler with the old context saved; selects
 * the next task into pxCurrentTCB. */
void vTaskSwitchContext(void);

/* Hooks the application provides when enabled in FreeRTOSConfig.h. */
void vApplicationIdleHook(void);
void vApplicationTickHook(void);
void vApplicationMallocFailedHook(void);
void vApplicationDaemonTaskStartupHook(void);
void vApplicationStackOverflowHook(TaskHandle_t xTask, char *pcTaskName);
void vApplicationGetIdleTaskMemory(StaticTask_t **ppxIdleTaskTCBBuffer,
                                   StackType_t **ppxIdleTaskStackBuffer,
                                   configSTACK_DEPTH_TYPE *puxIdleTaskStackSize);
void vApplicationGetTimerTaskMemory(StaticTask_t **ppxTimerTaskTCBBuffer,
                                    StackType_t **ppxTimerTaskStackBuffer,
                                    configSTACK_DEPTH_TYPE *puxTimerTaskStackSize);

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* INC_TASK_H */
