/*
 * ops.c - the per-operation suite: the cost of each kernel operation, one
 * sample per call, `reps` samples per figure.
 *
 * Figure names: <object>.<operation>[.<case>]. "wake" figures start in the
 * task that wakes a higher-priority waiter and end when the waiter returns
 * from its blocking call (they include the switch); "block" figures start
 * in the task that blocks and end when the task switched to returns from
 * the call it was preempted in. The calls are written out in each loop
 * (no function pointers) so that a figure is the call and nothing else,
 * apart from the calibration (an empty begin/end pair) that the host
 * subtracts.
 */
#include <string.h>

#include "bench.h"
#include "queue.h"
#include "semphr.h"
#if BENCH_HAVE_TIMERS
#include "timers.h"
#endif /* BENCH_HAVE_TIMERS */

static uint32_t reps;
static TaskHandle_t main_task;
static SemaphoreHandle_t sem;
static QueueHandle_t queue;
static uint8_t item[64];

static void wait_notifications(uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        (void)ulTaskNotifyTake(pdFALSE, portMAX_DELAY);
    }
}

/* ----- Calibration -------------------------------------------------------- */

static void measure_calibration(void)
{
    bench_id_t id = bench_define("calibration", "op", 0);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        bench_end(id);
    }
}

/* ----- Task switch: taskYIELD between two tasks of equal priority --------- */

struct yield_pair {
    bench_id_t id;
    volatile uint32_t remaining;
    volatile int stop;
};

/* No floating point here: whether a task has an FPU context is decided by
 * the task function (yield_task_fp). */
static void yield_loop(struct yield_pair *y)
{
    for (;;) {
        bench_begin();
        taskYIELD();
        if (y->stop) {
            break;
        }
        bench_end(y->id);
        if (--y->remaining == 0U) {
            y->stop = 1;
        }
    }
    xTaskNotifyGive(main_task);
    vTaskSuspend(NULL);
}

static void yield_task(void *arg)
{
    yield_loop(arg);
}

/* One floating-point instruction gives the task an FPU context for good:
 * every switch then saves and restores s16-s31 (and the hardware stacks
 * s0-s15 lazily). */
static __attribute__((noinline)) void touch_fpu(void)
{
    volatile float f = 1.0f;
    f = f * 1.5f;
}

static void yield_task_fp(void *arg)
{
    touch_fpu();
    yield_loop(arg);
}

static void measure_yield(const char *name, int use_fp)
{
    struct yield_pair y = {bench_define(name, "op", 0), reps, 0};
    TaskFunction_t fn = use_fp ? yield_task_fp : yield_task;
    vTaskSuspendAll();
    TaskHandle_t a = bench_task(fn, "ya", BENCH_PRIO_HIGH, &y);
    TaskHandle_t b = bench_task(fn, "yb", BENCH_PRIO_HIGH, &y);
    (void)xTaskResumeAll();
    wait_notifications(2);
    vTaskDelete(a);
    vTaskDelete(b);
}

/* ----- Semaphore, queue, notification: no switch ---------------------------- */

static void measure_sem(void)
{
    bench_id_t give = bench_define("sem.give", "op", 0);
    bench_id_t take = bench_define("sem.take", "op", 0);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        (void)xSemaphoreGive(sem);
        bench_end(give);
        bench_begin();
        (void)xSemaphoreTake(sem, 0);
        bench_end(take);
    }
}

static void measure_queue(const char *send_name, const char *receive_name, UBaseType_t size)
{
    QueueHandle_t q = xQueueCreate(4, size);
    BENCH_CHECK(q != NULL);
    bench_id_t send = bench_define(send_name, "op", size);
    bench_id_t receive = bench_define(receive_name, "op", size);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        (void)xQueueSend(q, item, 0);
        bench_end(send);
        bench_begin();
        (void)xQueueReceive(q, item, 0);
        bench_end(receive);
    }
    vQueueDelete(q);
}

/* ----- Waking a higher-priority waiter, and blocking --------------------------
 * The waiter (BENCH_PRIO_HIGH) loops: begin, block, end(wake figure). The
 * main task loops: begin, wake the waiter, end(block figure): the waiter's
 * next block switches back to it. */

struct waiter {
    bench_id_t wake_id;
    bench_id_t block_id;
};

static void sem_waiter(void *arg)
{
    const struct waiter *w = arg;
    for (;;) {
        bench_begin();
        (void)xSemaphoreTake(sem, portMAX_DELAY);
        bench_end(w->wake_id);
    }
}

static void queue_waiter(void *arg)
{
    const struct waiter *w = arg;
    for (;;) {
        bench_begin();
        (void)xQueueReceive(queue, item, portMAX_DELAY);
        bench_end(w->wake_id);
    }
}

