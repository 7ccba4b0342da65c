/*
 * test_stats.c - task status, run-time statistics and the formatted task
 * tables (configUSE_TRACE_FACILITY, configGENERATE_RUN_TIME_STATS,
 * configUSE_STATS_FORMATTING_FUNCTIONS).
 */
#include <string.h>

#include "services.h"

#if (configUSE_TRACE_FACILITY == 1)

#define MAX_LISTED 24U

static TaskStatus_t all[MAX_LISTED];

static const TaskStatus_t *find(UBaseType_t n, const char *name)
{
    for (UBaseType_t i = 0; i < n; i++) {
        if (strcmp(all[i].pcTaskName, name) == 0) {
            return &all[i];
        }
    }
    return NULL;
}

static void sleeper(void *arg)
{
    (void)arg;
    vTaskDelay(1000);
}

static void spinner(void *arg)
{
    (void)arg;
    for (;;) {
        taskYIELD();
    }
}

PTEST(Kernel, stats_system_state_lists_every_task)
{
    const UBaseType_t n = uxTaskGetSystemState(all, MAX_LISTED, NULL);
    TEST_ASSERT_EQUAL(uxTaskGetNumberOfTasks(), n);
    const TaskStatus_t *me = find(n, pcTaskGetName(NULL));
    const TaskStatus_t *idle = find(n, configIDLE_TASK_NAME);
    TEST_ASSERT_NOT_NULL(me);
    TEST_ASSERT_NOT_NULL(idle);
    TEST_ASSERT_EQUAL(eRunning, me->eCurrentState);
    TEST_ASSERT_EQUAL_PTR(xTaskGetCurrentTaskHandle(), me->xHandle);
    TEST_ASSERT_EQUAL(eReady, idle->eCurrentState);
    TEST_ASSERT_EQUAL(tskIDLE_PRIORITY, idle->uxCurrentPriority);
#if (configUSE_TIMERS == 1)
    const TaskStatus_t *daemon = find(n, configTIMER_SERVICE_TASK_NAME);
    TEST_ASSERT_NOT_NULL(daemon);
    TEST_ASSERT_EQUAL(eBlocked, daemon->eCurrentState);
#endif /* configUSE_TIMERS */
}

PTEST(Kernel, stats_system_state_with_too_small_array_returns_zero)
{
    TEST_ASSERT_EQUAL(0, uxTaskGetSystemState(all, uxTaskGetNumberOfTasks() - 1U, NULL));
}

PTEST(Kernel, stats_system_state_reports_each_state)
{
    TaskHandle_t blocked = ptest_task_create(sleeper, "sleeper", SVC_HIGH, NULL);
    TaskHandle_t ready = ptest_task_create(spinner, "spinner", SVC_LOW, NULL);
    TaskHandle_t suspended = ptest_task_create(sleeper, "sleeper2", SVC_HIGH, NULL);
    vTaskSuspend(suspended);
    const UBaseType_t n = uxTaskGetSystemState(all, MAX_LISTED, NULL);
    TEST_ASSERT_EQUAL(eBlocked, find(n, "sleeper")->eCurrentState);
    TEST_ASSERT_EQUAL(eReady, find(n, "spinner")->eCurrentState);
    TEST_ASSERT_EQUAL(eSuspended, find(n, "sleeper2")->eCurrentState);
    TEST_ASSERT_EQUAL_PTR(blocked, find(n, "sleeper")->xHandle);
    TEST_ASSERT_EQUAL_PTR(ready, find(n, "spinner")->xHandle);
}

PTEST(Kernel, stats_task_numbers_are_unique)
{
    const UBaseType_t n = uxTaskGetSystemState(all, MAX_LISTED, NULL);
    for (UBaseType_t i = 0; i < n; i++) {
        TEST_ASSERT_TRUE(all[i].xTaskNumber > 0U);
        for (UBaseType_t j = i + 1U; j < n; j++) {
            TEST_ASSERT_TRUE(all[i].xTaskNumber != all[j].xTaskNumber);
        }
    }
}

PTEST(Kernel, stats_get_info_of_the_calling_task)
{
    TaskStatus_t st;
    vTaskGetInfo(NULL, &st, pdTRUE, eInvalid);
    TEST_ASSERT_EQUAL_PTR(xTaskGetCurrentTaskHandle(), st.xHandle);
    TEST_ASSERT_EQUAL_STRING(pcTaskGetName(NULL), st.pcTaskName);
    TEST_ASSERT_EQUAL(eRunning, st.eCurrentState);
    TEST_ASSERT_EQUAL(uxTaskPriorityGet(NULL), st.uxCurrentPriority);
    TEST_ASSERT_EQUAL(uxTaskBasePriorityGet(NULL), st.uxBasePriority);
    TEST_ASSERT_NOT_NULL(st.pxStackBase);
    TEST_ASSERT_TRUE(st.pxEndOfStack > st.pxStackBase);
    TEST_ASSERT_TRUE(st.usStackHighWaterMark > 0U);
    TEST_ASSERT_EQUAL(uxTaskGetStackHighWaterMark(NULL), st.usStackHighWaterMark);
}

