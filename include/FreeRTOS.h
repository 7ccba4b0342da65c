/*
 * FreeRTOS.h - include first in every file that uses the kernel.
 *
 * Pulls in the application's FreeRTOSConfig.h and the port, then gives a
 * default to every option the application left out and rejects inconsistent
 * combinations. All configuration defaults and checks of Portolan live here
 * and nowhere else.
 */
#ifndef INC_FREERTOS_H
#define INC_FREERTOS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

#include "FreeRTOSConfig.h"

/* Identification. */
#define tskKERNEL_VERSION_NUMBER "V11.1.0-portolan-0.1.0"
#define tskKERNEL_VERSION_MAJOR 11
#define tskKERNEL_VERSION_MINOR 1
#define tskKERNEL_VERSION_BUILD 0
#define PORTOLAN_VERSION "0.1.0"

/* ===== Tick width: needed by portmacro.h ================================== */
#define TICK_TYPE_WIDTH_16_BITS 0
#define TICK_TYPE_WIDTH_32_BITS 1
#define TICK_TYPE_WIDTH_64_BITS 2

#ifndef configTICK_TYPE_WIDTH_IN_BITS
#if defined(configUSE_16_BIT_TICKS) && (configUSE_16_BIT_TICKS == 1)
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_16_BITS
#else
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_32_BITS
#endif /* configUSE_16_BIT_TICKS */
#endif /* configTICK_TYPE_WIDTH_IN_BITS */

#if defined(configUSE_16_BIT_TICKS) && (configUSE_16_BIT_TICKS == 1) && \
    (configTICK_TYPE_WIDTH_IN_BITS != TICK_TYPE_WIDTH_16_BITS)
#error "configUSE_16_BIT_TICKS 1 contradicts configTICK_TYPE_WIDTH_IN_BITS"
#endif /* 16-bit tick consistency */

/* The tick type follows from the configured width alone, so it is defined
 * here once rather than in every port. */
#if configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_16_BITS
typedef uint16_t TickType_t;
#define portMAX_DELAY ((TickType_t)0xffffU)
#elif configTICK_TYPE_WIDTH_IN_BITS == TICK_TYPE_WIDTH_32_BITS
typedef uint32_t TickType_t;
#define portMAX_DELAY ((TickType_t)0xffffffffUL)
#else
typedef uint64_t TickType_t;
#define portMAX_DELAY ((TickType_t)0xffffffffffffffffULL)
#endif /* configTICK_TYPE_WIDTH_IN_BITS */

#include "projdefs.h"
#include "portable.h"

/* ===== Scheduler ========================================================== */
#ifndef configUSE_PREEMPTION
#define configUSE_PREEMPTION 1
#endif /* configUSE_PREEMPTION */

#ifndef configUSE_TIME_SLICING
#define configUSE_TIME_SLICING 1
#endif /* configUSE_TIME_SLICING */

/* Accepted for compatibility; Portolan always selects in O(1) and uses the
 * port's bit-scan instruction when it has one. */
#ifndef configUSE_PORT_OPTIMISED_TASK_SELECTION
#define configUSE_PORT_OPTIMISED_TASK_SELECTION 0
#endif /* configUSE_PORT_OPTIMISED_TASK_SELECTION */

#ifndef configMAX_PRIORITIES
#define configMAX_PRIORITIES 5
#endif /* configMAX_PRIORITIES */

#ifndef configINITIAL_TICK_COUNT
#define configINITIAL_TICK_COUNT 0
#endif /* configINITIAL_TICK_COUNT */

#ifndef configTICK_RATE_HZ
#define configTICK_RATE_HZ 1000
#endif /* configTICK_RATE_HZ */

#ifndef configCPU_CLOCK_HZ
#define configCPU_CLOCK_HZ 25000000UL
#endif /* configCPU_CLOCK_HZ */

#ifndef configMINIMAL_STACK_SIZE
#define configMINIMAL_STACK_SIZE portMINIMAL_STACK_SIZE
#endif /* configMINIMAL_STACK_SIZE */

#ifndef configSTACK_DEPTH_TYPE
#define configSTACK_DEPTH_TYPE StackType_t
#endif /* configSTACK_DEPTH_TYPE */

#ifndef configMAX_TASK_NAME_LEN
#define configMAX_TASK_NAME_LEN 16
#endif /* configMAX_TASK_NAME_LEN */

#ifndef configIDLE_SHOULD_YIELD
#define configIDLE_SHOULD_YIELD 1
#endif /* configIDLE_SHOULD_YIELD */

#ifndef configIDLE_TASK_NAME
#define configIDLE_TASK_NAME "IDLE"
#endif /* configIDLE_TASK_NAME */

#ifndef configNUMBER_OF_CORES
#define configNUMBER_OF_CORES 1
#endif /* configNUMBER_OF_CORES */

#ifndef configUSE_TICKLESS_IDLE
#define configUSE_TICKLESS_IDLE 0
#endif /* configUSE_TICKLESS_IDLE */

#ifndef configEXPECTED_IDLE_TIME_BEFORE_SLEEP
#define configEXPECTED_IDLE_TIME_BEFORE_SLEEP 2
#endif /* configEXPECTED_IDLE_TIME_BEFORE_SLEEP */

#ifndef configPRE_SUPPRESS_TICKS_AND_SLEEP_PROCESSING
#define configPRE_SUPPRESS_TICKS_AND_SLEEP_PROCESSING(x)
#endif /* configPRE_SUPPRESS_TICKS_AND_SLEEP_PROCESSING */

#ifndef configPRE_SLEEP_PROCESSING
#define configPRE_SLEEP_PROCESSING(x)
#endif /* configPRE_SLEEP_PROCESSING */

#ifndef configPOST_SLEEP_PROCESSING
#define configPOST_SLEEP_PROCESSING(x)
#endif /* configPOST_SLEEP_PROCESSING */

/* ===== Features =========================================================== */
#ifndef configUSE_TASK_NOTIFICATIONS
#define configUSE_TASK_NOTIFICATIONS 1
#endif /* configUSE_TASK_NOTIFICATIONS */

#ifndef configTASK_NOTIFICATION_ARRAY_ENTRIES
#define configTASK_NOTIFICATION_ARRAY_ENTRIES 1
#endif /* configTASK_NOTIFICATION_ARRAY_ENTRIES */

#ifndef configUSE_MUTEXES
#define configUSE_MUTEXES 0
#endif /* configUSE_MUTEXES */

#ifndef configUSE_RECURSIVE_MUTEXES
#define configUSE_RECURSIVE_MUTEXES 0
#endif /* configUSE_RECURSIVE_MUTEXES */

