/*
 * stream_buffer.c - stream buffers, message buffers and batching buffers.
 *
 * A ring of `length` bytes described by the index of the oldest byte and a
 * byte count. With one writer and one reader the copies need no lock: the
 * writer only fills free bytes and the reader only drains held bytes, and
 * each publishes its work by updating `count` (and the reader `read`) in a
 * short critical section. A message is written with its length prefix in
 * one such update, so the reader never sees half a message.
 *
 * A task that must wait records itself in the buffer and waits for a
 * notification at the buffer's index; the other side notifies it from the
 * completion action once data (or room) is there, and the waiter checks
 * again, so a stray notification only costs a loop.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "stream_buffer.h"
#include "kernel_sched.h"
#include "kernel_alloc.h"

#if (configUSE_STREAM_BUFFERS == 1)

#define SB_MESSAGE 0x01U
#define SB_STATIC 0x02U
#define SB_BATCHING 0x04U

#define SB_PREFIX sizeof(configMESSAGE_BUFFER_LENGTH_TYPE)
#define SB_MAX_MESSAGE \
    ((size_t)(configMESSAGE_BUFFER_LENGTH_TYPE) ~(configMESSAGE_BUFFER_LENGTH_TYPE)0)
#define SB_NEVER SIZE_MAX

typedef configMESSAGE_BUFFER_LENGTH_TYPE sb_length_t;

typedef struct StreamBufferDef_t {
    size_t length;         /* capacity in bytes */
    size_t read;           /* index of the oldest byte */
    volatile size_t count; /* bytes held */
    size_t trigger;        /* bytes that wake a blocked reader */
    TaskHandle_t volatile waiting_receive;
    TaskHandle_t volatile waiting_send;
    uint8_t *storage;
    uint8_t flags;
#if (configUSE_TRACE_FACILITY == 1)
    UBaseType_t number;
#endif /* configUSE_TRACE_FACILITY */
#if (configUSE_SB_COMPLETED_CALLBACK == 1)
    StreamBufferCallbackFunction_t send_cb;
    StreamBufferCallbackFunction_t receive_cb;
#endif /* configUSE_SB_COMPLETED_CALLBACK */
    UBaseType_t notify_index;
} sb_t;

_Static_assert(sizeof(StaticStreamBuffer_t) == sizeof(sb_t),
               "StaticStreamBuffer_t must mirror the stream buffer");

/* ----- Locking for either context --------------------------------------------- */

static UBaseType_t sb_lock(int isr)
{
    if (isr) {
        return portSET_INTERRUPT_MASK_FROM_ISR();
    }
    portENTER_CRITICAL();
    return 0;
}

static void sb_unlock(int isr, UBaseType_t mask)
{
    if (isr) {
        portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    } else {
        portEXIT_CRITICAL();
    }
}

/* ----- The ring ------------------------------------------------------------------- */

static void sb_copy_in(sb_t *sb, size_t at, const void *src, size_t n)
{
    if (n == 0U) {
        return;
    }
    const size_t first = (n < sb->length - at) ? n : sb->length - at;
    memcpy(sb->storage + at, src, first);
    memcpy(sb->storage, (const uint8_t *)src + first, n - first);
}

static void sb_copy_out(const sb_t *sb, size_t at, void *dst, size_t n)
{
    if (n == 0U) {
        return;
    }
    const size_t first = (n < sb->length - at) ? n : sb->length - at;
    memcpy(dst, sb->storage + at, first);
    memcpy((uint8_t *)dst + first, sb->storage, n - first);
}

static size_t sb_wrap(const sb_t *sb, size_t at)
{
    return (at >= sb->length) ? at - sb->length : at;
}

/* Writer side: stores what fits (a message whole or not at all) and
 * returns the bytes consumed, prefix included. */
static size_t sb_write(sb_t *sb, const void *data, size_t len, int isr)
{
    UBaseType_t mask = sb_lock(isr);
    const size_t count = sb->count;
    size_t at = sb_wrap(sb, sb->read + count);
    sb_unlock(isr, mask);
    const size_t space = sb->length - count;
    size_t payload = (len < space) ? len : space;
    size_t used = payload;
    if ((sb->flags & SB_MESSAGE) != 0U) {
        if (len > SB_MAX_MESSAGE || space < SB_PREFIX || len > space - SB_PREFIX) {
            return 0;
        }
        const sb_length_t prefix = (sb_length_t)len;
        sb_copy_in(sb, at, &prefix, SB_PREFIX);
        at = sb_wrap(sb, at + SB_PREFIX);
        payload = len;
        used = len + SB_PREFIX;
    }
    sb_copy_in(sb, at, data, payload);
    if (used > 0U) {
        mask = sb_lock(isr);
        sb->count += used;
        sb_unlock(isr, mask);
    }
    return used;
}

