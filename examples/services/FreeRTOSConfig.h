/* The services example's kernel configuration. Options left out take
 * Portolan's defaults (the same as FreeRTOS's). */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#include <assert.h>

#define configUSE_PREEMPTION 1
#define configMAX_PRIORITIES 5
#define configTICK_RATE_HZ 1000
/* On the simulator tasks run host code (printf): give them room. */
#define configMINIMAL_STACK_SIZE 4096
#define configTOTAL_HEAP_SIZE (512 * 1024)

#define configUSE_TIMERS 1
#define configTIMER_TASK_PRIORITY (configMAX_PRIORITIES - 1)
#define configTIMER_QUEUE_LENGTH 8
#define configTIMER_TASK_STACK_DEPTH configMINIMAL_STACK_SIZE
#define configUSE_EVENT_GROUPS 1
#define configUSE_STREAM_BUFFERS 1
#define configUSE_TASK_NOTIFICATIONS 1
#define configSUPPORT_DYNAMIC_ALLOCATION 1

#define INCLUDE_vTaskDelete 1
#define INCLUDE_vTaskDelay 1
#define INCLUDE_vTaskSuspend 1
#define INCLUDE_xTimerPendFunctionCall 1

#define configASSERT(x) assert(x)

#endif /* FREERTOS_CONFIG_H */
