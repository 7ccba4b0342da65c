/*
 * test_clint.c - RV32: the tick follows the CLINT's mtime at the configured
 * rate, on a grid that never drifts, ticks held back by a critical section
 * are all counted, and the bit scan that replaces CLZ is right for every
 * bit position.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

#define COUNTS_PER_TICK ((uint64_t)configMTIME_HZ / configTICK_RATE_HZ)

static uint64_t mtimecmp(void)
{
    return ((uint64_t)portCLINT_MTIMECMP[1] << 32) | portCLINT_MTIMECMP[0];
}

PTEST(Port, tick_period_is_configMTIME_HZ_over_configTICK_RATE_HZ)
{
    vTaskDelay(1); /* just after a tick */
    const uint64_t m0 = port_rv32_mtime();
    const TickType_t t0 = xTaskGetTickCount();
    vTaskDelay(100);
    const uint64_t elapsed = port_rv32_mtime() - m0;
    TEST_ASSERT_EQUAL(t0 + 100U, xTaskGetTickCount());
    TEST_ASSERT(elapsed > 99U * COUNTS_PER_TICK);
    TEST_ASSERT(elapsed < 101U * COUNTS_PER_TICK);
}

PTEST(Port, ticks_held_back_by_a_critical_section_are_all_counted)
{
    vTaskDelay(1);
    const uint64_t grid = mtimecmp(); /* the next tick's deadline */
    const TickType_t t0 = xTaskGetTickCount();
    taskENTER_CRITICAL();
    board_burn_cpu(3500U * 1000U / configTICK_RATE_HZ); /* 3.5 ticks, masked */
    const TickType_t inside = xTaskGetTickCount();
    taskEXIT_CRITICAL();
    TEST_ASSERT_EQUAL(t0, inside);
    TEST_ASSERT_EQUAL(t0 + 3U, xTaskGetTickCount()); /* caught up at once */
    /* The next deadline is still on the grid, one period after the last. */
    TEST_ASSERT_EQUAL(grid + 3U * COUNTS_PER_TICK, mtimecmp());
    vTaskDelay(2);
    TEST_ASSERT_EQUAL(grid + 5U * COUNTS_PER_TICK, mtimecmp());
}

static UBaseType_t reference_highest_bit(uint32_t w)
{
    UBaseType_t n = 0;
    while (w > 1U) {
        w >>= 1;
        n++;
    }
    return n;
}

PTEST(Port, highest_set_bit_without_clz)
{
    for (uint32_t bit = 0; bit < 32U; bit++) {
        const uint32_t one = 1UL << bit;
        TEST_ASSERT_EQUAL(bit, portFIND_HIGHEST_SET_BIT(one));
        TEST_ASSERT_EQUAL(bit, portFIND_HIGHEST_SET_BIT(one | (one - 1U)));
        TEST_ASSERT_EQUAL(bit, portFIND_HIGHEST_SET_BIT(one | 1U));
    }
    uint32_t x = 0x12345678U;
    for (int i = 0; i < 1000; i++) {
        x = x * 1664525U + 1013904223U;
        const uint32_t w = x | 1U;
        TEST_ASSERT_EQUAL(reference_highest_bit(w), portFIND_HIGHEST_SET_BIT(w));
    }
}