PTEST(Kernel, stats_get_info_uses_given_state_and_skips_stack_scan)
{
    TaskStatus_t st;
    TaskHandle_t h = ptest_task_create(sleeper, "sleeper", SVC_HIGH, NULL);
    vTaskGetInfo(h, &st, pdFALSE, eSuspended);
    TEST_ASSERT_EQUAL(eSuspended, st.eCurrentState); /* as the caller said */
    TEST_ASSERT_EQUAL(0, st.usStackHighWaterMark);
    vTaskGetInfo(NULL, &st, pdFALSE, eReady);
    TEST_ASSERT_EQUAL(eRunning, st.eCurrentState); /* the caller runs, whatever it said */
}

#define DEEP_BYTES (PTEST_TASK_STACK * sizeof(StackType_t) / 2U)

static void deep_user(void *arg)
{
    (void)arg;
    volatile uint8_t buf[DEEP_BYTES];
    for (size_t i = 0; i < sizeof buf; i++) {
        buf[i] = (uint8_t)i;
    }
    vTaskDelay(100);
}

PTEST(Kernel, stats_high_water_mark_reflects_stack_use)
{
    TaskStatus_t a;
    TaskStatus_t b;
    TaskHandle_t shallow = ptest_task_create(sleeper, "shallow", SVC_HIGH, NULL);
    TaskHandle_t deep = ptest_task_create(deep_user, "deep", SVC_HIGH, NULL);
    vTaskGetInfo(shallow, &a, pdTRUE, eInvalid);
    vTaskGetInfo(deep, &b, pdTRUE, eInvalid);
    TEST_ASSERT_TRUE(a.usStackHighWaterMark > b.usStackHighWaterMark);
    TEST_ASSERT_TRUE(PTEST_TASK_STACK - b.usStackHighWaterMark >= DEEP_BYTES / sizeof(StackType_t));
}

#if (configGENERATE_RUN_TIME_STATS == 1)
/* The run-time counter's unit is the port's (virtual microseconds on the
 * simulator), so these compare shares of the total rather than amounts. */
static configRUN_TIME_COUNTER_TYPE total_run_time(void)
{
    configRUN_TIME_COUNTER_TYPE total = 0;
    (void)uxTaskGetSystemState(all, MAX_LISTED, &total);
    return total;
}

/* Ignores the test on a port whose run-time counter does not count. */
static void need_run_time_counter(void)
{
    const configRUN_TIME_COUNTER_TYPE before = total_run_time();
    vTaskDelay(2);
    if (total_run_time() - before < 100U) {
        TEST_IGNORE("the port's run-time counter does not advance");
    }
}

/* Counters are brought up to date when a task is switched out, so the
 * task's share is measured between two yields and the total between two
 * samples taken just after each: on hardware time passes while code runs,
 * and both intervals must start and end alike. */
PTEST(Kernel, stats_run_time_counts_the_cpu_a_task_uses)
{
    need_run_time_counter();
    taskYIELD();
    const configRUN_TIME_COUNTER_TYPE mine0 = ulTaskGetRunTimeCounter(NULL);
    const configRUN_TIME_COUNTER_TYPE total0 = total_run_time();
    board_burn_cpu(5000);
    taskYIELD();
    const configRUN_TIME_COUNTER_TYPE mine = ulTaskGetRunTimeCounter(NULL) - mine0;
    const configRUN_TIME_COUNTER_TYPE total = total_run_time() - total0;
    TEST_ASSERT_TRUE(total > 0U);
    TEST_ASSERT_TRUE(mine >= total - total / 10U); /* nearly all of it was ours */
    TEST_ASSERT_TRUE(mine <= total + total / 10U);
}

PTEST(Kernel, stats_idle_run_time_grows_while_idle)
{
    need_run_time_counter();
    const configRUN_TIME_COUNTER_TYPE total0 = total_run_time();
    const configRUN_TIME_COUNTER_TYPE idle0 = ulTaskGetIdleRunTimeCounter();
    vTaskDelay(20);
    const configRUN_TIME_COUNTER_TYPE idle = ulTaskGetIdleRunTimeCounter() - idle0;
    const configRUN_TIME_COUNTER_TYPE total = total_run_time() - total0;
    TEST_ASSERT_TRUE(idle >= total / 2U);
    TEST_ASSERT_EQUAL(ulTaskGetIdleRunTimeCounter(),
                      ulTaskGetRunTimeCounter(xTaskGetIdleTaskHandle()));
}

