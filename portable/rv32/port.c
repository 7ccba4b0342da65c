/*
 * port.c - RISC-V RV32 port: task frames, the CLINT tick, critical sections
 * on mstatus.MIE, the interrupt dispatcher, tickless idle.
 *
 * Written from the RISC-V Privileged Architecture (machine-level CSRs,
 * mtvec vectored mode, mip/mie, mret) and the SiFive CLINT layout. The trap
 * entry and the switch are in port_asm.S; the frame layout is documented in
 * docs/port-rv32.md.
 */
#include "FreeRTOS.h"
#include "task.h"

#define COUNTS_PER_TICK ((uint64_t)configMTIME_HZ / (uint64_t)configTICK_RATE_HZ)
#define MCAUSE_INTERRUPT 0x80000000UL
#define CAUSE_MACHINE_TIMER 7U
#define MSTATUS_MPP_MACHINE (3UL << 11)
#define MSTATUS_MPIE (1UL << 7)

/* Until the scheduler starts, critical sections never set MIE again, so an
 * interrupt cannot reach the kernel while it is being set up. */
#define NESTING_BEFORE_START 0xAAAAAAAAUL

/* The interrupt stack: a static array, or the board's linker script
 * symbol __isr_stack_top (there main() runs on it until the start). */
#ifdef configISR_STACK_SIZE_WORDS
static StackType_t isr_stack[configISR_STACK_SIZE_WORDS] __attribute__((aligned(16)));
#define ISR_STACK_TOP (&isr_stack[configISR_STACK_SIZE_WORDS])
#else
extern StackType_t __isr_stack_top[];
#define ISR_STACK_TOP __isr_stack_top
#endif /* configISR_STACK_SIZE_WORDS */

/* Shared with port_asm.S. */
StackType_t *const port_isr_stack_top = ISR_STACK_TOP;
volatile uint32_t *const port_clint_msip = &portCLINT_MSIP;
volatile uint32_t port_isr_nesting = 0;        /* trap handlers running (0 in a task) */
StackType_t *volatile port_fault_stack = NULL; /* exceptions from tasks, once started */

void port_start_first_task(void) __attribute__((noreturn));
void port_rv32_dispatch(uint32_t mcause);

static volatile uint32_t critical_nesting = NESTING_BEFORE_START;
static uint64_t next_tick; /* mtime of the next tick interrupt */

/* ----- Task frames ---------------------------------------------------------- */

static void task_exit_error(void)
{
    /* A task function must never return: it must delete itself. */
    configASSERT(0);
    vTaskDelete(NULL);
    for (;;) {
    }
}

StackType_t *pxPortInitialiseStack(StackType_t *pxTopOfStack, StackType_t *pxEndOfStack,
                                   TaskFunction_t pxCode, void *pvParameters)
{
    /* The task starts with sp at the aligned top; its frame lies below. */
    StackType_t *sp = (StackType_t *)((uintptr_t)pxTopOfStack & ~(uintptr_t)15U);
    (void)pxEndOfStack; /* used by the assertion only */
    configASSERT(sp - PORT_FRAME_WORDS > pxEndOfStack);
    sp -= PORT_FRAME_WORDS;
    for (unsigned i = 0; i < PORT_FRAME_WORDS; i++) {
        sp[i] = 0;
    }
    sp[PORT_FRAME_RA] = (StackType_t)task_exit_error;
    sp[PORT_FRAME_A0] = (StackType_t)pvParameters;
    sp[PORT_FRAME_MEPC] = (StackType_t)pxCode;
    /* mret returns to machine mode with MIE set. */
    sp[PORT_FRAME_MSTATUS] = MSTATUS_MPP_MACHINE | MSTATUS_MPIE;
    return sp;
}

/* ----- The CLINT timer ---------------------------------------------------------- */

/* mtime is 64 bits read as two words: read the high word around the low
 * one until it did not change. */
uint64_t port_rv32_mtime(void)
{
    uint32_t hi;
    uint32_t lo;
    do {
        hi = portCLINT_MTIME[1];
        lo = portCLINT_MTIME[0];
    } while (hi != portCLINT_MTIME[1]);
    return ((uint64_t)hi << 32) | lo;
}

/* The high word goes to all ones first, so that no intermediate value of
 * mtimecmp is below mtime and raises a spurious interrupt. */
static void set_mtimecmp(uint64_t t)
{
    portCLINT_MTIMECMP[1] = 0xFFFFFFFFUL;
    portCLINT_MTIMECMP[0] = (uint32_t)t;
    portCLINT_MTIMECMP[1] = (uint32_t)(t >> 32);
}

/* The next tick is one period after the previous deadline, not after now:
 * the tick grid never drifts, and ticks held back by a long critical
 * section come at once, one interrupt each, so none is lost. */
static void tick_handler(void)
{
    next_tick += COUNTS_PER_TICK;
    set_mtimecmp(next_tick);
    if (xTaskIncrementTick() != pdFALSE) {
        port_pend_switch();
    }
}

/* ----- Trap dispatch (called by port_asm.S, on the interrupt stack, MIE
 * clear) ------------------------------------------------------------------------ */

void port_rv32_dispatch(uint32_t mcause)
{
    const uint32_t cause = mcause & ~MCAUSE_INTERRUPT;
    if (cause == CAUSE_MACHINE_TIMER) {
        tick_handler();
    } else {
        port_rv32_interrupt(cause);
    }
}

