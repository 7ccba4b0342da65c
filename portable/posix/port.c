/*
 * port.c - POSIX simulator port.
 *
 * Tasks are ucontext contexts running on their own kernel-allocated stacks
 * inside one host thread, so the stack checks and high-water marks are
 * real and the schedule is deterministic. A small interrupt controller
 * models lines, priorities, a BASEPRI-like mask, nesting and a PendSV-like
 * deferred switch. Virtual time moves only when every task is idle or a task
 * calls sim_burn(); in real-time mode SIGALRM drives the tick instead.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "FreeRTOS.h"
#include "task.h"
#include "sim.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#define fiber_start(save, lo, size) __sanitizer_start_switch_fiber((save), (lo), (size))
#define fiber_finish(save) __sanitizer_finish_switch_fiber((save), NULL, NULL)
#else
#define fiber_start(save, lo, size) ((void)(save), (void)(lo), (void)(size))
#define fiber_finish(save) ((void)(save))
#define ASAN_UNPOISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#endif /* __SANITIZE_ADDRESS__ */

#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#endif /* memcheck.h */
#endif /* __has_include */
#ifndef VALGRIND_STACK_REGISTER
#define VALGRIND_STACK_REGISTER(lo, hi) 0U
#define VALGRIND_STACK_DEREGISTER(id) ((void)(id))
#define VALGRIND_MAKE_MEM_DEFINED(p, n) ((void)(p), (void)(n))
#define VALGRIND_MAKE_MEM_UNDEFINED(p, n) ((void)(p), (void)(n))
#endif /* VALGRIND_STACK_REGISTER */

/* Host code needs real stack room; smaller task stacks are refused. */
#define SIM_MIN_STACK_BYTES (8U * 1024U)
#define MASK_ALL (portSIM_PRIORITY_HIGHEST + 1U)
#define NS_PER_TICK (1000000000ULL / (uint64_t)configTICK_RATE_HZ)
#define NO_TIME UINT64_MAX

struct sim_ctx {
    ucontext_t uc;
    void *fake_stack; /* ASan's fake stack while switched out */
    void *stack_lo;
    size_t stack_size;
    struct sim_ctx **home; /* permanent slot holding this context's address */
    unsigned vg_stack_id;  /* valgrind's registration of the stack */
    TaskFunction_t fn;
    void *arg;
};

struct sim_irq {
    sim_irq_handler_t handler;
    unsigned priority;
    volatile int pending;
    uint64_t raise_at; /* virtual time, NO_TIME when not scheduled */
};

static struct sim_ctx main_ctx;
static struct sim_irq irqs[SIM_IRQ_COUNT];
static volatile unsigned mask_level = 0;  /* lines at or below this are held */
static volatile unsigned active_prio = 0; /* running ISR's priority; 0 in a task */
static volatile unsigned long crit_nesting = 0;
static volatile int switch_pending = 0;
static volatile int started = 0;
static int real_time = configSIMULATOR_REAL_TIME;
static uint64_t now_ns = 0;
static uint64_t next_tick_ns = NS_PER_TICK;
static uint64_t ticks_done = 0;
static struct timespec rt_origin;
static int trace_fd = -1;

/* In real-time mode SIGALRM is the tick interrupt: it is blocked while the
 * port's own state or a critical section is being worked on. Each context
 * carries its signal mask, so a switch restores the right one. */
static void rt_block(int block)
{
    if (real_time) {
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, SIGALRM);
        sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &s, NULL);
    }
}

static void irqs_init_once(void)
{
    static int done = 0;
    if (!done) {
        for (unsigned i = 0; i < SIM_IRQ_COUNT; i++) {
            irqs[i].raise_at = NO_TIME;
        }
        done = 1;
    }
}

/* ----- Memory checkers -----------------------------------------------------
 * Every task stack is registered with valgrind, so that a switch between
 * stacks is not taken for a deep call, and handed back when the task is
 * freed (vPortCleanUpTCB). */

/* Memcheck marks stack memory below the stack pointer inaccessible, and
 * new frames undefined, as a task runs. Once a task is switched out, the
 * unused part of its stack is plain memory again: the kernel scans it for
 * the high-water mark and, after the task is deleted, hands it out again.
 * The context that runs next therefore marks the stack of the one that
 * left defined below the point where it switched. */
static struct {
    void *lo;
    char *hi;
} vg_left;

