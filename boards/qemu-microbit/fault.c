/*
 * fault.c - the fault dump of the micro:bit: HardFault (ARMv6-M's only
 * fault), NMI and every unexpected exception or interrupt print a register
 * dump on UART0 and end the run with BOARD_EXIT_FAULT, so that a crash is
 * never a hang. ARMv6-M has no fault status registers: the dump is the
 * common part only (boards/arm-common/fault_dump.h).
 */
#include <stdint.h>

#include "FreeRTOS.h"
#include "board.h"
#include "fault_dump.h"
#include "nrf51.h"

void microbit_fault_report(const uint32_t *frame, uint32_t exc_return)
    __attribute__((noreturn, used));

void fault_dump_write(const char *buf, size_t len)
{
    nrf51_uart_init();
    nrf51_uart_write(buf, len);
}

void microbit_fault_report(const uint32_t *frame, uint32_t exc_return)
{
    static const char *const names[5] = {"NMI", "HardFault", NULL, NULL, NULL};
    uint32_t exc;
    __asm volatile("mrs %0, ipsr" : "=r"(exc));
    fault_dump_begin(frame, exc_return, exc & 0x3FU, names);
    fault_dump_end();
    board_exit(BOARD_EXIT_FAULT);
}
