/*
 * heap_freelist.c - the allocator behind heap_4 and heap_5: first fit over
 * a free list kept in address order, merging a freed block with free
 * neighbours, over one or more regions.
 *
 * Address order makes merging a single pass and keeps fragmentation low for
 * long-running systems with varied block sizes. Each region ends in a
 * zero-size marker block that stays in the chain, so blocks of different
 * regions are never merged and the walk needs no region table.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "kernel_heap.h"

/* Free blocks and region markers (size 0) are chained in address order. */
typedef heap_block_t block_t;

static block_t start;        /* sentinel before the lowest block */
static block_t *last = NULL; /* marker ending the last region; NULL: no region yet */
static size_t free_bytes = 0;
static size_t min_free_bytes = 0;
static size_t n_allocs = 0;
static size_t n_frees = 0;

void heap_fl_add_region(uint8_t *region, size_t size)
{
    const uintptr_t first = ((uintptr_t)region + HEAP_ALIGN_MASK) & ~(uintptr_t)HEAP_ALIGN_MASK;
    const uintptr_t end = ((uintptr_t)region + size) & ~(uintptr_t)HEAP_ALIGN_MASK;
    /* Regions must come in ascending address order. */
    configASSERT(last == NULL || (uintptr_t)last < first);
    if (end < first + HEAP_MIN_BLOCK_SIZE + HEAP_HEADER_SIZE ||
        (last != NULL && (uintptr_t)last >= first)) {
        return;
    }
    block_t *b = (block_t *)first;
    block_t *marker = (block_t *)(end - HEAP_HEADER_SIZE);
    marker->size = 0;
    marker->next = NULL;
    b->size = (size_t)((uintptr_t)marker - first);
    b->next = marker;
    if (last == NULL) {
        start.next = b;
        start.size = 0;
    } else {
        last->next = b;
    }
    last = marker;
    free_bytes += b->size;
    min_free_bytes = free_bytes;
}

/* Sets up the scheme's memory on first use. Scheduler suspended. */
static int fl_ready(void)
{
    return last != NULL || heap_fl_setup();
}

/* Inserts a free block in address order, merging it with free neighbours
 * (never with a region marker). */
static void fl_insert(block_t *b)
{
    block_t *prev = &start;
    while (prev->next < b) {
        prev = prev->next;
    }
    if (prev != &start && prev->size != 0U && (uint8_t *)prev + prev->size == (uint8_t *)b) {
        prev->size += b->size;
        b = prev;
    }
    block_t *next = prev->next;
    if (next->size != 0U && (uint8_t *)b + b->size == (uint8_t *)next) {
        b->size += next->size;
        b->next = next->next;
    } else {
        b->next = next;
    }
    if (b != prev) {
        prev->next = b;
    }
}

static void *fl_take(size_t want)
{
    block_t *prev = &start;
    block_t *b = start.next;
    while (b->size < want && b->next != NULL) {
        prev = b;
        b = b->next;
    }
    if (b->size < want) {
        return NULL;
    }
    if (b->size - want > HEAP_MIN_BLOCK_SIZE) {
        /* The rest stays free where b was: same place in address order. */
        block_t *rest = (block_t *)((uint8_t *)b + want);
        rest->size = b->size - want;
        rest->next = b->next;
        b->size = want;
        prev->next = rest;
    } else {
        prev->next = b->next;
    }
    free_bytes -= b->size;
    if (free_bytes < min_free_bytes) {
        min_free_bytes = free_bytes;
    }
    b->size |= HEAP_ALLOCATED_BIT;
    b->next = NULL;
    n_allocs++;
    return (uint8_t *)b + HEAP_HEADER_SIZE;
}

void *pvPortMalloc(size_t xWantedSize)
{
    void *p = NULL;
    const size_t want = heap_block_size(xWantedSize, HEAP_HEADER_SIZE);
    vTaskSuspendAll();
    const int ready = fl_ready();
    /* heap_5: vPortDefineHeapRegions() must come before the first allocation. */
    configASSERT(ready);
    if (ready && want != 0U && (want & HEAP_ALLOCATED_BIT) == 0U && want <= free_bytes) {
        p = fl_take(want);
    }
    return heap_finish_malloc(p, xWantedSize);
}

void vPortFree(void *pv)
{
    block_t *b = heap_release(pv);
    if (b == NULL) {
        return;
    }
    if (configHEAP_CLEAR_MEMORY_ON_FREE) {
        memset(pv, 0, b->size - HEAP_HEADER_SIZE);
    }
    vTaskSuspendAll();
    free_bytes += b->size;
    traceFREE(pv, b->size);
    fl_insert(b);
    n_frees++;
    (void)xTaskResumeAll();
}

size_t xPortGetFreeHeapSize(void)
{
    vTaskSuspendAll();
    (void)fl_ready();
    const size_t n = free_bytes;
    (void)xTaskResumeAll();
    return n;
}

size_t xPortGetMinimumEverFreeHeapSize(void)
{
    vTaskSuspendAll();
    (void)fl_ready();
    const size_t n = min_free_bytes;
    (void)xTaskResumeAll();
    return n;
}

void vPortInitialiseBlocks(void)
{
}

void vPortHeapResetState(void)
{
    last = NULL;
    start.next = NULL;
    free_bytes = 0;
    min_free_bytes = 0;
    n_allocs = 0;
    n_frees = 0;
}

void vPortGetHeapStats(HeapStats_t *pxHeapStats)
{
    size_t largest = 0;
    size_t smallest = SIZE_MAX;
    size_t blocks = 0;
    configASSERT(pxHeapStats != NULL);
    vTaskSuspendAll();
    if (fl_ready()) {
        for (block_t *b = start.next; b != NULL; b = b->next) {
            if (b->size != 0U) {
                blocks++;
                largest = (b->size > largest) ? b->size : largest;
                smallest = (b->size < smallest) ? b->size : smallest;
            }
        }
    }
    pxHeapStats->xAvailableHeapSpaceInBytes = free_bytes;
    pxHeapStats->xMinimumEverFreeBytesRemaining = min_free_bytes;
    pxHeapStats->xNumberOfSuccessfulAllocations = n_allocs;
    pxHeapStats->xNumberOfSuccessfulFrees = n_frees;
    (void)xTaskResumeAll();
    pxHeapStats->xSizeOfLargestFreeBlockInBytes = largest;
    pxHeapStats->xSizeOfSmallestFreeBlockInBytes = (blocks == 0U) ? 0U : smallest;
    pxHeapStats->xNumberOfFreeBlocks = blocks;
}
