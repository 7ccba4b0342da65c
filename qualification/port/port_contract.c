/*
 * port_contract.c - port contract checks that complement tests/port/ (the
 * Port group's main tests): the tick itself is masked by critical sections,
 * masks nest, the ISR-level mask holds kernel-aware interrupts, the tick
 * drives delays, taskYIELD() reaches an equal-priority task, and the tick
 * markers the host times on real boards (portable.h holds the contract).
 *
 * Results are sampled inside critical sections and asserted after leaving
 * them: a failing assertion must not leave the critical section entered.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

#define US_PER_TICK (1000000U / configTICK_RATE_HZ)

/* Fails with the port's symptom spelled out. */
#define EXPECT_EQUAL(expected, actual, symptom)                                              \
    do {                                                                                     \
        long e_ = (long)(expected);                                                          \
        long a_ = (long)(actual);                                                            \
        if (e_ != a_) {                                                                      \
            ptest_fail(__FILE__, __LINE__, "%s (expected %ld, was %ld)", (symptom), e_, a_); \
        }                                                                                    \
    } while (0)

static volatile uint32_t low_runs;
static volatile uint32_t helper_runs;
static TaskHandle_t helper;

static void count_low(void)
{
    low_runs++;
}

static void setup(void)
{
    low_runs = 0;
    helper_runs = 0;
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, count_low);
}

PTEST_FIXTURE(PortContract, setup, NULL);

PTEST(PortContract, critical_section_masks_the_tick)
{
    taskENTER_CRITICAL();
    TickType_t before = xTaskGetTickCount();
    board_burn_cpu(3U * US_PER_TICK);
    TickType_t inside = xTaskGetTickCount();
    taskEXIT_CRITICAL();
    board_burn_cpu(US_PER_TICK / 4U);
    TickType_t after = xTaskGetTickCount();
    EXPECT_EQUAL(before, inside, "the tick advanced inside a critical section: it is not masked");
    TEST_ASSERT_MESSAGE(after != inside, "the tick held back by the critical section never came");
}

PTEST(PortContract, critical_sections_nest)
{
    taskENTER_CRITICAL();
    taskENTER_CRITICAL();
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    taskEXIT_CRITICAL();
    board_burn_cpu(10U);
    uint32_t inner_exit = low_runs;
    taskEXIT_CRITICAL();
    EXPECT_EQUAL(0, inner_exit, "leaving a nested critical section unmasked interrupts");
    EXPECT_EQUAL(1, low_runs, "the interrupt held back by the critical section never ran");
}

PTEST(PortContract, mask_from_isr_api_masks_and_restores)
{
    UBaseType_t saved = taskENTER_CRITICAL_FROM_ISR();
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    board_burn_cpu(10U);
    uint32_t inside = low_runs;
    taskEXIT_CRITICAL_FROM_ISR(saved);
    board_burn_cpu(10U);
    EXPECT_EQUAL(0, inside, "portSET_INTERRUPT_MASK_FROM_ISR() did not mask");
    EXPECT_EQUAL(1, low_runs, "portCLEAR_INTERRUPT_MASK_FROM_ISR() did not restore the mask");
}

static void wait_for_notification(void *arg)
{
    (void)arg;
    (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
    helper_runs++;
}

PTEST(PortContract, tick_drives_delays_exactly)
{
    vTaskDelay(1); /* start on a tick boundary */
    TickType_t start = xTaskGetTickCount();
    vTaskDelay(25);
    EXPECT_EQUAL(start + 25U, xTaskGetTickCount(), "vTaskDelay(25) did not last 25 ticks");
}

PTEST(PortContract, yield_gives_way_to_equal_priority)
{
    helper = ptest_task_create(wait_for_notification, "peer", PTEST_RUNNER_PRIORITY, NULL);
    (void)xTaskNotifyGive(helper);
    EXPECT_EQUAL(0, helper_runs, "an equal-priority task preempted without a yield");
    taskYIELD();
    EXPECT_EQUAL(1, helper_runs, "taskYIELD() did not run the ready equal-priority task");
}

/* Two markers qualify times against the host's clock when the board's
 * descriptor asks for a tick check (real boards: the tick must last
 * 1/configTICK_RATE_HZ of a real second). Ticks are virtual elsewhere. */
#ifndef PTEST_TICK_CHECK_TICKS
#define PTEST_TICK_CHECK_TICKS (2U * configTICK_RATE_HZ)
#endif /* PTEST_TICK_CHECK_TICKS */

PTEST(PortContract, tick_rate_markers_for_the_host)
{
    vTaskDelay(1);
    TickType_t start = xTaskGetTickCount();
    ptest_printf("PORTOLAN-TICK begin tick=%lu hz=%lu\n", (unsigned long)start,
                 (unsigned long)configTICK_RATE_HZ);
    vTaskDelay(PTEST_TICK_CHECK_TICKS);
    ptest_printf("PORTOLAN-TICK end tick=%lu\n", (unsigned long)xTaskGetTickCount());
    EXPECT_EQUAL(start + PTEST_TICK_CHECK_TICKS, xTaskGetTickCount(), "the delay was not exact");
}
