/*
 * kernel_timer.h - the timer service's hook into the scheduler.
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include "FreeRTOS.h"

/* Creates the timer daemon task and its command queue; called by
 * vTaskStartScheduler() when configUSE_TIMERS is 1. Returns pdPASS. */
BaseType_t timer_create_daemon(void);

#endif /* KERNEL_TIMER_H */
