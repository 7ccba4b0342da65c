/*
 * kernel_mutex.h - mutexes and priority inheritance (mutex.c).
 *
 * A task's effective priority is the highest of its base priority and the
 * priorities of the tasks waiting for any mutex it holds. Changes propagate
 * along chains: if the holder itself waits for a mutex, that mutex's holder
 * is re-evaluated too.
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include "kernel_queue.h"

/* Initialises a created queue object as an available mutex. */
void mutex_init(queue_t *m);

/* Take and give; the blocking and error semantics of xSemaphoreTake and
 * xSemaphoreGive. Context: task. */
BaseType_t mutex_take(queue_t *m, TickType_t ticks);
BaseType_t mutex_give(queue_t *m);

/* Re-evaluates t's effective priority and propagates the change along the
 * chain of holders. Returns pdTRUE if a yield is needed. Locked. */
BaseType_t mutex_update_priority(tcb_t *t);

/* A task stopped waiting for its mutex without getting it (timeout, abort,
 * suspension, deletion): forget the wait and let the holder disinherit.
 * Locked. */
void mutex_waiter_left(tcb_t *t);

/* Releases every mutex a task that is being deleted still holds, so that
 * they become available (waking a waiter) instead of dangling. Locked. */
void mutex_release_all(tcb_t *t);

/* Detaches a mutex that is being deleted from its holder. Locked. */
void mutex_detach(queue_t *m);

#endif /* KERNEL_MUTEX_H */
