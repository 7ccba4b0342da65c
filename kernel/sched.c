/*
 * sched.c - ready selection, the tick, delays, blocking and waking, the
 * idle task, and starting, stopping and suspending the scheduler.
 *
 * Every list manipulation happens inside a critical section, so interrupts
 * may wake tasks at any time, even with the scheduler suspended; suspension
 * only defers context switches and tick processing.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "kernel_sched.h"
#include "kernel_mutex.h"
#include "kernel_timer.h"

#define PRIO_WORDS ((configMAX_PRIORITIES + 31U) / 32U)

tcb_t *volatile pxCurrentTCB = NULL;
list_t sched_ready[configMAX_PRIORITIES];
list_t sched_suspended;
list_t sched_terminating;
list_t *volatile sched_delayed;
list_t *volatile sched_delayed_overflow;
volatile UBaseType_t sched_task_count = 0;
volatile UBaseType_t sched_suspend_depth = 0;
volatile BaseType_t sched_running = pdFALSE;
volatile BaseType_t sched_yield_pending = pdFALSE;
volatile UBaseType_t sched_deleted_waiting = 0;

static list_t delayed_a;
static list_t delayed_b;
static volatile TickType_t tick_count = (TickType_t)configINITIAL_TICK_COUNT;
static volatile TickType_t pended_ticks = 0;
static volatile BaseType_t overflow_count = 0;
static volatile TickType_t next_unblock = portMAX_DELAY;
static volatile BaseType_t unwinding_ticks = pdFALSE;
static uint32_t ready_bits[PRIO_WORDS];
static uint32_t ready_groups;
static TaskHandle_t idle_handle = NULL;
static int lists_ready = 0;

/* ----- Ready bitmap: O(1) at any configMAX_PRIORITIES (two levels) ------- */

UBaseType_t kernel_highest_set_bit(uint32_t w)
{
    static const uint8_t debruijn[32] = {0,  9,  1,  10, 13, 21, 2,  29, 11, 14, 16,
                                         18, 22, 25, 3,  30, 8,  12, 20, 28, 15, 17,
                                         24, 7,  19, 27, 23, 6,  26, 5,  4,  31};
    w |= w >> 1;
    w |= w >> 2;
    w |= w >> 4;
    w |= w >> 8;
    w |= w >> 16;
    return debruijn[(uint32_t)(w * 0x07C4ACDDU) >> 27];
}

static inline void prio_mark(UBaseType_t p)
{
    ready_bits[p >> 5] |= 1UL << (p & 31U);
    if (PRIO_WORDS > 1U) {
        ready_groups |= 1UL << (p >> 5);
    }
}

static inline void prio_unmark(UBaseType_t p)
{
    ready_bits[p >> 5] &= ~(1UL << (p & 31U));
    if (PRIO_WORDS > 1U && ready_bits[p >> 5] == 0U) {
        ready_groups &= ~(1UL << (p >> 5));
    }
}

static inline UBaseType_t prio_top(void)
{
    if (PRIO_WORDS == 1U) {
        return portFIND_HIGHEST_SET_BIT(ready_bits[0]);
    }
    UBaseType_t word = portFIND_HIGHEST_SET_BIT(ready_groups);
    return (word << 5) + portFIND_HIGHEST_SET_BIT(ready_bits[word]);
}

void sched_make_ready(tcb_t *t)
{
    traceMOVED_TASK_TO_READY_STATE(t);
    list_insert_end(&sched_ready[t->priority], &t->state_item);
    prio_mark(t->priority);
    tracePOST_MOVED_TASK_TO_READY_STATE(t);
}

void sched_remove_ready(tcb_t *t)
{
    if (list_remove(&t->state_item) == 0U) {
        prio_unmark(t->priority);
    }
}

void sched_init_lists(void)
{
    if (lists_ready) {
        return;
    }
    for (UBaseType_t p = 0; p < configMAX_PRIORITIES; p++) {
        list_init(&sched_ready[p]);
    }
    list_init(&delayed_a);
    list_init(&delayed_b);
    list_init(&sched_suspended);
    list_init(&sched_terminating);
    sched_delayed = &delayed_a;
    sched_delayed_overflow = &delayed_b;
    lists_ready = 1;
}

/* The highest-priority ready task, without moving any cursor. */
tcb_t *sched_highest_ready(void)
{
    list_t *l = &sched_ready[prio_top()];
    return (tcb_t *)list_head_owner(l);
}

