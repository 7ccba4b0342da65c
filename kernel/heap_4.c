/*
 * heap_4.c - first fit with coalescing of adjacent free blocks.
 *
 * The free list is kept in address order so that a freed block merges with
 * its neighbours in one pass, which keeps fragmentation low for long-running
 * systems that allocate blocks of varied sizes.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"

#define ALIGN_MASK ((size_t)portBYTE_ALIGNMENT - 1U)
#define ALLOCATED_BIT ((size_t)1 << (sizeof(size_t) * 8U - 1U))

typedef struct block {
    struct block *next; /* next free block by address; NULL when allocated */
    size_t size;        /* bytes including this header; top bit: allocated */
} block_t;

#define HEADER_SIZE ((sizeof(block_t) + ALIGN_MASK) & ~ALIGN_MASK)
#define MIN_BLOCK_SIZE (HEADER_SIZE * 2U)

#if (configAPPLICATION_ALLOCATED_HEAP == 1)
extern uint8_t ucHeap[configTOTAL_HEAP_SIZE];
#else
static uint8_t ucHeap[configTOTAL_HEAP_SIZE] __attribute__((aligned(portBYTE_ALIGNMENT)));
#endif /* configAPPLICATION_ALLOCATED_HEAP */

static block_t start;
static block_t *end_marker = NULL;
static size_t free_bytes = 0;
static size_t min_free_bytes = 0;
static size_t n_allocs = 0;
static size_t n_frees = 0;

static void heap_init(void)
{
    uintptr_t first = ((uintptr_t)ucHeap + ALIGN_MASK) & ~(uintptr_t)ALIGN_MASK;
    uintptr_t last =
        ((uintptr_t)ucHeap + configTOTAL_HEAP_SIZE - HEADER_SIZE) & ~(uintptr_t)ALIGN_MASK;
    block_t *b = (block_t *)first;
    end_marker = (block_t *)last;
    end_marker->size = 0;
    end_marker->next = NULL;
    b->size = (size_t)(last - first);
    b->next = end_marker;
    start.next = b;
    start.size = 0;
    free_bytes = b->size;
    min_free_bytes = b->size;
}

/* Inserts a free block in address order, merging with its neighbours. */
static void insert_free(block_t *b)
{
    block_t *prev = &start;
    while (prev->next < b) {
        prev = prev->next;
    }
    if (prev != &start && (uint8_t *)prev + prev->size == (uint8_t *)b) {
        prev->size += b->size;
        b = prev;
    }
    block_t *next = prev->next;
    if ((uint8_t *)b + b->size == (uint8_t *)next && next != end_marker) {
        b->size += next->size;
        b->next = next->next;
    } else {
        b->next = next;
    }
    if (b != prev) {
        prev->next = b;
    }
}

/* Rounds a request up to a whole aligned block; 0 if impossible. */
static size_t block_size_for(size_t want)
{
    if (want == 0U || want > SIZE_MAX - HEADER_SIZE - ALIGN_MASK) {
        return 0;
    }
    want = (want + HEADER_SIZE + ALIGN_MASK) & ~ALIGN_MASK;
    return ((want & ALLOCATED_BIT) != 0U) ? 0U : want;
}

static void *take_block(size_t want)
{
    block_t *prev = &start;
    block_t *b = start.next;
    while (b->size < want && b->next != NULL) {
        prev = b;
        b = b->next;
    }
    if (b == end_marker) {
        return NULL;
    }
    prev->next = b->next;
    if (b->size - want > MIN_BLOCK_SIZE) {
        block_t *rest = (block_t *)((uint8_t *)b + want);
        rest->size = b->size - want;
        b->size = want;
        insert_free(rest);
    }
    free_bytes -= b->size;
    if (free_bytes < min_free_bytes) {
        min_free_bytes = free_bytes;
    }
    b->size |= ALLOCATED_BIT;
    b->next = NULL;
    n_allocs++;
    return (uint8_t *)b + HEADER_SIZE;
}

void *pvPortMalloc(size_t xWantedSize)
{
    void *p = NULL;
    const size_t want = block_size_for(xWantedSize);
    vTaskSuspendAll();
    if (end_marker == NULL) {
        heap_init();
    }
    if (want != 0U && want <= free_bytes) {
        p = take_block(want);
    }
    traceMALLOC(p, xWantedSize);
    (void)xTaskResumeAll();
    if (configUSE_MALLOC_FAILED_HOOK && p == NULL) {
        vApplicationMallocFailedHook();
    }
    configASSERT(((uintptr_t)p & ALIGN_MASK) == 0U);
    return p;
}

void vPortFree(void *pv)
{
    if (pv == NULL) {
        return;
    }
    block_t *b = (block_t *)((uint8_t *)pv - HEADER_SIZE);
    /* Freeing something not allocated here, or twice, is a programming error. */
    configASSERT((b->size & ALLOCATED_BIT) != 0U);
    configASSERT(b->next == NULL);
    if ((b->size & ALLOCATED_BIT) == 0U || b->next != NULL) {
        return;
    }
    b->size &= ~ALLOCATED_BIT;
    if (configHEAP_CLEAR_MEMORY_ON_FREE) {
        memset(pv, 0, b->size - HEADER_SIZE);
    }
    vTaskSuspendAll();
    free_bytes += b->size;
    traceFREE(pv, b->size);
    insert_free(b);
    n_frees++;
    (void)xTaskResumeAll();
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

size_t xPortGetFreeHeapSize(void)
{
    if (end_marker == NULL) {
        return configTOTAL_HEAP_SIZE - HEADER_SIZE - ALIGN_MASK;
    }
    return free_bytes;
}

size_t xPortGetMinimumEverFreeHeapSize(void)
{
    return (end_marker == NULL) ? xPortGetFreeHeapSize() : min_free_bytes;
}

void vPortInitialiseBlocks(void)
{
}

void vPortHeapResetState(void)
{
    end_marker = NULL;
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
    if (end_marker == NULL) {
        heap_init();
    }
    for (block_t *b = start.next; b != end_marker; b = b->next) {
        blocks++;
        largest = (b->size > largest) ? b->size : largest;
        smallest = (b->size < smallest) ? b->size : smallest;
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
