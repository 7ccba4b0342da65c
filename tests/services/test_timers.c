/*
 * test_timers.c - software timers and the timer daemon (timers.h).
 *
 * The daemon runs above the runner, so a command sent by the runner takes
 * effect before the call returns; tests that need the daemon held up
 * suspend it (and resume it before asserting, so a failure cannot leave it
 * suspended for the next test).
 */
#include "services.h"
#include "timers.h"

#if (configUSE_TIMERS == 1)

#define LOG_SIZE 32U

static volatile unsigned fired;
static TickType_t fired_at[LOG_SIZE];
static TimerHandle_t fired_timer[LOG_SIZE];

static void log_reset(void)
{
    fired = 0;
    for (unsigned i = 0; i < LOG_SIZE; i++) {
        fired_at[i] = 0;
        fired_timer[i] = NULL;
    }
}

static void log_cb(TimerHandle_t t)
{
    if (fired < LOG_SIZE) {
        fired_at[fired] = xTaskGetTickCount();
        fired_timer[fired] = t;
    }
    fired = fired + 1U;
}

static TimerHandle_t make(TickType_t period, BaseType_t reload)
{
    log_reset();
    TimerHandle_t t = svc_timer("tmr", period, reload, NULL, log_cb);
    TEST_ASSERT_NOT_NULL(t);
    return t;
}

static void drop(TimerHandle_t t)
{
    TEST_ASSERT_EQUAL(pdPASS, xTimerDelete(t, 0));
}

/* ----- Creation ------------------------------------------------------------ */

PTEST(Kernel, timer_create_is_dormant_with_given_attributes)
{
    static int tag;
    TimerHandle_t t = svc_timer("alpha", 25, pdTRUE, &tag, log_cb);
    TEST_ASSERT_NOT_NULL(t);
    TEST_ASSERT_FALSE(xTimerIsTimerActive(t));
    TEST_ASSERT_EQUAL_STRING("alpha", pcTimerGetName(t));
    TEST_ASSERT_EQUAL(25, xTimerGetPeriod(t));
    TEST_ASSERT_EQUAL_PTR(&tag, pvTimerGetTimerID(t));
    TEST_ASSERT_EQUAL(pdTRUE, xTimerGetReloadMode(t));
    TEST_ASSERT_EQUAL(1, uxTimerGetReloadMode(t));
    drop(t);
}

PTEST(Kernel, timer_create_zero_period_asserts)
{
    TEST_EXPECT_ASSERT((void)xTimerCreate("zero", 0, pdFALSE, NULL, log_cb));
}

PTEST(Kernel, timer_create_null_callback_asserts)
{
    TEST_EXPECT_ASSERT((void)xTimerCreate("nocb", 5, pdFALSE, NULL, NULL));
}

PTEST(Kernel, timer_create_static_zero_period_asserts)
{
    static StaticTimer_t buf;
    TEST_EXPECT_ASSERT((void)xTimerCreateStatic("zero", 0, pdFALSE, NULL, log_cb, &buf));
}

PTEST(Kernel, timer_create_static_null_buffer_asserts)
{
    TEST_EXPECT_ASSERT((void)xTimerCreateStatic("nobuf", 5, pdFALSE, NULL, log_cb, NULL));
}

PTEST(Kernel, timer_create_static_uses_buffer)
{
    static StaticTimer_t buf;
    StaticTimer_t *got = NULL;
    const size_t heap = svc_free_heap();
    log_reset();
    TimerHandle_t t = xTimerCreateStatic("st", 5, pdFALSE, NULL, log_cb, &buf);
    TEST_ASSERT_EQUAL_PTR(&buf, t);
    TEST_ASSERT_EQUAL(heap, svc_free_heap());
    TEST_ASSERT_EQUAL(pdTRUE, xTimerGetStaticBuffer(t, &got));
    TEST_ASSERT_EQUAL_PTR(&buf, got);
    TEST_ASSERT_EQUAL(pdPASS, xTimerStart(t, 0));
    vTaskDelay(6);
    TEST_ASSERT_EQUAL(1, fired);
    drop(t);
}