/* Reader side: copies out up to `len` bytes (a whole message, if it fits)
 * and returns the bytes consumed, prefix included; *got: payload bytes. */
static size_t sb_read(sb_t *sb, void *buf, size_t len, int isr, size_t *got)
{
    UBaseType_t mask = sb_lock(isr);
    const size_t count = sb->count;
    size_t at = sb->read;
    sb_unlock(isr, mask);
    size_t used = (len < count) ? len : count;
    *got = used;
    if ((sb->flags & SB_MESSAGE) != 0U) {
        sb_length_t prefix = 0;
        if (count < SB_PREFIX) {
            return 0;
        }
        sb_copy_out(sb, at, &prefix, SB_PREFIX);
        if ((size_t)prefix > len) {
            *got = 0;
            return 0;
        }
        at = sb_wrap(sb, at + SB_PREFIX);
        *got = prefix;
        used = SB_PREFIX + prefix;
    }
    sb_copy_out(sb, at, buf, *got);
    if (used > 0U) {
        mask = sb_lock(isr);
        sb->read = sb_wrap(sb, sb->read + used);
        sb->count -= used;
        sb_unlock(isr, mask);
    }
    return used;
}

/* ----- Completion actions ------------------------------------------------------- */

static BaseType_t sb_notify(TaskHandle_t volatile *slot, UBaseType_t index,
                            BaseType_t *pxHigherPriorityTaskWoken)
{
    BaseType_t r = pdFALSE;
    UBaseType_t mask = portSET_INTERRUPT_MASK_FROM_ISR();
    if (*slot != NULL) {
        (void)xTaskGenericNotifyFromISR(*slot, index, 0, eNoAction, NULL,
                                        pxHigherPriorityTaskWoken);
        *slot = NULL;
        r = pdTRUE;
    }
    portCLEAR_INTERRUPT_MASK_FROM_ISR(mask);
    return r;
}

BaseType_t xStreamBufferSendCompletedFromISR(StreamBufferHandle_t xStreamBuffer,
                                             BaseType_t *pxHigherPriorityTaskWoken)
{
    configASSERT(xStreamBuffer != NULL);
    return sb_notify(&xStreamBuffer->waiting_receive, xStreamBuffer->notify_index,
                     pxHigherPriorityTaskWoken);
}

BaseType_t xStreamBufferReceiveCompletedFromISR(StreamBufferHandle_t xStreamBuffer,
                                                BaseType_t *pxHigherPriorityTaskWoken)
{
    configASSERT(xStreamBuffer != NULL);
    return sb_notify(&xStreamBuffer->waiting_send, xStreamBuffer->notify_index,
                     pxHigherPriorityTaskWoken);
}

static void sb_send_completed(sb_t *sb, int isr, BaseType_t *woken)
{
#if (configUSE_SB_COMPLETED_CALLBACK == 1)
    if (sb->send_cb != NULL) {
        sb->send_cb(sb, isr ? pdTRUE : pdFALSE, woken);
        return;
    }
#endif /* configUSE_SB_COMPLETED_CALLBACK */
    if (isr) {
        sbSEND_COMPLETE_FROM_ISR(sb, woken);
    } else {
        sbSEND_COMPLETED(sb);
    }
}

static void sb_receive_completed(sb_t *sb, int isr, BaseType_t *woken)
{
#if (configUSE_SB_COMPLETED_CALLBACK == 1)
    if (sb->receive_cb != NULL) {
        sb->receive_cb(sb, isr ? pdTRUE : pdFALSE, woken);
        return;
    }
#endif /* configUSE_SB_COMPLETED_CALLBACK */
    if (isr) {
        sbRECEIVE_COMPLETED_FROM_ISR(sb, woken);
    } else {
        sbRECEIVE_COMPLETED(sb);
    }
}

/* ----- Creation and deletion --------------------------------------------------- */

