/*
 * kernel_sched.h - the task control block and the scheduler's internal API.
 *
 * Shared by the kernel objects (task, queue, mutex, notify, timer,
 * event_group, stream_buffer). Not for applications or ports.
 *
 * "Locked" below means: called inside a task-level critical section, or
 * from an ISR with the interrupt mask raised (portSET_INTERRUPT_MASK_FROM_ISR).
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include "FreeRTOS.h"
#include "task.h"
#include "kernel_list.h"

/* ----- The task control block ---------------------------------------------- */

/* tcb_t.flags */
#define TCB_STATIC_TCB 0x01U      /* TCB not from the heap */
#define TCB_STATIC_STACK 0x02U    /* stack not from the heap */
#define TCB_DELAY_ABORTED 0x04U   /* xTaskAbortDelay() ended the last wait */
#define TCB_EVENT_UNORDERED 0x08U /* event item value is not a priority key */

/* Notification states. */
#define NOTIFY_NONE 0U
#define NOTIFY_WAITING 1U
#define NOTIFY_RECEIVED 2U

typedef struct tskTaskControlBlock {
    volatile StackType_t *top_of_stack; /* first: the port's saved stack pointer */
    list_item_t state_item;             /* ready, delayed or suspended list */
    list_item_t event_item;             /* the event list of the awaited object */
    UBaseType_t priority;               /* effective priority */
    StackType_t *stack;                 /* lowest stack word */
    char name[configMAX_TASK_NAME_LEN];
    UBaseType_t base_priority;                 /* priority without inheritance */
    UBaseType_t stack_depth;                   /* in words */
    struct QueueDefinition *held_mutexes;      /* mutexes held, newest first */
    struct QueueDefinition *waiting_for_mutex; /* mutex blocked on, or NULL */
#if (configUSE_TRACE_FACILITY == 1)
    UBaseType_t tcb_number;  /* unique, assigned at creation */
    UBaseType_t task_number; /* for trace tools (vTaskSetTaskNumber) */
#endif                       /* configUSE_TRACE_FACILITY */
#if (configUSE_APPLICATION_TASK_TAG == 1)
    TaskHookFunction_t tag;
#endif /* configUSE_APPLICATION_TASK_TAG */
#if (configNUM_THREAD_LOCAL_STORAGE_POINTERS > 0)
    void *tls[configNUM_THREAD_LOCAL_STORAGE_POINTERS];
#endif /* configNUM_THREAD_LOCAL_STORAGE_POINTERS */
#if (configGENERATE_RUN_TIME_STATS == 1)
    configRUN_TIME_COUNTER_TYPE run_time;
#endif /* configGENERATE_RUN_TIME_STATS */
#if (configUSE_POSIX_ERRNO == 1)
    int task_errno;
#endif /* configUSE_POSIX_ERRNO */
    volatile uint32_t notify_value[configTASK_NOTIFICATION_ARRAY_ENTRIES];
    volatile uint8_t notify_state[configTASK_NOTIFICATION_ARRAY_ENTRIES];
    uint8_t flags;
    uint8_t notify_waiting_index; /* index waited on when NOTIFY_WAITING */
} tcb_t;

/* ----- Scheduler state (defined in sched.c) ---------------------------------- */
extern tcb_t *volatile pxCurrentTCB;
extern list_t sched_ready[configMAX_PRIORITIES];
extern list_t sched_suspended;
extern list_t sched_pending_ready;
extern list_t sched_terminating;
extern volatile UBaseType_t sched_task_count;
extern volatile UBaseType_t sched_suspend_depth;
extern volatile BaseType_t sched_running;
extern volatile BaseType_t sched_yield_pending;
extern volatile UBaseType_t sched_deleted_waiting;
extern list_t *volatile sched_delayed;
extern list_t *volatile sched_delayed_overflow;

/* ----- Ready lists ----------------------------------------------------------- */

/* Adds a task to the end of its priority's ready list. Locked. */
void sched_make_ready(tcb_t *t);

/* Removes a task from its ready list, clearing the priority's bit when the
 * list empties. Locked. */
void sched_remove_ready(tcb_t *t);

/* Initialises the scheduler's lists (idempotent; done at first creation). */
void sched_init_lists(void);

/* The highest-priority ready task (head of its list) and its priority. */
tcb_t *sched_highest_ready(void);
UBaseType_t sched_top_ready_priority(void);

/* Returns non-zero if t's state item is in a ready list. */
static inline int sched_is_ready_list(const list_t *l)
{
    return l >= &sched_ready[0] && l < &sched_ready[configMAX_PRIORITIES];
}

/* ----- Blocking and waking ----------------------------------------------------
 * A task blocks by taking itself off the ready list, optionally queueing on
 * an object's event list, and going to the delayed list (or, for
 * portMAX_DELAY with INCLUDE_vTaskSuspend, the suspended list). The caller
 * then leaves its critical section, which performs the switch. */

/* Blocks the calling task on event_list (ordered by priority, FIFO among
 * equals; NULL for no object) for up to `ticks`. Locked, task context,
 * scheduler not suspended. */
