/*
 * startup.c - vector table and reset path of the micro:bit (nRF51822).
 *
 * The reset handler starts the 16 MHz crystal (the timers run from HFCLK),
 * copies .data, clears .bss, runs constructors and calls main(). Every
 * exception and interrupt the board does not use reports a fault
 * (fault.c); the entries use CMSIS names and are weak, so an application
 * may supply its own.
 */
#include <stdint.h>

#include "FreeRTOS.h"
#include "board.h"
#include "crt.h"
#include "nrf51.h"

extern uint32_t __stack_top[];

int main(void);
void Reset_Handler(void) __attribute__((noreturn));
void microbit_fault_entry(void);

/* Picks the stack the hardware frame was pushed on (EXC_RETURN bit 2) and
 * reports the fault (fault.c). ARMv6-M has no IT blocks: plain branches. */
__attribute__((naked)) void microbit_fault_entry(void)
{
    __asm volatile("movs r0, #4\n\t"
                   "mov r1, lr\n\t"
                   "tst r0, r1\n\t"
                   "bne 1f\n\t"
                   "mrs r0, msp\n\t"
                   "b 2f\n"
                   "1:\n\t"
                   "mrs r0, psp\n"
                   "2:\n\t"
                   "ldr r2, =microbit_fault_report\n\t"
                   "bx r2\n\t"
                   ".ltorg");
}

#define WEAK_FAULT __attribute__((weak, alias("microbit_fault_entry")))
void NMI_Handler(void) WEAK_FAULT;
void HardFault_Handler(void) WEAK_FAULT;
void SVC_Handler(void) WEAK_FAULT;
void Default_IRQHandler(void) WEAK_FAULT;

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used)) static const vector_t vectors[16 + NRF51_IRQ_COUNT] = {
    (vector_t)__stack_top,
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    [4 ... 10] = Default_IRQHandler, /* reserved on ARMv6-M */
    SVC_Handler,
    Default_IRQHandler,
    Default_IRQHandler,
    xPortPendSVHandler,  /* the kernel's (portmacro.h) */
    xPortSysTickHandler, /* unused on this board: the tick is TIMER0 */
    [16 ... 16 + NRF51_IRQ_TIMER0 - 1] = Default_IRQHandler,
    [16 + NRF51_IRQ_TIMER0] = TIMER0_IRQHandler, /* the tick (tick.c) */
    [16 + NRF51_IRQ_TIMER1] = TIMER1_IRQHandler, /* BOARD_TEST_IRQ_LOW */
    [16 + NRF51_IRQ_TIMER2] = TIMER2_IRQHandler, /* BOARD_TEST_IRQ_HIGH */
    [16 + NRF51_IRQ_TIMER2 + 1 ... 16 + NRF51_IRQ_COUNT - 1] = Default_IRQHandler,
};

void Reset_Handler(void)
{
    NRF51_REG(NRF51_CLOCK, CLOCK_TASKS_HFCLKSTART) = 1U;
    while (NRF51_REG(NRF51_CLOCK, CLOCK_EVENTS_HFCLKSTARTED) == 0U) {
    }
    crt_init_memory();
    crt_run_constructors();
    board_exit(main());
}
