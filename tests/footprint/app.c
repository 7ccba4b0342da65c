/*
 * app.c - the small application of the footprint figures (2 tasks, 1
 * queue, as in docs/port-armv7m.md) and of the context switch instruction
 * count: a producer and a consumer exchange ROUNDS items, then both tasks
 * yield to each other ROUNDS times at equal priority.
 */
#include "FreeRTOS.h"
#include "queue.h"
#include "task.h"
#include "board.h"

#define ROUNDS 50

void footprint_assert_failed(void);
void vApplicationStackOverflowHook(TaskHandle_t xTask, char *pcTaskName);

static QueueHandle_t queue;

/* Used by the full configuration only. */
void footprint_assert_failed(void)
{
    board_exit(3);
}

void vApplicationStackOverflowHook(TaskHandle_t xTask, char *pcTaskName)
{
    (void)xTask;
    (void)pcTaskName;
    board_exit(4);
}
static volatile unsigned yields;

static void yielder(void *arg)
{
    (void)arg;
    for (;;) {
        yields++;
        taskYIELD();
    }
}

static void producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        (void)xQueueSend(queue, &i, portMAX_DELAY);
    }
    /* Now yield ping-pong with the other task at this priority. */
    while (yields < ROUNDS) {
        taskYIELD();
    }
    board_exit(0);
}

static void consumer(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        int v;
        (void)xQueueReceive(queue, &v, portMAX_DELAY);
    }
    yielder(NULL);
}

int main(void)
{
    board_init();
    queue = xQueueCreate(1, sizeof(int));
    (void)xTaskCreate(producer, "prod", configMINIMAL_STACK_SIZE, NULL, 1, NULL);
    (void)xTaskCreate(consumer, "cons", configMINIMAL_STACK_SIZE, NULL, 1, NULL);
    vTaskStartScheduler();
    return 1;
}
