/*
 * fault.c - the fault dump: every fault, NMI and unexpected interrupt prints
 * a register dump on UART0 and ends the run with BOARD_EXIT_FAULT, so that a
 * crash is never a hang. Format (docs/port-armv7m.md):
 *
 *   PORTOLAN-FAULT <kind> task=<name>|-
 *     pc=0x... lr=0x... xpsr=0x... ctx=thread|irqN|exceptionN sp=0x...
 *     exc_return=0x...
 *     r0=0x... r1=0x... r2=0x... r3=0x... r12=0x...
 *     cfsr=0x... hfsr=0x... mmfar=0x... bfar=0x... <decoded bits>
 *   PORTOLAN-FAULT-END exit=70
 *
 * Everything here is defensive: no C library, no kernel call, and memory
 * is only read after checking that it is RAM.
 */
#include <stdint.h>

#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "mps2.h"

#define TEXT_(x) #x
#define TEXT(x) TEXT_(x)
#define FAULT_EXIT_TEXT TEXT(BOARD_EXIT_FAULT)

extern uint32_t __ram_start[], __ram_end[];
void mps2_fault_report(const uint32_t *frame, uint32_t exc_return) __attribute__((noreturn, used));

struct bit_name {
    uint8_t bit;
    const char *name;
};

static const struct bit_name cfsr_bits[] = {
    {0, "IACCVIOL"},  {1, "DACCVIOL"}, {3, "MUNSTKERR"},  {4, "MSTKERR"},      {5, "MLSPERR"},
    {7, "MMARVALID"}, {8, "IBUSERR"},  {9, "PRECISERR"},  {10, "IMPRECISERR"}, {11, "UNSTKERR"},
    {12, "STKERR"},   {13, "LSPERR"},  {15, "BFARVALID"}, {16, "UNDEFINSTR"},  {17, "INVSTATE"},
    {18, "INVPC"},    {19, "NOCP"},    {24, "UNALIGNED"}, {25, "DIVBYZERO"},
};

static const struct bit_name hfsr_bits[] = {{1, "VECTTBL"}, {30, "FORCED"}, {31, "DEBUGEVT"}};

static void put(const char *s)
{
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    mps2_uart_write(s, n);
}

static void put_hex(const char *label, uint32_t v)
{
    char buf[11] = {'0', 'x'};
    for (int i = 0; i < 8; i++) {
        buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFU];
    }
    buf[10] = '\0';
    put(label);
    put(buf);
}

static void put_dec(const char *label, uint32_t v)
{
    char buf[11];
    int i = (int)sizeof buf - 1;
    buf[i] = '\0';
    do {
        buf[--i] = (char)('0' + v % 10U);
        v /= 10U;
    } while (v != 0U && i > 0);
    put(label);
    put(&buf[i]);
}

static void put_bits(uint32_t value, const struct bit_name *names, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if ((value & (1UL << names[i].bit)) != 0U) {
            put(" ");
            put(names[i].name);
        }
    }
}

static int in_ram(const void *p, uint32_t bytes)
{
    uintptr_t a = (uintptr_t)p;
    return a >= (uintptr_t)__ram_start && a + bytes <= (uintptr_t)__ram_end && (a & 3U) == 0U;
}

static const char *exception_name(uint32_t exc)
{
    static const char *const names[] = {"Thread",    "Reset",    "NMI",       "HardFault",
                                        "MemManage", "BusFault", "UsageFault"};
    if (exc < sizeof names / sizeof names[0]) {
        return names[exc];
    }
    return (exc >= 16U) ? "UnexpectedIRQ" : "UnexpectedException";
}

/* The running task's name, printable characters only, or "-". */
static void put_task(void)
{
    const char *name = NULL;
    if (xTaskGetSchedulerState() != taskSCHEDULER_NOT_STARTED && in_ram(pxCurrentTCB, 64U)) {
        name = pcTaskGetName(NULL);
    }
    if (name == NULL || !in_ram(name - ((uintptr_t)name & 3U), 4U)) {
        put(" task=-");
        return;
    }
    char buf[configMAX_TASK_NAME_LEN + 1];
    size_t n = 0;
    for (; n < (size_t)configMAX_TASK_NAME_LEN && name[n] >= ' ' && name[n] <= '~'; n++) {
        buf[n] = name[n];
    }
    buf[n] = '\0';
    put(" task=");
    put(buf);
}

void mps2_fault_report(const uint32_t *frame, uint32_t exc_return)
{
    uint32_t exc;
    __asm volatile("mrs %0, ipsr" : "=r"(exc));
    exc &= 0x1FFU;
    mps2_uart_init();
    put("\nPORTOLAN-FAULT ");
    put(exception_name(exc));
    if (exc >= 7U) { /* "UnexpectedIRQ 9", "UnexpectedException 12" */
        put_dec(" ", (exc >= 16U) ? exc - 16U : exc);
    }
    put_task();
    put("\n ");
    if (in_ram(frame, 32U)) {
        put_hex(" pc=", frame[6]);
        put_hex(" lr=", frame[5]);
        put_hex(" xpsr=", frame[7]);
        /* What was running: thread mode, or the exception in xPSR[8:0]. */
        uint32_t was = frame[7] & 0x1FFU;
        if (was == 0U) {
            put(" ctx=thread");
        } else if (was >= 16U) {
            put_dec(" ctx=irq", was - 16U);
        } else {
            put_dec(" ctx=exception", was);
        }
    } else {
        put(" frame=unreadable");
    }
    put_hex(" sp=", (uint32_t)frame);
    put_hex(" exc_return=", exc_return);
    if (in_ram(frame, 32U)) {
        put("\n ");
        put_hex(" r0=", frame[0]);
        put_hex(" r1=", frame[1]);
        put_hex(" r2=", frame[2]);
        put_hex(" r3=", frame[3]);
        put_hex(" r12=", frame[4]);
    }
    uint32_t cfsr = SCB_CFSR;
    uint32_t hfsr = SCB_HFSR;
    put("\n ");
    put_hex(" cfsr=", cfsr);
    put_hex(" hfsr=", hfsr);
    put_hex(" mmfar=", SCB_MMFAR);
    put_hex(" bfar=", SCB_BFAR);
    put_bits(cfsr, cfsr_bits, sizeof cfsr_bits / sizeof cfsr_bits[0]);
    put_bits(hfsr, hfsr_bits, sizeof hfsr_bits / sizeof hfsr_bits[0]);
    put("\nPORTOLAN-FAULT-END exit=" FAULT_EXIT_TEXT "\n");
    mps2_exit(BOARD_EXIT_FAULT);
}
