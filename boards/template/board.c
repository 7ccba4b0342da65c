/*
 * board.c - TEMPLATE_BOARD's board support: the functions of
 * boards/include/board.h (their contracts are there), in the order
 * docs/porting.md ports them. Each note says which qualification test
 * proves the function and what a mistake looks like in the report.
 *
 * A function not written yet stops the board through board_not_ported():
 * the report then shows a crash "PORTOLAN-FAULT not-ported <function>".
 */
#include <stddef.h>
#include <stdint.h>

#include "FreeRTOS.h"
#include "task.h"
#include "board.h"

#define BOARD_NAME "TEMPLATE_BOARD"

static board_irq_handler_t test_handler[BOARD_TEST_IRQ_COUNT];

/* Stops the board, saying which function is missing once the console
 * works (BOARD_CONSOLE_PORTED in board_config.h). A new port's skeleton
 * (boards/template/port/port.c) uses it too. */
void board_not_ported(const char *function) __attribute__((noreturn));

void board_not_ported(const char *function)
{
    if (BOARD_CONSOLE_PORTED) {
        static const char head[] = "\nPORTOLAN-FAULT not-ported ";
        static const char tail[] = "\nPORTOLAN-FAULT-END\n";
        size_t n = 0;
        while (function[n] != '\0') {
            n++;
        }
        board_console_write(head, sizeof head - 1U);
        board_console_write(function, n);
        board_console_write(tail, sizeof tail - 1U);
    }
    for (;;) {
    }
}

/* ----- Step 1: console and exit ---------------------------------------------
 * Proves it: any output at all. qualify's first boot lists the tests; a
 * silent board is reported as "the board did not boot: no complete test
 * list" with no console lines. Garbage lines mean a wrong baud rate or
 * clock (see the "Console anomalies" section of the report). */

void board_init(void)
{
    /* Clocks (PLL, flash wait states), then the console UART at 115200 8N1.
     * Leave interrupts disabled: the scheduler enables them. */
    board_not_ported(__func__);
}

void board_console_write(const char *buf, size_t len)
{
    /* Poll the UART's transmit-ready flag and write each byte. Called with
     * interrupts masked and from fault handlers: no interrupts, no RTOS
     * calls, no buffering that needs a task to drain it. */
    (void)buf;
    (void)len;
    for (;;) {
    }
}

int board_console_read(void)
{
    /* Return the received byte if the UART holds one, else -1. Never wait:
     * qualify's selection line arrives while the image polls here.
     * Failure: "PORTOLAN-WARN no selection line on the console" and every
     * test runs in one boot, with no resume after a crash. */
    board_not_ported(__func__);
}

void board_exit(int code)
{
    /* A real board has no host to return to: wait for the console to
     * drain, then reset (or halt). On an emulator report `code` to the host
     * (semihosting). qualify does not rely on the code of a serial board. */
    (void)code;
    board_not_ported(__func__);
}

const char *board_name(void)
{
    /* Must match "board_name" (or "name") in board.json: checked by
     * Integrity.Host.board_name_matches_descriptor. */
    return BOARD_NAME;
}

const char *board_args(void)
{
    /* A board on a serial port has no start-up arguments: the selection
     * comes from the console (PTEST_CONSOLE_FILTER_TICKS). */
    return "";
}

/* ----- Step 3: the test interrupts -------------------------------------------------
 * Three spare interrupt lines (unused peripherals, or software-triggered
 * lines of the interrupt controller) at the priorities board_config.h
 * describes, and a hardware timer for board_test_irq_trigger_after().
 * Proves it: the Port group (masking, nesting, yield from an interrupt).
 * Mistakes: a LOW interrupt running inside a critical section
 * (Port.interrupt_above_syscall_priority_runs_inside_critical_section:
 * low_inside), an UNMASKED one that is masked, or a crash when a handler
 * calls the kernel (priority above the syscall level: configASSERT). */

void board_test_irq_set_handler(enum board_test_irq irq, board_irq_handler_t handler)
{
    if ((unsigned)irq >= BOARD_TEST_IRQ_COUNT) {
        return;
    }
    test_handler[irq] = handler;
    /* Enable the line at its priority in the interrupt controller. */
    board_not_ported(__func__);
}

void board_test_irq_trigger(enum board_test_irq irq)
{
    /* Set the line pending (e.g. NVIC ISPR, or a software interrupt). */
    (void)irq;
    board_not_ported(__func__);
}

void board_test_irq_trigger_after(enum board_test_irq irq, uint32_t ticks)
{
    /* Program a one-shot hardware timer to pend `irq` after `ticks` kernel
     * ticks; 0 cancels. Proves it: Port.timed_interrupt_comes_after_the_
     * requested_ticks. */
    (void)irq;
    (void)ticks;
    board_not_ported(__func__);
}

void board_burn_cpu(uint32_t us)
{
    /* Busy-wait about `us` microseconds (a calibrated loop, or a free-running
     * timer). Interrupts must stay enabled. Mistake: a loop the compiler
     * removes makes Port.PortContract.critical_section_masks_the_tick pass
     * or fail for the wrong reason: use a volatile counter. */
    (void)us;
    board_not_ported(__func__);
}

/* The interrupt handlers of the three test lines: put them in the vector
 * table (startup.c) at the lines chosen above. Each clears its line's
 * pending flag if the hardware needs it, then calls the test handler. */
void board_test_irq_low_handler(void);
void board_test_irq_high_handler(void);
void board_test_irq_unmasked_handler(void);

static void run_test_handler(enum board_test_irq irq)
{
    if (test_handler[irq] != NULL) {
        test_handler[irq]();
    }
}

void board_test_irq_low_handler(void)
{
    run_test_handler(BOARD_TEST_IRQ_LOW);
}

void board_test_irq_high_handler(void)
{
    run_test_handler(BOARD_TEST_IRQ_HIGH);
}

void board_test_irq_unmasked_handler(void)
{
    run_test_handler(BOARD_TEST_IRQ_UNMASKED);
}
