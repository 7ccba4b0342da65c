/*
 * stream_buffer.h - stream buffers: a byte stream from one writer to one
 * reader (task or interrupt).
 *
 * A stream buffer assumes a single writer and a single reader at a time;
 * several writers (or readers) must serialise themselves, e.g. with a
 * mutex, and then use a block time of 0 or hold the mutex while blocked.
 * Only one task may be blocked on each side.
 *
 * Capacity: a buffer created with xBufferSizeBytes holds that many bytes;
 * a static buffer needs a storage area of xBufferSizeBytes bytes.
 *
 * Trigger level: a reader blocked on an empty buffer is woken when the
 * buffer holds at least the trigger level (0 means 1; more than the buffer
 * size is invalid: configASSERT at creation, pdFALSE from
 * xStreamBufferSetTriggerLevel). If its block time ends first it reads what
 * there is. A batching buffer (xStreamBatchingBufferCreate) makes a reader
 * wait for the trigger level even when the buffer is not empty.
 *
 * Blocking uses the tasks' notification at the buffer's notification
 * index (tskDEFAULT_INDEX_TO_NOTIFY unless changed), so a task must not use
 * that notification for anything else while it waits on a stream buffer.
 *
 * Completion actions: after data was written, the writer runs the buffer's
 * send-completed callback (xStreamBufferCreateWithCallback,
 * configUSE_SB_COMPLETED_CALLBACK 1) or else sbSEND_COMPLETED(); after data
 * was read, the receive-completed callback or sbRECEIVE_COMPLETED(). The
 * default macros (FreeRTOS.h) wake the task blocked on the other side; an
 * application may define its own, typically calling
 * xStreamBufferSendCompletedFromISR() / ReceiveCompletedFromISR().
 *
 * Message buffers (message_buffer.h) are stream buffers that keep each
 * write whole, storing a configMESSAGE_BUFFER_LENGTH_TYPE length before it.
 */
#ifndef STREAM_BUFFER_H
#define STREAM_BUFFER_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before stream_buffer.h"
#endif /* INC_FREERTOS_H */

#include "task.h"

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

struct StreamBufferDef_t;
typedef struct StreamBufferDef_t *StreamBufferHandle_t;

/* A completion callback. xIsInsideISR tells the context; from an ISR the
 * callback sets *pxHigherPriorityTaskWoken when it woke a task that
 * outranks the interrupted one. */
typedef void (*StreamBufferCallbackFunction_t)(StreamBufferHandle_t xStreamBuffer,
                                               BaseType_t xIsInsideISR,
                                               BaseType_t *const pxHigherPriorityTaskWoken);

#define sbTYPE_STREAM_BUFFER ((BaseType_t)0)
#define sbTYPE_MESSAGE_BUFFER ((BaseType_t)1)
#define sbTYPE_STREAM_BATCHING_BUFFER ((BaseType_t)2)

/* ----- Creation -------------------------------------------------------------
 * xBufferSizeBytes > 0 (message buffers: larger than the length prefix) and
 * xTriggerLevelBytes <= xBufferSizeBytes, else configASSERT and NULL.
 * Callbacks may be NULL (use the macros). NULL when memory runs out.
 * Context: task, or before the scheduler starts. */
StreamBufferHandle_t
xStreamBufferGenericCreate(size_t xBufferSizeBytes, size_t xTriggerLevelBytes,
                           BaseType_t xStreamBufferType,
                           StreamBufferCallbackFunction_t pxSendCompletedCallback,
                           StreamBufferCallbackFunction_t pxReceiveCompletedCallback);
StreamBufferHandle_t xStreamBufferGenericCreateStatic(
    size_t xBufferSizeBytes, size_t xTriggerLevelBytes, BaseType_t xStreamBufferType,
    uint8_t *const pucStreamBufferStorageArea, StaticStreamBuffer_t *const pxStaticStreamBuffer,
    StreamBufferCallbackFunction_t pxSendCompletedCallback,
    StreamBufferCallbackFunction_t pxReceiveCompletedCallback);

#define xStreamBufferCreate(xBufferSizeBytes, xTriggerLevelBytes)                              \
    xStreamBufferGenericCreate((xBufferSizeBytes), (xTriggerLevelBytes), sbTYPE_STREAM_BUFFER, \
                               NULL, NULL)
#define xStreamBufferCreateWithCallback(xBufferSizeBytes, xTriggerLevelBytes,                  \
                                        pxSendCompletedCallback, pxReceiveCompletedCallback)   \
    xStreamBufferGenericCreate((xBufferSizeBytes), (xTriggerLevelBytes), sbTYPE_STREAM_BUFFER, \
                               (pxSendCompletedCallback), (pxReceiveCompletedCallback))
#define xStreamBufferCreateStatic(xBufferSizeBytes, xTriggerLevelBytes,                  \
                                  pucStreamBufferStorageArea, pxStaticStreamBuffer)      \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), (xTriggerLevelBytes),           \
                                     sbTYPE_STREAM_BUFFER, (pucStreamBufferStorageArea), \
                                     (pxStaticStreamBuffer), NULL, NULL)
#define xStreamBufferCreateStaticWithCallback(xBufferSizeBytes, xTriggerLevelBytes,                \
                                              pucStreamBufferStorageArea, pxStaticStreamBuffer,    \
                                              pxSendCompletedCallback, pxReceiveCompletedCallback) \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), (xTriggerLevelBytes),                     \
                                     sbTYPE_STREAM_BUFFER, (pucStreamBufferStorageArea),           \
                                     (pxStaticStreamBuffer), (pxSendCompletedCallback),            \
                                     (pxReceiveCompletedCallback))
