/*
 * bench.h - the measuring API of Portolan's benchmark images.
 *
 * A measurement is a named figure (bench_define) with samples taken
 * between bench_begin() and bench_end(id). Three clocks, chosen by the host
 * and the hardware, see docs/bench.md:
 *   - under QEMU with the insncount plugin, the plugin counts the
 *     instructions between the two marker functions exactly, per sample;
 *   - under QEMU without it, the image's free-running timer counts virtual
 *     time, which -icount shift=0 makes one nanosecond per instruction;
 *   - on hardware whose DWT cycle counter runs, it counts cycles.
 * The image prints every definition and the clock totals on the console
 * (protocol below); tools/bench/bench.py merges them with the plugin's
 * counts and writes build/bench/bench.json.
 *
 * Console protocol, one record per line:
 *   BENCH-START suite=<s> board=<b> clock=<timer|cycles> clock_hz=<n> reps=<n> quick=<0|1>
 *   BENCH-CONFIG <name>=<value>
 *   BENCH-DEF id=<n> name=<name> kind=<op|tm|scale> n=<parameter>
 *   BENCH-VAL id=<n> samples=<n> sum=<clock units> min=<u> max=<u> events=<n> valid=<0|1>
 *   BENCH-SIZE name=<name> bytes=<n>
 *   BENCH-SKIP name=<name> reason=<text>
 *   BENCH-END status=ok
 * Samples may begin in one context and end in another (a task, the next
 * task, an ISR): begin and end are global, one measurement at a time.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

#include "FreeRTOS.h"
#include "task.h"

/* Identifies a figure: the byte of bench_mark_ids that bench_mark_end
 * reads, hence at most BENCH_MAX_IDS figures per run. */
typedef uint8_t bench_id_t;
#define BENCH_MAX_IDS 256U

/* ----- Markers (bench_marks.c): the plugin finds them by address --------- */
extern volatile uint8_t bench_mark_ids[BENCH_MAX_IDS];
void bench_mark_begin(void);
void bench_mark_end(unsigned id);

/* ----- Clock ------------------------------------------------------------- */

/* Picks the clock: the DWT cycle counter if it counts, else the board's
 * free-running timer. Before the scheduler starts. */
void bench_clock_init(void);

/* Non-zero when the clock counts CPU cycles (hardware), zero when it is a
 * timer (QEMU: convert with -icount's nanoseconds per instruction). */
int bench_clock_is_cycles(void);

/* Clock rate in Hz (the timer's; for cycles configCPU_CLOCK_HZ). */
uint32_t bench_clock_hz(void);

/* The current clock value, increasing (timer units or cycles). Any context. */
uint32_t bench_clock(void);

extern volatile uint32_t bench_t0;

/* Starts a sample. Any context. */
static inline void bench_begin(void)
{
    bench_t0 = bench_clock();
    bench_mark_begin();
}

/* Ends the sample of figure id. Any context. */
void bench_end(bench_id_t id);

/* ----- Figures ------------------------------------------------------------ */

/* Defines a figure and prints its BENCH-DEF line. kind: "op" (per-sample
 * cost), "tm" (cost per event over one long sample), "scale" (a point n of
 * a curve). Task context. */
bench_id_t bench_define(const char *name, const char *kind, uint32_t n);

/* Prints the BENCH-VAL line of a figure; events is 0 except for "tm". */
void bench_report(bench_id_t id, uint32_t events, int valid);

/* Reports every defined figure not reported yet (events 0, valid). */
void bench_report_all(void);

/* Prints a BENCH-SKIP line. */
void bench_skip(const char *name, const char *reason);

/* Prints a BENCH-SIZE line. */
void bench_size(const char *name, uint32_t bytes);

/* printf to the console (no floating point). */
void bench_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ----- Run parameters (from the host's command line) ---------------------- */

/* Samples per per-operation figure. */
uint32_t bench_reps(void);

/* Non-zero in the reduced quick mode (ctest). */
int bench_quick(void);

/* The value of "key=<value>" in the command line, or def. */
uint32_t bench_arg_u32(const char *key, uint32_t def);

/* ----- Task helpers ----------------------------------------------------- */

/* Creates a task (asserts on failure); stack in words. */
TaskHandle_t bench_task(TaskFunction_t fn, const char *name, UBaseType_t prio, void *arg);

/* Words of stack for the helper tasks of the benchmarks. */
#define BENCH_STACK_WORDS 256U

/* Priorities: the suite runs at BENCH_PRIO_MAIN; helpers around it. */
#define BENCH_PRIO_MAIN 10U
#define BENCH_PRIO_HIGH 20U
#define BENCH_PRIO_LOW 5U

/* Fails the run (prints BENCH-END status=fail and exits non-zero). */
void bench_fail(const char *what) __attribute__((noreturn));
#define BENCH_CHECK(x)      \
    do {                    \
        if (!(x)) {         \
            bench_fail(#x); \
        }                   \
    } while (0)

/* ----- Interrupts (bench_irq.c) ------------------------------------------------
 * The tick can be wrapped for measurement: when armed, the next tick (or
 * the tick that makes the count reach `at_tick`) starts a sample (begin
 * only, the woken task ends it) or is a whole sample (begin and end around
 * the port's SysTick handler). */
enum bench_tick_mode { BENCH_TICK_OFF, BENCH_TICK_BEGIN, BENCH_TICK_WHOLE };
void bench_irq_init(void);
void bench_tick_arm(enum bench_tick_mode mode, TickType_t at_tick, bench_id_t id);

/* Interrupt sources: `low` is the board's LOW test interrupt, `high` its
 * HIGH one; the handler given runs as the interrupt's body. Every `high`
 * interrupt starts a sample at its first instruction (the body ends it or
 * a task it wakes does). */
typedef void (*bench_isr_t)(void);
void bench_irq_set_low(bench_isr_t isr);
void bench_irq_set_high(bench_isr_t isr);
void bench_irq_trigger_low(void);
void bench_irq_trigger_high(void);

/* ----- Suites ----------------------------------------------------------------- */
void bench_suite_ops(void);
void bench_suite_tm(void);
void bench_suite_scaling(void);

#endif /* BENCH_H */
