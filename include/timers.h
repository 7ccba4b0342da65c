/*
 * timers.h - software timers and deferred function calls.
 *
 * Timers run in the timer service (daemon) task, created by
 * vTaskStartScheduler() when configUSE_TIMERS is 1, at
 * configTIMER_TASK_PRIORITY with configTIMER_TASK_STACK_DEPTH words of stack.
 * The API functions do not touch a timer's state directly: they post a
 * command to the daemon's queue (configTIMER_QUEUE_LENGTH entries), so a
 * command takes effect when the daemon runs. Task-level commands may block
 * for xTicksToWait when the queue is full and return pdFAIL if it is still
 * full then; the block time is ignored before the scheduler starts, while it
 * is suspended and in the daemon itself. FromISR commands never block.
 *
 * A timer's expiry time is counted from the moment the command was sent
 * (xTimerStart, xTimerReset, xTimerChangePeriod), not from when the daemon
 * handled it. An auto-reload timer's next expiry is its previous expiry plus
 * its period, so it does not drift; if the daemon was held up past several
 * expiries, the callback runs once for each of them, in order.
 *
 * Callbacks run in the daemon task: they must not block, and any command
 * they send is posted without waiting.
 */
#ifndef TIMERS_H
#define TIMERS_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before timers.h"
#endif /* INC_FREERTOS_H */

#include "task.h"

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

/* Command identifiers of the daemon queue (xTimerGenericCommand). */
#define tmrCOMMAND_EXECUTE_CALLBACK_FROM_ISR ((BaseType_t)-2)
#define tmrCOMMAND_EXECUTE_CALLBACK ((BaseType_t)-1)
#define tmrCOMMAND_START_DONT_TRACE ((BaseType_t)0)
#define tmrCOMMAND_START ((BaseType_t)1)
#define tmrCOMMAND_RESET ((BaseType_t)2)
#define tmrCOMMAND_STOP ((BaseType_t)3)
#define tmrCOMMAND_CHANGE_PERIOD ((BaseType_t)4)
#define tmrCOMMAND_DELETE ((BaseType_t)5)
#define tmrFIRST_FROM_ISR_COMMAND ((BaseType_t)6)
#define tmrCOMMAND_START_FROM_ISR ((BaseType_t)6)
#define tmrCOMMAND_RESET_FROM_ISR ((BaseType_t)7)
#define tmrCOMMAND_STOP_FROM_ISR ((BaseType_t)8)
#define tmrCOMMAND_CHANGE_PERIOD_FROM_ISR ((BaseType_t)9)

struct tmrTimerControl;
typedef struct tmrTimerControl *TimerHandle_t;

/* A timer callback; runs in the daemon task. */
typedef void (*TimerCallbackFunction_t)(TimerHandle_t xTimer);

/* A function run by the daemon for xTimerPendFunctionCall(). */
typedef void (*PendedFunction_t)(void *arg1, uint32_t arg2);

/* ----- Creation -------------------------------------------------------------
 * Creates a dormant timer: it does not run until started. xTimerPeriodInTicks
 * must be greater than 0 and pxCallbackFunction not NULL (configASSERT; NULL
 * is returned). xAutoReload pdTRUE: the timer restarts itself each time it
 * expires; pdFALSE: one-shot. Returns NULL when memory runs out.
 * Context: task, or before the scheduler starts. */
TimerHandle_t xTimerCreate(const char *const pcTimerName, const TickType_t xTimerPeriodInTicks,
                           const BaseType_t xAutoReload, void *const pvTimerID,
                           TimerCallbackFunction_t pxCallbackFunction);

/* As xTimerCreate, in the caller's pxTimerBuffer (NULL: configASSERT). */
TimerHandle_t xTimerCreateStatic(const char *const pcTimerName,
                                 const TickType_t xTimerPeriodInTicks, const BaseType_t xAutoReload,
                                 void *const pvTimerID, TimerCallbackFunction_t pxCallbackFunction,
                                 StaticTimer_t *pxTimerBuffer);

/* pdTRUE with the buffer of a statically created timer, else pdFALSE. */
BaseType_t xTimerGetStaticBuffer(TimerHandle_t xTimer, StaticTimer_t **ppxTimerBuffer);

/* ----- Commands ---------------------------------------------------------------
 * Post a command to the daemon; return pdPASS when it was queued.
 * xOptionalValue: the tick count at the call for START and RESET, the new
 * period for CHANGE_PERIOD (must be > 0), unused otherwise. */
BaseType_t xTimerGenericCommandFromTask(TimerHandle_t xTimer, const BaseType_t xCommandID,
                                        const TickType_t xOptionalValue,
                                        BaseType_t *const pxHigherPriorityTaskWoken,
                                        const TickType_t xTicksToWait);
BaseType_t xTimerGenericCommandFromISR(TimerHandle_t xTimer, const BaseType_t xCommandID,
                                       const TickType_t xOptionalValue,
                                       BaseType_t *const pxHigherPriorityTaskWoken,
                                       const TickType_t xTicksToWait);
