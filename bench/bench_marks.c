/*
 * bench_marks.c - the marker functions the insncount plugin watches.
 *
 * They must stay real calls with a fixed shape: noipa keeps the compiler
 * from inlining them, cloning them or dropping calls it could prove have no
 * effect. bench_mark_end's one load from bench_mark_ids[id] is what the
 * plugin sees: the address it reads is the figure's id.
 */
#include "bench.h"

volatile uint8_t bench_mark_ids[BENCH_MAX_IDS];

__attribute__((noipa)) void bench_mark_begin(void)
{
    __asm volatile("" ::: "memory");
}

__attribute__((noipa)) void bench_mark_end(unsigned id)
{
    (void)bench_mark_ids[id & (BENCH_MAX_IDS - 1U)];
}
