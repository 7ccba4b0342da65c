/*
 * test_smoke.c - first checks that the scheduler, a queue and a delay work.
 */
#include "FreeRTOS.h"
#include "queue.h"
#include "task.h"
#include "ptest.h"

static QueueHandle_t smoke_q;

static void producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 5; i++) {
        TEST_ASSERT_EQUAL(pdPASS, xQueueSend(smoke_q, &i, portMAX_DELAY));
    }
}

PTEST(Kernel, smoke_queue_between_tasks)
{
    smoke_q = xQueueCreate(2, sizeof(int));
    TEST_ASSERT_NOT_NULL(smoke_q);
    ptest_task_create(producer, "prod", PTEST_RUNNER_PRIORITY - 1U, NULL);
    for (int i = 0; i < 5; i++) {
        int v = -1;
        TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(smoke_q, &v, 100));
        TEST_ASSERT_EQUAL(i, v);
    }
    vQueueDelete(smoke_q);
}

PTEST(Kernel, smoke_delay_is_exact)
{
    TickType_t start = xTaskGetTickCount();
    vTaskDelay(10000);
    TEST_ASSERT_EQUAL(start + 10000U, xTaskGetTickCount());
}