#ifndef configUSE_COUNTING_SEMAPHORES
#define configUSE_COUNTING_SEMAPHORES 0
#endif /* configUSE_COUNTING_SEMAPHORES */

#ifndef configUSE_QUEUE_SETS
#define configUSE_QUEUE_SETS 0
#endif /* configUSE_QUEUE_SETS */

#ifndef configQUEUE_REGISTRY_SIZE
#define configQUEUE_REGISTRY_SIZE 0
#endif /* configQUEUE_REGISTRY_SIZE */

#ifndef configUSE_TIMERS
#define configUSE_TIMERS 0
#endif /* configUSE_TIMERS */

#ifndef configUSE_EVENT_GROUPS
#define configUSE_EVENT_GROUPS 1
#endif /* configUSE_EVENT_GROUPS */

#ifndef configUSE_STREAM_BUFFERS
#define configUSE_STREAM_BUFFERS 1
#endif /* configUSE_STREAM_BUFFERS */

#ifndef configUSE_SB_COMPLETED_CALLBACK
#define configUSE_SB_COMPLETED_CALLBACK 0
#endif /* configUSE_SB_COMPLETED_CALLBACK */

#ifndef configMESSAGE_BUFFER_LENGTH_TYPE
#define configMESSAGE_BUFFER_LENGTH_TYPE size_t
#endif /* configMESSAGE_BUFFER_LENGTH_TYPE */

/* Stream buffer completion actions (stream_buffer.h), run after data was
 * written (SEND) or read (RECEIVE) unless the buffer has its own callback.
 * The defaults wake the task blocked on the other side of the buffer; an
 * application may define them, e.g. to signal another core. */
#ifndef sbSEND_COMPLETED
#define sbSEND_COMPLETED(pxStreamBuffer)                                       \
    do {                                                                       \
        BaseType_t sb_woken_ = pdFALSE;                                        \
        (void)xStreamBufferSendCompletedFromISR((pxStreamBuffer), &sb_woken_); \
        if (configUSE_PREEMPTION && sb_woken_ != pdFALSE) {                    \
            portYIELD();                                                       \
        }                                                                      \
    } while (0)
#endif /* sbSEND_COMPLETED */

#ifndef sbSEND_COMPLETE_FROM_ISR
#define sbSEND_COMPLETE_FROM_ISR(pxStreamBuffer, pxHigherPriorityTaskWoken) \
    ((void)xStreamBufferSendCompletedFromISR((pxStreamBuffer), (pxHigherPriorityTaskWoken)))
#endif /* sbSEND_COMPLETE_FROM_ISR */

#ifndef sbRECEIVE_COMPLETED
#define sbRECEIVE_COMPLETED(pxStreamBuffer)                                       \
    do {                                                                          \
        BaseType_t sb_woken_ = pdFALSE;                                           \
        (void)xStreamBufferReceiveCompletedFromISR((pxStreamBuffer), &sb_woken_); \
        if (configUSE_PREEMPTION && sb_woken_ != pdFALSE) {                       \
            portYIELD();                                                          \
        }                                                                         \
    } while (0)
#endif /* sbRECEIVE_COMPLETED */

#ifndef sbRECEIVE_COMPLETED_FROM_ISR
#define sbRECEIVE_COMPLETED_FROM_ISR(pxStreamBuffer, pxHigherPriorityTaskWoken) \
    ((void)xStreamBufferReceiveCompletedFromISR((pxStreamBuffer), (pxHigherPriorityTaskWoken)))
#endif /* sbRECEIVE_COMPLETED_FROM_ISR */

#ifndef configUSE_APPLICATION_TASK_TAG
#define configUSE_APPLICATION_TASK_TAG 0
#endif /* configUSE_APPLICATION_TASK_TAG */

#ifndef configNUM_THREAD_LOCAL_STORAGE_POINTERS
#define configNUM_THREAD_LOCAL_STORAGE_POINTERS 0
#endif /* configNUM_THREAD_LOCAL_STORAGE_POINTERS */

#ifndef configUSE_POSIX_ERRNO
#define configUSE_POSIX_ERRNO 0
#endif /* configUSE_POSIX_ERRNO */

#ifndef configENABLE_BACKWARD_COMPATIBILITY
#define configENABLE_BACKWARD_COMPATIBILITY 1
#endif /* configENABLE_BACKWARD_COMPATIBILITY */

/* ===== Timers ============================================================= */
#ifndef configTIMER_TASK_PRIORITY
#define configTIMER_TASK_PRIORITY (configMAX_PRIORITIES - 1)
#endif /* configTIMER_TASK_PRIORITY */

#ifndef configTIMER_QUEUE_LENGTH
#define configTIMER_QUEUE_LENGTH 10
#endif /* configTIMER_QUEUE_LENGTH */

#ifndef configTIMER_TASK_STACK_DEPTH
#define configTIMER_TASK_STACK_DEPTH (configMINIMAL_STACK_SIZE * 2)
#endif /* configTIMER_TASK_STACK_DEPTH */

#ifndef configTIMER_SERVICE_TASK_NAME
#define configTIMER_SERVICE_TASK_NAME "Tmr Svc"
#endif /* configTIMER_SERVICE_TASK_NAME */

/* ===== Memory ============================================================= */
#ifndef configSUPPORT_STATIC_ALLOCATION
#define configSUPPORT_STATIC_ALLOCATION 0
#endif /* configSUPPORT_STATIC_ALLOCATION */

#ifndef configSUPPORT_DYNAMIC_ALLOCATION
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */

#ifndef configKERNEL_PROVIDED_STATIC_MEMORY
#define configKERNEL_PROVIDED_STATIC_MEMORY 0
#endif /* configKERNEL_PROVIDED_STATIC_MEMORY */

#ifndef configTOTAL_HEAP_SIZE
#define configTOTAL_HEAP_SIZE ((size_t)(10 * 1024))
#endif /* configTOTAL_HEAP_SIZE */

#ifndef configAPPLICATION_ALLOCATED_HEAP
#define configAPPLICATION_ALLOCATED_HEAP 0
#endif /* configAPPLICATION_ALLOCATED_HEAP */

#ifndef configSTACK_ALLOCATION_FROM_SEPARATE_HEAP
#define configSTACK_ALLOCATION_FROM_SEPARATE_HEAP 0
#endif /* configSTACK_ALLOCATION_FROM_SEPARATE_HEAP */

#ifndef configHEAP_CLEAR_MEMORY_ON_FREE
#define configHEAP_CLEAR_MEMORY_ON_FREE 0
#endif /* configHEAP_CLEAR_MEMORY_ON_FREE */

#ifndef configENABLE_HEAP_PROTECTOR
#define configENABLE_HEAP_PROTECTOR 0
#endif /* configENABLE_HEAP_PROTECTOR */

