/*
 * test_port.c - what every port must do, checked through the kernel API and
 * the board's test interrupts: deferred yields in critical sections,
 * interrupts above the syscall priority never masked (and refused by the
 * kernel), nesting, yield from ISR, timed interrupts, tickless idle, stack
 * overflow detection. Group Port; runs on every board.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "semphr.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

static char trail[32];
static volatile unsigned trail_len;
static SemaphoreHandle_t sem;

/* Appends to the trail; from tasks and ISRs (masked, so unmasked ISRs
 * could tear it: they only log through their own counters). */
static void mark(char c)
{
    UBaseType_t m = portSET_INTERRUPT_MASK_FROM_ISR();
    if (trail_len < sizeof trail - 1U) {
        trail[trail_len++] = c;
        trail[trail_len] = '\0';
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(m);
}

static void port_setup(void)
{
    trail_len = 0;
    trail[0] = '\0';
    sem = xSemaphoreCreateBinary();
    TEST_ASSERT_NOT_NULL(sem);
}

static void port_teardown(void)
{
    if (sem != NULL) {
        vSemaphoreDelete(sem);
        sem = NULL;
    }
}

PTEST_FIXTURE(Port, port_setup, port_teardown);

/* ----- Critical sections -------------------------------------------------- */

static void waiter(void *arg)
{
    (void)arg;
    if (xSemaphoreTake(sem, portMAX_DELAY) == pdTRUE) {
        mark('H');
    }
}

PTEST(Port, yield_inside_critical_section_waits_for_outermost_exit)
{
    ptest_task_create(waiter, "waiter", PTEST_RUNNER_PRIORITY + 1U, NULL);
    taskENTER_CRITICAL();
    taskENTER_CRITICAL();
    (void)xSemaphoreGive(sem); /* readies a higher-priority task */
    mark('a');
    taskEXIT_CRITICAL();
    mark('b');
    taskEXIT_CRITICAL(); /* the switch happens here */
    mark('c');
    TEST_ASSERT_EQUAL_STRING("abHc", trail);
}

static volatile unsigned unmasked_runs;
static volatile unsigned low_runs;

static void count_unmasked(void)
{
    unmasked_runs++;
}

static void count_low(void)
{
    low_runs++;
}

/* Ports whose critical sections mask every interrupt (ARMv6-M) have none
 * above the syscall priority: what they do instead is checked by their own
 * tests (tests/port/<arch>/). */
#define NEED_UNMASKED_INTERRUPTS()                                               \
    do {                                                                         \
        if (!portHAS_UNMASKED_INTERRUPTS) {                                      \
            TEST_IGNORE("no interrupt above the syscall priority on this port"); \
        }                                                                        \
    } while (0)

PTEST(Port, interrupt_above_syscall_priority_runs_inside_critical_section)
{
    NEED_UNMASKED_INTERRUPTS();
    unmasked_runs = 0;
    low_runs = 0;
    board_test_irq_set_handler(BOARD_TEST_IRQ_UNMASKED, count_unmasked);
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, count_low);
    taskENTER_CRITICAL();
    board_test_irq_trigger(BOARD_TEST_IRQ_UNMASKED);
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    const unsigned unmasked_inside = unmasked_runs;
    const unsigned low_inside = low_runs;
    taskEXIT_CRITICAL();
    TEST_ASSERT_EQUAL(1, unmasked_inside);
    TEST_ASSERT_EQUAL(0, low_inside);
    TEST_ASSERT_EQUAL(1, low_runs);

    /* Nor is it masked by an ISR-level mask or a suspended scheduler. */
    UBaseType_t m = portSET_INTERRUPT_MASK_FROM_ISR();
    board_test_irq_trigger(BOARD_TEST_IRQ_UNMASKED);
    const unsigned unmasked_in_mask = unmasked_runs;
    portCLEAR_INTERRUPT_MASK_FROM_ISR(m);
    TEST_ASSERT_EQUAL(2, unmasked_in_mask);
    vTaskSuspendAll();
    board_test_irq_trigger(BOARD_TEST_IRQ_UNMASKED);
    (void)xTaskResumeAll();
    TEST_ASSERT_EQUAL(3, unmasked_runs);
}

static volatile unsigned asserts_seen;
static volatile BaseType_t give_result;

static void give_from_unmasked(void)
{
    BaseType_t woken = pdFALSE;
    TEST_EXPECT_ASSERT(xSemaphoreGiveFromISR(sem, &woken));
    asserts_seen++;
}

static void give_from_high(void)
{
    BaseType_t woken = pdFALSE;
    give_result = xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

PTEST(Port, kernel_call_from_interrupt_above_syscall_priority_asserts)
{
    NEED_UNMASKED_INTERRUPTS();
    asserts_seen = 0;
    board_test_irq_set_handler(BOARD_TEST_IRQ_UNMASKED, give_from_unmasked);
    board_test_irq_trigger(BOARD_TEST_IRQ_UNMASKED);
    TEST_ASSERT_EQUAL(1, asserts_seen);
    TEST_ASSERT_EQUAL(0, uxSemaphoreGetCount(sem));

    /* At the syscall priority itself the call is allowed. */
    give_result = pdFALSE;
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, give_from_high);
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    TEST_ASSERT_EQUAL(pdTRUE, give_result);
    TEST_ASSERT_EQUAL(1, uxSemaphoreGetCount(sem));
}

/* ----- Interrupt nesting and preemption -------------------------------------- */

static void low_triggers_high(void)
{
    mark('L');
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    mark('l');
}

static void high_marks(void)
{
    mark('H');
}

static void high_triggers_low(void)
{
    mark('H');
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    mark('h');
}

