/*
 * timer.c - software timers: the daemon task, its command queue and the
 * active timer lists.
 *
 * Only the daemon touches the active lists, so they need no lock; other
 * tasks reach a timer through the command queue or read single words of it.
 * Expiry times are absolute ticks. Two lists cover the wrap of the tick
 * count: `current` holds expiries in the daemon's present tick epoch and
 * `overflow` those that wrapped past it; when the daemon sees the tick count
 * wrap, everything left in `current` has expired and the lists swap.
 *
 * The daemon blocks on the queue's receive list directly, with the wait
 * computed and started in one critical section, so a tick arriving in
 * between can never make a timer late.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "queue.h"
#include "timers.h"
#include "kernel_queue.h"
#include "kernel_timer.h"
#include "kernel_alloc.h"

#if (configUSE_TIMERS == 1)

#define TMR_ACTIVE 0x01U
#define TMR_STATIC 0x02U
#define TMR_AUTO_RELOAD 0x04U

typedef struct tmrTimerControl {
    const char *name;
    list_item_t item; /* in an active list; value: the expiry tick */
    TickType_t period;
    void *id;
    TimerCallbackFunction_t callback;
#if (configUSE_TRACE_FACILITY == 1)
    UBaseType_t number;
#endif /* configUSE_TRACE_FACILITY */
    uint8_t flags;
} tmr_t;

_Static_assert(sizeof(StaticTimer_t) == sizeof(tmr_t), "StaticTimer_t must mirror tmr_t");

typedef struct {
    BaseType_t id;
    union {
        struct {
            tmr_t *timer;
            TickType_t value;   /* start tick or new period */
            TickType_t sent_at; /* tick count when the command was sent */
        } t;
        struct {
            PendedFunction_t fn;
            void *arg1;
            uint32_t arg2;
        } f;
    } u;
} tmr_msg_t;

static list_t tmr_lists[2];
static list_t *tmr_current;
static list_t *tmr_overflow;
static TickType_t tmr_last_now;
static QueueHandle_t tmr_queue;
static TaskHandle_t tmr_daemon;

/* Creates the lists and the command queue on first use (a timer may be
 * created and started before the scheduler). The queue is static so that
 * the timer service never needs the heap. */
static void tmr_init_once(void)
{
    static StaticQueue_t queue_buf;
    static uint8_t storage[configTIMER_QUEUE_LENGTH * sizeof(tmr_msg_t)];
    portENTER_CRITICAL();
    if (tmr_queue == NULL) {
        list_init(&tmr_lists[0]);
        list_init(&tmr_lists[1]);
        tmr_current = &tmr_lists[0];
        tmr_overflow = &tmr_lists[1];
        tmr_last_now = sched_tick_now();
        tmr_queue =
            xQueueCreateStatic(configTIMER_QUEUE_LENGTH, sizeof(tmr_msg_t), storage, &queue_buf);
    }
    portEXIT_CRITICAL();
}

static void tmr_set_flag(tmr_t *t, uint8_t flag, int on)
{
    portENTER_CRITICAL();
    if (on) {
        t->flags |= flag;
    } else {
        t->flags &= (uint8_t)~flag;
    }
    portEXIT_CRITICAL();
}

/* ----- Active lists (daemon only) ----------------------------------------- */

/* Queues t to expire one period after `ref`. Returns 1 without queueing
 * when that moment is not after `now`: the expiry is already due. */
static int tmr_insert(tmr_t *t, TickType_t ref, TickType_t now)
{
    const TickType_t elapsed = now - ref;
    if (elapsed >= t->period) {
        return 1;
    }
    const TickType_t expiry = ref + t->period;
    t->item.link.value = expiry;
    list_insert_ordered((expiry < now) ? tmr_overflow : tmr_current, &t->item);
    return 0;
}

static void tmr_unlink(tmr_t *t)
{
    if (t->item.container != NULL) {
        (void)list_remove(&t->item);
    }
}

/* Handles an expiry that happened at tick `at`: an auto-reload timer is
 * queued again one period later (calling back once more for every further
 * period that has already passed), a one-shot timer goes dormant. */
static void tmr_expire(tmr_t *t, TickType_t at, TickType_t now)
{
    traceTIMER_EXPIRED(t);
    if ((t->flags & TMR_AUTO_RELOAD) != 0U) {
        while (tmr_insert(t, at, now) != 0) {
            t->callback(t);
            at += t->period;
        }
    } else {
        tmr_set_flag(t, TMR_ACTIVE, 0);
    }
    t->callback(t);
}