/* ===== Hooks and checking ================================================= */
#ifndef configUSE_IDLE_HOOK
#define configUSE_IDLE_HOOK 0
#endif /* configUSE_IDLE_HOOK */

#ifndef configUSE_TICK_HOOK
#define configUSE_TICK_HOOK 0
#endif /* configUSE_TICK_HOOK */

#ifndef configUSE_MALLOC_FAILED_HOOK
#define configUSE_MALLOC_FAILED_HOOK 0
#endif /* configUSE_MALLOC_FAILED_HOOK */

#ifndef configUSE_DAEMON_TASK_STARTUP_HOOK
#define configUSE_DAEMON_TASK_STARTUP_HOOK 0
#endif /* configUSE_DAEMON_TASK_STARTUP_HOOK */

#ifndef configCHECK_FOR_STACK_OVERFLOW
#define configCHECK_FOR_STACK_OVERFLOW 0
#endif /* configCHECK_FOR_STACK_OVERFLOW */

#ifndef configASSERT
#define configASSERT(x) ((void)0)
#define configASSERT_DEFINED 0
#else
#define configASSERT_DEFINED 1
#endif /* configASSERT */

/* ===== Statistics and tracing ============================================= */
#ifndef configUSE_TRACE_FACILITY
#define configUSE_TRACE_FACILITY 0
#endif /* configUSE_TRACE_FACILITY */

#ifndef configUSE_STATS_FORMATTING_FUNCTIONS
#define configUSE_STATS_FORMATTING_FUNCTIONS 0
#endif /* configUSE_STATS_FORMATTING_FUNCTIONS */

#ifndef configGENERATE_RUN_TIME_STATS
#define configGENERATE_RUN_TIME_STATS 0
#endif /* configGENERATE_RUN_TIME_STATS */

#ifndef configRUN_TIME_COUNTER_TYPE
#define configRUN_TIME_COUNTER_TYPE uint32_t
#endif /* configRUN_TIME_COUNTER_TYPE */

#ifndef portCONFIGURE_TIMER_FOR_RUN_TIME_STATS
#define portCONFIGURE_TIMER_FOR_RUN_TIME_STATS()
#endif /* portCONFIGURE_TIMER_FOR_RUN_TIME_STATS */

#ifndef portGET_RUN_TIME_COUNTER_VALUE
#define portGET_RUN_TIME_COUNTER_VALUE() ((configRUN_TIME_COUNTER_TYPE)0)
#endif /* portGET_RUN_TIME_COUNTER_VALUE */

/* Buffer size assumed by vTaskList() and vTaskGetRunTimeStats(), which
 * take no length. */
#ifndef configSTATS_BUFFER_MAX_LENGTH
#define configSTATS_BUFFER_MAX_LENGTH 0xFFFF
#endif /* configSTATS_BUFFER_MAX_LENGTH */

#ifndef configRECORD_STACK_HIGH_ADDRESS
#define configRECORD_STACK_HIGH_ADDRESS 0
#endif /* configRECORD_STACK_HIGH_ADDRESS */

/* ===== INCLUDE_ options ===================================================
 * Portolan always compiles these functions (the linker drops unused ones);
 * the options are accepted for compatibility. INCLUDE_vTaskSuspend also
 * changes behaviour: with it, portMAX_DELAY blocks forever. */
#ifndef INCLUDE_vTaskSuspend
#define INCLUDE_vTaskSuspend 0
#endif /* INCLUDE_vTaskSuspend */

#ifndef INCLUDE_vTaskDelete
#define INCLUDE_vTaskDelete 0
#endif /* INCLUDE_vTaskDelete */

#ifndef INCLUDE_vTaskPrioritySet
#define INCLUDE_vTaskPrioritySet 0
#endif /* INCLUDE_vTaskPrioritySet */

#ifndef INCLUDE_uxTaskPriorityGet
#define INCLUDE_uxTaskPriorityGet 0
#endif /* INCLUDE_uxTaskPriorityGet */

#ifndef INCLUDE_vTaskDelay
#define INCLUDE_vTaskDelay 0
#endif /* INCLUDE_vTaskDelay */

#ifndef INCLUDE_xTaskDelayUntil
#ifdef INCLUDE_vTaskDelayUntil
#define INCLUDE_xTaskDelayUntil INCLUDE_vTaskDelayUntil
#else
#define INCLUDE_xTaskDelayUntil 0
#endif /* INCLUDE_vTaskDelayUntil */
#endif /* INCLUDE_xTaskDelayUntil */

#ifndef INCLUDE_xTaskGetIdleTaskHandle
#define INCLUDE_xTaskGetIdleTaskHandle 0
#endif /* INCLUDE_xTaskGetIdleTaskHandle */

#ifndef INCLUDE_xTaskAbortDelay
#define INCLUDE_xTaskAbortDelay 0
#endif /* INCLUDE_xTaskAbortDelay */

#ifndef INCLUDE_xQueueGetMutexHolder
#define INCLUDE_xQueueGetMutexHolder 0
#endif /* INCLUDE_xQueueGetMutexHolder */

#ifndef INCLUDE_xSemaphoreGetMutexHolder
#define INCLUDE_xSemaphoreGetMutexHolder INCLUDE_xQueueGetMutexHolder
#endif /* INCLUDE_xSemaphoreGetMutexHolder */

#ifndef INCLUDE_xTaskGetHandle
#define INCLUDE_xTaskGetHandle 0
#endif /* INCLUDE_xTaskGetHandle */

#ifndef INCLUDE_uxTaskGetStackHighWaterMark
#define INCLUDE_uxTaskGetStackHighWaterMark 0
#endif /* INCLUDE_uxTaskGetStackHighWaterMark */

#ifndef INCLUDE_uxTaskGetStackHighWaterMark2
#define INCLUDE_uxTaskGetStackHighWaterMark2 0
#endif /* INCLUDE_uxTaskGetStackHighWaterMark2 */

#ifndef INCLUDE_eTaskGetState
#define INCLUDE_eTaskGetState 0
#endif /* INCLUDE_eTaskGetState */

#ifndef INCLUDE_xTaskResumeFromISR
#define INCLUDE_xTaskResumeFromISR 1
#endif /* INCLUDE_xTaskResumeFromISR */

#ifndef INCLUDE_xTimerPendFunctionCall
#define INCLUDE_xTimerPendFunctionCall 0
#endif /* INCLUDE_xTimerPendFunctionCall */

#ifndef INCLUDE_xTaskGetSchedulerState
#define INCLUDE_xTaskGetSchedulerState 0
#endif /* INCLUDE_xTaskGetSchedulerState */

