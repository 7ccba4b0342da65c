/*
 * event_group.c - event groups.
 *
 * A waiting task sits on the group's list in arrival order (not by
 * priority: a set wakes every task whose condition holds, so order only
 * decides who sees bits first). Its event item value carries what it waits
 * for plus the control flags. The setter writes the group's value, marked
 * eventUNBLOCKED_DUE_TO_BIT_SET, back into that item before waking the
 * task, so the woken task learns its result from its own TCB and never
 * touches the group again: that is what makes deletion with waiters safe.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "timers.h"
#include "event_groups.h"
#include "kernel_sched.h"
#include "kernel_alloc.h"

#if (configUSE_EVENT_GROUPS == 1)

#define EG_STATIC 0x01U

typedef struct EventGroupDef_t {
    EventBits_t bits;
    list_t waiting; /* tasks, in arrival order */
#if (configUSE_TRACE_FACILITY == 1)
    UBaseType_t number;
#endif /* configUSE_TRACE_FACILITY */
    uint8_t flags;
} event_group_t;

_Static_assert(sizeof(StaticEventGroup_t) == sizeof(event_group_t),
               "StaticEventGroup_t must mirror event_group_t");

static int eg_met(EventBits_t value, EventBits_t want, int all)
{
    return all ? ((value & want) == want) : ((value & want) != 0U);
}

static void eg_init(event_group_t *eg, uint8_t flags)
{
    eg->bits = 0;
    list_init(&eg->waiting);
#if (configUSE_TRACE_FACILITY == 1)
    eg->number = 0;
#endif /* configUSE_TRACE_FACILITY */
    eg->flags = flags;
    traceEVENT_GROUP_CREATE(eg);
}

EventGroupHandle_t xEventGroupCreate(void)
{
    event_group_t *eg = kernel_alloc(sizeof(event_group_t));
    if (eg == NULL) {
        traceEVENT_GROUP_CREATE_FAILED();
        return NULL;
    }
    eg_init(eg, 0);
    return eg;
}

EventGroupHandle_t xEventGroupCreateStatic(StaticEventGroup_t *pxEventGroupBuffer)
{
    configASSERT(pxEventGroupBuffer != NULL);
    if (pxEventGroupBuffer == NULL) {
        traceEVENT_GROUP_CREATE_FAILED();
        return NULL;
    }
    event_group_t *eg = (event_group_t *)pxEventGroupBuffer;
    eg_init(eg, EG_STATIC);
    return eg;
}

BaseType_t xEventGroupGetStaticBuffer(EventGroupHandle_t xEventGroup,
                                      StaticEventGroup_t **ppxEventGroupBuffer)
{
    configASSERT(xEventGroup != NULL);
    configASSERT(ppxEventGroupBuffer != NULL);
    if ((xEventGroup->flags & EG_STATIC) == 0U) {
        return pdFALSE;
    }
    *ppxEventGroupBuffer = (StaticEventGroup_t *)xEventGroup;
    return pdTRUE;
}

/* Wakes t with `value` as its result. Locked. */
static BaseType_t eg_wake(tcb_t *t, EventBits_t value)
{
    t->event_item.link.value = value | eventUNBLOCKED_DUE_TO_BIT_SET;
    return sched_wake(t);
}

void vEventGroupDelete(EventGroupHandle_t xEventGroup)
{
    BaseType_t woke = pdFALSE;
    configASSERT(xEventGroup != NULL);
    event_group_t *eg = xEventGroup;
    traceEVENT_GROUP_DELETE(eg);
    portENTER_CRITICAL();
    while (!list_is_empty(&eg->waiting)) {
        woke |= eg_wake(list_head_owner(&eg->waiting), 0);
    }
    sched_yield_if(woke);
    portEXIT_CRITICAL();
    if ((eg->flags & EG_STATIC) == 0U) {
        kernel_free(eg);
    }
}

/* Sets bits and wakes every waiter whose condition holds; bits they asked
 * to clear are cleared after all of them saw the value. Returns pdTRUE if a
 * woken task outranks the running one. Locked. */
static BaseType_t eg_set_locked(event_group_t *eg, EventBits_t set)
{
    BaseType_t woke = pdFALSE;
    EventBits_t clear = 0;
    eg->bits |= set;
    list_link_t *end = &eg->waiting.end;
    for (list_link_t *k = end->next; k != end;) {
        list_link_t *next = k->next;
        const EventBits_t v = k->value;
        const EventBits_t want = v & ~eventEVENT_BITS_CONTROL_BYTES;
        if (eg_met(eg->bits, want, (v & eventWAIT_FOR_ALL_BITS) != 0U)) {
            if ((v & eventCLEAR_EVENTS_ON_EXIT_BIT) != 0U) {
                clear |= want;
            }
            woke |= eg_wake(list_item_of(k)->owner, eg->bits);
        }
        k = next;
    }
    eg->bits &= ~clear;
    return woke;
}

