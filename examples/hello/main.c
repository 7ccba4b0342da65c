/*
 * main.c - a tour of documented FreeRTOS behaviour, written only against
 * the FreeRTOS API. Each check prints PASS or FAIL; the exit code is the
 * number of failures. Its output is the same on every run.
 */
#include <stdio.h>
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "queue.h"
#include "semphr.h"

#define TOUR_PRIORITY 2

static int failures;
static char log_buf[64];
static volatile int log_len;

static void check(const char *what, int ok)
{
    printf("%s %s\n", ok ? "PASS" : "FAIL", what);
    failures += !ok;
}

static void log_char(char c)
{
    if (log_len < (int)sizeof log_buf - 1) {
        log_buf[log_len++] = c;
        log_buf[log_len] = '\0';
    }
}

static void log_reset(void)
{
    log_len = 0;
    log_buf[0] = '\0';
}

/* Logs its letter and deletes itself. */
static void letter_task(void *arg)
{
    log_char(*(const char *)arg);
    vTaskDelete(NULL);
}

static void preemption_on_create(void)
{
    static const char h = 'H';
    log_reset();
    xTaskCreate(letter_task, "high", configMINIMAL_STACK_SIZE, (void *)&h, TOUR_PRIORITY + 1, NULL);
    log_char('T');
    check("a higher-priority task runs before xTaskCreate returns", strcmp(log_buf, "HT") == 0);
}

static void queue_fifo(void)
{
    QueueHandle_t q = xQueueCreate(3, sizeof(int));
    int out[3] = {0, 0, 0};
    for (int i = 1; i <= 3; i++) {
        xQueueSend(q, &i, 0);
    }
    for (int i = 0; i < 3; i++) {
        xQueueReceive(q, &out[i], 0);
    }
    check("a queue is first in, first out", out[0] == 1 && out[1] == 2 && out[2] == 3);
    vQueueDelete(q);
}

static SemaphoreHandle_t pi_mutex;
static SemaphoreHandle_t pi_release;

static void pi_holder(void *arg)
{
    (void)arg;
    xSemaphoreTake(pi_mutex, portMAX_DELAY);
    xSemaphoreTake(pi_release, portMAX_DELAY);
    xSemaphoreGive(pi_mutex);
    vTaskDelete(NULL);
}

static void inheritance_and_timeout(void)
{
    TaskHandle_t holder;
    pi_mutex = xSemaphoreCreateMutex();
    pi_release = xSemaphoreCreateBinary();
    xTaskCreate(pi_holder, "holder", configMINIMAL_STACK_SIZE, NULL, 1, &holder);
    vTaskDelay(1); /* let the holder take the mutex */
    BaseType_t got = xSemaphoreTake(pi_mutex, 10);
    check("a mutex held by another task times out", got == pdFALSE);
    check("the holder drops back to its own priority after the waiter times out",
          uxTaskPriorityGet(holder) == 1);
    xSemaphoreGive(pi_release);
    vTaskDelay(1);
    check("the mutex is free again once the holder gives it",
          xSemaphoreTake(pi_mutex, 0) == pdTRUE);
    xSemaphoreGive(pi_mutex);
    vSemaphoreDelete(pi_mutex);
    vSemaphoreDelete(pi_release);
}

static TaskHandle_t tour_handle;

static void observer(void *arg)
{
    TaskHandle_t holder = arg;
    vTaskDelay(5);
    log_char((char)('0' + uxTaskPriorityGet(holder)));
    vTaskDelete(NULL);
}

static void inheritance_raises_holder(void)
{
    TaskHandle_t holder;
    log_reset();
    pi_mutex = xSemaphoreCreateMutex();
    pi_release = xSemaphoreCreateBinary();
    xTaskCreate(pi_holder, "holder", configMINIMAL_STACK_SIZE, NULL, 1, &holder);
    vTaskDelay(1);
    xTaskCreate(observer, "observer", configMINIMAL_STACK_SIZE, holder, TOUR_PRIORITY + 1, NULL);
    xSemaphoreTake(pi_mutex, 10);
    check("the holder inherits the waiter's priority", strcmp(log_buf, "2") == 0);
    xSemaphoreGive(pi_release);
    vTaskDelay(1);
    vSemaphoreDelete(pi_mutex);
    vSemaphoreDelete(pi_release);
}

static void notifications(void)
{
    xTaskNotifyGive(tour_handle);
    xTaskNotifyGive(tour_handle);
    uint32_t first = ulTaskNotifyTake(pdFALSE, 0);
    uint32_t second = ulTaskNotifyTake(pdTRUE, 0);
    uint32_t third = ulTaskNotifyTake(pdTRUE, 5);
    check("notifications count like a semaphore", first == 2 && second == 1 && third == 0);
    xTaskNotify(tour_handle, 0x5, eSetBits);
    uint32_t bits = 0;
    xTaskNotifyWait(0, 0xffffffffU, &bits, 0);
    check("xTaskNotifyWait returns the bits set", bits == 0x5);
}

