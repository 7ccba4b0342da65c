/*
 * task_stats.c - task status snapshots, run-time statistics and the
 * human-readable task tables (vTaskListTasks, vTaskGetRunTimeStatistics).
 *
 * A snapshot is taken with the scheduler suspended, so no task can be
 * created or deleted meanwhile; the lists themselves are walked inside a
 * critical section because interrupts may still move tasks between them.
 * The tables are formatted here, without the C library's printf, so they
 * work on targets whose libc has none.
 */
#include "FreeRTOS.h"
#include "task.h"
#include "kernel_sched.h"
#include "kernel_alloc.h"

/* ----- Run-time counters ------------------------------------------------------ */

configRUN_TIME_COUNTER_TYPE ulTaskGetRunTimeCounter(const TaskHandle_t xTask)
{
#if (configGENERATE_RUN_TIME_STATS == 1)
    portENTER_CRITICAL();
    const configRUN_TIME_COUNTER_TYPE c = sched_tcb_or_current(xTask)->run_time;
    portEXIT_CRITICAL();
    return c;
#else
    (void)xTask;
    return 0;
#endif /* configGENERATE_RUN_TIME_STATS */
}

/* counter as a percentage of the total run time so far (0 when the total is
 * under 100 counts). */
static configRUN_TIME_COUNTER_TYPE stats_percent(configRUN_TIME_COUNTER_TYPE counter)
{
    const configRUN_TIME_COUNTER_TYPE hundredth = portGET_RUN_TIME_COUNTER_VALUE() / 100U;
    return (hundredth > 0U) ? counter / hundredth : 0U;
}

configRUN_TIME_COUNTER_TYPE ulTaskGetRunTimePercent(const TaskHandle_t xTask)
{
    return stats_percent(ulTaskGetRunTimeCounter(xTask));
}

configRUN_TIME_COUNTER_TYPE ulTaskGetIdleRunTimeCounter(void)
{
    return ulTaskGetRunTimeCounter(xTaskGetIdleTaskHandle());
}

configRUN_TIME_COUNTER_TYPE ulTaskGetIdleRunTimePercent(void)
{
    return stats_percent(ulTaskGetIdleRunTimeCounter());
}

/* ----- Snapshots -------------------------------------------------------------------- */

void vTaskGetInfo(TaskHandle_t xTask, TaskStatus_t *pxTaskStatus, BaseType_t xGetFreeStackSpace,
                  eTaskState eState)
{
    configASSERT(pxTaskStatus != NULL);
    tcb_t *t = sched_tcb_or_current(xTask);
    pxTaskStatus->xHandle = (TaskHandle_t)t;
    pxTaskStatus->pcTaskName = t->name;
#if (configUSE_TRACE_FACILITY == 1)
    pxTaskStatus->xTaskNumber = t->tcb_number;
#else
    pxTaskStatus->xTaskNumber = 0;
#endif /* configUSE_TRACE_FACILITY */
    pxTaskStatus->uxCurrentPriority = t->priority;
    pxTaskStatus->uxBasePriority = t->base_priority;
    pxTaskStatus->pxStackBase = t->stack;
    pxTaskStatus->pxTopOfStack = (StackType_t *)t->top_of_stack;
    pxTaskStatus->pxEndOfStack = t->stack + (t->stack_depth - 1U);
    pxTaskStatus->ulRunTimeCounter = ulTaskGetRunTimeCounter((TaskHandle_t)t);
    if (eState == eInvalid) {
        eState = eTaskGetState((TaskHandle_t)t);
    } else if (t == pxCurrentTCB && sched_running != pdFALSE) {
        eState = eRunning;
    }
    pxTaskStatus->eCurrentState = eState;
    pxTaskStatus->usStackHighWaterMark =
        (xGetFreeStackSpace != pdFALSE) ? uxTaskGetStackHighWaterMark2((TaskHandle_t)t) : 0U;
}

/* Appends the handles of the tasks in l to out[n...]; returns the new n. */
static UBaseType_t stats_collect_list(const list_t *l, TaskStatus_t *out, UBaseType_t n)
{
    for (const list_link_t *k = l->end.next; k != &l->end; k = k->next) {
        out[n++].xHandle = (TaskHandle_t)list_item_of((list_link_t *)k)->owner;
    }
    return n;
}

/* Fills out[].xHandle with every task: ready lists from the highest
 * priority, then delayed, deleted and suspended tasks. Returns the count,
 * or 0 when out has fewer than uxTaskGetNumberOfTasks() entries. */
static UBaseType_t stats_collect(TaskStatus_t *out, UBaseType_t size)
{
    UBaseType_t n = 0;
    portENTER_CRITICAL();
    if (sched_task_count > 0U && sched_task_count <= size) {
        for (UBaseType_t p = configMAX_PRIORITIES; p > 0U; p--) {
            n = stats_collect_list(&sched_ready[p - 1U], out, n);
        }
        n = stats_collect_list(sched_delayed, out, n);
        n = stats_collect_list(sched_delayed_overflow, out, n);
        n = stats_collect_list(&sched_terminating, out, n);
        n = stats_collect_list(&sched_suspended, out, n);
    }
    portEXIT_CRITICAL();
    return n;
}