#ifndef INCLUDE_xTaskGetCurrentTaskHandle
#define INCLUDE_xTaskGetCurrentTaskHandle 1
#endif /* INCLUDE_xTaskGetCurrentTaskHandle */

/* ===== Port defaults ====================================================== */
#ifndef portFIND_HIGHEST_SET_BIT
#define portFIND_HIGHEST_SET_BIT(w) kernel_highest_set_bit(w)
#endif /* portFIND_HIGHEST_SET_BIT */

#ifndef portIDLE_WAIT
#define portIDLE_WAIT()
#endif /* portIDLE_WAIT */

#ifndef portSUPPRESS_TICKS_AND_SLEEP
#define portSUPPRESS_TICKS_AND_SLEEP(t) vPortSuppressTicksAndSleep(t)
#endif /* portSUPPRESS_TICKS_AND_SLEEP */

#ifndef portASSERT_IF_INTERRUPT_PRIORITY_INVALID
#define portASSERT_IF_INTERRUPT_PRIORITY_INVALID() vPortValidateInterruptPriority()
#endif /* portASSERT_IF_INTERRUPT_PRIORITY_INVALID */

#ifndef portIS_INSIDE_INTERRUPT
#define portIS_INSIDE_INTERRUPT() xPortIsInsideInterrupt()
#endif /* portIS_INSIDE_INTERRUPT */

/* Called with a deleted task's TCB just before its memory is freed (or, for
 * a static task, given back), for ports that keep per-task host state. */
#ifndef portCLEAN_UP_TCB
#define portCLEAN_UP_TCB(pxTCB) ((void)(pxTCB))
#endif /* portCLEAN_UP_TCB */

/* 1: interrupts above configMAX_SYSCALL_INTERRUPT_PRIORITY exist and are
 * never masked by the kernel; 0: critical sections mask every interrupt
 * (portable.h). */
#ifndef portHAS_UNMASKED_INTERRUPTS
#define portHAS_UNMASKED_INTERRUPTS 1
#endif /* portHAS_UNMASKED_INTERRUPTS */

#ifndef portTASK_FUNCTION_PROTO
#define portTASK_FUNCTION_PROTO(vFunction, pvParameters) void vFunction(void *pvParameters)
#endif /* portTASK_FUNCTION_PROTO */

#ifndef portTASK_FUNCTION
#define portTASK_FUNCTION(vFunction, pvParameters) void vFunction(void *pvParameters)
#endif /* portTASK_FUNCTION */

#ifndef portPRIVILEGE_BIT
#define portPRIVILEGE_BIT ((UBaseType_t)0x00)
#endif /* portPRIVILEGE_BIT */

#ifndef portSOFTWARE_BARRIER
#define portSOFTWARE_BARRIER()
#endif /* portSOFTWARE_BARRIER */

#ifndef portMEMORY_BARRIER
#define portMEMORY_BARRIER() __asm volatile("" ::: "memory")
#endif /* portMEMORY_BARRIER */

/* A load no wider than the CPU's word is atomic on every supported CPU; a
 * port where that is not so defines it as 0. */
#ifndef portTICK_TYPE_IS_ATOMIC
#define portTICK_TYPE_IS_ATOMIC (sizeof(TickType_t) <= sizeof(UBaseType_t))
#endif /* portTICK_TYPE_IS_ATOMIC */

#ifndef mtCOVERAGE_TEST_MARKER
#define mtCOVERAGE_TEST_MARKER()
#endif /* mtCOVERAGE_TEST_MARKER */

#ifndef mtCOVERAGE_TEST_DELAY
#define mtCOVERAGE_TEST_DELAY()
#endif /* mtCOVERAGE_TEST_DELAY */

/* ===== Consistency checks ================================================= */
#if (configMAX_PRIORITIES < 1) || (configMAX_PRIORITIES > 1024)
#error "configMAX_PRIORITIES must be between 1 and 1024"
#endif /* configMAX_PRIORITIES range */

#if configTICK_RATE_HZ <= 0
#error "configTICK_RATE_HZ must be positive"
#endif /* configTICK_RATE_HZ */

#if configMAX_TASK_NAME_LEN < 1
#error "configMAX_TASK_NAME_LEN must be at least 1"
#endif /* configMAX_TASK_NAME_LEN */

#if (configSUPPORT_STATIC_ALLOCATION == 0) && (configSUPPORT_DYNAMIC_ALLOCATION == 0)
#error "configSUPPORT_STATIC_ALLOCATION and configSUPPORT_DYNAMIC_ALLOCATION are both 0"
#endif /* allocation */

#if (configUSE_RECURSIVE_MUTEXES == 1) && (configUSE_MUTEXES != 1)
#error "configUSE_RECURSIVE_MUTEXES 1 needs configUSE_MUTEXES 1"
#endif /* recursive mutexes */

#if (configUSE_TIMERS == 1) && (configTIMER_TASK_PRIORITY >= configMAX_PRIORITIES)
#error "configTIMER_TASK_PRIORITY must be below configMAX_PRIORITIES"
#endif /* timer priority */

#if (configUSE_TIMERS == 1) && (configTIMER_QUEUE_LENGTH < 1)
#error "configTIMER_QUEUE_LENGTH must be at least 1"
#endif /* timer queue */

#if (configUSE_TICKLESS_IDLE != 0) && (configEXPECTED_IDLE_TIME_BEFORE_SLEEP < 2)
#error "configEXPECTED_IDLE_TIME_BEFORE_SLEEP must be at least 2"
#endif /* tickless */

#if (configCHECK_FOR_STACK_OVERFLOW < 0) || (configCHECK_FOR_STACK_OVERFLOW > 2)
#error "configCHECK_FOR_STACK_OVERFLOW must be 0, 1 or 2"
#endif /* stack overflow method */

#if (configTASK_NOTIFICATION_ARRAY_ENTRIES < 1) || (configTASK_NOTIFICATION_ARRAY_ENTRIES > 255)
#error "configTASK_NOTIFICATION_ARRAY_ENTRIES must be between 1 and 255"
#endif /* notification entries */

#if (configUSE_STREAM_BUFFERS == 1) && (configUSE_TASK_NOTIFICATIONS != 1)
#error "configUSE_STREAM_BUFFERS 1 needs configUSE_TASK_NOTIFICATIONS 1"
#endif /* stream buffers */

#if (configUSE_DAEMON_TASK_STARTUP_HOOK == 1) && (configUSE_TIMERS != 1)
#error "configUSE_DAEMON_TASK_STARTUP_HOOK 1 needs configUSE_TIMERS 1"
#endif /* daemon hook */

#if (configKERNEL_PROVIDED_STATIC_MEMORY == 1) && (configSUPPORT_STATIC_ALLOCATION != 1)
#error "configKERNEL_PROVIDED_STATIC_MEMORY 1 needs configSUPPORT_STATIC_ALLOCATION 1"
#endif /* kernel-provided memory */

