/*
 * test_event_groups.c - event groups (event_groups.h).
 */
#include "services.h"
#include "event_groups.h"

#if (configUSE_EVENT_GROUPS == 1)

#define BIT0 ((EventBits_t)0x01U)
#define BIT1 ((EventBits_t)0x02U)
#define BIT2 ((EventBits_t)0x04U)
#define BIT3 ((EventBits_t)0x08U)
#define TOP_BIT ((EventBits_t)1 << (sizeof(EventBits_t) * 8U - 9U))

static EventGroupHandle_t eg;

static EventGroupHandle_t make(void)
{
    eg = svc_event_group();
    TEST_ASSERT_NOT_NULL(eg);
    return eg;
}

/* A waiter helper: waits per its request and records the result. */
struct waiter {
    EventBits_t want;
    BaseType_t clear;
    BaseType_t all;
    TickType_t ticks;
    volatile EventBits_t got;
    volatile TickType_t at;
    volatile int done;
};

static void waiter_task(void *arg)
{
    struct waiter *w = arg;
    w->got = xEventGroupWaitBits(eg, w->want, w->clear, w->all, w->ticks);
    w->at = xTaskGetTickCount();
    w->done = 1;
}

static void start_waiter_for(struct waiter *w, EventBits_t want, BaseType_t clear, BaseType_t all,
                             UBaseType_t priority, TickType_t ticks)
{
    w->want = want;
    w->clear = clear;
    w->all = all;
    w->ticks = ticks;
    w->got = 0;
    w->at = 0;
    w->done = 0;
    (void)ptest_task_create(waiter_task, "waiter", priority, w);
}

static void start_waiter(struct waiter *w, EventBits_t want, BaseType_t clear, BaseType_t all,
                         UBaseType_t priority)
{
    start_waiter_for(w, want, clear, all, priority, portMAX_DELAY);
}

/* ----- Creation and simple operations ------------------------------------------ */

