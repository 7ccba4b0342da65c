/*
 * board.c - qemu-virt-rv32 board support: NS16550A console, exit code
 * through the SiFive test device, arguments from the device tree, test
 * interrupts, CPU burning on mtime.
 *
 * Test interrupts are supervisor-level interrupts, which machine-mode
 * software can make pending itself (mip.SSIP/STIP) and which trap to
 * machine mode since nothing is delegated. Their nesting is done in
 * software: each handler runs with only the more urgent ones enabled in
 * mie (port_rv32_nest_begin). Timed triggers come from the Goldfish RTC's
 * alarm, a hardware timer on the PLIC (source 11), which is armed for the
 * earliest deadline and makes the due interrupts pending.
 *
 *   LOW   supervisor timer (cause 5)     nested over by HIGH and the RTC
 *   HIGH  supervisor software (cause 1)  nested over by the RTC
 *   RTC   machine external (cause 11)    the timer; never calls the kernel
 *
 * The hart's fixed order among pending interrupts (SSI > STI) is the same,
 * so LOW and HIGH pending together start in priority order. There is no
 * UNMASKED interrupt: the port's critical sections mask every interrupt
 * (portHAS_UNMASKED_INTERRUPTS 0), so requests for it do nothing.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "virt.h"

#define COUNTS_PER_TICK ((uint64_t)(VIRT_MTIME_HZ / configTICK_RATE_HZ))
#define COUNTS_PER_US (VIRT_MTIME_HZ / 1000000UL)
#define NS_PER_COUNT (1000000000UL / VIRT_MTIME_HZ)

#define TEST_IRQS 2U /* LOW and HIGH */
static const uint32_t test_bit[TEST_IRQS] = {MIP_STIP, MIP_SSIP};
/* What may preempt each test handler. */
static const uint32_t nest_enable[TEST_IRQS] = {MIP_SSIP | MIP_MEIP, MIP_MEIP};
static board_irq_handler_t volatile test_handler[TEST_IRQS];
static uint64_t deadline[TEST_IRQS]; /* mtime; 0: none */

const uint8_t *virt_fdt; /* set by startup.S */
static char args[256];
static int args_read;

/* ----- Console, exit ------------------------------------------------------------ */

void virt_uart_write(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        while ((VIRT_UART0[UART_LSR] & UART_LSR_THR_EMPTY) == 0U) {
        }
        VIRT_UART0[UART_RBR_THR] = (uint8_t)buf[i];
    }
}

void board_console_write(const char *buf, size_t len)
{
    /* Masking keeps the bytes of one call together. */
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    virt_uart_write(buf, len);
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}

int board_console_read(void)
{
    if ((VIRT_UART0[UART_LSR] & UART_LSR_DATA_READY) == 0U) {
        return -1;
    }
    return (int)VIRT_UART0[UART_RBR_THR];
}

void virt_exit(int code)
{
    VIRT_TEST = (code == 0) ? TEST_PASS : (((uint32_t)code << 16) | TEST_FAIL);
    for (;;) { /* not under QEMU: stay here */
        __asm volatile("wfi");
    }
}

void board_exit(int code)
{
    virt_exit(code);
}

const char *board_name(void)
{
    return "qemu-virt-rv32";
}

/* ----- Arguments: /chosen/bootargs of the device tree (QEMU -append) ------------ */

static uint32_t be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

#define FDT_MAGIC 0xD00DFEEDUL
#define FDT_BEGIN_NODE 1U
#define FDT_END_NODE 2U
#define FDT_PROP 3U
#define FDT_NOP 4U

/* Walks the structure block (devicetree specification, chapter 5) for the
 * bootargs property of /chosen; NULL if there is none. */
static const char *fdt_bootargs(const uint8_t *fdt)
{
    if (fdt == NULL || be32(fdt) != FDT_MAGIC) {
        return NULL;
    }
    const uint8_t *p = fdt + be32(fdt + 8);
    const uint8_t *end = fdt + be32(fdt + 4);
    const char *strings = (const char *)fdt + be32(fdt + 12);
    int depth = 0;
    int in_chosen = 0;
    while (p + 4 <= end) {
        const uint32_t token = be32(p);
        p += 4;
        if (token == FDT_BEGIN_NODE) {
            const char *name = (const char *)p;
            size_t len = strnlen(name, (size_t)(end - p));
            depth++;
            in_chosen = (depth == 2 && strcmp(name, "chosen") == 0);
            p += (len + 4U) & ~3U;
        } else if (token == FDT_END_NODE) {
            depth--;
            in_chosen = 0;
        } else if (token == FDT_PROP) {
            const uint32_t len = be32(p);
            const char *name = strings + be32(p + 4);
            p += 8;
            if (in_chosen && strcmp(name, "bootargs") == 0 && len > 0U) {
                return (const char *)p;
            }
            p += (len + 3U) & ~3U;
        } else if (token != FDT_NOP) {
            return NULL;
        }
    }
    return NULL;
}

const char *board_args(void)
{
    if (!args_read) {
        const char *a = fdt_bootargs(virt_fdt);
        args_read = 1;
        if (a != NULL) {
            strncpy(args, a, sizeof args - 1U);
        }
    }
    return args;
}

/* ----- Time --------------------------------------------------------------------- */

/* Counts mtime while the caller runs: a gap of more than a tick between
 * two reads is time the caller was preempted, not its CPU time. */
