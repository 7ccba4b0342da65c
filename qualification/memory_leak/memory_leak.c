/*
 * memory_leak.c - the MemoryLeak group, run last: creating and deleting
 * kernel objects gives all their memory back, and the whole run left the
 * heap as it found it.
 */
#include "FreeRTOS.h"
#include "queue.h"
#include "semphr.h"
#include "task.h"
#include "ptest.h"

#define CYCLES 8

static void idle_forever(void *arg)
{
    (void)arg;
    for (;;) {
        vTaskDelay(portMAX_DELAY);
    }
}

PTEST(MemoryLeak, queue_create_delete)
{
    size_t before = xPortGetFreeHeapSize();
    for (int i = 0; i < CYCLES; i++) {
        QueueHandle_t q = xQueueCreate(4, sizeof(uint32_t));
        TEST_ASSERT_NOT_NULL(q);
        vQueueDelete(q);
    }
    TEST_ASSERT_EQUAL(before, xPortGetFreeHeapSize());
}

PTEST(MemoryLeak, semaphore_and_mutex_create_delete)
{
    size_t before = xPortGetFreeHeapSize();
    for (int i = 0; i < CYCLES; i++) {
        SemaphoreHandle_t s[3] = {xSemaphoreCreateBinary(), xSemaphoreCreateMutex(),
                                  xSemaphoreCreateRecursiveMutex()};
        for (int k = 0; k < 3; k++) {
            TEST_ASSERT_NOT_NULL(s[k]);
            vSemaphoreDelete(s[k]);
        }
    }
    TEST_ASSERT_EQUAL(before, xPortGetFreeHeapSize());
}

PTEST(MemoryLeak, task_create_delete)
{
    size_t before = xPortGetFreeHeapSize();
    for (int i = 0; i < CYCLES; i++) {
        TaskHandle_t t = NULL;
        TEST_ASSERT_EQUAL(pdPASS, xTaskCreate(idle_forever, "leak", configMINIMAL_STACK_SIZE, NULL,
                                              PTEST_RUNNER_PRIORITY + 1U, &t));
        vTaskDelete(t);
    }
    TEST_ASSERT_EQUAL(before, xPortGetFreeHeapSize());
}

/* Keep this test last in the file: it closes the run. */
PTEST(MemoryLeak, heap_after_all_tests_equals_heap_before)
{
    long leaked = (long)ptest_heap_at_start() - (long)xPortGetFreeHeapSize();
    if (leaked != 0) {
        ptest_fail(__FILE__, __LINE__, "the tests of this run leaked %ld bytes of heap", leaked);
    }
}