PTEST(Kernel, event_group_created_with_all_bits_clear)
{
    make();
    TEST_ASSERT_EQUAL(0, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_static_uses_buffer)
{
    static StaticEventGroup_t buf;
    StaticEventGroup_t *got = NULL;
    const size_t heap = svc_free_heap();
    EventGroupHandle_t g = xEventGroupCreateStatic(&buf);
    TEST_ASSERT_EQUAL_PTR(&buf, g);
    TEST_ASSERT_EQUAL(heap, svc_free_heap());
    TEST_ASSERT_EQUAL(pdTRUE, xEventGroupGetStaticBuffer(g, &got));
    TEST_ASSERT_EQUAL_PTR(&buf, got);
    TEST_ASSERT_EQUAL(BIT1, xEventGroupSetBits(g, BIT1));
    vEventGroupDelete(g);
}

PTEST(Kernel, event_group_static_null_buffer_asserts)
{
    TEST_EXPECT_ASSERT((void)xEventGroupCreateStatic(NULL));
}

PTEST(Kernel, event_group_dynamic_has_no_static_buffer)
{
    if (!configSUPPORT_DYNAMIC_ALLOCATION) {
        TEST_IGNORE("no dynamic allocation");
    }
    StaticEventGroup_t *got = NULL;
    make();
    TEST_ASSERT_EQUAL(pdFALSE, xEventGroupGetStaticBuffer(eg, &got));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_set_accumulates_and_returns_value)
{
    make();
    TEST_ASSERT_EQUAL(BIT0, xEventGroupSetBits(eg, BIT0));
    TEST_ASSERT_EQUAL(BIT0 | BIT2, xEventGroupSetBits(eg, BIT2));
    TEST_ASSERT_EQUAL(BIT0 | BIT2, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_clear_returns_value_before_clearing)
{
    make();
    (void)xEventGroupSetBits(eg, BIT0 | BIT1 | BIT2);
    TEST_ASSERT_EQUAL(BIT0 | BIT1 | BIT2, xEventGroupClearBits(eg, BIT1));
    TEST_ASSERT_EQUAL(BIT0 | BIT2, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_highest_usable_bit_works)
{
    make();
    TEST_ASSERT_EQUAL(TOP_BIT, xEventGroupSetBits(eg, TOP_BIT));
    TEST_ASSERT_EQUAL(TOP_BIT, xEventGroupWaitBits(eg, TOP_BIT, pdTRUE, pdTRUE, 0));
    TEST_ASSERT_EQUAL(0, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_usable_bits_leave_top_byte_to_kernel)
{
    TEST_ASSERT_EQUAL(sizeof(TickType_t), sizeof(EventBits_t));
    TEST_ASSERT_EQUAL((EventBits_t)0xffU << (8U * (sizeof(EventBits_t) - 1U)),
                      eventEVENT_BITS_CONTROL_BYTES);
}

PTEST(Kernel, event_group_set_control_bits_asserts)
{
    make();
    TEST_EXPECT_ASSERT((void)xEventGroupSetBits(eg, eventWAIT_FOR_ALL_BITS));
    TEST_ASSERT_EQUAL(0, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_clear_control_bits_asserts)
{
    make();
    TEST_EXPECT_ASSERT((void)xEventGroupClearBits(eg, eventCLEAR_EVENTS_ON_EXIT_BIT));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_null_handle_asserts)
{
    TEST_EXPECT_ASSERT((void)xEventGroupSetBits(NULL, BIT0));
}

/* ----- Waiting ----------------------------------------------------------------- */

PTEST(Kernel, event_group_wait_any_already_set_returns_at_once)
{
    make();
    (void)xEventGroupSetBits(eg, BIT1);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(BIT1, xEventGroupWaitBits(eg, BIT0 | BIT1, pdFALSE, pdFALSE, 10));
    TEST_ASSERT_EQUAL(start, xTaskGetTickCount());
    TEST_ASSERT_EQUAL(BIT1, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_wait_all_already_set_clears_on_exit)
{
    make();
    (void)xEventGroupSetBits(eg, BIT0 | BIT1 | BIT3);
    TEST_ASSERT_EQUAL(BIT0 | BIT1 | BIT3, xEventGroupWaitBits(eg, BIT0 | BIT1, pdTRUE, pdTRUE, 0));
    TEST_ASSERT_EQUAL(BIT3, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_wait_all_partial_times_out_with_current_value)
{
    make();
    (void)xEventGroupSetBits(eg, BIT0);
    const TickType_t start = xTaskGetTickCount();
    const EventBits_t r = xEventGroupWaitBits(eg, BIT0 | BIT1, pdTRUE, pdTRUE, 15);
    TEST_ASSERT_EQUAL(TICK(start + 15U), xTaskGetTickCount());
    TEST_ASSERT_EQUAL(BIT0, r);
    TEST_ASSERT_EQUAL(BIT0, xEventGroupGetBits(eg)); /* not cleared: condition unmet */
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_wait_zero_ticks_returns_current_value)
{
    make();
    (void)xEventGroupSetBits(eg, BIT2);
    TEST_ASSERT_EQUAL(BIT2, xEventGroupWaitBits(eg, BIT0, pdTRUE, pdFALSE, 0));
    TEST_ASSERT_EQUAL(BIT2, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_wait_for_no_bits_asserts)
{
    make();
    TEST_EXPECT_ASSERT((void)xEventGroupWaitBits(eg, 0, pdFALSE, pdFALSE, 0));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_wait_for_control_bits_asserts)
{
    make();
    TEST_EXPECT_ASSERT(
        (void)xEventGroupWaitBits(eg, eventUNBLOCKED_DUE_TO_BIT_SET, pdFALSE, pdFALSE, 0));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_wait_with_scheduler_suspended_asserts)
{
    make();
    vTaskSuspendAll();
    TEST_EXPECT_ASSERT((void)xEventGroupWaitBits(eg, BIT0, pdFALSE, pdFALSE, 5));
    (void)xTaskResumeAll();
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_wait_any_blocks_until_a_bit_is_set)
{
    static struct waiter w;
    make();
    start_waiter(&w, BIT0 | BIT1, pdFALSE, pdFALSE, SVC_LOW);
    vTaskDelay(5);
    TEST_ASSERT_FALSE(w.done);
    const TickType_t set_at = xTaskGetTickCount();
    (void)xEventGroupSetBits(eg, BIT1 | BIT2);
    vTaskDelay(1);
    TEST_ASSERT_TRUE(w.done);
    TEST_ASSERT_EQUAL(BIT1 | BIT2, w.got);
    TEST_ASSERT_EQUAL(set_at, w.at);
    TEST_ASSERT_EQUAL(BIT1 | BIT2, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_wait_all_blocks_until_every_bit_is_set)
{
    static struct waiter w;
    make();
    start_waiter(&w, BIT0 | BIT1, pdTRUE, pdTRUE, SVC_LOW);
    vTaskDelay(2);
    (void)xEventGroupSetBits(eg, BIT0);
    vTaskDelay(2);
    TEST_ASSERT_FALSE(w.done);
    (void)xEventGroupSetBits(eg, BIT1 | BIT3);
    vTaskDelay(1);
    TEST_ASSERT_TRUE(w.done);
    TEST_ASSERT_EQUAL(BIT0 | BIT1 | BIT3, w.got);
    TEST_ASSERT_EQUAL(BIT3, xEventGroupGetBits(eg)); /* only the waited bits were cleared */
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_higher_priority_waiter_runs_before_set_returns)
{
    static struct waiter w;
    make();
    start_waiter(&w, BIT0, pdTRUE, pdFALSE, SVC_HIGH);
    TEST_ASSERT_FALSE(w.done);
    const EventBits_t after = xEventGroupSetBits(eg, BIT0);
    TEST_ASSERT_TRUE(w.done); /* it preempted the setter */
    TEST_ASSERT_EQUAL(BIT0, w.got);
    TEST_ASSERT_EQUAL(0, after); /* the set returns the value after clearing */
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_one_set_wakes_every_satisfied_waiter)
{
    static struct waiter a;
    static struct waiter b;
    static struct waiter c;
    make();
    start_waiter(&a, BIT0, pdFALSE, pdFALSE, SVC_HIGH);
    start_waiter(&b, BIT1, pdFALSE, pdFALSE, SVC_HIGH);
    start_waiter(&c, BIT2, pdFALSE, pdFALSE, SVC_HIGH);
    (void)xEventGroupSetBits(eg, BIT0 | BIT2);
    TEST_ASSERT_TRUE(a.done);
    TEST_ASSERT_FALSE(b.done);
    TEST_ASSERT_TRUE(c.done);
    (void)xEventGroupSetBits(eg, BIT1);
    TEST_ASSERT_TRUE(b.done);
    TEST_ASSERT_EQUAL(BIT0 | BIT1 | BIT2, b.got);
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_all_waiters_see_bits_before_clear_on_exit)
{
    static struct waiter a;
    static struct waiter b;
    make();
    start_waiter(&a, BIT0, pdTRUE, pdFALSE, SVC_HIGH);
    start_waiter(&b, BIT0, pdTRUE, pdFALSE, SVC_HIGH);
    (void)xEventGroupSetBits(eg, BIT0);
    TEST_ASSERT_TRUE(a.done && b.done);
    TEST_ASSERT_EQUAL(BIT0, a.got);
    TEST_ASSERT_EQUAL(BIT0, b.got);
    TEST_ASSERT_EQUAL(0, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

static volatile unsigned order_log[4];
static volatile unsigned order_n;

static void order_task(void *arg)
{
    (void)xEventGroupWaitBits(eg, BIT0, pdFALSE, pdFALSE, portMAX_DELAY);
    order_log[order_n++] = (unsigned)(uintptr_t)arg;
}

PTEST(Kernel, event_group_equal_priority_waiters_resume_in_arrival_order)
{
    make();
    order_n = 0;
    for (uintptr_t i = 1; i <= 3U; i++) {
        (void)ptest_task_create(order_task, "ord", SVC_HIGH, (void *)i);
    }
    (void)xEventGroupSetBits(eg, BIT0);
    TEST_ASSERT_EQUAL(3, order_n);
    TEST_ASSERT_EQUAL(1, order_log[0]);
    TEST_ASSERT_EQUAL(2, order_log[1]);
    TEST_ASSERT_EQUAL(3, order_log[2]);
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_waiter_timeout_reports_current_bits)
{
    static struct waiter w;
    make();
    const TickType_t start = xTaskGetTickCount();
    start_waiter_for(&w, BIT0 | BIT1, pdTRUE, pdTRUE, SVC_HIGH, 10);
    (void)xEventGroupSetBits(eg, BIT1);
    TEST_ASSERT_FALSE(w.done);
    vTaskDelay(11);
    TEST_ASSERT_TRUE(w.done);
    TEST_ASSERT_EQUAL(BIT1, w.got);
    TEST_ASSERT_EQUAL(TICK(start + 10U), w.at);
    TEST_ASSERT_EQUAL(BIT1, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

static TaskHandle_t abortee;

static void abortee_task(void *arg)
{
    struct waiter *w = arg;
    w->got = xEventGroupWaitBits(eg, BIT0 | BIT1, pdTRUE, pdTRUE, 1000);
    w->at = xTaskGetTickCount();
    w->done = 1;
}

PTEST(Kernel, event_group_aborted_wait_returns_current_bits)
{
    static struct waiter w;
    make();
    w.done = 0;
    abortee = ptest_task_create(abortee_task, "abort", SVC_HIGH, &w);
    (void)xEventGroupSetBits(eg, BIT1);
    TEST_ASSERT_FALSE(w.done);
    const TickType_t now = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(abortee));
    TEST_ASSERT_TRUE(w.done);
    TEST_ASSERT_EQUAL(BIT1, w.got);
    TEST_ASSERT_EQUAL(now, w.at);
    TEST_ASSERT_EQUAL(BIT1, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_suspended_waiter_misses_the_set)
{
    static struct waiter w;
    make();
    w.done = 0;
    TaskHandle_t h = ptest_task_create(abortee_task, "susp", SVC_HIGH, &w);
    vTaskSuspend(h);
    (void)xEventGroupSetBits(eg, BIT0 | BIT1);
    TEST_ASSERT_FALSE(w.done);
    (void)xEventGroupClearBits(eg, BIT0);
    vTaskResume(h);
    TEST_ASSERT_TRUE(w.done); /* resumed: its wait ends as a timeout */
    TEST_ASSERT_EQUAL(BIT1, w.got);
    vEventGroupDelete(eg);
}

/* ----- Rendezvous -------------------------------------------------------------------- */

#define SYNC_ALL (BIT0 | BIT1 | BIT2)

struct syncer {
    EventBits_t mine;
    TickType_t ticks;
    volatile EventBits_t got;
    volatile TickType_t at;
    volatile int done;
};

static void sync_task(void *arg)
{
    struct syncer *s = arg;
    s->got = xEventGroupSync(eg, s->mine, SYNC_ALL, s->ticks);
    s->at = xTaskGetTickCount();
    s->done = 1;
}

static void start_syncer(struct syncer *s, EventBits_t mine, TickType_t ticks)
{
    s->mine = mine;
    s->ticks = ticks;
    s->got = 0;
    s->done = 0;
    (void)ptest_task_create(sync_task, "sync", SVC_LOW, s);
}

PTEST(Kernel, event_group_sync_three_tasks_meet_and_clear_bits)
{
    static struct syncer s[3];
    make();
    start_syncer(&s[0], BIT0, portMAX_DELAY);
    vTaskDelay(3);
    start_syncer(&s[1], BIT1, portMAX_DELAY);
    vTaskDelay(3);
    TEST_ASSERT_EQUAL(BIT0 | BIT1, xEventGroupGetBits(eg));
    start_syncer(&s[2], BIT2, portMAX_DELAY);
    const TickType_t last = xTaskGetTickCount();
    vTaskDelay(1);
    for (int i = 0; i < 3; i++) {
        TEST_ASSERT_TRUE(s[i].done);
        TEST_ASSERT_EQUAL(SYNC_ALL, s[i].got & SYNC_ALL);
        TEST_ASSERT_EQUAL(last, s[i].at);
    }
    TEST_ASSERT_EQUAL(0, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_sync_last_arrival_returns_at_once)
{
    make();
    (void)xEventGroupSetBits(eg, BIT0 | BIT1 | BIT3);
    const TickType_t start = xTaskGetTickCount();
    const EventBits_t r = xEventGroupSync(eg, BIT2, SYNC_ALL, 50);
    TEST_ASSERT_EQUAL(start, xTaskGetTickCount());
    TEST_ASSERT_EQUAL(SYNC_ALL | BIT3, r);
    TEST_ASSERT_EQUAL(BIT3, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_sync_timeout_leaves_own_bit_set)
{
    make();
    const TickType_t start = xTaskGetTickCount();
    const EventBits_t r = xEventGroupSync(eg, BIT0, SYNC_ALL, 12);
    TEST_ASSERT_EQUAL(TICK(start + 12U), xTaskGetTickCount());
    TEST_ASSERT_EQUAL(BIT0, r);
    TEST_ASSERT_EQUAL(BIT0, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

/* ----- Deletion ----------------------------------------------------------------------- */

PTEST(Kernel, event_group_delete_wakes_waiters_with_zero)
{
    static struct waiter a;
    static struct waiter b;
    make();
    start_waiter(&a, BIT0, pdFALSE, pdTRUE, SVC_HIGH);
    start_waiter(&b, BIT1 | BIT2, pdTRUE, pdFALSE, SVC_LOW);
    vTaskDelay(1); /* let the low-priority waiter block too */
    (void)xEventGroupSetBits(eg, BIT3);
    a.got = 0xffU;
    b.got = 0xffU;
    vEventGroupDelete(eg);
    vTaskDelay(1);
    TEST_ASSERT_TRUE(a.done && b.done);
    TEST_ASSERT_EQUAL(0, a.got);
    TEST_ASSERT_EQUAL(0, b.got);
}

PTEST(Kernel, event_group_delete_static_leaves_buffer_reusable)
{
    static StaticEventGroup_t buf;
    EventGroupHandle_t g = xEventGroupCreateStatic(&buf);
    (void)xEventGroupSetBits(g, BIT2);
    vEventGroupDelete(g);
    g = xEventGroupCreateStatic(&buf);
    TEST_ASSERT_EQUAL(0, xEventGroupGetBits(g));
    vEventGroupDelete(g);
}

PTEST(Kernel, event_group_delete_frees_memory)
{
    const size_t heap = svc_free_heap();
    make();
    vEventGroupDelete(eg);
    if (SVC_HEAP_FREES) {
        TEST_ASSERT_EQUAL(heap, svc_free_heap());
    }
}

/* ----- From interrupts -------------------------------------------------------------------- */

static BaseType_t isr_result;
static BaseType_t isr_woken;
static EventBits_t isr_seen;

static void isr_get(void)
{
    isr_seen = xEventGroupGetBitsFromISR(eg);
}

PTEST(Kernel, event_group_get_bits_from_isr)
{
    make();
    (void)xEventGroupSetBits(eg, BIT1 | BIT3);
    svc_run_in_isr(isr_get);
    TEST_ASSERT_EQUAL(BIT1 | BIT3, isr_seen);
    vEventGroupDelete(eg);
}

#if (configUSE_TIMERS == 1)

static void isr_set(void)
{
    isr_woken = pdFALSE;
    isr_result = xEventGroupSetBitsFromISR(eg, BIT2, &isr_woken);
    isr_seen = xEventGroupGetBitsFromISR(eg); /* unchanged: the daemon sets it */
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_clear(void)
{
    isr_result = xEventGroupClearBitsFromISR(eg, BIT0);
    isr_seen = xEventGroupGetBitsFromISR(eg);
}

PTEST(Kernel, event_group_set_bits_from_isr_is_deferred_to_daemon)
{
    make();
    svc_run_in_isr(isr_set);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken); /* the daemon outranks the runner */
    TEST_ASSERT_EQUAL(0, isr_seen);
    TEST_ASSERT_EQUAL(BIT2, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_clear_bits_from_isr_is_deferred_to_daemon)
{
    make();
    (void)xEventGroupSetBits(eg, BIT0 | BIT1);
    svc_run_in_isr(isr_clear);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    TEST_ASSERT_EQUAL(BIT0 | BIT1, isr_seen);
    taskYIELD();
    vTaskDelay(1);
    TEST_ASSERT_EQUAL(BIT1, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

PTEST(Kernel, event_group_set_bits_from_isr_wakes_waiter)
{
    static struct waiter w;
    make();
    start_waiter(&w, BIT2, pdTRUE, pdFALSE, SVC_HIGH);
    svc_run_in_isr(isr_set);
    TEST_ASSERT_TRUE(w.done);
    TEST_ASSERT_EQUAL(BIT2, w.got);
    TEST_ASSERT_EQUAL(0, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

static void pend_nothing(void *a, uint32_t b)
{
    (void)a;
    (void)b;
}

PTEST(Kernel, event_group_set_bits_from_isr_fails_when_daemon_queue_full)
{
    make();
    vTaskSuspend(xTimerGetTimerDaemonTaskHandle());
    for (unsigned i = 0; i < configTIMER_QUEUE_LENGTH; i++) {
        (void)xTimerPendFunctionCall(pend_nothing, NULL, 0, 0);
    }
    svc_run_in_isr(isr_set);
    vTaskResume(xTimerGetTimerDaemonTaskHandle());
    TEST_ASSERT_EQUAL(pdFAIL, isr_result);
    TEST_ASSERT_EQUAL(0, xEventGroupGetBits(eg));
    vEventGroupDelete(eg);
}

#endif /* configUSE_TIMERS */

PTEST(Kernel, event_group_number_for_trace_tools)
{
    make();
    vEventGroupSetNumber(eg, 9);
    TEST_ASSERT_EQUAL(configUSE_TRACE_FACILITY ? 9 : 0, uxEventGroupGetNumber(eg));
    vEventGroupDelete(eg);
}

#endif /* configUSE_EVENT_GROUPS */
