/*
 * semphr.h - binary and counting semaphores, mutexes and recursive mutexes.
 *
 * Semaphores are queues whose items have no size; the macros below map the
 * FreeRTOS semaphore API onto queue.h. Mutexes use priority inheritance:
 * a task holding a mutex runs at the highest priority of the tasks waiting
 * for any mutex it holds, transitively along chains of holders, and drops
 * back when it releases them or when a waiter stops waiting (timeout).
 * Mutexes must not be used from ISRs, except xSemaphoreGetMutexHolderFromISR.
 */
#ifndef SEMAPHORE_H
#define SEMAPHORE_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before semphr.h"
#endif /* INC_FREERTOS_H */

#include "queue.h"

typedef QueueHandle_t SemaphoreHandle_t;

#define semBINARY_SEMAPHORE_QUEUE_LENGTH ((uint8_t)1U)
#define semSEMAPHORE_QUEUE_ITEM_LENGTH ((uint8_t)0U)
#define semGIVE_BLOCK_TIME ((TickType_t)0U)

/* Created empty: the first take blocks until a give. */
#define xSemaphoreCreateBinary()                                        \
    xQueueGenericCreate((UBaseType_t)1, semSEMAPHORE_QUEUE_ITEM_LENGTH, \
                        queueQUEUE_TYPE_BINARY_SEMAPHORE)
#define xSemaphoreCreateBinaryStatic(pxStaticSemaphore)                             \
    xQueueGenericCreateStatic((UBaseType_t)1, semSEMAPHORE_QUEUE_ITEM_LENGTH, NULL, \
                              (pxStaticSemaphore), queueQUEUE_TYPE_BINARY_SEMAPHORE)

/* The legacy form, created already given. */
#define vSemaphoreCreateBinary(xSemaphore)                                                 \
    do {                                                                                   \
        (xSemaphore) = xQueueGenericCreate((UBaseType_t)1, semSEMAPHORE_QUEUE_ITEM_LENGTH, \
                                           queueQUEUE_TYPE_BINARY_SEMAPHORE);              \
        if ((xSemaphore) != NULL) {                                                        \
            (void)xSemaphoreGive((xSemaphore));                                            \
        }                                                                                  \
    } while (0)

#define xSemaphoreCreateCounting(uxMaxCount, uxInitialCount) \
    xQueueCreateCountingSemaphore((uxMaxCount), (uxInitialCount))
#define xSemaphoreCreateCountingStatic(uxMaxCount, uxInitialCount, pxSemaphoreBuffer) \
    xQueueCreateCountingSemaphoreStatic((uxMaxCount), (uxInitialCount), (pxSemaphoreBuffer))

#define xSemaphoreCreateMutex() xQueueCreateMutex(queueQUEUE_TYPE_MUTEX)
#define xSemaphoreCreateMutexStatic(pxMutexBuffer) \
    xQueueCreateMutexStatic(queueQUEUE_TYPE_MUTEX, (pxMutexBuffer))
#define xSemaphoreCreateRecursiveMutex() xQueueCreateMutex(queueQUEUE_TYPE_RECURSIVE_MUTEX)
#define xSemaphoreCreateRecursiveMutexStatic(pxStaticSemaphore) \
    xQueueCreateMutexStatic(queueQUEUE_TYPE_RECURSIVE_MUTEX, (pxStaticSemaphore))

/* Returns pdTRUE when obtained, pdFALSE on timeout. */
#define xSemaphoreTake(xSemaphore, xBlockTime) xQueueSemaphoreTake((xSemaphore), (xBlockTime))
#define xSemaphoreTakeFromISR(xSemaphore, pxHigherPriorityTaskWoken) \
    xQueueReceiveFromISR((QueueHandle_t)(xSemaphore), NULL, (pxHigherPriorityTaskWoken))
#define xSemaphoreTakeRecursive(xMutex, xBlockTime) xQueueTakeMutexRecursive((xMutex), (xBlockTime))

/* Returns pdTRUE, or pdFALSE when the semaphore is already at its maximum,
 * or the caller does not hold the mutex. */
#define xSemaphoreGive(xSemaphore) \
    xQueueGenericSend((QueueHandle_t)(xSemaphore), NULL, semGIVE_BLOCK_TIME, queueSEND_TO_BACK)
#define xSemaphoreGiveFromISR(xSemaphore, pxHigherPriorityTaskWoken) \
    xQueueGiveFromISR((QueueHandle_t)(xSemaphore), (pxHigherPriorityTaskWoken))
#define xSemaphoreGiveRecursive(xMutex) xQueueGiveMutexRecursive((xMutex))

#define vSemaphoreDelete(xSemaphore) vQueueDelete((QueueHandle_t)(xSemaphore))
#define xSemaphoreGetMutexHolder(xSemaphore) xQueueGetMutexHolder((xSemaphore))
#define xSemaphoreGetMutexHolderFromISR(xSemaphore) xQueueGetMutexHolderFromISR((xSemaphore))

/* For a counting semaphore the count; for a binary semaphore or mutex 1 if
 * available, else 0. */
#define uxSemaphoreGetCount(xSemaphore) uxQueueMessagesWaiting((QueueHandle_t)(xSemaphore))
#define uxSemaphoreGetCountFromISR(xSemaphore) \
    uxQueueMessagesWaitingFromISR((QueueHandle_t)(xSemaphore))
#define xSemaphoreGetStaticBuffer(xSemaphore, ppxSemaphoreBuffer) \
    xQueueGenericGetStaticBuffers((QueueHandle_t)(xSemaphore), NULL, (ppxSemaphoreBuffer))

#endif /* SEMAPHORE_H */
