/* Footprint, full configuration: the features of the kernel test images
 * (mutexes, notifications, queue sets, trace facility, stack overflow
 * checking, assertions) on. */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#define configCPU_CLOCK_HZ 25000000UL
#define configMAX_PRIORITIES 8
#define configMINIMAL_STACK_SIZE 128
#define configTOTAL_HEAP_SIZE (8 * 1024)
#define configKERNEL_INTERRUPT_PRIORITY 0xE0
#define configMAX_SYSCALL_INTERRUPT_PRIORITY 0x40
#define configUSE_MUTEXES 1
#define configUSE_RECURSIVE_MUTEXES 1
#define configUSE_COUNTING_SEMAPHORES 1
#define configUSE_QUEUE_SETS 1
#define configQUEUE_REGISTRY_SIZE 8
#define configTASK_NOTIFICATION_ARRAY_ENTRIES 3
#define configUSE_TRACE_FACILITY 1
#define configCHECK_FOR_STACK_OVERFLOW 2

void footprint_assert_failed(void);
#define configASSERT(x)                \
    do {                               \
        if (!(x)) {                    \
            footprint_assert_failed(); \
        }                              \
    } while (0)

#endif /* FREERTOS_CONFIG_H */