#define xTimerGenericCommand(xTimer, xCommandID, xOptionalValue, pxHigherPriorityTaskWoken, \
                             xTicksToWait)                                                  \
    (((xCommandID) < tmrFIRST_FROM_ISR_COMMAND)                                             \
         ? xTimerGenericCommandFromTask((xTimer), (xCommandID), (xOptionalValue),           \
                                        (pxHigherPriorityTaskWoken), (xTicksToWait))        \
         : xTimerGenericCommandFromISR((xTimer), (xCommandID), (xOptionalValue),            \
                                       (pxHigherPriorityTaskWoken), (xTicksToWait)))

/* Start (or restart) the timer: it expires xTimerGetPeriod() ticks after
 * the call. On a running timer start and reset are the same. */
#define xTimerStart(xTimer, xTicksToWait) \
    xTimerGenericCommand((xTimer), tmrCOMMAND_START, (xTaskGetTickCount()), NULL, (xTicksToWait))
#define xTimerReset(xTimer, xTicksToWait) \
    xTimerGenericCommand((xTimer), tmrCOMMAND_RESET, (xTaskGetTickCount()), NULL, (xTicksToWait))

/* Make the timer dormant; stopping a dormant timer is harmless. */
#define xTimerStop(xTimer, xTicksToWait) \
    xTimerGenericCommand((xTimer), tmrCOMMAND_STOP, 0U, NULL, (xTicksToWait))

/* Set a new period (> 0) and (re)start the timer: it expires xNewPeriod
 * ticks after the call, whether it was running or dormant. */
#define xTimerChangePeriod(xTimer, xNewPeriod, xTicksToWait) \
    xTimerGenericCommand((xTimer), tmrCOMMAND_CHANGE_PERIOD, (xNewPeriod), NULL, (xTicksToWait))

/* Stop the timer and free it (the daemon frees it when it handles the
 * command). The handle must not be used afterwards. */
#define xTimerDelete(xTimer, xTicksToWait) \
    xTimerGenericCommand((xTimer), tmrCOMMAND_DELETE, 0U, NULL, (xTicksToWait))

#define xTimerStartFromISR(xTimer, pxHigherPriorityTaskWoken)                               \
    xTimerGenericCommand((xTimer), tmrCOMMAND_START_FROM_ISR, (xTaskGetTickCountFromISR()), \
                         (pxHigherPriorityTaskWoken), 0U)
#define xTimerResetFromISR(xTimer, pxHigherPriorityTaskWoken)                               \
    xTimerGenericCommand((xTimer), tmrCOMMAND_RESET_FROM_ISR, (xTaskGetTickCountFromISR()), \
                         (pxHigherPriorityTaskWoken), 0U)
#define xTimerStopFromISR(xTimer, pxHigherPriorityTaskWoken) \
    xTimerGenericCommand((xTimer), tmrCOMMAND_STOP_FROM_ISR, 0, (pxHigherPriorityTaskWoken), 0U)
#define xTimerChangePeriodFromISR(xTimer, xNewPeriod, pxHigherPriorityTaskWoken)    \
    xTimerGenericCommand((xTimer), tmrCOMMAND_CHANGE_PERIOD_FROM_ISR, (xNewPeriod), \
                         (pxHigherPriorityTaskWoken), 0U)

/* Asks the daemon to call xFunctionToPend(pvParameter1, ulParameter2).
 * pdPASS when queued. The FromISR form sets *pxHigherPriorityTaskWoken when
 * the daemon outranks the interrupted task. */
BaseType_t xTimerPendFunctionCall(PendedFunction_t xFunctionToPend, void *pvParameter1,
                                  uint32_t ulParameter2, TickType_t xTicksToWait);
BaseType_t xTimerPendFunctionCallFromISR(PendedFunction_t xFunctionToPend, void *pvParameter1,
                                         uint32_t ulParameter2,
                                         BaseType_t *pxHigherPriorityTaskWoken);

/* ----- Information and settings (take effect at once, any task) ------------------ */

/* pdTRUE while the timer runs: started and not stopped, and for a one-shot
 * timer not yet expired. Reflects the commands the daemon has handled. */
BaseType_t xTimerIsTimerActive(TimerHandle_t xTimer);

void *pvTimerGetTimerID(const TimerHandle_t xTimer);
void vTimerSetTimerID(TimerHandle_t xTimer, void *pvNewID);
const char *pcTimerGetName(TimerHandle_t xTimer);
TickType_t xTimerGetPeriod(TimerHandle_t xTimer);

/* The tick at which the timer expires next; meaningful while it runs. */
TickType_t xTimerGetExpiryTime(TimerHandle_t xTimer);

/* Switches between auto-reload (pdTRUE) and one-shot (pdFALSE). */
void vTimerSetReloadMode(TimerHandle_t xTimer, const BaseType_t xAutoReload);
BaseType_t xTimerGetReloadMode(TimerHandle_t xTimer);
UBaseType_t uxTimerGetReloadMode(TimerHandle_t xTimer);

/* The daemon task; only valid once the scheduler was started. */
TaskHandle_t xTimerGetTimerDaemonTaskHandle(void);

/* For trace tools (configUSE_TRACE_FACILITY). */
UBaseType_t uxTimerGetTimerNumber(TimerHandle_t xTimer);
void vTimerSetTimerNumber(TimerHandle_t xTimer, UBaseType_t uxTimerNumber);

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* TIMERS_H */
