/*
 * bench_core.c - the benchmark image: entry, figures and their console
 * records, run parameters, task helpers.
 *
 * The image runs one suite per boot (command line "suite=ops|tm|scaling
 * [test=...] [reps=N] [quick=1]") so that every suite starts from the same
 * fresh kernel state, whatever ran before it.
 */
#include <stdarg.h>
#include <string.h>

#include "bench.h"
#include "board.h"
#include "ptest.h" /* ptest_vsnprintf: no C library formatting on every board */

struct figure {
    const char *name;
    uint32_t samples;
    uint64_t sum;
    uint32_t min, max;
    uint8_t reported;
};

/* Boards short of RAM define fewer (32 bytes each). */
#ifndef BENCH_MAX_FIGURES
#define BENCH_MAX_FIGURES BENCH_MAX_IDS
#endif /* BENCH_MAX_FIGURES */

static struct figure figures[BENCH_MAX_FIGURES];
static unsigned n_figures;
volatile uint32_t bench_t0;

/* ----- Console ------------------------------------------------------------ */

void bench_printf(const char *fmt, ...)
{
    char buf[160];
    va_list ap;
    va_start(ap, fmt);
    int n = ptest_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0) {
        board_console_write(buf, ((size_t)n < sizeof buf) ? (size_t)n : sizeof buf - 1U);
    }
}

void bench_fail(const char *what)
{
    bench_printf("BENCH-FAIL %s\nBENCH-END status=fail\n", what);
    board_exit(1);
}

/* ----- Figures -------------------------------------------------------------- */

void bench_end(bench_id_t id)
{
    bench_mark_end(id);
    uint32_t d = bench_clock() - bench_t0;
    struct figure *f = &figures[id];
    if (f->samples == 0U || d < f->min) {
        f->min = d;
    }
    if (d > f->max) {
        f->max = d;
    }
    f->sum += d;
    f->samples++;
}

bench_id_t bench_define(const char *name, const char *kind, uint32_t n)
{
    BENCH_CHECK(n_figures < BENCH_MAX_FIGURES);
    bench_id_t id = (bench_id_t)n_figures++;
    figures[id].name = name;
    bench_printf("BENCH-DEF id=%u name=%s kind=%s n=%lu\n", (unsigned)id, name, kind,
                 (unsigned long)n);
    return id;
}

void bench_report(bench_id_t id, uint32_t events, int valid)
{
    const struct figure *f = &figures[id];
    /* The sum is printed in two halves: newlib-nano's printf has no %llu. */
    bench_printf("BENCH-VAL id=%u samples=%lu sum=%lu:%lu min=%lu max=%lu events=%lu valid=%d\n",
                 (unsigned)id, (unsigned long)f->samples, (unsigned long)(f->sum >> 32),
                 (unsigned long)(f->sum & 0xFFFFFFFFU), (unsigned long)f->min,
                 (unsigned long)f->max, (unsigned long)events, valid ? 1 : 0);
    figures[id].reported = 1;
}

void bench_report_all(void)
{
    for (unsigned i = 0; i < n_figures; i++) {
        if (!figures[i].reported) {
            bench_report((bench_id_t)i, 0, 1);
        }
    }
}

void bench_skip(const char *name, const char *reason)
{
    bench_printf("BENCH-SKIP name=%s reason=%s\n", name, reason);
}

void bench_size(const char *name, uint32_t bytes)
{
    bench_printf("BENCH-SIZE name=%s bytes=%lu\n", name, (unsigned long)bytes);
}

/* ----- Run parameters --------------------------------------------------------- */

/* Finds "key=" at the start of a word of the command line. */
static const char *arg_value(const char *key)
{
    const char *args = board_args();
    size_t klen = strlen(key);
    for (const char *p = args; *p != '\0'; p++) {
        if ((p == args || p[-1] == ' ') && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            return p + klen + 1;
        }
    }
    return NULL;
}

