/*
 * test_tickless.c - tickless idle (configUSE_TICKLESS_IDLE 1): the tick
 * count after long sleeps, the sleep hooks, early wake-up by an interrupt,
 * and timers across the wrap of the tick count. The image's
 * FreeRTOSConfig.h routes configPRE_SLEEP_PROCESSING and
 * configPOST_SLEEP_PROCESSING to svc_pre_sleep() and svc_post_sleep().
 */
#include "services.h"
#include "semphr.h"
#include "timers.h"

#if (configUSE_TICKLESS_IDLE == 1)

static volatile unsigned sleeps;
static volatile unsigned wakes;
static volatile TickType_t last_expected;
static volatile int veto;
static volatile unsigned ticks_seen;

void svc_pre_sleep(void *expected_idle_ticks);
void svc_post_sleep(void *expected_idle_ticks);

void svc_pre_sleep(void *expected_idle_ticks)
{
    TickType_t *expected = expected_idle_ticks;
    last_expected = *expected;
    sleeps = sleeps + 1U;
    if (veto) {
        *expected = 0; /* tells the port not to sleep */
    }
}

void svc_post_sleep(void *expected_idle_ticks)
{
    (void)expected_idle_ticks;
    wakes = wakes + 1U;
}

static void on_tick(void)
{
    ticks_seen = ticks_seen + 1U;
}

static void tickless_reset(void)
{
    sleeps = 0;
    wakes = 0;
    last_expected = 0;
    veto = 0;
    ticks_seen = 0;
    ptest_set_tick_hook(on_tick);
}

PTEST(Kernel, tickless_long_delay_ends_on_the_exact_tick)
{
    tickless_reset();
    const TickType_t start = xTaskGetTickCount();
    vTaskDelay(5000);
    TEST_ASSERT_EQUAL(TICK(start + 5000U), xTaskGetTickCount());
}

PTEST(Kernel, tickless_idle_sleeps_instead_of_ticking)
{
    tickless_reset();
    vTaskDelay(5000);
    TEST_ASSERT_TRUE(sleeps >= 1U);
    TEST_ASSERT_EQUAL(sleeps, wakes);
    TEST_ASSERT_TRUE(ticks_seen <= 2U); /* instead of 5000 tick interrupts */
    TEST_ASSERT_EQUAL(5000, last_expected);
}

PTEST(Kernel, tickless_short_wait_does_not_sleep)
{
    tickless_reset();
    vTaskDelay(configEXPECTED_IDLE_TIME_BEFORE_SLEEP - 1U);
    TEST_ASSERT_EQUAL(0, sleeps);
}

PTEST(Kernel, tickless_pre_sleep_processing_can_veto_the_sleep)
{
    tickless_reset();
    veto = 1;
    const TickType_t start = xTaskGetTickCount();
    vTaskDelay(50);
    TEST_ASSERT_EQUAL(TICK(start + 50U), xTaskGetTickCount());
    TEST_ASSERT_TRUE(sleeps >= 1U);
    TEST_ASSERT_EQUAL(50, ticks_seen); /* every tick was taken */
}

PTEST(Kernel, tickless_busy_task_keeps_the_tick)
{
    tickless_reset();
    board_burn_cpu(20000);
    TEST_ASSERT_EQUAL(0, sleeps);
    TEST_ASSERT_TRUE(ticks_seen >= 19U);
}

static SemaphoreHandle_t wake_sem;

static void give_from_isr(void)
{
    BaseType_t woken = pdFALSE;
    (void)xSemaphoreGiveFromISR(wake_sem, &woken);
    portYIELD_FROM_ISR(woken);
}

PTEST(Kernel, tickless_interrupt_ends_the_sleep_early)
{
    static StaticSemaphore_t buf;
    tickless_reset();
    wake_sem = xSemaphoreCreateBinaryStatic(&buf);
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, give_from_isr);
    const TickType_t start = xTaskGetTickCount();
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 300);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(wake_sem, 1000));
    TEST_ASSERT_EQUAL(TICK(start + 300U), xTaskGetTickCount());
    TEST_ASSERT_EQUAL(1000, last_expected);
    vSemaphoreDelete(wake_sem);
}

PTEST(Kernel, tickless_confirm_sleep_mode_aborts_while_a_task_runs)
{
    TEST_ASSERT_EQUAL(eAbortSleep, eTaskConfirmSleepModeStatus());
}

#if (configUSE_TIMERS == 1)
#define LOG 8U
static volatile unsigned fired;
static TickType_t fired_at[LOG];
static TimerHandle_t fired_by[LOG];

static void log_cb(TimerHandle_t t)
{
    if (fired < LOG) {
        fired_at[fired] = xTaskGetTickCount();
        fired_by[fired] = t;
    }
    fired = fired + 1U;
}

PTEST(Kernel, tickless_timer_fires_on_the_exact_tick)
{
    static StaticTimer_t buf;
    tickless_reset();
    fired = 0;
    TimerHandle_t t = xTimerCreateStatic("tl", 777, pdFALSE, NULL, log_cb, &buf);
    const TickType_t start = xTaskGetTickCount();
    (void)xTimerStart(t, 0);
    vTaskDelay(1000);
    TEST_ASSERT_EQUAL(1, fired);
    TEST_ASSERT_EQUAL(TICK(start + 777U), fired_at[0]);
    TEST_ASSERT_TRUE(ticks_seen <= 4U);
    (void)xTimerDelete(t, 0);
}

/* Sleeps (tickless) to just before the tick count wraps, then runs an
 * auto-reload and a one-shot timer across the wrap. */
PTEST(Kernel, tickless_timers_across_the_tick_wrap)
{
    static StaticTimer_t abuf;
    static StaticTimer_t bbuf;
    const TickType_t t0 = (TickType_t)(0U - 256U);
    fired = 0;
    svc_delay_until(t0);
    TEST_ASSERT_EQUAL(t0, xTaskGetTickCount());
    TimerHandle_t a = xTimerCreateStatic("wrapA", 100, pdTRUE, NULL, log_cb, &abuf);
    TimerHandle_t b = xTimerCreateStatic("wrapB", 300, pdFALSE, NULL, log_cb, &bbuf);
    (void)xTimerStart(a, 0);
    (void)xTimerStart(b, 0);
    TEST_ASSERT_EQUAL(44, xTimerGetExpiryTime(b)); /* wrapped */
    vTaskDelay(456);
    (void)xTimerStop(a, 0);
    TEST_ASSERT_EQUAL(200, xTaskGetTickCount());
    TEST_ASSERT_EQUAL(5, fired); /* a at -156, -56, 44, 144; b at 44 */
    TEST_ASSERT_EQUAL((TickType_t)(0U - 156U), fired_at[0]);
    TEST_ASSERT_EQUAL((TickType_t)(0U - 56U), fired_at[1]);
    TEST_ASSERT_EQUAL(44, fired_at[2]);
    TEST_ASSERT_EQUAL(44, fired_at[3]);
    TEST_ASSERT_EQUAL(144, fired_at[4]);
    TEST_ASSERT_EQUAL_PTR(a, fired_by[4]);
    (void)xTimerDelete(a, 0);
    (void)xTimerDelete(b, 0);
}
#endif /* configUSE_TIMERS */

#endif /* configUSE_TICKLESS_IDLE */
