/*
 * test_queue.c - queues: creation, ordering, blocking and timeouts, wake
 * order of waiters, overwrite and peek (mailboxes), reset, deletion and
 * every FromISR variant.
 */
#include <string.h>

#include "ktest.h"

static QueueHandle_t q;
static volatile BaseType_t isr_result[4];
static volatile BaseType_t isr_woken;
static volatile int isr_value;

static void send_ints(int first, int count)
{
    for (int v = first; v < first + count; v++) {
        TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &v, 0));
    }
}

static void expect_ints(int first, int count)
{
    for (int v = first; v < first + count; v++) {
        int got = -1000;
        TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q, &got, 0));
        TEST_ASSERT_EQUAL(v, got);
    }
}

/* Receives one int with the timeout in arg; logs the result, the value and
 * the ticks since the test began. */
static void receive_log(void *arg)
{
    int v = -1;
    kt_log((int)xQueueReceive(q, &v, (TickType_t)(intptr_t)arg));
    kt_log(v);
    kt_log_elapsed();
}

/* Receives one int forever and logs id * 10 + value (id in arg). */
static void receive_tagged(void *arg)
{
    int v = -1;
    if (xQueueReceive(q, &v, portMAX_DELAY) == pdPASS) {
        kt_log((int)(intptr_t)arg * 10 + v);
    }
}

/* Sends its id forever and then logs it. */
static void send_tagged(void *arg)
{
    int v = (int)(intptr_t)arg;
    if (xQueueSend(q, &v, portMAX_DELAY) == pdPASS) {
        kt_log(v);
    }
}

/* ----- Creation --------------------------------------------------------------------- */

PTEST(Kernel, queue_create_reports_geometry)
{
    q = xQueueCreate(4, sizeof(int));
    TEST_ASSERT_NOT_NULL(q);
    TEST_ASSERT_EQUAL(4U, uxQueueGetQueueLength(q));
    TEST_ASSERT_EQUAL(sizeof(int), uxQueueGetQueueItemSize(q));
    TEST_ASSERT_EQUAL(queueQUEUE_TYPE_BASE, ucQueueGetQueueType(q));
    TEST_ASSERT_EQUAL(4U, uxQueueSpacesAvailable(q));
    TEST_ASSERT_EQUAL(0U, uxQueueMessagesWaiting(q));
    vQueueDelete(q);
}

PTEST(Kernel, queue_create_static_uses_given_buffers)
{
    static uint8_t storage[4 * sizeof(int)];
    static StaticQueue_t buffer;
    const size_t heap = xPortGetFreeHeapSize();
    q = xQueueCreateStatic(4, sizeof(int), storage, &buffer);
    TEST_ASSERT_EQUAL_PTR(&buffer, q);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
    uint8_t *s = NULL;
    StaticQueue_t *b = NULL;
    TEST_ASSERT_EQUAL(pdTRUE, xQueueGetStaticBuffers(q, &s, &b));
    TEST_ASSERT_EQUAL_PTR(storage, s);
    TEST_ASSERT_EQUAL_PTR(&buffer, b);
    send_ints(1, 4);
    expect_ints(1, 4);
    vQueueDelete(q);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, queue_dynamic_has_no_static_buffers)
{
    q = xQueueCreate(1, sizeof(int));
    uint8_t *s = NULL;
    StaticQueue_t *b = NULL;
    TEST_ASSERT_EQUAL(pdFALSE, xQueueGetStaticBuffers(q, &s, &b));
    vQueueDelete(q);
}

PTEST(Kernel, queue_delete_returns_memory)
{
    const size_t heap = xPortGetFreeHeapSize();
    q = xQueueCreate(8, 32);
    TEST_ASSERT(xPortGetFreeHeapSize() < heap);
    vQueueDelete(q);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, queue_create_fails_when_heap_exhausted)
{
    const size_t heap = xPortGetFreeHeapSize();
    TEST_ASSERT_NULL(xQueueCreate(1, configTOTAL_HEAP_SIZE));
    TEST_ASSERT_NULL(xQueueCreate(configTOTAL_HEAP_SIZE / 4U, 8));
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

/* ----- Ordering ------------------------------------------------------------------------- */

PTEST(Kernel, queue_fifo_order)
{
    q = xQueueCreate(4, sizeof(int));
    send_ints(1, 4);
    expect_ints(1, 4);
    vQueueDelete(q);
}

PTEST(Kernel, queue_send_to_front_is_lifo)
{
    q = xQueueCreate(3, sizeof(int));
    for (int v = 1; v <= 3; v++) {
        TEST_ASSERT_EQUAL(pdPASS, xQueueSendToFront(q, &v, 0));
    }
    for (int v = 3; v >= 1; v--) {
        int got = 0;
        TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q, &got, 0));
        TEST_ASSERT_EQUAL(v, got);
    }
    vQueueDelete(q);
}

