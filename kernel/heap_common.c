/*
 * heap_common.c - helpers every heap scheme uses, and pvPortCalloc.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "kernel_heap.h"

size_t heap_block_size(size_t want, size_t overhead)
{
    if (want == 0U || want > SIZE_MAX - overhead - HEAP_ALIGN_MASK) {
        return 0;
    }
    return (want + overhead + HEAP_ALIGN_MASK) & ~HEAP_ALIGN_MASK;
}

void *heap_finish_malloc(void *p, size_t wanted)
{
    (void)wanted; /* for the trace macro */
    traceMALLOC(p, wanted);
    (void)xTaskResumeAll();
#if (configUSE_MALLOC_FAILED_HOOK == 1)
    if (p == NULL) {
        vApplicationMallocFailedHook();
    }
#endif /* configUSE_MALLOC_FAILED_HOOK */
    return p;
}

heap_block_t *heap_release(void *pv)
{
    if (pv == NULL) {
        return NULL;
    }
    heap_block_t *b = (heap_block_t *)((uint8_t *)pv - HEAP_HEADER_SIZE);
    const int allocated = (b->size & HEAP_ALLOCATED_BIT) != 0U && b->next == NULL;
    configASSERT(allocated); /* not from this heap, or freed twice */
    if (!allocated) {
        return NULL;
    }
    b->size &= ~HEAP_ALLOCATED_BIT;
    return b;
}

void *pvPortCalloc(size_t xNum, size_t xSize)
{
    if (xNum != 0U && xSize > SIZE_MAX / xNum) {
        return NULL;
    }
    void *p = pvPortMalloc(xNum * xSize);
    if (p != NULL) {
        memset(p, 0, xNum * xSize);
    }
    return p;
}
