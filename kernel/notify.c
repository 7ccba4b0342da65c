/*
 * notify.c - direct-to-task notifications.
 *
 * Each task has configTASK_NOTIFICATION_ARRAY_ENTRIES 32-bit values with a
 * state (none, waiting, received). A waiting task blocks on no object: it is
 * only on the delayed (or suspended) list, so a notification wakes it with
 * no list search.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "kernel_sched.h"

/* Applies an action to a value; returns pdFAIL if it was refused. Locked. */
static BaseType_t apply(tcb_t *t, UBaseType_t i, uint32_t value, eNotifyAction action,
                        uint8_t previous_state)
{
    switch (action) {
    case eSetBits:
        t->notify_value[i] |= value;
        break;
    case eIncrement:
        t->notify_value[i]++;
        break;
    case eSetValueWithOverwrite:
        t->notify_value[i] = value;
        break;
    case eSetValueWithoutOverwrite:
        if (previous_state == NOTIFY_RECEIVED) {
            return pdFAIL;
        }
        t->notify_value[i] = value;
        break;
    case eNoAction:
        break;
    default:
        configASSERT(0); /* not an eNotifyAction */
        return pdFAIL;
    }
    return pdPASS;
}

/* Notifies entry i of t; *woke reports a higher-priority wake. Locked. */
static BaseType_t notify(tcb_t *t, UBaseType_t i, uint32_t value, eNotifyAction action,
                         uint32_t *previous, BaseType_t *woke)
{
    if (previous != NULL) {
        *previous = t->notify_value[i];
    }
    const uint8_t state = t->notify_state[i];
    t->notify_state[i] = NOTIFY_RECEIVED;
    BaseType_t r = apply(t, i, value, action, state);
    *woke = pdFALSE;
    if (state == NOTIFY_WAITING && t->notify_waiting_index == i) {
        *woke = sched_wake(t);
    }
    return r;
}

/* An unknown action is refused here, before anything is changed. */
static int notify_args_ok(TaskHandle_t t, UBaseType_t i, eNotifyAction action)
{
    const int action_ok = (unsigned)action <= (unsigned)eSetValueWithoutOverwrite;
    configASSERT(t != NULL);
    configASSERT(i < configTASK_NOTIFICATION_ARRAY_ENTRIES);
    configASSERT(action_ok);
    return t != NULL && i < configTASK_NOTIFICATION_ARRAY_ENTRIES && action_ok;
}

BaseType_t xTaskGenericNotify(TaskHandle_t xTaskToNotify, UBaseType_t uxIndexToNotify,
                              uint32_t ulValue, eNotifyAction eAction,
                              uint32_t *pulPreviousNotificationValue)
{
    BaseType_t woke;
    if (!notify_args_ok(xTaskToNotify, uxIndexToNotify, eAction)) {
        return pdFAIL;
    }
    portENTER_CRITICAL();
    traceTASK_NOTIFY(uxIndexToNotify);
    BaseType_t r = notify((tcb_t *)xTaskToNotify, uxIndexToNotify, ulValue, eAction,
                          pulPreviousNotificationValue, &woke);
    sched_yield_if(woke);
    portEXIT_CRITICAL();
    return r;
}

