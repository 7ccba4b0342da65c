/*
 * The static-only variant: no dynamic allocation at all (the image links no
 * heap scheme), idle and timer task memory from the application.
 */
#ifndef FREERTOS_CONFIG_VARIANT_H
#define FREERTOS_CONFIG_VARIANT_H

#define configSUPPORT_STATIC_ALLOCATION 1
#define configSUPPORT_DYNAMIC_ALLOCATION 0
#define configKERNEL_PROVIDED_STATIC_MEMORY 0

#include "../../FreeRTOSConfig.h"

#endif /* FREERTOS_CONFIG_VARIANT_H */
