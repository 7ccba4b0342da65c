/* The application's kernel configuration for the MPS2 AN385 (Cortex-M3 at
 * 25 MHz, 3 NVIC priority bits). Options left out take Portolan's defaults
 * (the same as FreeRTOS's). */
#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H

#define configCPU_CLOCK_HZ 25000000UL
#define configTICK_RATE_HZ 1000
#define configUSE_PREEMPTION 1
#define configMAX_PRIORITIES 5
#define configMINIMAL_STACK_SIZE 256
#define configTOTAL_HEAP_SIZE (32 * 1024)
#define configUSE_MUTEXES 1
#define configCHECK_FOR_STACK_OVERFLOW 2

/* Interrupt priorities: 3 implemented bits, so levels 0 (most urgent) to 7.
 * The kernel runs at 7; interrupts at 0 and 1 are never masked by it and
 * must not call it. */
#define configPRIO_BITS 3
#define configLIBRARY_LOWEST_INTERRUPT_PRIORITY 7
#define configLIBRARY_MAX_SYSCALL_INTERRUPT_PRIORITY 2
#define configKERNEL_INTERRUPT_PRIORITY \
    (configLIBRARY_LOWEST_INTERRUPT_PRIORITY << (8 - configPRIO_BITS))
#define configMAX_SYSCALL_INTERRUPT_PRIORITY \
    (configLIBRARY_MAX_SYSCALL_INTERRUPT_PRIORITY << (8 - configPRIO_BITS))

#define INCLUDE_vTaskDelay 1
#define INCLUDE_vTaskDelete 1

/* Logging and assertions go to the console (main.c). */
void hello_print_string(const char *s);
void hello_assert_failed(const char *file, int line);
#define configPRINT_STRING(s) hello_print_string(s)
#define configASSERT(x)                              \
    do {                                             \
        if (!(x)) {                                  \
            hello_assert_failed(__FILE__, __LINE__); \
        }                                            \
    } while (0)

#endif /* FREERTOS_CONFIG_H */
