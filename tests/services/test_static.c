/*
 * test_static.c - static allocation: every object in the caller's memory,
 * the idle and timer tasks' memory, and (without dynamic allocation) the
 * dynamic creation functions failing cleanly.
 */
#include "services.h"
#include "queue.h"
#include "semphr.h"
#include "timers.h"
#include "event_groups.h"
#include "stream_buffer.h"
#include "message_buffer.h"

static volatile uintptr_t ran_with;

static void static_body(void *arg)
{
    ran_with = (uintptr_t)arg;
    svc_park();
}

PTEST(Kernel, static_task_runs_in_the_given_memory)
{
    static svc_task_mem_t mem;
    const size_t heap = svc_free_heap();
    ran_with = 0;
    TaskHandle_t h = svc_static_task(&mem, static_body, (void *)7, SVC_HIGH);
    TEST_ASSERT_EQUAL_PTR(&mem.tcb, h);
    TEST_ASSERT_EQUAL(7, ran_with);
    TEST_ASSERT_EQUAL(heap, svc_free_heap());
#if (configUSE_TRACE_FACILITY == 1)
    TaskStatus_t st;
    vTaskGetInfo(h, &st, pdFALSE, eInvalid);
    TEST_ASSERT_EQUAL_PTR(mem.stack, st.pxStackBase);
    TEST_ASSERT_EQUAL_PTR(mem.stack + SVC_STACK_WORDS - 1U, st.pxEndOfStack);
#endif /* configUSE_TRACE_FACILITY */
    vTaskDelete(h);
    TEST_ASSERT_EQUAL(heap, svc_free_heap());
}

PTEST(Kernel, static_task_memory_can_be_reused_after_delete)
{
    static svc_task_mem_t mem;
    for (uintptr_t i = 1; i <= 3U; i++) {
        ran_with = 0;
        TaskHandle_t h = svc_static_task(&mem, static_body, (void *)i, SVC_HIGH);
        TEST_ASSERT_EQUAL(i, ran_with);
        vTaskDelete(h);
    }
}

PTEST(Kernel, static_task_null_stack_asserts)
{
    static StaticTask_t tcb;
    TEST_EXPECT_ASSERT(
        (void)xTaskCreateStatic(static_body, "nostack", SVC_STACK_WORDS, NULL, 1, NULL, &tcb));
}

PTEST(Kernel, static_task_null_tcb_asserts)
{
    static StackType_t stack[SVC_STACK_WORDS];
    TEST_EXPECT_ASSERT(
        (void)xTaskCreateStatic(static_body, "notcb", SVC_STACK_WORDS, NULL, 1, stack, NULL));
}

PTEST(Kernel, static_queue_uses_the_given_storage)
{
    static StaticQueue_t qbuf;
    static uint8_t storage[4 * sizeof(uint32_t)];
    uint8_t *got_storage = NULL;
    StaticQueue_t *got_q = NULL;
    uint32_t v = 0xa1b2c3d4U;
    const size_t heap = svc_free_heap();
    QueueHandle_t q = xQueueCreateStatic(4, sizeof(uint32_t), storage, &qbuf);
    TEST_ASSERT_EQUAL_PTR(&qbuf, q);
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    TEST_ASSERT_EQUAL_MEMORY(&v, storage, sizeof v);
    TEST_ASSERT_EQUAL(pdTRUE, xQueueGetStaticBuffers(q, &got_storage, &got_q));
    TEST_ASSERT_EQUAL_PTR(storage, got_storage);
    TEST_ASSERT_EQUAL_PTR(&qbuf, got_q);
    TEST_ASSERT_EQUAL(heap, svc_free_heap());
    vQueueDelete(q);
}

PTEST(Kernel, static_semaphores_and_mutexes)
{
    static StaticSemaphore_t bin;
    static StaticSemaphore_t cnt;
    static StaticSemaphore_t mtx;
    static StaticSemaphore_t rec;
    StaticSemaphore_t *got = NULL;
    const size_t heap = svc_free_heap();
    SemaphoreHandle_t b = xSemaphoreCreateBinaryStatic(&bin);
    SemaphoreHandle_t c = xSemaphoreCreateCountingStatic(5, 2, &cnt);
    SemaphoreHandle_t m = xSemaphoreCreateMutexStatic(&mtx);
    SemaphoreHandle_t r = xSemaphoreCreateRecursiveMutexStatic(&rec);
    TEST_ASSERT_EQUAL(heap, svc_free_heap());
    TEST_ASSERT_EQUAL(pdFALSE, xSemaphoreTake(b, 0));
    TEST_ASSERT_EQUAL(2, uxSemaphoreGetCount(c));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTake(m, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGive(m));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreTakeRecursive(r, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGiveRecursive(r));
    TEST_ASSERT_EQUAL(pdTRUE, xSemaphoreGetStaticBuffer(m, &got));
    TEST_ASSERT_EQUAL_PTR(&mtx, got);
    vSemaphoreDelete(b);
    vSemaphoreDelete(c);
    vSemaphoreDelete(m);
    vSemaphoreDelete(r);
}

#if (configUSE_TIMERS == 1)
static volatile unsigned static_timer_fired;

static void static_timer_cb(TimerHandle_t t)
{
    (void)t;
    static_timer_fired = static_timer_fired + 1U;
}
#endif /* configUSE_TIMERS */