UBaseType_t sched_top_ready_priority(void)
{
    return prio_top();
}

/* ----- Context switch ---------------------------------------------------- */

/* The application's hooks, referenced only when enabled so that an
 * application without them links whatever the optimisation level. */
static inline void call_tick_hook(void)
{
#if (configUSE_TICK_HOOK == 1)
    vApplicationTickHook();
#endif /* configUSE_TICK_HOOK */
}

static inline void call_idle_hook(void)
{
#if (configUSE_IDLE_HOOK == 1)
    vApplicationIdleHook();
#endif /* configUSE_IDLE_HOOK */
}

static void check_stack(tcb_t *t)
{
    static const uint8_t fill[16] = {0xa5, 0xa5, 0xa5, 0xa5, 0xa5, 0xa5, 0xa5, 0xa5,
                                     0xa5, 0xa5, 0xa5, 0xa5, 0xa5, 0xa5, 0xa5, 0xa5};
    int overflow = (const StackType_t *)t->top_of_stack <= t->stack;
    if (configCHECK_FOR_STACK_OVERFLOW > 1) {
        overflow |= memcmp(t->stack, fill, sizeof fill) != 0;
    }
#if (configCHECK_FOR_STACK_OVERFLOW > 0)
    if (overflow) {
        vApplicationStackOverflowHook((TaskHandle_t)t, t->name);
    }
#else
    (void)overflow;
#endif /* configCHECK_FOR_STACK_OVERFLOW */
}

static inline void account_run_time(void)
{
#if (configGENERATE_RUN_TIME_STATS == 1)
    static configRUN_TIME_COUNTER_TYPE switched_in_at;
    configRUN_TIME_COUNTER_TYPE now = portGET_RUN_TIME_COUNTER_VALUE();
    pxCurrentTCB->run_time += now - switched_in_at;
    switched_in_at = now;
#endif /* configGENERATE_RUN_TIME_STATS */
}

void vTaskSwitchContext(void)
{
    if (sched_suspend_depth != 0U) {
        sched_yield_pending = pdTRUE;
        return;
    }
    sched_yield_pending = pdFALSE;
    traceTASK_SWITCHED_OUT();
    account_run_time();
    if (configCHECK_FOR_STACK_OVERFLOW > 0) {
        check_stack(pxCurrentTCB);
    }
    pxCurrentTCB = (tcb_t *)list_next_owner(&sched_ready[prio_top()]);
    traceTASK_SWITCHED_IN();
}

/* ----- Delayed list -------------------------------------------------------- */

static void reset_next_unblock(void)
{
    next_unblock = list_is_empty(sched_delayed) ? portMAX_DELAY : list_head_value(sched_delayed);
}

void sched_delay_until_tick(TickType_t wake)
{
    tcb_t *t = pxCurrentTCB;
    const TickType_t now = tick_count;
    t->flags &= (uint8_t)~TCB_DELAY_ABORTED;
    sched_remove_ready(t);
    t->state_item.link.value = wake;
    if (wake < now) {
        traceMOVED_TASK_TO_OVERFLOW_DELAYED_LIST();
        list_insert_ordered(sched_delayed_overflow, &t->state_item);
    } else {
        traceMOVED_TASK_TO_DELAYED_LIST();
        list_insert_ordered(sched_delayed, &t->state_item);
        if (wake < next_unblock) {
            next_unblock = wake;
        }
    }
}

static void block_for(TickType_t ticks)
{
    if (ticks == portMAX_DELAY && INCLUDE_vTaskSuspend == 1) {
        tcb_t *t = pxCurrentTCB;
        t->flags &= (uint8_t)~TCB_DELAY_ABORTED;
        sched_remove_ready(t);
        list_insert_end(&sched_suspended, &t->state_item);
        return;
    }
    sched_delay_until_tick(tick_count + ticks);
}

void sched_block_current(list_t *event_list, TickType_t ticks)
{
    tcb_t *t = pxCurrentTCB;
    if (event_list != NULL) {
        t->flags &= (uint8_t)~TCB_EVENT_UNORDERED;
        t->event_item.link.value = (TickType_t)(configMAX_PRIORITIES - t->priority);
        list_insert_ordered(event_list, &t->event_item);
    }
    block_for(ticks);
    portYIELD();
}

void sched_block_current_unordered(list_t *event_list, TickType_t value, TickType_t ticks)
{
    tcb_t *t = pxCurrentTCB;
    t->flags |= TCB_EVENT_UNORDERED;
    t->event_item.link.value = value;
    list_insert_end(event_list, &t->event_item);
    block_for(ticks);
    portYIELD();
}