PTEST(Kernel, timer_dynamic_has_no_static_buffer)
{
    if (!configSUPPORT_DYNAMIC_ALLOCATION) {
        TEST_IGNORE("no dynamic allocation");
    }
    StaticTimer_t *got = NULL;
    TimerHandle_t t = make(5, pdFALSE);
    TEST_ASSERT_EQUAL(pdFALSE, xTimerGetStaticBuffer(t, &got));
    TEST_ASSERT_NULL(got);
    drop(t);
}

/* ----- Expiry --------------------------------------------------------------- */

PTEST(Kernel, timer_one_shot_fires_once_at_its_period)
{
    TimerHandle_t t = make(10, pdFALSE);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdPASS, xTimerStart(t, 0));
    TEST_ASSERT_TRUE(xTimerIsTimerActive(t));
    TEST_ASSERT_EQUAL(TICK(start + 10U), xTimerGetExpiryTime(t));
    vTaskDelay(50);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 10U), fired_at[0]);
    TEST_ASSERT_EQUAL_PTR(t, fired_timer[0]);
    TEST_ASSERT_FALSE(xTimerIsTimerActive(t));
    drop(t);
}

PTEST(Kernel, timer_auto_reload_fires_ten_times_in_105_ticks)
{
    TimerHandle_t t = make(10, pdTRUE);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdPASS, xTimerStart(t, 0));
    vTaskDelay(105);
    const unsigned n = fired;
    TEST_ASSERT_EQUAL(pdPASS, xTimerStop(t, 0));
    TEST_ASSERT_EQUAL(10, n);
    for (unsigned i = 0; i < n; i++) {
        TEST_ASSERT_EQUAL(TICK(start + 10U * (i + 1U)), fired_at[i]);
    }
    TEST_ASSERT_EQUAL(TICK(start + 110U), xTimerGetExpiryTime(t));
    drop(t);
}

static void slow_cb(TimerHandle_t t)
{
    log_cb(t);
    board_burn_cpu(3000); /* three ticks of work in the callback */
}

PTEST(Kernel, timer_auto_reload_does_not_drift_with_slow_callback)
{
    log_reset();
    TimerHandle_t t = svc_timer("slow", 10, pdTRUE, NULL, slow_cb);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdPASS, xTimerStart(t, 0));
    vTaskDelay(55);
    TEST_ASSERT_EQUAL(pdPASS, xTimerStop(t, 0));
    TEST_ASSERT_EQUAL(5, fired);
    for (unsigned i = 0; i < 5U; i++) {
        TEST_ASSERT_EQUAL(TICK(start + 10U * (i + 1U)), fired_at[i]);
    }
    drop(t);
}

PTEST(Kernel, timer_auto_reload_catches_up_after_daemon_was_held)
{
    TimerHandle_t t = make(10, pdTRUE);
    TaskHandle_t daemon = xTimerGetTimerDaemonTaskHandle();
    const TickType_t start = xTaskGetTickCount();
    (void)xTimerStart(t, 0);
    vTaskSuspend(daemon);
    vTaskDelay(35);
    const unsigned while_held = fired;
    vTaskResume(daemon);
    const unsigned after = fired;
    const TickType_t next = xTimerGetExpiryTime(t);
    vTaskDelay(10);
    const unsigned later = fired;
    (void)xTimerStop(t, 0);
    TEST_ASSERT_EQUAL(0, while_held);
    TEST_ASSERT_EQUAL(3, after); /* expiries at +10, +20 and +30, all late */
    TEST_ASSERT_EQUAL(TICK(start + 35U), fired_at[0]);
    TEST_ASSERT_EQUAL(TICK(start + 35U), fired_at[2]);
    TEST_ASSERT_EQUAL(TICK(start + 40U), next); /* the period grid is kept */
    TEST_ASSERT_EQUAL(4, later);
    TEST_ASSERT_EQUAL(TICK(start + 40U), fired_at[3]);
    drop(t);
}

