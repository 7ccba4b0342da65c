/*
 * queue.h - queues, queue sets and the queue registry.
 *
 * Items are copied into and out of the queue by value. Tasks blocked on a
 * queue are woken highest priority first, FIFO among equal priorities.
 * Task-level calls may block for up to xTicksToWait ticks (portMAX_DELAY:
 * forever when INCLUDE_vTaskSuspend is 1); FromISR calls never block and
 * report through *pxHigherPriorityTaskWoken whether the ISR should request
 * a switch. A NULL queue handle is a programming error (configASSERT).
 */
#ifndef QUEUE_H
#define QUEUE_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before queue.h"
#endif /* INC_FREERTOS_H */

#include "task.h"

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

struct QueueDefinition;
typedef struct QueueDefinition *QueueHandle_t;
typedef struct QueueDefinition *QueueSetHandle_t;
typedef struct QueueDefinition *QueueSetMemberHandle_t;

#define queueSEND_TO_BACK ((BaseType_t)0)
#define queueSEND_TO_FRONT ((BaseType_t)1)
#define queueOVERWRITE ((BaseType_t)2)

#define queueQUEUE_TYPE_BASE ((uint8_t)0U)
#define queueQUEUE_TYPE_SET ((uint8_t)0U)
#define queueQUEUE_TYPE_MUTEX ((uint8_t)1U)
#define queueQUEUE_TYPE_COUNTING_SEMAPHORE ((uint8_t)2U)
#define queueQUEUE_TYPE_BINARY_SEMAPHORE ((uint8_t)3U)
#define queueQUEUE_TYPE_RECURSIVE_MUTEX ((uint8_t)4U)

/* ----- Creation -------------------------------------------------------------
 * uxQueueLength must be > 0. uxItemSize may be 0 only for semaphores.
 * Return NULL if memory cannot be allocated. */
QueueHandle_t xQueueGenericCreate(const UBaseType_t uxQueueLength, const UBaseType_t uxItemSize,
                                  const uint8_t ucQueueType);
QueueHandle_t xQueueGenericCreateStatic(const UBaseType_t uxQueueLength,
                                        const UBaseType_t uxItemSize, uint8_t *pucQueueStorage,
                                        StaticQueue_t *pxStaticQueue, const uint8_t ucQueueType);
BaseType_t xQueueGenericGetStaticBuffers(QueueHandle_t xQueue, uint8_t **ppucQueueStorage,
                                         StaticQueue_t **ppxStaticQueue);

#define xQueueCreate(uxQueueLength, uxItemSize) \
    xQueueGenericCreate((uxQueueLength), (uxItemSize), (queueQUEUE_TYPE_BASE))
#define xQueueCreateStatic(uxQueueLength, uxItemSize, pucQueueStorage, pxQueueBuffer)            \
    xQueueGenericCreateStatic((uxQueueLength), (uxItemSize), (pucQueueStorage), (pxQueueBuffer), \
                              (queueQUEUE_TYPE_BASE))
#define xQueueGetStaticBuffers(xQueue, ppucQueueStorage, ppxStaticQueue) \
    xQueueGenericGetStaticBuffers((xQueue), (ppucQueueStorage), (ppxStaticQueue))

/* Deletes a queue. Deleting a queue that tasks are blocked on, or that is a
 * member of a queue set, is a programming error (configASSERT). */
void vQueueDelete(QueueHandle_t xQueue);

/* Empties the queue; tasks waiting to send are woken. Always returns pdPASS. */
BaseType_t xQueueGenericReset(QueueHandle_t xQueue, BaseType_t xNewQueue);
#define xQueueReset(xQueue) xQueueGenericReset((xQueue), pdFALSE)

/* ----- Sending --------------------------------------------------------------
 * xCopyPosition is queueSEND_TO_BACK, queueSEND_TO_FRONT or queueOVERWRITE
 * (overwrite: only for queues of length 1; never blocks).
 * Returns pdPASS, or errQUEUE_FULL when no space arrived in time. */
BaseType_t xQueueGenericSend(QueueHandle_t xQueue, const void *const pvItemToQueue,
                             TickType_t xTicksToWait, const BaseType_t xCopyPosition);
BaseType_t xQueueGenericSendFromISR(QueueHandle_t xQueue, const void *const pvItemToQueue,
                                    BaseType_t *const pxHigherPriorityTaskWoken,
                                    const BaseType_t xCopyPosition);

/* Give for semaphores whose item size is 0 (binary and counting). */
BaseType_t xQueueGiveFromISR(QueueHandle_t xQueue, BaseType_t *const pxHigherPriorityTaskWoken);

#define xQueueSend(xQueue, pvItemToQueue, xTicksToWait) \
    xQueueGenericSend((xQueue), (pvItemToQueue), (xTicksToWait), queueSEND_TO_BACK)
#define xQueueSendToBack(xQueue, pvItemToQueue, xTicksToWait) \
    xQueueGenericSend((xQueue), (pvItemToQueue), (xTicksToWait), queueSEND_TO_BACK)
#define xQueueSendToFront(xQueue, pvItemToQueue, xTicksToWait) \
    xQueueGenericSend((xQueue), (pvItemToQueue), (xTicksToWait), queueSEND_TO_FRONT)
#define xQueueOverwrite(xQueue, pvItemToQueue) \
    xQueueGenericSend((xQueue), (pvItemToQueue), 0, queueOVERWRITE)
#define xQueueSendFromISR(xQueue, pvItemToQueue, pxHigherPriorityTaskWoken)          \
    xQueueGenericSendFromISR((xQueue), (pvItemToQueue), (pxHigherPriorityTaskWoken), \
                             queueSEND_TO_BACK)