BaseType_t sched_wake(tcb_t *t)
{
    if (t->state_item.container == NULL || sched_is_ready_list(t->state_item.container)) {
        return pdFALSE;
    }
    if (t->event_item.container != NULL) {
        (void)list_remove(&t->event_item);
    }
    (void)list_remove(&t->state_item);
    sched_make_ready(t);
    if (t->priority > pxCurrentTCB->priority) {
        sched_yield_pending = pdTRUE;
        return pdTRUE;
    }
    return pdFALSE;
}

BaseType_t sched_set_priority(tcb_t *t, UBaseType_t priority)
{
    list_t *event_list = t->event_item.container;
    if (t->priority == priority) {
        return pdFALSE;
    }
    if (event_list != NULL && (t->flags & TCB_EVENT_UNORDERED) == 0U) {
        (void)list_remove(&t->event_item);
        t->event_item.link.value = (TickType_t)(configMAX_PRIORITIES - priority);
        list_insert_ordered(event_list, &t->event_item);
    }
    if (sched_is_ready_list(t->state_item.container)) {
        sched_remove_ready(t);
        t->priority = priority;
        sched_make_ready(t);
    } else {
        t->priority = priority;
    }
    if (!sched_running || !configUSE_PREEMPTION) {
        return pdFALSE;
    }
    if (t == pxCurrentTCB) {
        return (prio_top() > priority) ? pdTRUE : pdFALSE;
    }
    return (sched_is_ready_list(t->state_item.container) && priority > pxCurrentTCB->priority)
               ? pdTRUE
               : pdFALSE;
}

/* ----- The tick ----------------------------------------------------------- */

static void switch_delayed_lists(void)
{
    list_t *tmp = sched_delayed;
    configASSERT(list_is_empty(sched_delayed));
    sched_delayed = sched_delayed_overflow;
    sched_delayed_overflow = tmp;
    overflow_count++;
    reset_next_unblock();
}

/* Wakes every task whose delay ended at `now`; returns pdTRUE if one of them
 * outranks the running task. */
static BaseType_t wake_expired(TickType_t now)
{
    BaseType_t need_switch = pdFALSE;
    while (!list_is_empty(sched_delayed)) {
        tcb_t *t = (tcb_t *)list_head_owner(sched_delayed);
        TickType_t wake = t->state_item.link.value;
        if (now < wake) {
            next_unblock = wake;
            return need_switch;
        }
        (void)list_remove(&t->state_item);
        if (t->event_item.container != NULL) {
            (void)list_remove(&t->event_item);
            if (configUSE_MUTEXES && t->waiting_for_mutex != NULL) {
                mutex_waiter_left(t);
            }
        }
        sched_make_ready(t);
        if (configUSE_PREEMPTION && t->priority > pxCurrentTCB->priority) {
            need_switch = pdTRUE;
        }
    }
    next_unblock = portMAX_DELAY;
    return need_switch;
}

BaseType_t xTaskIncrementTick(void)
{
    BaseType_t need_switch = pdFALSE;
    traceTASK_INCREMENT_TICK(tick_count);
    if (sched_suspend_depth != 0U) {
        pended_ticks++;
        call_tick_hook();
        return pdFALSE;
    }
    const TickType_t now = tick_count + 1U;
    tick_count = now;
    if (now == 0U) {
        switch_delayed_lists();
    }
    if (now >= next_unblock) {
        need_switch = wake_expired(now);
    }
    if (configUSE_PREEMPTION && configUSE_TIME_SLICING &&
        sched_ready[pxCurrentTCB->priority].count > 1U) {
        need_switch = pdTRUE;
    }
    if (unwinding_ticks == pdFALSE) {
        call_tick_hook();
    }
    if (configUSE_PREEMPTION && sched_yield_pending != pdFALSE) {
        need_switch = pdTRUE;
    }
    return need_switch;
}

TickType_t sched_tick_now(void)
{
    return tick_count;
}

TickType_t xTaskGetTickCount(void)
{
    if (portTICK_TYPE_IS_ATOMIC) {
        return tick_count;
    }
    portENTER_CRITICAL();
    TickType_t t = tick_count;
    portEXIT_CRITICAL();
    return t;
}

TickType_t xTaskGetTickCountFromISR(void)
{
    SCHED_ASSERT_ISR_PRIORITY();
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    TickType_t t = tick_count;
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return t;
}

