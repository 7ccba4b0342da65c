/*
 * queue.c - queues, semaphores, queue sets and the queue registry.
 *
 * A blocking call loops: inside a critical section it tries the operation,
 * and if it cannot complete it queues the caller on the object's event list
 * and leaves the critical section, which switches away. When woken (by the
 * other side, a timeout or an abort) it tries again with the time left, so a
 * higher-priority task that takes the item first never leaves it stranded.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "queue.h"
#include "kernel_queue.h"
#include "kernel_mutex.h"
#include "kernel_alloc.h"

_Static_assert(sizeof(StaticQueue_t) == sizeof(queue_t), "StaticQueue_t must mirror queue_t");

/* ----- Storage ----------------------------------------------------------------- */

void queue_init(queue_t *q, UBaseType_t length, UBaseType_t item_size, int8_t *storage,
                uint8_t type, uint8_t flags)
{
    memset(q, 0, sizeof *q);
    q->length = length;
    q->item_size = item_size;
    q->type = type;
    q->flags = flags;
    if (storage != NULL) {
        q->u.q.head = storage;
        q->u.q.tail = storage + length * item_size;
        q->u.q.write_to = storage;
        q->u.q.read_from = storage + (length - 1U) * item_size;
    }
    list_init(&q->waiting_send);
    list_init(&q->waiting_receive);
}

/* Copies an item in; returns pdTRUE if the queue held one more item after.
 * Locked. */
static void copy_in(queue_t *q, const void *item, BaseType_t pos)
{
    if (q->item_size == 0U || item == NULL) { /* NULL: asserted against by callers */
        q->count = q->count + 1U;
        return;
    }
    if (pos == queueSEND_TO_FRONT) {
        memcpy(q->u.q.read_from, item, q->item_size);
        q->u.q.read_from -= q->item_size;
        if (q->u.q.read_from < q->u.q.head) {
            q->u.q.read_from = q->u.q.tail - q->item_size;
        }
    } else {
        if (pos == queueOVERWRITE && q->count > 0U) {
            q->count = q->count - 1U; /* length is 1: the slot is rewritten */
        }
        memcpy(q->u.q.write_to, item, q->item_size);
        q->u.q.write_to += q->item_size;
        if (q->u.q.write_to >= q->u.q.tail) {
            q->u.q.write_to = q->u.q.head;
        }
    }
    q->count = q->count + 1U;
}

/* Copies the oldest item out, optionally leaving it in place. Locked. */
static void copy_out(queue_t *q, void *buf, int remove)
{
    if (q->item_size != 0U) {
        int8_t *from = q->u.q.read_from + q->item_size;
        if (from >= q->u.q.tail) {
            from = q->u.q.head;
        }
        memcpy(buf, from, q->item_size);
        if (remove) {
            q->u.q.read_from = from;
        }
    }
    if (remove) {
        q->count = q->count - 1U;
    }
}

/* Puts an item in and wakes a receiver (or tells the set). Returns pdTRUE if
 * a task that outranks the running one became ready. Locked. */
static BaseType_t queue_post(queue_t *q, const void *item, BaseType_t pos)
{
    const UBaseType_t before = q->count;
    copy_in(q, item, pos);
#if (configUSE_QUEUE_SETS == 1)
    if (q->set != NULL) {
        if (pos == queueOVERWRITE && before != 0U) {
            return pdFALSE; /* the set already holds this member once */
        }
        return queue_set_notify(q);
    }
#else
    (void)before;
#endif /* configUSE_QUEUE_SETS */
    if (!list_is_empty(&q->waiting_receive)) {
        return sched_wake_first(&q->waiting_receive);
    }
    return pdFALSE;
}

/* ----- Creation and deletion ------------------------------------------------------ */

static int queue_args_ok(UBaseType_t length, UBaseType_t item_size)
{
    configASSERT(length > 0U);
    if (length == 0U) {
        return 0;
    }
    if (item_size != 0U && length > (UBaseType_t)-1 / item_size) {
        configASSERT(0); /* storage size overflows */
        return 0;
    }
    return 1;
}