PTEST(Kernel, timer_expiry_counts_from_command_not_from_daemon)
{
    TimerHandle_t t = make(10, pdFALSE);
    TaskHandle_t daemon = xTimerGetTimerDaemonTaskHandle();
    vTaskSuspend(daemon);
    const TickType_t start = xTaskGetTickCount();
    const BaseType_t sent = xTimerStart(t, 0);
    const BaseType_t active_before = xTimerIsTimerActive(t);
    vTaskDelay(4);
    vTaskResume(daemon);
    const BaseType_t active_after = xTimerIsTimerActive(t);
    vTaskDelay(20);
    TEST_ASSERT_EQUAL(pdPASS, sent);
    TEST_ASSERT_FALSE(active_before); /* the daemon had not run yet */
    TEST_ASSERT_TRUE(active_after);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 10U), fired_at[0]);
    drop(t);
}

PTEST(Kernel, timer_started_late_past_its_expiry_fires_at_once)
{
    TimerHandle_t t = make(3, pdFALSE);
    TaskHandle_t daemon = xTimerGetTimerDaemonTaskHandle();
    vTaskSuspend(daemon);
    const TickType_t start = xTaskGetTickCount();
    (void)xTimerStart(t, 0);
    vTaskDelay(10);
    vTaskResume(daemon);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 10U), fired_at[0]);
    TEST_ASSERT_FALSE(xTimerIsTimerActive(t));
    drop(t);
}

PTEST(Kernel, timer_several_timers_fire_in_expiry_order)
{
    log_reset();
    TimerHandle_t a = svc_timer("a", 30, pdFALSE, NULL, log_cb);
    TimerHandle_t b = svc_timer("b", 10, pdFALSE, NULL, log_cb);
    TimerHandle_t c = svc_timer("c", 20, pdFALSE, NULL, log_cb);
    const TickType_t start = xTaskGetTickCount();
    (void)xTimerStart(a, 0);
    (void)xTimerStart(b, 0);
    (void)xTimerStart(c, 0);
    vTaskDelay(40);
    TEST_ASSERT_EQUAL(3, fired);
    TEST_ASSERT_EQUAL_PTR(b, fired_timer[0]);
    TEST_ASSERT_EQUAL_PTR(c, fired_timer[1]);
    TEST_ASSERT_EQUAL_PTR(a, fired_timer[2]);
    TEST_ASSERT_EQUAL(TICK(start + 30U), fired_at[2]);
    drop(a);
    drop(b);
    drop(c);
}

PTEST(Kernel, timer_same_expiry_fire_in_start_order)
{
    log_reset();
    TimerHandle_t a = svc_timer("a", 7, pdFALSE, NULL, log_cb);
    TimerHandle_t b = svc_timer("b", 7, pdFALSE, NULL, log_cb);
    (void)xTimerStart(a, 0);
    (void)xTimerStart(b, 0);
    vTaskDelay(8);
    TEST_ASSERT_EQUAL(2, fired);
    TEST_ASSERT_EQUAL_PTR(a, fired_timer[0]);
    TEST_ASSERT_EQUAL_PTR(b, fired_timer[1]);
    TEST_ASSERT_EQUAL(fired_at[0], fired_at[1]);
    drop(a);
    drop(b);
}

PTEST(Kernel, timer_period_of_one_tick_fires_every_tick)
{
    TimerHandle_t t = make(1, pdTRUE);
    (void)xTimerStart(t, 0);
    vTaskDelay(5);
    (void)xTimerStop(t, 0);
    TEST_ASSERT_EQUAL(5, fired);
    drop(t);
}

static TaskHandle_t cb_task;

static void whoami_cb(TimerHandle_t t)
{
    log_cb(t);
    cb_task = xTaskGetCurrentTaskHandle();
}

PTEST(Kernel, timer_callback_runs_in_daemon_task)
{
    log_reset();
    cb_task = NULL;
    TimerHandle_t t = svc_timer("who", 2, pdFALSE, NULL, whoami_cb);
    (void)xTimerStart(t, 0);
    vTaskDelay(3);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL_PTR(xTimerGetTimerDaemonTaskHandle(), cb_task);
    drop(t);
}

/* ----- Commands --------------------------------------------------------------- */

PTEST(Kernel, timer_stop_prevents_expiry)
{
    TimerHandle_t t = make(10, pdFALSE);
    (void)xTimerStart(t, 0);
    vTaskDelay(5);
    TEST_ASSERT_EQUAL(pdPASS, xTimerStop(t, 0));
    TEST_ASSERT_FALSE(xTimerIsTimerActive(t));
    vTaskDelay(20);
    TEST_ASSERT_EQUAL(0, fired);
    drop(t);
}

