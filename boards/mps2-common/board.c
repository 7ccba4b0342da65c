/*
 * board.c - MPS2 AN385/AN386 board support: UART0 console, semihosting
 * exit code and command line, test interrupts from the CMSDK timers.
 *
 * Test interrupts: LOW is APB timer 0, HIGH APB timer 1 and UNMASKED the
 * dual timer's first counter; board_test_irq_trigger() pends the NVIC line
 * directly, board_test_irq_trigger_after() arms the timer one-shot. The dual
 * timer's second counter is the pacer (see below) and the time base of
 * board_burn_cpu(), so a burn lasts the same virtual time whatever the
 * QEMU -icount shift.
 */

#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "mps2.h"
#include "semihost.h"

#define COUNTS_PER_TICK ((uint32_t)(MPS2_SYSCLK_HZ / configTICK_RATE_HZ))
#define COUNTS_PER_US (MPS2_SYSCLK_HZ / 1000000UL)

/* Kernel-aware LOW sits one level above the kernel's own interrupts; HIGH is
 * the most urgent kernel-aware level; UNMASKED one level above that. */
#define PRIO_KERNEL ((uint32_t)configKERNEL_INTERRUPT_PRIORITY & (0x100U - MPS2_PRIO_STEP))
#define PRIO_LOW (PRIO_KERNEL - MPS2_PRIO_STEP)
#define PRIO_HIGH ((uint32_t)configMAX_SYSCALL_INTERRUPT_PRIORITY)
#define PRIO_UNMASKED ((uint32_t)configMAX_SYSCALL_INTERRUPT_PRIORITY - MPS2_PRIO_STEP)

static const uint8_t test_line[BOARD_TEST_IRQ_COUNT] = {MPS2_IRQ_TIMER0, MPS2_IRQ_TIMER1,
                                                        MPS2_IRQ_DUALTIMER};
static board_irq_handler_t volatile test_handler[BOARD_TEST_IRQ_COUNT];

/* ----- Console ------------------------------------------------------------ */

void mps2_uart_init(void)
{
    if ((MPS2_UART0->ctrl & UART_CTRL_TX_RX) != UART_CTRL_TX_RX) {
        MPS2_UART0->bauddiv = 16U;
        MPS2_UART0->ctrl = UART_CTRL_TX_RX;
    }
}

void mps2_uart_write(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        while ((MPS2_UART0->state & UART_STATE_TXFULL) != 0U) {
        }
        MPS2_UART0->data = (uint8_t)buf[i];
    }
}

void board_console_write(const char *buf, size_t len)
{
    /* Masking keeps the bytes of one call together. */
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    mps2_uart_write(buf, len);
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}

int board_console_read(void)
{
    if ((MPS2_UART0->state & UART_STATE_RXFULL) == 0U) {
        return -1;
    }
    return (int)(MPS2_UART0->data & 0xFFU);
}

/* ----- Host interface (semihosting) ---------------------------------------- */

void board_exit(int code)
{
    semihost_exit(code);
}

const char *board_name(void)
{
    /* CPUID part number 0xC24 is a Cortex-M4: the AN386 image. */
    return (((SCB_CPUID >> 4) & 0xFFFU) == 0xC24U) ? "qemu-mps2-an386" : "qemu-mps2-an385";
}

const char *board_args(void)
{
    return semihost_args();
}

/* ----- Pacer, time base and CPU burning -------------------------------------
 * QEMU 7.2 with -icount sleep=off: when a timer expires while the CPU waits
 * in WFI, the timer re-arms itself before it raises its interrupt; if it is
 * then the earliest timer, QEMU jumps virtual time on to its new deadline
 * before the CPU sees the interrupt. With SysTick alone, every idle tick
 * would come one period late and merge with the next one (half the ticks
 * lost while idle, hardware timers twice as fast as the kernel's time). The
 * pacer, the dual timer's second counter reloading every tick without an
 * interrupt, always has a deadline within one tick, so no re-armed timer is
 * ever the earliest and no jump happens. It also gives board_burn_cpu() its
 * time base. On real hardware it is just an idle counter. */
#define PACER_COUNTS COUNTS_PER_TICK

static void pacer_start(void)
{
    if ((MPS2_DUALTIMER2->ctrl & DUAL_ENABLE) == 0U) {
        MPS2_DUALTIMER2->load = PACER_COUNTS - 1U;
        MPS2_DUALTIMER2->ctrl = DUAL_32BIT | DUAL_PERIODIC | DUAL_ENABLE; /* no IRQ */
    }
}

/* Counts the pacer's decrements, wrap-arounds included; time during which
 * the caller was preempted for longer than a pacer period is not counted,
 * as it is not CPU time of the caller. */