#if (configUSE_STATS_FORMATTING_FUNCTIONS == 1) && (configUSE_TRACE_FACILITY != 1)
#error "configUSE_STATS_FORMATTING_FUNCTIONS 1 needs configUSE_TRACE_FACILITY 1"
#endif /* stats formatting */

#if (configTICK_TYPE_WIDTH_IN_BITS < TICK_TYPE_WIDTH_16_BITS) || \
    (configTICK_TYPE_WIDTH_IN_BITS > TICK_TYPE_WIDTH_64_BITS)
#error "configTICK_TYPE_WIDTH_IN_BITS must be one of the TICK_TYPE_WIDTH_* values"
#endif /* tick width */

#if configNUMBER_OF_CORES != 1
#error "Portolan runs on one core: configNUMBER_OF_CORES must be 1"
#endif /* cores */

#if defined(configUSE_CO_ROUTINES) && (configUSE_CO_ROUTINES != 0)
#error "Co-routines are not supported by Portolan: set configUSE_CO_ROUTINES to 0"
#endif /* co-routines */

#if defined(configUSE_ALTERNATIVE_API) && (configUSE_ALTERNATIVE_API != 0)
#error "The alternative queue API was removed from FreeRTOS and is not supported"
#endif /* alternative API */

#if defined(configUSE_NEWLIB_REENTRANT) && (configUSE_NEWLIB_REENTRANT != 0)
#error "configUSE_NEWLIB_REENTRANT is not supported by Portolan: use a thread-safe libc port"
#endif /* newlib reentrancy */

#if defined(configENABLE_MPU) && (configENABLE_MPU != 0)
#error "configENABLE_MPU is not supported by Portolan"
#endif /* MPU */

#if portSTACK_GROWTH >= 0
#error "Portolan supports descending stacks only (portSTACK_GROWTH -1)"
#endif /* stack growth */

/* ===== Trace hooks ========================================================
 * Every trace macro the kernel calls, empty unless FreeRTOSConfig.h defines
 * it. Defined here and nowhere else. */