/* The daemon's view of the tick count. When the count wrapped since the
 * last look, every timer left in `current` expired before the wrap. */
static TickType_t tmr_now(void)
{
    const TickType_t now = xTaskGetTickCount();
    if (now < tmr_last_now) {
        list_t expired;
        list_init(&expired);
        list_t *old = tmr_current;
        tmr_current = tmr_overflow;
        tmr_overflow = old;
        while (!list_is_empty(old)) {
            tmr_t *t = list_head_owner(old);
            (void)list_remove(&t->item);
            list_insert_end(&expired, &t->item);
        }
        tmr_last_now = now;
        while (!list_is_empty(&expired)) {
            tmr_t *t = list_head_owner(&expired);
            const TickType_t at = t->item.link.value;
            (void)list_remove(&t->item);
            tmr_expire(t, at, now);
        }
    }
    tmr_last_now = now;
    return now;
}

static void tmr_process_expired(TickType_t now)
{
    while (!list_is_empty(tmr_current) && list_head_value(tmr_current) <= now) {
        tmr_t *t = list_head_owner(tmr_current);
        const TickType_t at = t->item.link.value;
        (void)list_remove(&t->item);
        tmr_expire(t, at, now);
    }
}

/* Ticks until the next expiry, or until the tick count wraps when only the
 * overflow list holds timers. */
static TickType_t tmr_ticks_to_wait(TickType_t now)
{
    if (!list_is_empty(tmr_current)) {
        return list_head_value(tmr_current) - now;
    }
    if (!list_is_empty(tmr_overflow)) {
        return (now == 0U) ? (TickType_t)(portMAX_DELAY - 1U) : (TickType_t)(0U - now);
    }
    return portMAX_DELAY;
}

/* Blocks until a command arrives or `wait` ticks after `now` pass, unless a
 * command is already queued or the tick moved on since `now`. */
static void tmr_wait(TickType_t now, TickType_t wait)
{
    queue_t *q = tmr_queue;
    portENTER_CRITICAL();
    if (q->count == 0U && sched_tick_now() == now) {
        sched_block_current(&q->waiting_receive, wait);
    }
    portEXIT_CRITICAL();
}

/* ----- Commands (daemon) ---------------------------------------------------------- */

static void tmr_start(tmr_t *t, TickType_t ref)
{
    const TickType_t now = tmr_now();
    tmr_unlink(t);
    tmr_set_flag(t, TMR_ACTIVE, 1);
    if (tmr_insert(t, ref, now) != 0) {
        tmr_expire(t, ref + t->period, now);
    }
}

static void tmr_handle_timer(const tmr_msg_t *m)
{
    tmr_t *t = m->u.t.timer;
    traceTIMER_COMMAND_RECEIVED(t, m->id, m->u.t.value);
    switch (m->id) {
    case tmrCOMMAND_START:
    case tmrCOMMAND_START_DONT_TRACE:
    case tmrCOMMAND_RESET:
    case tmrCOMMAND_START_FROM_ISR:
    case tmrCOMMAND_RESET_FROM_ISR:
        tmr_start(t, m->u.t.value);
        break;
    case tmrCOMMAND_CHANGE_PERIOD:
    case tmrCOMMAND_CHANGE_PERIOD_FROM_ISR:
        t->period = m->u.t.value;
        tmr_start(t, m->u.t.sent_at);
        break;
    case tmrCOMMAND_STOP:
    case tmrCOMMAND_STOP_FROM_ISR:
        tmr_unlink(t);
        tmr_set_flag(t, TMR_ACTIVE, 0);
        break;
    case tmrCOMMAND_DELETE:
        tmr_unlink(t);
        tmr_set_flag(t, TMR_ACTIVE, 0);
        if ((t->flags & TMR_STATIC) == 0U) {
            kernel_free(t);
        }
        break;
    default:
        configASSERT(0); /* not a timer command */
        break;
    }
}

/* Runs every queued command; returns how many there were. */
static UBaseType_t tmr_drain_commands(void)
{
    UBaseType_t n = 0;
    tmr_msg_t m;
    while (xQueueReceive(tmr_queue, &m, 0) == pdPASS) {
        n++;
        if (m.id < tmrCOMMAND_START_DONT_TRACE) {
            m.u.f.fn(m.u.f.arg1, m.u.f.arg2);
        } else {
            tmr_handle_timer(&m);
        }
    }
    return n;
}

