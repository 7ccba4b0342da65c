/*
 * mps2.h - the parts of the MPS2 AN385/AN386 FPGA images (Cortex-M3 /
 * Cortex-M4) that Portolan's board support uses: CMSDK APB UART, timers and
 * dual timer, NVIC and SCB registers, semihosting.
 *
 * Addresses and interrupt numbers follow the AN385 application note and
 * QEMU's mps2 model; the peripherals follow the Cortex-M System Design Kit
 * TRM (DDI 0479). Private to boards/mps2-common.
 */
#ifndef MPS2_H
#define MPS2_H

#include <stddef.h>
#include <stdint.h>

#define MPS2_SYSCLK_HZ 25000000UL

/* ----- CMSDK APB UART ---------------------------------------------------- */
struct cmsdk_uart {
    volatile uint32_t data;
    volatile uint32_t state; /* bit 0 TX full, bit 1 RX full */
    volatile uint32_t ctrl;  /* bit 0 TX enable, bit 1 RX enable */
    volatile uint32_t intstatus;
    volatile uint32_t bauddiv;
};
#define MPS2_UART0 ((struct cmsdk_uart *)0x40004000UL)
#define UART_STATE_TXFULL 1U
#define UART_STATE_RXFULL 2U
#define UART_CTRL_TX_RX 3U

/* ----- CMSDK APB timer (32-bit down counter, interrupt at zero) ----------- */
struct cmsdk_timer {
    volatile uint32_t ctrl; /* bit 0 enable, bit 3 interrupt enable */
    volatile uint32_t value;
    volatile uint32_t reload;
    volatile uint32_t intstatus; /* write 1 to clear */
};
#define MPS2_TIMER0 ((struct cmsdk_timer *)0x40000000UL)
#define MPS2_TIMER1 ((struct cmsdk_timer *)0x40001000UL)
#define TIMER_CTRL_ENABLE 1U
#define TIMER_CTRL_IRQ 8U

/* ----- CMSDK APB dual timer (two 32-bit counters) ------------------------ */
struct cmsdk_dualtimer_unit {
    volatile uint32_t load;
    volatile uint32_t value;
    volatile uint32_t ctrl; /* 0 one-shot, 1 32-bit, 5 irq enable, 6 periodic, 7 enable */
    volatile uint32_t intclr;
    volatile uint32_t ris;
    volatile uint32_t mis;
    volatile uint32_t bgload;
    uint32_t reserved;
};
#define MPS2_DUALTIMER1 ((struct cmsdk_dualtimer_unit *)0x40002000UL)
#define MPS2_DUALTIMER2 ((struct cmsdk_dualtimer_unit *)0x40002020UL)
#define DUAL_ONESHOT (1U << 0)
#define DUAL_32BIT (1U << 1)
#define DUAL_IRQ (1U << 5)
#define DUAL_PERIODIC (1U << 6)
#define DUAL_ENABLE (1U << 7)

/* NVIC lines (external interrupt numbers). */
#define MPS2_IRQ_TIMER0 8U
#define MPS2_IRQ_TIMER1 9U
#define MPS2_IRQ_DUALTIMER 10U
#define MPS2_IRQ_COUNT 32U

/* Priority bits implemented by the MPS2 Cortex-M3/M4 images (CMSIS
 * __NVIC_PRIO_BITS); QEMU implements more, which does no harm. */
#define MPS2_NVIC_PRIO_BITS 3U
#define MPS2_PRIO_STEP (1U << (8U - MPS2_NVIC_PRIO_BITS))

/* ----- SCB / NVIC ------------------------------------------------------------ */
#define NVIC_ISER ((volatile uint32_t *)0xE000E100UL)
#define NVIC_ICER ((volatile uint32_t *)0xE000E180UL)
#define NVIC_ISPR ((volatile uint32_t *)0xE000E200UL)
#define NVIC_ICPR ((volatile uint32_t *)0xE000E280UL)
#define NVIC_IPR8 ((volatile uint8_t *)0xE000E400UL)
#define SCB_CPUID (*(volatile uint32_t *)0xE000ED00UL)
#define SCB_ICSR (*(volatile uint32_t *)0xE000ED04UL)
#define SCB_VTOR (*(volatile uint32_t *)0xE000ED08UL)
#define SCB_SHCSR (*(volatile uint32_t *)0xE000ED24UL)
#define SCB_CFSR (*(volatile uint32_t *)0xE000ED28UL)
#define SCB_HFSR (*(volatile uint32_t *)0xE000ED2CUL)
#define SCB_MMFAR (*(volatile uint32_t *)0xE000ED34UL)
#define SCB_BFAR (*(volatile uint32_t *)0xE000ED38UL)
#define SCB_CPACR (*(volatile uint32_t *)0xE000ED88UL)
#define SHCSR_FAULT_ENABLES (7UL << 16) /* MemManage, BusFault, UsageFault */

/* Interrupt handlers of the test interrupts (board.c, weak). */
void TIMER0_IRQHandler(void);
void TIMER1_IRQHandler(void);
void DUALTIMER_IRQHandler(void);

/* Board internals shared by board.c, startup.c and syscalls.c.
 * mps2_early_init() (reset path, before main()): console and pacer, so that
 * printf and idle time work even if the application skips board_init(). */
void mps2_early_init(void);
void mps2_uart_init(void);
void mps2_uart_write(const char *buf, size_t len);

#endif /* MPS2_H */
