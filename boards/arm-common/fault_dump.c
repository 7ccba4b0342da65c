/*
 * fault_dump.c - the common part of the Cortex-M fault dump.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "fault_dump.h"

#define TEXT_(x) #x
#define TEXT(x) TEXT_(x)

extern uint32_t __ram_start[], __ram_end[];

void fault_dump_put(const char *s)
{
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    fault_dump_write(s, n);
}

void fault_dump_hex(const char *label, uint32_t v)
{
    char buf[11] = {'0', 'x'};
    for (int i = 0; i < 8; i++) {
        buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFU];
    }
    buf[10] = '\0';
    fault_dump_put(label);
    fault_dump_put(buf);
}

void fault_dump_dec(const char *label, uint32_t v)
{
    char buf[11];
    int i = (int)sizeof buf - 1;
    buf[i] = '\0';
    do {
        buf[--i] = (char)('0' + v % 10U);
        v /= 10U;
    } while (v != 0U && i > 0);
    fault_dump_put(label);
    fault_dump_put(&buf[i]);
}

static int in_ram(const void *p, uint32_t bytes)
{
    uintptr_t a = (uintptr_t)p;
    return a >= (uintptr_t)__ram_start && a + bytes <= (uintptr_t)__ram_end && (a & 3U) == 0U;
}

/* The running task's name, printable characters only, or "-". */
static void put_task(void)
{
    const char *name = NULL;
    if (xTaskGetSchedulerState() != taskSCHEDULER_NOT_STARTED && in_ram(pxCurrentTCB, 64U)) {
        name = pcTaskGetName(NULL);
    }
    if (name == NULL || !in_ram(name - ((uintptr_t)name & 3U), 4U)) {
        fault_dump_put(" task=-");
        return;
    }
    char buf[configMAX_TASK_NAME_LEN + 1];
    size_t n = 0;
    for (; n < (size_t)configMAX_TASK_NAME_LEN && name[n] >= ' ' && name[n] <= '~'; n++) {
        buf[n] = name[n];
    }
    buf[n] = '\0';
    fault_dump_put(" task=");
    fault_dump_put(buf);
}

static void put_kind(uint32_t exc, const char *const names[5])
{
    if (exc >= 2U && exc <= 6U && names[exc - 2U] != NULL) {
        fault_dump_put(names[exc - 2U]);
    } else if (exc >= 16U) {
        fault_dump_dec("UnexpectedIRQ ", exc - 16U);
    } else {
        fault_dump_dec("UnexpectedException ", exc);
    }
}

/* What was running: thread mode, or the exception in xPSR[8:0]. */
static void put_context(uint32_t xpsr)
{
    const uint32_t was = xpsr & 0x1FFU;
    if (was == 0U) {
        fault_dump_put(" ctx=thread");
    } else if (was >= 16U) {
        fault_dump_dec(" ctx=irq", was - 16U);
    } else {
        fault_dump_dec(" ctx=exception", was);
    }
}

void fault_dump_begin(const uint32_t *frame, uint32_t exc_return, uint32_t exc,
                      const char *const names[5])
{
    const int readable = in_ram(frame, 32U);
    fault_dump_put("\nPORTOLAN-FAULT ");
    put_kind(exc, names);
    put_task();
    fault_dump_put("\n ");
    if (readable) {
        fault_dump_hex(" pc=", frame[6]);
        fault_dump_hex(" lr=", frame[5]);
        fault_dump_hex(" xpsr=", frame[7]);
        put_context(frame[7]);
    } else {
        fault_dump_put(" frame=unreadable");
    }
    fault_dump_hex(" sp=", (uint32_t)frame);
    fault_dump_hex(" exc_return=", exc_return);
    if (readable) {
        fault_dump_put("\n ");
        fault_dump_hex(" r0=", frame[0]);
        fault_dump_hex(" r1=", frame[1]);
        fault_dump_hex(" r2=", frame[2]);
        fault_dump_hex(" r3=", frame[3]);
        fault_dump_hex(" r12=", frame[4]);
    }
}

void fault_dump_end(void)
{
    fault_dump_put("\nPORTOLAN-FAULT-END exit=" TEXT(BOARD_EXIT_FAULT) "\n");
}
