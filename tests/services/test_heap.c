/*
 * test_heap.c - the heap schemes (portable.h memory API). Each image is
 * built with one scheme (PORTOLAN_HEAP_SCHEME); the tests that are about a
 * particular scheme are compiled for it only. Layout-dependent checks only
 * rely on what the scheme guarantees whatever earlier tests left behind.
 */
#include <string.h>

#include "services.h"

#if (configSUPPORT_DYNAMIC_ALLOCATION == 1)

#define ALIGN ((size_t)portBYTE_ALIGNMENT)
#define ROUND_UP(n) (((n) + ALIGN - 1U) & ~(ALIGN - 1U))

static volatile unsigned failed_allocs;

static void count_failure(void)
{
    failed_allocs = failed_allocs + 1U;
}

/* ----- Every scheme ----------------------------------------------------------- */

PTEST(Kernel, heap_malloc_returns_aligned_memory)
{
    void *p[5];
    for (size_t i = 0; i < 5U; i++) {
        p[i] = pvPortMalloc(1U + i * 13U);
        TEST_ASSERT_NOT_NULL(p[i]);
        TEST_ASSERT_EQUAL(0, (uintptr_t)p[i] & (ALIGN - 1U));
    }
    for (size_t i = 0; i < 5U; i++) {
        vPortFree(p[i]);
    }
}

PTEST(Kernel, heap_malloc_memory_is_usable_and_distinct)
{
    uint8_t *a = pvPortMalloc(100);
    uint8_t *b = pvPortMalloc(100);
    TEST_ASSERT_NOT_NULL(a);
    TEST_ASSERT_NOT_NULL(b);
    memset(a, 0x11, 100);
    memset(b, 0x22, 100);
    TEST_ASSERT_TRUE(a + 100 <= b || b + 100 <= a);
    TEST_ASSERT_EQUAL(0x11, a[99]);
    TEST_ASSERT_EQUAL(0x22, b[0]);
    vPortFree(b);
    vPortFree(a);
}

PTEST(Kernel, heap_malloc_zero_returns_null)
{
    failed_allocs = 0;
    ptest_set_malloc_failed_hook(count_failure);
    TEST_ASSERT_NULL(pvPortMalloc(0));
    TEST_ASSERT_EQUAL(1, failed_allocs);
}

PTEST(Kernel, heap_malloc_absurd_size_returns_null)
{
    const size_t heap = xPortGetFreeHeapSize();
    TEST_ASSERT_NULL(pvPortMalloc(SIZE_MAX));
    TEST_ASSERT_NULL(pvPortMalloc(SIZE_MAX - 3U));
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, heap_free_null_is_harmless)
{
    const size_t heap = xPortGetFreeHeapSize();
    vPortFree(NULL);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, heap_calloc_returns_zeroed_memory)
{
    uint8_t *p = pvPortMalloc(64);
    TEST_ASSERT_NOT_NULL(p);
    memset(p, 0xee, 64);
    vPortFree(p);
    uint32_t *q = pvPortCalloc(16, sizeof(uint32_t));
    TEST_ASSERT_NOT_NULL(q);
    for (int i = 0; i < 16; i++) {
        TEST_ASSERT_EQUAL(0, q[i]);
    }
    vPortFree(q);
}

PTEST(Kernel, heap_calloc_overflow_returns_null)
{
    TEST_ASSERT_NULL(pvPortCalloc(SIZE_MAX / 2U, 3));
}

PTEST(Kernel, heap_malloc_failed_hook_called_once_per_failure)
{
    if (PORTOLAN_HEAP_SCHEME == 3) {
        TEST_IGNORE("heap_3: exhaustion is the C library's");
    }
    failed_allocs = 0;
    ptest_set_malloc_failed_hook(count_failure);
    const size_t heap = xPortGetFreeHeapSize();
    TEST_ASSERT_NULL(pvPortMalloc(configTOTAL_HEAP_SIZE + 1U));
    TEST_ASSERT_EQUAL(1, failed_allocs);
    TEST_ASSERT_NULL(pvPortMalloc(heap + 1U));
    TEST_ASSERT_EQUAL(2, failed_allocs);
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
}

PTEST(Kernel, heap_malloc_failed_hook_not_called_on_success)
{
    failed_allocs = 0;
    ptest_set_malloc_failed_hook(count_failure);
    void *p = pvPortMalloc(32);
    TEST_ASSERT_NOT_NULL(p);
    vPortFree(p);
    TEST_ASSERT_EQUAL(0, failed_allocs);
}

