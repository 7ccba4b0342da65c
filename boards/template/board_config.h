/*
 * board_config.h - TEMPLATE_BOARD's settings for Portolan's own test images
 * (tests/config/FreeRTOSConfig.h includes it). Applications keep their own
 * FreeRTOSConfig.h. Every value below is an example: check each against
 * your MCU's reference manual.
 */
#ifndef BOARD_CONFIG_H
#define BOARD_CONFIG_H

/* The core clock after board_init(), in Hz. The tick is derived from it:
 * wrong here means Port.tick_* tests fail (delays too long or short). */
#define configCPU_CLOCK_HZ 168000000UL

/* Stacks and heap of the test images. The qualification runner creates up
 * to 16 helper tasks at a time; 64 KB of RAM in all is enough. */
#define configMINIMAL_STACK_SIZE 256
#define configTOTAL_HEAP_SIZE ((size_t)(40U * 1024U))

/* Interrupt priorities as the interrupt controller's register values. On
 * Cortex-M with 4 implemented bits: the kernel (tick, switch) lowest, and
 * the kernel masks everything at or below the syscall level. The three
 * test interrupts of board.h must sit at LOW < syscall level, HIGH = syscall
 * level, UNMASKED > syscall level. */
#define configKERNEL_INTERRUPT_PRIORITY 0xF0U
#define configMAX_SYSCALL_INTERRUPT_PRIORITY 0x50U

/* A board on a serial port has no start-up arguments: the test image prints
 * PORTOLAN-READY and waits this many ticks for qualify's selection line. */
#define PTEST_CONSOLE_FILTER_TICKS 5000U

/* 1 once board_console_write() works (step 1 of docs/porting.md): until
 * then a not-ported function cannot say which it is, and halts silently. */
#define BOARD_CONSOLE_PORTED 0

#endif /* BOARD_CONFIG_H */
