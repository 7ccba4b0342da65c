/*
 * The tickless variant: tickless idle, with the sleep processing hooks
 * routed to the tests (tests/services/test_tickless.c).
 */
#ifndef FREERTOS_CONFIG_VARIANT_H
#define FREERTOS_CONFIG_VARIANT_H

#define configUSE_TICKLESS_IDLE 1
void svc_pre_sleep(void *expected_idle_ticks);
void svc_post_sleep(void *expected_idle_ticks);
#define configPRE_SLEEP_PROCESSING(x) svc_pre_sleep(&(x))
#define configPOST_SLEEP_PROCESSING(x) svc_post_sleep(&(x))

#include "../../FreeRTOSConfig.h"

#endif /* FREERTOS_CONFIG_VARIANT_H */