static void notify_waiter(void *arg)
{
    const struct waiter *w = arg;
    for (;;) {
        bench_begin();
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        bench_end(w->wake_id);
    }
}

static void measure_wakes(void)
{
    struct waiter w = {bench_define("sem.give.wake", "op", 0),
                       bench_define("sem.take.block", "op", 0)};
    TaskHandle_t h = bench_task(sem_waiter, "waiter", BENCH_PRIO_HIGH, &w);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        (void)xSemaphoreGive(sem);
        bench_end(w.block_id);
    }
    vTaskDelete(h);

    struct waiter wq = {bench_define("queue.send.wake", "op", 16),
                        bench_define("queue.receive.block", "op", 16)};
    queue = xQueueCreate(4, 16);
    BENCH_CHECK(queue != NULL);
    h = bench_task(queue_waiter, "waiter", BENCH_PRIO_HIGH, &wq);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        (void)xQueueSend(queue, item, portMAX_DELAY);
        bench_end(wq.block_id);
    }
    vTaskDelete(h);
    vQueueDelete(queue);

    struct waiter wn = {bench_define("notify.give.wake", "op", 0),
                        bench_define("notify.take.block", "op", 0)};
    h = bench_task(notify_waiter, "waiter", BENCH_PRIO_HIGH, &wn);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        xTaskNotifyGive(h);
        bench_end(wn.block_id);
    }
    vTaskDelete(h);
}

/* ----- Mutex ---------------------------------------------------------------------
 * Uncontended lock and unlock; then the main task holds the mutex and a
 * higher-priority task blocks on it: its lock raises the main task's
 * priority (inheritance) and switches to it, and the main task's unlock
 * restores its priority and hands the mutex over, with a switch. */

static SemaphoreHandle_t mutex;
static bench_id_t id_unlock_inherit;

static void mutex_contender(void *arg)
{
    (void)arg;
    for (;;) {
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
        bench_begin();
        (void)xSemaphoreTake(mutex, portMAX_DELAY);
        bench_end(id_unlock_inherit);
        (void)xSemaphoreGive(mutex);
    }
}

static void measure_mutex(void)
{
    mutex = xSemaphoreCreateMutex();
    BENCH_CHECK(mutex != NULL);
    bench_id_t lock = bench_define("mutex.lock", "op", 0);
    bench_id_t unlock = bench_define("mutex.unlock", "op", 0);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        (void)xSemaphoreTake(mutex, portMAX_DELAY);
        bench_end(lock);
        bench_begin();
        (void)xSemaphoreGive(mutex);
        bench_end(unlock);
    }
    bench_id_t lock_inherit = bench_define("mutex.lock.inherit", "op", 0);
    id_unlock_inherit = bench_define("mutex.unlock.disinherit", "op", 0);
    TaskHandle_t h = bench_task(mutex_contender, "contender", BENCH_PRIO_HIGH, NULL);
    for (uint32_t i = 0; i < reps; i++) {
        (void)xSemaphoreTake(mutex, portMAX_DELAY);
        xTaskNotifyGive(h); /* the contender runs and blocks on the mutex */
        bench_end(lock_inherit);
        BENCH_CHECK(uxTaskPriorityGet(NULL) == BENCH_PRIO_HIGH);
        bench_begin();
        (void)xSemaphoreGive(mutex);
    }
    vTaskDelete(h);
    vSemaphoreDelete(mutex);
}

/* ----- Interrupt to task ------------------------------------------------------------
 * The HIGH test interrupt gives a semaphore a higher-priority task waits
 * on: from the handler's first instruction to the task's return from the
 * take. */

static bench_id_t id_irq;

static void irq_give(void)
{
    BaseType_t woken = pdFALSE;
    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void irq_waiter(void *arg)
{
    (void)arg;
    for (;;) {
        (void)xSemaphoreTake(sem, portMAX_DELAY);
        bench_end(id_irq);
        xTaskNotifyGive(main_task);
    }
}

static void measure_irq_to_task(void)
{
    id_irq = bench_define("irq.give.wake", "op", 0);
    bench_irq_set_high(irq_give);
    TaskHandle_t h = bench_task(irq_waiter, "irqwait", BENCH_PRIO_HIGH, NULL);
    for (uint32_t i = 0; i < reps; i++) {
        bench_irq_trigger_high();
        wait_notifications(1);
    }
    vTaskDelete(h);
}

/* ----- Software timers -------------------------------------------------------------- */

#if BENCH_HAVE_TIMERS
static void timer_callback(TimerHandle_t t)
{
    (void)t;
}

static void measure_timers(void)
{
    TimerHandle_t t = xTimerCreate("bench", 100000U, pdFALSE, NULL, timer_callback);
    BENCH_CHECK(t != NULL);
    bench_id_t start = bench_define("timer.start", "op", 0);
    bench_id_t stop = bench_define("timer.stop", "op", 0);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        (void)xTimerStart(t, 0);
        bench_end(start);
        bench_begin();
        (void)xTimerStop(t, 0);
        bench_end(stop);
    }
    (void)xTimerDelete(t, 0);
}
#else
static void measure_timers(void)
{
    bench_skip("timer.start", "software timers (kernel/timer.c) are not in this tree");
    bench_skip("timer.stop", "software timers (kernel/timer.c) are not in this tree");
}
#endif /* BENCH_HAVE_TIMERS */