/* Values are decimal. */
uint32_t bench_arg_u32(const char *key, uint32_t def)
{
    const char *v = arg_value(key);
    if (v == NULL || *v < '0' || *v > '9') {
        return def;
    }
    uint32_t n = 0;
    for (; *v >= '0' && *v <= '9'; v++) {
        n = n * 10U + (uint32_t)(*v - '0');
    }
    return n;
}

static int arg_is(const char *key, const char *value)
{
    const char *v = arg_value(key);
    size_t n = strlen(value);
    return v != NULL && strncmp(v, value, n) == 0 && (v[n] == '\0' || v[n] == ' ');
}

uint32_t bench_reps(void)
{
    return bench_arg_u32("reps", 16U);
}

int bench_quick(void)
{
    return bench_arg_u32("quick", 0U) != 0U;
}

/* ----- Tasks ------------------------------------------------------------------ */

TaskHandle_t bench_task(TaskFunction_t fn, const char *name, UBaseType_t prio, void *arg)
{
    TaskHandle_t h = NULL;
    BaseType_t ok = xTaskCreate(fn, name, BENCH_STACK_WORDS, arg, prio, &h);
    BENCH_CHECK(ok == pdPASS);
    return h;
}

/* ----- Entry ------------------------------------------------------------------- */

static void print_config(void)
{
    bench_printf("BENCH-CONFIG configMAX_PRIORITIES=%u\n", (unsigned)configMAX_PRIORITIES);
    bench_printf("BENCH-CONFIG configTICK_RATE_HZ=%lu\n", (unsigned long)configTICK_RATE_HZ);
    bench_printf("BENCH-CONFIG configUSE_PREEMPTION=%d\n", configUSE_PREEMPTION);
    bench_printf("BENCH-CONFIG configUSE_TIME_SLICING=%d\n", configUSE_TIME_SLICING);
    bench_printf("BENCH-CONFIG configUSE_MUTEXES=%d\n", configUSE_MUTEXES);
    bench_printf("BENCH-CONFIG configUSE_TASK_NOTIFICATIONS=%d\n", configUSE_TASK_NOTIFICATIONS);
    bench_printf("BENCH-CONFIG configUSE_TIMERS=%d\n", configUSE_TIMERS);
    bench_printf("BENCH-CONFIG configCHECK_FOR_STACK_OVERFLOW=%d\n",
                 configCHECK_FOR_STACK_OVERFLOW);
    bench_printf("BENCH-CONFIG configASSERT_DEFINED=%d\n", configASSERT_DEFINED);
    bench_printf("BENCH-CONFIG configUSE_TRACE_FACILITY=%d\n", configUSE_TRACE_FACILITY);
    bench_printf("BENCH-CONFIG configGENERATE_RUN_TIME_STATS=%d\n", configGENERATE_RUN_TIME_STATS);
    bench_printf("BENCH-CONFIG configTOTAL_HEAP_SIZE=%lu\n", (unsigned long)configTOTAL_HEAP_SIZE);
    bench_printf("BENCH-CONFIG heap=heap_%d\n", BENCH_HEAP_SCHEME);
    bench_printf("BENCH-CONFIG portHAS_FPU=%d\n", portHAS_FPU);
}

static void bench_main(void *arg)
{
    (void)arg;
    bench_printf("BENCH-START suite=%s board=%s clock=%s clock_hz=%lu reps=%lu quick=%d\n",
                 arg_is("suite", "tm") ? "tm" : (arg_is("suite", "scaling") ? "scaling" : "ops"),
                 board_name(), bench_clock_is_cycles() ? "cycles" : "timer",
                 (unsigned long)bench_clock_hz(), (unsigned long)bench_reps(), bench_quick());
    print_config();
    if (arg_is("suite", "tm")) {
        bench_suite_tm();
    } else if (arg_is("suite", "scaling")) {
        bench_suite_scaling();
    } else {
        bench_suite_ops();
    }
    bench_report_all();
    bench_printf("BENCH-END status=ok\n");
    board_exit(0);
}

int main(void)
{
    board_init();
    bench_clock_init();
    bench_irq_init();
    (void)bench_task(bench_main, "bench", BENCH_PRIO_MAIN, NULL);
    vTaskStartScheduler();
    bench_fail("scheduler did not start");
}
