/*
 * board_config.h - the simulator's settings for Portolan's own test images.
 * Applications keep their own FreeRTOSConfig.h.
 */
#ifndef BOARD_CONFIG_H
#define BOARD_CONFIG_H

#if defined(__SANITIZE_ADDRESS__)
#define BOARD_STACK_WORDS 8192 /* ASan frames are several times larger */
#else
#define BOARD_STACK_WORDS 2048
#endif /* __SANITIZE_ADDRESS__ */

#define configMINIMAL_STACK_SIZE BOARD_STACK_WORDS
#define configTOTAL_HEAP_SIZE ((size_t)(BOARD_STACK_WORDS * 8U * 48U))
#define configCPU_CLOCK_HZ 1000000000UL

/* Waiting for a selection line on the console (qualification over a pty):
 * each poll stands for one tick, and board_console_read() waits up to 1 ms
 * of host time on a terminal, so the wait lasts about as long in host time
 * as in virtual time. */
#define PTEST_CONSOLE_POLL_US 1000U

#endif /* BOARD_CONFIG_H */
