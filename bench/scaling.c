/*
 * scaling.c - how costs grow with the number of tasks delayed or timers
 * active: n = 1, 8, 64, 256 (the command line's "points=" may shorten the
 * list). A flat curve is the goal; a rising one is reported as found.
 *
 * Background load: n software timers running with long periods (first,
 * then deleted), or n sleeper tasks each delayed for a long time (they
 * never wake during the suite). For each n:
 *   block.timeout.last   the main task blocks on a semaphore with a timeout
 *                        later than every sleeper's (sorted insertion at
 *                        the end of the delayed list), until the partner
 *                        task it switches to returns;
 *   block.timeout.first  the same with the earliest timeout of all;
 *   wake.timeout         the main task's timeout expires: from the tick
 *                        handler's start to the main task's return from
 *                        the take;
 *   tick.delayed         one tick handler that wakes nobody;
 *   timer.start.last / timer.start.first  xTimerStart of a timer expiring
 *                        after / before all n running timers (the daemon
 *                        runs above the caller, so this includes the
 *                        daemon's processing);
 *   tick.timers          one tick handler with n timers running.
 */
#include "bench.h"
#include "semphr.h"
#if BENCH_HAVE_TIMERS
#include "timers.h"
#endif /* BENCH_HAVE_TIMERS */

#define MAX_POINTS 4U
#define SLEEPER_STACK_WORDS 128U
#define SLEEP_TICKS 1000000U    /* sleepers and timers: far beyond the run */
#define TIMEOUT_FIRST 1000U     /* before every sleeper wakes */
#define TIMEOUT_LAST 100000000U /* after every sleeper wakes */

static const uint32_t all_points[MAX_POINTS] = {1, 8, 64, 256};
static uint32_t reps;
static SemaphoreHandle_t sem;
static bench_id_t partner_id;

static void sleeper_task(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskDelay(SLEEP_TICKS);
    }
}

/* Runs when the main task blocks: ends the block sample, wakes the main
 * task (which preempts it inside the give). */
static void partner_task(void *arg)
{
    (void)arg;
    for (;;) {
        (void)xSemaphoreGive(sem);
        bench_end(partner_id);
    }
}

static void add_sleepers(uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        TaskHandle_t h = NULL;
        BaseType_t ok =
            xTaskCreate(sleeper_task, "sleep", SLEEPER_STACK_WORDS, NULL, BENCH_PRIO_LOW, &h);
        BENCH_CHECK(ok == pdPASS);
    }
    vTaskDelay(2); /* the new sleepers run once and go to the delayed list */
}

static void measure_block(const char *name, uint32_t n, TickType_t timeout)
{
    partner_id = bench_define(name, "scale", n);
    TaskHandle_t partner = bench_task(partner_task, "partner", BENCH_PRIO_MAIN - 1U, NULL);
    /* The first block starts the partner (a task entry, not a return from
     * a give): not a sample. */
    (void)xSemaphoreTake(sem, timeout);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        (void)xSemaphoreTake(sem, timeout);
    }
    vTaskDelete(partner);
}

static void measure_wake(uint32_t n)
{
    bench_id_t id = bench_define("wake.timeout", "scale", n);
    for (uint32_t i = 0; i < reps; i++) {
        vTaskDelay(1); /* start at a tick boundary */
        bench_tick_arm(BENCH_TICK_BEGIN, xTaskGetTickCount() + 2U, id);
        BaseType_t got = xSemaphoreTake(sem, 2);
        bench_end(id);
        BENCH_CHECK(got == pdFALSE);
    }
}

static void measure_tick(const char *name, uint32_t n)
{
    bench_id_t id = bench_define(name, "scale", n);
    for (uint32_t i = 0; i < reps; i++) {
        bench_tick_arm(BENCH_TICK_WHOLE, 0, id);
        vTaskDelay(3); /* the next tick wakes nobody */
    }
}

#if BENCH_HAVE_TIMERS
static void timer_callback(TimerHandle_t t)
{
    (void)t;
}

static TimerHandle_t load_timers[256];

static void add_timers(uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++) {
        TimerHandle_t t = xTimerCreate("load", SLEEP_TICKS, pdFALSE, NULL, timer_callback);
        BENCH_CHECK(t != NULL);
        BENCH_CHECK(xTimerStart(t, portMAX_DELAY) == pdPASS);
        load_timers[i] = t;
    }
}

static void measure_timer_start(const char *name, uint32_t n, TickType_t period)
{
    TimerHandle_t t = xTimerCreate("probe", period, pdFALSE, NULL, timer_callback);
    BENCH_CHECK(t != NULL);
    bench_id_t id = bench_define(name, "scale", n);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        (void)xTimerStart(t, 0);
        bench_end(id);
        (void)xTimerStop(t, 0);
    }
    (void)xTimerDelete(t, 0);
}

static void timer_curves(const uint32_t *points, uint32_t n_points)
{
    uint32_t active = 0;
    for (uint32_t p = 0; p < n_points; p++) {
        add_timers(active, points[p]);
        active = points[p];
        measure_timer_start("timer.start.last", active, SLEEP_TICKS * 2U);
        measure_timer_start("timer.start.first", active, TIMEOUT_FIRST);
        measure_tick("tick.timers", active);
    }
    for (uint32_t i = 0; i < active; i++) {
        BENCH_CHECK(xTimerDelete(load_timers[i], portMAX_DELAY) == pdPASS);
    }
}
#else
static void timer_curves(const uint32_t *points, uint32_t n_points)
{
    (void)points;
    (void)n_points;
    bench_skip("timer.start.last", "software timers (kernel/timer.c) are not in this tree");
    bench_skip("timer.start.first", "software timers (kernel/timer.c) are not in this tree");
    bench_skip("tick.timers", "software timers (kernel/timer.c) are not in this tree");
}
#endif /* BENCH_HAVE_TIMERS */

void bench_suite_scaling(void)
{
    reps = bench_reps();
    const uint32_t n_points = bench_arg_u32("points", MAX_POINTS);
    BENCH_CHECK(n_points >= 1U && n_points <= MAX_POINTS);
    sem = xSemaphoreCreateBinary();
    BENCH_CHECK(sem != NULL);

    timer_curves(all_points, n_points);
    uint32_t delayed = 0;
    for (uint32_t p = 0; p < n_points; p++) {
        add_sleepers(all_points[p] - delayed);
        delayed = all_points[p];
        measure_block("block.timeout.last", delayed, TIMEOUT_LAST);
        measure_block("block.timeout.first", delayed, TIMEOUT_FIRST);
        measure_wake(delayed);
        measure_tick("tick.delayed", delayed);
    }
}
