/*
 * virt.h - the parts of QEMU's RISC-V `virt` machine that the board support
 * uses: NS16550A UART, SiFive test device, CLINT, PLIC, Goldfish RTC.
 * Addresses and interrupt sources follow QEMU's hw/riscv/virt memory map
 * (see docs/port-rv32.md). Private to boards/qemu-virt-rv32.
 */
#ifndef VIRT_H
#define VIRT_H

#include <stddef.h>
#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* ----- NS16550A UART (byte registers) --------------------------------------- */
#define VIRT_UART0 ((volatile uint8_t *)0x10000000UL)
#define UART_RBR_THR 0U
#define UART_IER 1U
#define UART_FCR 2U
#define UART_LCR 3U
#define UART_LSR 5U
#define UART_LSR_DATA_READY 0x01U
#define UART_LSR_THR_EMPTY 0x20U

/* ----- SiFive test device: exits QEMU -------------------------------------- */
#define VIRT_TEST REG32(0x00100000UL)
#define TEST_PASS 0x5555U
#define TEST_FAIL 0x3333U /* (code << 16) | TEST_FAIL exits with code */

/* ----- CLINT (hart 0) -------------------------------------------------------- */
#define VIRT_CLINT 0x02000000UL
#define CLINT_MTIMECMP_LO REG32(VIRT_CLINT + 0x4000UL)
#define CLINT_MTIMECMP_HI REG32(VIRT_CLINT + 0x4004UL)
#define VIRT_MTIME_HZ 10000000UL

/* ----- PLIC, context 0 = hart 0 machine mode ------------------------------------- */
#define VIRT_PLIC 0x0C000000UL
#define PLIC_PRIORITY(src) REG32(VIRT_PLIC + 4UL * (src))
#define PLIC_ENABLE0 REG32(VIRT_PLIC + 0x2000UL)
#define PLIC_THRESHOLD0 REG32(VIRT_PLIC + 0x200000UL)
#define PLIC_CLAIM0 REG32(VIRT_PLIC + 0x200004UL)
#define PLIC_SRC_RTC 11U

/* ----- Goldfish RTC: nanoseconds, one alarm ---------------------------------------- */
#define VIRT_RTC 0x00101000UL
#define RTC_TIME_LOW REG32(VIRT_RTC + 0x00UL) /* reading it latches TIME_HIGH */
#define RTC_TIME_HIGH REG32(VIRT_RTC + 0x04UL)
#define RTC_ALARM_LOW REG32(VIRT_RTC + 0x08UL) /* writing it arms the alarm */
#define RTC_ALARM_HIGH REG32(VIRT_RTC + 0x0CUL)
#define RTC_IRQ_ENABLED REG32(VIRT_RTC + 0x10UL)
#define RTC_CLEAR_ALARM REG32(VIRT_RTC + 0x14UL)
#define RTC_CLEAR_INTERRUPT REG32(VIRT_RTC + 0x1CUL)

/* ----- mip / mie bits ----------------------------------------------------------- */
#define MIP_SSIP (1UL << 1)
#define MIP_STIP (1UL << 5)
#define MIP_MEIP (1UL << 11)
#define CAUSE_SSI 1U
#define CAUSE_STI 5U
#define CAUSE_MEI 11U

/* Board internals shared by board.c and fault.c. */
void virt_uart_write(const char *buf, size_t len);
void virt_exit(int code) __attribute__((noreturn));
#define VIRT_NO_CAUSE 0xFFFFFFFFUL
extern volatile uint32_t virt_active_cause; /* of the board interrupt running */

#endif /* VIRT_H */
