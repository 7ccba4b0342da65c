/*
 * test_stream_buffers.c - stream buffers and batching buffers
 * (stream_buffer.h).
 */
#include <string.h>

#include "services.h"
#include "stream_buffer.h"

static StreamBufferHandle_t sb;

static StreamBufferHandle_t make(size_t size, size_t trigger)
{
    sb = svc_stream_buffer(size, trigger, sbTYPE_STREAM_BUFFER, NULL, NULL);
    TEST_ASSERT_NOT_NULL(sb);
    return sb;
}

/* A reader helper: one receive per request, recorded. */
struct reader {
    size_t want;
    TickType_t ticks;
    uint8_t data[64];
    volatile size_t got;
    volatile TickType_t at;
    volatile int done;
};

static void reader_task(void *arg)
{
    struct reader *r = arg;
    r->got = xStreamBufferReceive(sb, r->data, r->want, r->ticks);
    r->at = xTaskGetTickCount();
    r->done = 1;
}

static TaskHandle_t start_reader(struct reader *r, size_t want, TickType_t ticks,
                                 UBaseType_t priority)
{
    memset(r, 0, sizeof *r);
    r->want = want;
    r->ticks = ticks;
    return ptest_task_create(reader_task, "reader", priority, r);
}

struct writer {
    const void *data;
    size_t len;
    TickType_t ticks;
    volatile size_t sent;
    volatile TickType_t at;
    volatile int done;
};

static void writer_task(void *arg)
{
    struct writer *w = arg;
    w->sent = xStreamBufferSend(sb, w->data, w->len, w->ticks);
    w->at = xTaskGetTickCount();
    w->done = 1;
}

static void start_writer(struct writer *w, const void *data, size_t len, TickType_t ticks,
                         UBaseType_t priority)
{
    memset(w, 0, sizeof *w);
    w->data = data;
    w->len = len;
    w->ticks = ticks;
    (void)ptest_task_create(writer_task, "writer", priority, w);
}

static const uint8_t pattern[32] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16,
                                    17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

/* ----- Creation ---------------------------------------------------------------- */

PTEST(Kernel, stream_buffer_created_empty)
{
    make(20, 1);
    TEST_ASSERT_EQUAL(0, xStreamBufferBytesAvailable(sb));
    TEST_ASSERT_EQUAL(20, xStreamBufferSpacesAvailable(sb));
    TEST_ASSERT_EQUAL(pdTRUE, xStreamBufferIsEmpty(sb));
    TEST_ASSERT_EQUAL(pdFALSE, xStreamBufferIsFull(sb));
    TEST_ASSERT_EQUAL(0, ucStreamBufferGetStreamBufferType(sb));
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_zero_size_asserts)
{
    TEST_EXPECT_ASSERT((void)xStreamBufferCreate(0, 0));
}

PTEST(Kernel, stream_buffer_trigger_above_size_asserts)
{
    TEST_EXPECT_ASSERT((void)xStreamBufferCreate(8, 9));
}

PTEST(Kernel, stream_buffer_trigger_equal_to_size_is_valid)
{
    make(8, 8);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_static_uses_buffers)
{
    static StaticStreamBuffer_t buf;
    static uint8_t storage[16];
    uint8_t *got_storage = NULL;
    StaticStreamBuffer_t *got_buf = NULL;
    const size_t heap = svc_free_heap();
    StreamBufferHandle_t s = xStreamBufferCreateStatic(sizeof storage, 1, storage, &buf);
    TEST_ASSERT_EQUAL_PTR(&buf, s);
    TEST_ASSERT_EQUAL(heap, svc_free_heap());
    TEST_ASSERT_EQUAL(16, xStreamBufferSpacesAvailable(s));
    TEST_ASSERT_EQUAL(pdTRUE, xStreamBufferGetStaticBuffers(s, &got_storage, &got_buf));
    TEST_ASSERT_EQUAL_PTR(storage, got_storage);
    TEST_ASSERT_EQUAL_PTR(&buf, got_buf);
    TEST_ASSERT_EQUAL(5, xStreamBufferSend(s, "hello", 5, 0));
    TEST_ASSERT_EQUAL_MEMORY("hello", storage, 5);
    vStreamBufferDelete(s);
}