BaseType_t xTaskGenericNotifyFromISR(TaskHandle_t xTaskToNotify, UBaseType_t uxIndexToNotify,
                                     uint32_t ulValue, eNotifyAction eAction,
                                     uint32_t *pulPreviousNotificationValue,
                                     BaseType_t *pxHigherPriorityTaskWoken)
{
    BaseType_t woke;
    if (!notify_args_ok(xTaskToNotify, uxIndexToNotify, eAction)) {
        return pdFAIL;
    }
    SCHED_ASSERT_ISR_PRIORITY();
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    traceTASK_NOTIFY_FROM_ISR(uxIndexToNotify);
    BaseType_t r = notify((tcb_t *)xTaskToNotify, uxIndexToNotify, ulValue, eAction,
                          pulPreviousNotificationValue, &woke);
    if (woke != pdFALSE && pxHigherPriorityTaskWoken != NULL) {
        *pxHigherPriorityTaskWoken = pdTRUE;
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return r;
}

void vTaskGenericNotifyGiveFromISR(TaskHandle_t xTaskToNotify, UBaseType_t uxIndexToNotify,
                                   BaseType_t *pxHigherPriorityTaskWoken)
{
    BaseType_t woke;
    if (!notify_args_ok(xTaskToNotify, uxIndexToNotify, eIncrement)) {
        return;
    }
    SCHED_ASSERT_ISR_PRIORITY();
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    traceTASK_NOTIFY_GIVE_FROM_ISR(uxIndexToNotify);
    (void)notify((tcb_t *)xTaskToNotify, uxIndexToNotify, 0, eIncrement, NULL, &woke);
    if (woke != pdFALSE && pxHigherPriorityTaskWoken != NULL) {
        *pxHigherPriorityTaskWoken = pdTRUE;
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}

/* Blocks the caller on entry i unless `ready` says there is nothing to wait
 * for. Locked, then switches on exit. */
static void wait_on(UBaseType_t i, TickType_t ticks)
{
    tcb_t *self = pxCurrentTCB;
    self->notify_state[i] = NOTIFY_WAITING;
    if (ticks > 0U) {
        self->notify_waiting_index = (uint8_t)i;
        sched_block_current(NULL, ticks);
    }
}

static int wait_args_ok(UBaseType_t i, TickType_t ticks)
{
    configASSERT(i < configTASK_NOTIFICATION_ARRAY_ENTRIES);
    SCHED_ASSERT_CAN_BLOCK(ticks);
    SCHED_ASSERT_TASK_CONTEXT();
    (void)ticks;
    return i < configTASK_NOTIFICATION_ARRAY_ENTRIES;
}

BaseType_t xTaskGenericNotifyWait(UBaseType_t uxIndexToWaitOn, uint32_t ulBitsToClearOnEntry,
                                  uint32_t ulBitsToClearOnExit, uint32_t *pulNotificationValue,
                                  TickType_t xTicksToWait)
{
    BaseType_t r = pdFALSE;
    if (!wait_args_ok(uxIndexToWaitOn, xTicksToWait)) {
        return pdFALSE;
    }
    portENTER_CRITICAL();
    tcb_t *self = pxCurrentTCB;
    if (self->notify_state[uxIndexToWaitOn] != NOTIFY_RECEIVED) {
        self->notify_value[uxIndexToWaitOn] &= ~ulBitsToClearOnEntry;
        traceTASK_NOTIFY_WAIT_BLOCK(uxIndexToWaitOn);
        wait_on(uxIndexToWaitOn, xTicksToWait);
    }
    portEXIT_CRITICAL();

    portENTER_CRITICAL();
    traceTASK_NOTIFY_WAIT(uxIndexToWaitOn);
    if (pulNotificationValue != NULL) {
        *pulNotificationValue = self->notify_value[uxIndexToWaitOn];
    }
    if (self->notify_state[uxIndexToWaitOn] == NOTIFY_RECEIVED) {
        self->notify_value[uxIndexToWaitOn] &= ~ulBitsToClearOnExit;
        r = pdTRUE;
    }
    self->notify_state[uxIndexToWaitOn] = NOTIFY_NONE;
    self->flags &= (uint8_t)~TCB_DELAY_ABORTED;
    portEXIT_CRITICAL();
    return r;
}

uint32_t ulTaskGenericNotifyTake(UBaseType_t uxIndexToWaitOn, BaseType_t xClearCountOnExit,
                                 TickType_t xTicksToWait)
{
    if (!wait_args_ok(uxIndexToWaitOn, xTicksToWait)) {
        return 0;
    }
    portENTER_CRITICAL();
    tcb_t *self = pxCurrentTCB;
    if (self->notify_value[uxIndexToWaitOn] == 0U) {
        traceTASK_NOTIFY_TAKE_BLOCK(uxIndexToWaitOn);
        wait_on(uxIndexToWaitOn, xTicksToWait);
    }
    portEXIT_CRITICAL();

    portENTER_CRITICAL();
    traceTASK_NOTIFY_TAKE(uxIndexToWaitOn);
    uint32_t v = self->notify_value[uxIndexToWaitOn];
    if (v != 0U) {
        self->notify_value[uxIndexToWaitOn] = (xClearCountOnExit != pdFALSE) ? 0U : v - 1U;
    }
    self->notify_state[uxIndexToWaitOn] = NOTIFY_NONE;
    self->flags &= (uint8_t)~TCB_DELAY_ABORTED;
    portEXIT_CRITICAL();
    return v;
}

BaseType_t xTaskGenericNotifyStateClear(TaskHandle_t xTask, UBaseType_t uxIndexToClear)
{
    BaseType_t r = pdFAIL;
    configASSERT(uxIndexToClear < configTASK_NOTIFICATION_ARRAY_ENTRIES);
    if (uxIndexToClear >= configTASK_NOTIFICATION_ARRAY_ENTRIES) {
        return pdFAIL;
    }
    portENTER_CRITICAL();
    tcb_t *t = sched_tcb_or_current(xTask);
    if (t->notify_state[uxIndexToClear] == NOTIFY_RECEIVED) {
        t->notify_state[uxIndexToClear] = NOTIFY_NONE;
        r = pdPASS;
    }
    portEXIT_CRITICAL();
    return r;
}

uint32_t ulTaskGenericNotifyValueClear(TaskHandle_t xTask, UBaseType_t uxIndexToClear,
                                       uint32_t ulBitsToClear)
{
    configASSERT(uxIndexToClear < configTASK_NOTIFICATION_ARRAY_ENTRIES);
    if (uxIndexToClear >= configTASK_NOTIFICATION_ARRAY_ENTRIES) {
        return 0;
    }
    portENTER_CRITICAL();
    tcb_t *t = sched_tcb_or_current(xTask);
    uint32_t v = t->notify_value[uxIndexToClear];
    t->notify_value[uxIndexToClear] &= ~ulBitsToClear;
    portEXIT_CRITICAL();
    return v;
}