static void vg_settle_left(void)
{
    if (vg_left.lo != NULL) {
        VALGRIND_MAKE_MEM_DEFINED(vg_left.lo, (size_t)(vg_left.hi - (char *)vg_left.lo));
        vg_left.lo = NULL;
    }
}

/* ----- Context helpers ------------------------------------------------- */

static struct sim_ctx *ctx_of(void *tcb)
{
    struct sim_ctx **slot = *(struct sim_ctx ***)tcb;
    return *slot;
}

static void trace_switch(void)
{
    if (trace_fd < 0) {
        return;
    }
    char line[96];
    int n = snprintf(line, sizeof line, "%llu %llu %s\n", (unsigned long long)now_ns,
                     (unsigned long long)xTaskGetTickCount(), pcTaskGetName(NULL));
    if (n > 0 && write(trace_fd, line, (size_t)n) < 0) {
        trace_fd = -1;
    }
}

static void task_entry(void)
{
    struct sim_ctx *self = ctx_of(pxCurrentTCB);
    fiber_finish(NULL);
    vg_settle_left();
    mask_level = 0;
    self->fn(self->arg);
    /* A task function must never return: it must delete itself. */
    configASSERT(0);
    vTaskDelete(NULL);
}

StackType_t *pxPortInitialiseStack(StackType_t *pxTopOfStack, StackType_t *pxEndOfStack,
                                   TaskFunction_t pxCode, void *pvParameters)
{
    uintptr_t hi = (uintptr_t)(pxTopOfStack + 1);
    uintptr_t ctx_addr = (hi - sizeof(struct sim_ctx)) & ~(uintptr_t)15U;
    struct sim_ctx **slot = (struct sim_ctx **)(ctx_addr - 16U);
    struct sim_ctx *ctx = (struct sim_ctx *)ctx_addr;
    size_t size = (size_t)((uintptr_t)slot - (uintptr_t)pxEndOfStack);

    /* Host code (libc) runs on task stacks; see portMINIMAL_STACK_SIZE. */
    configASSERT((uintptr_t)slot > (uintptr_t)pxEndOfStack && size >= SIM_MIN_STACK_BYTES);
    memset(ctx, 0, sizeof *ctx);
    ctx->fn = pxCode;
    ctx->arg = pvParameters;
    ctx->stack_lo = pxEndOfStack;
    ctx->stack_size = size;
    ctx->home = slot;
    if (getcontext(&ctx->uc) != 0) {
        abort();
    }
    ctx->uc.uc_stack.ss_sp = pxEndOfStack;
    ctx->uc.uc_stack.ss_size = size;
    ctx->uc.uc_link = NULL;
    sigemptyset(&ctx->uc.uc_sigmask);
    makecontext(&ctx->uc, task_entry, 0);
    ctx->vg_stack_id = VALGRIND_STACK_REGISTER(pxEndOfStack, (char *)pxEndOfStack + size);
    *slot = ctx;
    return (StackType_t *)slot;
}

/* The memory of a deleted task goes back to the heap: forget its stack
 * registration, mark it undefined for memcheck, and lift the poison ASan
 * left on the frames that were live when the task was deleted. */
void vPortCleanUpTCB(void *pxTCB)
{
    struct sim_ctx *ctx = ctx_of(pxTCB);
    char *lo = ctx->stack_lo;
    const size_t size = (size_t)((char *)(ctx + 1) - lo);
    VALGRIND_STACK_DEREGISTER(ctx->vg_stack_id);
    ASAN_UNPOISON_MEMORY_REGION(lo, size);
    VALGRIND_MAKE_MEM_UNDEFINED(lo, size);
}

/* Jumps from the running context to `to`, saving into `from`. */
static void jump(struct sim_ctx *from, struct sim_ctx *to)
{
    char here;
    /* Nothing to settle for a task that switched with its stack pointer
     * below its stack (an overflow the kernel is about to report). */
    vg_left.lo = (&here > (char *)from->stack_lo) ? from->stack_lo : NULL;
    vg_left.hi = &here;
    fiber_start(&from->fake_stack, to->stack_lo, to->stack_size);
    swapcontext(&from->uc, &to->uc);
    fiber_finish(from->fake_stack);
    vg_settle_left();
}