static int sb_create_args_ok(size_t size, size_t trigger, BaseType_t type,
                             StreamBufferCallbackFunction_t send_cb,
                             StreamBufferCallbackFunction_t receive_cb)
{
    const size_t minimum = (type == sbTYPE_MESSAGE_BUFFER) ? SB_PREFIX + 1U : 1U;
    const int callbacks_ok =
        configUSE_SB_COMPLETED_CALLBACK || (send_cb == NULL && receive_cb == NULL);
    configASSERT(type >= sbTYPE_STREAM_BUFFER && type <= sbTYPE_STREAM_BATCHING_BUFFER);
    configASSERT(size >= minimum);
    configASSERT(trigger <= size); /* a trigger level above the size could never be reached */
    configASSERT(callbacks_ok);    /* callbacks need configUSE_SB_COMPLETED_CALLBACK 1 */
    return type >= sbTYPE_STREAM_BUFFER && type <= sbTYPE_STREAM_BATCHING_BUFFER &&
           size >= minimum && trigger <= size && callbacks_ok;
}

static void sb_init(sb_t *sb, uint8_t *storage, size_t size, size_t trigger, BaseType_t type,
                    uint8_t flags, StreamBufferCallbackFunction_t send_cb,
                    StreamBufferCallbackFunction_t receive_cb)
{
    memset(sb, 0, sizeof *sb);
    sb->storage = storage;
    sb->length = size;
    sb->trigger = (trigger == 0U) ? 1U : trigger;
    sb->notify_index = tskDEFAULT_INDEX_TO_NOTIFY;
    if (type == sbTYPE_MESSAGE_BUFFER) {
        flags |= SB_MESSAGE;
    } else if (type == sbTYPE_STREAM_BATCHING_BUFFER) {
        flags |= SB_BATCHING;
    }
    sb->flags = flags;
#if (configUSE_SB_COMPLETED_CALLBACK == 1)
    sb->send_cb = send_cb;
    sb->receive_cb = receive_cb;
#else
    (void)send_cb;
    (void)receive_cb;
#endif /* configUSE_SB_COMPLETED_CALLBACK */
    traceSTREAM_BUFFER_CREATE(sb, type);
}

StreamBufferHandle_t
xStreamBufferGenericCreate(size_t xBufferSizeBytes, size_t xTriggerLevelBytes,
                           BaseType_t xStreamBufferType,
                           StreamBufferCallbackFunction_t pxSendCompletedCallback,
                           StreamBufferCallbackFunction_t pxReceiveCompletedCallback)
{
    sb_t *sb = NULL;
    if (sb_create_args_ok(xBufferSizeBytes, xTriggerLevelBytes, xStreamBufferType,
                          pxSendCompletedCallback, pxReceiveCompletedCallback) &&
        xBufferSizeBytes <= SIZE_MAX - sizeof(sb_t)) {
        sb = kernel_alloc(sizeof(sb_t) + xBufferSizeBytes);
    }
    if (sb == NULL) {
        traceSTREAM_BUFFER_CREATE_FAILED(xStreamBufferType);
        return NULL;
    }
    sb_init(sb, (uint8_t *)(sb + 1), xBufferSizeBytes, xTriggerLevelBytes, xStreamBufferType, 0,
            pxSendCompletedCallback, pxReceiveCompletedCallback);
    return sb;
}

StreamBufferHandle_t xStreamBufferGenericCreateStatic(
    size_t xBufferSizeBytes, size_t xTriggerLevelBytes, BaseType_t xStreamBufferType,
    uint8_t *const pucStreamBufferStorageArea, StaticStreamBuffer_t *const pxStaticStreamBuffer,
    StreamBufferCallbackFunction_t pxSendCompletedCallback,
    StreamBufferCallbackFunction_t pxReceiveCompletedCallback)
{
    configASSERT(pucStreamBufferStorageArea != NULL);
    configASSERT(pxStaticStreamBuffer != NULL);
    if (pucStreamBufferStorageArea == NULL || pxStaticStreamBuffer == NULL ||
        !sb_create_args_ok(xBufferSizeBytes, xTriggerLevelBytes, xStreamBufferType,
                           pxSendCompletedCallback, pxReceiveCompletedCallback)) {
        traceSTREAM_BUFFER_CREATE_STATIC_FAILED(NULL, xStreamBufferType);
        return NULL;
    }
    sb_t *sb = (sb_t *)pxStaticStreamBuffer;
    sb_init(sb, pucStreamBufferStorageArea, xBufferSizeBytes, xTriggerLevelBytes, xStreamBufferType,
            SB_STATIC, pxSendCompletedCallback, pxReceiveCompletedCallback);
    return sb;
}

