/*
 * fault.c - the fault dump: every fault, NMI and unexpected interrupt prints
 * a register dump on UART0 and ends the run with BOARD_EXIT_FAULT, so that a
 * crash is never a hang. Format (docs/port-armv7m.md): the common Cortex-M
 * lines (boards/arm-common/fault_dump.h), then the fault status registers
 * with their set bits named:
 *
 *     cfsr=0x... hfsr=0x... mmfar=0x... bfar=0x... <decoded bits>
 *
 * Everything here is defensive: no C library, no kernel call, and memory
 * is only read after checking that it is RAM.
 */
#include <stdint.h>

#include "FreeRTOS.h"
#include "board.h"
#include "fault_dump.h"
#include "mps2.h"

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

void fault_dump_write(const char *buf, size_t len)
{
    mps2_uart_init();
    mps2_uart_write(buf, len);
}

static void put_bits(uint32_t value, const struct bit_name *names, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if ((value & (1UL << names[i].bit)) != 0U) {
            fault_dump_put(" ");
            fault_dump_put(names[i].name);
        }
    }
}

void mps2_fault_report(const uint32_t *frame, uint32_t exc_return)
{
    static const char *const names[5] = {"NMI", "HardFault", "MemManage", "BusFault", "UsageFault"};
    uint32_t exc;
    __asm volatile("mrs %0, ipsr" : "=r"(exc));
    fault_dump_begin(frame, exc_return, exc & 0x1FFU, names);
    const uint32_t cfsr = SCB_CFSR;
    const uint32_t hfsr = SCB_HFSR;
    fault_dump_put("\n ");
    fault_dump_hex(" cfsr=", cfsr);
    fault_dump_hex(" hfsr=", hfsr);
    fault_dump_hex(" mmfar=", SCB_MMFAR);
    fault_dump_hex(" bfar=", SCB_BFAR);
    put_bits(cfsr, cfsr_bits, sizeof cfsr_bits / sizeof cfsr_bits[0]);
    put_bits(hfsr, hfsr_bits, sizeof hfsr_bits / sizeof hfsr_bits[0]);
    fault_dump_end();
    board_exit(BOARD_EXIT_FAULT);
}