static void tmr_daemon_task(void *arg)
{
    (void)arg;
#if (configUSE_DAEMON_TASK_STARTUP_HOOK == 1)
    vApplicationDaemonTaskStartupHook();
#endif /* configUSE_DAEMON_TASK_STARTUP_HOOK */
    for (;;) {
        const TickType_t now = tmr_now();
        tmr_process_expired(now);
        if (tmr_drain_commands() == 0U) {
            tmr_wait(now, tmr_ticks_to_wait(now));
        }
    }
}

/* ----- The daemon task -------------------------------------------------------------- */

static void tmr_get_daemon_memory(StaticTask_t **tcb, StackType_t **stack,
                                  configSTACK_DEPTH_TYPE *depth)
{
#if (configKERNEL_PROVIDED_STATIC_MEMORY == 1)
    static StaticTask_t timer_tcb;
    static StackType_t timer_stack[configTIMER_TASK_STACK_DEPTH];
    *tcb = &timer_tcb;
    *stack = timer_stack;
    *depth = configTIMER_TASK_STACK_DEPTH;
#elif (configSUPPORT_STATIC_ALLOCATION == 1)
    vApplicationGetTimerTaskMemory(tcb, stack, depth);
#else
    *tcb = NULL;
    *stack = NULL;
    *depth = 0;
#endif /* configKERNEL_PROVIDED_STATIC_MEMORY */
}

BaseType_t timer_create_daemon(void)
{
    tmr_init_once();
    if (tmr_queue == NULL) {
        return pdFAIL;
    }
    if (configSUPPORT_STATIC_ALLOCATION) {
        StaticTask_t *tcb = NULL;
        StackType_t *stack = NULL;
        configSTACK_DEPTH_TYPE depth = 0;
        tmr_get_daemon_memory(&tcb, &stack, &depth);
        tmr_daemon = xTaskCreateStatic(tmr_daemon_task, configTIMER_SERVICE_TASK_NAME, depth, NULL,
                                       configTIMER_TASK_PRIORITY, stack, tcb);
    } else {
        (void)xTaskCreate(tmr_daemon_task, configTIMER_SERVICE_TASK_NAME,
                          configTIMER_TASK_STACK_DEPTH, NULL, configTIMER_TASK_PRIORITY,
                          &tmr_daemon);
    }
    return (tmr_daemon != NULL) ? pdPASS : pdFAIL;
}

TaskHandle_t xTimerGetTimerDaemonTaskHandle(void)
{
    configASSERT(tmr_daemon != NULL);
    return tmr_daemon;
}

/* ----- Creation --------------------------------------------------------------------- */

static int tmr_args_ok(TickType_t period, TimerCallbackFunction_t callback)
{
    configASSERT(period > 0U);
    configASSERT(callback != NULL);
    return period > 0U && callback != NULL;
}

static void tmr_init(tmr_t *t, const char *name, TickType_t period, BaseType_t auto_reload,
                     void *id, TimerCallbackFunction_t callback, uint8_t flags)
{
    tmr_init_once();
    t->name = name;
    list_item_init(&t->item, t);
    t->period = period;
    t->id = id;
    t->callback = callback;
#if (configUSE_TRACE_FACILITY == 1)
    t->number = 0;
#endif /* configUSE_TRACE_FACILITY */
    t->flags = (uint8_t)(flags | ((auto_reload != pdFALSE) ? TMR_AUTO_RELOAD : 0U));
    traceTIMER_CREATE(t);
}

TimerHandle_t xTimerCreate(const char *const pcTimerName, const TickType_t xTimerPeriodInTicks,
                           const BaseType_t xAutoReload, void *const pvTimerID,
                           TimerCallbackFunction_t pxCallbackFunction)
{
    if (!tmr_args_ok(xTimerPeriodInTicks, pxCallbackFunction)) {
        traceTIMER_CREATE_FAILED();
        return NULL;
    }
    tmr_t *t = kernel_alloc(sizeof(tmr_t));
    if (t == NULL) {
        traceTIMER_CREATE_FAILED();
        return NULL;
    }
    tmr_init(t, pcTimerName, xTimerPeriodInTicks, xAutoReload, pvTimerID, pxCallbackFunction, 0);
    return t;
}

