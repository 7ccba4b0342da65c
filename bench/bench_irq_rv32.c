/*
 * bench_irq_rv32.c - the interrupts of the benchmark image on RV32: the
 * board's two test interrupts.
 *
 * Every HIGH interrupt starts a sample. Under the plugin it starts at the
 * interrupt's first instruction, its slot in the port's trap vector
 * (bench.py passes port_trap_vector + 4 x cause as an extra begin marker;
 * HIGH is cause 1 on qemu-virt-rv32); with the timer clock, when the
 * handler's body starts.
 *
 * The tick cannot be wrapped for measurement: the port takes it from its
 * own vector table. The scaling suite, which needs that, runs on the
 * primary ARMv7-M board only.
 */
#include "bench.h"
#include "board.h"

static volatile bench_isr_t high_isr;

static void high_entry(void)
{
    bench_t0 = bench_clock();
    high_isr();
}

void bench_irq_init(void)
{
}

void bench_tick_arm(enum bench_tick_mode mode, TickType_t at_tick, bench_id_t id)
{
    (void)at_tick;
    (void)id;
    if (mode != BENCH_TICK_OFF) {
        bench_fail("the tick cannot be wrapped on RV32 boards");
    }
}

void bench_irq_set_low(bench_isr_t isr)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, isr);
}

void bench_irq_set_high(bench_isr_t isr)
{
    high_isr = isr;
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, high_entry);
}

void bench_irq_trigger_low(void)
{
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
}

void bench_irq_trigger_high(void)
{
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
}
