/*
 * nrf51.h - the parts of the nRF51822 (BBC micro:bit v1) that Portolan's
 * board support uses: CLOCK, UART0, TIMER0-2, NVIC and SCB registers.
 *
 * Addresses, offsets and interrupt numbers follow the nRF51 Series
 * Reference Manual v3.0 and the nRF51822 Product Specification; QEMU's
 * `microbit` machine models them (docs/port-armv6m.md says what it does
 * not). Private to boards/qemu-microbit.
 */
#ifndef NRF51_H
#define NRF51_H

#include <stddef.h>
#include <stdint.h>

#define NRF51_HCLK_HZ 16000000UL
#define NRF51_REG(base, offset) (*(volatile uint32_t *)((base) + (offset)))

/* ----- CLOCK --------------------------------------------------------------- */
#define NRF51_CLOCK 0x40000000UL
#define CLOCK_TASKS_HFCLKSTART 0x000U
#define CLOCK_EVENTS_HFCLKSTARTED 0x100U

/* ----- UART0 (no EasyDMA: one byte at a time) ------------------------------- */
#define NRF51_UART0 0x40002000UL
#define UART_TASKS_STARTRX 0x000U
#define UART_TASKS_STARTTX 0x008U
#define UART_EVENTS_RXDRDY 0x108U
#define UART_EVENTS_TXDRDY 0x11CU
#define UART_ENABLE 0x500U
#define UART_PSELTXD 0x50CU
#define UART_PSELRXD 0x514U
#define UART_RXD 0x518U
#define UART_TXD 0x51CU
#define UART_BAUDRATE 0x524U
#define UART_ENABLE_ON 4U
#define UART_BAUD_115200 0x01D7E000UL
#define MICROBIT_PIN_TX 24U /* the interface chip's virtual COM port */
#define MICROBIT_PIN_RX 25U

/* ----- TIMER0-2: counters with four compare registers -----------------------
 * TIMER0 counts up to 32 bits, TIMER1 and TIMER2 to 16 bits. The count runs
 * at 16 MHz / 2^PRESCALER; an EVENTS_COMPARE[n] is set when it equals
 * CC[n], and raises the interrupt if INTEN has bit 16 + n. */
#define NRF51_TIMER(n) (0x40008000UL + (uint32_t)(n)*0x1000UL)
#define TIMER_TASKS_START 0x000U
#define TIMER_TASKS_STOP 0x004U
#define TIMER_TASKS_CLEAR 0x00CU
#define TIMER_TASKS_CAPTURE(n) (0x040U + 4U * (n))
#define TIMER_EVENTS_COMPARE(n) (0x140U + 4U * (n))
#define TIMER_SHORTS 0x200U
#define TIMER_INTENSET 0x304U
#define TIMER_INTENCLR 0x308U
#define TIMER_MODE 0x504U
#define TIMER_BITMODE 0x508U
#define TIMER_PRESCALER 0x510U
#define TIMER_CC(n) (0x540U + 4U * (n))
#define TIMER_MODE_TIMER 0U
#define TIMER_BITMODE_16 0U
#define TIMER_BITMODE_32 3U
#define TIMER_SHORT_COMPARE_STOP(n) (1UL << (8U + (n)))
#define TIMER_INT_COMPARE(n) (1UL << (16U + (n)))

/* NVIC lines (peripheral ID = address bits 16..12). */
#define NRF51_IRQ_UART0 2U
#define NRF51_IRQ_TIMER0 8U
#define NRF51_IRQ_TIMER1 9U
#define NRF51_IRQ_TIMER2 10U
#define NRF51_IRQ_COUNT 32U

/* ARMv6-M implements 2 priority bits: 0x00, 0x40, 0x80, 0xC0. */
#define NRF51_PRIO_STEP 0x40U

/* ----- NVIC and SCB (ARMv6-M: word access only) ------------------------------ */
#define NVIC_ISER (*(volatile uint32_t *)0xE000E100UL)
#define NVIC_ICER (*(volatile uint32_t *)0xE000E180UL)
#define NVIC_ISPR (*(volatile uint32_t *)0xE000E200UL)
#define NVIC_ICPR (*(volatile uint32_t *)0xE000E280UL)
#define NVIC_IPR ((volatile uint32_t *)0xE000E400UL) /* 4 lines per word */

/* Interrupt handlers of the tick and the test interrupts (board.c). */
void TIMER0_IRQHandler(void);
void TIMER1_IRQHandler(void);
void TIMER2_IRQHandler(void);

/* Board internals shared by board.c, startup.c and fault.c. */
void nrf51_uart_init(void);
void nrf51_uart_write(const char *buf, size_t len);
void nrf51_set_priority(uint32_t line, uint32_t prio);

/* The time base (tick.c): TIMER0 started, once, as a free-running
 * microsecond counter; its count (wrapping at 2^32); the microseconds left
 * until the next tick's deadline. */
void microbit_timebase_start(void);
uint32_t microbit_time_us(void);
uint32_t microbit_us_to_next_tick(void);

#endif /* NRF51_H */
