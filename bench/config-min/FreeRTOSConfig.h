/*
 * FreeRTOSConfig.h - the "minimal" configuration of the footprint figures:
 * tasks, queues and semaphores only (no mutexes, notifications, timers,
 * event groups or stream buffers), dynamic allocation, no checking, 5
 * priorities, 128-word stacks, an 8 KB heap.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#include "board_config.h"

#undef configMINIMAL_STACK_SIZE
#define configMINIMAL_STACK_SIZE 128
#undef configTOTAL_HEAP_SIZE
#define configTOTAL_HEAP_SIZE ((size_t)(8U * 1024U))

#define configMAX_PRIORITIES 5
#define configUSE_PREEMPTION 1
#define configUSE_TIME_SLICING 1
#define configTICK_RATE_HZ 1000
#define configMAX_TASK_NAME_LEN 16
#define configUSE_MUTEXES 0
#define configUSE_RECURSIVE_MUTEXES 0
#define configUSE_COUNTING_SEMAPHORES 0
#define configUSE_TASK_NOTIFICATIONS 0
#define configUSE_TIMERS 0
#define configUSE_EVENT_GROUPS 0
#define configUSE_STREAM_BUFFERS 0
#define configSUPPORT_STATIC_ALLOCATION 0
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#define configCHECK_FOR_STACK_OVERFLOW 0
#define configUSE_TRACE_FACILITY 0

#define INCLUDE_vTaskDelay 1
#define INCLUDE_xTaskResumeFromISR 0
#define INCLUDE_xTaskGetCurrentTaskHandle 0

#endif /* FREERTOS_CONFIG_H */
