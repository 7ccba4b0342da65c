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

#define POOL 8U

#if (configUSE_TIMERS == 1)
TimerHandle_t svc_timer(const char *name, TickType_t period, BaseType_t reload, void *id,
                        TimerCallbackFunction_t callback)
{
    static StaticTimer_t pool[POOL];
    static unsigned next;
    if (configSUPPORT_DYNAMIC_ALLOCATION) {
        return xTimerCreate(name, period, reload, id, callback);
    }
    next = (next + 1U) % POOL;
    return xTimerCreateStatic(name, period, reload, id, callback, &pool[next]);
}
#endif /* configUSE_TIMERS */

#if (configUSE_EVENT_GROUPS == 1)
EventGroupHandle_t svc_event_group(void)
{
    static StaticEventGroup_t pool[POOL];
    static unsigned next;
    if (configSUPPORT_DYNAMIC_ALLOCATION) {
        return xEventGroupCreate();
    }
    next = (next + 1U) % POOL;
    return xEventGroupCreateStatic(&pool[next]);
}
#endif /* configUSE_EVENT_GROUPS */

StreamBufferHandle_t svc_stream_buffer(size_t size, size_t trigger, BaseType_t type,
                                       StreamBufferCallbackFunction_t on_send,
                                       StreamBufferCallbackFunction_t on_receive)
{
    static StaticStreamBuffer_t pool[POOL];
    static uint8_t storage[POOL][SVC_POOL_BYTES];
    static unsigned next;
    if (configSUPPORT_DYNAMIC_ALLOCATION) {
        return xStreamBufferGenericCreate(size, trigger, type, on_send, on_receive);
    }
    TEST_ASSERT_TRUE(size <= SVC_POOL_BYTES);
    next = (next + 1U) % POOL;
    return xStreamBufferGenericCreateStatic(size, trigger, type, storage[next], &pool[next],
                                            on_send, on_receive);
}

size_t svc_free_heap(void)
{
#if (configSUPPORT_DYNAMIC_ALLOCATION == 1)
    return xPortGetFreeHeapSize();
#else
    return 0;
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */
}
