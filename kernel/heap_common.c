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

void heap_malloc_failed(void)
{
#if (configUSE_MALLOC_FAILED_HOOK == 1)
    vApplicationMallocFailedHook();
#endif /* configUSE_MALLOC_FAILED_HOOK */
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
