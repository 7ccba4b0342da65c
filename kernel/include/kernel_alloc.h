/*
 * kernel_alloc.h - how kernel objects get heap memory and give it back.
 *
 * With configSUPPORT_DYNAMIC_ALLOCATION 0 the kernel links without any heap
 * scheme: nothing then refers to pvPortMalloc or vPortFree, and the dynamic
 * creation functions fail (configASSERT, then NULL or an error code).
 * Context: task, or before the scheduler starts.
 */
#ifndef KERNEL_ALLOC_H
#define KERNEL_ALLOC_H

#include "FreeRTOS.h"

static inline void *kernel_alloc(size_t bytes)
{
#if (configSUPPORT_DYNAMIC_ALLOCATION == 1)
    return pvPortMalloc(bytes);
#else
    (void)bytes;
    configASSERT(0); /* dynamic allocation is disabled in FreeRTOSConfig.h */
    return NULL;
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */
}

/* Frees memory from kernel_alloc(); only ever reached for objects that
 * were allocated, so a static-only build never gets here. */
static inline void kernel_free(void *p)
{
#if (configSUPPORT_DYNAMIC_ALLOCATION == 1)
    vPortFree(p);
#else
    (void)p;
#endif /* configSUPPORT_DYNAMIC_ALLOCATION */
}

#endif /* KERNEL_ALLOC_H */