PTEST(Kernel, stream_buffer_static_null_storage_asserts)
{
    static StaticStreamBuffer_t buf;
    TEST_EXPECT_ASSERT((void)xStreamBufferCreateStatic(16, 1, NULL, &buf));
}

PTEST(Kernel, stream_buffer_dynamic_has_no_static_buffers)
{
    if (!configSUPPORT_DYNAMIC_ALLOCATION) {
        TEST_IGNORE("no dynamic allocation");
    }
    uint8_t *got_storage = NULL;
    StaticStreamBuffer_t *got_buf = NULL;
    make(8, 1);
    TEST_ASSERT_EQUAL(pdFALSE, xStreamBufferGetStaticBuffers(sb, &got_storage, &got_buf));
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_delete_frees_memory)
{
    const size_t heap = svc_free_heap();
    make(100, 1);
    vStreamBufferDelete(sb);
    if (SVC_HEAP_FREES) {
        TEST_ASSERT_EQUAL(heap, svc_free_heap());
    }
}

/* ----- Data ------------------------------------------------------------------------ */

PTEST(Kernel, stream_buffer_round_trip)
{
    uint8_t out[10] = {0};
    make(16, 1);
    TEST_ASSERT_EQUAL(10, xStreamBufferSend(sb, pattern, 10, 0));
    TEST_ASSERT_EQUAL(10, xStreamBufferBytesAvailable(sb));
    TEST_ASSERT_EQUAL(6, xStreamBufferSpacesAvailable(sb));
    TEST_ASSERT_EQUAL(10, xStreamBufferReceive(sb, out, sizeof out, 0));
    TEST_ASSERT_EQUAL_MEMORY(pattern, out, 10);
    TEST_ASSERT_EQUAL(pdTRUE, xStreamBufferIsEmpty(sb));
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_bytes_are_not_framed)
{
    uint8_t out[8] = {0};
    make(16, 1);
    (void)xStreamBufferSend(sb, pattern, 3, 0);
    (void)xStreamBufferSend(sb, pattern + 3, 4, 0);
    TEST_ASSERT_EQUAL(7, xStreamBufferReceive(sb, out, sizeof out, 0));
    TEST_ASSERT_EQUAL_MEMORY(pattern, out, 7);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_receive_into_small_buffer_reads_part)
{
    uint8_t out[4] = {0};
    make(16, 1);
    (void)xStreamBufferSend(sb, pattern, 10, 0);
    TEST_ASSERT_EQUAL(4, xStreamBufferReceive(sb, out, sizeof out, 0));
    TEST_ASSERT_EQUAL_MEMORY(pattern, out, 4);
    TEST_ASSERT_EQUAL(6, xStreamBufferBytesAvailable(sb));
    TEST_ASSERT_EQUAL(4, xStreamBufferReceive(sb, out, sizeof out, 0));
    TEST_ASSERT_EQUAL_MEMORY(pattern + 4, out, 4);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_send_without_room_writes_what_fits)
{
    make(8, 1);
    TEST_ASSERT_EQUAL(5, xStreamBufferSend(sb, pattern, 5, 0));
    TEST_ASSERT_EQUAL(3, xStreamBufferSend(sb, pattern, 10, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xStreamBufferIsFull(sb));
    TEST_ASSERT_EQUAL(0, xStreamBufferSend(sb, pattern, 1, 0));
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_send_larger_than_buffer_fills_it)
{
    make(8, 1);
    TEST_ASSERT_EQUAL(8, xStreamBufferSend(sb, pattern, sizeof pattern, 0));
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_wraps_around_intact)
{
    uint8_t out[7];
    make(10, 1);
    for (unsigned round = 0; round < 20U; round++) {
        const uint8_t *src = pattern + (round % 5U);
        TEST_ASSERT_EQUAL(7, xStreamBufferSend(sb, src, 7, 0));
        TEST_ASSERT_EQUAL(7, xStreamBufferReceive(sb, out, sizeof out, 0));
        TEST_ASSERT_EQUAL_MEMORY(src, out, 7);
    }
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_null_data_asserts)
{
    make(8, 1);
    TEST_EXPECT_ASSERT((void)xStreamBufferSend(sb, NULL, 4, 0));
    vStreamBufferDelete(sb);
}

/* ----- Blocking ------------------------------------------------------------------- */

PTEST(Kernel, stream_buffer_receive_on_empty_times_out_with_zero)
{
    uint8_t out[4];
    make(8, 1);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(0, xStreamBufferReceive(sb, out, sizeof out, 9));
    TEST_ASSERT_EQUAL(TICK(start + 9U), xTaskGetTickCount());
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_receive_blocks_until_data)
{
    static struct reader r;
    make(16, 1);
    start_reader(&r, 16, portMAX_DELAY, SVC_HIGH);
    TEST_ASSERT_FALSE(r.done);
    vTaskDelay(3);
    const TickType_t sent_at = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(2, xStreamBufferSend(sb, pattern, 2, 0));
    TEST_ASSERT_TRUE(r.done); /* woken by the send, and it outranks us */
    TEST_ASSERT_EQUAL(2, r.got);
    TEST_ASSERT_EQUAL(sent_at, r.at);
    TEST_ASSERT_EQUAL_MEMORY(pattern, r.data, 2);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_trigger_level_holds_reader_until_reached)
{
    static struct reader r;
    make(32, 10);
    start_reader(&r, 32, portMAX_DELAY, SVC_HIGH);
    TEST_ASSERT_EQUAL(4, xStreamBufferSend(sb, pattern, 4, 0));
    vTaskDelay(5);
    TEST_ASSERT_FALSE(r.done); /* 4 bytes are below the trigger level */
    TEST_ASSERT_EQUAL(8, xStreamBufferSend(sb, pattern + 4, 8, 0));
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(12, r.got);
    TEST_ASSERT_EQUAL_MEMORY(pattern, r.data, 12);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_trigger_timeout_reads_what_is_there)
{
    static struct reader r;
    make(32, 10);
    const TickType_t start = xTaskGetTickCount();
    start_reader(&r, 32, 20, SVC_HIGH);
    (void)xStreamBufferSend(sb, pattern, 4, 0);
    vTaskDelay(25);
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(4, r.got);
    TEST_ASSERT_EQUAL(TICK(start + 20U), r.at);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_trigger_zero_means_one)
{
    static struct reader r;
    make(8, 0);
    start_reader(&r, 8, portMAX_DELAY, SVC_HIGH);
    (void)xStreamBufferSend(sb, pattern, 1, 0);
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(1, r.got);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_set_trigger_level)
{
    static struct reader r;
    make(16, 1);
    TEST_ASSERT_EQUAL(pdFALSE, xStreamBufferSetTriggerLevel(sb, 17));
    TEST_ASSERT_EQUAL(pdTRUE, xStreamBufferSetTriggerLevel(sb, 6));
    start_reader(&r, 16, portMAX_DELAY, SVC_HIGH);
    (void)xStreamBufferSend(sb, pattern, 5, 0);
    TEST_ASSERT_FALSE(r.done);
    (void)xStreamBufferSend(sb, pattern, 1, 0);
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(6, r.got);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_send_blocks_until_room)
{
    static struct writer w;
    uint8_t out[6];
    make(8, 1);
    (void)xStreamBufferSend(sb, pattern, 8, 0);
    start_writer(&w, pattern + 8, 6, portMAX_DELAY, SVC_HIGH);
    TEST_ASSERT_FALSE(w.done);
    TEST_ASSERT_EQUAL(4, xStreamBufferReceive(sb, out, 4, 0));
    TEST_ASSERT_FALSE(w.done); /* needs room for all 6 bytes */
    TEST_ASSERT_EQUAL(2, xStreamBufferReceive(sb, out, 2, 0));
    TEST_ASSERT_TRUE(w.done);
    TEST_ASSERT_EQUAL(6, w.sent);
    TEST_ASSERT_EQUAL(8, xStreamBufferBytesAvailable(sb));
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_send_timeout_writes_what_fits)
{
    make(8, 1);
    (void)xStreamBufferSend(sb, pattern, 6, 0);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(2, xStreamBufferSend(sb, pattern, 5, 7));
    TEST_ASSERT_EQUAL(TICK(start + 7U), xTaskGetTickCount());
    TEST_ASSERT_EQUAL(pdTRUE, xStreamBufferIsFull(sb));
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_aborted_receive_returns_zero)
{
    static struct reader r;
    make(8, 1);
    TaskHandle_t h = start_reader(&r, 8, portMAX_DELAY, SVC_HIGH);
    TEST_ASSERT_FALSE(r.done);
    TEST_ASSERT_EQUAL(pdPASS, xTaskAbortDelay(h));
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(0, r.got);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_second_blocked_reader_asserts)
{
    static struct reader r;
    uint8_t out[4];
    make(8, 1);
    start_reader(&r, 8, portMAX_DELAY, SVC_HIGH);
    TEST_EXPECT_ASSERT((void)xStreamBufferReceive(sb, out, sizeof out, 5));
    (void)xStreamBufferSend(sb, pattern, 1, 0);
    TEST_ASSERT_TRUE(r.done);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_delete_with_blocked_reader_asserts)
{
    static struct reader r;
    make(8, 1);
    start_reader(&r, 8, portMAX_DELAY, SVC_HIGH);
    TEST_EXPECT_ASSERT(vStreamBufferDelete(sb));
    (void)xStreamBufferSend(sb, pattern, 1, 0);
    vStreamBufferDelete(sb);
}

/* ----- Reset ---------------------------------------------------------------------- */

PTEST(Kernel, stream_buffer_reset_empties_it)
{
    make(8, 1);
    (void)xStreamBufferSend(sb, pattern, 8, 0);
    TEST_ASSERT_EQUAL(pdPASS, xStreamBufferReset(sb));
    TEST_ASSERT_EQUAL(pdTRUE, xStreamBufferIsEmpty(sb));
    TEST_ASSERT_EQUAL(8, xStreamBufferSpacesAvailable(sb));
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_reset_fails_while_a_task_is_blocked)
{
    static struct reader r;
    make(8, 1);
    start_reader(&r, 8, portMAX_DELAY, SVC_HIGH);
    TEST_ASSERT_EQUAL(pdFAIL, xStreamBufferReset(sb));
    (void)xStreamBufferSend(sb, pattern, 1, 0);
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(pdPASS, xStreamBufferReset(sb));
    vStreamBufferDelete(sb);
}

static BaseType_t isr_result;
static BaseType_t isr_woken;
static size_t isr_count;
static uint8_t isr_data[16];

static void isr_reset(void)
{
    isr_result = xStreamBufferResetFromISR(sb);
}

PTEST(Kernel, stream_buffer_reset_from_isr)
{
    make(8, 1);
    (void)xStreamBufferSend(sb, pattern, 3, 0);
    svc_run_in_isr(isr_reset);
    TEST_ASSERT_EQUAL(pdPASS, isr_result);
    TEST_ASSERT_EQUAL(0, xStreamBufferBytesAvailable(sb));
    vStreamBufferDelete(sb);
}

/* ----- From interrupts ----------------------------------------------------------------- */

static void isr_send(void)
{
    isr_woken = pdFALSE;
    isr_count = xStreamBufferSendFromISR(sb, pattern, 6, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_receive(void)
{
    isr_woken = pdFALSE;
    isr_count = xStreamBufferReceiveFromISR(sb, isr_data, sizeof isr_data, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

PTEST(Kernel, stream_buffer_send_from_isr_wakes_reader)
{
    static struct reader r;
    make(16, 1);
    start_reader(&r, 16, portMAX_DELAY, SVC_HIGH);
    svc_run_in_isr(isr_send);
    TEST_ASSERT_EQUAL(6, isr_count);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(6, r.got);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_send_from_isr_writes_what_fits)
{
    make(4, 1);
    svc_run_in_isr(isr_send);
    TEST_ASSERT_EQUAL(4, isr_count);
    TEST_ASSERT_EQUAL(pdFALSE, isr_woken); /* nobody was waiting */
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_receive_from_isr_wakes_writer)
{
    static struct writer w;
    make(8, 1);
    (void)xStreamBufferSend(sb, pattern, 8, 0);
    start_writer(&w, pattern, 3, portMAX_DELAY, SVC_HIGH);
    svc_run_in_isr(isr_receive);
    TEST_ASSERT_EQUAL(8, isr_count);
    TEST_ASSERT_EQUAL_MEMORY(pattern, isr_data, 8);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
    TEST_ASSERT_TRUE(w.done);
    TEST_ASSERT_EQUAL(3, w.sent);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_receive_from_isr_on_empty_returns_zero)
{
    make(8, 1);
    svc_run_in_isr(isr_receive);
    TEST_ASSERT_EQUAL(0, isr_count);
    vStreamBufferDelete(sb);
}

/* ----- Completion callbacks and notification index ----------------------------------------- */

#if (configUSE_SB_COMPLETED_CALLBACK == 1)
static volatile unsigned send_cbs;
static volatile unsigned receive_cbs;
static volatile BaseType_t cb_in_isr;

static void on_send(StreamBufferHandle_t s, BaseType_t in_isr, BaseType_t *const woken)
{
    (void)s;
    (void)woken;
    send_cbs = send_cbs + 1U;
    cb_in_isr = in_isr;
}

static void on_receive(StreamBufferHandle_t s, BaseType_t in_isr, BaseType_t *const woken)
{
    (void)s;
    (void)woken;
    receive_cbs = receive_cbs + 1U;
    cb_in_isr = in_isr;
}

static void callbacks_reset(void)
{
    send_cbs = 0;
    receive_cbs = 0;
    cb_in_isr = -1;
}

PTEST(Kernel, stream_buffer_callbacks_replace_default_actions)
{
    uint8_t out[8];
    callbacks_reset();
    sb = svc_stream_buffer(16, 4, sbTYPE_STREAM_BUFFER, on_send, on_receive);
    TEST_ASSERT_NOT_NULL(sb);
    (void)xStreamBufferSend(sb, pattern, 3, 0);
    TEST_ASSERT_EQUAL(0, send_cbs); /* below the trigger level */
    (void)xStreamBufferSend(sb, pattern, 3, 0);
    TEST_ASSERT_EQUAL(1, send_cbs);
    TEST_ASSERT_EQUAL(pdFALSE, cb_in_isr);
    (void)xStreamBufferReceive(sb, out, sizeof out, 0);
    TEST_ASSERT_EQUAL(1, receive_cbs);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_callback_from_isr_knows_it)
{
    callbacks_reset();
    sb = svc_stream_buffer(16, 1, sbTYPE_STREAM_BUFFER, on_send, on_receive);
    svc_run_in_isr(isr_send);
    TEST_ASSERT_EQUAL(1, send_cbs);
    TEST_ASSERT_EQUAL(pdTRUE, cb_in_isr);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_static_with_callback)
{
    static StaticStreamBuffer_t buf;
    static uint8_t storage[8];
    callbacks_reset();
    StreamBufferHandle_t s =
        xStreamBufferCreateStaticWithCallback(sizeof storage, 1, storage, &buf, on_send, NULL);
    (void)xStreamBufferSend(s, pattern, 2, 0);
    TEST_ASSERT_EQUAL(1, send_cbs);
    vStreamBufferDelete(s);
}

static void isr_send_completed(void)
{
    isr_woken = pdFALSE;
    isr_result = xStreamBufferSendCompletedFromISR(sb, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

PTEST(Kernel, stream_buffer_send_completed_from_isr_wakes_reader)
{
    static struct reader r;
    callbacks_reset();
    sb = svc_stream_buffer(16, 1, sbTYPE_STREAM_BUFFER, on_send, on_receive);
    start_reader(&r, 16, portMAX_DELAY, SVC_HIGH);
    (void)xStreamBufferSend(sb, pattern, 5, 0);
    TEST_ASSERT_FALSE(r.done); /* the callback does not wake anyone */
    svc_run_in_isr(isr_send_completed);
    TEST_ASSERT_EQUAL(pdTRUE, isr_result);
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(5, r.got);
    svc_run_in_isr(isr_send_completed);
    TEST_ASSERT_EQUAL(pdFALSE, isr_result); /* nobody left to wake */
    vStreamBufferDelete(sb);
}
#endif /* configUSE_SB_COMPLETED_CALLBACK */

PTEST(Kernel, stream_buffer_notification_index_is_configurable)
{
    static struct reader r;
    make(8, 1);
    TEST_ASSERT_EQUAL(tskDEFAULT_INDEX_TO_NOTIFY,
                      uxStreamBufferGetStreamBufferNotificationIndex(sb));
    if (configTASK_NOTIFICATION_ARRAY_ENTRIES < 2) {
        vStreamBufferDelete(sb);
        TEST_IGNORE("needs two notification entries");
    }
    vStreamBufferSetStreamBufferNotificationIndex(sb, 1);
    TEST_ASSERT_EQUAL(1, uxStreamBufferGetStreamBufferNotificationIndex(sb));
    TaskHandle_t h = start_reader(&r, 8, portMAX_DELAY, SVC_HIGH);
    (void)xTaskNotifyIndexed(h, 0, 0, eNoAction); /* not the buffer's index */
    TEST_ASSERT_FALSE(r.done);
    (void)xStreamBufferSend(sb, pattern, 1, 0);
    TEST_ASSERT_TRUE(r.done);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_bad_notification_index_asserts)
{
    make(8, 1);
    TEST_EXPECT_ASSERT(
        vStreamBufferSetStreamBufferNotificationIndex(sb, configTASK_NOTIFICATION_ARRAY_ENTRIES));
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_stray_notification_does_not_end_wait)
{
    static struct reader r;
    make(8, 1);
    TaskHandle_t h = start_reader(&r, 8, 30, SVC_HIGH);
    (void)xTaskNotifyGive(h);
    TEST_ASSERT_FALSE(r.done); /* woken, found nothing, waits on */
    (void)xStreamBufferSend(sb, pattern, 2, 0);
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(2, r.got);
    vStreamBufferDelete(sb);
}

/* ----- Batching buffers ------------------------------------------------------------- */

PTEST(Kernel, stream_buffer_batching_reader_waits_for_trigger_even_if_not_empty)
{
    static struct reader r;
    uint8_t out[8];
    sb = svc_stream_buffer(16, 6, sbTYPE_STREAM_BATCHING_BUFFER, NULL, NULL);
    TEST_ASSERT_NOT_NULL(sb);
    (void)xStreamBufferSend(sb, pattern, 2, 0);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(2, xStreamBufferReceive(sb, out, sizeof out, 4)); /* timed out */
    TEST_ASSERT_EQUAL(TICK(start + 4U), xTaskGetTickCount());
    (void)xStreamBufferSend(sb, pattern, 3, 0);
    start_reader(&r, 16, portMAX_DELAY, SVC_HIGH);
    TEST_ASSERT_FALSE(r.done);
    (void)xStreamBufferSend(sb, pattern, 3, 0);
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(6, r.got);
    vStreamBufferDelete(sb);
}

PTEST(Kernel, stream_buffer_number_for_trace_tools)
{
    make(8, 1);
    vStreamBufferSetStreamBufferNumber(sb, 5);
    TEST_ASSERT_EQUAL(configUSE_TRACE_FACILITY ? 5 : 0, uxStreamBufferGetStreamBufferNumber(sb));
    vStreamBufferDelete(sb);
}