TimerHandle_t xTimerCreateStatic(const char *const pcTimerName,
                                 const TickType_t xTimerPeriodInTicks, const BaseType_t xAutoReload,
                                 void *const pvTimerID, TimerCallbackFunction_t pxCallbackFunction,
                                 StaticTimer_t *pxTimerBuffer)
{
    configASSERT(pxTimerBuffer != NULL);
    if (pxTimerBuffer == NULL || !tmr_args_ok(xTimerPeriodInTicks, pxCallbackFunction)) {
        traceTIMER_CREATE_FAILED();
        return NULL;
    }
    tmr_t *t = (tmr_t *)pxTimerBuffer;
    tmr_init(t, pcTimerName, xTimerPeriodInTicks, xAutoReload, pvTimerID, pxCallbackFunction,
             TMR_STATIC);
    return t;
}

BaseType_t xTimerGetStaticBuffer(TimerHandle_t xTimer, StaticTimer_t **ppxTimerBuffer)
{
    configASSERT(xTimer != NULL);
    configASSERT(ppxTimerBuffer != NULL);
    if ((xTimer->flags & TMR_STATIC) == 0U) {
        return pdFALSE;
    }
    *ppxTimerBuffer = (StaticTimer_t *)xTimer;
    return pdTRUE;
}

/* ----- Sending commands ----------------------------------------------------------------- */

static int tmr_command_ok(TimerHandle_t t, BaseType_t id, TickType_t value)
{
    const int known = id >= tmrCOMMAND_START_DONT_TRACE && id <= tmrCOMMAND_CHANGE_PERIOD_FROM_ISR;
    const int zero_period =
        (id == tmrCOMMAND_CHANGE_PERIOD || id == tmrCOMMAND_CHANGE_PERIOD_FROM_ISR) && value == 0U;
    configASSERT(t != NULL);
    configASSERT(known);
    configASSERT(!zero_period); /* a timer period must be at least one tick */
    return t != NULL && known && !zero_period;
}

/* The daemon must never wait for room in its own queue, and nobody may
 * block before the scheduler runs or while it is suspended. */
static TickType_t tmr_block_time(TickType_t ticks)
{
    if (xTaskGetSchedulerState() != taskSCHEDULER_RUNNING ||
        xTaskGetCurrentTaskHandle() == tmr_daemon) {
        return 0;
    }
    return ticks;
}

/* Builds a timer command; 0 when it is invalid (configASSERT) or no timer
 * was ever created. */
static int tmr_command(tmr_msg_t *m, TimerHandle_t t, BaseType_t id, TickType_t value)
{
    if (!tmr_command_ok(t, id, value) || tmr_queue == NULL) {
        return 0;
    }
    m->id = id;
    m->u.t.timer = t;
    m->u.t.value = value;
    return 1;
}

BaseType_t xTimerGenericCommandFromTask(TimerHandle_t xTimer, const BaseType_t xCommandID,
                                        const TickType_t xOptionalValue,
                                        BaseType_t *const pxHigherPriorityTaskWoken,
                                        const TickType_t xTicksToWait)
{
    tmr_msg_t m;
    (void)pxHigherPriorityTaskWoken;
    if (!tmr_command(&m, xTimer, xCommandID, xOptionalValue)) {
        return pdFAIL;
    }
    m.u.t.sent_at = xTaskGetTickCount();
    const BaseType_t r = xQueueSendToBack(tmr_queue, &m, tmr_block_time(xTicksToWait));
    traceTIMER_COMMAND_SEND(xTimer, xCommandID, xOptionalValue, r);
    return r;
}

BaseType_t xTimerGenericCommandFromISR(TimerHandle_t xTimer, const BaseType_t xCommandID,
                                       const TickType_t xOptionalValue,
                                       BaseType_t *const pxHigherPriorityTaskWoken,
                                       const TickType_t xTicksToWait)
{
    tmr_msg_t m;
    (void)xTicksToWait;
    if (!tmr_command(&m, xTimer, xCommandID, xOptionalValue)) {
        return pdFAIL;
    }
    m.u.t.sent_at = xTaskGetTickCountFromISR();
    const BaseType_t r = xQueueSendToBackFromISR(tmr_queue, &m, pxHigherPriorityTaskWoken);
    traceTIMER_COMMAND_SEND(xTimer, xCommandID, xOptionalValue, r);
    return r;
}

static void tmr_pend(tmr_msg_t *m, BaseType_t id, PendedFunction_t fn, void *arg1, uint32_t arg2)
{
    m->id = id;
    m->u.f.fn = fn;
    m->u.f.arg1 = arg1;
    m->u.f.arg2 = arg2;
}

