/*
 * services.h - helpers shared by the kernel-services tests (timers, event
 * groups, stream and message buffers, heaps, static allocation, hooks,
 * statistics, tickless idle). Public API and board.h only.
 */
#ifndef SERVICES_H
#define SERVICES_H

#include "FreeRTOS.h"
#include "task.h"
#include "timers.h"
#include "event_groups.h"
#include "stream_buffer.h"
#include "board.h"
#include "ptest.h"

#ifndef PORTOLAN_HEAP_SCHEME
#define PORTOLAN_HEAP_SCHEME 4
#endif /* PORTOLAN_HEAP_SCHEME */

#define SVC_LOW (PTEST_RUNNER_PRIORITY - 1U)
#define SVC_HIGH (PTEST_RUNNER_PRIORITY + 1U)
#define SVC_TOP ((UBaseType_t)configMAX_PRIORITIES - 1U)

/* Whether the build's heap gives memory back (all schemes but heap_1). */
#define SVC_HEAP_FREES (configSUPPORT_DYNAMIC_ALLOCATION == 1 && PORTOLAN_HEAP_SCHEME != 1)

/* A tick count computed in TickType_t arithmetic (it wraps with 16-bit
 * ticks, where plain C arithmetic would promote to int). */
#define TICK(x) ((TickType_t)(x))

/* Stack of the tests' own static tasks. */
#define SVC_STACK_WORDS (configMINIMAL_STACK_SIZE * 2U)

typedef struct {
    StaticTask_t tcb;
    StackType_t stack[SVC_STACK_WORDS];
} svc_task_mem_t;

/* Creates a static task in mem. Its function ends with svc_park(); the
 * test deletes it. */
TaskHandle_t svc_static_task(svc_task_mem_t *mem, TaskFunction_t fn, void *arg,
                             UBaseType_t priority);

/* Suspends the calling task for good (the end of a static test task). */
void svc_park(void) __attribute__((noreturn));

/* Runs fn in the handler of the low test interrupt, raised now. */
void svc_run_in_isr(board_irq_handler_t fn);

/* Delays the caller until the tick count reaches `tick`. */
void svc_delay_until(TickType_t tick);

/* Create objects from the heap, or, without dynamic allocation, in static
 * buffers taken in turn from small pools (enough for the objects one test
 * uses at a time), so the same tests run in the static-only image. */
TimerHandle_t svc_timer(const char *name, TickType_t period, BaseType_t reload, void *id,
                        TimerCallbackFunction_t callback);
EventGroupHandle_t svc_event_group(void);
StreamBufferHandle_t svc_stream_buffer(size_t size, size_t trigger, BaseType_t type,
                                       StreamBufferCallbackFunction_t on_send,
                                       StreamBufferCallbackFunction_t on_receive);
#define SVC_POOL_BYTES 512U /* largest stream buffer svc_stream_buffer makes */

/* Free heap bytes, or 0 when there is no heap. */
size_t svc_free_heap(void);

/* The idle and timer task memory the application provides when
 * configKERNEL_PROVIDED_STATIC_MEMORY is 0 (static_memory.c). */
extern StackType_t svc_idle_stack[];
extern StackType_t svc_timer_stack[];
extern volatile unsigned svc_idle_memory_requests;
extern volatile unsigned svc_timer_memory_requests;

#endif /* SERVICES_H */