/* ----- Timeouts --------------------------------------------------------- */

void sched_timeout_init(TimeOut_t *to)
{
    to->xOverflowCount = overflow_count;
    to->xTimeOnEntering = tick_count;
}

BaseType_t sched_timeout_check(TimeOut_t *to, TickType_t *ticks)
{
    tcb_t *cur = pxCurrentTCB;
    const TickType_t now = tick_count;
    const TickType_t elapsed = now - to->xTimeOnEntering;
    if ((cur->flags & TCB_DELAY_ABORTED) != 0U) {
        cur->flags &= (uint8_t)~TCB_DELAY_ABORTED;
        *ticks = 0;
        return pdTRUE;
    }
    if (*ticks == portMAX_DELAY && INCLUDE_vTaskSuspend == 1) {
        return pdFALSE;
    }
    if (overflow_count != to->xOverflowCount && now >= to->xTimeOnEntering) {
        *ticks = 0; /* the tick count wrapped all the way round */
        return pdTRUE;
    }
    if (elapsed < *ticks) {
        *ticks -= elapsed;
        sched_timeout_init(to);
        return pdFALSE;
    }
    *ticks = 0;
    return pdTRUE;
}

void vTaskSetTimeOutState(TimeOut_t *const pxTimeOut)
{
    configASSERT(pxTimeOut != NULL);
    portENTER_CRITICAL();
    sched_timeout_init(pxTimeOut);
    portEXIT_CRITICAL();
}

void vTaskInternalSetTimeOutState(TimeOut_t *const pxTimeOut)
{
    sched_timeout_init(pxTimeOut);
}

BaseType_t xTaskCheckForTimeOut(TimeOut_t *const pxTimeOut, TickType_t *const pxTicksToWait)
{
    configASSERT(pxTimeOut != NULL);
    configASSERT(pxTicksToWait != NULL);
    portENTER_CRITICAL();
    BaseType_t r = sched_timeout_check(pxTimeOut, pxTicksToWait);
    portEXIT_CRITICAL();
    return r;
}

/* ----- Scheduler suspension ----------------------------------------------- */

void vTaskSuspendAll(void)
{
    portSOFTWARE_BARRIER();
    sched_suspend_depth = sched_suspend_depth + 1U;
    portMEMORY_BARRIER();
}

BaseType_t xTaskResumeAll(void)
{
    BaseType_t yielded = pdFALSE;
    configASSERT(sched_suspend_depth != 0U);
    portENTER_CRITICAL();
    sched_suspend_depth = sched_suspend_depth - 1U;
    if (sched_suspend_depth == 0U && sched_running != pdFALSE) {
        TickType_t ticks = pended_ticks;
        if (ticks > 0U) {
            unwinding_ticks = pdTRUE;
            do {
                if (xTaskIncrementTick() != pdFALSE) {
                    sched_yield_pending = pdTRUE;
                }
            } while (--ticks > 0U);
            pended_ticks = 0;
            unwinding_ticks = pdFALSE;
        }
        if (sched_yield_pending != pdFALSE && configUSE_PREEMPTION) {
            yielded = pdTRUE;
            portYIELD();
        }
    }
    portEXIT_CRITICAL();
    return yielded;
}

BaseType_t xTaskGetSchedulerState(void)
{
    if (sched_running == pdFALSE) {
        return taskSCHEDULER_NOT_STARTED;
    }
    return (sched_suspend_depth == 0U) ? taskSCHEDULER_RUNNING : taskSCHEDULER_SUSPENDED;
}

BaseType_t xTaskCatchUpTicks(TickType_t xTicksToCatchUp)
{
    configASSERT(sched_suspend_depth == 0U);
    vTaskSuspendAll();
    portENTER_CRITICAL();
    pended_ticks += xTicksToCatchUp;
    portEXIT_CRITICAL();
    return xTaskResumeAll();
}

/* ----- Tickless idle -------------------------------------------------------- */

static TickType_t expected_idle_time(void)
{
    if (pxCurrentTCB->priority > tskIDLE_PRIORITY || sched_ready[tskIDLE_PRIORITY].count > 1U ||
        pended_ticks != 0U) {
        return 0;
    }
    return next_unblock - tick_count;
}