PTEST(Kernel, queue_mixed_front_and_back)
{
    q = xQueueCreate(4, sizeof(int));
    int v = 1;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSendToBack(q, &v, 0));
    v = 2;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSendToBack(q, &v, 0));
    v = 0;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSendToFront(q, &v, 0));
    v = -1;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSendToFront(q, &v, 0));
    expect_ints(-1, 4);
    vQueueDelete(q);
}

PTEST(Kernel, queue_wraps_around_its_storage)
{
    q = xQueueCreate(3, sizeof(int));
    for (int round = 0; round < 10; round++) {
        send_ints(round * 2, 2);
        expect_ints(round * 2, 2);
    }
    send_ints(100, 2);
    int v = 99;
    TEST_ASSERT_EQUAL(pdPASS, xQueueSendToFront(q, &v, 0));
    expect_ints(99, 3);
    vQueueDelete(q);
}

struct record {
    int id;
    char text[12];
};

PTEST(Kernel, queue_items_are_copied_by_value)
{
    q = xQueueCreate(2, sizeof(struct record));
    struct record r = {7, "seven"};
    TEST_ASSERT_EQUAL(pdPASS, xQueueSend(q, &r, 0));
    r.id = 8;
    strcpy(r.text, "eight");
    struct record got;
    memset(&got, 0, sizeof got);
    TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q, &got, 0));
    TEST_ASSERT_EQUAL(7, got.id);
    TEST_ASSERT_EQUAL_STRING("seven", got.text);
    vQueueDelete(q);
}

PTEST(Kernel, queue_messages_waiting_and_spaces_track_count)
{
    q = xQueueCreate(3, sizeof(int));
    for (UBaseType_t n = 1; n <= 3; n++) {
        send_ints((int)n, 1);
        TEST_ASSERT_EQUAL(n, uxQueueMessagesWaiting(q));
        TEST_ASSERT_EQUAL(3U - n, uxQueueSpacesAvailable(q));
    }
    expect_ints(1, 1);
    TEST_ASSERT_EQUAL(2U, uxQueueMessagesWaiting(q));
    TEST_ASSERT_EQUAL(1U, uxQueueSpacesAvailable(q));
    vQueueDelete(q);
}

/* ----- Blocking and timeouts ---------------------------------------------------------- */

PTEST(Kernel, queue_send_to_full_queue_fails_at_once)
{
    q = xQueueCreate(2, sizeof(int));
    send_ints(1, 2);
    const TickType_t t0 = xTaskGetTickCount();
    int v = 3;
    TEST_ASSERT_EQUAL(errQUEUE_FULL, xQueueSend(q, &v, 0));
    TEST_ASSERT_EQUAL(t0, xTaskGetTickCount());
    expect_ints(1, 2);
    vQueueDelete(q);
}

PTEST(Kernel, queue_send_times_out_exactly)
{
    q = xQueueCreate(1, sizeof(int));
    send_ints(1, 1);
    const TickType_t t0 = xTaskGetTickCount();
    int v = 2;
    TEST_ASSERT_EQUAL(errQUEUE_FULL, xQueueSend(q, &v, 5));
    TEST_ASSERT_EQUAL(t0 + 5U, xTaskGetTickCount());
    vQueueDelete(q);
}

PTEST(Kernel, queue_receive_from_empty_queue_fails_at_once)
{
    q = xQueueCreate(2, sizeof(int));
    const TickType_t t0 = xTaskGetTickCount();
    int v = 0;
    TEST_ASSERT_EQUAL(errQUEUE_EMPTY, xQueueReceive(q, &v, 0));
    TEST_ASSERT_EQUAL(t0, xTaskGetTickCount());
    vQueueDelete(q);
}