BaseType_t xStreamBufferGetStaticBuffers(StreamBufferHandle_t xStreamBuffer,
                                         uint8_t **ppucStreamBufferStorageArea,
                                         StaticStreamBuffer_t **ppxStaticStreamBuffer)
{
    configASSERT(xStreamBuffer != NULL);
    configASSERT(ppucStreamBufferStorageArea != NULL);
    configASSERT(ppxStaticStreamBuffer != NULL);
    if ((xStreamBuffer->flags & SB_STATIC) == 0U) {
        return pdFALSE;
    }
    *ppucStreamBufferStorageArea = xStreamBuffer->storage;
    *ppxStaticStreamBuffer = (StaticStreamBuffer_t *)xStreamBuffer;
    return pdTRUE;
}

void vStreamBufferDelete(StreamBufferHandle_t xStreamBuffer)
{
    configASSERT(xStreamBuffer != NULL);
    /* Deleting a buffer that a task is blocked on is a programming error. */
    configASSERT(xStreamBuffer->waiting_receive == NULL && xStreamBuffer->waiting_send == NULL);
    traceSTREAM_BUFFER_DELETE(xStreamBuffer);
    if ((xStreamBuffer->flags & SB_STATIC) == 0U) {
        kernel_free(xStreamBuffer);
    }
}

/* ----- Sending and receiving ------------------------------------------------------ */

/* Space a send must wait for, or SB_NEVER if the data can never fit. */
static size_t sb_space_needed(const sb_t *sb, size_t len)
{
    if ((sb->flags & SB_MESSAGE) == 0U) {
        return (len < sb->length) ? len : sb->length;
    }
    if (len > SB_MAX_MESSAGE || len > sb->length - SB_PREFIX) {
        return SB_NEVER;
    }
    return len + SB_PREFIX;
}

/* Whether the side waiting for `need` (free bytes when sending, held bytes
 * when receiving) can go on. Locked. */
static int sb_ready(const sb_t *sb, int sending, size_t need)
{
    return sending ? (sb->length - sb->count >= need) : (sb->count >= need);
}

/* Waits until sb_ready() or the time runs out, on the caller's
 * notification. Context: task. */
static void sb_wait(sb_t *sb, int sending, size_t need, TickType_t ticks)
{
    TimeOut_t to;
    TaskHandle_t volatile *slot = sending ? &sb->waiting_send : &sb->waiting_receive;
    configASSERT(ticks == 0U || *slot == NULL); /* only one task may wait on each side */
    vTaskSetTimeOutState(&to);
    for (;;) {
        portENTER_CRITICAL();
        if (sb_ready(sb, sending, need) || ticks == 0U) {
            portEXIT_CRITICAL();
            return;
        }
        (void)xTaskGenericNotifyStateClear(NULL, sb->notify_index);
        *slot = xTaskGetCurrentTaskHandle();
        portEXIT_CRITICAL();
        if (sending) {
            traceBLOCKING_ON_STREAM_BUFFER_SEND(sb);
        } else {
            traceBLOCKING_ON_STREAM_BUFFER_RECEIVE(sb);
        }
        const BaseType_t notified = xTaskGenericNotifyWait(sb->notify_index, 0, 0, NULL, ticks);
        portENTER_CRITICAL();
        *slot = NULL;
        portEXIT_CRITICAL();
        if (notified == pdFALSE || xTaskCheckForTimeOut(&to, &ticks) != pdFALSE) {
            return; /* timed out or aborted */
        }
    }
}

static int sb_io_args_ok(StreamBufferHandle_t sb, const void *data, size_t len)
{
    configASSERT(sb != NULL);
    configASSERT(data != NULL || len == 0U);
    return sb != NULL && (data != NULL || len == 0U);
}