QueueHandle_t xQueueGenericCreate(const UBaseType_t uxQueueLength, const UBaseType_t uxItemSize,
                                  const uint8_t ucQueueType)
{
    if (!queue_args_ok(uxQueueLength, uxItemSize)) {
        traceQUEUE_CREATE_FAILED(ucQueueType);
        return NULL;
    }
    const size_t storage = (size_t)uxQueueLength * (size_t)uxItemSize;
    if (storage > (size_t)-1 - sizeof(queue_t)) {
        return NULL;
    }
    queue_t *q = kernel_alloc(sizeof(queue_t) + storage);
    if (q == NULL) {
        traceQUEUE_CREATE_FAILED(ucQueueType);
        return NULL;
    }
    int8_t *data = (uxItemSize != 0U) ? (int8_t *)(q + 1) : NULL;
    queue_init(q, uxQueueLength, uxItemSize, data, ucQueueType, 0);
    traceQUEUE_CREATE(q);
    return q;
}

QueueHandle_t xQueueGenericCreateStatic(const UBaseType_t uxQueueLength,
                                        const UBaseType_t uxItemSize, uint8_t *pucQueueStorage,
                                        StaticQueue_t *pxStaticQueue, const uint8_t ucQueueType)
{
    configASSERT(pxStaticQueue != NULL);
    configASSERT(!(pucQueueStorage != NULL && uxItemSize == 0U));
    configASSERT(!(pucQueueStorage == NULL && uxItemSize != 0U));
    if (pxStaticQueue == NULL || !queue_args_ok(uxQueueLength, uxItemSize) ||
        (pucQueueStorage == NULL) != (uxItemSize == 0U)) {
        traceQUEUE_CREATE_FAILED(ucQueueType);
        return NULL;
    }
    queue_t *q = (queue_t *)pxStaticQueue;
    queue_init(q, uxQueueLength, uxItemSize, (int8_t *)pucQueueStorage, ucQueueType,
               QUEUE_FLAG_STATIC);
    traceQUEUE_CREATE(q);
    return q;
}

/* A counting semaphore is a queue of uxMaxCount empty items whose count
 * starts at uxInitialCount. */
static int counting_args_ok(UBaseType_t max, UBaseType_t initial)
{
    configASSERT(max != 0U);
    configASSERT(initial <= max);
    return max != 0U && initial <= max;
}

static QueueHandle_t counting_init(QueueHandle_t s, UBaseType_t initial)
{
    if (s == NULL) {
        traceCREATE_COUNTING_SEMAPHORE_FAILED();
        return NULL;
    }
    s->count = initial;
    traceCREATE_COUNTING_SEMAPHORE();
    return s;
}

QueueHandle_t xQueueCreateCountingSemaphore(const UBaseType_t uxMaxCount,
                                            const UBaseType_t uxInitialCount)
{
    if (!counting_args_ok(uxMaxCount, uxInitialCount)) {
        return counting_init(NULL, 0);
    }
    return counting_init(xQueueGenericCreate(uxMaxCount, 0, queueQUEUE_TYPE_COUNTING_SEMAPHORE),
                         uxInitialCount);
}

QueueHandle_t xQueueCreateCountingSemaphoreStatic(const UBaseType_t uxMaxCount,
                                                  const UBaseType_t uxInitialCount,
                                                  StaticQueue_t *pxStaticQueue)
{
    if (!counting_args_ok(uxMaxCount, uxInitialCount)) {
        return counting_init(NULL, 0);
    }
    return counting_init(xQueueGenericCreateStatic(uxMaxCount, 0, NULL, pxStaticQueue,
                                                   queueQUEUE_TYPE_COUNTING_SEMAPHORE),
                         uxInitialCount);
}

