/*
 * test_hooks.c - the application hooks (tick, idle, malloc failed) and
 * stack overflow detection (configCHECK_FOR_STACK_OVERFLOW 1 and 2).
 */
#include <string.h>

#include "services.h"
#include "queue.h"

static volatile unsigned ticks_seen;
static volatile unsigned idles_seen;

static void on_tick(void)
{
    ticks_seen = ticks_seen + 1U;
}

static void on_idle(void)
{
    idles_seen = idles_seen + 1U;
}

/* Installs the tick hook and reads the tick count with no tick between. */
static TickType_t tick_hook_on(void)
{
    taskENTER_CRITICAL();
    ticks_seen = 0;
    ptest_set_tick_hook(on_tick);
    const TickType_t now = xTaskGetTickCount();
    taskEXIT_CRITICAL();
    return now;
}

static TickType_t tick_hook_off(unsigned *seen)
{
    taskENTER_CRITICAL();
    ptest_set_tick_hook(NULL);
    const TickType_t now = xTaskGetTickCount();
    *seen = ticks_seen;
    taskEXIT_CRITICAL();
    return now;
}

PTEST(Kernel, hook_tick_runs_once_per_tick)
{
    unsigned seen;
    const TickType_t start = tick_hook_on();
    board_burn_cpu(10000);
    const TickType_t end = tick_hook_off(&seen);
    TEST_ASSERT_TRUE(TICK(end - start) >= 9U);
    TEST_ASSERT_EQUAL(TICK(end - start), seen);
}

PTEST(Kernel, hook_tick_runs_while_scheduler_suspended)
{
    unsigned seen;
    const TickType_t start = tick_hook_on();
    vTaskSuspendAll();
    board_burn_cpu(5000);
    const unsigned during = ticks_seen;
    const TickType_t held = xTaskGetTickCount();
    (void)xTaskResumeAll();
    const TickType_t end = tick_hook_off(&seen);
    TEST_ASSERT_EQUAL(start, held); /* the count catches up on resume */
    TEST_ASSERT_TRUE(during >= 4U);
    TEST_ASSERT_EQUAL(TICK(end - start), seen);
    TEST_ASSERT_EQUAL(during, seen);
}

PTEST(Kernel, hook_idle_runs_when_nothing_else_can)
{
    idles_seen = 0;
    ptest_set_idle_hook(on_idle);
    vTaskDelay(5);
    TEST_ASSERT_TRUE(idles_seen >= 1U);
}

PTEST(Kernel, hook_idle_does_not_run_while_a_task_is_busy)
{
    idles_seen = 0;
    ptest_set_idle_hook(on_idle);
    board_burn_cpu(5000);
    TEST_ASSERT_EQUAL(0, idles_seen);
}

#if (configSUPPORT_DYNAMIC_ALLOCATION == 1) && (PORTOLAN_HEAP_SCHEME != 3)
static volatile unsigned mallocs_failed;

static void on_malloc_failed(void)
{
    mallocs_failed = mallocs_failed + 1U;
}

PTEST(Kernel, hook_malloc_failed_when_an_object_cannot_be_created)
{
    mallocs_failed = 0;
    ptest_set_malloc_failed_hook(on_malloc_failed);
    TEST_ASSERT_NULL(xQueueCreate(configTOTAL_HEAP_SIZE / 4U, 8));
    TEST_ASSERT_EQUAL(1, mallocs_failed);
    QueueHandle_t q = xQueueCreate(4, 8);
    TEST_ASSERT_NOT_NULL(q);
    TEST_ASSERT_EQUAL(1, mallocs_failed);
    vQueueDelete(q);
}
#endif /* dynamic allocation, not heap_3 */

/* ----- Stack overflow ------------------------------------------------------------------ */
#if (configCHECK_FOR_STACK_OVERFLOW > 0)

#define OVF_WORDS ((size_t)configMINIMAL_STACK_SIZE)

static volatile unsigned overflows;
static TaskHandle_t overflow_task;
static char overflow_name[configMAX_TASK_NAME_LEN];

static void on_overflow(TaskHandle_t t, char *name)
{
    if (overflows == 0U) {
        overflow_task = t;
        strncpy(overflow_name, name, sizeof overflow_name - 1U);
    }
    overflows = overflows + 1U;
}

static void overflow_reset(void)
{
    overflows = 0;
    overflow_task = NULL;
    memset(overflow_name, 0, sizeof overflow_name);
    ptest_set_stack_overflow_hook(on_overflow);
}

/* The task's declared stack is `stack`; `below` is memory of ours under it,
 * so that running past the declared bottom stays inside this object. */
static struct {
    StackType_t below[OVF_WORDS];
    StackType_t stack[OVF_WORDS];
} deep_mem;
static StaticTask_t deep_tcb;

/* Never returns: popping the frame would leave the stack bottom marked as
 * released memory in the eyes of memory checkers such as valgrind. */
static void __attribute__((noinline, noreturn)) use_whole_stack(void)
{
    volatile uint8_t big[OVF_WORDS * sizeof(StackType_t)];
    for (size_t i = 0; i < sizeof big; i += 32U) {
        big[i] = (uint8_t)i;
    }
    taskYIELD(); /* switched out with the stack pointer below the declared stack */
    big[0] = 1;
    svc_park();
}

static void deep_task(void *arg)
{
    (void)arg;
    use_whole_stack();
}

PTEST(Kernel, hook_stack_overflow_detects_stack_pointer_past_the_end)
{
    overflow_reset();
    TaskHandle_t h =
        xTaskCreateStatic(deep_task, "deep", OVF_WORDS, NULL, SVC_HIGH, deep_mem.stack, &deep_tcb);
    TEST_ASSERT_NOT_NULL(h);
    const unsigned seen = overflows;
    vTaskDelete(h);
    TEST_ASSERT_TRUE(seen >= 1U);
    TEST_ASSERT_EQUAL_PTR(h, overflow_task);
    TEST_ASSERT_EQUAL_STRING("deep", overflow_name);
}

static void healthy_task(void *arg)
{
    (void)arg;
    for (int i = 0; i < 3; i++) {
        taskYIELD();
        vTaskDelay(1);
    }
    svc_park();
}

PTEST(Kernel, hook_stack_overflow_quiet_for_a_healthy_task)
{
    static svc_task_mem_t mem;
    overflow_reset();
    TaskHandle_t h = svc_static_task(&mem, healthy_task, NULL, SVC_HIGH);
    vTaskDelay(5);
    vTaskDelete(h);
    TEST_ASSERT_EQUAL(0, overflows);
}

#if (configCHECK_FOR_STACK_OVERFLOW > 1)
static svc_task_mem_t spoil_mem;

static void spoil_task(void *arg)
{
    (void)arg;
    volatile StackType_t *bottom = spoil_mem.stack; /* the task's own, unused, lowest word */
    const StackType_t fill = bottom[0];
    bottom[0] = 0;
    taskYIELD();
    bottom[0] = fill;
    svc_park();
}

PTEST(Kernel, hook_stack_overflow_detects_spoilt_stack_bottom)
{
    overflow_reset();
    TaskHandle_t h = svc_static_task(&spoil_mem, spoil_task, NULL, SVC_HIGH);
    const unsigned seen = overflows;
    vTaskDelete(h);
    TEST_ASSERT_EQUAL(1, seen);
    TEST_ASSERT_EQUAL_PTR(h, overflow_task);
}
#endif /* configCHECK_FOR_STACK_OVERFLOW > 1 */

#endif /* configCHECK_FOR_STACK_OVERFLOW */