#ifndef traceSTART
#define traceSTART()
#endif /* traceSTART */
#ifndef traceEND
#define traceEND()
#endif /* traceEND */
#ifndef traceTASK_SWITCHED_IN
#define traceTASK_SWITCHED_IN()
#endif /* traceTASK_SWITCHED_IN */
#ifndef traceTASK_SWITCHED_OUT
#define traceTASK_SWITCHED_OUT()
#endif /* traceTASK_SWITCHED_OUT */
#ifndef traceSTARTING_SCHEDULER
#define traceSTARTING_SCHEDULER(xIdleTaskHandles)
#endif /* traceSTARTING_SCHEDULER */
#ifndef traceINCREASE_TICK_COUNT
#define traceINCREASE_TICK_COUNT(x)
#endif /* traceINCREASE_TICK_COUNT */
#ifndef traceLOW_POWER_IDLE_BEGIN
#define traceLOW_POWER_IDLE_BEGIN()
#endif /* traceLOW_POWER_IDLE_BEGIN */
#ifndef traceLOW_POWER_IDLE_END
#define traceLOW_POWER_IDLE_END()
#endif /* traceLOW_POWER_IDLE_END */
#ifndef traceTASK_PRIORITY_INHERIT
#define traceTASK_PRIORITY_INHERIT(pxTCBOfMutexHolder, uxInheritedPriority)
#endif /* traceTASK_PRIORITY_INHERIT */
#ifndef traceTASK_PRIORITY_DISINHERIT
#define traceTASK_PRIORITY_DISINHERIT(pxTCBOfMutexHolder, uxOriginalPriority)
#endif /* traceTASK_PRIORITY_DISINHERIT */
#ifndef traceBLOCKING_ON_QUEUE_RECEIVE
#define traceBLOCKING_ON_QUEUE_RECEIVE(pxQueue)
#endif /* traceBLOCKING_ON_QUEUE_RECEIVE */
#ifndef traceBLOCKING_ON_QUEUE_PEEK
#define traceBLOCKING_ON_QUEUE_PEEK(pxQueue)
#endif /* traceBLOCKING_ON_QUEUE_PEEK */
#ifndef traceBLOCKING_ON_QUEUE_SEND
#define traceBLOCKING_ON_QUEUE_SEND(pxQueue)
#endif /* traceBLOCKING_ON_QUEUE_SEND */
#ifndef traceMOVED_TASK_TO_READY_STATE
#define traceMOVED_TASK_TO_READY_STATE(pxTCB)
#endif /* traceMOVED_TASK_TO_READY_STATE */
#ifndef tracePOST_MOVED_TASK_TO_READY_STATE
#define tracePOST_MOVED_TASK_TO_READY_STATE(pxTCB)
#endif /* tracePOST_MOVED_TASK_TO_READY_STATE */
#ifndef traceMOVED_TASK_TO_DELAYED_LIST
#define traceMOVED_TASK_TO_DELAYED_LIST()
#endif /* traceMOVED_TASK_TO_DELAYED_LIST */
#ifndef traceMOVED_TASK_TO_OVERFLOW_DELAYED_LIST
#define traceMOVED_TASK_TO_OVERFLOW_DELAYED_LIST()
#endif /* traceMOVED_TASK_TO_OVERFLOW_DELAYED_LIST */
#ifndef traceQUEUE_CREATE
#define traceQUEUE_CREATE(pxNewQueue)
#endif /* traceQUEUE_CREATE */
#ifndef traceQUEUE_CREATE_FAILED
#define traceQUEUE_CREATE_FAILED(ucQueueType)
#endif /* traceQUEUE_CREATE_FAILED */
#ifndef traceCREATE_MUTEX
#define traceCREATE_MUTEX(pxNewQueue)
#endif /* traceCREATE_MUTEX */
#ifndef traceCREATE_MUTEX_FAILED
#define traceCREATE_MUTEX_FAILED()
#endif /* traceCREATE_MUTEX_FAILED */
#ifndef traceGIVE_MUTEX_RECURSIVE
#define traceGIVE_MUTEX_RECURSIVE(pxMutex)
#endif /* traceGIVE_MUTEX_RECURSIVE */
#ifndef traceGIVE_MUTEX_RECURSIVE_FAILED
#define traceGIVE_MUTEX_RECURSIVE_FAILED(pxMutex)
#endif /* traceGIVE_MUTEX_RECURSIVE_FAILED */
#ifndef traceTAKE_MUTEX_RECURSIVE
#define traceTAKE_MUTEX_RECURSIVE(pxMutex)
#endif /* traceTAKE_MUTEX_RECURSIVE */
#ifndef traceTAKE_MUTEX_RECURSIVE_FAILED
#define traceTAKE_MUTEX_RECURSIVE_FAILED(pxMutex)
#endif /* traceTAKE_MUTEX_RECURSIVE_FAILED */
#ifndef traceCREATE_COUNTING_SEMAPHORE
#define traceCREATE_COUNTING_SEMAPHORE()
#endif /* traceCREATE_COUNTING_SEMAPHORE */
#ifndef traceCREATE_COUNTING_SEMAPHORE_FAILED
#define traceCREATE_COUNTING_SEMAPHORE_FAILED()
#endif /* traceCREATE_COUNTING_SEMAPHORE_FAILED */
#ifndef traceQUEUE_SET_SEND
#define traceQUEUE_SET_SEND(pxQueue)
#endif /* traceQUEUE_SET_SEND */
#ifndef traceQUEUE_SEND
#define traceQUEUE_SEND(pxQueue)
#endif /* traceQUEUE_SEND */
#ifndef traceQUEUE_SEND_FAILED
#define traceQUEUE_SEND_FAILED(pxQueue)
#endif /* traceQUEUE_SEND_FAILED */
#ifndef traceQUEUE_RECEIVE
#define traceQUEUE_RECEIVE(pxQueue)
#endif /* traceQUEUE_RECEIVE */
#ifndef traceQUEUE_PEEK
#define traceQUEUE_PEEK(pxQueue)
#endif /* traceQUEUE_PEEK */
#ifndef traceQUEUE_PEEK_FAILED
#define traceQUEUE_PEEK_FAILED(pxQueue)
#endif /* traceQUEUE_PEEK_FAILED */
#ifndef traceQUEUE_PEEK_FROM_ISR
#define traceQUEUE_PEEK_FROM_ISR(pxQueue)
#endif /* traceQUEUE_PEEK_FROM_ISR */
#ifndef traceQUEUE_RECEIVE_FAILED
#define traceQUEUE_RECEIVE_FAILED(pxQueue)
#endif /* traceQUEUE_RECEIVE_FAILED */
#ifndef traceQUEUE_SEND_FROM_ISR
#define traceQUEUE_SEND_FROM_ISR(pxQueue)
#endif /* traceQUEUE_SEND_FROM_ISR */
#ifndef traceQUEUE_SEND_FROM_ISR_FAILED
#define traceQUEUE_SEND_FROM_ISR_FAILED(pxQueue)
#endif /* traceQUEUE_SEND_FROM_ISR_FAILED */
#ifndef traceQUEUE_RECEIVE_FROM_ISR
#define traceQUEUE_RECEIVE_FROM_ISR(pxQueue)
#endif /* traceQUEUE_RECEIVE_FROM_ISR */
#ifndef traceQUEUE_RECEIVE_FROM_ISR_FAILED
#define traceQUEUE_RECEIVE_FROM_ISR_FAILED(pxQueue)
#endif /* traceQUEUE_RECEIVE_FROM_ISR_FAILED */
#ifndef traceQUEUE_PEEK_FROM_ISR_FAILED
#define traceQUEUE_PEEK_FROM_ISR_FAILED(pxQueue)
#endif /* traceQUEUE_PEEK_FROM_ISR_FAILED */
#ifndef traceQUEUE_DELETE
#define traceQUEUE_DELETE(pxQueue)
#endif /* traceQUEUE_DELETE */
#ifndef traceQUEUE_RESET
#define traceQUEUE_RESET(pxQueue, xNewQueue)
#endif /* traceQUEUE_RESET */
#ifndef traceQUEUE_REGISTRY_ADD
#define traceQUEUE_REGISTRY_ADD(xQueue, pcQueueName)
#endif /* traceQUEUE_REGISTRY_ADD */
#ifndef traceTASK_CREATE
#define traceTASK_CREATE(pxNewTCB)
#endif /* traceTASK_CREATE */
#ifndef traceTASK_CREATE_FAILED
#define traceTASK_CREATE_FAILED()
#endif /* traceTASK_CREATE_FAILED */
#ifndef traceTASK_DELETE
#define traceTASK_DELETE(pxTaskToDelete)
#endif /* traceTASK_DELETE */
#ifndef traceTASK_DELAY_UNTIL
#define traceTASK_DELAY_UNTIL(x)
#endif /* traceTASK_DELAY_UNTIL */
#ifndef traceTASK_DELAY
#define traceTASK_DELAY()
#endif /* traceTASK_DELAY */
#ifndef traceTASK_PRIORITY_SET
#define traceTASK_PRIORITY_SET(pxTask, uxNewPriority)
#endif /* traceTASK_PRIORITY_SET */
#ifndef traceTASK_SUSPEND
#define traceTASK_SUSPEND(pxTaskToSuspend)
#endif /* traceTASK_SUSPEND */
#ifndef traceTASK_RESUME
#define traceTASK_RESUME(pxTaskToResume)
#endif /* traceTASK_RESUME */
#ifndef traceTASK_RESUME_FROM_ISR
#define traceTASK_RESUME_FROM_ISR(pxTaskToResume)
#endif /* traceTASK_RESUME_FROM_ISR */
#ifndef traceTASK_INCREMENT_TICK
#define traceTASK_INCREMENT_TICK(xTickCount)
#endif /* traceTASK_INCREMENT_TICK */
#ifndef traceTIMER_CREATE
#define traceTIMER_CREATE(pxNewTimer)
#endif /* traceTIMER_CREATE */
#ifndef traceTIMER_CREATE_FAILED
#define traceTIMER_CREATE_FAILED()
#endif /* traceTIMER_CREATE_FAILED */
#ifndef traceTIMER_COMMAND_SEND
#define traceTIMER_COMMAND_SEND(xTimer, xMessageID, xMessageValueValue, xReturn)
#endif /* traceTIMER_COMMAND_SEND */
#ifndef traceTIMER_EXPIRED
#define traceTIMER_EXPIRED(pxTimer)
#endif /* traceTIMER_EXPIRED */
#ifndef traceTIMER_COMMAND_RECEIVED
#define traceTIMER_COMMAND_RECEIVED(pxTimer, xMessageID, xMessageValue)
#endif /* traceTIMER_COMMAND_RECEIVED */
#ifndef traceMALLOC
#define traceMALLOC(pvAddress, uiSize)
#endif /* traceMALLOC */
#ifndef traceFREE
#define traceFREE(pvAddress, uiSize)
#endif /* traceFREE */
#ifndef traceEVENT_GROUP_CREATE
#define traceEVENT_GROUP_CREATE(xEventGroup)
#endif /* traceEVENT_GROUP_CREATE */
#ifndef traceEVENT_GROUP_CREATE_FAILED
#define traceEVENT_GROUP_CREATE_FAILED()
#endif /* traceEVENT_GROUP_CREATE_FAILED */
#ifndef traceEVENT_GROUP_SYNC_BLOCK
#define traceEVENT_GROUP_SYNC_BLOCK(xEventGroup, uxBitsToSet, uxBitsToWaitFor)
#endif /* traceEVENT_GROUP_SYNC_BLOCK */
#ifndef traceEVENT_GROUP_SYNC_END
#define traceEVENT_GROUP_SYNC_END(xEventGroup, uxBitsToSet, uxBitsToWaitFor, xTimeoutOccurred)
#endif /* traceEVENT_GROUP_SYNC_END */
#ifndef traceEVENT_GROUP_WAIT_BITS_BLOCK
#define traceEVENT_GROUP_WAIT_BITS_BLOCK(xEventGroup, uxBitsToWaitFor)
#endif /* traceEVENT_GROUP_WAIT_BITS_BLOCK */
#ifndef traceEVENT_GROUP_WAIT_BITS_END
#define traceEVENT_GROUP_WAIT_BITS_END(xEventGroup, uxBitsToWaitFor, xTimeoutOccurred)
#endif /* traceEVENT_GROUP_WAIT_BITS_END */
#ifndef traceEVENT_GROUP_CLEAR_BITS
#define traceEVENT_GROUP_CLEAR_BITS(xEventGroup, uxBitsToClear)
#endif /* traceEVENT_GROUP_CLEAR_BITS */
#ifndef traceEVENT_GROUP_CLEAR_BITS_FROM_ISR
#define traceEVENT_GROUP_CLEAR_BITS_FROM_ISR(xEventGroup, uxBitsToClear)
#endif /* traceEVENT_GROUP_CLEAR_BITS_FROM_ISR */
#ifndef traceEVENT_GROUP_SET_BITS
#define traceEVENT_GROUP_SET_BITS(xEventGroup, uxBitsToSet)
#endif /* traceEVENT_GROUP_SET_BITS */
#ifndef traceEVENT_GROUP_SET_BITS_FROM_ISR
#define traceEVENT_GROUP_SET_BITS_FROM_ISR(xEventGroup, uxBitsToSet)
#endif /* traceEVENT_GROUP_SET_BITS_FROM_ISR */
#ifndef traceEVENT_GROUP_DELETE
#define traceEVENT_GROUP_DELETE(xEventGroup)
#endif /* traceEVENT_GROUP_DELETE */
#ifndef tracePEND_FUNC_CALL
#define tracePEND_FUNC_CALL(xFunctionToPend, pvParameter1, ulParameter2, ret)
#endif /* tracePEND_FUNC_CALL */
#ifndef tracePEND_FUNC_CALL_FROM_ISR
#define tracePEND_FUNC_CALL_FROM_ISR(xFunctionToPend, pvParameter1, ulParameter2, ret)
#endif /* tracePEND_FUNC_CALL_FROM_ISR */
#ifndef traceTASK_NOTIFY_TAKE_BLOCK
#define traceTASK_NOTIFY_TAKE_BLOCK(uxIndexToWait)
#endif /* traceTASK_NOTIFY_TAKE_BLOCK */
#ifndef traceTASK_NOTIFY_TAKE
#define traceTASK_NOTIFY_TAKE(uxIndexToWait)
#endif /* traceTASK_NOTIFY_TAKE */
#ifndef traceTASK_NOTIFY_WAIT_BLOCK
#define traceTASK_NOTIFY_WAIT_BLOCK(uxIndexToWait)
#endif /* traceTASK_NOTIFY_WAIT_BLOCK */
#ifndef traceTASK_NOTIFY_WAIT
#define traceTASK_NOTIFY_WAIT(uxIndexToWait)
#endif /* traceTASK_NOTIFY_WAIT */
#ifndef traceTASK_NOTIFY
#define traceTASK_NOTIFY(uxIndexToNotify)
#endif /* traceTASK_NOTIFY */
#ifndef traceTASK_NOTIFY_FROM_ISR
#define traceTASK_NOTIFY_FROM_ISR(uxIndexToNotify)
#endif /* traceTASK_NOTIFY_FROM_ISR */
#ifndef traceTASK_NOTIFY_GIVE_FROM_ISR
#define traceTASK_NOTIFY_GIVE_FROM_ISR(uxIndexToNotify)
#endif /* traceTASK_NOTIFY_GIVE_FROM_ISR */
#ifndef traceSTREAM_BUFFER_CREATE_FAILED
#define traceSTREAM_BUFFER_CREATE_FAILED(xStreamBufferType)
#endif /* traceSTREAM_BUFFER_CREATE_FAILED */
#ifndef traceSTREAM_BUFFER_CREATE_STATIC_FAILED
#define traceSTREAM_BUFFER_CREATE_STATIC_FAILED(xReturn, xStreamBufferType)
#endif /* traceSTREAM_BUFFER_CREATE_STATIC_FAILED */
#ifndef traceSTREAM_BUFFER_CREATE
#define traceSTREAM_BUFFER_CREATE(pxStreamBuffer, xStreamBufferType)
#endif /* traceSTREAM_BUFFER_CREATE */
#ifndef traceSTREAM_BUFFER_DELETE
#define traceSTREAM_BUFFER_DELETE(xStreamBuffer)
#endif /* traceSTREAM_BUFFER_DELETE */
#ifndef traceSTREAM_BUFFER_RESET
#define traceSTREAM_BUFFER_RESET(xStreamBuffer)
#endif /* traceSTREAM_BUFFER_RESET */
#ifndef traceBLOCKING_ON_STREAM_BUFFER_SEND
#define traceBLOCKING_ON_STREAM_BUFFER_SEND(xStreamBuffer)
#endif /* traceBLOCKING_ON_STREAM_BUFFER_SEND */
#ifndef traceSTREAM_BUFFER_SEND
#define traceSTREAM_BUFFER_SEND(xStreamBuffer, xBytesSent)
#endif /* traceSTREAM_BUFFER_SEND */
#ifndef traceSTREAM_BUFFER_SEND_FAILED
#define traceSTREAM_BUFFER_SEND_FAILED(xStreamBuffer)
#endif /* traceSTREAM_BUFFER_SEND_FAILED */
#ifndef traceSTREAM_BUFFER_SEND_FROM_ISR
#define traceSTREAM_BUFFER_SEND_FROM_ISR(xStreamBuffer, xBytesSent)
#endif /* traceSTREAM_BUFFER_SEND_FROM_ISR */
#ifndef traceBLOCKING_ON_STREAM_BUFFER_RECEIVE
#define traceBLOCKING_ON_STREAM_BUFFER_RECEIVE(xStreamBuffer)
#endif /* traceBLOCKING_ON_STREAM_BUFFER_RECEIVE */
#ifndef traceSTREAM_BUFFER_RECEIVE
#define traceSTREAM_BUFFER_RECEIVE(xStreamBuffer, xReceivedLength)
#endif /* traceSTREAM_BUFFER_RECEIVE */
#ifndef traceSTREAM_BUFFER_RECEIVE_FAILED
#define traceSTREAM_BUFFER_RECEIVE_FAILED(xStreamBuffer)
#endif /* traceSTREAM_BUFFER_RECEIVE_FAILED */
#ifndef traceSTREAM_BUFFER_RECEIVE_FROM_ISR
#define traceSTREAM_BUFFER_RECEIVE_FROM_ISR(xStreamBuffer, xReceivedLength)
#endif /* traceSTREAM_BUFFER_RECEIVE_FROM_ISR */

