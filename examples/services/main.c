/*
 * main.c - the kernel services as an application uses them, written only
 * against the FreeRTOS API: a periodic software timer, an event-group
 * rendezvous of three tasks, a stream buffer with a trigger level, a
 * message buffer, and the heap given back in full once everything is
 * deleted. Each check prints PASS or FAIL; the exit code is the number of
 * failures. Its output is the same on every run.
 */
#include <stdio.h>
#include <string.h>

#include "FreeRTOS.h"
#include "task.h"
#include "timers.h"
#include "event_groups.h"
#include "stream_buffer.h"
#include "message_buffer.h"

#define MAIN_PRIORITY 2
#define STACK configMINIMAL_STACK_SIZE

static int failures;

static void check(const char *what, int ok)
{
    printf("%s %s\n", ok ? "PASS" : "FAIL", what);
    failures += !ok;
}

/* ----- A periodic timer ---------------------------------------------------- */

static volatile unsigned expiries;

static void on_expiry(TimerHandle_t timer)
{
    (void)timer;
    expiries++;
}

static void periodic_timer(void)
{
    TimerHandle_t timer = xTimerCreate("period", 10, pdTRUE, NULL, on_expiry);
    expiries = 0;
    xTimerStart(timer, 0);
    vTaskDelay(105);
    xTimerStop(timer, 0);
    check("an auto-reload timer of 10 ticks fires 10 times in 105 ticks", expiries == 10);
    xTimerDelete(timer, 0);
}

/* ----- A rendezvous ------------------------------------------------------------ */

#define EVERYONE 0x07U

static EventGroupHandle_t meeting;
static volatile int met;

static void attendee(void *arg)
{
    const EventBits_t mine = (EventBits_t)(uintptr_t)arg;
    const EventBits_t seen = xEventGroupSync(meeting, mine, EVERYONE, 1000);
    if ((seen & EVERYONE) == EVERYONE) {
        met++;
    }
    vTaskDelete(NULL);
}

static void rendezvous(void)
{
    meeting = xEventGroupCreate();
    met = 0;
    for (uintptr_t bit = 1; bit <= 4U; bit <<= 1) {
        xTaskCreate(attendee, "attendee", STACK, (void *)bit, MAIN_PRIORITY - 1, NULL);
    }
    vTaskDelay(10);
    check("three tasks meet at an event-group rendezvous", met == 3);
    check("the rendezvous leaves its bits clear", xEventGroupGetBits(meeting) == 0);
    vEventGroupDelete(meeting);
}

/* ----- A stream buffer with a trigger level ------------------------------------------ */

static StreamBufferHandle_t stream;
static volatile size_t received;
static volatile int reader_done;

static void reader(void *arg)
{
    char buf[32];
    (void)arg;
    received = xStreamBufferReceive(stream, buf, sizeof buf, portMAX_DELAY);
    reader_done = 1;
    vTaskDelete(NULL);
}

static void trigger_level(void)
{
    stream = xStreamBufferCreate(64, 10);
    reader_done = 0;
    xTaskCreate(reader, "reader", STACK, NULL, MAIN_PRIORITY + 1, NULL);
    xStreamBufferSend(stream, "abcd", 4, 0);
    vTaskDelay(5);
    check("a reader stays blocked with 4 bytes below a trigger level of 10", !reader_done);
    xStreamBufferSend(stream, "efghijkl", 8, 0);
    check("and is woken with all 12 bytes once the level is reached",
          reader_done && received == 12);
    vStreamBufferDelete(stream);
}

/* ----- A message buffer ---------------------------------------------------------------- */

static void message_lengths(void)
{
    static const char *const messages[] = {"hi", "hello, world", "x", "a somewhat longer message"};
    MessageBufferHandle_t box = xMessageBufferCreate(128);
    int ok = 1;
    for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++) {
        xMessageBufferSend(box, messages[i], strlen(messages[i]), 0);
    }
    for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++) {
        char buf[64];
        size_t n = xMessageBufferReceive(box, buf, sizeof buf, 0);
        ok = ok && n == strlen(messages[i]) && memcmp(buf, messages[i], n) == 0;
    }
    check("a message buffer gives back each message with its length", ok);
    vMessageBufferDelete(box);
}

/* ----- The tour -------------------------------------------------------------------------- */

static void tour(void *arg)
{
    (void)arg;
    const size_t heap_at_start = xPortGetFreeHeapSize();
    periodic_timer();
    rendezvous();
    trigger_level();
    message_lengths();
    vTaskDelay(2); /* let the idle task free the tasks that deleted themselves */
    check("the heap is back to its starting size", xPortGetFreeHeapSize() == heap_at_start);
    printf("tick %lu, %d failure(s)\n", (unsigned long)xTaskGetTickCount(), failures);
    vTaskEndScheduler();
}

int main(void)
{
    xTaskCreate(tour, "tour", STACK, NULL, MAIN_PRIORITY, NULL);
    vTaskStartScheduler();
    return failures;
}