PTEST(Kernel, timer_stop_dormant_timer_is_harmless)
{
    TimerHandle_t t = make(10, pdFALSE);
    TEST_ASSERT_EQUAL(pdPASS, xTimerStop(t, 0));
    TEST_ASSERT_FALSE(xTimerIsTimerActive(t));
    drop(t);
}

PTEST(Kernel, timer_reset_restarts_the_countdown)
{
    TimerHandle_t t = make(10, pdFALSE);
    const TickType_t start = xTaskGetTickCount();
    (void)xTimerStart(t, 0);
    vTaskDelay(6);
    TEST_ASSERT_EQUAL(pdPASS, xTimerReset(t, 0));
    TEST_ASSERT_EQUAL(TICK(start + 16U), xTimerGetExpiryTime(t));
    vTaskDelay(20);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 16U), fired_at[0]);
    drop(t);
}

PTEST(Kernel, timer_reset_of_dormant_timer_starts_it)
{
    TimerHandle_t t = make(4, pdFALSE);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdPASS, xTimerReset(t, 0));
    TEST_ASSERT_TRUE(xTimerIsTimerActive(t));
    vTaskDelay(5);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 4U), fired_at[0]);
    drop(t);
}

PTEST(Kernel, timer_start_of_running_timer_restarts_it)
{
    TimerHandle_t t = make(10, pdTRUE);
    const TickType_t start = xTaskGetTickCount();
    (void)xTimerStart(t, 0);
    vTaskDelay(7);
    (void)xTimerStart(t, 0);
    vTaskDelay(10);
    (void)xTimerStop(t, 0);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 17U), fired_at[0]);
    drop(t);
}

PTEST(Kernel, timer_change_period_of_running_timer_counts_from_call)
{
    TimerHandle_t t = make(50, pdFALSE);
    const TickType_t start = xTaskGetTickCount();
    (void)xTimerStart(t, 0);
    vTaskDelay(5);
    TEST_ASSERT_EQUAL(pdPASS, xTimerChangePeriod(t, 8, 0));
    TEST_ASSERT_EQUAL(8, xTimerGetPeriod(t));
    vTaskDelay(60);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 13U), fired_at[0]);
    drop(t);
}

PTEST(Kernel, timer_change_period_starts_dormant_timer)
{
    TimerHandle_t t = make(50, pdFALSE);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdPASS, xTimerChangePeriod(t, 3, 0));
    TEST_ASSERT_TRUE(xTimerIsTimerActive(t));
    vTaskDelay(4);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 3U), fired_at[0]);
    drop(t);
}

PTEST(Kernel, timer_change_period_zero_asserts)
{
    TimerHandle_t t = make(5, pdFALSE);
    TEST_EXPECT_ASSERT((void)xTimerChangePeriod(t, 0, 0));
    TEST_ASSERT_EQUAL(5, xTimerGetPeriod(t));
    drop(t);
}

PTEST(Kernel, timer_command_on_null_handle_asserts)
{
    TEST_EXPECT_ASSERT((void)xTimerStart(NULL, 0));
}

PTEST(Kernel, timer_delete_running_timer_stops_it_and_frees_it)
{
    const size_t heap = svc_free_heap();
    TimerHandle_t t = make(5, pdTRUE);
    (void)xTimerStart(t, 0);
    vTaskDelay(6);
    TEST_ASSERT_EQUAL(pdPASS, xTimerDelete(t, 0));
    vTaskDelay(20);
    TEST_ASSERT_EQUAL(1, fired);
    if (SVC_HEAP_FREES) {
        TEST_ASSERT_EQUAL(heap, svc_free_heap());
    }
}

/* ----- From interrupts ------------------------------------------------------- */

static TimerHandle_t isr_timer;
static BaseType_t isr_result;
static BaseType_t isr_woken;

