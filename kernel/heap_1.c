/*
 * heap_1.c - allocate only: memory is carved from ucHeap in order and never
 * returned.
 *
 * The simplest and most predictable scheme, for systems that create all
 * their objects at start-up. vPortFree() is accepted and ignored (the
 * memory stays allocated), so code that deletes objects still runs, but
 * leaks.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "kernel_heap.h"

#if (configAPPLICATION_ALLOCATED_HEAP == 1)
extern uint8_t ucHeap[configTOTAL_HEAP_SIZE];
#else
static uint8_t ucHeap[configTOTAL_HEAP_SIZE] __attribute__((aligned(portBYTE_ALIGNMENT)));
#endif /* configAPPLICATION_ALLOCATED_HEAP */

static size_t used_bytes = 0;

/* The aligned start of ucHeap and the bytes usable from there. */
static uint8_t *heap1_base(size_t *usable)
{
    uintptr_t base = ((uintptr_t)ucHeap + HEAP_ALIGN_MASK) & ~(uintptr_t)HEAP_ALIGN_MASK;
    *usable = (configTOTAL_HEAP_SIZE - (size_t)(base - (uintptr_t)ucHeap)) & ~HEAP_ALIGN_MASK;
    return (uint8_t *)base;
}

void *pvPortMalloc(size_t xWantedSize)
{
    void *p = NULL;
    size_t usable;
    uint8_t *base = heap1_base(&usable);
    const size_t want = heap_block_size(xWantedSize, 0);
    vTaskSuspendAll();
    if (want != 0U && want <= usable - used_bytes) {
        p = base + used_bytes;
        used_bytes += want;
    }
    return heap_finish_malloc(p, xWantedSize);
}

void vPortFree(void *pv)
{
    (void)pv;
}

size_t xPortGetFreeHeapSize(void)
{
    size_t usable;
    (void)heap1_base(&usable);
    return usable - used_bytes;
}

void vPortInitialiseBlocks(void)
{
}

void vPortHeapResetState(void)
{
    used_bytes = 0;
}