BaseType_t xQueueGenericGetStaticBuffers(QueueHandle_t xQueue, uint8_t **ppucQueueStorage,
                                         StaticQueue_t **ppxStaticQueue)
{
    configASSERT(xQueue != NULL);
    configASSERT(ppxStaticQueue != NULL);
    if ((xQueue->flags & QUEUE_FLAG_STATIC) == 0U) {
        return pdFALSE;
    }
    if (ppucQueueStorage != NULL) {
        *ppucQueueStorage = queue_is_mutex(xQueue) ? NULL : (uint8_t *)xQueue->u.q.head;
    }
    *ppxStaticQueue = (StaticQueue_t *)xQueue;
    return pdTRUE;
}

void vQueueDelete(QueueHandle_t xQueue)
{
    configASSERT(xQueue != NULL);
    queue_t *q = xQueue;
    /* Deleting an object that tasks are blocked on, or a member of a queue
     * set, is a programming error. */
    configASSERT(list_is_empty(&q->waiting_send) && list_is_empty(&q->waiting_receive));
#if (configUSE_QUEUE_SETS == 1)
    configASSERT(q->set == NULL);
#endif /* configUSE_QUEUE_SETS */
    traceQUEUE_DELETE(q);
    portENTER_CRITICAL();
    if (queue_is_mutex(q)) {
        mutex_detach(q);
    }
    portEXIT_CRITICAL();
    if (configQUEUE_REGISTRY_SIZE > 0) {
        vQueueUnregisterQueue(q);
    }
    if ((q->flags & QUEUE_FLAG_STATIC) == 0U) {
        kernel_free(q);
    }
}

BaseType_t xQueueGenericReset(QueueHandle_t xQueue, BaseType_t xNewQueue)
{
    configASSERT(xQueue != NULL);
    queue_t *q = xQueue;
    portENTER_CRITICAL();
    traceQUEUE_RESET(q, xNewQueue);
    if (!queue_is_mutex(q)) {
        q->count = 0;
        if (q->item_size != 0U) {
            q->u.q.write_to = q->u.q.head;
            q->u.q.read_from = q->u.q.head + (q->length - 1U) * q->item_size;
        }
    }
    if (xNewQueue == pdFALSE) {
        /* Receivers stay blocked (still empty); one sender may now proceed. */
        if (!list_is_empty(&q->waiting_send)) {
            sched_yield_if(sched_wake_first(&q->waiting_send));
        }
    } else {
        list_init(&q->waiting_send);
        list_init(&q->waiting_receive);
    }
    portEXIT_CRITICAL();
    return pdPASS;
}

/* ----- Sending ------------------------------------------------------------------- */

/* A NULL item for a queue that has items, or an overwrite of a queue longer
 * than one, would corrupt the queue: refused (after the assertion). */
static int send_args_ok(const queue_t *q, const void *item, BaseType_t pos)
{
    configASSERT(q != NULL);
    if (q == NULL) {
        return 0;
    }
    configASSERT(!(item == NULL && q->item_size != 0U));
    configASSERT(!(pos == queueOVERWRITE && q->length != 1U));
    return !(item == NULL && q->item_size != 0U) && !(pos == queueOVERWRITE && q->length != 1U);
}

BaseType_t xQueueGenericSend(QueueHandle_t xQueue, const void *const pvItemToQueue,
                             TickType_t xTicksToWait, const BaseType_t xCopyPosition)
{
    TimeOut_t to;
    int started = 0;
    queue_t *q = xQueue;
    if (!send_args_ok(q, pvItemToQueue, xCopyPosition)) {
        return errQUEUE_FULL;
    }
    SCHED_ASSERT_CAN_BLOCK(xTicksToWait);
    SCHED_ASSERT_TASK_CONTEXT();
    if (queue_is_mutex(q)) {
        return mutex_give(q);
    }
    for (;;) {
        portENTER_CRITICAL();
        if (q->count < q->length || xCopyPosition == queueOVERWRITE) {
            traceQUEUE_SEND(q);
            sched_yield_if(queue_post(q, pvItemToQueue, xCopyPosition));
            portEXIT_CRITICAL();
            return pdPASS;
        }
        if (xTicksToWait == 0U) {
            portEXIT_CRITICAL();
            traceQUEUE_SEND_FAILED(q);
            return errQUEUE_FULL;
        }
        if (!started) {
            sched_timeout_init(&to);
            started = 1;
        } else if (sched_timeout_check(&to, &xTicksToWait) != pdFALSE) {
            portEXIT_CRITICAL();
            traceQUEUE_SEND_FAILED(q);
            return errQUEUE_FULL;
        }
        traceBLOCKING_ON_QUEUE_SEND(q);
        sched_block_current(&q->waiting_send, xTicksToWait);
        portEXIT_CRITICAL();
    }
}