PTEST(Kernel, queue_receive_times_out_exactly)
{
    q = xQueueCreate(2, sizeof(int));
    const TickType_t t0 = xTaskGetTickCount();
    int v = 0;
    TEST_ASSERT_EQUAL(errQUEUE_EMPTY, xQueueReceive(q, &v, 8));
    TEST_ASSERT_EQUAL(t0 + 8U, xTaskGetTickCount());
    vQueueDelete(q);
}

static void send_two_log(void *arg)
{
    (void)arg;
    for (int v = 1; v <= 2; v++) {
        kt_log((int)xQueueSend(q, &v, portMAX_DELAY));
    }
    kt_log_elapsed();
}

PTEST(Kernel, queue_send_blocks_until_space)
{
    q = xQueueCreate(1, sizeof(int));
    TaskHandle_t h = ptest_task_create(send_two_log, "send", KT_P1, NULL);
    KT_EXPECT_LOG(pdPASS);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    vTaskDelay(3);
    expect_ints(1, 1); /* makes room: the sender completes before we go on */
    KT_EXPECT_LOG(pdPASS, pdPASS, 3);
    expect_ints(2, 1);
    vQueueDelete(q);
}

PTEST(Kernel, queue_receive_blocks_until_item)
{
    q = xQueueCreate(1, sizeof(int));
    ptest_task_create(receive_log, "recv", KT_P1, (void *)portMAX_DELAY);
    vTaskDelay(4);
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    send_ints(77, 1);
    KT_EXPECT_LOG(pdPASS, 77, 4);
    vQueueDelete(q);
}

PTEST(Kernel, queue_receivers_woken_by_priority_then_fifo)
{
    q = xQueueCreate(4, sizeof(int));
    ptest_task_create(receive_tagged, "a", KT_P1, (void *)1);
    ptest_task_create(receive_tagged, "b", KT_P2, (void *)2);
    ptest_task_create(receive_tagged, "c", KT_P1, (void *)3);
    ptest_task_create(receive_tagged, "d", KT_P2, (void *)4);
    send_ints(1, 4);
    KT_EXPECT_LOG(21, 42, 13, 34);
    vQueueDelete(q);
}

PTEST(Kernel, queue_senders_woken_by_priority_then_fifo)
{
    q = xQueueCreate(1, sizeof(int));
    send_ints(0, 1);
    ptest_task_create(send_tagged, "a", KT_P1, (void *)1);
    ptest_task_create(send_tagged, "b", KT_P2, (void *)2);
    ptest_task_create(send_tagged, "c", KT_P1, (void *)3);
    ptest_task_create(send_tagged, "d", KT_P2, (void *)4);
    static const int order[] = {0, 2, 4, 1, 3};
    for (unsigned i = 0; i < 5U; i++) {
        int v = -1;
        TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q, &v, 0));
        TEST_ASSERT_EQUAL(order[i], v);
    }
    KT_EXPECT_LOG(2, 4, 1, 3);
    vQueueDelete(q);
}

PTEST(Kernel, queue_item_taken_by_higher_task_does_not_strand_waiter)
{
    q = xQueueCreate(1, sizeof(int));
    ptest_task_create(receive_log, "low", KT_LOW, (void *)50);
    vTaskDelay(1); /* it starts waiting at tick 0 */
    send_ints(1, 1);
    expect_ints(1, 1); /* we outrank the woken waiter and take the item back */
    vTaskDelay(4);     /* it runs, finds nothing and waits again */
    TEST_ASSERT_EQUAL(0U, kt_log_count());
    send_ints(2, 1);
    vTaskDelay(1);
    KT_EXPECT_LOG(pdPASS, 2, 5);
    vQueueDelete(q);
}

/* ----- Overwrite and peek: the mailbox ---------------------------------------------------------- */

PTEST(Kernel, queue_overwrite_replaces_the_item)
{
    q = xQueueCreate(1, sizeof(int));
    int v = 1;
    TEST_ASSERT_EQUAL(pdPASS, xQueueOverwrite(q, &v));
    TEST_ASSERT_EQUAL(1U, uxQueueMessagesWaiting(q));
    v = 2;
    const TickType_t t0 = xTaskGetTickCount();
    TEST_ASSERT_EQUAL(pdPASS, xQueueOverwrite(q, &v));
    TEST_ASSERT_EQUAL(t0, xTaskGetTickCount());
    TEST_ASSERT_EQUAL(1U, uxQueueMessagesWaiting(q));
    expect_ints(2, 1);
    vQueueDelete(q);
}

