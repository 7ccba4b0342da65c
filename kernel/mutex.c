/*
 * mutex.c - mutexes, recursive mutexes and priority inheritance.
 *
 * Each task keeps a singly linked list of the mutexes it holds. Its
 * effective priority is recomputed from that list whenever something that
 * feeds it changes (a waiter arrives or leaves, a mutex is released, the
 * base priority is set), and the change is pushed along the chain of
 * holders, so inheritance is transitive and disinheritance exact.
 */
#include "FreeRTOS.h"
#include "semphr.h"
#include "kernel_mutex.h"

/* Bounds the walk along a chain of holders; a cycle is a deadlock anyway. */
#define MUTEX_CHAIN_LIMIT 32U

void mutex_init(queue_t *m)
{
    m->u.m.holder = NULL;
    m->u.m.next_held = NULL;
    m->u.m.recursion = 0;
    m->count = 1;
    m->flags |= QUEUE_FLAG_MUTEX;
}

static UBaseType_t top_waiter_priority(const queue_t *m)
{
    if (list_is_empty(&m->waiting_receive)) {
        return 0;
    }
    return (UBaseType_t)configMAX_PRIORITIES - (UBaseType_t)list_head_value(&m->waiting_receive);
}

static UBaseType_t effective_priority(const tcb_t *t)
{
    UBaseType_t p = t->base_priority;
    for (const queue_t *m = t->held_mutexes; m != NULL; m = m->u.m.next_held) {
        UBaseType_t w = top_waiter_priority(m);
        if (w > p) {
            p = w;
        }
    }
    return p;
}

BaseType_t mutex_update_priority(tcb_t *t)
{
    BaseType_t yield = pdFALSE;
    for (UBaseType_t n = 0; t != NULL && n < MUTEX_CHAIN_LIMIT; n++) {
        UBaseType_t p = effective_priority(t);
        if (p == t->priority) {
            break;
        }
        if (p > t->priority) {
            traceTASK_PRIORITY_INHERIT(t, p);
        } else {
            traceTASK_PRIORITY_DISINHERIT(t, p);
        }
        if (sched_set_priority(t, p) != pdFALSE) {
            yield = pdTRUE;
        }
        t = (t->waiting_for_mutex != NULL) ? t->waiting_for_mutex->u.m.holder : NULL;
    }
    return yield;
}

void mutex_waiter_left(tcb_t *t)
{
    queue_t *m = t->waiting_for_mutex;
    t->waiting_for_mutex = NULL;
    if (m != NULL && m->u.m.holder != NULL && mutex_update_priority(m->u.m.holder) != pdFALSE) {
        sched_yield_pending = pdTRUE;
        if (!portIS_INSIDE_INTERRUPT()) {
            portYIELD();
        }
    }
}

static void held_push(tcb_t *t, queue_t *m)
{
    m->u.m.holder = t;
    m->u.m.next_held = t->held_mutexes;
    t->held_mutexes = m;
}

static void held_remove(tcb_t *t, queue_t *m)
{
    queue_t **pp = &t->held_mutexes;
    while (*pp != NULL && *pp != m) {
        pp = &(*pp)->u.m.next_held;
    }
    if (*pp == m) {
        *pp = m->u.m.next_held;
    }
    m->u.m.next_held = NULL;
    m->u.m.holder = NULL;
}

void mutex_detach(queue_t *m)
{
    tcb_t *holder = m->u.m.holder;
    if (holder != NULL) {
        held_remove(holder, m);
        sched_yield_if(mutex_update_priority(holder));
    }
}

void mutex_release_all(tcb_t *t)
{
    while (t->held_mutexes != NULL) {
        queue_t *m = t->held_mutexes;
        held_remove(t, m);
        m->u.m.recursion = 0;
        m->count = 1;
        if (!list_is_empty(&m->waiting_receive)) {
            tcb_t *next = (tcb_t *)list_head_owner(&m->waiting_receive);
            next->waiting_for_mutex = NULL;
            sched_yield_if(sched_wake(next));
        }
    }
    (void)sched_set_priority(t, t->base_priority); /* nothing left to inherit */
}

BaseType_t mutex_take(queue_t *m, TickType_t ticks)
{
    sched_wait_t w;
    sched_wait_init(&w, ticks);
    for (;;) {
        portENTER_CRITICAL();
        tcb_t *self = pxCurrentTCB;
        if (m->count > 0U) {
            m->count = 0;
            m->u.m.recursion = 1;
            held_push(self, m);
            traceQUEUE_RECEIVE(m);
            portEXIT_CRITICAL();
            return pdPASS;
        }
        if (!sched_wait_more(&w)) {
            portEXIT_CRITICAL();
            traceQUEUE_RECEIVE_FAILED(m);
            return pdFAIL;
        }
        traceBLOCKING_ON_QUEUE_RECEIVE(m);
        sched_block_current(&m->waiting_receive, w.ticks);
        self->waiting_for_mutex = m;
        (void)mutex_update_priority(m->u.m.holder);
        portEXIT_CRITICAL();
        /* Woken: by a give (the waiter was unlinked there), by a timeout or
         * an abort (unlinked by the scheduler). Either way, no longer waiting. */
        portENTER_CRITICAL();
        if (pxCurrentTCB->waiting_for_mutex != NULL) {
            mutex_waiter_left(pxCurrentTCB);
        }
        portEXIT_CRITICAL();
    }
}