/* Creates one of every object statically, checks none touched the heap. */
PTEST(Kernel, static_every_object_without_the_heap)
{
    static StaticQueue_t qbuf;
    static uint8_t qstore[8];
    static StaticStreamBuffer_t sbuf;
    static uint8_t sstore[16];
    static StaticMessageBuffer_t mbuf;
    static uint8_t mstore[32];
    const size_t heap = svc_free_heap();
    QueueHandle_t q = xQueueCreateStatic(8, 1, qstore, &qbuf);
    StreamBufferHandle_t s = xStreamBufferCreateStatic(sizeof sstore, 1, sstore, &sbuf);
    MessageBufferHandle_t m = xMessageBufferCreateStatic(sizeof mstore, mstore, &mbuf);
#if (configUSE_EVENT_GROUPS == 1)
    static StaticEventGroup_t ebuf;
    EventGroupHandle_t e = xEventGroupCreateStatic(&ebuf);
    TEST_ASSERT_NOT_NULL(e);
#endif /* configUSE_EVENT_GROUPS */
#if (configUSE_TIMERS == 1)
    static StaticTimer_t tbuf;
    static_timer_fired = 0;
    TimerHandle_t t = xTimerCreateStatic("st", 3, pdTRUE, NULL, static_timer_cb, &tbuf);
    TEST_ASSERT_EQUAL(pdPASS, xTimerStart(t, 0));
    vTaskDelay(7);
    TEST_ASSERT_EQUAL(2, static_timer_fired);
#endif /* configUSE_TIMERS */
    TEST_ASSERT_NOT_NULL(q);
    TEST_ASSERT_NOT_NULL(s);
    TEST_ASSERT_NOT_NULL(m);
    TEST_ASSERT_EQUAL(heap, svc_free_heap());
    vQueueDelete(q);
    vStreamBufferDelete(s);
    vMessageBufferDelete(m);
#if (configUSE_EVENT_GROUPS == 1)
    vEventGroupDelete(e);
#endif /* configUSE_EVENT_GROUPS */
#if (configUSE_TIMERS == 1)
    TEST_ASSERT_EQUAL(pdPASS, xTimerDelete(t, 0));
#endif /* configUSE_TIMERS */
    TEST_ASSERT_EQUAL(heap, svc_free_heap());
}

#if (configUSE_TRACE_FACILITY == 1)
static size_t stack_words(TaskHandle_t h, StackType_t **base)
{
    TaskStatus_t st;
    vTaskGetInfo(h, &st, pdFALSE, eInvalid);
    *base = st.pxStackBase;
    return (size_t)(st.pxEndOfStack - st.pxStackBase) + 1U;
}

PTEST(Kernel, static_idle_task_memory)
{
    StackType_t *base = NULL;
    const size_t words = stack_words(xTaskGetIdleTaskHandle(), &base);
    if (configSUPPORT_DYNAMIC_ALLOCATION && !configSUPPORT_STATIC_ALLOCATION) {
        TEST_IGNORE("the idle task is allocated from the heap");
    }
    TEST_ASSERT_EQUAL(configMINIMAL_STACK_SIZE, words);
    if (!configKERNEL_PROVIDED_STATIC_MEMORY) {
        TEST_ASSERT_EQUAL_PTR(svc_idle_stack, base);
        TEST_ASSERT_EQUAL(1, svc_idle_memory_requests);
    }
}

#if (configUSE_TIMERS == 1)
PTEST(Kernel, static_timer_task_memory)
{
    StackType_t *base = NULL;
    const size_t words = stack_words(xTimerGetTimerDaemonTaskHandle(), &base);
    TEST_ASSERT_EQUAL(configTIMER_TASK_STACK_DEPTH, words);
    if (!configKERNEL_PROVIDED_STATIC_MEMORY) {
        TEST_ASSERT_EQUAL_PTR(svc_timer_stack, base);
        TEST_ASSERT_EQUAL(1, svc_timer_memory_requests);
    }
}
#endif /* configUSE_TIMERS */
#endif /* configUSE_TRACE_FACILITY */

#if (configSUPPORT_DYNAMIC_ALLOCATION == 0)
/* Without dynamic allocation the kernel has no heap at all: the dynamic
 * creation functions assert before touching anything. */
PTEST(Kernel, static_only_dynamic_queue_creation_asserts)
{
    TEST_EXPECT_ASSERT((void)xQueueCreate(2, 4));
    TEST_EXPECT_ASSERT((void)xSemaphoreCreateMutex());
}

PTEST(Kernel, static_only_dynamic_task_creation_asserts)
{
    TaskHandle_t h = NULL;
    const UBaseType_t tasks = uxTaskGetNumberOfTasks();
    TEST_EXPECT_ASSERT((void)xTaskCreate(static_body, "dyn", SVC_STACK_WORDS, NULL, 1, &h));
    TEST_ASSERT_NULL(h);
    TEST_ASSERT_EQUAL(tasks, uxTaskGetNumberOfTasks());
}

PTEST(Kernel, static_only_dynamic_service_creation_asserts)
{
    TEST_EXPECT_ASSERT((void)xStreamBufferCreate(8, 1));
    TEST_EXPECT_ASSERT((void)xMessageBufferCreate(32));
#if (configUSE_EVENT_GROUPS == 1)
    TEST_EXPECT_ASSERT((void)xEventGroupCreate());
#endif /* configUSE_EVENT_GROUPS */
#if (configUSE_TIMERS == 1)
    TEST_EXPECT_ASSERT((void)xTimerCreate("dyn", 5, pdFALSE, NULL, static_timer_cb));
#endif /* configUSE_TIMERS */
}
#endif /* configSUPPORT_DYNAMIC_ALLOCATION == 0 */
