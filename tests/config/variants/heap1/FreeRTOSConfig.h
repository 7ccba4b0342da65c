/*
 * The heap_1 variant: heap_1 never frees, so the image gets a heap large
 * enough for the whole suite (memory is only touched when handed out).
 */
#ifndef FREERTOS_CONFIG_VARIANT_H
#define FREERTOS_CONFIG_VARIANT_H

#include "../../FreeRTOSConfig.h"

#undef configTOTAL_HEAP_SIZE
#define configTOTAL_HEAP_SIZE ((size_t)64U * 1024U * 1024U)

#endif /* FREERTOS_CONFIG_VARIANT_H */
