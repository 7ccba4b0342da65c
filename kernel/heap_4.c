/*
 * heap_4.c - first fit with merging of adjacent free blocks, over the one
 * array ucHeap of configTOTAL_HEAP_SIZE bytes (the application's own array
 * with configAPPLICATION_ALLOCATED_HEAP 1). The allocator itself is
 * heap_freelist.c, shared with heap_5.
 */
#include "FreeRTOS.h"
#include "kernel_heap.h"

#if (configAPPLICATION_ALLOCATED_HEAP == 1)
extern uint8_t ucHeap[configTOTAL_HEAP_SIZE];
#else
static uint8_t ucHeap[configTOTAL_HEAP_SIZE] __attribute__((aligned(portBYTE_ALIGNMENT)));
#endif /* configAPPLICATION_ALLOCATED_HEAP */

int heap_fl_setup(void)
{
    heap_fl_add_region(ucHeap, configTOTAL_HEAP_SIZE);
    return 1;
}