/* The PendSV of the simulator: runs at thread level with nothing masked. */
static void do_switch(void)
{
    void *old_tcb = pxCurrentTCB;
    struct sim_ctx *volatile self = ctx_of(old_tcb);
    switch_pending = 0;
    mask_level = MASK_ALL;
    /* The saved stack pointer is a real address on the task's stack, so the
     * kernel's stack-overflow checks see how deep the task is. */
    *(StackType_t *volatile *)old_tcb = (StackType_t *)&self;
    vTaskSwitchContext();
    void *new_tcb = pxCurrentTCB;
    if (new_tcb != old_tcb) {
        trace_switch();
        jump(self, ctx_of(new_tcb));
    }
    /* Running again: point the saved stack pointer back at the permanent
     * slot, since this frame's `self` dies when we return. */
    *(StackType_t *volatile *)old_tcb = (StackType_t *)self->home;
    mask_level = 0;
}

/* ----- Interrupt controller ------------------------------------------- */

static int highest_pending(unsigned above)
{
    int best = -1;
    for (unsigned i = 0; i < SIM_IRQ_COUNT; i++) {
        if (irqs[i].pending && irqs[i].handler != NULL && irqs[i].priority > above &&
            (best < 0 || irqs[i].priority > irqs[best].priority)) {
            best = (int)i;
        }
    }
    return best;
}

/* Runs every deliverable pending interrupt, then a pending switch if back
 * at unmasked thread level. */
static void dispatch(void)
{
    if (!started) {
        return;
    }
    const int thread_level = (active_prio == 0U);
    if (thread_level) {
        rt_block(1);
    }
    for (;;) {
        unsigned threshold = (mask_level > active_prio) ? mask_level : active_prio;
        int line = highest_pending(threshold);
        if (line < 0) {
            break;
        }
        unsigned saved = active_prio;
        irqs[line].pending = 0;
        active_prio = irqs[line].priority;
        irqs[line].handler();
        active_prio = saved;
    }
    if (thread_level && mask_level == 0U && switch_pending) {
        do_switch();
    }
    if (thread_level && crit_nesting == 0U) {
        rt_block(0);
    }
}

static void tick_isr(void)
{
    if (real_time) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        now_ns = (uint64_t)(ts.tv_sec - rt_origin.tv_sec) * 1000000000ULL +
                 (uint64_t)(ts.tv_nsec - rt_origin.tv_nsec);
        /* Signals merge; count ticks from the clock so none is lost. */
        while (ticks_done < now_ns / NS_PER_TICK) {
            ticks_done++;
            if (xTaskIncrementTick() != pdFALSE) {
                switch_pending = 1;
            }
        }
        return;
    }
    if (xTaskIncrementTick() != pdFALSE) {
        switch_pending = 1;
    }
}

void sim_irq_connect(unsigned line, unsigned priority, sim_irq_handler_t handler)
{
    configASSERT(line > 0U && line < SIM_IRQ_COUNT);
    configASSERT(priority >= portSIM_PRIORITY_LOWEST && priority <= portSIM_PRIORITY_HIGHEST);
    if (line == 0U || line >= SIM_IRQ_COUNT) {
        return;
    }
    irqs_init_once();
    irqs[line].priority = priority;
    irqs[line].handler = handler;
}

void sim_irq_raise(unsigned line)
{
    configASSERT(line < SIM_IRQ_COUNT);
    if (line >= SIM_IRQ_COUNT) {
        return;
    }
    irqs[line].pending = 1;
    /* From a task this runs the handler now unless masked; from a handler
     * it nests when the new line outranks the running one. */
    dispatch();
}

void sim_irq_raise_at_tick(unsigned line, uint64_t tick)
{
    configASSERT(line > 0U && line < SIM_IRQ_COUNT);
    if (line == 0U || line >= SIM_IRQ_COUNT) {
        return;
    }
    irqs_init_once();
    /* Tick N happens at the tick boundary N - now ticks ahead. */
    uint64_t current = (uint64_t)xTaskGetTickCount();
    irqs[line].raise_at =
        (tick > current) ? next_tick_ns + (tick - current - 1U) * NS_PER_TICK : now_ns;
}

void sim_irq_cancel(unsigned line)
{
    if (line > 0U && line < SIM_IRQ_COUNT) {
        irqs[line].raise_at = NO_TIME;
        irqs[line].pending = 0;
    }
}

/* ----- Virtual time ------------------------------------------------------ */

