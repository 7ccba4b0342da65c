/*
 * sizes.c - RAM figures of a configuration, read by the host without
 * running anything: each array below is as long as the figure it names,
 * so `arm-none-eabi-nm -S` on this object prints the figure as the size of
 * the symbol bench_size_<name>. Compiled once per configuration measured
 * (bench/CMakeLists.txt), never linked.
 */
#include "FreeRTOS.h"

#define FIGURE(name, bytes) __attribute__((used)) const char bench_size_##name[bytes] = {0}

FIGURE(StaticTask_t, sizeof(StaticTask_t));
FIGURE(StaticQueue_t, sizeof(StaticQueue_t));
FIGURE(StaticSemaphore_t, sizeof(StaticSemaphore_t));
FIGURE(StaticEventGroup_t, sizeof(StaticEventGroup_t));
FIGURE(StaticTimer_t, sizeof(StaticTimer_t));
FIGURE(StaticStreamBuffer_t, sizeof(StaticStreamBuffer_t));
FIGURE(idle_stack, configMINIMAL_STACK_SIZE * sizeof(StackType_t));
#if configUSE_TIMERS
FIGURE(timer_stack, configTIMER_TASK_STACK_DEPTH * sizeof(StackType_t));
#endif /* configUSE_TIMERS */
FIGURE(heap, configTOTAL_HEAP_SIZE);