/* ===== Static object storage ==============================================
 * Opaque types the same size and alignment as the kernel's objects, so that
 * applications can allocate them statically. The kernel checks the sizes at
 * compile time. */
struct xSTATIC_LIST_ITEM {
    TickType_t xDummy2;
    void *pvDummy3[4];
};
typedef struct xSTATIC_LIST_ITEM StaticListItem_t;

struct xSTATIC_MINI_LIST_ITEM {
    TickType_t xDummy2;
    void *pvDummy3[2];
};
typedef struct xSTATIC_MINI_LIST_ITEM StaticMiniListItem_t;

typedef struct xSTATIC_LIST {
    UBaseType_t uxDummy2;
    void *pvDummy3;
    StaticMiniListItem_t xDummy4;
} StaticList_t;

typedef struct xSTATIC_TCB {
    void *pxDummy1;
    StaticListItem_t xDummy3[2];
    UBaseType_t uxDummy5;
    void *pxDummy6;
    char ucDummy7[configMAX_TASK_NAME_LEN];
    UBaseType_t uxDummy12[2];
    void *pvDummy13[2];
#if (configUSE_TRACE_FACILITY == 1)
    UBaseType_t uxDummy10[2];
#endif /* configUSE_TRACE_FACILITY */
#if (configUSE_APPLICATION_TASK_TAG == 1)
    void *pxDummy14;
#endif /* configUSE_APPLICATION_TASK_TAG */
#if (configNUM_THREAD_LOCAL_STORAGE_POINTERS > 0)
    void *pvDummy15[configNUM_THREAD_LOCAL_STORAGE_POINTERS];
#endif /* configNUM_THREAD_LOCAL_STORAGE_POINTERS */
#if (configGENERATE_RUN_TIME_STATS == 1)
    configRUN_TIME_COUNTER_TYPE ulDummy16;
#endif /* configGENERATE_RUN_TIME_STATS */
#if (configUSE_POSIX_ERRNO == 1)
    int iDummy22;
#endif /* configUSE_POSIX_ERRNO */
    uint32_t ulDummy18[configTASK_NOTIFICATION_ARRAY_ENTRIES];
    uint8_t ucDummy19[configTASK_NOTIFICATION_ARRAY_ENTRIES];
    uint8_t uxDummy20;
    uint8_t ucDummy21;
} StaticTask_t;

