/*
 * FreeRTOSConfig.h - the configuration of Portolan's kernel test images:
 * every feature on, so that one image exercises the whole API. Per-board
 * values come from the board's board_config.h. PORTOLAN_TEST_VARIANT_*
 * definitions select the variants of the configuration matrix.
 */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#include "board_config.h"

#ifndef configMAX_PRIORITIES
#define configMAX_PRIORITIES 8
#endif /* configMAX_PRIORITIES */
#define configUSE_PREEMPTION 1
#define configUSE_TIME_SLICING 1
#define configTICK_RATE_HZ 1000
#define configMAX_TASK_NAME_LEN 16
#define configUSE_MUTEXES 1
#define configUSE_RECURSIVE_MUTEXES 1
#define configUSE_COUNTING_SEMAPHORES 1
#define configUSE_QUEUE_SETS 1
#define configQUEUE_REGISTRY_SIZE 8
#define configUSE_TASK_NOTIFICATIONS 1
#define configTASK_NOTIFICATION_ARRAY_ENTRIES 3
#define configNUM_THREAD_LOCAL_STORAGE_POINTERS 2
#define configUSE_APPLICATION_TASK_TAG 1
#define configUSE_TICK_HOOK 1
#define configUSE_IDLE_HOOK 1
#define configUSE_MALLOC_FAILED_HOOK 1

/* Options the configuration matrix varies (tests/config/variants/<name>/
 * FreeRTOSConfig.h sets them, then includes this file). */
#ifndef configUSE_TRACE_FACILITY
#define configUSE_TRACE_FACILITY 1
#endif /* configUSE_TRACE_FACILITY */
#ifndef configUSE_STATS_FORMATTING_FUNCTIONS
#define configUSE_STATS_FORMATTING_FUNCTIONS configUSE_TRACE_FACILITY
#endif /* configUSE_STATS_FORMATTING_FUNCTIONS */
#ifndef configGENERATE_RUN_TIME_STATS
#define configGENERATE_RUN_TIME_STATS 1
#endif /* configGENERATE_RUN_TIME_STATS */
#ifndef configCHECK_FOR_STACK_OVERFLOW
#define configCHECK_FOR_STACK_OVERFLOW 2
#endif /* configCHECK_FOR_STACK_OVERFLOW */
#ifndef configSUPPORT_STATIC_ALLOCATION
#define configSUPPORT_STATIC_ALLOCATION 1
#endif /* configSUPPORT_STATIC_ALLOCATION */
#ifndef configSUPPORT_DYNAMIC_ALLOCATION
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */
#ifndef configKERNEL_PROVIDED_STATIC_MEMORY
#define configKERNEL_PROVIDED_STATIC_MEMORY 1
#endif /* configKERNEL_PROVIDED_STATIC_MEMORY */
#ifndef configUSE_TIMERS
#define configUSE_TIMERS 1
#endif /* configUSE_TIMERS */
#ifndef configUSE_EVENT_GROUPS
#define configUSE_EVENT_GROUPS 1
#endif /* configUSE_EVENT_GROUPS */

/* Timer service: below the top priority, so that a test can outrank it. */
#define configUSE_DAEMON_TASK_STARTUP_HOOK configUSE_TIMERS
#define configTIMER_TASK_PRIORITY (configMAX_PRIORITIES - 2)
#define configTIMER_QUEUE_LENGTH 8
#define configTIMER_TASK_STACK_DEPTH (configMINIMAL_STACK_SIZE * 2)

#define configUSE_STREAM_BUFFERS 1
#ifndef configUSE_SB_COMPLETED_CALLBACK
#define configUSE_SB_COMPLETED_CALLBACK 1
#endif /* configUSE_SB_COMPLETED_CALLBACK */

#define INCLUDE_vTaskPrioritySet 1
#define INCLUDE_uxTaskPriorityGet 1
#define INCLUDE_vTaskDelete 1
#define INCLUDE_vTaskSuspend 1
#define INCLUDE_xTaskDelayUntil 1
#define INCLUDE_vTaskDelay 1
#define INCLUDE_xTaskGetIdleTaskHandle 1
#define INCLUDE_xTaskAbortDelay 1
#define INCLUDE_xQueueGetMutexHolder 1
#define INCLUDE_xTaskGetHandle 1
#define INCLUDE_uxTaskGetStackHighWaterMark 1
#define INCLUDE_uxTaskGetStackHighWaterMark2 1
#define INCLUDE_eTaskGetState 1
#define INCLUDE_xTaskResumeFromISR 1
#define INCLUDE_xTaskGetSchedulerState 1
#define INCLUDE_xTaskGetCurrentTaskHandle 1
#define INCLUDE_xTimerPendFunctionCall 1

void ptest_config_assert(const char *file, int line);
void ptest_log_string(const char *s);
/* Logs go through the test framework's writer: whole lines only. */
#define configPRINT_STRING(s) ptest_log_string(s)
#define configASSERT(x)                              \
    do {                                             \
        if (!(x)) {                                  \
            ptest_config_assert(__FILE__, __LINE__); \
        }                                            \
    } while (0)

#endif /* FREERTOS_CONFIG_H */
