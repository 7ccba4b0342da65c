/*
 * board.h - what every board provides to applications and test images.
 *
 * Implemented once per board in boards/<board>/. All functions may be
 * called before the scheduler starts; the console and exit functions also
 * from ISRs and fault handlers.
 */
#ifndef PORTOLAN_BOARD_H
#define PORTOLAN_BOARD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

/* Brings up clocks and the console. Called by the application's main()
 * before anything is printed. */
void board_init(void);

/* Writes len bytes to the console, blocking until they are queued to the
 * hardware. Never interleaves within one call. */
void board_console_write(const char *buf, size_t len);

/* Reads one console byte; returns -1 if none is available. Never blocks. */
int board_console_read(void);

/* Ends the program and reports `code` to the host (0 = success). On boards
 * without a host it resets or halts. Never returns. */
void board_exit(int code) __attribute__((noreturn));

/* Exit code of a CPU fault (or unexpected exception): the board prints a
 * register dump between a "PORTOLAN-FAULT <kind> ..." line and a
 * "PORTOLAN-FAULT-END" line first, so that a crash is never a hang.
 * (70 is EX_SOFTWARE in sysexits.h.) */
#define BOARD_EXIT_FAULT 70

/* The board's name, e.g. "posix" or "qemu-mps2-an385". */
const char *board_name(void);

/* Start-up arguments from the host (semihosting command line, or argv on
 * the simulator); an empty string when there are none. */
const char *board_args(void);

/* ----- Test support -------------------------------------------------------
 * Three interrupt sources for tests:
 *   BOARD_TEST_IRQ_LOW       kernel-aware, low priority
 *   BOARD_TEST_IRQ_HIGH      kernel-aware, higher priority: nests over LOW
 *   BOARD_TEST_IRQ_UNMASKED  above configMAX_SYSCALL_INTERRUPT_PRIORITY:
 *                            never masked by the kernel, must not call it.
 *                            Only where the port has such interrupts
 *                            (portHAS_UNMASKED_INTERRUPTS, portable.h);
 *                            elsewhere requests for it do nothing and the
 *                            tests that need it are ignored. */
enum board_test_irq {
    BOARD_TEST_IRQ_LOW = 0,
    BOARD_TEST_IRQ_HIGH = 1,
    BOARD_TEST_IRQ_UNMASKED = 2,
    BOARD_TEST_IRQ_COUNT = 3
};

typedef void (*board_irq_handler_t)(void);

/* Installs (or with NULL removes) the handler of a test interrupt. */
void board_test_irq_set_handler(enum board_test_irq irq, board_irq_handler_t handler);

/* Makes a test interrupt pending now (from a task or an ISR). */
void board_test_irq_trigger(enum board_test_irq irq);

/* Makes a test interrupt pending `ticks` kernel ticks from now, from a
 * hardware timer; 0 cancels. One pending request per interrupt. */
void board_test_irq_trigger_after(enum board_test_irq irq, uint32_t ticks);

/* Consumes CPU time like a computation of about `us` microseconds would. On
 * the simulator this advances virtual time (and takes due interrupts). */
void board_burn_cpu(uint32_t us);

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* PORTOLAN_BOARD_H */
