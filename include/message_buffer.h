/*
 * message_buffer.h - message buffers: variable-length messages from one
 * writer to one reader, built on stream buffers (see stream_buffer.h for
 * the single-writer/single-reader rule, blocking and completion actions).
 *
 * Each message is stored after its length, a configMESSAGE_BUFFER_LENGTH_TYPE
 * (sizeof(size_t) bytes by default), so a message of n bytes uses n plus
 * that many bytes of the buffer. Messages are written whole or not at all
 * and read whole:
 *   - a send returns the message length, or 0 when there was no room before
 *     the block time ended; a message that can never fit (longer than the
 *     buffer minus the prefix, or than the length type holds) returns 0 at
 *     once;
 *   - a receive returns the length of the message copied out, or 0 on
 *     timeout; a message longer than the receive buffer stays in the message
 *     buffer and 0 is returned.
 */
#ifndef MESSAGE_BUFFER_H
#define MESSAGE_BUFFER_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before message_buffer.h"
#endif /* INC_FREERTOS_H */

#include "stream_buffer.h"

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

typedef StreamBufferHandle_t MessageBufferHandle_t;

#define xMessageBufferCreate(xBufferSizeBytes) \
    xStreamBufferGenericCreate((xBufferSizeBytes), 0, sbTYPE_MESSAGE_BUFFER, NULL, NULL)
#define xMessageBufferCreateWithCallback(xBufferSizeBytes, pxSendCompletedCallback, \
                                         pxReceiveCompletedCallback)                \
    xStreamBufferGenericCreate((xBufferSizeBytes), 0, sbTYPE_MESSAGE_BUFFER,        \
                               (pxSendCompletedCallback), (pxReceiveCompletedCallback))
#define xMessageBufferCreateStatic(xBufferSizeBytes, pucMessageBufferStorageArea,                  \
                                   pxStaticMessageBuffer)                                          \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), 0, sbTYPE_MESSAGE_BUFFER,                 \
                                     (pucMessageBufferStorageArea), (pxStaticMessageBuffer), NULL, \
                                     NULL)
#define xMessageBufferCreateStaticWithCallback(xBufferSizeBytes, pucMessageBufferStorageArea,  \
                                               pxStaticMessageBuffer, pxSendCompletedCallback, \
                                               pxReceiveCompletedCallback)                     \
    xStreamBufferGenericCreateStatic((xBufferSizeBytes), 0, sbTYPE_MESSAGE_BUFFER,             \
                                     (pucMessageBufferStorageArea), (pxStaticMessageBuffer),   \
                                     (pxSendCompletedCallback), (pxReceiveCompletedCallback))
#define xMessageBufferGetStaticBuffers(xMessageBuffer, ppucMessageBufferStorageArea, \
                                       ppxStaticMessageBuffer)                       \
    xStreamBufferGetStaticBuffers((xMessageBuffer), (ppucMessageBufferStorageArea),  \
                                  (ppxStaticMessageBuffer))

#define xMessageBufferSend(xMessageBuffer, pvTxData, xDataLengthBytes, xTicksToWait) \
    xStreamBufferSend((xMessageBuffer), (pvTxData), (xDataLengthBytes), (xTicksToWait))
#define xMessageBufferSendFromISR(xMessageBuffer, pvTxData, xDataLengthBytes,  \
                                  pxHigherPriorityTaskWoken)                   \
    xStreamBufferSendFromISR((xMessageBuffer), (pvTxData), (xDataLengthBytes), \
                             (pxHigherPriorityTaskWoken))
#define xMessageBufferReceive(xMessageBuffer, pvRxData, xBufferLengthBytes, xTicksToWait) \
    xStreamBufferReceive((xMessageBuffer), (pvRxData), (xBufferLengthBytes), (xTicksToWait))
#define xMessageBufferReceiveFromISR(xMessageBuffer, pvRxData, xBufferLengthBytes,  \
                                     pxHigherPriorityTaskWoken)                     \
    xStreamBufferReceiveFromISR((xMessageBuffer), (pvRxData), (xBufferLengthBytes), \
                                (pxHigherPriorityTaskWoken))

#define vMessageBufferDelete(xMessageBuffer) vStreamBufferDelete(xMessageBuffer)
#define xMessageBufferIsFull(xMessageBuffer) xStreamBufferIsFull(xMessageBuffer)
#define xMessageBufferIsEmpty(xMessageBuffer) xStreamBufferIsEmpty(xMessageBuffer)
#define xMessageBufferReset(xMessageBuffer) xStreamBufferReset(xMessageBuffer)
#define xMessageBufferResetFromISR(xMessageBuffer) xStreamBufferResetFromISR(xMessageBuffer)

/* Free bytes, including the room the next length prefix will take. */
#define xMessageBufferSpaceAvailable(xMessageBuffer) xStreamBufferSpacesAvailable(xMessageBuffer)
#define xMessageBufferSpacesAvailable(xMessageBuffer) xStreamBufferSpacesAvailable(xMessageBuffer)

/* The length of the next message, 0 when there is none. */
#define xMessageBufferNextLengthBytes(xMessageBuffer) \
    xStreamBufferNextMessageLengthBytes(xMessageBuffer)

#define xMessageBufferSendCompletedFromISR(xMessageBuffer, pxHigherPriorityTaskWoken) \
    xStreamBufferSendCompletedFromISR((xMessageBuffer), (pxHigherPriorityTaskWoken))
#define xMessageBufferReceiveCompletedFromISR(xMessageBuffer, pxHigherPriorityTaskWoken) \
    xStreamBufferReceiveCompletedFromISR((xMessageBuffer), (pxHigherPriorityTaskWoken))

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* MESSAGE_BUFFER_H */
