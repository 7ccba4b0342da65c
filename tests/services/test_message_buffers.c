/*
 * test_message_buffers.c - message buffers (message_buffer.h).
 */
#include <string.h>

#include "services.h"
#include "message_buffer.h"

#define PREFIX sizeof(configMESSAGE_BUFFER_LENGTH_TYPE)

static MessageBufferHandle_t mb;

static MessageBufferHandle_t make(size_t size)
{
    mb = svc_stream_buffer(size, 0, sbTYPE_MESSAGE_BUFFER, NULL, NULL);
    TEST_ASSERT_NOT_NULL(mb);
    return mb;
}

static const char text[] = "the quick brown fox jumps over the lazy dog";

struct receiver {
    size_t room;
    TickType_t ticks;
    char data[64];
    volatile size_t got;
    volatile TickType_t at;
    volatile int done;
};

static void receiver_task(void *arg)
{
    struct receiver *r = arg;
    r->got = xMessageBufferReceive(mb, r->data, r->room, r->ticks);
    r->at = xTaskGetTickCount();
    r->done = 1;
}

static void start_receiver(struct receiver *r, size_t room, UBaseType_t priority)
{
    memset(r, 0, sizeof *r);
    r->room = room;
    r->ticks = portMAX_DELAY;
    (void)ptest_task_create(receiver_task, "mrecv", priority, r);
}

PTEST(Kernel, message_buffer_created_empty)
{
    make(40);
    TEST_ASSERT_EQUAL(pdTRUE, xMessageBufferIsEmpty(mb));
    TEST_ASSERT_EQUAL(40, xMessageBufferSpacesAvailable(mb));
    TEST_ASSERT_EQUAL(40, xMessageBufferSpaceAvailable(mb));
    TEST_ASSERT_EQUAL(0, xMessageBufferNextLengthBytes(mb));
    TEST_ASSERT_EQUAL(1, ucStreamBufferGetStreamBufferType(mb));
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_size_must_exceed_length_prefix)
{
    TEST_EXPECT_ASSERT((void)xMessageBufferCreate(PREFIX));
}