size_t xStreamBufferSend(StreamBufferHandle_t xStreamBuffer, const void *pvTxData,
                         size_t xDataLengthBytes, TickType_t xTicksToWait)
{
    if (!sb_io_args_ok(xStreamBuffer, pvTxData, xDataLengthBytes)) {
        return 0;
    }
    SCHED_ASSERT_CAN_BLOCK(xTicksToWait);
    SCHED_ASSERT_TASK_CONTEXT();
    sb_t *sb = xStreamBuffer;
    const size_t need = sb_space_needed(sb, xDataLengthBytes);
    size_t used = 0;
    if (need != SB_NEVER) {
        sb_wait(sb, 1, need, xTicksToWait);
        used = sb_write(sb, pvTxData, xDataLengthBytes, 0);
    }
    if (used == 0U) {
        traceSTREAM_BUFFER_SEND_FAILED(sb);
        return 0;
    }
    traceSTREAM_BUFFER_SEND(sb, used);
    if (sb->count >= sb->trigger) {
        sb_send_completed(sb, 0, NULL);
    }
    return ((sb->flags & SB_MESSAGE) != 0U) ? xDataLengthBytes : used;
}

size_t xStreamBufferSendFromISR(StreamBufferHandle_t xStreamBuffer, const void *pvTxData,
                                size_t xDataLengthBytes,
                                BaseType_t *const pxHigherPriorityTaskWoken)
{
    if (!sb_io_args_ok(xStreamBuffer, pvTxData, xDataLengthBytes)) {
        return 0;
    }
    sb_t *sb = xStreamBuffer;
    const size_t used = sb_write(sb, pvTxData, xDataLengthBytes, 1);
    traceSTREAM_BUFFER_SEND_FROM_ISR(sb, used);
    if (used == 0U) {
        return 0;
    }
    if (sb->count >= sb->trigger) {
        sb_send_completed(sb, 1, pxHigherPriorityTaskWoken);
    }
    return ((sb->flags & SB_MESSAGE) != 0U) ? xDataLengthBytes : used;
}

/* Bytes a blocked reader waits for. */
static size_t sb_receive_need(const sb_t *sb)
{
    return ((sb->flags & SB_BATCHING) != 0U) ? sb->trigger : 1U;
}

size_t xStreamBufferReceive(StreamBufferHandle_t xStreamBuffer, void *pvRxData,
                            size_t xBufferLengthBytes, TickType_t xTicksToWait)
{
    size_t got = 0;
    if (!sb_io_args_ok(xStreamBuffer, pvRxData, xBufferLengthBytes)) {
        return 0;
    }
    SCHED_ASSERT_CAN_BLOCK(xTicksToWait);
    SCHED_ASSERT_TASK_CONTEXT();
    sb_t *sb = xStreamBuffer;
    sb_wait(sb, 0, sb_receive_need(sb), xTicksToWait);
    if (sb_read(sb, pvRxData, xBufferLengthBytes, 0, &got) == 0U) {
        traceSTREAM_BUFFER_RECEIVE_FAILED(sb);
        return 0;
    }
    traceSTREAM_BUFFER_RECEIVE(sb, got);
    sb_receive_completed(sb, 0, NULL);
    return got;
}

size_t xStreamBufferReceiveFromISR(StreamBufferHandle_t xStreamBuffer, void *pvRxData,
                                   size_t xBufferLengthBytes,
                                   BaseType_t *const pxHigherPriorityTaskWoken)
{
    size_t got = 0;
    if (!sb_io_args_ok(xStreamBuffer, pvRxData, xBufferLengthBytes)) {
        return 0;
    }
    sb_t *sb = xStreamBuffer;
    if (sb_read(sb, pvRxData, xBufferLengthBytes, 1, &got) == 0U) {
        return 0;
    }
    traceSTREAM_BUFFER_RECEIVE_FROM_ISR(sb, got);
    sb_receive_completed(sb, 1, pxHigherPriorityTaskWoken);
    return got;
}

/* ----- State ------------------------------------------------------------------------ */

size_t xStreamBufferBytesAvailable(StreamBufferHandle_t xStreamBuffer)
{
    configASSERT(xStreamBuffer != NULL);
    return xStreamBuffer->count;
}

size_t xStreamBufferSpacesAvailable(StreamBufferHandle_t xStreamBuffer)
{
    configASSERT(xStreamBuffer != NULL);
    return xStreamBuffer->length - xStreamBuffer->count;
}

BaseType_t xStreamBufferIsEmpty(StreamBufferHandle_t xStreamBuffer)
{
    configASSERT(xStreamBuffer != NULL);
    return (xStreamBuffer->count == 0U) ? pdTRUE : pdFALSE;
}

