/*
 * kernel_queue.h - the queue object, shared by queue.c and mutex.c.
 *
 * A queue is a ring of `length` items of `item_size` bytes. Semaphores are
 * queues with item_size 0 whose `count` is the semaphore count. Mutexes use
 * the `m` view of the union: the holder, the link in the holder's list of
 * held mutexes, and the recursion depth.
 */
#ifndef KERNEL_QUEUE_H
#define KERNEL_QUEUE_H

#include "FreeRTOS.h"
#include "queue.h"
#include "kernel_sched.h"

#define QUEUE_FLAG_STATIC 0x01U
#define QUEUE_FLAG_MUTEX 0x02U /* made a mutex by mutex_init() */

typedef struct QueueDefinition {
    union {
        struct {
            int8_t *head;      /* storage start */
            int8_t *tail;      /* one past storage end */
            int8_t *write_to;  /* next free slot at the back */
            int8_t *read_from; /* slot last read */
        } q;
        struct {
            tcb_t *holder;
            struct QueueDefinition *next_held;
            UBaseType_t recursion;
            void *unused;
        } m;
    } u;
    list_t waiting_send;    /* tasks blocked to send, by priority */
    list_t waiting_receive; /* tasks blocked to receive or take */
    UBaseType_t count;      /* items held; accessed locked, or read once */
    UBaseType_t length;
    UBaseType_t item_size;
#if (configUSE_QUEUE_SETS == 1)
    struct QueueDefinition *set;
#endif /* configUSE_QUEUE_SETS */
#if (configUSE_TRACE_FACILITY == 1)
    UBaseType_t number;
#endif /* configUSE_TRACE_FACILITY */
    uint8_t type;
    uint8_t flags;
} queue_t;

/* Always false without configUSE_MUTEXES, so that the mutex paths (and
 * mutex.c) drop out of such builds. */
static inline int queue_is_mutex(const queue_t *q)
{
    return configUSE_MUTEXES && (q->flags & QUEUE_FLAG_MUTEX) != 0U;
}

/* Initialises a queue object over its storage (NULL for item_size 0). */
void queue_init(queue_t *q, UBaseType_t length, UBaseType_t item_size, int8_t *storage,
                uint8_t type, uint8_t flags);

/* Tells a queue set that member q received an item. Returns pdTRUE if a
 * task that outranks the running one was woken. Locked. */
BaseType_t queue_set_notify(queue_t *q);

#endif /* KERNEL_QUEUE_H */