typedef struct xSTATIC_QUEUE {
    void *pvDummy1[4];
    StaticList_t xDummy3[2];
    UBaseType_t uxDummy4[3];
#if (configUSE_QUEUE_SETS == 1)
    void *pvDummy7;
#endif /* configUSE_QUEUE_SETS */
#if (configUSE_TRACE_FACILITY == 1)
    UBaseType_t uxDummy8;
#endif /* configUSE_TRACE_FACILITY */
    uint8_t ucDummy6[2];
} StaticQueue_t;
typedef StaticQueue_t StaticSemaphore_t;

typedef struct xSTATIC_EVENT_GROUP {
    TickType_t xDummy1;
    StaticList_t xDummy2;
#if (configUSE_TRACE_FACILITY == 1)
    UBaseType_t uxDummy3;
#endif /* configUSE_TRACE_FACILITY */
    uint8_t ucDummy4;
} StaticEventGroup_t;

typedef struct xSTATIC_TIMER {
    void *pvDummy1;
    StaticListItem_t xDummy2;
    TickType_t xDummy3;
    void *pvDummy5;
    void *pvDummy6;
#if (configUSE_TRACE_FACILITY == 1)
    UBaseType_t uxDummy7;
#endif /* configUSE_TRACE_FACILITY */
    uint8_t ucDummy8;
} StaticTimer_t;

typedef struct xSTATIC_STREAM_BUFFER {
    size_t uxDummy1[4];
    void *pvDummy2[3];
    uint8_t ucDummy3;
#if (configUSE_TRACE_FACILITY == 1)
    UBaseType_t uxDummy4;
#endif /* configUSE_TRACE_FACILITY */
#if (configUSE_SB_COMPLETED_CALLBACK == 1)
    void *pvDummy5[2];
#endif /* configUSE_SB_COMPLETED_CALLBACK */
    UBaseType_t uxDummy6;
} StaticStreamBuffer_t;
typedef StaticStreamBuffer_t StaticMessageBuffer_t;

/* ===== Backward compatibility names ======================================= */
#if configENABLE_BACKWARD_COMPATIBILITY == 1
#define eTaskStateGet eTaskGetState
#define portTickType TickType_t
#define xTaskHandle TaskHandle_t
#define xQueueHandle QueueHandle_t
#define xSemaphoreHandle SemaphoreHandle_t
#define xQueueSetHandle QueueSetHandle_t
#define xQueueSetMemberHandle QueueSetMemberHandle_t
#define xTimeOutType TimeOut_t
#define xMemoryRegion MemoryRegion_t
#define xTaskParameters TaskParameters_t
#define xTaskStatusType TaskStatus_t
#define xTimerHandle TimerHandle_t
#define xCoRoutineHandle CoRoutineHandle_t
#define pdTASK_HOOK_CODE TaskHookFunction_t
#define portTICK_RATE_MS portTICK_PERIOD_MS
#define pcTaskGetTaskName pcTaskGetName
#define pcTimerGetTimerName pcTimerGetName
#define pcQueueGetQueueName pcQueueGetName
#define vTaskGetTaskInfo vTaskGetInfo
#define xTaskGetIdleRunTimeCounter ulTaskGetIdleRunTimeCounter
#define tmrTIMER_CALLBACK TimerCallbackFunction_t
#define pdTASK_CODE TaskFunction_t
#define xListItem ListItem_t
#define xList List_t
#endif /* configENABLE_BACKWARD_COMPATIBILITY */

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* INC_FREERTOS_H */
