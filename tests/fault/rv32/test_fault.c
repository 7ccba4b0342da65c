/*
 * test_fault.c - deliberate faults for the fault-dump checks (fault_test
 * image, RV32 boards). Each test crashes the run on purpose; ctest runs one
 * at a time and checks the PORTOLAN-FAULT dump and the exit code
 * (BOARD_EXIT_FAULT). Group Fault.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

/* All zeros is an illegal instruction in every RISC-V encoding. */
static void illegal_instruction(void *arg)
{
    (void)arg;
    __asm volatile(".word 0");
}

PTEST(Fault, illegal_instruction_in_task)
{
    ptest_task_create(illegal_instruction, "crasher", PTEST_RUNNER_PRIORITY + 1U, NULL);
    TEST_FAIL("the crasher task came back");
}

/* Nothing answers at 0x4 on the virt machine (the boot ROM is at 0x1000):
 * a store access fault. The address is a variable so that the compiler
 * cannot see the access is bad. */
static volatile uintptr_t no_device = 0x4U;

static void bad_store(void)
{
    *(volatile uint32_t *)no_device = 1U;
}

PTEST(Fault, store_fault_in_interrupt)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_HIGH, bad_store);
    board_test_irq_trigger(BOARD_TEST_IRQ_HIGH);
    TEST_FAIL("the interrupt came back");
}
