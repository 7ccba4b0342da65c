/*
 * heap_3.c - the C library's malloc() and free(), made safe for tasks by
 * suspending the scheduler around them.
 *
 * The heap size is then the linker's business and configTOTAL_HEAP_SIZE
 * does not limit it. Portolan still counts what it hands out, so that
 * xPortGetFreeHeapSize() returns configTOTAL_HEAP_SIZE minus the bytes
 * currently allocated (an accounting figure, not malloc's free memory): it
 * returns to its previous value when everything allocated was freed.
 */
#include <stdlib.h>

#include "FreeRTOS.h"
#include "task.h"
#include "kernel_heap.h"

/* Each block starts with its requested size; the header keeps the payload
 * aligned to portBYTE_ALIGNMENT (malloc's alignment must be at least that). */
#define HEADER3 ((sizeof(size_t) + HEAP_ALIGN_MASK) & ~HEAP_ALIGN_MASK)

static size_t allocated_bytes = 0;

void *pvPortMalloc(size_t xWantedSize)
{
    uint8_t *p = NULL;
    vTaskSuspendAll();
    if (xWantedSize != 0U && xWantedSize <= SIZE_MAX - HEADER3) {
        p = malloc(xWantedSize + HEADER3);
    }
    if (p != NULL) {
        configASSERT(((uintptr_t)p & HEAP_ALIGN_MASK) == 0U);
        *(size_t *)p = xWantedSize;
        allocated_bytes += xWantedSize;
        p += HEADER3;
    }
    return heap_finish_malloc(p, xWantedSize);
}

void vPortFree(void *pv)
{
    if (pv == NULL) {
        return;
    }
    uint8_t *base = (uint8_t *)pv - HEADER3;
    vTaskSuspendAll();
    allocated_bytes -= *(size_t *)base;
    traceFREE(pv, *(size_t *)base);
    free(base);
    (void)xTaskResumeAll();
}

size_t xPortGetFreeHeapSize(void)
{
    const size_t used = allocated_bytes;
    return (used < configTOTAL_HEAP_SIZE) ? configTOTAL_HEAP_SIZE - used : 0U;
}

void vPortInitialiseBlocks(void)
{
}

void vPortHeapResetState(void)
{
    allocated_bytes = 0;
}
