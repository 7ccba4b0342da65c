/*
 * footprint.c - the small application the footprint figures link the
 * kernel into: a producer and a consumer task, one queue, one binary
 * semaphore (the "minimal" build, FOOTPRINT_FULL 0); the "default" build
 * also uses a mutex, a task notification, and the software timer, event
 * group and stream buffer services when the tree has them. Linked with
 * --gc-sections, only what the application uses stays in the image.
 *
 * When run, it prints what the objects cost in RAM in this configuration
 * (the Static*_t sizes, and the heap bytes each creation took, allocator
 * overhead included) as BENCH-SIZE lines, then exits 0. No printf: the C
 * library would dwarf the kernel.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "queue.h"
#include "semphr.h"
#include "board.h"
#if FOOTPRINT_FULL && BENCH_HAVE_TIMERS
#include "timers.h"
#endif /* FOOTPRINT_FULL && BENCH_HAVE_TIMERS */
#if FOOTPRINT_FULL && BENCH_HAVE_EVENT_GROUPS
#include "event_groups.h"
#endif /* FOOTPRINT_FULL && BENCH_HAVE_EVENT_GROUPS */
#if FOOTPRINT_FULL && BENCH_HAVE_STREAM_BUFFERS
#include "stream_buffer.h"
#endif /* FOOTPRINT_FULL && BENCH_HAVE_STREAM_BUFFERS */

#define ITEMS 10U

static QueueHandle_t queue;
static SemaphoreHandle_t done;

static void put(const char *s)
{
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    board_console_write(s, n);
}

static void put_size(const char *name, uint32_t bytes)
{
    char buf[12];
    int i = (int)sizeof buf - 1;
    buf[i] = '\0';
    do {
        buf[--i] = (char)('0' + bytes % 10U);
        bytes /= 10U;
    } while (bytes != 0U && i > 0);
    put("BENCH-SIZE name=");
    put(name);
    put(" bytes=");
    put(&buf[i]);
    put("\n");
}

/* Heap bytes taken since the previous call. */
static uint32_t heap_taken(void)
{
    static size_t last = configTOTAL_HEAP_SIZE;
    size_t now = xPortGetFreeHeapSize();
    uint32_t taken = (uint32_t)(last - now);
    last = now;
    return taken;
}

static void producer(void *arg)
{
    (void)arg;
    for (uint32_t i = 1; i <= ITEMS; i++) {
        (void)xQueueSend(queue, &i, portMAX_DELAY);
        vTaskDelay(1);
    }
    (void)xSemaphoreGive(done);
    for (;;) {
        vTaskDelay(portMAX_DELAY);
    }
}

#if FOOTPRINT_FULL
#if BENCH_HAVE_TIMERS
static void timer_callback(TimerHandle_t t)
{
    (void)t;
}
#endif /* BENCH_HAVE_TIMERS */

static void use_services(void)
{
    SemaphoreHandle_t m = xSemaphoreCreateMutex();
    put_size("heap.mutex", heap_taken());
    (void)xSemaphoreTake(m, 0);
    (void)xSemaphoreGive(m);
    xTaskNotifyGive(xTaskGetCurrentTaskHandle());
    (void)ulTaskNotifyTake(pdTRUE, 0);
#if BENCH_HAVE_TIMERS
    TimerHandle_t t = xTimerCreate("t", 10, pdFALSE, NULL, timer_callback);
    put_size("heap.timer", heap_taken());
    (void)xTimerStart(t, 0);
    (void)xTimerStop(t, 0);
#endif /* BENCH_HAVE_TIMERS */
#if BENCH_HAVE_EVENT_GROUPS
    EventGroupHandle_t e = xEventGroupCreate();
    put_size("heap.event_group", heap_taken());
    (void)xEventGroupSetBits(e, 1);
    (void)xEventGroupWaitBits(e, 1, pdTRUE, pdTRUE, 0);
#endif /* BENCH_HAVE_EVENT_GROUPS */
#if BENCH_HAVE_STREAM_BUFFERS
    uint8_t byte = 1;
    StreamBufferHandle_t s = xStreamBufferCreate(16, 1);
    put_size("heap.stream_buffer(16)", heap_taken());
    (void)xStreamBufferSend(s, &byte, 1, 0);
    (void)xStreamBufferReceive(s, &byte, 1, 0);
#endif /* BENCH_HAVE_STREAM_BUFFERS */
}
#endif /* FOOTPRINT_FULL */

static void consumer(void *arg)
{
    (void)arg;
    uint32_t sum = 0;
    for (uint32_t i = 0; i < ITEMS; i++) {
        uint32_t v = 0;
        (void)xQueueReceive(queue, &v, portMAX_DELAY);
        sum += v;
    }
    (void)xSemaphoreTake(done, portMAX_DELAY);
    (void)heap_taken();
#if FOOTPRINT_FULL
    use_services();
#endif /* FOOTPRINT_FULL */
    put_size("StaticTask_t", sizeof(StaticTask_t));
    put_size("StaticQueue_t", sizeof(StaticQueue_t));
    put_size("StaticSemaphore_t", sizeof(StaticSemaphore_t));
    put_size("StaticEventGroup_t", sizeof(StaticEventGroup_t));
    put_size("StaticTimer_t", sizeof(StaticTimer_t));
    put_size("StaticStreamBuffer_t", sizeof(StaticStreamBuffer_t));
    put_size("idle_stack", configMINIMAL_STACK_SIZE * sizeof(StackType_t));
    if (configUSE_TIMERS) {
        put_size("timer_stack", configTIMER_TASK_STACK_DEPTH * sizeof(StackType_t));
    }
    put_size("heap.total", configTOTAL_HEAP_SIZE);
    put_size("heap.max_used", configTOTAL_HEAP_SIZE - xPortGetMinimumEverFreeHeapSize());
    put(sum == ITEMS * (ITEMS + 1U) / 2U ? "BENCH-END status=ok\n" : "BENCH-END status=fail\n");
    board_exit(sum == ITEMS * (ITEMS + 1U) / 2U ? 0 : 1);
}

int main(void)
{
    board_init();
    vPortFree(pvPortMalloc(1)); /* the heap initialises itself on first use */
    (void)heap_taken();
    queue = xQueueCreate(ITEMS, sizeof(uint32_t));
    put_size("heap.queue(10x4)", heap_taken());
    done = xSemaphoreCreateBinary();
    put_size("heap.semaphore", heap_taken());
    (void)xTaskCreate(producer, "prod", configMINIMAL_STACK_SIZE, NULL, 1, NULL);
    put_size("heap.task", heap_taken());
    (void)xTaskCreate(consumer, "cons", configMINIMAL_STACK_SIZE, NULL, 2, NULL);
    vTaskStartScheduler();
    return 1;
}
