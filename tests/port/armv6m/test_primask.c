/*
 * test_primask.c - ARMv6-M: critical sections mask through PRIMASK, so
 * they hold back every interrupt, the most urgent test interrupt too, and
 * release them in priority order when they end; the ISR-level mask does the
 * same inside an interrupt; every maskable interrupt may call the kernel,
 * and NMI, which PRIMASK cannot mask, may not. These replace the tests of
 * interrupts above the syscall priority, which ARMv6-M does not have.
 *
 * The NMI test takes over NMI_Handler (the CMSIS name the board's vector
 * table uses); an NMI it did not raise goes on to HardFault_Handler, the
 * board's fault dump.
 */
#include "FreeRTOS.h"
#include "semphr.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

#define ICSR (*(volatile uint32_t *)0xE000ED04UL)
#define ICSR_NMIPENDSET (1UL << 31)

static char trail[16];
static volatile unsigned trail_len;
static SemaphoreHandle_t sem;
static volatile BaseType_t low_result;
static volatile BaseType_t high_result;

static void mark(char c)
{
    UBaseType_t m = portSET_INTERRUPT_MASK_FROM_ISR();
    if (trail_len < sizeof trail - 1U) {
        trail[trail_len++] = c;
        trail[trail_len] = '\0';
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(m);
}

static void mark_low(void)
{
    mark('L');
}

static void mark_high(void)
{
    mark('H');
}

static void reset_trail(void)
{
    trail_len = 0;
    trail[0] = '\0';
}

PTEST(Port, critical_section_holds_back_every_interrupt)
{
    reset_trail();
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, mark_low);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, mark_high);
    taskENTER_CRITICAL();
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    mark('a');
    taskEXIT_CRITICAL(); /* both are taken here, the more urgent first */
    mark('b');
    TEST_ASSERT_EQUAL_STRING("aHLb", trail);

    reset_trail();
    taskDISABLE_INTERRUPTS();
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    mark('a');
    taskENABLE_INTERRUPTS();
    TEST_ASSERT_EQUAL_STRING("aH", trail);
}

static void low_masks_then_triggers_high(void)
{
    UBaseType_t m = taskENTER_CRITICAL_FROM_ISR();
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    mark('l');
    taskEXIT_CRITICAL_FROM_ISR(m); /* HIGH nests here */
    mark('L');
}

PTEST(Port, isr_mask_holds_back_a_more_urgent_interrupt)
{
    reset_trail();
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, low_masks_then_triggers_high);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, mark_high);
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    TEST_ASSERT_EQUAL_STRING("lHL", trail);
}

static void give_from_low(void)
{
    BaseType_t woken = pdFALSE;
    low_result = xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

static void give_from_high(void)
{
    BaseType_t woken = pdFALSE;
    high_result = xSemaphoreGiveFromISR(sem, &woken);
    portYIELD_FROM_ISR(woken);
}

PTEST(Port, kernel_calls_allowed_from_every_maskable_priority)
{
    sem = xSemaphoreCreateCounting(2, 0);
    TEST_ASSERT_NOT_NULL(sem);
    low_result = pdFALSE;
    high_result = pdFALSE;
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, give_from_low);
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, give_from_high);
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    const UBaseType_t count = uxSemaphoreGetCount(sem);
    vSemaphoreDelete(sem);
    sem = NULL;
    TEST_ASSERT_EQUAL(pdTRUE, low_result);
    TEST_ASSERT_EQUAL(pdTRUE, high_result);
    TEST_ASSERT_EQUAL(2, count);
}

/* ----- NMI --------------------------------------------------------------------- */

volatile uint32_t port_test_nmi_armed;
static volatile unsigned nmi_asserts;

void NMI_Handler(void);
void HardFault_Handler(void);
void port_test_nmi(void);

void port_test_nmi(void)
{
    BaseType_t woken = pdFALSE;
    port_test_nmi_armed = 0;
    TEST_EXPECT_ASSERT(xSemaphoreGiveFromISR(sem, &woken));
    nmi_asserts++;
}

/* The exception return address stays in lr for both branches. */
__attribute__((naked)) void NMI_Handler(void)
{
    __asm volatile("ldr r0, =port_test_nmi_armed\n\t"
                   "ldr r0, [r0]\n\t"
                   "cmp r0, #0\n\t"
                   "beq 1f\n\t"
                   "ldr r0, =port_test_nmi\n\t"
                   "bx r0\n"
                   "1:\n\t"
                   "ldr r0, =HardFault_Handler\n\t"
                   "bx r0\n\t"
                   ".ltorg");
}

PTEST(Port, kernel_call_from_nmi_asserts)
{
    sem = xSemaphoreCreateBinary();
    TEST_ASSERT_NOT_NULL(sem);
    nmi_asserts = 0;
    port_test_nmi_armed = 1;
    taskENTER_CRITICAL(); /* PRIMASK does not hold NMI back */
    ICSR = ICSR_NMIPENDSET;
    __asm volatile("dsb\n\tisb" ::: "memory");
    const unsigned inside = nmi_asserts;
    taskEXIT_CRITICAL();
    const UBaseType_t count = uxSemaphoreGetCount(sem);
    vSemaphoreDelete(sem);
    sem = NULL;
    TEST_ASSERT_EQUAL(1, inside);
    TEST_ASSERT_EQUAL(0, count);
}
