/*
 * heap_5.c - heap_4's allocator (heap_freelist.c) over several memory
 * regions that the application defines with vPortDefineHeapRegions()
 * before the first allocation, e.g. internal and external RAM. A block
 * never spans two regions.
 */
#include "FreeRTOS.h"
#include "kernel_heap.h"

void vPortDefineHeapRegions(const HeapRegion_t *const pxHeapRegions)
{
    configASSERT(pxHeapRegions != NULL);
    if (pxHeapRegions == NULL) {
        return;
    }
    /* The array ends with a region of size 0. */
    for (const HeapRegion_t *r = pxHeapRegions; r->xSizeInBytes > 0U; r++) {
        heap_fl_add_region(r->pucStartAddress, r->xSizeInBytes);
    }
}

/* No default memory: the regions must have been defined. */
int heap_fl_setup(void)
{
    return 0;
}