PTEST(Kernel, stats_percentages_add_up)
{
    configRUN_TIME_COUNTER_TYPE total = 0;
    configRUN_TIME_COUNTER_TYPE sum = 0;
    configRUN_TIME_COUNTER_TYPE pct = 0;
    need_run_time_counter();
    const UBaseType_t n = uxTaskGetSystemState(all, MAX_LISTED, &total);
    for (UBaseType_t i = 0; i < n; i++) {
        sum += all[i].ulRunTimeCounter;
        pct += ulTaskGetRunTimePercent(all[i].xHandle);
    }
    TEST_ASSERT_TRUE(total > 0U);
    TEST_ASSERT_TRUE(sum <= total);
    TEST_ASSERT_TRUE(pct <= 100U);
    TEST_ASSERT_TRUE(ulTaskGetIdleRunTimePercent() <= 100U);
    TEST_ASSERT_EQUAL(ulTaskGetRunTimePercent(xTaskGetIdleTaskHandle()),
                      ulTaskGetIdleRunTimePercent());
}
#endif /* configGENERATE_RUN_TIME_STATS */

#if (configUSE_STATS_FORMATTING_FUNCTIONS == 1) && (configSUPPORT_DYNAMIC_ALLOCATION == 1)
static char table[2048];

/* The line of the table that starts with name (padded), or NULL. */
static const char *line_of(const char *name)
{
    const char *line = table;
    while (line != NULL && *line != '\0') {
        if (strncmp(line, name, strlen(name)) == 0 && line[strlen(name)] == ' ') {
            return line;
        }
        line = strstr(line, "\r\n");
        line = (line != NULL) ? line + 2 : NULL;
    }
    return NULL;
}

static unsigned count_lines(void)
{
    unsigned n = 0;
    for (const char *p = strstr(table, "\r\n"); p != NULL; p = strstr(p + 2, "\r\n")) {
        n++;
    }
    return n;
}

PTEST(Kernel, stats_task_list_has_one_line_per_task)
{
    char expect[64];
    vTaskListTasks(table, sizeof table);
    TEST_ASSERT_EQUAL(uxTaskGetNumberOfTasks(), count_lines());
    const char *me = line_of(pcTaskGetName(NULL));
    TEST_ASSERT_NOT_NULL(me);
    TEST_ASSERT_EQUAL(' ', me[configMAX_TASK_NAME_LEN - 2]); /* names padded to a column */
    (void)ptest_snprintf(expect, sizeof expect, "\tX\t%u\t", (unsigned)uxTaskPriorityGet(NULL));
    TEST_ASSERT_TRUE(strncmp(me + configMAX_TASK_NAME_LEN - 1, expect, strlen(expect)) == 0);
    const char *idle = line_of(configIDLE_TASK_NAME);
    TEST_ASSERT_NOT_NULL(idle);
    TEST_ASSERT_TRUE(strncmp(idle + configMAX_TASK_NAME_LEN - 1, "\tR\t0\t", 5) == 0);
}

PTEST(Kernel, stats_task_list_respects_buffer_length)
{
    memset(table, '#', sizeof table);
    vTaskListTasks(table, 10);
    TEST_ASSERT_EQUAL(9, strlen(table));
    TEST_ASSERT_EQUAL('#', table[10]);
    vTaskListTasks(table, 1);
    TEST_ASSERT_EQUAL(0, strlen(table));
}

PTEST(Kernel, stats_task_list_shows_blocked_and_suspended)
{
    TaskHandle_t s = ptest_task_create(sleeper, "snoozer", SVC_HIGH, NULL);
    (void)ptest_task_create(sleeper, "napper", SVC_HIGH, NULL);
    vTaskSuspend(s);
    vTaskList(table);
    const char *a = line_of("snoozer");
    const char *b = line_of("napper");
    TEST_ASSERT_NOT_NULL(a);
    TEST_ASSERT_NOT_NULL(b);
    TEST_ASSERT_EQUAL('S', a[configMAX_TASK_NAME_LEN]);
    TEST_ASSERT_EQUAL('B', b[configMAX_TASK_NAME_LEN]);
}

PTEST(Kernel, stats_run_time_table_has_counter_and_percentage)
{
    if (!configGENERATE_RUN_TIME_STATS || portGET_RUN_TIME_COUNTER_VALUE() < 100U) {
        TEST_IGNORE("no run-time counter");
    }
    vTaskDelay(10);
    vTaskGetRunTimeStatistics(table, sizeof table);
    TEST_ASSERT_EQUAL(uxTaskGetNumberOfTasks(), count_lines());
    const char *idle = line_of(configIDLE_TASK_NAME);
    TEST_ASSERT_NOT_NULL(idle);
    const char *end = strstr(idle, "\r\n");
    TEST_ASSERT_EQUAL('%', end[-1]);
    TEST_ASSERT_EQUAL('\t', idle[configMAX_TASK_NAME_LEN - 1]);
    vTaskGetRunTimeStats(table);
    TEST_ASSERT_NOT_NULL(line_of(pcTaskGetName(NULL)));
}
#endif /* configUSE_STATS_FORMATTING_FUNCTIONS */

#endif /* configUSE_TRACE_FACILITY */