void board_burn_cpu(uint32_t us)
{
    uint64_t left = (uint64_t)us * COUNTS_PER_US;
    uint64_t prev = port_rv32_mtime();
    while (left > 0U) {
        const uint64_t now = port_rv32_mtime();
        uint64_t step = now - prev;
        if (step > COUNTS_PER_TICK) {
            step = 0;
        }
        left = (step < left) ? left - step : 0U;
        prev = now;
    }
}

/* ----- Test interrupts ------------------------------------------------------------ */

void board_init(void)
{
    VIRT_UART0[UART_LCR] = 0x03U; /* 8N1 */
    VIRT_UART0[UART_FCR] = 0x01U; /* FIFOs on */
    VIRT_UART0[UART_IER] = 0x00U; /* polled */
    PLIC_PRIORITY(PLIC_SRC_RTC) = 1U;
    PLIC_THRESHOLD0 = 0U;
    PLIC_ENABLE0 = 1UL << PLIC_SRC_RTC;
    RTC_CLEAR_ALARM = 1U;
    RTC_CLEAR_INTERRUPT = 1U;
    RTC_IRQ_ENABLED = 1U;
    __asm volatile("csrc mip, %0" ::"r"(MIP_SSIP | MIP_STIP));
    __asm volatile("csrs mie, %0" ::"r"(MIP_SSIP | MIP_STIP | MIP_MEIP));
}

static uint64_t rtc_now(void)
{
    const uint32_t lo = RTC_TIME_LOW;
    return ((uint64_t)RTC_TIME_HIGH << 32) | lo;
}

/* Arms the RTC alarm for the earliest deadline. mtime is read before the
 * RTC, so the alarm never comes before its deadline in mtime terms. Called
 * with interrupts masked. */
static void rtc_program(void)
{
    uint64_t first = 0;
    for (unsigned i = 0; i < TEST_IRQS; i++) {
        if (deadline[i] != 0U && (first == 0U || deadline[i] < first)) {
            first = deadline[i];
        }
    }
    if (first == 0U) {
        RTC_CLEAR_ALARM = 1U;
        return;
    }
    const uint64_t now = port_rv32_mtime();
    uint64_t alarm = rtc_now();
    if (first > now) {
        alarm += (first - now) * NS_PER_COUNT;
    }
    RTC_ALARM_HIGH = (uint32_t)(alarm >> 32);
    RTC_ALARM_LOW = (uint32_t)alarm;
}

static void rtc_interrupt(void)
{
    RTC_CLEAR_INTERRUPT = 1U;
    const uint64_t now = port_rv32_mtime();
    for (unsigned i = 0; i < TEST_IRQS; i++) {
        if (deadline[i] != 0U && deadline[i] <= now) {
            deadline[i] = 0;
            __asm volatile("csrs mip, %0" ::"r"(test_bit[i]));
        }
    }
    rtc_program();
}

static void run_test_irq(enum board_test_irq irq)
{
    __asm volatile("csrc mip, %0" ::"r"(test_bit[irq]));
    const uint32_t saved = port_rv32_nest_begin(nest_enable[irq]);
    board_irq_handler_t h = test_handler[irq];
    if (h != NULL) {
        h();
    }
    port_rv32_nest_end(saved);
}

void board_unexpected_interrupt(uint32_t cause) __attribute__((noreturn));

/* The cause of the board interrupt running, for the fault dump. */
volatile uint32_t virt_active_cause = VIRT_NO_CAUSE;

static void dispatch(uint32_t cause)
{
    switch (cause) {
    case CAUSE_STI:
        run_test_irq(BOARD_TEST_IRQ_LOW);
        break;
    case CAUSE_SSI:
        run_test_irq(BOARD_TEST_IRQ_HIGH);
        break;
    case CAUSE_MEI:
        for (uint32_t src = PLIC_CLAIM0; src != 0U; src = PLIC_CLAIM0) {
            if (src != PLIC_SRC_RTC) {
                board_unexpected_interrupt(cause + (src << 8));
            }
            rtc_interrupt();
            PLIC_CLAIM0 = src; /* complete */
        }
        break;
    default:
        board_unexpected_interrupt(cause);
    }
}

void port_rv32_interrupt(uint32_t cause)
{
    const uint32_t outer = virt_active_cause;
    virt_active_cause = cause;
    dispatch(cause);
    virt_active_cause = outer;
}

void board_test_irq_set_handler(enum board_test_irq irq, board_irq_handler_t handler)
{
    if ((unsigned)irq < TEST_IRQS) {
        test_handler[irq] = handler;
    }
}

void board_test_irq_trigger(enum board_test_irq irq)
{
    if ((unsigned)irq < TEST_IRQS) {
        __asm volatile("csrs mip, %0" ::"r"(test_bit[irq]) : "memory");
    }
}

/* Fires in the middle of the tick period that starts `ticks` ticks from
 * now, so that the kernel has counted that tick, as on the simulator.
 * mtimecmp holds the deadline of the next tick. */
void board_test_irq_trigger_after(enum board_test_irq irq, uint32_t ticks)
{
    if ((unsigned)irq >= TEST_IRQS) {
        return;
    }
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (ticks == 0U) {
        deadline[irq] = 0;
        __asm volatile("csrc mip, %0" ::"r"(test_bit[irq]));
    } else {
        const uint64_t next_tick = ((uint64_t)CLINT_MTIMECMP_HI << 32) | CLINT_MTIMECMP_LO;
        deadline[irq] = next_tick + (ticks - 1U) * COUNTS_PER_TICK + COUNTS_PER_TICK / 2U;
    }
    rtc_program();
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
}