BaseType_t xTimerPendFunctionCall(PendedFunction_t xFunctionToPend, void *pvParameter1,
                                  uint32_t ulParameter2, TickType_t xTicksToWait)
{
    tmr_msg_t m;
    configASSERT(xFunctionToPend != NULL);
    if (xFunctionToPend == NULL) {
        return pdFAIL;
    }
    tmr_init_once();
    tmr_pend(&m, tmrCOMMAND_EXECUTE_CALLBACK, xFunctionToPend, pvParameter1, ulParameter2);
    const BaseType_t r = xQueueSendToBack(tmr_queue, &m, tmr_block_time(xTicksToWait));
    tracePEND_FUNC_CALL(xFunctionToPend, pvParameter1, ulParameter2, r);
    return r;
}

BaseType_t xTimerPendFunctionCallFromISR(PendedFunction_t xFunctionToPend, void *pvParameter1,
                                         uint32_t ulParameter2,
                                         BaseType_t *pxHigherPriorityTaskWoken)
{
    tmr_msg_t m;
    configASSERT(xFunctionToPend != NULL);
    configASSERT(tmr_queue != NULL);
    if (xFunctionToPend == NULL || tmr_queue == NULL) {
        return pdFAIL;
    }
    tmr_pend(&m, tmrCOMMAND_EXECUTE_CALLBACK_FROM_ISR, xFunctionToPend, pvParameter1, ulParameter2);
    const BaseType_t r = xQueueSendToBackFromISR(tmr_queue, &m, pxHigherPriorityTaskWoken);
    tracePEND_FUNC_CALL_FROM_ISR(xFunctionToPend, pvParameter1, ulParameter2, r);
    return r;
}

/* ----- Information and settings ------------------------------------------------------- */

BaseType_t xTimerIsTimerActive(TimerHandle_t xTimer)
{
    configASSERT(xTimer != NULL);
    portENTER_CRITICAL();
    BaseType_t r = ((xTimer->flags & TMR_ACTIVE) != 0U) ? pdTRUE : pdFALSE;
    portEXIT_CRITICAL();
    return r;
}

void *pvTimerGetTimerID(const TimerHandle_t xTimer)
{
    configASSERT(xTimer != NULL);
    portENTER_CRITICAL();
    void *id = xTimer->id;
    portEXIT_CRITICAL();
    return id;
}

void vTimerSetTimerID(TimerHandle_t xTimer, void *pvNewID)
{
    configASSERT(xTimer != NULL);
    portENTER_CRITICAL();
    xTimer->id = pvNewID;
    portEXIT_CRITICAL();
}

const char *pcTimerGetName(TimerHandle_t xTimer)
{
    configASSERT(xTimer != NULL);
    return xTimer->name;
}

TickType_t xTimerGetPeriod(TimerHandle_t xTimer)
{
    configASSERT(xTimer != NULL);
    return xTimer->period;
}

TickType_t xTimerGetExpiryTime(TimerHandle_t xTimer)
{
    configASSERT(xTimer != NULL);
    return xTimer->item.link.value;
}

void vTimerSetReloadMode(TimerHandle_t xTimer, const BaseType_t xAutoReload)
{
    configASSERT(xTimer != NULL);
    tmr_set_flag(xTimer, TMR_AUTO_RELOAD, xAutoReload != pdFALSE);
}

BaseType_t xTimerGetReloadMode(TimerHandle_t xTimer)
{
    configASSERT(xTimer != NULL);
    portENTER_CRITICAL();
    BaseType_t r = ((xTimer->flags & TMR_AUTO_RELOAD) != 0U) ? pdTRUE : pdFALSE;
    portEXIT_CRITICAL();
    return r;
}

UBaseType_t uxTimerGetReloadMode(TimerHandle_t xTimer)
{
    return (UBaseType_t)xTimerGetReloadMode(xTimer);
}

UBaseType_t uxTimerGetTimerNumber(TimerHandle_t xTimer)
{
#if (configUSE_TRACE_FACILITY == 1)
    return xTimer->number;
#else
    (void)xTimer;
    return 0U;
#endif /* configUSE_TRACE_FACILITY */
}

void vTimerSetTimerNumber(TimerHandle_t xTimer, UBaseType_t uxTimerNumber)
{
#if (configUSE_TRACE_FACILITY == 1)
    xTimer->number = uxTimerNumber;
#else
    (void)xTimer;
    (void)uxTimerNumber;
#endif /* configUSE_TRACE_FACILITY */
}

#else /* configUSE_TIMERS */

BaseType_t timer_create_daemon(void)
{
    return pdPASS;
}

#endif /* configUSE_TIMERS */