PTEST(Kernel, heap_free_size_shrinks_by_at_least_the_request)
{
    const size_t before = xPortGetFreeHeapSize();
    void *p = pvPortMalloc(200);
    TEST_ASSERT_NOT_NULL(p);
    const size_t during = xPortGetFreeHeapSize();
    TEST_ASSERT_TRUE(before - during >= 200U);
    TEST_ASSERT_TRUE(before - during <= 200U + 4U * ALIGN);
    vPortFree(p);
    if (SVC_HEAP_FREES) {
        TEST_ASSERT_EQUAL(before, xPortGetFreeHeapSize());
    }
}

/* ----- heap_1: allocate only ------------------------------------------------------------ */
#if (PORTOLAN_HEAP_SCHEME == 1)

PTEST(Kernel, heap_1_allocations_are_consecutive)
{
    uint8_t *a = pvPortMalloc(10);
    uint8_t *b = pvPortMalloc(33);
    uint8_t *c = pvPortMalloc(1);
    TEST_ASSERT_EQUAL_PTR(a + ROUND_UP(10U), b);
    TEST_ASSERT_EQUAL_PTR(b + ROUND_UP(33U), c);
}

PTEST(Kernel, heap_1_free_size_shrinks_by_rounded_request)
{
    const size_t before = xPortGetFreeHeapSize();
    (void)pvPortMalloc(21);
    TEST_ASSERT_EQUAL(before - ROUND_UP(21U), xPortGetFreeHeapSize());
}

PTEST(Kernel, heap_1_free_gives_nothing_back)
{
    void *p = pvPortMalloc(64);
    const size_t before = xPortGetFreeHeapSize();
    vPortFree(p);
    TEST_ASSERT_EQUAL(before, xPortGetFreeHeapSize());
    TEST_ASSERT_TRUE(pvPortMalloc(64) != p);
}

#endif /* PORTOLAN_HEAP_SCHEME == 1 */

/* ----- heap_2: best fit, no merging -------------------------------------------------------- */
#if (PORTOLAN_HEAP_SCHEME == 2)

PTEST(Kernel, heap_2_picks_the_smallest_block_that_fits)
{
    void *big = pvPortMalloc(13000);
    void *g1 = pvPortMalloc(16);
    void *mid = pvPortMalloc(11000);
    void *g2 = pvPortMalloc(16);
    void *small = pvPortMalloc(9000);
    void *g3 = pvPortMalloc(16);
    vPortFree(big);
    vPortFree(mid);
    vPortFree(small);
    void *p = pvPortMalloc(10000);
    TEST_ASSERT_EQUAL_PTR(mid, p);
    void *q = pvPortMalloc(8500);
    TEST_ASSERT_EQUAL_PTR(small, q);
    vPortFree(p);
    vPortFree(q);
    vPortFree(g1);
    vPortFree(g2);
    vPortFree(g3);
}

PTEST(Kernel, heap_2_does_not_merge_neighbours)
{
    uint8_t *a = pvPortMalloc(2000);
    uint8_t *b = pvPortMalloc(2000);
    void *guard = pvPortMalloc(16);
    const size_t before = xPortGetFreeHeapSize();
    vPortFree(a);
    vPortFree(b);
    TEST_ASSERT_TRUE(xPortGetFreeHeapSize() >= before + 4000U);
    void *both = pvPortMalloc(3800);
    TEST_ASSERT_NOT_NULL(both);
    TEST_ASSERT_TRUE((uint8_t *)both != a); /* the two holes stayed apart */
    vPortFree(both);
    vPortFree(guard);
}

PTEST(Kernel, heap_2_reuses_a_freed_block_of_the_same_size)
{
    void *a = pvPortMalloc(3333);
    void *guard = pvPortMalloc(16);
    vPortFree(a);
    void *b = pvPortMalloc(3333);
    TEST_ASSERT_EQUAL_PTR(a, b);
    vPortFree(b);
    vPortFree(guard);
}

#endif /* PORTOLAN_HEAP_SCHEME == 2 */

/* ----- heap_3: the C library --------------------------------------------------------------- */
#if (PORTOLAN_HEAP_SCHEME == 3)

