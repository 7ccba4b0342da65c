/*
 * The minimal variant: no timers, no event groups, 16-bit ticks, no trace
 * facility or run-time statistics, stack checking method 1, one-byte
 * message lengths and no stream buffer callbacks.
 */
#ifndef FREERTOS_CONFIG_VARIANT_H
#define FREERTOS_CONFIG_VARIANT_H

#define configUSE_TIMERS 0
#define configUSE_EVENT_GROUPS 0
#define configUSE_16_BIT_TICKS 1
#define configUSE_TRACE_FACILITY 0
#define configGENERATE_RUN_TIME_STATS 0
#define configCHECK_FOR_STACK_OVERFLOW 1
#define configUSE_SB_COMPLETED_CALLBACK 0
#define configMESSAGE_BUFFER_LENGTH_TYPE uint8_t

#include "../../FreeRTOSConfig.h"

#endif /* FREERTOS_CONFIG_VARIANT_H */