static void isr_start(void)
{
    isr_woken = pdFALSE;
    isr_result = xTimerStartFromISR(isr_timer, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_stop(void)
{
    isr_woken = pdFALSE;
    isr_result = xTimerStopFromISR(isr_timer, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_reset(void)
{
    isr_woken = pdFALSE;
    isr_result = xTimerResetFromISR(isr_timer, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_change(void)
{
    isr_woken = pdFALSE;
    isr_result = xTimerChangePeriodFromISR(isr_timer, 3, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

PTEST(Kernel, timer_start_from_isr)
{
    isr_timer = make(6, pdFALSE);
    const TickType_t start = xTaskGetTickCount();
    svc_run_in_isr(isr_start);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken); /* the daemon outranks the runner */
    TEST_ASSERT_TRUE(xTimerIsTimerActive(isr_timer));
    vTaskDelay(7);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 6U), fired_at[0]);
    drop(isr_timer);
}

PTEST(Kernel, timer_stop_from_isr)
{
    isr_timer = make(6, pdTRUE);
    (void)xTimerStart(isr_timer, 0);
    svc_run_in_isr(isr_stop);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    TEST_ASSERT_FALSE(xTimerIsTimerActive(isr_timer));
    vTaskDelay(10);
    TEST_ASSERT_EQUAL(0, fired);
    drop(isr_timer);
}

PTEST(Kernel, timer_reset_from_isr)
{
    isr_timer = make(6, pdFALSE);
    const TickType_t start = xTaskGetTickCount();
    (void)xTimerStart(isr_timer, 0);
    vTaskDelay(4);
    svc_run_in_isr(isr_reset);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    vTaskDelay(10);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 10U), fired_at[0]);
    drop(isr_timer);
}

PTEST(Kernel, timer_change_period_from_isr)
{
    isr_timer = make(60, pdFALSE);
    const TickType_t start = xTaskGetTickCount();
    svc_run_in_isr(isr_change);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    TEST_ASSERT_EQUAL(3, xTimerGetPeriod(isr_timer));
    vTaskDelay(4);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 3U), fired_at[0]);
    drop(isr_timer);
}

/* ----- Callbacks that act on their timer ------------------------------------------ */

static void restart_cb(TimerHandle_t t)
{
    log_cb(t);
    if (fired < 3U) {
        (void)xTimerStart(t, portMAX_DELAY); /* the daemon never waits */
    }
}

PTEST(Kernel, timer_callback_can_restart_one_shot)
{
    log_reset();
    TimerHandle_t t = svc_timer("again", 5, pdFALSE, NULL, restart_cb);
    const TickType_t start = xTaskGetTickCount();
    (void)xTimerStart(t, 0);
    vTaskDelay(30);
    TEST_ASSERT_EQUAL(3, fired);
    TEST_ASSERT_EQUAL(TICK(start + 15U), fired_at[2]);
    drop(t);
}

static void stop_self_cb(TimerHandle_t t)
{
    log_cb(t);
    (void)xTimerStop(t, 0);
}

PTEST(Kernel, timer_callback_can_stop_auto_reload)
{
    log_reset();
    TimerHandle_t t = svc_timer("stopper", 4, pdTRUE, NULL, stop_self_cb);
    (void)xTimerStart(t, 0);
    vTaskDelay(20);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_FALSE(xTimerIsTimerActive(t));
    drop(t);
}

static BaseType_t active_in_cb;
static TickType_t expiry_in_cb;

static void query_cb(TimerHandle_t t)
{
    log_cb(t);
    active_in_cb = xTimerIsTimerActive(t);
    expiry_in_cb = xTimerGetExpiryTime(t);
}

PTEST(Kernel, timer_auto_reload_is_rearmed_before_its_callback)
{
    log_reset();
    TimerHandle_t t = svc_timer("q", 8, pdTRUE, NULL, query_cb);
    const TickType_t start = xTaskGetTickCount();
    (void)xTimerStart(t, 0);
    vTaskDelay(9);
    (void)xTimerStop(t, 0);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_TRUE(active_in_cb);
    TEST_ASSERT_EQUAL(TICK(start + 16U), expiry_in_cb);
    drop(t);
}

PTEST(Kernel, timer_one_shot_is_dormant_in_its_callback)
{
    log_reset();
    TimerHandle_t t = svc_timer("q1", 8, pdFALSE, NULL, query_cb);
    (void)xTimerStart(t, 0);
    vTaskDelay(9);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_FALSE(active_in_cb);
    drop(t);
}

/* ----- Settings ------------------------------------------------------------------ */

PTEST(Kernel, timer_id_can_be_changed)
{
    static int a;
    static int b;
    TimerHandle_t t = svc_timer("id", 5, pdFALSE, &a, log_cb);
    TEST_ASSERT_EQUAL_PTR(&a, pvTimerGetTimerID(t));
    vTimerSetTimerID(t, &b);
    TEST_ASSERT_EQUAL_PTR(&b, pvTimerGetTimerID(t));
    drop(t);
}

PTEST(Kernel, timer_reload_mode_one_shot_to_auto)
{
    TimerHandle_t t = make(5, pdFALSE);
    vTimerSetReloadMode(t, pdTRUE);
    TEST_ASSERT_EQUAL(pdTRUE, xTimerGetReloadMode(t));
    (void)xTimerStart(t, 0);
    vTaskDelay(16);
    (void)xTimerStop(t, 0);
    TEST_ASSERT_EQUAL(3, fired);
    drop(t);
}

PTEST(Kernel, timer_reload_mode_auto_to_one_shot_stops_after_next)
{
    TimerHandle_t t = make(5, pdTRUE);
    (void)xTimerStart(t, 0);
    vTaskDelay(6);
    vTimerSetReloadMode(t, pdFALSE);
    TEST_ASSERT_EQUAL(0, uxTimerGetReloadMode(t));
    vTaskDelay(20);
    TEST_ASSERT_EQUAL(2, fired);
    TEST_ASSERT_FALSE(xTimerIsTimerActive(t));
    drop(t);
}

PTEST(Kernel, timer_number_for_trace_tools)
{
    TimerHandle_t t = make(5, pdFALSE);
    vTimerSetTimerNumber(t, 42);
    TEST_ASSERT_EQUAL(configUSE_TRACE_FACILITY ? 42 : 0, uxTimerGetTimerNumber(t));
    drop(t);
}

/* ----- The daemon ------------------------------------------------------------------- */

PTEST(Kernel, timer_daemon_has_configured_name_and_priority)
{
    TaskHandle_t d = xTimerGetTimerDaemonTaskHandle();
    TEST_ASSERT_NOT_NULL(d);
    TEST_ASSERT_EQUAL_STRING(configTIMER_SERVICE_TASK_NAME, pcTaskGetName(d));
    TEST_ASSERT_EQUAL(configTIMER_TASK_PRIORITY, uxTaskPriorityGet(d));
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(d));
}

