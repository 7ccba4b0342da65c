/*
 * board_config.h - MPS2 (AN385/AN386) settings for Portolan's own test
 * images. Applications keep their own FreeRTOSConfig.h.
 *
 * Interrupt priorities are NVIC register values with the board's 3
 * implemented bits (steps of 0x20): the kernel at 0xE0, the test interrupts
 * LOW 0xC0, HIGH 0x40 (= the syscall level), UNMASKED 0x20.
 */
#ifndef BOARD_CONFIG_H
#define BOARD_CONFIG_H

#if defined(BOARD_MEMORY_MIN) && BOARD_MEMORY_MIN
#define BOARD_STACK_WORDS 256 /* 64 KB of RAM in all */
#define configTOTAL_HEAP_SIZE ((size_t)(40U * 1024U))
#else
#define BOARD_STACK_WORDS 512 /* 4 MB of RAM: be generous */
#define configTOTAL_HEAP_SIZE ((size_t)(1024U * 1024U))
#endif /* BOARD_MEMORY_MIN */

#define configMINIMAL_STACK_SIZE BOARD_STACK_WORDS
#define configCPU_CLOCK_HZ 25000000UL
#define configKERNEL_INTERRUPT_PRIORITY 0xE0U
#define configMAX_SYSCALL_INTERRUPT_PRIORITY 0x40U

#endif /* BOARD_CONFIG_H */
