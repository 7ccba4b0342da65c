/*
 * kernel_heap.h - what the heap schemes (kernel/heap_N.c) share.
 *
 * heap_4 and heap_5 are the same allocator (heap_freelist.c: first fit over
 * an address-ordered free list that merges neighbours) fed with different
 * memory: heap_4 with the one array ucHeap, heap_5 with the application's
 * regions. Context of everything here: task, or before the scheduler
 * starts; the allocators serialise with vTaskSuspendAll().
 */
#ifndef KERNEL_HEAP_H
#define KERNEL_HEAP_H

#include "FreeRTOS.h"

#define HEAP_ALIGN_MASK ((size_t)portBYTE_ALIGNMENT - 1U)

/* The header of a block in heap_2, heap_4 and heap_5. */
typedef struct heap_block {
    struct heap_block *next; /* next free block; NULL while allocated */
    size_t size;             /* bytes including this header; top bit: allocated */
} heap_block_t;

#define HEAP_ALLOCATED_BIT ((size_t)1 << (sizeof(size_t) * 8U - 1U))
#define HEAP_HEADER_SIZE ((sizeof(heap_block_t) + HEAP_ALIGN_MASK) & ~HEAP_ALIGN_MASK)
#define HEAP_MIN_BLOCK_SIZE (HEAP_HEADER_SIZE * 2U)

/* The bytes a request of `want` takes with `overhead` header bytes, rounded
 * up to portBYTE_ALIGNMENT; 0 for a request of 0 or one that overflows. */
size_t heap_block_size(size_t want, size_t overhead);

/* Ends an allocation begun with vTaskSuspendAll(): traces it, resumes the
 * scheduler and, when p is NULL, calls vApplicationMallocFailedHook()
 * (configUSE_MALLOC_FAILED_HOOK). Returns p. */
void *heap_finish_malloc(void *p, size_t wanted);

/* Marks an allocated block free and returns it, given the pointer handed
 * out; NULL for NULL. Freeing a pointer not handed out by the heap, or
 * twice, is a programming error (configASSERT, then NULL). */
heap_block_t *heap_release(void *pv);

/* ----- The free-list allocator of heap_4 and heap_5 ------------------------ */

/* Adds a region of memory; regions must be added in ascending address order
 * and before the first allocation (or after vPortHeapResetState()). A region
 * too small to hold a block is ignored. */
void heap_fl_add_region(uint8_t *start, size_t size);

/* Provided by the scheme: called while no region was added yet, it adds the
 * scheme's memory and returns 1, or returns 0 when it has none to add. */
int heap_fl_setup(void);

#endif /* KERNEL_HEAP_H */
