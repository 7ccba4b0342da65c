/*
 * threadmetric.c - throughput tests after the published definitions of the
 * Thread-Metric RTOS benchmark suite (our own implementation of each
 * definition, on the FreeRTOS API):
 *
 *   cooperative      5 tasks of one priority: count, then yield.
 *   preemptive       5 tasks of 5 priorities; all but the lowest suspended.
 *                    Each resumes the next higher one; the highest counts
 *                    and suspends itself, then each lower one in turn
 *                    counts and suspends; the lowest counts and starts over.
 *   interrupt        1 task triggers an interrupt; the handler counts and
 *                    gives a semaphore; the task takes it, counts, repeats.
 *   interrupt_preemption  the handler counts and resumes a suspended
 *                    higher-priority task, which counts and suspends itself;
 *                    the triggering task counts and repeats.
 *   message          1 task sends a 16-byte message to a queue, receives it
 *                    back, counts.
 *   synchronization  1 task takes a binary semaphore, gives it back, counts.
 *   memory           1 task allocates 128 bytes and frees them, counts
 *                    (pvPortMalloc/vPortFree: the FreeRTOS API has no
 *                    fixed-block pool).
 *
 * The score is instructions per event over one long sample: the reporting
 * task (the suite's main task, above the workers) starts the sample, sleeps
 * for the test period and ends it; events are the counter increments in
 * between, counted as Thread-Metric counts them (the sum of the task
 * counters; the handler counter for the interrupt tests). The counters are
 * checked as Thread-Metric checks them (equal within one).
 */
#include <string.h>

#include "bench.h"
#include "queue.h"
#include "semphr.h"

#define TM_TASKS 5U
#define TM_PRIO_BASE BENCH_PRIO_LOW /* workers at BENCH_PRIO_LOW + 0..4 */

static volatile uint32_t counter[TM_TASKS];
static volatile uint32_t handler_counter;
static TaskHandle_t tasks[TM_TASKS];
static SemaphoreHandle_t tm_sem;
static QueueHandle_t tm_queue;

/* ----- Workers --------------------------------------------------------------- */

static void cooperative_task(void *arg)
{
    const uint32_t i = (uint32_t)arg;
    for (;;) {
        counter[i]++;
        taskYIELD();
    }
}

static void preemptive_task(void *arg)
{
    const uint32_t i = (uint32_t)arg;
    for (;;) {
        if (i + 1U < TM_TASKS) {
            vTaskResume(tasks[i + 1U]);
        }
        counter[i]++;
        if (i > 0U) {
            vTaskSuspend(NULL);
        }
    }
}