static volatile unsigned pended_calls;
static void *pended_arg1;
static uint32_t pended_arg2;
static TaskHandle_t pended_in;
static uint32_t pended_order[LOG_SIZE];

static void pended(void *arg1, uint32_t arg2)
{
    pended_arg1 = arg1;
    pended_arg2 = arg2;
    pended_in = xTaskGetCurrentTaskHandle();
    if (pended_calls < LOG_SIZE) {
        pended_order[pended_calls] = arg2;
    }
    pended_calls = pended_calls + 1U;
}

static void pended_reset(void)
{
    pended_calls = 0;
    pended_arg1 = NULL;
    pended_arg2 = 0;
    pended_in = NULL;
}

PTEST(Kernel, timer_pend_function_call_runs_in_daemon)
{
    static int obj;
    pended_reset();
    TEST_ASSERT_EQUAL(pdPASS, xTimerPendFunctionCall(pended, &obj, 0xdeadbeefU, 0));
    TEST_ASSERT_EQUAL(1, pended_calls);
    TEST_ASSERT_EQUAL_PTR(&obj, pended_arg1);
    TEST_ASSERT_EQUAL(0xdeadbeefU, pended_arg2);
    TEST_ASSERT_EQUAL_PTR(xTimerGetTimerDaemonTaskHandle(), pended_in);
}

PTEST(Kernel, timer_pend_function_calls_run_in_order)
{
    pended_reset();
    vTaskSuspend(xTimerGetTimerDaemonTaskHandle());
    for (uint32_t i = 0; i < 5U; i++) {
        (void)xTimerPendFunctionCall(pended, NULL, i, 0);
    }
    const unsigned held = pended_calls;
    vTaskResume(xTimerGetTimerDaemonTaskHandle());
    TEST_ASSERT_EQUAL(0, held);
    TEST_ASSERT_EQUAL(5, pended_calls);
    for (uint32_t i = 0; i < 5U; i++) {
        TEST_ASSERT_EQUAL(i, pended_order[i]);
    }
}

