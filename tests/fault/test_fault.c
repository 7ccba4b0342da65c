/*
 * test_fault.c - deliberate faults for the fault-dump checks (fault_test
 * image, Cortex-M boards). Each test crashes the run on purpose; ctest runs
 * one at a time and checks the PORTOLAN-FAULT dump and the exit code
 * (BOARD_EXIT_FAULT). Group Fault.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

static void undefined_instruction(void *arg)
{
    (void)arg;
    __asm volatile("udf #0x42");
}

PTEST(Fault, undefined_instruction_in_task)
{
    ptest_task_create(undefined_instruction, "crasher", PTEST_RUNNER_PRIORITY + 1U, NULL);
    TEST_FAIL("the crasher task came back");
}

/* Nothing answers at 0x60000000 on the MPS2 boards (a precise bus error) or
 * on the micro:bit (a HardFault, ARMv6-M's only fault). */
static void bad_read(void)
{
    (void)*(volatile uint32_t *)0x60000000UL;
}

PTEST(Fault, bus_error_in_interrupt)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, bad_read);
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    TEST_FAIL("the interrupt came back");
}
