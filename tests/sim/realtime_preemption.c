/*
 * realtime_preemption.c - in real-time mode the tick follows the host clock
 * and preempts a task that never calls the kernel. Task A spins on a flag
 * that only task B, of equal priority, sets; the program ends only if time
 * slicing takes the CPU away from A. ctest runs it with
 * PORTOLAN_SIM_TIME=real and a timeout; nothing here measures time.
 */
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "sim.h"

static volatile int flag;

static void say(const char *s)
{
    board_console_write(s, strlen(s));
}

static volatile unsigned long spins;

static void spinner(void *arg)
{
    (void)arg;
    while (!flag) {
        spins++;
    }
    say("spinner preempted and released\n");
    board_exit(0);
}

static void setter(void *arg)
{
    (void)arg;
    flag = 1;
    for (;;) {
        vTaskDelay(1);
    }
}

/* The test-image configuration expects these from the test framework. */
void vApplicationTickHook(void)
{
}

void vApplicationIdleHook(void)
{
}

void vApplicationMallocFailedHook(void)
{
}

void vApplicationDaemonTaskStartupHook(void)
{
}

void vApplicationStackOverflowHook(TaskHandle_t xTask, char *pcTaskName)
{
    (void)xTask;
    (void)pcTaskName;
    say("stack overflow\n");
    board_exit(3);
}

void ptest_config_assert(const char *file, int line)
{
    (void)file;
    (void)line;
    say("configASSERT failed\n");
    board_exit(3);
}

int main(void)
{
    board_init();
    if (!sim_is_real_time()) {
        say("run with PORTOLAN_SIM_TIME=real\n");
        return 2;
    }
    xTaskCreate(spinner, "spin", configMINIMAL_STACK_SIZE, NULL, 1, NULL);
    xTaskCreate(setter, "set", configMINIMAL_STACK_SIZE, NULL, 1, NULL);
    vTaskStartScheduler();
    return 1;
}