#define xQueueSendToBackFromISR(xQueue, pvItemToQueue, pxHigherPriorityTaskWoken)    \
    xQueueGenericSendFromISR((xQueue), (pvItemToQueue), (pxHigherPriorityTaskWoken), \
                             queueSEND_TO_BACK)
#define xQueueSendToFrontFromISR(xQueue, pvItemToQueue, pxHigherPriorityTaskWoken)   \
    xQueueGenericSendFromISR((xQueue), (pvItemToQueue), (pxHigherPriorityTaskWoken), \
                             queueSEND_TO_FRONT)
#define xQueueOverwriteFromISR(xQueue, pvItemToQueue, pxHigherPriorityTaskWoken) \
    xQueueGenericSendFromISR((xQueue), (pvItemToQueue), (pxHigherPriorityTaskWoken), queueOVERWRITE)

/* ----- Receiving ------------------------------------------------------------
 * Returns pdPASS with the item copied to pvBuffer, or errQUEUE_EMPTY. */
BaseType_t xQueueReceive(QueueHandle_t xQueue, void *const pvBuffer, TickType_t xTicksToWait);

/* As xQueueReceive, but leaves the item in the queue. */
BaseType_t xQueuePeek(QueueHandle_t xQueue, void *const pvBuffer, TickType_t xTicksToWait);
BaseType_t xQueueReceiveFromISR(QueueHandle_t xQueue, void *const pvBuffer,
                                BaseType_t *const pxHigherPriorityTaskWoken);
BaseType_t xQueuePeekFromISR(QueueHandle_t xQueue, void *const pvBuffer);

/* Takes a semaphore (item size 0), with priority inheritance for mutexes. */
BaseType_t xQueueSemaphoreTake(QueueHandle_t xQueue, TickType_t xTicksToWait);

/* ----- Status ---------------------------------------------------------------- */
UBaseType_t uxQueueMessagesWaiting(const QueueHandle_t xQueue);
UBaseType_t uxQueueMessagesWaitingFromISR(const QueueHandle_t xQueue);
UBaseType_t uxQueueSpacesAvailable(const QueueHandle_t xQueue);
BaseType_t xQueueIsQueueEmptyFromISR(const QueueHandle_t xQueue);
BaseType_t xQueueIsQueueFullFromISR(const QueueHandle_t xQueue);
UBaseType_t uxQueueGetQueueLength(QueueHandle_t xQueue);
UBaseType_t uxQueueGetQueueItemSize(QueueHandle_t xQueue);
uint8_t ucQueueGetQueueType(QueueHandle_t xQueue);
UBaseType_t uxQueueGetQueueNumber(QueueHandle_t xQueue);
void vQueueSetQueueNumber(QueueHandle_t xQueue, UBaseType_t uxQueueNumber);

/* ----- Registry (configQUEUE_REGISTRY_SIZE > 0), for kernel-aware debuggers -- */
/* Adds or renames an entry; silently ignored when the registry is full. */
void vQueueAddToRegistry(QueueHandle_t xQueue, const char *pcQueueName);
void vQueueUnregisterQueue(QueueHandle_t xQueue);
const char *pcQueueGetName(QueueHandle_t xQueue);

/* ----- Queue sets (configUSE_QUEUE_SETS) ---------------------------------------
 * A set holds the handles of member queues and semaphores that have data.
 * uxEventQueueLength must be the sum of the members' lengths. */
QueueSetHandle_t xQueueCreateSet(const UBaseType_t uxEventQueueLength);
QueueSetHandle_t xQueueCreateSetStatic(const UBaseType_t uxEventQueueLength,
                                       uint8_t *pucQueueStorage, StaticQueue_t *pxStaticQueue);

/* Fails (pdFAIL) if the member is already in a set or is not empty. */
BaseType_t xQueueAddToSet(QueueSetMemberHandle_t xQueueOrSemaphore, QueueSetHandle_t xQueueSet);

/* Fails (pdFAIL) if the member is not in this set or is not empty. */
BaseType_t xQueueRemoveFromSet(QueueSetMemberHandle_t xQueueOrSemaphore,
                               QueueSetHandle_t xQueueSet);

/* Returns a member that has data, or NULL on timeout. The caller must then
 * read from that member. */
QueueSetMemberHandle_t xQueueSelectFromSet(QueueSetHandle_t xQueueSet,
                                           const TickType_t xTicksToWait);
QueueSetMemberHandle_t xQueueSelectFromSetFromISR(QueueSetHandle_t xQueueSet);

/* ----- Mutex internals used by semphr.h ----------------------------------------- */
QueueHandle_t xQueueCreateMutex(const uint8_t ucQueueType);
QueueHandle_t xQueueCreateMutexStatic(const uint8_t ucQueueType, StaticQueue_t *pxStaticQueue);
/* uxMaxCount must be > 0 and uxInitialCount <= uxMaxCount (configASSERT;
 * NULL otherwise). */
QueueHandle_t xQueueCreateCountingSemaphore(const UBaseType_t uxMaxCount,
                                            const UBaseType_t uxInitialCount);
QueueHandle_t xQueueCreateCountingSemaphoreStatic(const UBaseType_t uxMaxCount,
                                                  const UBaseType_t uxInitialCount,
                                                  StaticQueue_t *pxStaticQueue);
TaskHandle_t xQueueGetMutexHolder(QueueHandle_t xSemaphore);
TaskHandle_t xQueueGetMutexHolderFromISR(QueueHandle_t xSemaphore);
BaseType_t xQueueTakeMutexRecursive(QueueHandle_t xMutex, TickType_t xTicksToWait);
BaseType_t xQueueGiveMutexRecursive(QueueHandle_t xMutex);

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* QUEUE_H */
