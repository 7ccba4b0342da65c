/*
 * event_groups.h - event groups: sets of event bits that tasks wait on.
 *
 * An event group holds an EventBits_t whose top 8 bits are reserved for the
 * kernel: 8 usable bits with 16-bit ticks, 24 with 32-bit ticks, 56 with
 * 64-bit ticks. Setting bits wakes every waiting task whose condition is
 * met, in the order they started waiting; each woken task gets the value the
 * group had when its condition was met, before any bits were cleared on its
 * behalf. Passing control bits or no bits to wait for is a programming error
 * (configASSERT). A NULL handle is a programming error (configASSERT).
 *
 * xEventGroupSetBitsFromISR and xEventGroupClearBitsFromISR do not change
 * the group in the interrupt: they defer the change to the timer daemon task
 * (xTimerPendFunctionCallFromISR), so they need configUSE_TIMERS 1, and the
 * change happens when the daemon next runs.
 */
#ifndef EVENT_GROUPS_H
#define EVENT_GROUPS_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before event_groups.h"
#endif /* INC_FREERTOS_H */

#include "timers.h"

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

struct EventGroupDef_t;
typedef struct EventGroupDef_t *EventGroupHandle_t;
typedef TickType_t EventBits_t;

/* The kernel's control bits in a waiting task's event item (top byte). */
#define eventEVENT_BITS_CONTROL_BYTES ((EventBits_t)0xffU << ((sizeof(EventBits_t) - 1U) * 8U))
#define eventCLEAR_EVENTS_ON_EXIT_BIT ((EventBits_t)0x01U << ((sizeof(EventBits_t) - 1U) * 8U))
#define eventUNBLOCKED_DUE_TO_BIT_SET ((EventBits_t)0x02U << ((sizeof(EventBits_t) - 1U) * 8U))
#define eventWAIT_FOR_ALL_BITS ((EventBits_t)0x04U << ((sizeof(EventBits_t) - 1U) * 8U))

/* Creates a group with every bit clear; NULL when memory runs out.
 * Context: task, or before the scheduler starts. */
EventGroupHandle_t xEventGroupCreate(void);

/* As xEventGroupCreate, in the caller's buffer (NULL: configASSERT). */
EventGroupHandle_t xEventGroupCreateStatic(StaticEventGroup_t *pxEventGroupBuffer);

/* pdTRUE with the buffer of a statically created group, else pdFALSE. */
BaseType_t xEventGroupGetStaticBuffer(EventGroupHandle_t xEventGroup,
                                      StaticEventGroup_t **ppxEventGroupBuffer);

/* Deletes a group. Tasks waiting on it are woken and their wait returns 0.
 * Context: task. */
void vEventGroupDelete(EventGroupHandle_t xEventGroup);

/* Waits until any (xWaitForAllBits pdFALSE) or all (pdTRUE) of
 * uxBitsToWaitFor are set, for up to xTicksToWait ticks. On success those
 * bits are cleared when xClearOnExit is pdTRUE. Returns the group's value
 * when the condition was met, or at the timeout (the caller tests the bits
 * to tell which). Context: task; may block. */
EventBits_t xEventGroupWaitBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToWaitFor,
                                const BaseType_t xClearOnExit, const BaseType_t xWaitForAllBits,
                                TickType_t xTicksToWait);

/* Sets bits, waking the tasks whose condition is now met. Returns the value
 * when the call returns (bits cleared on exit by woken tasks are clear).
 * Context: task. */
EventBits_t xEventGroupSetBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet);

/* Clears bits; returns the value before they were cleared. Context: task. */
EventBits_t xEventGroupClearBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToClear);

/* The current value. Context: task (the macro), ISR (FromISR). */
#define xEventGroupGetBits(xEventGroup) xEventGroupClearBits((xEventGroup), 0)
EventBits_t xEventGroupGetBitsFromISR(EventGroupHandle_t xEventGroup);

/* Rendezvous: sets uxBitsToSet, then waits until all of uxBitsToWaitFor
 * are set, and clears them on success. Returns the value before clearing
 * on success, or the value at the timeout. Context: task; may block. */
EventBits_t xEventGroupSync(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet,
                            const EventBits_t uxBitsToWaitFor, TickType_t xTicksToWait);

/* Deferred to the timer daemon (see above). Return pdPASS if the request
 * was queued, pdFAIL if the daemon's queue is full. *pxHigherPriorityTaskWoken
 * is set when the daemon outranks the interrupted task. Context: ISR. */
BaseType_t xEventGroupSetBitsFromISR(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet,
                                     BaseType_t *pxHigherPriorityTaskWoken);
BaseType_t xEventGroupClearBitsFromISR(EventGroupHandle_t xEventGroup,
                                       const EventBits_t uxBitsToClear);

/* The functions the daemon runs for the FromISR calls (PendedFunction_t). */
void vEventGroupSetBitsCallback(void *pvEventGroup, uint32_t ulBitsToSet);
void vEventGroupClearBitsCallback(void *pvEventGroup, uint32_t ulBitsToClear);

/* For trace tools (configUSE_TRACE_FACILITY). */
UBaseType_t uxEventGroupGetNumber(void *xEventGroup);
void vEventGroupSetNumber(void *xEventGroup, UBaseType_t uxEventGroupNumber);

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* EVENT_GROUPS_H */
