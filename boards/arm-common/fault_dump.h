/*
 * fault_dump.h - the common part of the Cortex-M fault dump (format in
 * docs/port-armv7m.md and docs/port-armv6m.md):
 *
 *   PORTOLAN-FAULT <kind> task=<name>|-
 *     pc=0x... lr=0x... xpsr=0x... ctx=thread|irqN|exceptionN sp=0x... exc_return=0x...
 *     r0=0x... r1=0x... r2=0x... r3=0x... r12=0x...
 *     <the board's own lines: fault status registers>
 *   PORTOLAN-FAULT-END exit=70
 *
 * Nothing here uses the C library or calls the kernel beyond reading the
 * running task's name, and memory is read only after checking that it is
 * RAM (linker symbols __ram_start and __ram_end), so that a corrupt stack
 * cannot cause a second fault.
 */
#ifndef ARM_FAULT_DUMP_H
#define ARM_FAULT_DUMP_H

#include <stddef.h>
#include <stdint.h>

/* Provided by the board: writes to the console by polling, with no
 * interrupt, kernel or C library involved; brings the console up first if
 * it is not. */
void fault_dump_write(const char *buf, size_t len);

void fault_dump_put(const char *s);
void fault_dump_hex(const char *label, uint32_t v);
void fault_dump_dec(const char *label, uint32_t v);

/* Prints the first three lines, from the hardware frame the fault pushed
 * (`frame`, on the stack EXC_RETURN bit 2 names) and the active exception
 * number `exc` (IPSR). Exceptions 2 to 6 are named with `names` (NMI,
 * HardFault and, where the architecture has them, MemManage, BusFault,
 * UsageFault); others are "UnexpectedException N" or "UnexpectedIRQ N". */
void fault_dump_begin(const uint32_t *frame, uint32_t exc_return, uint32_t exc,
                      const char *const names[5]);

/* Prints the end marker line. */
void fault_dump_end(void);

#endif /* ARM_FAULT_DUMP_H */
