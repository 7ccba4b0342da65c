/*
 * test_registers.c - ARMv7-M: every register of a task survives heavy
 * switching. Tasks of equal priority run the probes of regcheck.S with
 * their own patterns while the tick slices between them and the three test
 * interrupts (which use the FPU themselves on Cortex-M4F, so lazy stacking
 * happens inside them) keep firing.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

uint32_t port_check_core_registers(const uint32_t *patterns, uint32_t rounds);
uint32_t port_check_fp_registers(const uint32_t *patterns, uint32_t rounds);

#define PROBES 3U
#define ROUNDS 1000U  /* per call of a probe; probes repeat until stopped */
#define MIN_IRQS 200U /* interrupts that must hit the probes */
#define MIN_TICKS 30U /* and time slices */

/* r1-r12 and lr; with an FPU also s0-s31 and the FPSCR flags. */
#define PATTERNS (portHAS_FPU ? 33U : 13U)

struct probe {
    uint32_t patterns[PATTERNS];
    volatile uint32_t result;
    volatile TickType_t started;
    volatile TickType_t ended;
};

static struct probe probes[PROBES];
static volatile unsigned irq_count;
static volatile int stop;
static volatile int irqs_running;
static volatile float irq_float = 1.0f;

static void fill_patterns(struct probe *p, uint32_t seed)
{
    for (uint32_t i = 0; i < PATTERNS; i++) {
        p->patterns[i] = (seed << 24) ^ (i * 0x01010101UL) ^ 0x5A00A5C3UL;
    }
    if (portHAS_FPU) {
        p->patterns[PATTERNS - 1U] = (seed & 1U) ? 0xA0000000UL : 0x50000000UL; /* FPSCR NZCV */
    }
}

static void core_probe(void *arg)
{
    struct probe *p = arg;
    p->started = xTaskGetTickCount();
    while (!stop && p->result == 0U) {
        p->result = port_check_core_registers(p->patterns, ROUNDS);
    }
    p->ended = xTaskGetTickCount();
}

static void fp_probe(void *arg)
{
    struct probe *p = arg;
    p->started = xTaskGetTickCount();
#if portHAS_FPU
    while (!stop && p->result == 0U) {
        p->result = port_check_fp_registers(p->patterns, ROUNDS);
    }
#endif /* portHAS_FPU */
    p->ended = xTaskGetTickCount();
}

/* Each interrupt does some FP work and re-arms itself a little later. */
static void busy_irq(enum board_test_irq irq, uint32_t every)
{
    irq_count++;
    if (portHAS_FPU) {
        irq_float = irq_float * 1.5f + 0.25f;
        if (irq_float > 1000.0f) {
            irq_float = 1.0f;
        }
    }
    if (irqs_running) {
        board_test_irq_trigger_after(irq, every);
    }
}

static void low_irq(void)
{
    busy_irq(BOARD_TEST_IRQ_LOW, 1);
}

static void high_irq(void)
{
    busy_irq(BOARD_TEST_IRQ_HIGH, 3);
}

static void unmasked_irq(void)
{
    irq_count++;
    if (portHAS_FPU) {
        irq_float = irq_float + 0.5f;
    }
    /* Kernel calls are not allowed here: re-armed by the LOW handler. */
}

static void also_unmasked(void)
{
    low_irq();
    board_test_irq_trigger(BOARD_TEST_IRQ_UNMASKED);
}

static void run_probes(void (*fn)(void *), const char *name)
{
    irq_count = 0;
    irqs_running = 1;
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, also_unmasked);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, high_irq);
    board_test_irq_set_handler(BOARD_TEST_IRQ_UNMASKED, unmasked_irq);
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 1);
    board_test_irq_trigger_after(BOARD_TEST_IRQ_HIGH, 2);

    TaskHandle_t h[PROBES];
    stop = 0;
    for (uint32_t i = 0; i < PROBES; i++) {
        fill_patterns(&probes[i], i + 1U);
        probes[i].result = 0;
        h[i] = ptest_task_create(fn, name, PTEST_RUNNER_PRIORITY - 1U, &probes[i]);
    }
    /* Let them run (the runner sleeps) until enough happened to them,
     * whatever the CPU speed. */
    const TickType_t start = xTaskGetTickCount();
    while (irq_count < MIN_IRQS || xTaskGetTickCount() - start < MIN_TICKS) {
        vTaskDelay(MIN_TICKS);
    }
    stop = 1;
    for (int t = 0; t < 100; t++) {
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
}

PTEST(Port, core_registers_survive_preemption)
{
    run_probes(core_probe, "core");
}

PTEST(Port, fp_registers_survive_preemption)
{
    if (!portHAS_FPU) {
        TEST_IGNORE("no FPU in this build");
    }
    run_probes(fp_probe, "fp");
}
