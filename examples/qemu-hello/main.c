/*
 * main.c - hello, world on an emulated Cortex-M3: two tasks and a queue,
 * output through printf() (newlib) and configPRINT_STRING, exit code to the
 * host through exit() (semihosting).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "FreeRTOS.h"
#include "queue.h"
#include "task.h"
#include "board.h"

#define ROUNDS 5

static QueueHandle_t queue;

void hello_print_string(const char *s)
{
    board_console_write(s, strlen(s));
}

void hello_assert_failed(const char *file, int line)
{
    printf("assertion failed at %s:%d\n", file, line);
    exit(3);
}

void vApplicationStackOverflowHook(TaskHandle_t xTask, char *pcTaskName)
{
    (void)xTask;
    printf("stack overflow in %s\n", pcTaskName);
    exit(4);
}

static void producer(void *arg)
{
    (void)arg;
    for (int i = 1; i <= ROUNDS; i++) {
        vTaskDelay(100);
        xQueueSend(queue, &i, portMAX_DELAY);
    }
    vTaskDelete(NULL);
}

static void consumer(void *arg)
{
    (void)arg;
    int sum = 0;
    for (int i = 0; i < ROUNDS; i++) {
        int v = 0;
        xQueueReceive(queue, &v, portMAX_DELAY);
        printf("received %d at tick %lu\n", v, (unsigned long)xTaskGetTickCount());
        sum += v;
    }
    configPRINT_STRING("hello from configPRINT_STRING\n");
    printf("done: sum %d\n", sum);
    exit(sum == 15 ? 0 : 1);
}

int main(void)
{
    board_init();
    printf("qemu-hello on %s\n", board_name());
    queue = xQueueCreate(2, sizeof(int));
    xTaskCreate(producer, "producer", configMINIMAL_STACK_SIZE, NULL, 1, NULL);
    xTaskCreate(consumer, "consumer", configMINIMAL_STACK_SIZE * 2, NULL, 2, NULL);
    vTaskStartScheduler();
    return 1;
}