static int eg_bits_ok(EventGroupHandle_t eg, EventBits_t bits)
{
    configASSERT(eg != NULL);
    configASSERT((bits & eventEVENT_BITS_CONTROL_BYTES) == 0U);
    return eg != NULL && (bits & eventEVENT_BITS_CONTROL_BYTES) == 0U;
}

EventBits_t xEventGroupSetBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet)
{
    if (!eg_bits_ok(xEventGroup, uxBitsToSet)) {
        return 0;
    }
    portENTER_CRITICAL();
    traceEVENT_GROUP_SET_BITS(xEventGroup, uxBitsToSet);
    sched_yield_if(eg_set_locked(xEventGroup, uxBitsToSet));
    const EventBits_t r = xEventGroup->bits;
    portEXIT_CRITICAL();
    return r;
}

EventBits_t xEventGroupClearBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToClear)
{
    if (!eg_bits_ok(xEventGroup, uxBitsToClear)) {
        return 0;
    }
    portENTER_CRITICAL();
    traceEVENT_GROUP_CLEAR_BITS(xEventGroup, uxBitsToClear);
    const EventBits_t r = xEventGroup->bits;
    xEventGroup->bits &= ~uxBitsToClear;
    portEXIT_CRITICAL();
    return r;
}

EventBits_t xEventGroupGetBitsFromISR(EventGroupHandle_t xEventGroup)
{
    configASSERT(xEventGroup != NULL);
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    const EventBits_t r = xEventGroup->bits;
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return r;
}

/* After a block: the result a setter left in our event item, or, after a
 * timeout or an abort, the group's current value (clearing the bits if the
 * condition happens to hold now). */
static EventBits_t eg_wait_result(event_group_t *eg, EventBits_t want, BaseType_t clear, int all,
                                  BaseType_t *timed_out)
{
    portENTER_CRITICAL();
    EventBits_t v = pxCurrentTCB->event_item.link.value;
    *timed_out = ((v & eventUNBLOCKED_DUE_TO_BIT_SET) == 0U) ? pdTRUE : pdFALSE;
    if (*timed_out != pdFALSE) {
        v = eg->bits;
        if (clear != pdFALSE && eg_met(v, want, all)) {
            eg->bits &= ~want;
        }
    }
    portEXIT_CRITICAL();
    return v & ~eventEVENT_BITS_CONTROL_BYTES;
}

/* Blocks the caller on eg waiting for `want`. Locked; the caller leaves
 * the critical section to switch. */
static void eg_block(event_group_t *eg, EventBits_t want, BaseType_t clear, int all,
                     TickType_t ticks)
{
    EventBits_t v = want;
    if (clear != pdFALSE) {
        v |= eventCLEAR_EVENTS_ON_EXIT_BIT;
    }
    if (all) {
        v |= eventWAIT_FOR_ALL_BITS;
    }
    sched_block_current_unordered(&eg->waiting, v, ticks);
}

static int eg_wait_args_ok(EventGroupHandle_t eg, EventBits_t want, TickType_t ticks)
{
    configASSERT(want != 0U);
    SCHED_ASSERT_CAN_BLOCK(ticks);
    SCHED_ASSERT_TASK_CONTEXT();
    (void)ticks;
    return eg_bits_ok(eg, want) && want != 0U;
}

EventBits_t xEventGroupWaitBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToWaitFor,
                                const BaseType_t xClearOnExit, const BaseType_t xWaitForAllBits,
                                TickType_t xTicksToWait)
{
    BaseType_t timed_out = pdFALSE;
    const int all = (xWaitForAllBits != pdFALSE);
    if (!eg_wait_args_ok(xEventGroup, uxBitsToWaitFor, xTicksToWait)) {
        return 0;
    }
    event_group_t *eg = xEventGroup;
    portENTER_CRITICAL();
    const EventBits_t now = eg->bits;
    if (eg_met(now, uxBitsToWaitFor, all) || xTicksToWait == 0U) {
        if (xClearOnExit != pdFALSE && eg_met(now, uxBitsToWaitFor, all)) {
            eg->bits &= ~uxBitsToWaitFor;
        }
        portEXIT_CRITICAL();
        return now;
    }
    traceEVENT_GROUP_WAIT_BITS_BLOCK(eg, uxBitsToWaitFor);
    eg_block(eg, uxBitsToWaitFor, xClearOnExit, all, xTicksToWait);
    portEXIT_CRITICAL();
    const EventBits_t r = eg_wait_result(eg, uxBitsToWaitFor, xClearOnExit, all, &timed_out);
    traceEVENT_GROUP_WAIT_BITS_END(eg, uxBitsToWaitFor, timed_out);
    (void)timed_out;
    return r;
}

