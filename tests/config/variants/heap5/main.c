/*
 * main.c of the heap_5 test image: defines three separate heap regions
 * (with gaps between them) before anything is allocated.
 */
#include "FreeRTOS.h"
#include "board.h"
#include "ptest.h"

#define TOTAL ((size_t)configTOTAL_HEAP_SIZE)
#define GAP ((size_t)64U)

static uint8_t arena[TOTAL / 8U + GAP + TOTAL / 2U + GAP + TOTAL / 4U]
    __attribute__((aligned(portBYTE_ALIGNMENT)));

/* In ascending address order, ended by a region of size 0. */
const HeapRegion_t svc_heap_regions[] = {
    {arena, TOTAL / 8U},
    {arena + TOTAL / 8U + GAP, TOTAL / 2U},
    {arena + TOTAL / 8U + GAP + TOTAL / 2U + GAP, TOTAL / 4U},
    {NULL, 0},
};

int main(void)
{
    board_init();
    vPortDefineHeapRegions(svc_heap_regions);
    ptest_main();
}
