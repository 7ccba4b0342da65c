/*
 * startup.c - vector table and reset path of the MPS2 boards.
 *
 * The reset handler enables the FPU (on FPU builds) before any C code runs,
 * because compiled C may use FP registers in its prologue; then C code
 * copies .data, clears .bss, runs constructors and calls main(). The
 * exception and interrupt entries use CMSIS names and are weak, so an
 * application may supply its own.
 */
#include <stdint.h>

#include "FreeRTOS.h"
#include "board.h"
#include "crt.h"
#include "mps2.h"

extern uint32_t __stack_top[];

int main(void);
void Reset_Handler(void);
void mps2_reset_c(void) __attribute__((noreturn, used));
void mps2_fault_entry(void);

/* Picks the stack the hardware frame was pushed on (EXC_RETURN bit 2) and
 * reports the fault (fault.c). */
__attribute__((naked)) void mps2_fault_entry(void)
{
    __asm volatile("tst lr, #4\n\t"
                   "ite eq\n\t"
                   "mrseq r0, msp\n\t"
                   "mrsne r0, psp\n\t"
                   "mov r1, lr\n\t"
                   "b mps2_fault_report");
}

/* Every exception and interrupt without a handler reports a fault. */
#define WEAK_FAULT __attribute__((weak, alias("mps2_fault_entry")))
void NMI_Handler(void) WEAK_FAULT;
void HardFault_Handler(void) WEAK_FAULT;
void MemManage_Handler(void) WEAK_FAULT;
void BusFault_Handler(void) WEAK_FAULT;
void UsageFault_Handler(void) WEAK_FAULT;
void DebugMon_Handler(void) WEAK_FAULT;
void UARTRX0_IRQHandler(void) WEAK_FAULT;
void UARTTX0_IRQHandler(void) WEAK_FAULT;
void UARTRX1_IRQHandler(void) WEAK_FAULT;
void UARTTX1_IRQHandler(void) WEAK_FAULT;
void UARTRX2_IRQHandler(void) WEAK_FAULT;
void UARTTX2_IRQHandler(void) WEAK_FAULT;
void PORT0_IRQHandler(void) WEAK_FAULT;
void PORT1_IRQHandler(void) WEAK_FAULT;
void SPI_IRQHandler(void) WEAK_FAULT;
void UARTOVF_IRQHandler(void) WEAK_FAULT;
void ETHERNET_IRQHandler(void) WEAK_FAULT;
void I2S_IRQHandler(void) WEAK_FAULT;
void Default_IRQHandler(void) WEAK_FAULT;

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used)) static const vector_t vectors[16 + MPS2_IRQ_COUNT] = {
    (vector_t)__stack_top,
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    MemManage_Handler,
    BusFault_Handler,
    UsageFault_Handler,
    0,
    0,
    0,
    0,
    vPortSVCHandler, /* the kernel's (portmacro.h) */
    DebugMon_Handler,
    0,
    xPortPendSVHandler,
    xPortSysTickHandler,
    /* External interrupts 0..31 (AN385 numbering). */
    UARTRX0_IRQHandler,
    UARTTX0_IRQHandler,
    UARTRX1_IRQHandler,
    UARTTX1_IRQHandler,
    UARTRX2_IRQHandler,
    UARTTX2_IRQHandler,
    PORT0_IRQHandler,
    PORT1_IRQHandler,
    TIMER0_IRQHandler,
    TIMER1_IRQHandler,
    DUALTIMER_IRQHandler,
    SPI_IRQHandler,
    UARTOVF_IRQHandler,
    ETHERNET_IRQHandler,
    I2S_IRQHandler,
    [31 ... 16 + MPS2_IRQ_COUNT - 1] = Default_IRQHandler,
};

/* No C before the FPU is on: CPACR grants full access to CP10 and CP11. */
__attribute__((naked)) void Reset_Handler(void)
{
    __asm volatile(
#if portHAS_FPU
        "ldr r0, =0xE000ED88\n\t"
        "ldr r1, [r0]\n\t"
        "orr r1, r1, #0x00F00000\n\t"
        "str r1, [r0]\n\t"
        "dsb\n\t"
        "isb\n\t"
#endif /* portHAS_FPU */
        "b mps2_reset_c\n\t"
        ".ltorg");
}

void mps2_reset_c(void)
{
    SCB_VTOR = (uint32_t)vectors;
    SCB_SHCSR |= SHCSR_FAULT_ENABLES;
    crt_init_memory();
    mps2_early_init();
    crt_run_constructors();
    board_exit(main());
}
