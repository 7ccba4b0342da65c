/*
 * bench_tick_mps2.c - the tick wrapper of the benchmark image on the MPS2
 * boards (ARMv7-M), which can measure the tick.
 *
 * The wrapper is installed by copying the vector table to RAM and pointing
 * its SysTick entry at bench_systick(): the port and the board stay as
 * they are.
 */
#include "bench.h"
#include "mps2.h"

#define VECTOR_COUNT (16U + MPS2_IRQ_COUNT)
#define VECTOR_SYSTICK 15U

/* VTOR needs the table aligned to its size rounded up to a power of two. */
static void (*ram_vectors[VECTOR_COUNT])(void) __attribute__((aligned(256)));

static volatile uint8_t tick_mode;
static volatile TickType_t tick_at;
static volatile bench_id_t tick_id;

static void bench_systick(void)
{
    const uint8_t mode = tick_mode;
    if (mode != BENCH_TICK_OFF && (tick_at == 0U || xTaskGetTickCountFromISR() + 1U == tick_at)) {
        tick_mode = BENCH_TICK_OFF;
        bench_begin();
        xPortSysTickHandler();
        if (mode == BENCH_TICK_WHOLE) {
            bench_end(tick_id);
        }
        return;
    }
    xPortSysTickHandler();
}

void bench_irq_init(void)
{
    void (*const *current)(void) = (void (*const *)(void))SCB_VTOR;
    for (unsigned i = 0; i < VECTOR_COUNT; i++) {
        ram_vectors[i] = current[i];
    }
    ram_vectors[VECTOR_SYSTICK] = bench_systick;
    __asm volatile("dsb" ::: "memory");
    SCB_VTOR = (uint32_t)ram_vectors;
    __asm volatile("dsb\n\tisb" ::: "memory");
}

void bench_tick_arm(enum bench_tick_mode mode, TickType_t at_tick, bench_id_t id)
{
    portENTER_CRITICAL();
    tick_at = at_tick;
    tick_id = id;
    tick_mode = (uint8_t)mode;
    portEXIT_CRITICAL();
}