BaseType_t mutex_give(queue_t *m)
{
    portENTER_CRITICAL();
    tcb_t *self = pxCurrentTCB;
    if (m->u.m.holder != self) {
        portEXIT_CRITICAL();
        traceQUEUE_SEND_FAILED(m);
        return pdFAIL;
    }
    traceQUEUE_SEND(m);
    held_remove(self, m);
    m->u.m.recursion = 0;
    m->count = 1;
    BaseType_t yield = mutex_update_priority(self);
    if (!list_is_empty(&m->waiting_receive)) {
        tcb_t *next = (tcb_t *)list_head_owner(&m->waiting_receive);
        next->waiting_for_mutex = NULL;
        if (sched_wake(next) != pdFALSE) {
            yield = pdTRUE;
        }
    }
#if (configUSE_QUEUE_SETS == 1)
    if (m->set != NULL && queue_set_notify(m) != pdFALSE) {
        yield = pdTRUE;
    }
#endif /* configUSE_QUEUE_SETS */
    sched_yield_if(yield);
    portEXIT_CRITICAL();
    return pdPASS;
}

/* ----- Public creation and recursive API ---------------------------------------- */

/* Without configUSE_MUTEXES the queue code treats every object as a queue
 * (queue_is_mutex() is constant false), so a mutex cannot exist. */
static int mutexes_configured(void)
{
    configASSERT(configUSE_MUTEXES);
    return configUSE_MUTEXES;
}

QueueHandle_t xQueueCreateMutex(const uint8_t ucQueueType)
{
    QueueHandle_t m = mutexes_configured() ? xQueueGenericCreate(1, 0, ucQueueType) : NULL;
    if (m == NULL) {
        traceCREATE_MUTEX_FAILED();
        return NULL;
    }
    mutex_init(m);
    traceCREATE_MUTEX(m);
    return m;
}

QueueHandle_t xQueueCreateMutexStatic(const uint8_t ucQueueType, StaticQueue_t *pxStaticQueue)
{
    QueueHandle_t m = mutexes_configured()
                          ? xQueueGenericCreateStatic(1, 0, NULL, pxStaticQueue, ucQueueType)
                          : NULL;
    if (m == NULL) {
        traceCREATE_MUTEX_FAILED();
        return NULL;
    }
    mutex_init(m);
    traceCREATE_MUTEX(m);
    return m;
}

TaskHandle_t xQueueGetMutexHolder(QueueHandle_t xSemaphore)
{
    TaskHandle_t h = NULL;
    configASSERT(xSemaphore != NULL);
    portENTER_CRITICAL();
    if (queue_is_mutex(xSemaphore)) {
        h = (TaskHandle_t)xSemaphore->u.m.holder;
    }
    portEXIT_CRITICAL();
    return h;
}

TaskHandle_t xQueueGetMutexHolderFromISR(QueueHandle_t xSemaphore)
{
    configASSERT(xSemaphore != NULL);
    return queue_is_mutex(xSemaphore) ? (TaskHandle_t)xSemaphore->u.m.holder : NULL;
}

BaseType_t xQueueTakeMutexRecursive(QueueHandle_t xMutex, TickType_t xTicksToWait)
{
    configASSERT(xMutex != NULL);
    if (xMutex == NULL) {
        return pdFAIL;
    }
    configASSERT(xMutex->type == queueQUEUE_TYPE_RECURSIVE_MUTEX);
    SCHED_ASSERT_TASK_CONTEXT();
    portENTER_CRITICAL();
    if (xMutex->u.m.holder == pxCurrentTCB) {
        xMutex->u.m.recursion++;
        portEXIT_CRITICAL();
        traceTAKE_MUTEX_RECURSIVE(xMutex);
        return pdPASS;
    }
    portEXIT_CRITICAL();
    BaseType_t r = xQueueSemaphoreTake(xMutex, xTicksToWait);
    if (r == pdPASS) {
        traceTAKE_MUTEX_RECURSIVE(xMutex);
    } else {
        traceTAKE_MUTEX_RECURSIVE_FAILED(xMutex);
    }
    return r;
}

BaseType_t xQueueGiveMutexRecursive(QueueHandle_t xMutex)
{
    configASSERT(xMutex != NULL);
    if (xMutex == NULL) {
        return pdFAIL;
    }
    configASSERT(xMutex->type == queueQUEUE_TYPE_RECURSIVE_MUTEX);
    portENTER_CRITICAL();
    if (xMutex->u.m.holder != pxCurrentTCB) {
        portEXIT_CRITICAL();
        traceGIVE_MUTEX_RECURSIVE_FAILED(xMutex);
        return pdFAIL;
    }
    if (--xMutex->u.m.recursion > 0U) {
        portEXIT_CRITICAL();
        traceGIVE_MUTEX_RECURSIVE(xMutex);
        return pdPASS;
    }
    portEXIT_CRITICAL();
    traceGIVE_MUTEX_RECURSIVE(xMutex);
    return mutex_give(xMutex);
}