PTEST(Kernel, message_buffer_each_message_costs_its_length_prefix)
{
    make(40);
    TEST_ASSERT_EQUAL(10, xMessageBufferSend(mb, text, 10, 0));
    TEST_ASSERT_EQUAL(10 + PREFIX, xStreamBufferBytesAvailable(mb));
    TEST_ASSERT_EQUAL(40 - 10 - PREFIX, xMessageBufferSpacesAvailable(mb));
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_preserves_message_lengths)
{
    static const size_t lengths[] = {1, 7, 3, 12, 5};
    char out[32];
    make(80);
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        TEST_ASSERT_EQUAL(lengths[i], xMessageBufferSend(mb, text + i, lengths[i], 0));
    }
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        TEST_ASSERT_EQUAL(lengths[i], xMessageBufferNextLengthBytes(mb));
        TEST_ASSERT_EQUAL(lengths[i], xMessageBufferReceive(mb, out, sizeof out, 0));
        TEST_ASSERT_EQUAL_MEMORY(text + i, out, lengths[i]);
    }
    TEST_ASSERT_EQUAL(pdTRUE, xMessageBufferIsEmpty(mb));
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_message_longer_than_receive_buffer_stays)
{
    char out[20];
    make(64);
    (void)xMessageBufferSend(mb, text, 12, 0);
    TEST_ASSERT_EQUAL(0, xMessageBufferReceive(mb, out, 8, 0));
    TEST_ASSERT_EQUAL(12, xMessageBufferNextLengthBytes(mb));
    TEST_ASSERT_EQUAL(12, xMessageBufferReceive(mb, out, sizeof out, 0));
    TEST_ASSERT_EQUAL_MEMORY(text, out, 12);
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_message_larger_than_buffer_fails_at_once)
{
    make(20);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(0, xMessageBufferSend(mb, text, 20 - PREFIX + 1U, 50));
    TEST_ASSERT_EQUAL(start, xTaskGetTickCount()); /* it could never fit: no wait */
    TEST_ASSERT_EQUAL(pdTRUE, xMessageBufferIsEmpty(mb));
    TEST_ASSERT_EQUAL(20 - PREFIX, xMessageBufferSend(mb, text, 20 - PREFIX, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xMessageBufferIsFull(mb));
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_is_never_written_in_part)
{
    make(30);
    (void)xMessageBufferSend(mb, text, 10, 0);
    const size_t space = xMessageBufferSpacesAvailable(mb);
    TEST_ASSERT_EQUAL(0, xMessageBufferSend(mb, text, space, 0)); /* prefix does not fit */
    TEST_ASSERT_EQUAL(space, xMessageBufferSpacesAvailable(mb));
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_send_times_out_without_room)
{
    make(40);
    (void)xMessageBufferSend(mb, text, 20, 0);
    const size_t one_too_many = xMessageBufferSpacesAvailable(mb) - PREFIX + 1U;
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(0, xMessageBufferSend(mb, text, one_too_many, 6));
    TEST_ASSERT_EQUAL(TICK(start + 6U), xTaskGetTickCount());
    vMessageBufferDelete(mb);
}

static volatile size_t sent_len;
static volatile int sender_done;

static void sender_task(void *arg)
{
    sent_len = xMessageBufferSend(mb, text, (size_t)(uintptr_t)arg, portMAX_DELAY);
    sender_done = 1;
}

PTEST(Kernel, message_buffer_send_blocks_until_whole_message_fits)
{
    char out[32];
    make(2U * (10U + PREFIX) + 4U);
    (void)xMessageBufferSend(mb, text, 10, 0);
    (void)xMessageBufferSend(mb, text + 10, 10, 0);
    sender_done = 0;
    (void)ptest_task_create(sender_task, "msend", SVC_HIGH, (void *)(uintptr_t)15U);
    TEST_ASSERT_FALSE(sender_done);
    TEST_ASSERT_EQUAL(10, xMessageBufferReceive(mb, out, sizeof out, 0));
    TEST_ASSERT_FALSE(sender_done); /* one byte short */
    TEST_ASSERT_EQUAL(10, xMessageBufferReceive(mb, out, sizeof out, 0));
    TEST_ASSERT_TRUE(sender_done);
    TEST_ASSERT_EQUAL(15, sent_len);
    TEST_ASSERT_EQUAL(15, xMessageBufferNextLengthBytes(mb));
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_receive_blocks_until_a_message)
{
    static struct receiver r;
    make(40);
    start_receiver(&r, sizeof r.data, SVC_HIGH);
    TEST_ASSERT_FALSE(r.done);
    TEST_ASSERT_EQUAL(9, xMessageBufferSend(mb, text, 9, 0));
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(9, r.got);
    TEST_ASSERT_EQUAL_MEMORY(text, r.data, 9);
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_receive_times_out_with_zero)
{
    char out[8];
    make(40);
    const TickType_t start = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(0, xMessageBufferReceive(mb, out, sizeof out, 11));
    TEST_ASSERT_EQUAL(TICK(start + 11U), xTaskGetTickCount());
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_prefix_wraps_around_the_ring)
{
    char out[16];
    make(3U * PREFIX + 7U);
    for (size_t round = 0; round < 25U; round++) {
        const size_t len = 1U + round % 7U;
        TEST_ASSERT_EQUAL(len, xMessageBufferSend(mb, text + round, len, 0));
        TEST_ASSERT_EQUAL(len, xMessageBufferReceive(mb, out, sizeof out, 0));
        TEST_ASSERT_EQUAL_MEMORY(text + round, out, len);
    }
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_empty_message_is_accepted)
{
    char out[4];
    make(20);
    TEST_ASSERT_EQUAL(0, xMessageBufferSend(mb, text, 0, 0));
    TEST_ASSERT_EQUAL(PREFIX, xStreamBufferBytesAvailable(mb));
    TEST_ASSERT_EQUAL(0, xMessageBufferReceive(mb, out, sizeof out, 0));
    TEST_ASSERT_EQUAL(pdTRUE, xMessageBufferIsEmpty(mb));
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_reset)
{
    make(30);
    (void)xMessageBufferSend(mb, text, 5, 0);
    TEST_ASSERT_EQUAL(pdPASS, xMessageBufferReset(mb));
    TEST_ASSERT_EQUAL(pdTRUE, xMessageBufferIsEmpty(mb));
    TEST_ASSERT_EQUAL(0, xMessageBufferNextLengthBytes(mb));
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_static)
{
    static StaticMessageBuffer_t buf;
    static uint8_t storage[32];
    uint8_t *got_storage = NULL;
    StaticMessageBuffer_t *got_buf = NULL;
    char out[8];
    const size_t heap = svc_free_heap();
    MessageBufferHandle_t m = xMessageBufferCreateStatic(sizeof storage, storage, &buf);
    TEST_ASSERT_NOT_NULL(m);
    TEST_ASSERT_EQUAL(heap, svc_free_heap());
    TEST_ASSERT_EQUAL(pdTRUE, xMessageBufferGetStaticBuffers(m, &got_storage, &got_buf));
    TEST_ASSERT_EQUAL_PTR(storage, got_storage);
    TEST_ASSERT_EQUAL(4, xMessageBufferSend(m, "abcd", 4, 0));
    TEST_ASSERT_EQUAL(4, xMessageBufferReceive(m, out, sizeof out, 0));
    vMessageBufferDelete(m);
}

static size_t isr_count;
static BaseType_t isr_woken;
static char isr_out[16];

static void isr_send(void)
{
    isr_woken = pdFALSE;
    isr_count = xMessageBufferSendFromISR(mb, text, 6, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

static void isr_receive(void)
{
    isr_woken = pdFALSE;
    isr_count = xMessageBufferReceiveFromISR(mb, isr_out, sizeof isr_out, &isr_woken);
    portYIELD_FROM_ISR(isr_woken);
}

PTEST(Kernel, message_buffer_send_from_isr_wakes_receiver)
{
    static struct receiver r;
    make(40);
    start_receiver(&r, sizeof r.data, SVC_HIGH);
    svc_run_in_isr(isr_send);
    TEST_ASSERT_EQUAL(6, isr_count);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
    TEST_ASSERT_TRUE(r.done);
    TEST_ASSERT_EQUAL(6, r.got);
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_receive_from_isr)
{
    make(40);
    (void)xMessageBufferSend(mb, text, 5, 0);
    (void)xMessageBufferSend(mb, text + 5, 3, 0);
    svc_run_in_isr(isr_receive);
    TEST_ASSERT_EQUAL(5, isr_count);
    TEST_ASSERT_EQUAL_MEMORY(text, isr_out, 5);
    svc_run_in_isr(isr_receive);
    TEST_ASSERT_EQUAL(3, isr_count);
    svc_run_in_isr(isr_receive);
    TEST_ASSERT_EQUAL(0, isr_count);
    vMessageBufferDelete(mb);
}

PTEST(Kernel, message_buffer_send_from_isr_without_room_fails)
{
    make(8U + PREFIX);
    (void)xMessageBufferSend(mb, text, 4, 0);
    svc_run_in_isr(isr_send);
    TEST_ASSERT_EQUAL(0, isr_count);
    vMessageBufferDelete(mb);
}

#if (configUSE_SB_COMPLETED_CALLBACK == 1)
static volatile unsigned cb_sends;

static void on_send(MessageBufferHandle_t m, BaseType_t in_isr, BaseType_t *const woken)
{
    (void)m;
    (void)in_isr;
    (void)woken;
    cb_sends = cb_sends + 1U;
}

PTEST(Kernel, message_buffer_with_callback_calls_it_per_message)
{
    cb_sends = 0;
    mb = svc_stream_buffer(40, 0, sbTYPE_MESSAGE_BUFFER, on_send, NULL);
    TEST_ASSERT_NOT_NULL(mb);
    (void)xMessageBufferSend(mb, text, 1, 0);
    (void)xMessageBufferSend(mb, text, 2, 0);
    TEST_ASSERT_EQUAL(2, cb_sends);
    vMessageBufferDelete(mb);
}
#endif /* configUSE_SB_COMPLETED_CALLBACK */

PTEST(Kernel, message_buffer_length_type_bounds_message_size)
{
    if (sizeof(configMESSAGE_BUFFER_LENGTH_TYPE) != 1U) {
        TEST_IGNORE("needs a one-byte configMESSAGE_BUFFER_LENGTH_TYPE");
    }
    static uint8_t big[300];
    make(sizeof big + 16U);
    TEST_ASSERT_EQUAL(0, xMessageBufferSend(mb, big, sizeof big, 0));
    TEST_ASSERT_EQUAL(255, xMessageBufferSend(mb, big, 255, 0));
    vMessageBufferDelete(mb);
}
