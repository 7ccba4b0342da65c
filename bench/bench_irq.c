/*
 * bench_irq.c - the interrupts of the benchmark image on ARMv7-M: a tick
 * wrapper that can measure the tick, and the two test interrupts.
 *
 * The wrapper is installed by copying the vector table to RAM and pointing
 * its SysTick entry at bench_systick(): the port and the board stay as
 * they are. The test interrupts' vector entries (the board's weak
 * TIMER0/TIMER1 handlers) are replaced by the ones below: the benchmarks
 * trigger them by pending the NVIC line, the timers never run.
 *
 * Under the plugin, the host passes TIMER1_IRQHandler's address as an
 * extra begin marker, so the interrupt-to-task figure starts at the
 * handler's first instruction; the handler's own clock read serves the
 * timer clock.
 */
#include "bench.h"
#include "board.h"
#include "mps2.h"

#define VECTOR_COUNT (16U + MPS2_IRQ_COUNT)
#define VECTOR_SYSTICK 15U

/* VTOR needs the table aligned to its size rounded up to a power of two. */
static void (*ram_vectors[VECTOR_COUNT])(void) __attribute__((aligned(256)));

static volatile uint8_t tick_mode;
static volatile TickType_t tick_at;
static volatile bench_id_t tick_id;
static volatile bench_isr_t low_isr;
static volatile bench_isr_t high_isr;

void TIMER0_IRQHandler(void);
void TIMER1_IRQHandler(void);

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

void TIMER0_IRQHandler(void)
{
    low_isr();
}

void TIMER1_IRQHandler(void)
{
    bench_t0 = bench_clock();
    high_isr();
}

void bench_irq_set_low(bench_isr_t isr)
{
    low_isr = isr;
}

void bench_irq_set_high(bench_isr_t isr)
{
    high_isr = isr;
}

void bench_irq_trigger_low(void)
{
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
}

void bench_irq_trigger_high(void)
{
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
}
