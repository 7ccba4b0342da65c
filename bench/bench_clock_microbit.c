/*
 * bench_clock_microbit.c - the benchmark clock on the micro:bit (nRF51,
 * Cortex-M0).
 *
 * ARMv6-M has no DWT cycle counter, so there is no cycle clock on the
 * hardware either: the clock is the board's time base, TIMER0 counting
 * microseconds freely (boards/qemu-microbit/tick.c). With -icount shift=0
 * one count is 1000 instructions: without the plugin, per-sample figures
 * are averages over many samples at that resolution.
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
