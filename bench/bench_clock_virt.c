/*
 * bench_clock_virt.c - the benchmark clock on qemu-virt-rv32.
 *
 * The virt machine exists only in QEMU, whose RISC-V cycle counter reads
 * the virtual clock under -icount: nanoseconds, one per instruction at
 * -icount shift=0. The image reports mcycle as a 1 GHz timer, so without
 * the plugin the per-sample figures are still exact instruction counts.
 * (On an RV32 chip mcycle counts cycles: a hardware board's clock file
 * reports clock=cycles instead.)
 */
#include "bench.h"

void bench_clock_init(void)
{
}

int bench_clock_is_cycles(void)
{
    return 0;
}

uint32_t bench_clock_hz(void)
{
    return 1000000000UL;
}

uint32_t bench_clock(void)
{
    uint32_t c;
    __asm volatile("csrr %0, mcycle" : "=r"(c));
    return c;
}