static void isr_pend(void)
{
    isr_woken = pdFALSE;
    isr_result = xTimerPendFunctionCallFromISR(pended, NULL, 7, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

PTEST(Kernel, timer_pend_function_call_from_isr)
{
    pended_reset();
    svc_run_in_isr(isr_pend);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
    TEST_ASSERT_EQUAL(1, pended_calls);
    TEST_ASSERT_EQUAL(7, pended_arg2);
}

PTEST(Kernel, timer_pend_null_function_asserts)
{
    TEST_EXPECT_ASSERT((void)xTimerPendFunctionCall(NULL, NULL, 0, 0));
}

PTEST(Kernel, timer_full_queue_fails_after_block_time_and_loses_nothing)
{
    BaseType_t sent[configTIMER_QUEUE_LENGTH];
    pended_reset();
    vTaskSuspend(xTimerGetTimerDaemonTaskHandle());
    for (uint32_t i = 0; i < configTIMER_QUEUE_LENGTH; i++) {
        sent[i] = xTimerPendFunctionCall(pended, NULL, i, 0);
    }
    const TickType_t start = xTaskGetTickCount();
    const BaseType_t extra = xTimerPendFunctionCall(pended, NULL, 99, 5);
    const TickType_t waited = xTaskGetTickCount() - start;
    vTaskResume(xTimerGetTimerDaemonTaskHandle());
    for (uint32_t i = 0; i < configTIMER_QUEUE_LENGTH; i++) {
        TEST_ASSERT_EQUAL(pdPASS, sent[i]);
    }
    TEST_ASSERT_EQUAL(pdFAIL, extra);
    TEST_ASSERT_EQUAL(5, waited);
    TEST_ASSERT_EQUAL(configTIMER_QUEUE_LENGTH, pended_calls);
    TEST_ASSERT_EQUAL(configTIMER_QUEUE_LENGTH - 1U, pended_order[configTIMER_QUEUE_LENGTH - 1U]);
}

PTEST(Kernel, timer_full_queue_timer_command_fails)
{
    TimerHandle_t t = make(5, pdFALSE);
    pended_reset();
    vTaskSuspend(xTimerGetTimerDaemonTaskHandle());
    for (uint32_t i = 0; i < configTIMER_QUEUE_LENGTH; i++) {
        (void)xTimerPendFunctionCall(pended, NULL, i, 0);
    }
    const BaseType_t r = xTimerStart(t, 2);
    vTaskResume(xTimerGetTimerDaemonTaskHandle());
    TEST_ASSERT_EQUAL(pdFAIL, r);
    TEST_ASSERT_FALSE(xTimerIsTimerActive(t));
    drop(t);
}

PTEST(Kernel, timer_full_queue_from_isr_fails_at_once)
{
    pended_reset();
    vTaskSuspend(xTimerGetTimerDaemonTaskHandle());
    for (uint32_t i = 0; i < configTIMER_QUEUE_LENGTH; i++) {
        (void)xTimerPendFunctionCall(pended, NULL, i, 0);
    }
    svc_run_in_isr(isr_pend);
    vTaskResume(xTimerGetTimerDaemonTaskHandle());
    TEST_ASSERT_EQUAL(pdFAIL, isr_result);
    TEST_ASSERT_EQUAL(configTIMER_QUEUE_LENGTH, pended_calls);
}

PTEST(Kernel, timer_daemon_startup_hook_ran_once_in_daemon)
{
    if (!configUSE_DAEMON_TASK_STARTUP_HOOK) {
        TEST_IGNORE("configUSE_DAEMON_TASK_STARTUP_HOOK is 0");
    }
    TEST_ASSERT_EQUAL(1, ptest_daemon_startup_count());
    TEST_ASSERT_EQUAL_PTR(xTimerGetTimerDaemonTaskHandle(), ptest_daemon_startup_task());
}

#endif /* configUSE_TIMERS */
