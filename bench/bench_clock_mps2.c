/*
 * bench_clock_mps2.c - the benchmark clock on ARMv7-M MPS2 boards.
 *
 * Real hardware: the DWT cycle counter (ARMv7-M ARM C1.8), enabled through
 * DEMCR.TRCENA and DWT_CTRL.CYCCNTENA. QEMU does not implement it (it reads
 * 0), so when it does not move the clock is the dual timer's first counter,
 * free-running at the 25 MHz system clock: with -icount shift=0 one
 * instruction takes 1 ns, so one timer count is 40 instructions and
 * per-sample figures are averages over many samples. (The benchmark image
 * does not use the board's UNMASKED test interrupt, which owns that
 * counter in test images.)
 */
#include "bench.h"
#include "mps2.h"

#define DEMCR (*(volatile uint32_t *)0xE000EDFCUL)
#define DEMCR_TRCENA (1UL << 24)
#define DWT_CTRL (*(volatile uint32_t *)0xE0001000UL)
#define DWT_CYCCNT (*(volatile uint32_t *)0xE0001004UL)
#define DWT_CYCCNTENA 1UL

static int use_cycles;

void bench_clock_init(void)
{
    DEMCR |= DEMCR_TRCENA;
    DWT_CYCCNT = 0;
    DWT_CTRL |= DWT_CYCCNTENA;
    uint32_t a = DWT_CYCCNT;
    for (volatile int i = 0; i < 8; i++) {
    }
    uint32_t b = DWT_CYCCNT;
    use_cycles = (b != a);
    if (!use_cycles) {
        MPS2_DUALTIMER1->ctrl = 0;
        MPS2_DUALTIMER1->intclr = 1U;
        MPS2_DUALTIMER1->load = 0xFFFFFFFFUL;
        MPS2_DUALTIMER1->ctrl = DUAL_32BIT | DUAL_ENABLE; /* free-running, no IRQ */
    }
}

int bench_clock_is_cycles(void)
{
    return use_cycles;
}

uint32_t bench_clock_hz(void)
{
    return use_cycles ? (uint32_t)configCPU_CLOCK_HZ : (uint32_t)MPS2_SYSCLK_HZ;
}

uint32_t bench_clock(void)
{
    if (use_cycles) {
        return DWT_CYCCNT;
    }
    return ~MPS2_DUALTIMER1->value; /* the counter counts down */
}