static void low_marks(void)
{
    mark('L');
}

PTEST(Port, high_interrupt_nests_over_low_and_not_the_reverse)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, low_triggers_high);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, high_marks);
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    TEST_ASSERT_EQUAL_STRING("LHl", trail);

    trail_len = 0;
    trail[0] = '\0';
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, low_marks);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, high_triggers_low);
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    TEST_ASSERT_EQUAL_STRING("HhL", trail);
}

static void give_and_yield(void)
{
    BaseType_t woken = pdFALSE;
    (void)xSemaphoreGiveFromISR(sem, &woken);
    mark('i');
    portYIELD_FROM_ISR(woken);
}

PTEST(Port, yield_from_isr_switches_when_the_interrupt_returns)
{
    ptest_task_create(waiter, "waiter", PTEST_RUNNER_PRIORITY + 1U, NULL);
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, give_and_yield);
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    mark('r');
    TEST_ASSERT_EQUAL_STRING("iHr", trail);
}

static volatile TickType_t isr_tick;

static void note_tick_and_give(void)
{
    BaseType_t woken = pdFALSE;
    isr_tick = xTaskGetTickCountFromISR();
    (void)xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

PTEST(Port, timed_interrupt_comes_after_the_requested_ticks)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, note_tick_and_give);
    const TickType_t start = xTaskGetTickCount();
    board_test_irq_trigger_after(BOARD_TEST_IRQ_HIGH, 7);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(sem, 100));
    TEST_ASSERT_EQUAL(start + 7U, isr_tick);
    TEST_ASSERT_EQUAL(start + 7U, xTaskGetTickCount());
}

/* ----- Tickless idle -------------------------------------------------------------- */

static volatile unsigned long sleeps;
static volatile unsigned long slept_ticks;

void port_tests_before_sleep(unsigned long expected_ticks);
void port_tests_before_sleep(unsigned long expected_ticks)
{
    sleeps++;
    slept_ticks += expected_ticks;
}

PTEST(Port, tickless_idle_keeps_the_tick_count)
{
    if (!configUSE_TICKLESS_IDLE) {
        TEST_IGNORE("configUSE_TICKLESS_IDLE is 0 in this image");
    }
    sleeps = 0;
    slept_ticks = 0;
    TickType_t start = xTaskGetTickCount();
    vTaskDelay(300);
    TEST_ASSERT_EQUAL(start + 300U, xTaskGetTickCount());
    TEST_ASSERT(sleeps >= 1U);
    TEST_ASSERT(slept_ticks >= 290U); /* the tick was really suppressed */

    /* An interrupt ends a sleep early: the count is right at that moment. */
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, note_tick_and_give);
    start = xTaskGetTickCount();
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 120);
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(sem, 500));
    TEST_ASSERT_EQUAL(start + 120U, isr_tick);
    TEST_ASSERT_EQUAL(start + 120U, xTaskGetTickCount());
    vTaskDelay(80);
    TEST_ASSERT_EQUAL(start + 200U, xTaskGetTickCount());
}

/* ----- Stack overflow ------------------------------------------------------------- */

/* The overflowing task's stack, with room below it for the overflow to land
 * in: nothing else is harmed. The guard must hold one frame of dig() and
 * what the switch away from it pushes; boards short of RAM may shrink it
 * (a simulator's signal frames need the default). */
#define OVF_DEPTH configMINIMAL_STACK_SIZE
#ifndef PORT_TESTS_OVERFLOW_GUARD_WORDS
#define PORT_TESTS_OVERFLOW_GUARD_WORDS 2048
#endif /* PORT_TESTS_OVERFLOW_GUARD_WORDS */
static struct {
    StackType_t guard[PORT_TESTS_OVERFLOW_GUARD_WORDS];
    StackType_t stack[OVF_DEPTH];
} ovf_mem __attribute__((aligned(16)));
static StaticTask_t ovf_tcb;
static volatile TaskHandle_t ovf_reported;
static char ovf_name[configMAX_TASK_NAME_LEN];

static void ovf_hook(TaskHandle_t xTask, char *pcTaskName)
{
    if (ovf_reported == NULL) {
        ovf_reported = xTask;
        strncpy(ovf_name, pcTaskName, sizeof ovf_name - 1U);
    }
}

/* Recurses until its frame is below the task's stack, then lets the kernel
 * switch away while that deep: the saved stack pointer is out of bounds
 * (method 1) and the bottom of the stack was written (method 2). */
static __attribute__((noinline)) unsigned dig(unsigned depth)
{
    volatile uint8_t frame[64];
    memset((void *)frame, (int)depth, sizeof frame);
    if ((uintptr_t)frame >= (uintptr_t)ovf_mem.stack) {
        return dig(depth + 1U) + frame[depth % sizeof frame];
    }
    vTaskSuspend(NULL);
    return depth;
}

static void overflower(void *arg)
{
    (void)arg;
    (void)dig(0);
    for (;;) {
    }
}

PTEST(Port, stack_overflow_calls_the_hook)
{
    ovf_reported = NULL;
    ptest_set_stack_overflow_hook(ovf_hook);
    TaskHandle_t h = xTaskCreateStatic(overflower, "overflower", OVF_DEPTH, NULL,
                                       PTEST_RUNNER_PRIORITY + 1U, ovf_mem.stack, &ovf_tcb);
    TEST_ASSERT_NOT_NULL(h);
    vTaskDelay(2);
    TaskHandle_t reported = ovf_reported;
    vTaskDelete(h);
    ptest_set_stack_overflow_hook(NULL);
    TEST_ASSERT_EQUAL_PTR(h, reported);
    TEST_ASSERT_EQUAL_STRING("overflower", ovf_name);
}
