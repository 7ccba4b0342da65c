/*
 * bench_clock_microbit.c - the benchmark clock and tick on the micro:bit
 * (nRF51, Cortex-M0).
 *
 * ARMv6-M has no DWT cycle counter, so there is no cycle clock on the
 * hardware either: the clock is the board's time base, TIMER0 counting
 * microseconds freely (boards/qemu-microbit/tick.c). With -icount shift=0
 * one count is 1000 instructions: without the plugin, per-sample figures
 * are averages over many samples at that resolution.
 *
 * There is no tick wrapper: the tick is the board's TIMER0 handler, and a
 * Cortex-M0 has no VTOR to move the vector table to RAM. The scaling suite
 * that needs it runs on the primary board only (docs/bench.md).
 */
#include "bench.h"
#include "nrf51.h"

void bench_clock_init(void)
{
    microbit_timebase_start();
}

int bench_clock_is_cycles(void)
{
    return 0;
}

uint32_t bench_clock_hz(void)
{
    return 1000000UL;
}

uint32_t bench_clock(void)
{
    return microbit_time_us();
}

void bench_irq_init(void)
{
}

void bench_tick_arm(enum bench_tick_mode mode, TickType_t at_tick, bench_id_t id)
{
    (void)mode;
    (void)at_tick;
    (void)id;
    bench_fail("no tick wrapper on ARMv6-M (no VTOR): the scaling suite needs the primary board");
}