/* ----- Heap and tasks --------------------------------------------------------------- */

static void measure_heap(const char *alloc_name, const char *free_name, size_t size)
{
    bench_id_t alloc = bench_define(alloc_name, "op", size);
    bench_id_t release = bench_define(free_name, "op", size);
    for (uint32_t i = 0; i < reps; i++) {
        bench_begin();
        void *p = pvPortMalloc(size);
        bench_end(alloc);
        BENCH_CHECK(p != NULL);
        bench_begin();
        vPortFree(p);
        bench_end(release);
    }
}

static void idle_forever(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskSuspend(NULL);
    }
}

static void measure_task_lifecycle(void)
{
    bench_id_t create = bench_define("task.create", "op", BENCH_STACK_WORDS);
    bench_id_t del = bench_define("task.delete", "op", 0);
    for (uint32_t i = 0; i < reps; i++) {
        TaskHandle_t h = NULL;
        bench_begin();
        BaseType_t ok = xTaskCreate(idle_forever, "t", BENCH_STACK_WORDS, NULL, BENCH_PRIO_LOW, &h);
        bench_end(create);
        BENCH_CHECK(ok == pdPASS);
        bench_begin();
        vTaskDelete(h);
        bench_end(del);
    }
}

/* ----- RAM taken from the heap by each kind of object ---------------------------------
 * (sizeof the Static*_t types comes from bench/sizes.c without running.) */

static size_t heap_before;

static void heap_mark(void)
{
    heap_before = xPortGetFreeHeapSize();
}

static void heap_report(const char *name)
{
    bench_size(name, (uint32_t)(heap_before - xPortGetFreeHeapSize()));
}

static void report_heap_use(void)
{
    heap_mark();
    TaskHandle_t t = bench_task(idle_forever, "t", BENCH_PRIO_LOW, NULL);
    heap_report("heap.task(256-word-stack)");
    heap_mark();
    QueueHandle_t q = xQueueCreate(4, 16);
    heap_report("heap.queue(4x16)");
    heap_mark();
    SemaphoreHandle_t s = xSemaphoreCreateBinary();
    heap_report("heap.semaphore");
    heap_mark();
    SemaphoreHandle_t m = xSemaphoreCreateMutex();
    heap_report("heap.mutex");
    BENCH_CHECK(q != NULL && s != NULL && m != NULL);
#if BENCH_HAVE_TIMERS
    heap_mark();
    TimerHandle_t tm = xTimerCreate("t", 10, pdFALSE, NULL, timer_callback);
    heap_report("heap.timer");
    BENCH_CHECK(tm != NULL);
    (void)xTimerDelete(tm, 0);
#endif /* BENCH_HAVE_TIMERS */
    vSemaphoreDelete(m);
    vSemaphoreDelete(s);
    vQueueDelete(q);
    vTaskDelete(t);
}

void bench_suite_ops(void)
{
    reps = bench_reps();
    main_task = xTaskGetCurrentTaskHandle();
    memset(item, 0x5A, sizeof item);
    sem = xSemaphoreCreateBinary();
    BENCH_CHECK(sem != NULL);

    measure_calibration();
    measure_yield("switch.yield", 0);
    if (portHAS_FPU) {
        measure_yield("switch.yield.fp", 1);
    }
    measure_sem();
    measure_queue("queue.send.4", "queue.receive.4", 4);
    measure_queue("queue.send.16", "queue.receive.16", 16);
    measure_queue("queue.send.64", "queue.receive.64", 64);
    measure_wakes();
    measure_mutex();
    measure_irq_to_task();
    measure_timers();
    measure_heap("heap.malloc.32", "heap.free.32", 32);
    measure_heap("heap.malloc.128", "heap.free.128", 128);
    measure_task_lifecycle();
    report_heap_use();
}
