/*
 * integrity.c - the Integrity group: what was built and whether the test
 * framework itself works on this board. The host adds its own checks to
 * the group (the version and sources hash match this tree).
 */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "ptest.h"

PTEST(Integrity, version_and_sources_reported)
{
    TEST_ASSERT_MESSAGE(strlen(PORTOLAN_VERSION) > 0U, "PORTOLAN_VERSION is empty");
    TEST_ASSERT_MESSAGE(strcmp(ptest_sources_hash(), "unknown") != 0,
                        "the image was built without the hash of its test sources");
    ptest_printf("PORTOLAN-INFO version=%s sources=%s board=%s\n", PORTOLAN_VERSION,
                 ptest_sources_hash(), board_name());
}

PTEST(Integrity, board_name_set)
{
    TEST_ASSERT_NOT_NULL(board_name());
    TEST_ASSERT_MESSAGE(strlen(board_name()) > 0U, "board_name() is empty");
}

/* The framework ends a test on an assertion by longjmp: this needs setjmp
 * and longjmp to work on task stacks under this port. */
PTEST(Integrity, framework_catches_config_assert)
{
    volatile int reached = 0;
    TEST_EXPECT_ASSERT(configASSERT(reached != 0));
    reached = 1;
    TEST_ASSERT_EQUAL(1, reached);
}

PTEST(Integrity, scheduler_running)
{
    TEST_ASSERT_EQUAL(taskSCHEDULER_RUNNING, xTaskGetSchedulerState());
    TEST_ASSERT_EQUAL(PTEST_RUNNER_PRIORITY, uxTaskPriorityGet(NULL));
}

static void log_from_interrupt(void)
{
    configPRINT_STRING("[log] written by an interrupt");
}

/* Application logs (configPRINT_STRING) come out as whole lines even when a
 * task writes a line in pieces and an interrupt logs in between: the host
 * would see a damaged line otherwise. */
PTEST(Integrity, application_logs_stay_whole_lines)
{
    configPRINT_STRING("[log] a line written ");
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, log_from_interrupt);
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
    board_burn_cpu(10U);
    configPRINT_STRING("in two pieces\n");
}
