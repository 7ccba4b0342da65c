/*
 * test_nesting.c - RV32: the trap entry saves and restores every
 * caller-saved register, at every nesting level. A task runs the register
 * probe while the LOW interrupt fires every tick and, every other time,
 * makes HIGH nest over it; both handlers overwrite t0-t6 and a0-a7 (C
 * handlers would leave some untouched), LOW again after HIGH returned.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

uint32_t port_check_core_registers(const uint32_t *patterns, uint32_t rounds);
void port_clobber_caller_saved(uint32_t seed);

#define ROUNDS 1000U   /* per call of the probe; it repeats until stopped */
#define MIN_NESTED 40U /* HIGH over LOW while the probe runs */

static uint32_t patterns[27];
static volatile uint32_t result;
static volatile int stop;
static volatile unsigned low_count;
static volatile unsigned nested_count;

static void probe(void *arg)
{
    (void)arg;
    while (!stop && result == 0U) {
        result = port_check_core_registers(patterns, ROUNDS);
    }
}

static void high_isr(void)
{
    port_clobber_caller_saved(0xA5A50000U + nested_count);
    nested_count++;
}

static void low_isr(void)
{
    low_count++;
    port_clobber_caller_saved(0xC3C30000U + low_count);
    if ((low_count & 1U) != 0U) {
        board_test_irq_trigger(BOARD_TEST_IRQ_HIGH); /* taken here, nested */
        port_clobber_caller_saved(0x3C3C0000U + low_count);
    }
    if (!stop) {
        board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 1);
    }
}

PTEST(Port, caller_saved_registers_survive_nested_interrupts)
{
    for (uint32_t i = 0; i < 27U; i++) {
        patterns[i] = (i * 0x01010101UL) ^ 0x96C35AA5UL;
    }
    result = 0;
    stop = 0;
    low_count = 0;
    nested_count = 0;
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, low_isr);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, high_isr);
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 1);
    TaskHandle_t h = ptest_task_create(probe, "probe", PTEST_RUNNER_PRIORITY - 1U, NULL);
    while (nested_count < MIN_NESTED && result == 0U) {
        vTaskDelay(10);
    }
    stop = 1;
    while (!ptest_task_done(h)) {
        vTaskDelay(1);
    }
    TEST_ASSERT_EQUAL(0, result);
    TEST_ASSERT(nested_count >= MIN_NESTED);
}