static int tick_suppressed = 0;

static uint64_t next_event(int *line)
{
    uint64_t t = tick_suppressed ? NO_TIME : next_tick_ns;
    *line = 0;
    for (unsigned i = 1; i < SIM_IRQ_COUNT; i++) {
        if (irqs[i].raise_at < t) {
            t = irqs[i].raise_at;
            *line = (int)i;
        }
    }
    return t;
}

/* Moves virtual time to `until`, taking each event in order; a tick and a
 * scheduled interrupt at the same time are taken tick first. */
static void advance_to(uint64_t until)
{
    for (;;) {
        int line;
        uint64_t t = next_event(&line);
        if (t == NO_TIME || t > until) {
            break;
        }
        now_ns = t;
        if (line == 0) {
            next_tick_ns += NS_PER_TICK;
        } else {
            irqs[line].raise_at = NO_TIME;
        }
        irqs[line].pending = 1;
        dispatch();
    }
    if (until != NO_TIME && now_ns < until) {
        now_ns = until;
    }
}

static void deadlock(void)
{
    static const char msg[] =
        "\nsim: every task is blocked forever and no interrupt is scheduled\n";
    (void)!write(2, msg, sizeof msg - 1U);
    sim_exit(3);
}

void vPortIdleWait(void)
{
    if (real_time) {
        sigset_t none;
        sigemptyset(&none);
        sigsuspend(&none);
        return;
    }
    int line;
    uint64_t t = next_event(&line);
    if (t == NO_TIME) {
        deadlock();
    }
    advance_to(t);
}

void sim_burn(uint64_t ns)
{
    if (real_time) {
        uint64_t end = sim_now_ns() + ns;
        while (sim_now_ns() < end) {
        }
        return;
    }
    configASSERT(active_prio == 0U);
    advance_to(now_ns + ns);
}

uint64_t sim_now_ns(void)
{
    if (real_time) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)(ts.tv_sec - rt_origin.tv_sec) * 1000000000ULL +
               (uint64_t)(ts.tv_nsec - rt_origin.tv_nsec);
    }
    return now_ns;
}

static void read_environment(void);

bool sim_is_real_time(void)
{
    read_environment();
    return real_time != 0;
}

uint32_t ulPortSimRunTimeCounter(void)
{
    return (uint32_t)(sim_now_ns() / 1000U);
}

/* Sleeps with the tick stopped until the next scheduled interrupt or for
 * `expected` ticks, whichever comes first, then steps the tick count by the
 * tick boundaries that passed. With every task waiting forever and nothing
 * scheduled the program could never go on. */
static void sim_sleep(TickType_t expected, eSleepModeStatus status)
{
    int line;
    const uint64_t wake = next_tick_ns + (uint64_t)(expected - 1U) * NS_PER_TICK;
    tick_suppressed = 1;
    uint64_t t = next_event(&line);
    tick_suppressed = 0;
    if (t == NO_TIME && status == eNoTasksWaitingTimeout) {
        deadlock();
    }
    if (t > wake) {
        t = wake;
    }
    /* Ticks whose boundary passed while asleep. */
    const uint64_t passed = (t >= next_tick_ns) ? (t - next_tick_ns) / NS_PER_TICK + 1U : 0U;
    now_ns = t;
    next_tick_ns += passed * NS_PER_TICK;
    vTaskStepTick((TickType_t)passed);
}

void vPortSuppressTicksAndSleep(TickType_t xExpectedIdleTime)
{
    if (real_time) {
        vPortIdleWait();
        return;
    }
    mask_level = MASK_ALL;
    const eSleepModeStatus status = eTaskConfirmSleepModeStatus();
    if (status == eAbortSleep) {
        mask_level = 0;
        return;
    }
    TickType_t expected = xExpectedIdleTime;
    configPRE_SLEEP_PROCESSING(expected);
    const int sleep = (expected > 0U);
    if (sleep) {
        sim_sleep(expected, status);
    }
    configPOST_SLEEP_PROCESSING(expected);
    mask_level = 0;
    if (sleep) {
        advance_to(now_ns); /* the interrupt that ended the sleep, if any */
    } else {
        vPortIdleWait(); /* the application declined to sleep: wait with the tick running */
    }
}

/* ----- The port contract ------------------------------------------------ */