void board_burn_cpu(uint32_t us)
{
    pacer_start();
    uint32_t left = us * COUNTS_PER_US;
    uint32_t prev = MPS2_DUALTIMER2->value;
    while (left > 0U) {
        const uint32_t now = MPS2_DUALTIMER2->value;
        const uint32_t step = (now <= prev) ? prev - now : prev + PACER_COUNTS - now;
        left = (step < left) ? left - step : 0U;
        prev = now;
    }
}

/* ----- Test interrupts ---------------------------------------------------------- */

static void set_priority(uint32_t line, uint32_t prio)
{
    NVIC_IPR8[line] = (uint8_t)prio;
}

void mps2_early_init(void)
{
    mps2_uart_init();
    pacer_start();
}

void board_init(void)
{
    mps2_early_init();
    set_priority(MPS2_IRQ_TIMER0, PRIO_LOW);
    set_priority(MPS2_IRQ_TIMER1, PRIO_HIGH);
    set_priority(MPS2_IRQ_DUALTIMER, PRIO_UNMASKED);
    for (unsigned i = 0; i < BOARD_TEST_IRQ_COUNT; i++) {
        NVIC_ISER[test_line[i] / 32U] = 1UL << (test_line[i] % 32U);
    }
}

static void dispatch(enum board_test_irq irq)
{
    board_irq_handler_t h = test_handler[irq];
    if (h != NULL) {
        h();
    }
}

/* An expired one-shot timer is stopped and acknowledged; a software
 * trigger leaves an armed timer alone. */
__attribute__((weak)) void TIMER0_IRQHandler(void)
{
    if ((MPS2_TIMER0->intstatus & 1U) != 0U) {
        MPS2_TIMER0->ctrl = 0;
        MPS2_TIMER0->intstatus = 1U;
    }
    dispatch(BOARD_TEST_IRQ_LOW);
}

__attribute__((weak)) void TIMER1_IRQHandler(void)
{
    if ((MPS2_TIMER1->intstatus & 1U) != 0U) {
        MPS2_TIMER1->ctrl = 0;
        MPS2_TIMER1->intstatus = 1U;
    }
    dispatch(BOARD_TEST_IRQ_HIGH);
}

__attribute__((weak)) void DUALTIMER_IRQHandler(void)
{
    if ((MPS2_DUALTIMER1->ris & 1U) != 0U) {
        MPS2_DUALTIMER1->ctrl = 0;
        MPS2_DUALTIMER1->intclr = 1U;
    }
    dispatch(BOARD_TEST_IRQ_UNMASKED);
}

void board_test_irq_set_handler(enum board_test_irq irq, board_irq_handler_t handler)
{
    if ((unsigned)irq < BOARD_TEST_IRQ_COUNT) {
        test_handler[irq] = handler;
    }
}

void board_test_irq_trigger(enum board_test_irq irq)
{
    if ((unsigned)irq < BOARD_TEST_IRQ_COUNT) {
        NVIC_ISPR[test_line[irq] / 32U] = 1UL << (test_line[irq] % 32U);
        __asm volatile("dsb\n\tisb" ::: "memory");
    }
}

static void timer_arm(enum board_test_irq irq, uint32_t counts)
{
    if (irq == BOARD_TEST_IRQ_UNMASKED) {
        MPS2_DUALTIMER1->ctrl = 0;
        MPS2_DUALTIMER1->intclr = 1U;
        if (counts != 0U) {
            MPS2_DUALTIMER1->load = counts;
            MPS2_DUALTIMER1->ctrl = DUAL_ONESHOT | DUAL_32BIT | DUAL_IRQ | DUAL_ENABLE;
        }
        return;
    }
    struct cmsdk_timer *t = (irq == BOARD_TEST_IRQ_LOW) ? MPS2_TIMER0 : MPS2_TIMER1;
    t->ctrl = 0;
    t->intstatus = 1U;
    if (counts != 0U) {
        t->reload = 0xFFFFFFFFUL; /* stopped by the handler before it matters */
        t->value = counts;
        t->ctrl = TIMER_CTRL_ENABLE | TIMER_CTRL_IRQ;
    }
}

/* Fires in the middle of the tick period that starts `ticks` ticks from
 * now, so that the kernel has counted that tick, as on the simulator. */
void board_test_irq_trigger_after(enum board_test_irq irq, uint32_t ticks)
{
    if ((unsigned)irq >= BOARD_TEST_IRQ_COUNT) {
        return;
    }
    uint32_t counts = 0;
    if (ticks != 0U) {
        const uint32_t to_next_tick = *(volatile uint32_t *)0xE000E018UL; /* SYST_CVR */
        counts = to_next_tick + (ticks - 1U) * COUNTS_PER_TICK + COUNTS_PER_TICK / 2U;
    }
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    timer_arm(irq, counts);
    if (ticks == 0U) {
        NVIC_ICPR[test_line[irq] / 32U] = 1UL << (test_line[irq] % 32U);
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}