BaseType_t xQueueGenericSendFromISR(QueueHandle_t xQueue, const void *const pvItemToQueue,
                                    BaseType_t *const pxHigherPriorityTaskWoken,
                                    const BaseType_t xCopyPosition)
{
    BaseType_t r = errQUEUE_FULL;
    queue_t *q = xQueue;
    if (!send_args_ok(q, pvItemToQueue, xCopyPosition)) {
        return errQUEUE_FULL;
    }
    configASSERT(!queue_is_mutex(q));
    if (queue_is_mutex(q)) {
        return errQUEUE_FULL;
    }
    SCHED_ASSERT_ISR_PRIORITY();
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (q->count < q->length || xCopyPosition == queueOVERWRITE) {
        traceQUEUE_SEND_FROM_ISR(q);
        if (queue_post(q, pvItemToQueue, xCopyPosition) != pdFALSE &&
            pxHigherPriorityTaskWoken != NULL) {
            *pxHigherPriorityTaskWoken = pdTRUE;
        }
        r = pdPASS;
    } else {
        traceQUEUE_SEND_FROM_ISR_FAILED(q);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return r;
}

BaseType_t xQueueGiveFromISR(QueueHandle_t xQueue, BaseType_t *const pxHigherPriorityTaskWoken)
{
    configASSERT(xQueue != NULL);
    if (xQueue == NULL) {
        return errQUEUE_FULL;
    }
    configASSERT(xQueue->item_size == 0U);
    return xQueueGenericSendFromISR(xQueue, NULL, pxHigherPriorityTaskWoken, queueSEND_TO_BACK);
}

/* ----- Receiving ---------------------------------------------------------------- */

/* Receive, peek and semaphore take share this loop. buf may be NULL only
 * for item_size 0. */
static BaseType_t queue_receive(queue_t *q, void *buf, TickType_t ticks, int remove)
{
    TimeOut_t to;
    int started = 0;
    for (;;) {
        portENTER_CRITICAL();
        if (q->count > 0U) {
            copy_out(q, buf, remove);
            list_t *wake = remove ? &q->waiting_send : &q->waiting_receive;
            if (remove) {
                traceQUEUE_RECEIVE(q);
            } else {
                traceQUEUE_PEEK(q);
            }
            if (!list_is_empty(wake)) {
                sched_yield_if(sched_wake_first(wake));
            }
            portEXIT_CRITICAL();
            return pdPASS;
        }
        if (ticks == 0U) {
            portEXIT_CRITICAL();
            traceQUEUE_RECEIVE_FAILED(q);
            return errQUEUE_EMPTY;
        }
        if (!started) {
            sched_timeout_init(&to);
            started = 1;
        } else if (sched_timeout_check(&to, &ticks) != pdFALSE) {
            portEXIT_CRITICAL();
            traceQUEUE_RECEIVE_FAILED(q);
            return errQUEUE_EMPTY;
        }
        if (remove) {
            traceBLOCKING_ON_QUEUE_RECEIVE(q);
        } else {
            traceBLOCKING_ON_QUEUE_PEEK(q);
        }
        sched_block_current(&q->waiting_receive, ticks);
        portEXIT_CRITICAL();
    }
}

static int receive_args_ok(queue_t *q, void *buf, TickType_t ticks)
{
    configASSERT(q != NULL);
    if (q == NULL) {
        return 0;
    }
    configASSERT(!(buf == NULL && q->item_size != 0U));
    SCHED_ASSERT_CAN_BLOCK(ticks);
    SCHED_ASSERT_TASK_CONTEXT();
    (void)ticks;
    return !(buf == NULL && q->item_size != 0U);
}

BaseType_t xQueueReceive(QueueHandle_t xQueue, void *const pvBuffer, TickType_t xTicksToWait)
{
    if (!receive_args_ok(xQueue, pvBuffer, xTicksToWait)) {
        return errQUEUE_EMPTY;
    }
    return queue_receive(xQueue, pvBuffer, xTicksToWait, 1);
}

BaseType_t xQueuePeek(QueueHandle_t xQueue, void *const pvBuffer, TickType_t xTicksToWait)
{
    if (!receive_args_ok(xQueue, pvBuffer, xTicksToWait)) {
        return errQUEUE_EMPTY;
    }
    return queue_receive(xQueue, pvBuffer, xTicksToWait, 0);
}

BaseType_t xQueueSemaphoreTake(QueueHandle_t xQueue, TickType_t xTicksToWait)
{
    if (!receive_args_ok(xQueue, NULL, xTicksToWait)) {
        return errQUEUE_EMPTY;
    }
    configASSERT(xQueue->item_size == 0U);
    if (queue_is_mutex(xQueue)) {
        return mutex_take(xQueue, xTicksToWait);
    }
    return queue_receive(xQueue, NULL, xTicksToWait, 1);
}

BaseType_t xQueueReceiveFromISR(QueueHandle_t xQueue, void *const pvBuffer,
                                BaseType_t *const pxHigherPriorityTaskWoken)
{
    BaseType_t r = errQUEUE_EMPTY;
    queue_t *q = xQueue;
    configASSERT(q != NULL);
    if (q == NULL) {
        return errQUEUE_EMPTY;
    }
    configASSERT(!(pvBuffer == NULL && q->item_size != 0U));
    configASSERT(!queue_is_mutex(q));
    if ((pvBuffer == NULL && q->item_size != 0U) || queue_is_mutex(q)) {
        return errQUEUE_EMPTY;
    }
    SCHED_ASSERT_ISR_PRIORITY();
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (q->count > 0U) {
        traceQUEUE_RECEIVE_FROM_ISR(q);
        copy_out(q, pvBuffer, 1);
        if (!list_is_empty(&q->waiting_send) && sched_wake_first(&q->waiting_send) != pdFALSE &&
            pxHigherPriorityTaskWoken != NULL) {
            *pxHigherPriorityTaskWoken = pdTRUE;
        }
        r = pdPASS;
    } else {
        traceQUEUE_RECEIVE_FROM_ISR_FAILED(q);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return r;
}

BaseType_t xQueuePeekFromISR(QueueHandle_t xQueue, void *const pvBuffer)
{
    BaseType_t r = errQUEUE_EMPTY;
    queue_t *q = xQueue;
    configASSERT(q != NULL);
    if (q == NULL) {
        return errQUEUE_EMPTY;
    }
    configASSERT(pvBuffer != NULL);
    configASSERT(q->item_size != 0U); /* peeking a semaphore makes no sense */
    SCHED_ASSERT_ISR_PRIORITY();
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (q->count > 0U && q->item_size != 0U && pvBuffer != NULL) {
        traceQUEUE_PEEK_FROM_ISR(q);
        copy_out(q, pvBuffer, 0);
        r = pdPASS;
    } else {
        traceQUEUE_PEEK_FROM_ISR_FAILED(q);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return r;
}

/* ----- Status ----------------------------------------------------------------------- */

UBaseType_t uxQueueMessagesWaiting(const QueueHandle_t xQueue)
{
    configASSERT(xQueue != NULL);
    portENTER_CRITICAL();
    UBaseType_t n = xQueue->count;
    portEXIT_CRITICAL();
    return n;
}

UBaseType_t uxQueueMessagesWaitingFromISR(const QueueHandle_t xQueue)
{
    configASSERT(xQueue != NULL);
    return xQueue->count;
}

UBaseType_t uxQueueSpacesAvailable(const QueueHandle_t xQueue)
{
    configASSERT(xQueue != NULL);
    portENTER_CRITICAL();
    UBaseType_t n = xQueue->length - xQueue->count;
    portEXIT_CRITICAL();
    return n;
}

BaseType_t xQueueIsQueueEmptyFromISR(const QueueHandle_t xQueue)
{
    configASSERT(xQueue != NULL);
    return (xQueue->count == 0U) ? pdTRUE : pdFALSE;
}

BaseType_t xQueueIsQueueFullFromISR(const QueueHandle_t xQueue)
{
    configASSERT(xQueue != NULL);
    return (xQueue->count == xQueue->length) ? pdTRUE : pdFALSE;
}

UBaseType_t uxQueueGetQueueLength(QueueHandle_t xQueue)
{
    configASSERT(xQueue != NULL);
    return xQueue->length;
}

UBaseType_t uxQueueGetQueueItemSize(QueueHandle_t xQueue)
{
    configASSERT(xQueue != NULL);
    return xQueue->item_size;
}

uint8_t ucQueueGetQueueType(QueueHandle_t xQueue)
{
    configASSERT(xQueue != NULL);
    return xQueue->type;
}

UBaseType_t uxQueueGetQueueNumber(QueueHandle_t xQueue)
{
#if (configUSE_TRACE_FACILITY == 1)
    return xQueue->number;
#else
    (void)xQueue;
    return 0;
#endif /* configUSE_TRACE_FACILITY */
}

void vQueueSetQueueNumber(QueueHandle_t xQueue, UBaseType_t uxQueueNumber)
{
#if (configUSE_TRACE_FACILITY == 1)
    xQueue->number = uxQueueNumber;
#else
    (void)xQueue;
    (void)uxQueueNumber;
#endif /* configUSE_TRACE_FACILITY */
}

/* ----- Registry -------------------------------------------------------------------- */

#define REGISTRY_SLOTS ((configQUEUE_REGISTRY_SIZE > 0) ? configQUEUE_REGISTRY_SIZE : 1)

static struct {
    const char *name;
    QueueHandle_t handle;
} registry[REGISTRY_SLOTS];

void vQueueAddToRegistry(QueueHandle_t xQueue, const char *pcQueueName)
{
    configASSERT(xQueue != NULL);
    if (pcQueueName == NULL || configQUEUE_REGISTRY_SIZE == 0) {
        return;
    }
    portENTER_CRITICAL();
    int slot = -1;
    for (int i = 0; i < configQUEUE_REGISTRY_SIZE; i++) {
        if (registry[i].handle == xQueue) {
            slot = i;
            break;
        }
        if (slot < 0 && registry[i].handle == NULL) {
            slot = i;
        }
    }
    if (slot >= 0) {
        registry[slot].name = pcQueueName;
        registry[slot].handle = xQueue;
        traceQUEUE_REGISTRY_ADD(xQueue, pcQueueName);
    }
    portEXIT_CRITICAL();
}

void vQueueUnregisterQueue(QueueHandle_t xQueue)
{
    configASSERT(xQueue != NULL);
    portENTER_CRITICAL();
    for (int i = 0; i < configQUEUE_REGISTRY_SIZE; i++) {
        if (registry[i].handle == xQueue) {
            registry[i].handle = NULL;
            registry[i].name = NULL;
        }
    }
    portEXIT_CRITICAL();
}

const char *pcQueueGetName(QueueHandle_t xQueue)
{
    const char *name = NULL;
    configASSERT(xQueue != NULL);
    portENTER_CRITICAL();
    for (int i = 0; i < configQUEUE_REGISTRY_SIZE; i++) {
        if (registry[i].handle == xQueue) {
            name = registry[i].name;
            break;
        }
    }
    portEXIT_CRITICAL();
    return name;
}

/* ----- Queue sets -------------------------------------------------------------------- */

BaseType_t queue_set_notify(queue_t *q)
{
#if (configUSE_QUEUE_SETS == 1)
    queue_t *set = q->set;
    /* A set sized to the sum of its members' lengths can never overflow. */
    configASSERT(set->count < set->length);
    if (set->count >= set->length) {
        return pdFALSE;
    }
    traceQUEUE_SET_SEND(set);
    copy_in(set, &q, queueSEND_TO_BACK);
    if (!list_is_empty(&set->waiting_receive)) {
        return sched_wake_first(&set->waiting_receive);
    }
#else
    (void)q;
#endif /* configUSE_QUEUE_SETS */
    return pdFALSE;
}

QueueSetHandle_t xQueueCreateSet(const UBaseType_t uxEventQueueLength)
{
    return xQueueGenericCreate(uxEventQueueLength, (UBaseType_t)sizeof(queue_t *),
                               queueQUEUE_TYPE_SET);
}

QueueSetHandle_t xQueueCreateSetStatic(const UBaseType_t uxEventQueueLength,
                                       uint8_t *pucQueueStorage, StaticQueue_t *pxStaticQueue)
{
    return xQueueGenericCreateStatic(uxEventQueueLength, (UBaseType_t)sizeof(queue_t *),
                                     pucQueueStorage, pxStaticQueue, queueQUEUE_TYPE_SET);
}

BaseType_t xQueueAddToSet(QueueSetMemberHandle_t xQueueOrSemaphore, QueueSetHandle_t xQueueSet)
{
    BaseType_t r = pdFAIL;
    (void)xQueueOrSemaphore; /* unused without queue sets and asserts */
    (void)xQueueSet;
    configASSERT(xQueueOrSemaphore != NULL);
    configASSERT(xQueueSet != NULL);
#if (configUSE_QUEUE_SETS == 1)
    portENTER_CRITICAL();
    if (xQueueOrSemaphore->set == NULL && xQueueOrSemaphore->count == 0U &&
        xQueueOrSemaphore != xQueueSet) {
        xQueueOrSemaphore->set = xQueueSet;
        r = pdPASS;
    }
    portEXIT_CRITICAL();
#endif /* configUSE_QUEUE_SETS */
    return r;
}

BaseType_t xQueueRemoveFromSet(QueueSetMemberHandle_t xQueueOrSemaphore, QueueSetHandle_t xQueueSet)
{
    BaseType_t r = pdFAIL;
    (void)xQueueOrSemaphore; /* unused without queue sets and asserts */
    (void)xQueueSet;
    configASSERT(xQueueOrSemaphore != NULL);
    configASSERT(xQueueSet != NULL);
#if (configUSE_QUEUE_SETS == 1)
    portENTER_CRITICAL();
    if (xQueueOrSemaphore->set == xQueueSet && xQueueOrSemaphore->count == 0U) {
        xQueueOrSemaphore->set = NULL;
        r = pdPASS;
    }
    portEXIT_CRITICAL();
#endif /* configUSE_QUEUE_SETS */
    return r;
}

QueueSetMemberHandle_t xQueueSelectFromSet(QueueSetHandle_t xQueueSet,
                                           const TickType_t xTicksToWait)
{
    QueueSetMemberHandle_t member = NULL;
    (void)xQueueReceive(xQueueSet, &member, xTicksToWait);
    return member;
}

QueueSetMemberHandle_t xQueueSelectFromSetFromISR(QueueSetHandle_t xQueueSet)
{
    QueueSetMemberHandle_t member = NULL;
    (void)xQueueReceiveFromISR(xQueueSet, &member, NULL);
    return member;
}