void vPortEnterCritical(void)
{
    if (crit_nesting == 0U) {
        rt_block(1);
    }
    if (mask_level < configMAX_SYSCALL_INTERRUPT_PRIORITY) {
        mask_level = configMAX_SYSCALL_INTERRUPT_PRIORITY;
    }
    crit_nesting++;
}

void vPortExitCritical(void)
{
    configASSERT(crit_nesting > 0U);
    if (crit_nesting == 0U) {
        return;
    }
    if (--crit_nesting == 0U) {
        mask_level = 0;
        __atomic_signal_fence(__ATOMIC_SEQ_CST);
        dispatch();
        rt_block(0);
    }
}

UBaseType_t ulPortSetInterruptMask(void)
{
    unsigned old = mask_level;
    if (old < configMAX_SYSCALL_INTERRUPT_PRIORITY) {
        mask_level = configMAX_SYSCALL_INTERRUPT_PRIORITY;
    }
    return old;
}

void vPortClearInterruptMask(UBaseType_t uxSavedMask)
{
    mask_level = (unsigned)uxSavedMask;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    dispatch(); /* lines held back by the mask may run now */
}

void vPortDisableInterrupts(void)
{
    mask_level = MASK_ALL;
}

void vPortEnableInterrupts(void)
{
    mask_level = 0;
    crit_nesting = 0;
    dispatch();
}

void vPortYield(void)
{
    switch_pending = 1;
    if (mask_level == 0U && active_prio == 0U) {
        dispatch();
    }
}

void vPortYieldFromISR(void)
{
    switch_pending = 1;
}

BaseType_t xPortIsInsideInterrupt(void)
{
    return (active_prio != 0U) ? pdTRUE : pdFALSE;
}

void vPortValidateInterruptPriority(void)
{
    configASSERT(active_prio <= configMAX_SYSCALL_INTERRUPT_PRIORITY);
}

static void on_alarm(int sig)
{
    (void)sig;
    irqs[SIM_IRQ_TICK].pending = 1;
    if (mask_level == 0U && active_prio == 0U) {
        dispatch();
    }
}

static void start_real_time(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    clock_gettime(CLOCK_MONOTONIC, &rt_origin);
    struct itimerval it;
    it.it_interval.tv_sec = 0;
    it.it_interval.tv_usec = (suseconds_t)(1000000 / configTICK_RATE_HZ);
    if (it.it_interval.tv_usec == 0) {
        it.it_interval.tv_usec = 1;
    }
    it.it_value = it.it_interval;
    setitimer(ITIMER_REAL, &it, NULL);
}

static void stop_real_time(void)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, NULL);
    signal(SIGALRM, SIG_DFL);
}

static void read_environment(void)
{
    static int done = 0;
    if (done) {
        return;
    }
    done = 1;
    const char *mode = getenv("PORTOLAN_SIM_TIME");
    if (mode != NULL && strcmp(mode, "real") == 0) {
        real_time = 1;
    } else if (mode != NULL && strcmp(mode, "virtual") == 0) {
        real_time = 0;
    }
    const char *trace = getenv("PORTOLAN_SIM_TRACE");
    if (trace != NULL && trace[0] != '\0' && trace_fd < 0) {
        trace_fd = open(trace, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    }
}

BaseType_t xPortStartScheduler(void)
{
    read_environment();
    irqs_init_once();
    irqs[SIM_IRQ_TICK].handler = tick_isr;
    irqs[SIM_IRQ_TICK].priority = configKERNEL_INTERRUPT_PRIORITY;
    if (real_time) {
        /* The first task unblocks SIGALRM itself (its context starts with
         * an empty mask): a tick must not land inside the first switch. */
        rt_block(1);
        start_real_time();
    }
    crit_nesting = 0;
    mask_level = 0;
    started = 1;
    trace_switch();
    jump(&main_ctx, ctx_of(pxCurrentTCB));
    started = 0;
    if (real_time) {
        stop_real_time();
        rt_block(0);
    }
    return pdTRUE;
}

void vPortEndScheduler(void)
{
    rt_block(1);
    started = 0;
    struct sim_ctx *self = ctx_of(pxCurrentTCB);
    jump(self, &main_ctx);
}

void sim_exit(int code)
{
    if (trace_fd >= 0) {
        close(trace_fd);
        trace_fd = -1;
    }
    fflush(stdout);
    fflush(stderr);
    exit(code);
}