__attribute__((weak)) void port_rv32_interrupt(uint32_t cause)
{
    /* No board handler: an interrupt nobody expected. Stop here. */
    volatile uint32_t unexpected = cause;
    (void)unexpected;
    for (;;) {
        __asm volatile("wfi");
    }
}

__attribute__((weak)) void port_rv32_exception(uint32_t *regs, uint32_t mcause, uint32_t mtval)
{
    /* No board handler: a fault. regs[PORT_FRAME_MEPC] is where it was. */
    volatile uint32_t where = regs[PORT_FRAME_MEPC] ^ mcause ^ mtval;
    (void)where;
    for (;;) {
        __asm volatile("wfi");
    }
}

/* ----- Start and end ------------------------------------------------------------ */

BaseType_t xPortStartScheduler(void)
{
    __asm volatile("csrw mtvec, %0" ::"r"((uintptr_t)port_trap_vector | 1U));
    portCLINT_MSIP = 0U;
    next_tick = port_rv32_mtime() + COUNTS_PER_TICK;
    set_mtimecmp(next_tick);
    __asm volatile("csrs mie, %0" ::"r"(portMIE_MSIE | portMIE_MTIE));
    port_fault_stack = port_isr_stack_top;
    critical_nesting = 0;
    port_start_first_task();
}

void vPortEndScheduler(void)
{
    /* main()'s stack is the interrupt stack, in use since the start: there
     * is nothing to return to. */
    configASSERT(0);
}

/* ----- Critical sections and masks -------------------------------------------------
 * One nesting count serves every task: a switch is a machine software
 * interrupt, which cannot be taken while MIE is clear, so every task is
 * switched out with the count at 0 and it never needs saving. */

void vPortEnterCritical(void)
{
    /* Task level only: a handler uses portSET_INTERRUPT_MASK_FROM_ISR(). */
    configASSERT(critical_nesting != 0U || port_isr_nesting == 0U);
    portDISABLE_INTERRUPTS();
    critical_nesting = critical_nesting + 1U;
}

void vPortExitCritical(void)
{
    configASSERT(critical_nesting != 0U);
    if (critical_nesting == 0U) {
        return;
    }
    critical_nesting = critical_nesting - 1U;
    if (critical_nesting == 0U) {
        portENABLE_INTERRUPTS(); /* a deferred switch is taken here */
    }
}

UBaseType_t ulPortSetInterruptMask(void)
{
    return port_mask();
}

void vPortClearInterruptMask(UBaseType_t uxSavedMask)
{
    port_unmask(uxSavedMask);
}

void vPortYield(void)
{
    port_pend_switch();
    (void)portCLINT_MSIP; /* the read completes the write before we go on */
}

BaseType_t xPortIsInsideInterrupt(void)
{
    return (port_isr_nesting != 0U) ? pdTRUE : pdFALSE;
}

/* Every interrupt is masked by critical sections, so every interrupt
 * handler may call the kernel. What must not is a synchronous exception
 * handler: the trap may have come from inside a critical section. */
void vPortValidateInterruptPriority(void)
{
    uint32_t mcause;
    __asm volatile("csrr %0, mcause" : "=r"(mcause));
    configASSERT(port_isr_nesting == 0U || (mcause & MCAUSE_INTERRUPT) != 0U);
}

/* ----- Tickless idle -----------------------------------------------------------------
 * Called with the scheduler suspended. WFI with MIE clear wakes on any
 * interrupt enabled in mie without taking it; it is taken once the
 * critical section ends, after the tick count has been stepped. */

/* Ticks whose deadline had passed at `now`, of those from next_tick on. */
static TickType_t ticks_passed(uint64_t now)
{
    if (now < next_tick) {
        return 0;
    }
    return (TickType_t)((now - next_tick) / COUNTS_PER_TICK) + 1U;
}

void vPortSuppressTicksAndSleep(TickType_t xExpectedIdleTime)
{
    vPortEnterCritical();
    if (eTaskConfirmSleepModeStatus() == eAbortSleep) {
        vPortExitCritical();
        return;
    }
    /* Wake on the deadline of the last expected tick: its interrupt then
     * counts that tick as usual. The timer is set before the pre-sleep
     * hook, which may put the hart to sleep itself. */
    const uint64_t wake = next_tick + (uint64_t)(xExpectedIdleTime - 1U) * COUNTS_PER_TICK;
    set_mtimecmp(wake);

    TickType_t requested = xExpectedIdleTime;
    configPRE_SLEEP_PROCESSING(requested);
    if (requested > 0U) {
        __asm volatile("wfi" ::: "memory");
    }
    configPOST_SLEEP_PROCESSING(requested);

    /* After a sleep, step the ticks whose deadlines passed, except a last
     * one still pending as an interrupt (the kernel leaves it to the tick).
     * Without one (the hook said 0), step nothing: deadlines that passed
     * meanwhile come as tick interrupts, one each, as in a critical
     * section. */
    TickType_t passed = (requested > 0U) ? ticks_passed(port_rv32_mtime()) : 0U;
    if (passed >= xExpectedIdleTime) {
        passed = xExpectedIdleTime - 1U;
    }
    next_tick += (uint64_t)passed * COUNTS_PER_TICK;
    set_mtimecmp(next_tick);
    vTaskStepTick(passed);
    vPortExitCritical();
}