static void recursive_mutex(void)
{
    SemaphoreHandle_t m = xSemaphoreCreateRecursiveMutex();
    int ok = 1;
    for (int i = 0; i < 3; i++) {
        ok &= xSemaphoreTakeRecursive(m, 0) == pdTRUE;
    }
    ok &= xSemaphoreGiveRecursive(m) == pdTRUE && xSemaphoreGiveRecursive(m) == pdTRUE;
    ok &= xSemaphoreGetMutexHolder(m) == tour_handle;
    ok &= xSemaphoreGiveRecursive(m) == pdTRUE;
    ok &= xSemaphoreGetMutexHolder(m) == NULL;
    ok &= xSemaphoreGiveRecursive(m) == pdFALSE;
    check("a recursive mutex is released after as many gives as takes", ok);
    vSemaphoreDelete(m);
}

static void queue_sets(void)
{
    QueueHandle_t a = xQueueCreate(2, sizeof(int));
    QueueHandle_t b = xQueueCreate(2, sizeof(int));
    QueueSetHandle_t set = xQueueCreateSet(4);
    xQueueAddToSet(a, set);
    xQueueAddToSet(b, set);
    int v = 7;
    xQueueSend(b, &v, 0);
    QueueSetMemberHandle_t first = xQueueSelectFromSet(set, 0);
    int got = 0;
    xQueueReceive(first, &got, 0);
    QueueSetMemberHandle_t none = xQueueSelectFromSet(set, 3);
    check("a queue set selects the queue that has data", first == b && got == 7 && none == NULL);
    xQueueRemoveFromSet(a, set);
    xQueueRemoveFromSet(b, set);
    vQueueDelete(a);
    vQueueDelete(b);
    vQueueDelete(set);
}

static void sleeper(void *arg)
{
    (void)arg;
    vTaskDelay(1000);
    log_char('W');
    vTaskSuspend(NULL);
}

static void task_states_and_abort(void)
{
    TaskHandle_t t;
    log_reset();
    xTaskCreate(sleeper, "sleeper", configMINIMAL_STACK_SIZE, NULL, TOUR_PRIORITY + 1, &t);
    check("a delayed task is Blocked", eTaskGetState(t) == eBlocked);
    check("the calling task is Running", eTaskGetState(tour_handle) == eRunning);
    TickType_t before = xTaskGetTickCount();
    check("xTaskAbortDelay wakes a blocked task", xTaskAbortDelay(t) == pdPASS);
    check("the aborted task ran at once, without waiting",
          strcmp(log_buf, "W") == 0 && xTaskGetTickCount() == before);
    check("a task that suspended itself is Suspended", eTaskGetState(t) == eSuspended);
    check("xTaskAbortDelay on a task that is not blocked fails", xTaskAbortDelay(t) == pdFAIL);
    vTaskPrioritySet(t, 1);
    vTaskResume(t);
    check("a resumed lower-priority task is Ready", eTaskGetState(t) == eReady);
    vTaskDelete(t);
}

static void round_robin_task(void *arg)
{
    for (int i = 0; i < 3; i++) {
        log_char(*(const char *)arg);
        taskYIELD();
    }
    vTaskDelete(NULL);
}

static void round_robin(void)
{
    static const char a = 'A';
    static const char b = 'B';
    log_reset();
    xTaskCreate(round_robin_task, "A", configMINIMAL_STACK_SIZE, (void *)&a, 1, NULL);
    xTaskCreate(round_robin_task, "B", configMINIMAL_STACK_SIZE, (void *)&b, 1, NULL);
    vTaskDelay(5);
    check("taskYIELD alternates equal-priority tasks", strcmp(log_buf, "ABABAB") == 0);
}

static void mailbox(void)
{
    QueueHandle_t box = xQueueCreate(1, sizeof(int));
    int v = 1;
    xQueueOverwrite(box, &v);
    v = 2;
    xQueueOverwrite(box, &v);
    int seen = 0;
    xQueuePeek(box, &seen, 0);
    check("a mailbox holds the last value written and peek leaves it there",
          seen == 2 && uxQueueMessagesWaiting(box) == 1);
    vQueueDelete(box);
}

static void priority_set_yields(void)
{
    static const char l = 'L';
    TaskHandle_t t;
    log_reset();
    xTaskCreate(letter_task, "low", configMINIMAL_STACK_SIZE, (void *)&l, 1, &t);
    log_char('T');
    vTaskPrioritySet(t, TOUR_PRIORITY + 1);
    log_char('T');
    check("raising a task above the caller runs it at once", strcmp(log_buf, "TLT") == 0);
}

static void tour(void *arg)
{
    (void)arg;
    preemption_on_create();
    queue_fifo();
    inheritance_raises_holder();
    inheritance_and_timeout();
    notifications();
    recursive_mutex();
    queue_sets();
    task_states_and_abort();
    round_robin();
    mailbox();
    priority_set_yields();
    vTaskDelay(2); /* let the idle task free deleted tasks */
    printf("tick %lu, %d failure(s)\n", (unsigned long)xTaskGetTickCount(), failures);
    vTaskEndScheduler();
}

int main(void)
{
    xTaskCreate(tour, "tour", configMINIMAL_STACK_SIZE, NULL, TOUR_PRIORITY, &tour_handle);
    vTaskStartScheduler();
    return failures;
}
