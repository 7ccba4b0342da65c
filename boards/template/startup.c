/*
 * startup.c - TEMPLATE_BOARD's reset handler and vector table (step 0 of
 * docs/porting.md), written for a Cortex-M core: on another core, replace
 * the table with what its reset and trap entry need.
 *
 * The symbols come from board.ld. The port provides the kernel's handlers
 * (SysTick, PendSV and SVC on Cortex-M: see portable/<arch>/); the board's
 * own fault handler should print a PORTOLAN-FAULT block (see
 * boards/mps2-common/fault.c for a complete one) so that a crash is
 * reported with its registers instead of as a hang.
 */
#include <stdint.h>

extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[];
extern uint32_t __stack_top[];

int main(void);
void reset_handler(void);
void default_handler(void);

/* Kernel handlers of the Cortex-M ports. */
void vPortSVCHandler(void) __attribute__((weak, alias("default_handler")));
void xPortPendSVHandler(void) __attribute__((weak, alias("default_handler")));
void xPortSysTickHandler(void) __attribute__((weak, alias("default_handler")));
/* The test interrupts of board.c. */
void board_test_irq_low_handler(void);
void board_test_irq_high_handler(void);
void board_test_irq_unmasked_handler(void);

void reset_handler(void)
{
    /* Enable the FPU here (CPACR) on a core that has one, before any C code
     * that the compiler may give floating-point instructions. */
    uint32_t *src = __data_load;
    for (uint32_t *dst = __data_start; dst < __data_end;) {
        *dst++ = *src++;
    }
    for (uint32_t *dst = __bss_start; dst < __bss_end;) {
        *dst++ = 0U;
    }
    (void)main();
    for (;;) {
    }
}

/* Every unexpected exception ends here. Replace with a fault dump. */
void default_handler(void)
{
    for (;;) {
    }
}

/* Cortex-M layout: initial stack pointer, 15 system exceptions, then the
 * device's interrupt lines. Put the test handlers at the lines board.c
 * enables (16 + line number). */
__attribute__((section(".vectors"), used)) static void (*const vectors[])(void) = {
    (void (*)(void))(uintptr_t)__stack_top,
    reset_handler,
    default_handler, /* NMI */
    default_handler, /* HardFault */
    default_handler, /* MemManage */
    default_handler, /* BusFault */
    default_handler, /* UsageFault */
    0,
    0,
    0,
    0,
    vPortSVCHandler,
    default_handler, /* DebugMon */
    0,
    xPortPendSVHandler,
    xPortSysTickHandler,
    board_test_irq_low_handler,      /* line 0: choose spare lines */
    board_test_irq_high_handler,     /* line 1 */
    board_test_irq_unmasked_handler, /* line 2 */
};
