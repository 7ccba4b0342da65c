/*
 * crt.c - the C run-time set-up of the Cortex-M boards.
 */
#include <stdint.h>
#include <string.h>

#include "crt.h"

extern uint32_t __data_start[], __data_end[], __data_load[];
extern uint32_t __bss_start[], __bss_end[];
extern void (*__init_array_start[])(void);
extern void (*__init_array_end[])(void);

void crt_init_memory(void)
{
    size_t data_bytes = (size_t)((uintptr_t)__data_end - (uintptr_t)__data_start);
    memcpy(__data_start, __data_load, data_bytes);
    memset(__bss_start, 0, (size_t)((uintptr_t)__bss_end - (uintptr_t)__bss_start));
}

void crt_run_constructors(void)
{
    for (void (**ctor)(void) = __init_array_start; ctor < __init_array_end; ctor++) {
        (*ctor)();
    }
}
