/*
 * services.c - helpers of the kernel-services tests (see services.h).
 */
#include "services.h"

TaskHandle_t svc_static_task(svc_task_mem_t *mem, TaskFunction_t fn, void *arg,
                             UBaseType_t priority)
{
    TaskHandle_t h =
        xTaskCreateStatic(fn, "svc", SVC_STACK_WORDS, arg, priority, mem->stack, &mem->tcb);
    TEST_ASSERT_NOT_NULL(h);
    return h;
}

void svc_park(void)
{
    for (;;) {
        vTaskSuspend(NULL);
    }
}

void svc_run_in_isr(board_irq_handler_t fn)
{
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, fn);
    board_test_irq_trigger(BOARD_TEST_IRQ_LOW);
}

void svc_delay_until(TickType_t tick)
{
    TickType_t now = xTaskGetTickCount();
    if (tick != now) {
        vTaskDelay((TickType_t)(tick - now));
    }
}

size_t svc_free_heap(void)
{
#if (configSUPPORT_DYNAMIC_ALLOCATION == 1)
    return xPortGetFreeHeapSize();
#else
    return 0;
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */
}