PTEST(Kernel, queue_overwrite_wakes_receiver)
{
    q = xQueueCreate(1, sizeof(int));
    ptest_task_create(receive_log, "recv", KT_P1, (void *)portMAX_DELAY);
    vTaskDelay(2);
    int v = 9;
    TEST_ASSERT_EQUAL(pdPASS, xQueueOverwrite(q, &v));
    KT_EXPECT_LOG(pdPASS, 9, 2);
    vQueueDelete(q);
}

PTEST(Kernel, queue_peek_leaves_the_item)
{
    q = xQueueCreate(2, sizeof(int));
    send_ints(3, 2);
    int v = 0;
    TEST_ASSERT_EQUAL(pdPASS, xQueuePeek(q, &v, 0));
    TEST_ASSERT_EQUAL(3, v);
    TEST_ASSERT_EQUAL(2U, uxQueueMessagesWaiting(q));
    expect_ints(3, 2);
    vQueueDelete(q);
}

PTEST(Kernel, queue_peek_times_out_exactly)
{
    q = xQueueCreate(1, sizeof(int));
    const TickType_t t0 = xTaskGetTickCount();
    int v = 0;
    TEST_ASSERT_EQUAL(errQUEUE_EMPTY, xQueuePeek(q, &v, 4));
    TEST_ASSERT_EQUAL(t0 + 4U, xTaskGetTickCount());
    vQueueDelete(q);
}

static void peek_log(void *arg)
{
    int v = -1;
    (void)arg;
    if (xQueuePeek(q, &v, portMAX_DELAY) == pdPASS) {
        kt_log(100 + v);
    }
}

PTEST(Kernel, queue_peek_passes_item_on_to_other_receivers)
{
    q = xQueueCreate(1, sizeof(int));
    ptest_task_create(receive_tagged, "recv", KT_P1, (void *)20);
    ptest_task_create(peek_log, "peek", KT_P2, NULL);
    send_ints(5, 1);
    KT_EXPECT_LOG(105, 205);
    TEST_ASSERT_EQUAL(0U, uxQueueMessagesWaiting(q));
    vQueueDelete(q);
}

PTEST(Kernel, queue_mailbox_overwrite_then_peek)
{
    q = xQueueCreate(1, sizeof(int));
    int v = 10;
    int got = 0;
    TEST_ASSERT_EQUAL(pdPASS, xQueueOverwrite(q, &v));
    TEST_ASSERT_EQUAL(pdPASS, xQueuePeek(q, &got, 0));
    TEST_ASSERT_EQUAL(10, got);
    v = 20;
    TEST_ASSERT_EQUAL(pdPASS, xQueueOverwrite(q, &v));
    for (int i = 0; i < 2; i++) {
        TEST_ASSERT_EQUAL(pdPASS, xQueuePeek(q, &got, 0));
        TEST_ASSERT_EQUAL(20, got);
    }
    TEST_ASSERT_EQUAL(1U, uxQueueMessagesWaiting(q));
    vQueueDelete(q);
}

/* ----- Reset ---------------------------------------------------------------------------------- */

PTEST(Kernel, queue_reset_empties_the_queue)
{
    q = xQueueCreate(3, sizeof(int));
    send_ints(1, 3);
    TEST_ASSERT_EQUAL(pdPASS, xQueueReset(q));
    TEST_ASSERT_EQUAL(0U, uxQueueMessagesWaiting(q));
    TEST_ASSERT_EQUAL(3U, uxQueueSpacesAvailable(q));
    send_ints(4, 3);
    expect_ints(4, 3);
    vQueueDelete(q);
}

PTEST(Kernel, queue_reset_wakes_a_blocked_sender)
{
    q = xQueueCreate(1, sizeof(int));
    send_ints(0, 1);
    TaskHandle_t h = ptest_task_create(send_tagged, "send", KT_P1, (void *)7);
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    TEST_ASSERT_EQUAL(pdPASS, xQueueReset(q));
    KT_EXPECT_LOG(7);
    expect_ints(7, 1);
    vQueueDelete(q);
}

