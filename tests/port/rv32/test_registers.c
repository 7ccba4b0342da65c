/*
 * test_registers.c - RV32: every register of a task survives heavy
 * switching. Tasks of equal priority run the probe of regcheck.S with their
 * own patterns while the tick slices between them and the test interrupts,
 * nesting over each other, overwrite every caller-saved register the trap
 * entry must preserve.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

uint32_t port_check_registers(const uint32_t *patterns, uint32_t rounds);
void port_clobber_caller_saved(uint32_t seed);

#define PROBES 3U
#define REGS 27U
#define ROUNDS 20000U

struct probe {
    uint32_t patterns[REGS];
    volatile uint32_t result;
    volatile TickType_t started;
    volatile TickType_t ended;
};

static struct probe probes[PROBES];
static volatile unsigned irq_count;
static volatile unsigned nested_count;
static volatile int irqs_running;

static void probe_task(void *arg)
{
    struct probe *p = arg;
    p->started = xTaskGetTickCount();
    p->result = port_check_registers(p->patterns, ROUNDS);
    p->ended = xTaskGetTickCount();
}

static void high_irq(void)
{
    irq_count++;
    port_clobber_caller_saved(0xA5A50000U + irq_count);
    if (irqs_running) {
        board_test_irq_trigger_after(BOARD_TEST_IRQ_HIGH, 3);
    }
}

static void low_irq(void)
{
    irq_count++;
    port_clobber_caller_saved(0xC3C30000U + irq_count);
    /* HIGH nests over LOW every other time. */
    if ((irq_count & 1U) != 0U) {
        unsigned before = irq_count;
        board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
        nested_count += (irq_count != before) ? 1U : 0U;
    }
    if (irqs_running) {
        board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 1);
    }
}

PTEST(Port, registers_survive_preemption_and_nested_interrupts)
{
    irq_count = 0;
    nested_count = 0;
    irqs_running = 1;
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, low_irq);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, high_irq);
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 1);
    board_test_irq_trigger_after(BOARD_TEST_IRQ_HIGH, 2);

    TaskHandle_t h[PROBES];
    for (uint32_t i = 0; i < PROBES; i++) {
        for (uint32_t r = 0; r < REGS; r++) {
            probes[i].patterns[r] = ((i + 1U) << 24) ^ (r * 0x01010101UL) ^ 0x5A00A5C3UL;
        }
        probes[i].result = 0xFFFFFFFFUL;
        h[i] = ptest_task_create(probe_task, "probe", PTEST_RUNNER_PRIORITY - 1U, &probes[i]);
    }
    for (int t = 0; t < 5000; t++) {
        int done = 1;
        for (uint32_t i = 0; i < PROBES; i++) {
            done &= ptest_task_done(h[i]);
        }
        if (done) {
            break;
        }
        vTaskDelay(5);
    }
    irqs_running = 0;

    for (uint32_t i = 0; i < PROBES; i++) {
        TEST_ASSERT_EQUAL(0, probes[i].result);
    }
    /* The probes really were preempted by each other: their runs overlap. */
    for (uint32_t i = 0; i < PROBES; i++) {
        for (uint32_t j = 0; j < PROBES; j++) {
            TEST_ASSERT(probes[i].started < probes[j].ended);
        }
    }
    TEST_ASSERT(irq_count > 50U);
    TEST_ASSERT(nested_count > 20U);
}