PTEST(Kernel, heap_3_counts_bytes_handed_out)
{
    const size_t before = xPortGetFreeHeapSize();
    void *p = pvPortMalloc(1234);
    TEST_ASSERT_EQUAL(before - 1234U, xPortGetFreeHeapSize());
    vPortFree(p);
    TEST_ASSERT_EQUAL(before, xPortGetFreeHeapSize());
}

PTEST(Kernel, heap_3_serves_more_than_configured_total)
{
    void *p = pvPortMalloc(configTOTAL_HEAP_SIZE + 1U);
    TEST_ASSERT_NOT_NULL(p);
    TEST_ASSERT_EQUAL(0, xPortGetFreeHeapSize());
    vPortFree(p);
}

#endif /* PORTOLAN_HEAP_SCHEME == 3 */

/* ----- Schemes that check what is freed ------------------------------------------------- */
#if (PORTOLAN_HEAP_SCHEME == 2) || (PORTOLAN_HEAP_SCHEME == 4) || (PORTOLAN_HEAP_SCHEME == 5)

PTEST(Kernel, heap_double_free_asserts)
{
    void *p = pvPortMalloc(48);
    void *guard = pvPortMalloc(16);
    vPortFree(p);
    const size_t heap = xPortGetFreeHeapSize();
    TEST_EXPECT_ASSERT(vPortFree(p));
    TEST_ASSERT_EQUAL(heap, xPortGetFreeHeapSize());
    vPortFree(guard);
}

#endif /* PORTOLAN_HEAP_SCHEME == 2 || 4 || 5 */

/* ----- heap_4 and heap_5: first fit with merging ------------------------------------------ */
#if (PORTOLAN_HEAP_SCHEME == 4) || (PORTOLAN_HEAP_SCHEME == 5)

PTEST(Kernel, heap_first_fit_reuses_the_lowest_hole)
{
    HeapStats_t st;
    vPortGetHeapStats(&st);
    const size_t s = st.xSizeOfLargestFreeBlockInBytes / 8U;
    uint8_t *a = pvPortMalloc(s);
    uint8_t *b = pvPortMalloc(s);
    uint8_t *c = pvPortMalloc(s);
    TEST_ASSERT_TRUE(a < b && b < c && b - a == c - b); /* carved from one hole */
    vPortFree(b);
    uint8_t *d = pvPortMalloc(s);
    TEST_ASSERT_EQUAL_PTR(b, d);
    vPortFree(d);
    vPortFree(a);
    vPortFree(c);
}

PTEST(Kernel, heap_merging_restores_the_free_list)
{
    static const size_t sizes[8] = {700, 60, 3000, 128, 999, 16, 4096, 250};
    static const int order[8] = {3, 0, 6, 1, 7, 4, 2, 5};
    void *p[8];
    HeapStats_t before;
    HeapStats_t after;
    vPortGetHeapStats(&before);
    for (int i = 0; i < 8; i++) {
        p[i] = pvPortMalloc(sizes[i]);
        TEST_ASSERT_NOT_NULL(p[i]);
    }
    for (int i = 0; i < 8; i++) {
        vPortFree(p[order[i]]);
    }
    vPortGetHeapStats(&after);
    TEST_ASSERT_EQUAL(before.xAvailableHeapSpaceInBytes, after.xAvailableHeapSpaceInBytes);
    TEST_ASSERT_EQUAL(before.xSizeOfLargestFreeBlockInBytes, after.xSizeOfLargestFreeBlockInBytes);
    TEST_ASSERT_EQUAL(before.xNumberOfFreeBlocks, after.xNumberOfFreeBlocks);
}

PTEST(Kernel, heap_adjacent_frees_merge_into_one_block)
{
    uint8_t *a = pvPortMalloc(1000);
    uint8_t *b = pvPortMalloc(1000);
    void *guard = pvPortMalloc(16);
    vPortFree(a);
    vPortFree(b);
    uint8_t *both = pvPortMalloc(1900);
    TEST_ASSERT_EQUAL_PTR(a, both);
    vPortFree(both);
    vPortFree(guard);
}