EventBits_t xEventGroupSync(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet,
                            const EventBits_t uxBitsToWaitFor, TickType_t xTicksToWait)
{
    BaseType_t timed_out = pdFALSE;
    if (!eg_wait_args_ok(xEventGroup, uxBitsToWaitFor, xTicksToWait) ||
        !eg_bits_ok(xEventGroup, uxBitsToSet)) {
        return 0;
    }
    event_group_t *eg = xEventGroup;
    portENTER_CRITICAL();
    const EventBits_t before = eg->bits;
    sched_yield_if(eg_set_locked(eg, uxBitsToSet));
    if (((before | uxBitsToSet) & uxBitsToWaitFor) == uxBitsToWaitFor) {
        /* Everyone has arrived: this task completes the rendezvous. */
        eg->bits &= ~uxBitsToWaitFor;
        portEXIT_CRITICAL();
        return before | uxBitsToSet;
    }
    if (xTicksToWait == 0U) {
        const EventBits_t r = eg->bits;
        portEXIT_CRITICAL();
        return r;
    }
    traceEVENT_GROUP_SYNC_BLOCK(eg, uxBitsToSet, uxBitsToWaitFor);
    eg_block(eg, uxBitsToWaitFor, pdTRUE, 1, xTicksToWait);
    portEXIT_CRITICAL();
    const EventBits_t r = eg_wait_result(eg, uxBitsToWaitFor, pdTRUE, 1, &timed_out);
    traceEVENT_GROUP_SYNC_END(eg, uxBitsToSet, uxBitsToWaitFor, timed_out);
    (void)timed_out;
    return r;
}

/* ----- Deferred from interrupts ---------------------------------------------------- */

void vEventGroupSetBitsCallback(void *pvEventGroup, uint32_t ulBitsToSet)
{
    (void)xEventGroupSetBits((EventGroupHandle_t)pvEventGroup, (EventBits_t)ulBitsToSet);
}

void vEventGroupClearBitsCallback(void *pvEventGroup, uint32_t ulBitsToClear)
{
    (void)xEventGroupClearBits((EventGroupHandle_t)pvEventGroup, (EventBits_t)ulBitsToClear);
}

#if (configUSE_TIMERS == 1)
BaseType_t xEventGroupSetBitsFromISR(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet,
                                     BaseType_t *pxHigherPriorityTaskWoken)
{
    if (!eg_bits_ok(xEventGroup, uxBitsToSet)) {
        return pdFAIL;
    }
    traceEVENT_GROUP_SET_BITS_FROM_ISR(xEventGroup, uxBitsToSet);
    return xTimerPendFunctionCallFromISR(vEventGroupSetBitsCallback, xEventGroup,
                                         (uint32_t)uxBitsToSet, pxHigherPriorityTaskWoken);
}

BaseType_t xEventGroupClearBitsFromISR(EventGroupHandle_t xEventGroup,
                                       const EventBits_t uxBitsToClear)
{
    if (!eg_bits_ok(xEventGroup, uxBitsToClear)) {
        return pdFAIL;
    }
    traceEVENT_GROUP_CLEAR_BITS_FROM_ISR(xEventGroup, uxBitsToClear);
    return xTimerPendFunctionCallFromISR(vEventGroupClearBitsCallback, xEventGroup,
                                         (uint32_t)uxBitsToClear, NULL);
}
#endif /* configUSE_TIMERS */

UBaseType_t uxEventGroupGetNumber(void *xEventGroup)
{
#if (configUSE_TRACE_FACILITY == 1)
    return (xEventGroup != NULL) ? ((event_group_t *)xEventGroup)->number : 0U;
#else
    (void)xEventGroup;
    return 0U;
#endif /* configUSE_TRACE_FACILITY */
}

void vEventGroupSetNumber(void *xEventGroup, UBaseType_t uxEventGroupNumber)
{
#if (configUSE_TRACE_FACILITY == 1)
    if (xEventGroup != NULL) {
        ((event_group_t *)xEventGroup)->number = uxEventGroupNumber;
    }
#else
    (void)xEventGroup;
    (void)uxEventGroupNumber;
#endif /* configUSE_TRACE_FACILITY */
}

#endif /* configUSE_EVENT_GROUPS */