PTEST(Kernel, queue_reset_leaves_receivers_blocked)
{
    q = xQueueCreate(1, sizeof(int));
    TaskHandle_t h = ptest_task_create(receive_log, "recv", KT_P1, (void *)portMAX_DELAY);
    TEST_ASSERT_EQUAL(pdPASS, xQueueReset(q));
    TEST_ASSERT_EQUAL(eBlocked, eTaskGetState(h));
    vTaskDelay(2);
    send_ints(3, 1);
    KT_EXPECT_LOG(pdPASS, 3, 2);
    vQueueDelete(q);
}

/* ----- FromISR ---------------------------------------------------------------------------------- */

static void send_three_isr(void)
{
    BaseType_t woken = pdFALSE;
    int v = 1;
    isr_result[0] = xQueueSendToBackFromISR(q, &v, &woken);
    v = 2;
    isr_result[1] = xQueueSendFromISR(q, &v, &woken);
    v = 0;
    isr_result[2] = xQueueSendToFrontFromISR(q, &v, &woken);
    v = 3;
    isr_result[3] = xQueueSendFromISR(q, &v, &woken); /* full */
    isr_woken = woken;
}

PTEST(Kernel, queue_send_from_isr_back_front_and_full)
{
    q = xQueueCreate(3, sizeof(int));
    kt_run_in_isr(send_three_isr);
    TEST_ASSERT_EQUAL(pdPASS, isr_result[0]);
    TEST_ASSERT_EQUAL(pdPASS, isr_result[1]);
    TEST_ASSERT_EQUAL(pdPASS, isr_result[2]);
    TEST_ASSERT_EQUAL(errQUEUE_FULL, isr_result[3]);
    TEST_ASSERT_EQUAL(pdFALSE, isr_woken);
    expect_ints(0, 3);
    vQueueDelete(q);
}

static void send_one_isr(void)
{
    BaseType_t woken = pdFALSE;
    int v = 42;
    kt_log(1);
    isr_result[0] = xQueueSendFromISR(q, &v, &woken);
    isr_woken = woken;
    portYIELD_FROM_ISR(woken);
}

PTEST(Kernel, queue_send_from_isr_wakes_higher_receiver_on_isr_exit)
{
    q = xQueueCreate(1, sizeof(int));
    ptest_task_create(receive_log, "recv", KT_P1, (void *)portMAX_DELAY);
    kt_run_in_isr(send_one_isr);
    kt_log(2);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
    KT_EXPECT_LOG(1, pdPASS, 42, 0, 2);
    vQueueDelete(q);
}

PTEST(Kernel, queue_send_from_isr_lower_receiver_leaves_woken_false)
{
    q = xQueueCreate(1, sizeof(int));
    TaskHandle_t h = ptest_task_create(receive_log, "low", KT_LOW, (void *)portMAX_DELAY);
    vTaskDelay(1);
    kt_run_in_isr(send_one_isr);
    TEST_ASSERT_EQUAL(pdFALSE, isr_woken);
    TEST_ASSERT_EQUAL(eReady, eTaskGetState(h));
    vTaskDelay(1);
    KT_EXPECT_LOG(1, pdPASS, 42, 1);
    vQueueDelete(q);
}

static void send_null_woken_isr(void)
{
    int v = 5;
    isr_result[0] = xQueueSendFromISR(q, &v, NULL);
}

PTEST(Kernel, queue_send_from_isr_accepts_null_woken_pointer)
{
    q = xQueueCreate(1, sizeof(int));
    kt_run_in_isr(send_null_woken_isr);
    TEST_ASSERT_EQUAL(pdPASS, isr_result[0]);
    expect_ints(5, 1);
    vQueueDelete(q);
}

static void overwrite_isr(void)
{
    BaseType_t woken = pdFALSE;
    int v = 2;
    isr_result[0] = xQueueOverwriteFromISR(q, &v, &woken);
}

PTEST(Kernel, queue_overwrite_from_isr)
{
    q = xQueueCreate(1, sizeof(int));
    send_ints(1, 1);
    kt_run_in_isr(overwrite_isr);
    TEST_ASSERT_EQUAL(pdPASS, isr_result[0]);
    TEST_ASSERT_EQUAL(1U, uxQueueMessagesWaiting(q));
    expect_ints(2, 1);
    vQueueDelete(q);
}

