/* The application's own kernel configuration. Options left out take
 * Portolan's defaults (the same as FreeRTOS's). */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#include <assert.h>

#define configUSE_PREEMPTION 1
#define configUSE_TIME_SLICING 1
#define configMAX_PRIORITIES 6
#define configTICK_RATE_HZ 1000
/* On the simulator tasks run host code (printf): give them room. */
#define configMINIMAL_STACK_SIZE 4096
#define configTOTAL_HEAP_SIZE (512 * 1024)
#define configUSE_MUTEXES 1
#define configUSE_RECURSIVE_MUTEXES 1
#define configUSE_COUNTING_SEMAPHORES 1
#define configUSE_QUEUE_SETS 1
#define configUSE_TASK_NOTIFICATIONS 1

#define INCLUDE_vTaskDelete 1
#define INCLUDE_vTaskSuspend 1
#define INCLUDE_vTaskDelay 1
#define INCLUDE_vTaskPrioritySet 1
#define INCLUDE_uxTaskPriorityGet 1
#define INCLUDE_eTaskGetState 1
#define INCLUDE_xTaskAbortDelay 1

#define configASSERT(x) assert(x)

#endif /* FREERTOS_CONFIG_H */
