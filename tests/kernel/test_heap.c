/*
 * test_heap.c - heap_4: allocation and freeing, alignment, failure, first
 * fit, coalescing of neighbours, the minimum-ever free size and
 * vPortGetHeapStats.
 */
#include <string.h>

#include "ktest.h"

static HeapStats_t stats(void)
{
    HeapStats_t s;
    memset(&s, 0, sizeof s);
    vPortGetHeapStats(&s);
    return s;
}

PTEST(Kernel, heap_malloc_and_free_restore_free_size)
{
    const size_t heap = xPortGetFreeHeapSize();
    void *p = pvPortMalloc(100);
    TEST_ASSERT_NOT_NULL(p);
    TEST_ASSERT(xPortGetFreeHeapSize() <= heap - 100U);
    memset(p, 0x5a, 100);
    vPortFree(p);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, heap_blocks_are_aligned_and_disjoint)
{
    uint8_t *p[5];
    for (unsigned i = 0; i < 5U; i++) {
        p[i] = pvPortMalloc(1U + 7U * i);
        TEST_ASSERT_NOT_NULL(p[i]);
        TEST_ASSERT_EQUAL(0U, (uintptr_t)p[i] % portBYTE_ALIGNMENT);
        memset(p[i], (int)i, 1U + 7U * i);
    }
    for (unsigned i = 0; i < 5U; i++) {
        for (unsigned k = 0; k < 1U + 7U * i; k++) {
            TEST_ASSERT_EQUAL(i, p[i][k]);
        }
    }
    for (unsigned i = 0; i < 5U; i++) {
        vPortFree(p[i]);
    }
}

PTEST(Kernel, heap_zero_size_returns_null)
{
    const size_t heap = xPortGetFreeHeapSize();
    TEST_ASSERT_NULL(pvPortMalloc(0));
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, heap_too_large_returns_null)
{
    const size_t heap = xPortGetFreeHeapSize();
    TEST_ASSERT_NULL(pvPortMalloc(configTOTAL_HEAP_SIZE));
    TEST_ASSERT_NULL(pvPortMalloc(heap + 1U));
    TEST_ASSERT_NULL(pvPortMalloc(SIZE_MAX));
    TEST_ASSERT_NULL(pvPortMalloc(SIZE_MAX / 2U + 1U));
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, heap_free_null_is_noop)
{
    const size_t heap = xPortGetFreeHeapSize();
    vPortFree(NULL);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, heap_calloc_zeroes_and_checks_overflow)
{
    uint8_t *p = pvPortMalloc(64);
    memset(p, 0xff, 64);
    vPortFree(p); /* leave dirty memory behind for calloc */
    uint8_t *c = pvPortCalloc(16, 4);
    TEST_ASSERT_NOT_NULL(c);
    for (unsigned i = 0; i < 64U; i++) {
        TEST_ASSERT_EQUAL(0, c[i]);
    }
    vPortFree(c);
    TEST_ASSERT_NULL(pvPortCalloc(SIZE_MAX / 2U, 4));
}

PTEST(Kernel, heap_first_fit_reuses_freed_block)
{
    void *a = pvPortMalloc(128);
    void *guard = pvPortMalloc(16);
    vPortFree(a);
    void *b = pvPortMalloc(128);
    TEST_ASSERT_EQUAL_PTR(a, b);
    vPortFree(b);
    vPortFree(guard);
}

PTEST(Kernel, heap_adjacent_free_blocks_coalesce)
{
    uint8_t *a = pvPortMalloc(256);
    uint8_t *b = pvPortMalloc(256);
    uint8_t *c = pvPortMalloc(256);
    uint8_t *guard = pvPortMalloc(16);
    TEST_ASSERT(b > a && c > b && (size_t)(b - a) == (size_t)(c - b));
    vPortFree(a);
    vPortFree(c);
    const HeapStats_t split = stats();
    vPortFree(b); /* joins a and c into one block */
    const HeapStats_t joined = stats();
    TEST_ASSERT_EQUAL(split.xNumberOfFreeBlocks - 1U, joined.xNumberOfFreeBlocks);
    TEST_ASSERT(joined.xSizeOfLargestFreeBlockInBytes >= 3U * 256U);
    /* The merged space serves one request larger than any of the three. */
    uint8_t *big = pvPortMalloc(3U * 256U);
    TEST_ASSERT_EQUAL_PTR(a, big);
    vPortFree(big);
    vPortFree(guard);
}

PTEST(Kernel, heap_minimum_ever_free_tracks_the_low_mark)
{
    const size_t heap = xPortGetFreeHeapSize();
    void *p = pvPortMalloc(4096);
    TEST_ASSERT_NOT_NULL(p);
    const size_t low = xPortGetFreeHeapSize();
    vPortFree(p);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
    TEST_ASSERT(xPortGetMinimumEverFreeHeapSize() <= low);
    TEST_ASSERT(xPortGetMinimumEverFreeHeapSize() < heap);
    TEST_ASSERT_EQUAL(xPortGetMinimumEverFreeHeapSize(), stats().xMinimumEverFreeBytesRemaining);
}

PTEST(Kernel, heap_stats_count_allocations_and_frees)
{
    const HeapStats_t before = stats();
    TEST_ASSERT_EQUAL(xPortGetFreeHeapSize(), before.xAvailableHeapSpaceInBytes);
    void *p = pvPortMalloc(40);
    void *r = pvPortMalloc(40);
    const HeapStats_t during = stats();
    TEST_ASSERT_EQUAL(before.xNumberOfSuccessfulAllocations + 2U,
                      during.xNumberOfSuccessfulAllocations);
    TEST_ASSERT_EQUAL(xPortGetFreeHeapSize(), during.xAvailableHeapSpaceInBytes);
    TEST_ASSERT_NULL(pvPortMalloc(configTOTAL_HEAP_SIZE)); /* failures are not counted */
    vPortFree(p);
    vPortFree(r);
    const HeapStats_t after = stats();
    TEST_ASSERT_EQUAL(during.xNumberOfSuccessfulAllocations, after.xNumberOfSuccessfulAllocations);
    TEST_ASSERT_EQUAL(before.xNumberOfSuccessfulFrees + 2U, after.xNumberOfSuccessfulFrees);
    TEST_ASSERT_EQUAL(before.xAvailableHeapSpaceInBytes, after.xAvailableHeapSpaceInBytes);
}

PTEST(Kernel, heap_stats_describe_free_blocks)
{
    const HeapStats_t s = stats();
    TEST_ASSERT(s.xNumberOfFreeBlocks >= 1U);
    TEST_ASSERT(s.xSizeOfLargestFreeBlockInBytes <= s.xAvailableHeapSpaceInBytes);
    TEST_ASSERT(s.xSizeOfSmallestFreeBlockInBytes <= s.xSizeOfLargestFreeBlockInBytes);
    TEST_ASSERT(s.xSizeOfSmallestFreeBlockInBytes > 0U);
    /* The largest free block can be had whole (less its header). */
    void *p = pvPortMalloc(s.xSizeOfLargestFreeBlockInBytes - 2U * portBYTE_ALIGNMENT);
    TEST_ASSERT_NOT_NULL(p);
    vPortFree(p);
}