static void receive_isr(void)
{
    BaseType_t woken = pdFALSE;
    int v = -1;
    kt_log(1);
    isr_result[0] = xQueueReceiveFromISR(q, &v, &woken);
    isr_value = v;
    isr_woken = woken;
    portYIELD_FROM_ISR(woken);
}

PTEST(Kernel, queue_receive_from_isr_takes_item_and_wakes_sender)
{
    q = xQueueCreate(1, sizeof(int));
    send_ints(0, 1);
    ptest_task_create(send_tagged, "send", KT_P1, (void *)7);
    kt_run_in_isr(receive_isr);
    kt_log(2);
    TEST_ASSERT_EQUAL(pdPASS, isr_result[0]);
    TEST_ASSERT_EQUAL(0, isr_value);
    TEST_ASSERT_EQUAL(pdTRUE, isr_woken);
    KT_EXPECT_LOG(1, 7, 2);
    expect_ints(7, 1);
    vQueueDelete(q);
}

PTEST(Kernel, queue_receive_from_isr_on_empty_queue)
{
    q = xQueueCreate(1, sizeof(int));
    kt_run_in_isr(receive_isr);
    TEST_ASSERT_EQUAL(errQUEUE_EMPTY, isr_result[0]);
    TEST_ASSERT_EQUAL(-1, isr_value);
    TEST_ASSERT_EQUAL(pdFALSE, isr_woken);
    vQueueDelete(q);
}

static void peek_isr(void)
{
    int v = -1;
    isr_result[0] = xQueuePeekFromISR(q, &v);
    isr_value = v;
}

PTEST(Kernel, queue_peek_from_isr_leaves_the_item)
{
    q = xQueueCreate(2, sizeof(int));
    kt_run_in_isr(peek_isr);
    TEST_ASSERT_EQUAL(errQUEUE_EMPTY, isr_result[0]);
    send_ints(6, 2);
    kt_run_in_isr(peek_isr);
    TEST_ASSERT_EQUAL(pdPASS, isr_result[0]);
    TEST_ASSERT_EQUAL(6, isr_value);
    expect_ints(6, 2);
    vQueueDelete(q);
}

static void status_isr(void)
{
    isr_result[0] = xQueueIsQueueEmptyFromISR(q);
    isr_result[1] = xQueueIsQueueFullFromISR(q);
    isr_result[2] = (BaseType_t)uxQueueMessagesWaitingFromISR(q);
}

PTEST(Kernel, queue_status_from_isr)
{
    q = xQueueCreate(2, sizeof(int));
    kt_run_in_isr(status_isr);
    TEST_ASSERT_EQUAL(pdTRUE, isr_result[0]);
    TEST_ASSERT_EQUAL(pdFALSE, isr_result[1]);
    TEST_ASSERT_EQUAL(0, isr_result[2]);
    send_ints(1, 1);
    kt_run_in_isr(status_isr);
    TEST_ASSERT_EQUAL(pdFALSE, isr_result[0]);
    TEST_ASSERT_EQUAL(pdFALSE, isr_result[1]);
    TEST_ASSERT_EQUAL(1, isr_result[2]);
    send_ints(2, 1);
    kt_run_in_isr(status_isr);
    TEST_ASSERT_EQUAL(pdFALSE, isr_result[0]);
    TEST_ASSERT_EQUAL(pdTRUE, isr_result[1]);
    TEST_ASSERT_EQUAL(2, isr_result[2]);
    vQueueDelete(q);
}

PTEST(Kernel, queue_timed_isr_send_wakes_receiver_at_exact_tick)
{
    q = xQueueCreate(1, sizeof(int));
    board_test_irq_set_handler(BOARD_TEST_IRQ_LOW, send_one_isr);
    const TickType_t t0 = xTaskGetTickCount();
    board_test_irq_trigger_after(BOARD_TEST_IRQ_LOW, 5);
    int v = 0;
    TEST_ASSERT_EQUAL(pdPASS, xQueueReceive(q, &v, 100));
    TEST_ASSERT_EQUAL(42, v);
    TEST_ASSERT_EQUAL(t0 + 5U, xTaskGetTickCount());
    vQueueDelete(q);
}
