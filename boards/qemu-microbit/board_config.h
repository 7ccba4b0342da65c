/*
 * board_config.h - micro:bit (nRF51822, 16 KB of RAM) settings for
 * Portolan's own test images. Applications keep their own FreeRTOSConfig.h.
 *
 * Interrupt priorities are NVIC register values with ARMv6-M's 2 bits
 * (steps of 0x40): the kernel (PendSV, the TIMER0 tick) at 0xC0, the test
 * interrupts LOW 0x80 and HIGH 0x40. PRIMASK critical sections mask them
 * all; there is no configMAX_SYSCALL_INTERRUPT_PRIORITY on ARMv6-M.
 *
 * RAM (docs/port-armv6m.md): 1 KB main stack, the heap below, the rest
 * static data. Stacks: idle and minimal tasks 96 words, test helpers 192,
 * the test runner 384.
 */
#ifndef BOARD_CONFIG_H
#define BOARD_CONFIG_H

#define configMINIMAL_STACK_SIZE 96
#ifndef configTOTAL_HEAP_SIZE /* the kernel suite's parts set their own */
#define configTOTAL_HEAP_SIZE ((size_t)(9U * 1024U))
#endif /* configTOTAL_HEAP_SIZE */
#define configCPU_CLOCK_HZ 16000000UL
#define configKERNEL_INTERRUPT_PRIORITY 0xC0U

/* Test framework: the sorting window of the test selection, and the landing room of
 * the stack overflow test (port tests). */
#define PTEST_ORDER_WINDOW 32
#define PORT_TESTS_OVERFLOW_GUARD_WORDS 128

#endif /* BOARD_CONFIG_H */