void sched_block_current(list_t *event_list, TickType_t ticks);

/* As sched_block_current, but the event item carries `value` (event groups)
 * and is appended in arrival order. */
void sched_block_current_unordered(list_t *event_list, TickType_t value, TickType_t ticks);

/* Puts the current task on the delayed list to wake at the absolute tick
 * `wake`. Locked. */
void sched_delay_until_tick(TickType_t wake);

/* Makes a blocked task ready: removes it from its event list and delayed
 * list. When the scheduler is suspended the task is parked on the pending
 * ready list. Returns pdTRUE if it outranks the running task (the caller
 * should yield, or report *pxHigherPriorityTaskWoken). Locked. */
BaseType_t sched_wake(tcb_t *t);

/* Wakes the highest-priority waiter of a non-empty event list. Locked. */
static inline BaseType_t sched_wake_first(list_t *event_list)
{
    return sched_wake((tcb_t *)list_head_owner(event_list));
}

/* Yields if preemption is on and `woke` says a higher task is ready.
 * Locked or not (the switch happens when the critical section ends). */
static inline void sched_yield_if(BaseType_t woke)
{
    if (configUSE_PREEMPTION && woke != pdFALSE) {
        portYIELD();
    }
}

/* Changes a task's effective priority, keeping every list it is in
 * consistent (ready list position, order within a priority-ordered event
 * list). Returns pdTRUE if a yield is needed. Locked. */
BaseType_t sched_set_priority(tcb_t *t, UBaseType_t priority);

/* ----- Time -------------------------------------------------------------------- */
TickType_t sched_tick_now(void);

/* A blocking call that retries after every wake: try, and on failure ask
 * sched_wait_more() whether to block (for w->ticks) or give up. */
typedef struct {
    TimeOut_t timeout;
    TickType_t ticks; /* left to wait */
    int started;      /* timeout set */
} sched_wait_t;

static inline void sched_wait_init(sched_wait_t *w, TickType_t ticks)
{
    w->ticks = ticks;
    w->started = 0;
}

/* After a failed attempt: pdTRUE to block for w->ticks, pdFALSE when no
 * wait was asked for or the time is up. Locked. */
BaseType_t sched_wait_more(sched_wait_t *w);

/* ----- Checks ----------------------------------------------------------------- */

/* The handle argument or, for NULL, the calling task. */
static inline tcb_t *sched_tcb_or_current(TaskHandle_t h)
{
    return (h == NULL) ? pxCurrentTCB : (tcb_t *)h;
}

/* configASSERT that the caller may block: task context, scheduler not
 * suspended (or the wait is zero). */
#define SCHED_ASSERT_CAN_BLOCK(ticks) \
    configASSERT(!((ticks) != 0U && (sched_running != pdFALSE) && (sched_suspend_depth != 0U)))

/* configASSERT that we are not in an ISR (task-level API called from ISR). */
#define SCHED_ASSERT_TASK_CONTEXT() configASSERT(portIS_INSIDE_INTERRUPT() == pdFALSE)

/* configASSERT on a FromISR call from a too-urgent interrupt. */
#define SCHED_ASSERT_ISR_PRIORITY() portASSERT_IF_INTERRUPT_PRIORITY_INVALID()

/* Fast paths: a blocking call first makes one attempt inline, with few
 * registers and no timeout state, and calls its slow path (marked
 * KERNEL_SLOW_PATH, kept out of line) only when that fails; the slow path
 * starts with the same attempt, so it is complete by itself. Builds
 * optimised for size leave the inline attempt out (one copy is smaller). */
#ifndef KERNEL_FAST_PATHS /* a test variant sets it */
#if defined(__OPTIMIZE_SIZE__)
#define KERNEL_FAST_PATHS 0
#else
#define KERNEL_FAST_PATHS 1
#endif /* __OPTIMIZE_SIZE__ */
#endif /* KERNEL_FAST_PATHS */
/* KERNEL_INLINE: a body shared by two entry points of which a port links
 * one; inlined into both even at -Os, so that neither pays for a call. */
#if defined(__GNUC__)
#define KERNEL_SLOW_PATH __attribute__((noinline))
#define KERNEL_INLINE inline __attribute__((always_inline))
#else
#define KERNEL_SLOW_PATH
#define KERNEL_INLINE inline
#endif /* __GNUC__ */

/* Generic highest-set-bit for ports without one (de Bruijn multiply). */
UBaseType_t kernel_highest_set_bit(uint32_t w);

/* Frees a deleted task's memory. Not locked. */
void task_free(tcb_t *t);

/* Frees the memory of tasks that deleted themselves (idle task). */
void task_reap_terminated(void);

/* The idle task's static memory: the application's
 * vApplicationGetIdleTaskMemory(), or the kernel's own buffers with
 * configKERNEL_PROVIDED_STATIC_MEMORY. */
void kernel_get_idle_memory(StaticTask_t **tcb, StackType_t **stack, configSTACK_DEPTH_TYPE *depth);

#endif /* KERNEL_SCHED_H */
