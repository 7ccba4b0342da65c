/*
 * static_memory.c - the application's memory for the idle and timer tasks,
 * for images built with configSUPPORT_STATIC_ALLOCATION 1 and
 * configKERNEL_PROVIDED_STATIC_MEMORY 0.
 */
#include "services.h"

volatile unsigned svc_idle_memory_requests;
volatile unsigned svc_timer_memory_requests;

#if (configSUPPORT_STATIC_ALLOCATION == 1) && (configKERNEL_PROVIDED_STATIC_MEMORY == 0)
StackType_t svc_idle_stack[configMINIMAL_STACK_SIZE];
StackType_t svc_timer_stack[configTIMER_TASK_STACK_DEPTH];

void vApplicationGetIdleTaskMemory(StaticTask_t **ppxIdleTaskTCBBuffer,
                                   StackType_t **ppxIdleTaskStackBuffer,
                                   configSTACK_DEPTH_TYPE *puxIdleTaskStackSize)
{
    static StaticTask_t tcb;
    *ppxIdleTaskTCBBuffer = &tcb;
    *ppxIdleTaskStackBuffer = svc_idle_stack;
    *puxIdleTaskStackSize = configMINIMAL_STACK_SIZE;
    svc_idle_memory_requests = svc_idle_memory_requests + 1U;
}

void vApplicationGetTimerTaskMemory(StaticTask_t **ppxTimerTaskTCBBuffer,
                                    StackType_t **ppxTimerTaskStackBuffer,
                                    configSTACK_DEPTH_TYPE *puxTimerTaskStackSize)
{
    static StaticTask_t tcb;
    *ppxTimerTaskTCBBuffer = &tcb;
    *ppxTimerTaskStackBuffer = svc_timer_stack;
    *puxTimerTaskStackSize = configTIMER_TASK_STACK_DEPTH;
    svc_timer_memory_requests = svc_timer_memory_requests + 1U;
}
#else
StackType_t svc_idle_stack[1];
StackType_t svc_timer_stack[1];
#endif /* static memory from the application */