PTEST(Kernel, heap_stats_track_each_allocation_and_free)
{
    HeapStats_t s0;
    HeapStats_t s1;
    HeapStats_t s2;
    vPortGetHeapStats(&s0);
    void *p = pvPortMalloc(300);
    vPortGetHeapStats(&s1);
    vPortFree(p);
    vPortGetHeapStats(&s2);
    TEST_ASSERT_EQUAL(s0.xNumberOfSuccessfulAllocations + 1U, s1.xNumberOfSuccessfulAllocations);
    TEST_ASSERT_EQUAL(s0.xNumberOfSuccessfulFrees, s1.xNumberOfSuccessfulFrees);
    TEST_ASSERT_EQUAL(s1.xNumberOfSuccessfulFrees + 1U, s2.xNumberOfSuccessfulFrees);
    TEST_ASSERT_EQUAL(xPortGetFreeHeapSize(), s2.xAvailableHeapSpaceInBytes);
    TEST_ASSERT_TRUE(s1.xAvailableHeapSpaceInBytes < s0.xAvailableHeapSpaceInBytes);
    TEST_ASSERT_TRUE(s0.xNumberOfFreeBlocks >= 1U);
    TEST_ASSERT_TRUE(s0.xSizeOfSmallestFreeBlockInBytes <= s0.xSizeOfLargestFreeBlockInBytes);
    TEST_ASSERT_TRUE(s0.xSizeOfLargestFreeBlockInBytes <= s0.xAvailableHeapSpaceInBytes);
}

PTEST(Kernel, heap_minimum_ever_free_tracks_the_low_point)
{
    const size_t before = xPortGetMinimumEverFreeHeapSize();
    TEST_ASSERT_TRUE(before <= xPortGetFreeHeapSize());
    HeapStats_t st;
    vPortGetHeapStats(&st);
    void *p = pvPortMalloc(st.xSizeOfLargestFreeBlockInBytes / 2U);
    TEST_ASSERT_NOT_NULL(p);
    const size_t low = xPortGetFreeHeapSize();
    vPortFree(p);
    TEST_ASSERT_TRUE(xPortGetMinimumEverFreeHeapSize() <= low);
    TEST_ASSERT_TRUE(xPortGetMinimumEverFreeHeapSize() <= before);
}

#endif /* PORTOLAN_HEAP_SCHEME == 4 || 5 */

/* ----- heap_5: several regions -------------------------------------------------------------- */
#if (PORTOLAN_HEAP_SCHEME == 5)

/* The regions the heap_5 image defines (tests/config/variants/heap5). */
extern const HeapRegion_t svc_heap_regions[];

static int in_a_region(const void *p, size_t len)
{
    for (const HeapRegion_t *r = svc_heap_regions; r->xSizeInBytes > 0U; r++) {
        const uint8_t *lo = r->pucStartAddress;
        if ((const uint8_t *)p >= lo && (const uint8_t *)p + len <= lo + r->xSizeInBytes) {
            return 1;
        }
    }
    return 0;
}

static size_t largest_region(void)
{
    size_t largest = 0;
    for (const HeapRegion_t *r = svc_heap_regions; r->xSizeInBytes > 0U; r++) {
        largest = (r->xSizeInBytes > largest) ? r->xSizeInBytes : largest;
    }
    return largest;
}

PTEST(Kernel, heap_5_blocks_lie_within_the_regions)
{
    void *p[6];
    for (int i = 0; i < 6; i++) {
        const size_t len = 1000U * (size_t)(i + 1);
        p[i] = pvPortMalloc(len);
        TEST_ASSERT_NOT_NULL(p[i]);
        TEST_ASSERT_TRUE(in_a_region(p[i], len));
    }
    for (int i = 0; i < 6; i++) {
        vPortFree(p[i]);
    }
}

PTEST(Kernel, heap_5_block_never_spans_two_regions)
{
    const size_t too_big = largest_region();
    TEST_ASSERT_TRUE(xPortGetFreeHeapSize() > too_big); /* the total would do */
    TEST_ASSERT_NULL(pvPortMalloc(too_big));
}

PTEST(Kernel, heap_5_each_region_keeps_its_own_free_block)
{
    HeapStats_t st;
    vPortGetHeapStats(&st);
    TEST_ASSERT_TRUE(st.xNumberOfFreeBlocks >= 2U);
    TEST_ASSERT_TRUE(st.xSizeOfLargestFreeBlockInBytes < largest_region());
}

#endif /* PORTOLAN_HEAP_SCHEME == 5 */

#endif /* configSUPPORT_DYNAMIC_ALLOCATION */