BaseType_t xStreamBufferIsFull(StreamBufferHandle_t xStreamBuffer)
{
    configASSERT(xStreamBuffer != NULL);
    const size_t reserve = ((xStreamBuffer->flags & SB_MESSAGE) != 0U) ? SB_PREFIX : 0U;
    return (xStreamBufferSpacesAvailable(xStreamBuffer) <= reserve) ? pdTRUE : pdFALSE;
}

BaseType_t xStreamBufferSetTriggerLevel(StreamBufferHandle_t xStreamBuffer, size_t xTriggerLevel)
{
    configASSERT(xStreamBuffer != NULL);
    if (xTriggerLevel > xStreamBuffer->length) {
        return pdFALSE;
    }
    portENTER_CRITICAL();
    xStreamBuffer->trigger = (xTriggerLevel == 0U) ? 1U : xTriggerLevel;
    portEXIT_CRITICAL();
    return pdTRUE;
}

static BaseType_t sb_reset(sb_t *sb, int isr)
{
    BaseType_t r = pdFAIL;
    configASSERT(sb != NULL);
    UBaseType_t mask = sb_lock(isr);
    if (sb->waiting_receive == NULL && sb->waiting_send == NULL) {
        traceSTREAM_BUFFER_RESET(sb);
        sb->read = 0;
        sb->count = 0;
        r = pdPASS;
    }
    sb_unlock(isr, mask);
    return r;
}

BaseType_t xStreamBufferReset(StreamBufferHandle_t xStreamBuffer)
{
    return sb_reset(xStreamBuffer, 0);
}

BaseType_t xStreamBufferResetFromISR(StreamBufferHandle_t xStreamBuffer)
{
    return sb_reset(xStreamBuffer, 1);
}

size_t xStreamBufferNextMessageLengthBytes(StreamBufferHandle_t xStreamBuffer)
{
    sb_length_t prefix = 0;
    configASSERT(xStreamBuffer != NULL);
    portENTER_CRITICAL();
    if ((xStreamBuffer->flags & SB_MESSAGE) != 0U && xStreamBuffer->count >= SB_PREFIX) {
        sb_copy_out(xStreamBuffer, xStreamBuffer->read, &prefix, SB_PREFIX);
    }
    portEXIT_CRITICAL();
    return (size_t)prefix;
}

UBaseType_t uxStreamBufferGetStreamBufferNotificationIndex(StreamBufferHandle_t xStreamBuffer)
{
    configASSERT(xStreamBuffer != NULL);
    return xStreamBuffer->notify_index;
}

void vStreamBufferSetStreamBufferNotificationIndex(StreamBufferHandle_t xStreamBuffer,
                                                   UBaseType_t uxNotificationIndex)
{
    configASSERT(xStreamBuffer != NULL);
    configASSERT(uxNotificationIndex < configTASK_NOTIFICATION_ARRAY_ENTRIES);
    configASSERT(xStreamBuffer->waiting_receive == NULL && xStreamBuffer->waiting_send == NULL);
    if (uxNotificationIndex < configTASK_NOTIFICATION_ARRAY_ENTRIES) {
        xStreamBuffer->notify_index = uxNotificationIndex;
    }
}

UBaseType_t uxStreamBufferGetStreamBufferNumber(StreamBufferHandle_t xStreamBuffer)
{
#if (configUSE_TRACE_FACILITY == 1)
    return xStreamBuffer->number;
#else
    (void)xStreamBuffer;
    return 0U;
#endif /* configUSE_TRACE_FACILITY */
}

void vStreamBufferSetStreamBufferNumber(StreamBufferHandle_t xStreamBuffer,
                                        UBaseType_t uxStreamBufferNumber)
{
#if (configUSE_TRACE_FACILITY == 1)
    xStreamBuffer->number = uxStreamBufferNumber;
#else
    (void)xStreamBuffer;
    (void)uxStreamBufferNumber;
#endif /* configUSE_TRACE_FACILITY */
}

uint8_t ucStreamBufferGetStreamBufferType(StreamBufferHandle_t xStreamBuffer)
{
    configASSERT(xStreamBuffer != NULL);
    return (uint8_t)(xStreamBuffer->flags & SB_MESSAGE);
}

#endif /* configUSE_STREAM_BUFFERS */