static void interrupt_isr(void)
{
    BaseType_t woken = pdFALSE;
    handler_counter++;
    (void)xSemaphoreGiveFromISR(tm_sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void interrupt_task(void *arg)
{
    (void)arg;
    for (;;) {
        bench_irq_trigger_low();
        (void)xSemaphoreTake(tm_sem, portMAX_DELAY);
        counter[0]++;
    }
}

static void preemption_isr(void)
{
    handler_counter++;
    portYIELD_FROM_ISR(xTaskResumeFromISR(tasks[1]));
}

static void preemption_low_task(void *arg)
{
    (void)arg;
    for (;;) {
        bench_irq_trigger_low();
        counter[0]++;
    }
}

static void preemption_high_task(void *arg)
{
    (void)arg;
    for (;;) {
        counter[1]++;
        vTaskSuspend(NULL);
    }
}

static void message_task(void *arg)
{
    (void)arg;
    uint32_t msg[4] = {1, 2, 3, 4};
    for (;;) {
        (void)xQueueSend(tm_queue, msg, portMAX_DELAY);
        (void)xQueueReceive(tm_queue, msg, portMAX_DELAY);
        counter[0]++;
    }
}

static void synchronization_task(void *arg)
{
    (void)arg;
    for (;;) {
        (void)xSemaphoreTake(tm_sem, portMAX_DELAY);
        (void)xSemaphoreGive(tm_sem);
        counter[0]++;
    }
}

static void memory_task(void *arg)
{
    (void)arg;
    for (;;) {
        void *p = pvPortMalloc(128);
        BENCH_CHECK(p != NULL);
        vPortFree(p);
        counter[0]++;
    }
}

/* ----- Set-ups: create the workers (they run once the reporter sleeps) ------- */

static void setup_cooperative(void)
{
    for (uint32_t i = 0; i < TM_TASKS; i++) {
        tasks[i] = bench_task(cooperative_task, "coop", TM_PRIO_BASE, (void *)i);
    }
}

static void setup_preemptive(void)
{
    for (uint32_t i = 0; i < TM_TASKS; i++) {
        tasks[i] = bench_task(preemptive_task, "preempt", TM_PRIO_BASE + i, (void *)i);
        if (i > 0U) {
            vTaskSuspend(tasks[i]);
        }
    }
}

static void setup_interrupt(void)
{
    tm_sem = xSemaphoreCreateBinary();
    BENCH_CHECK(tm_sem != NULL);
    bench_irq_set_low(interrupt_isr);
    tasks[0] = bench_task(interrupt_task, "irq", TM_PRIO_BASE, NULL);
}

static void setup_interrupt_preemption(void)
{
    tasks[1] = bench_task(preemption_high_task, "high", TM_PRIO_BASE + 1U, NULL);
    vTaskSuspend(tasks[1]);
    bench_irq_set_low(preemption_isr);
    tasks[0] = bench_task(preemption_low_task, "low", TM_PRIO_BASE, NULL);
}

static void setup_message(void)
{
    tm_queue = xQueueCreate(1, 16);
    BENCH_CHECK(tm_queue != NULL);
    tasks[0] = bench_task(message_task, "msg", TM_PRIO_BASE, NULL);
}

static void setup_synchronization(void)
{
    tm_sem = xSemaphoreCreateBinary();
    BENCH_CHECK(tm_sem != NULL);
    (void)xSemaphoreGive(tm_sem);
    tasks[0] = bench_task(synchronization_task, "sync", TM_PRIO_BASE, NULL);
}

static void setup_memory(void)
{
    tasks[0] = bench_task(memory_task, "mem", TM_PRIO_BASE, NULL);
}

/* ----- Scoring ------------------------------------------------------------------ */

struct tm_test {
    const char *name;
    void (*setup)(void);
    uint32_t counters;  /* task counters in use */
    int handler_events; /* events are the handler's count, not the tasks' */
};

static const struct tm_test tests[] = {
    {"tm.cooperative", setup_cooperative, TM_TASKS, 0},
    {"tm.preemptive", setup_preemptive, TM_TASKS, 0},
    {"tm.interrupt", setup_interrupt, 1, 1},
    {"tm.interrupt_preemption", setup_interrupt_preemption, 2, 1},
    {"tm.message", setup_message, 1, 0},
    {"tm.synchronization", setup_synchronization, 1, 0},
    {"tm.memory", setup_memory, 1, 0},
};

static uint32_t events_now(const struct tm_test *t)
{
    if (t->handler_events) {
        return handler_counter;
    }
    uint32_t sum = 0;
    for (uint32_t i = 0; i < t->counters; i++) {
        sum += counter[i];
    }
    return sum;
}

/* Thread-Metric's check: every counter (and the handler's) within one of
 * their average. */
static int counters_valid(const struct tm_test *t)
{
    uint32_t values[TM_TASKS + 1U];
    uint32_t n = 0;
    uint64_t sum = 0;
    for (uint32_t i = 0; i < t->counters; i++) {
        values[n++] = counter[i];
    }
    if (t->handler_events) {
        values[n++] = handler_counter;
    }
    for (uint32_t i = 0; i < n; i++) {
        sum += values[i];
    }
    const uint32_t avg = (uint32_t)(sum / n);
    for (uint32_t i = 0; i < n; i++) {
        if (values[i] + 1U < avg || values[i] > avg + 1U) {
            return 0;
        }
    }
    return 1;
}

static void run_test(const struct tm_test *t, TickType_t period)
{
    bench_id_t id = bench_define(t->name, "tm", period);
    t->setup();
    vTaskDelay(1); /* the workers start; the sample starts on a fresh tick */
    const uint32_t before = events_now(t);
    bench_begin();
    vTaskDelay(period);
    bench_end(id);
    const uint32_t events = events_now(t) - before;
    for (uint32_t i = 0; i < TM_TASKS; i++) {
        if (tasks[i] != NULL) {
            vTaskSuspend(tasks[i]);
        }
    }
    bench_printf("BENCH-COUNTERS id=%u c0=%lu c1=%lu c2=%lu c3=%lu c4=%lu handler=%lu\n",
                 (unsigned)id, (unsigned long)counter[0], (unsigned long)counter[1],
                 (unsigned long)counter[2], (unsigned long)counter[3], (unsigned long)counter[4],
                 (unsigned long)handler_counter);
    bench_report(id, events, counters_valid(t) && events > 0U);
}

void bench_suite_tm(void)
{
    const TickType_t period = (TickType_t)bench_arg_u32("period", bench_quick() ? 2U : 20U);
    const uint32_t only = bench_arg_u32("test", 0xFFU);
    for (uint32_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (only == 0xFFU || only == i) {
            memset((void *)counter, 0, sizeof counter);
            handler_counter = 0;
            memset(tasks, 0, sizeof tasks);
            run_test(&tests[i], period);
            for (uint32_t k = 0; k < TM_TASKS; k++) {
                if (tasks[k] != NULL) {
                    vTaskDelete(tasks[k]);
                }
            }
        }
    }
}