eSleepModeStatus eTaskConfirmSleepModeStatus(void)
{
    if (sched_yield_pending != pdFALSE || pended_ticks != 0U || prio_top() > tskIDLE_PRIORITY ||
        sched_ready[tskIDLE_PRIORITY].count > 1U) {
        return eAbortSleep;
    }
    if (INCLUDE_vTaskSuspend == 1 && sched_suspended.count == sched_task_count - 1U) {
        return eNoTasksWaitingTimeout;
    }
    return eStandardSleep;
}

void vTaskStepTick(TickType_t xTicksToJump)
{
    configASSERT((TickType_t)(tick_count + xTicksToJump) <= next_unblock);
    if (xTicksToJump == 0U) {
        return;
    }
    portENTER_CRITICAL();
    if ((TickType_t)(tick_count + xTicksToJump) == next_unblock) {
        /* Leave the last tick to xTaskIncrementTick() so that it wakes the
         * task whose time has come. */
        tick_count += xTicksToJump - 1U;
        pended_ticks++;
    } else {
        tick_count += xTicksToJump;
    }
    portEXIT_CRITICAL();
    traceINCREASE_TICK_COUNT(xTicksToJump);
}

static void idle_sleep(void)
{
    if (expected_idle_time() < configEXPECTED_IDLE_TIME_BEFORE_SLEEP) {
        portIDLE_WAIT();
        return;
    }
    vTaskSuspendAll();
    TickType_t expected = expected_idle_time();
    const int may_sleep = (expected >= configEXPECTED_IDLE_TIME_BEFORE_SLEEP);
    configPRE_SUPPRESS_TICKS_AND_SLEEP_PROCESSING(expected);
    if (expected >= configEXPECTED_IDLE_TIME_BEFORE_SLEEP) {
        traceLOW_POWER_IDLE_BEGIN();
        portSUPPRESS_TICKS_AND_SLEEP(expected);
        traceLOW_POWER_IDLE_END();
    } else if (may_sleep) {
        portIDLE_WAIT(); /* the application declined to sleep: idle as usual */
    }
    (void)xTaskResumeAll();
}

/* ----- The idle task ------------------------------------------------------- */

static void idle_task(void *arg)
{
    (void)arg;
    for (;;) {
        task_reap_terminated();
        if (!configUSE_PREEMPTION) {
            taskYIELD();
        }
        if (configUSE_PREEMPTION && configIDLE_SHOULD_YIELD &&
            sched_ready[tskIDLE_PRIORITY].count > 1U) {
            taskYIELD();
        }
        call_idle_hook();
        if (sched_ready[tskIDLE_PRIORITY].count > 1U || sched_deleted_waiting != 0U) {
            continue;
        }
        if (configUSE_TICKLESS_IDLE) {
            idle_sleep();
        } else {
            portIDLE_WAIT();
        }
    }
}

TaskHandle_t xTaskGetIdleTaskHandle(void)
{
    configASSERT(idle_handle != NULL);
    return idle_handle;
}

static TaskHandle_t create_idle_task(void)
{
    if (configSUPPORT_STATIC_ALLOCATION) {
        StaticTask_t *tcb = NULL;
        StackType_t *stack = NULL;
        configSTACK_DEPTH_TYPE depth = 0;
        kernel_get_idle_memory(&tcb, &stack, &depth);
        return xTaskCreateStatic(idle_task, configIDLE_TASK_NAME, depth, NULL, tskIDLE_PRIORITY,
                                 stack, tcb);
    }
    TaskHandle_t h = NULL;
    (void)xTaskCreate(idle_task, configIDLE_TASK_NAME, configMINIMAL_STACK_SIZE, NULL,
                      tskIDLE_PRIORITY, &h);
    return h;
}

/* ----- Start and end ---------------------------------------------------- */

void vTaskStartScheduler(void)
{
    idle_handle = create_idle_task();
    if (idle_handle == NULL) {
        configASSERT(idle_handle != NULL);
        return;
    }
    if (configUSE_TIMERS && timer_create_daemon() != pdPASS) {
        configASSERT(0);
        return;
    }
    portDISABLE_INTERRUPTS();
    next_unblock = portMAX_DELAY;
    sched_running = pdTRUE;
    traceSTARTING_SCHEDULER(&idle_handle);
    portCONFIGURE_TIMER_FOR_RUN_TIME_STATS();
    traceTASK_SWITCHED_IN();
    (void)xPortStartScheduler();
}

void vTaskEndScheduler(void)
{
    portDISABLE_INTERRUPTS();
    sched_running = pdFALSE;
    vPortEndScheduler();
}