UBaseType_t uxTaskGetSystemState(TaskStatus_t *const pxTaskStatusArray,
                                 const UBaseType_t uxArraySize,
                                 configRUN_TIME_COUNTER_TYPE *const pulTotalRunTime)
{
    configASSERT(pxTaskStatusArray != NULL || uxArraySize == 0U);
    vTaskSuspendAll();
    const UBaseType_t n = stats_collect(pxTaskStatusArray, uxArraySize);
    for (UBaseType_t i = 0; i < n; i++) {
        vTaskGetInfo(pxTaskStatusArray[i].xHandle, &pxTaskStatusArray[i], pdTRUE, eInvalid);
    }
    if (pulTotalRunTime != NULL) {
        *pulTotalRunTime =
            (configGENERATE_RUN_TIME_STATS == 1) ? portGET_RUN_TIME_COUNTER_VALUE() : 0U;
    }
    (void)xTaskResumeAll();
    return n;
}

/* ----- Formatting without printf ---------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t size; /* including the terminating NUL */
    size_t len;
} stats_out_t;

static void out_char(stats_out_t *o, char c)
{
    if (o->len + 1U < o->size) {
        o->buf[o->len++] = c;
        o->buf[o->len] = '\0';
    }
}

static void out_str(stats_out_t *o, const char *s)
{
    while (*s != '\0') {
        out_char(o, *s++);
    }
}

static void out_uint(stats_out_t *o, unsigned long long v)
{
    char digits[24];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + (int)(v % 10U));
        v /= 10U;
    } while (v != 0U);
    while (n > 0U) {
        out_char(o, digits[--n]);
    }
}

/* The name padded with spaces to a column, as FreeRTOS prints it. */
static void out_name(stats_out_t *o, const char *name)
{
    size_t n = 0;
    for (; name[n] != '\0'; n++) {
        out_char(o, name[n]);
    }
    for (; n < (size_t)configMAX_TASK_NAME_LEN - 1U; n++) {
        out_char(o, ' ');
    }
}

static char state_letter(eTaskState s)
{
    static const char letters[] = {'X', 'R', 'B', 'S', 'D'};
    return ((unsigned)s < sizeof letters) ? letters[s] : '?';
}

/* A snapshot of every task in memory from the heap; NULL if there is no
 * memory (or no heap). */
static TaskStatus_t *stats_snapshot(UBaseType_t *n, configRUN_TIME_COUNTER_TYPE *total)
{
    const UBaseType_t room = uxTaskGetNumberOfTasks() + 2U; /* room for a task or two more */
    TaskStatus_t *all = NULL;
    if (configSUPPORT_DYNAMIC_ALLOCATION) {
        all = kernel_alloc(room * sizeof(TaskStatus_t));
    }
    *n = (all != NULL) ? uxTaskGetSystemState(all, room, total) : 0U;
    return all;
}

void vTaskListTasks(char *pcWriteBuffer, size_t uxBufferLength)
{
    UBaseType_t n;
    configASSERT(pcWriteBuffer != NULL);
    if (pcWriteBuffer == NULL || uxBufferLength == 0U) {
        return;
    }
    stats_out_t o = {pcWriteBuffer, uxBufferLength, 0};
    pcWriteBuffer[0] = '\0';
    TaskStatus_t *all = stats_snapshot(&n, NULL);
    for (UBaseType_t i = 0; i < n; i++) {
        out_name(&o, all[i].pcTaskName);
        out_char(&o, '\t');
        out_char(&o, state_letter(all[i].eCurrentState));
        out_char(&o, '\t');
        out_uint(&o, all[i].uxCurrentPriority);
        out_char(&o, '\t');
        out_uint(&o, all[i].usStackHighWaterMark);
        out_char(&o, '\t');
        out_uint(&o, all[i].xTaskNumber);
        out_str(&o, "\r\n");
    }
    if (all != NULL) {
        kernel_free(all);
    }
}

void vTaskList(char *pcWriteBuffer)
{
    vTaskListTasks(pcWriteBuffer, configSTATS_BUFFER_MAX_LENGTH);
}

void vTaskGetRunTimeStatistics(char *pcWriteBuffer, size_t uxBufferLength)
{
    UBaseType_t n;
    configRUN_TIME_COUNTER_TYPE total = 0;
    configASSERT(pcWriteBuffer != NULL);
    if (pcWriteBuffer == NULL || uxBufferLength == 0U) {
        return;
    }
    stats_out_t o = {pcWriteBuffer, uxBufferLength, 0};
    pcWriteBuffer[0] = '\0';
    TaskStatus_t *all = stats_snapshot(&n, &total);
    const configRUN_TIME_COUNTER_TYPE hundredth = total / 100U;
    for (UBaseType_t i = 0; i < n && hundredth > 0U; i++) {
        const configRUN_TIME_COUNTER_TYPE pct = all[i].ulRunTimeCounter / hundredth;
        out_name(&o, all[i].pcTaskName);
        out_char(&o, '\t');
        out_uint(&o, all[i].ulRunTimeCounter);
        out_str(&o, "\t\t");
        if (pct > 0U) {
            out_uint(&o, pct);
            out_str(&o, "%\r\n");
        } else {
            out_str(&o, "<1%\r\n");
        }
    }
    if (all != NULL) {
        kernel_free(all);
    }
}

void vTaskGetRunTimeStats(char *pcWriteBuffer)
{
    vTaskGetRunTimeStatistics(pcWriteBuffer, configSTATS_BUFFER_MAX_LENGTH);
}