#define xStreamBatchingBufferCreate(xBufferSizeBytes, xTriggerLevelBytes) \
    xStreamBufferGenericCreate((xBufferSizeBytes), (xTriggerLevelBytes),  \
                               sbTYPE_STREAM_BATCHING_BUFFER, NULL, NULL)
#define xStreamBatchingBufferCreateStatic(xBufferSizeBytes, xTriggerLevelBytes,                   \
                                          pucStreamBufferStorageArea, pxStaticStreamBuffer)       \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), (xTriggerLevelBytes),                    \
                                     sbTYPE_STREAM_BATCHING_BUFFER, (pucStreamBufferStorageArea), \
                                     (pxStaticStreamBuffer), NULL, NULL)

/* pdTRUE with the buffers of a statically created stream buffer. */
BaseType_t xStreamBufferGetStaticBuffers(StreamBufferHandle_t xStreamBuffer,
                                         uint8_t **ppucStreamBufferStorageArea,
                                         StaticStreamBuffer_t **ppxStaticStreamBuffer);

/* Deletes a buffer no task is blocked on (configASSERT). Context: task. */
void vStreamBufferDelete(StreamBufferHandle_t xStreamBuffer);

/* ----- Sending -----------------------------------------------------------------
 * Copies up to xDataLengthBytes bytes in. If there is not room for all of
 * them (for more than the buffer size: for a buffer's worth), waits up to
 * xTicksToWait for room, then writes as many as fit. Returns the number of
 * bytes written. Context: task; may block. */
size_t xStreamBufferSend(StreamBufferHandle_t xStreamBuffer, const void *pvTxData,
                         size_t xDataLengthBytes, TickType_t xTicksToWait);

/* As xStreamBufferSend without blocking. Context: ISR. */
size_t xStreamBufferSendFromISR(StreamBufferHandle_t xStreamBuffer, const void *pvTxData,
                                size_t xDataLengthBytes,
                                BaseType_t *const pxHigherPriorityTaskWoken);

/* ----- Receiving ---------------------------------------------------------------
 * Copies up to xBufferLengthBytes bytes out. If the buffer is empty (a
 * batching buffer: below its trigger level), waits up to xTicksToWait for
 * data. Returns the number of bytes read (0 on timeout).
 * Context: task; may block. */
size_t xStreamBufferReceive(StreamBufferHandle_t xStreamBuffer, void *pvRxData,
                            size_t xBufferLengthBytes, TickType_t xTicksToWait);
size_t xStreamBufferReceiveFromISR(StreamBufferHandle_t xStreamBuffer, void *pvRxData,
                                   size_t xBufferLengthBytes,
                                   BaseType_t *const pxHigherPriorityTaskWoken);

/* ----- State ---------------------------------------------------------------------- */
size_t xStreamBufferBytesAvailable(StreamBufferHandle_t xStreamBuffer);
size_t xStreamBufferSpacesAvailable(StreamBufferHandle_t xStreamBuffer);

/* pdTRUE when empty; when full (message buffers: no room for even an empty
 * message). */
BaseType_t xStreamBufferIsEmpty(StreamBufferHandle_t xStreamBuffer);
BaseType_t xStreamBufferIsFull(StreamBufferHandle_t xStreamBuffer);

/* Sets the trigger level (0 means 1). pdFALSE if it exceeds the size. */
BaseType_t xStreamBufferSetTriggerLevel(StreamBufferHandle_t xStreamBuffer, size_t xTriggerLevel);

/* Empties the buffer. Fails (pdFAIL) while a task is blocked on it. */
BaseType_t xStreamBufferReset(StreamBufferHandle_t xStreamBuffer);
BaseType_t xStreamBufferResetFromISR(StreamBufferHandle_t xStreamBuffer);

/* Message buffers: the length of the next message, 0 if none. */
size_t xStreamBufferNextMessageLengthBytes(StreamBufferHandle_t xStreamBuffer);

/* Wake the task blocked to receive (SendCompleted) or to send
 * (ReceiveCompleted). For use in application-defined completion macros or
 * callbacks. Return pdTRUE if a task was woken. Context: ISR, or task. */
BaseType_t xStreamBufferSendCompletedFromISR(StreamBufferHandle_t xStreamBuffer,
                                             BaseType_t *pxHigherPriorityTaskWoken);
BaseType_t xStreamBufferReceiveCompletedFromISR(StreamBufferHandle_t xStreamBuffer,
                                                BaseType_t *pxHigherPriorityTaskWoken);

/* The notification index used for blocking; change it only while no task
 * is blocked on the buffer. */
UBaseType_t uxStreamBufferGetStreamBufferNotificationIndex(StreamBufferHandle_t xStreamBuffer);
void vStreamBufferSetStreamBufferNotificationIndex(StreamBufferHandle_t xStreamBuffer,
                                                   UBaseType_t uxNotificationIndex);

/* For trace tools (configUSE_TRACE_FACILITY). Type: 1 for a message buffer. */
UBaseType_t uxStreamBufferGetStreamBufferNumber(StreamBufferHandle_t xStreamBuffer);
void vStreamBufferSetStreamBufferNumber(StreamBufferHandle_t xStreamBuffer,
                                        UBaseType_t uxStreamBufferNumber);
uint8_t ucStreamBufferGetStreamBufferType(StreamBufferHandle_t xStreamBuffer);

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* STREAM_BUFFER_H */
