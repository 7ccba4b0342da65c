/*
 * fault.c - qemu-virt-rv32 fault dump: every synchronous exception and
 * every unexpected interrupt prints the registers between PORTOLAN-FAULT
 * and PORTOLAN-FAULT-END lines on the UART, then exits with
 * BOARD_EXIT_FAULT, so that a crash is never a hang.
 *
 * The dump uses no C library formatting and calls the kernel only for the
 * running task's name, reading its TCB when the scheduler runs.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "virt.h"

#ifndef BOARD_EXIT_FAULT
#define BOARD_EXIT_FAULT 70
#endif /* BOARD_EXIT_FAULT */

static void put(const char *s)
{
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    virt_uart_write(s, n);
}

static void put_hex(const char *name, uint32_t v)
{
    char buf[12];
    buf[0] = '0';
    buf[1] = 'x';
    for (int i = 0; i < 8; i++) {
        buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFU];
    }
    buf[10] = '\0';
    put(" ");
    put(name);
    put("=");
    put(buf);
}

static const char *exception_name(uint32_t mcause)
{
    static const char *const names[16] = {
        "InstructionMisaligned", "InstructionAccessFault", "IllegalInstruction", "Breakpoint",
        "LoadMisaligned",        "LoadAccessFault",        "StoreMisaligned",    "StoreAccessFault",
        "EnvironmentCallU",      "EnvironmentCallS",       "Exception10",        "EnvironmentCallM",
        "InstructionPageFault",  "LoadPageFault",          "Exception14",        "StorePageFault"};
    return (mcause < 16U) ? names[mcause] : "Exception";
}

static void put_head(const char *kind)
{
    put("\nPORTOLAN-FAULT ");
    put(kind);
    put(" task=");
    if (xTaskGetSchedulerState() != taskSCHEDULER_NOT_STARTED) {
        put(pcTaskGetName(NULL));
    } else {
        put("-");
    }
    put("\n");
}

/* What was interrupted: a task, a board interrupt (by cause) or the tick
 * or switch (the port's own). */
static void put_context(void)
{
    if (!xPortIsInsideInterrupt()) {
        put(" ctx=thread\n ");
        return;
    }
    const uint32_t cause = virt_active_cause;
    if (cause == VIRT_NO_CAUSE) {
        put(" ctx=kernel-irq\n ");
        return;
    }
    char text[] = " ctx=irq00\n ";
    text[8] = (char)('0' + (cause / 10U) % 10U);
    text[9] = (char)('0' + cause % 10U);
    put(text);
}

static void finish(void) __attribute__((noreturn));
static void finish(void)
{
    put("PORTOLAN-FAULT-END exit=70\n");
    virt_exit(BOARD_EXIT_FAULT);
}

void port_rv32_exception(uint32_t *regs, uint32_t mcause, uint32_t mtval)
{
    static const char *const a_names[8] = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"};
    static const char *const s_names[12] = {"s0", "s1", "s2", "s3", "s4",  "s5",
                                            "s6", "s7", "s8", "s9", "s10", "s11"};
    static const char *const t_names[7] = {"t0", "t1", "t2", "t3", "t4", "t5", "t6"};
    put_head(exception_name(mcause));
    put_hex(" pc", regs[PORT_FRAME_MEPC]);
    put_hex("ra", regs[PORT_FRAME_RA]);
    put_hex("sp", regs[PORT_FRAME_SP]);
    put_hex("mtval", mtval);
    put_hex("mcause", mcause);
    put_hex("mstatus", regs[PORT_FRAME_MSTATUS]);
    put_context();
    for (unsigned i = 0; i < 8U; i++) {
        put_hex(a_names[i], regs[PORT_FRAME_A0 + i]);
    }
    put("\n ");
    for (unsigned i = 0; i < 7U; i++) {
        put_hex(t_names[i], regs[(i < 3U) ? PORT_FRAME_T0 + i : PORT_FRAME_T3 + i - 3U]);
    }
    put("\n ");
    for (unsigned i = 0; i < 12U; i++) {
        put_hex(s_names[i], regs[PORT_FRAME_S0 + i]);
    }
    put("\n");
    finish();
}

void board_unexpected_interrupt(uint32_t cause) __attribute__((noreturn));
void board_unexpected_interrupt(uint32_t cause)
{
    uint32_t mepc;
    __asm volatile("csrr %0, mepc" : "=r"(mepc));
    put_head("UnexpectedInterrupt");
    put_hex(" cause", cause);
    put_hex("mepc", mepc);
    put("\n");
    finish();
}
