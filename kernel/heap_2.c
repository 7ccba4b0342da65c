/*
 * heap_2.c - best fit without merging of free blocks.
 *
 * The free list is sorted by size, so the first block that is large enough
 * is the smallest that fits. Freed blocks keep their size and are never
 * merged with their neighbours: good for systems that repeatedly allocate
 * and free blocks of the same few sizes, fragmenting for varied sizes.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "kernel_heap.h"

/* Free blocks are chained in size order. */
typedef heap_block_t block2_t;

#if (configAPPLICATION_ALLOCATED_HEAP == 1)
extern uint8_t ucHeap[configTOTAL_HEAP_SIZE];
#else
static uint8_t ucHeap[configTOTAL_HEAP_SIZE] __attribute__((aligned(portBYTE_ALIGNMENT)));
#endif /* configAPPLICATION_ALLOCATED_HEAP */

static block2_t head; /* sentinel: head.next is the smallest free block */
static int ready = 0;
static size_t free_bytes = 0;

/* Inserts a free block before the first block at least as large. */
static void heap2_insert(block2_t *b)
{
    block2_t *prev = &head;
    while (prev->next != NULL && prev->next->size < b->size) {
        prev = prev->next;
    }
    b->next = prev->next;
    prev->next = b;
}

static void heap2_init(void)
{
    uintptr_t base = ((uintptr_t)ucHeap + HEAP_ALIGN_MASK) & ~(uintptr_t)HEAP_ALIGN_MASK;
    block2_t *b = (block2_t *)base;
    b->size = (configTOTAL_HEAP_SIZE - (size_t)(base - (uintptr_t)ucHeap)) & ~HEAP_ALIGN_MASK;
    head.next = NULL;
    heap2_insert(b);
    free_bytes = b->size;
    ready = 1;
}

static void *heap2_take(size_t want)
{
    block2_t *prev = &head;
    while (prev->next != NULL && prev->next->size < want) {
        prev = prev->next;
    }
    block2_t *b = prev->next;
    if (b == NULL) {
        return NULL;
    }
    prev->next = b->next;
    if (b->size - want > HEAP_MIN_BLOCK_SIZE) {
        block2_t *rest = (block2_t *)((uint8_t *)b + want);
        rest->size = b->size - want;
        b->size = want;
        heap2_insert(rest);
    }
    free_bytes -= b->size;
    b->size |= HEAP_ALLOCATED_BIT;
    b->next = NULL;
    return (uint8_t *)b + HEAP_HEADER_SIZE;
}

void *pvPortMalloc(size_t xWantedSize)
{
    void *p = NULL;
    const size_t want = heap_block_size(xWantedSize, HEAP_HEADER_SIZE);
    vTaskSuspendAll();
    if (!ready) {
        heap2_init();
    }
    if (want != 0U && (want & HEAP_ALLOCATED_BIT) == 0U && want <= free_bytes) {
        p = heap2_take(want);
    }
    return heap_finish_malloc(p, xWantedSize);
}

void vPortFree(void *pv)
{
    block2_t *b = heap_release(pv);
    if (b == NULL) {
        return;
    }
    vTaskSuspendAll();
    free_bytes += b->size;
    traceFREE(pv, b->size);
    heap2_insert(b);
    (void)xTaskResumeAll();
}

size_t xPortGetFreeHeapSize(void)
{
    vTaskSuspendAll();
    if (!ready) {
        heap2_init();
    }
    const size_t n = free_bytes;
    (void)xTaskResumeAll();
    return n;
}

void vPortInitialiseBlocks(void)
{
}

void vPortHeapResetState(void)
{
    ready = 0;
    free_bytes = 0;
}
