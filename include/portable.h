/*
 * portable.h - the port contract.
 *
 * Every architecture port lives in portable/<arch>/ and consists of the same
 * files: portmacro.h (types and macros below) and port.c (the functions
 * below), plus port_asm.S where assembly is needed. A port never needs a
 * change in kernel/; if it seems to, the contract is what must change.
 *
 * ---------------------------------------------------------------------------
 * portmacro.h must define
 *   StackType_t, BaseType_t, UBaseType_t      natural word types
 *   portSTACK_GROWTH                          (-1); only descending stacks
 *   portBYTE_ALIGNMENT                        stack and heap alignment
 *   portPOINTER_SIZE_TYPE                     integer wide enough for a pointer
 *   portMINIMAL_STACK_SIZE                    default configMINIMAL_STACK_SIZE
 *   portYIELD()                               request a switch (task level)
 *   portYIELD_FROM_ISR(x), portEND_SWITCHING_ISR(x)
 *   portENTER_CRITICAL(), portEXIT_CRITICAL() nesting, task level
 *   portSET_INTERRUPT_MASK_FROM_ISR()         returns the previous mask
 *   portCLEAR_INTERRUPT_MASK_FROM_ISR(x)      restores it
 *   portDISABLE_INTERRUPTS(), portENABLE_INTERRUPTS()
 *   portNOP()
 * and may define (the kernel supplies portable defaults otherwise)
 *   portTICK_TYPE_IS_ATOMIC      0 if a TickType_t load is not atomic (default:
 *                                atomic when no wider than UBaseType_t)
 *   portFIND_HIGHEST_SET_BIT(w)  index of the highest set bit of a non-zero
 *                                uint32_t (CLZ where the CPU has it)
 *   portIDLE_WAIT()              called by the idle task when nothing else is
 *                                ready: wait for an interrupt (WFI), or, in
 *                                the simulator, advance virtual time
 *   portSUPPRESS_TICKS_AND_SLEEP(t)  tickless idle (configUSE_TICKLESS_IDLE 1)
 *   portASSERT_IF_INTERRUPT_PRIORITY_INVALID()
 *   portIS_INSIDE_INTERRUPT()    non-zero in ISR context
 *   portGET_RUN_TIME_COUNTER_VALUE(), portCONFIGURE_TIMER_FOR_RUN_TIME_STATS()
 *   portCLEAN_UP_TCB(pxTCB)      a deleted task's memory is about to be freed
 *                                (simulators: drop host-side stack state)
 *   portHAS_UNMASKED_INTERRUPTS  0 when critical sections mask every
 *                                maskable interrupt (ARMv6-M's PRIMASK has
 *                                no priority threshold), so that no
 *                                interrupt runs above
 *                                configMAX_SYSCALL_INTERRUPT_PRIORITY and
 *                                boards have no BOARD_TEST_IRQ_UNMASKED;
 *                                default 1
 *
 * Rules every port follows
 *   - portYIELD() may be called inside a critical section: the switch is
 *     deferred until the outermost critical section exits (PendSV semantics).
 *   - A switch requested in an ISR happens when the last nested ISR returns.
 *   - Critical sections mask every interrupt at or below
 *     configMAX_SYSCALL_INTERRUPT_PRIORITY and none above it; a port
 *     whose CPU cannot mask by priority masks them all and sets
 *     portHAS_UNMASKED_INTERRUPTS to 0 (then every maskable interrupt may
 *     call the FromISR API).
 *   - The tick ISR calls xTaskIncrementTick() and requests a switch when it
 *     returns pdTRUE. The switch handler saves the context, stores the stack
 *     pointer in the first word of *pxCurrentTCB, calls vTaskSwitchContext()
 *     and restores the context of the new pxCurrentTCB (or it calls
 *     sched_switch_context(), below, which does the middle three).
 *   - The tick ISR and vTaskSwitchContext() run with interrupts masked up to
 *     configMAX_SYSCALL_INTERRUPT_PRIORITY: the kernel's lists are shared
 *     with kernel-aware ISRs.
 *   - Since a switch never happens inside a critical section, the nesting
 *     count is zero whenever a task is switched out: one count serves all
 *     tasks, the switch need not save it.
 * ---------------------------------------------------------------------------
 */
#ifndef PORTABLE_H
#define PORTABLE_H

#include "portmacro.h"

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

/* The running task, maintained by the kernel. Its first member is the saved
 * stack pointer, which the port's switch handler reads and writes. */
extern struct tskTaskControlBlock *volatile pxCurrentTCB;

/* Optional, for switch handlers that keep a task's context on its own
 * stack: stores `sp` (the outgoing task's stack pointer, its context saved)
 * as pxCurrentTCB's saved stack pointer, does what vTaskSwitchContext()
 * does, and returns the saved stack pointer of the task to restore. A port
 * may call it instead of vTaskSwitchContext(), under the same conditions.
 * Provided by the kernel. */
StackType_t *sched_switch_context(StackType_t *sp);

/* Builds the initial context of a task so that the first switch to it
 * calls pxCode(pvParameters).
 * pxTopOfStack: highest usable, portBYTE_ALIGNMENT-aligned stack word.
 * pxEndOfStack: lowest stack word (the stack base).
 * Returns the value to store as the task's saved stack pointer.
 * Context: task, inside or outside a critical section. */
StackType_t *pxPortInitialiseStack(StackType_t *pxTopOfStack, StackType_t *pxEndOfStack,
                                   TaskFunction_t pxCode, void *pvParameters);

/* Sets up the tick interrupt and starts the task in pxCurrentTCB.
 * Does not return unless vPortEndScheduler() is called; then returns pdTRUE.
 * Returns pdFALSE if the scheduler could not be started.
 * Context: called once by vTaskStartScheduler() with interrupts disabled. */
BaseType_t xPortStartScheduler(void);

/* Stops the tick and returns control to xPortStartScheduler()'s caller.
 * Ports on which this is impossible may assert. Context: task. */
void vPortEndScheduler(void);

/* Requests a context switch from task level (portYIELD()). */
void vPortYield(void);

/* Nesting critical sections for task level. */
void vPortEnterCritical(void);
void vPortExitCritical(void);

/* Raises the interrupt mask to configMAX_SYSCALL_INTERRUPT_PRIORITY and
 * returns the previous mask, for ISR-level critical sections. */
UBaseType_t ulPortSetInterruptMask(void);
void vPortClearInterruptMask(UBaseType_t uxSavedMask);

/* Asserts (configASSERT) when called from an interrupt whose priority is
 * above configMAX_SYSCALL_INTERRUPT_PRIORITY. Context: ISR. */
void vPortValidateInterruptPriority(void);

/* Returns pdTRUE when called from an interrupt handler. */
BaseType_t xPortIsInsideInterrupt(void);

/* Tickless idle: sleep for up to xExpectedIdleTime ticks with the tick
 * interrupt stopped, then call vTaskStepTick() with the ticks that passed.
 * Context: idle task, scheduler suspended. */
void vPortSuppressTicksAndSleep(TickType_t xExpectedIdleTime);

/* ----- Heap (kernel/heap_N.c), the FreeRTOS memory API ------------------- */

/* Region descriptor for heap_5. */
typedef struct HeapRegion {
    uint8_t *pucStartAddress;
    size_t xSizeInBytes;
} HeapRegion_t;

/* Heap statistics (heap_4 and heap_5). */
typedef struct xHeapStats {
    size_t xAvailableHeapSpaceInBytes;
    size_t xSizeOfLargestFreeBlockInBytes;
    size_t xSizeOfSmallestFreeBlockInBytes;
    size_t xNumberOfFreeBlocks;
    size_t xMinimumEverFreeBytesRemaining;
    size_t xNumberOfSuccessfulAllocations;
    size_t xNumberOfSuccessfulFrees;
} HeapStats_t;

/* Allocates xSize bytes aligned to portBYTE_ALIGNMENT; NULL on failure
 * (after calling vApplicationMallocFailedHook() if configured).
 * Context: task, or before the scheduler starts. */
void *pvPortMalloc(size_t xSize);
void *pvPortCalloc(size_t xNum, size_t xSize);
void vPortFree(void *pv);
void vPortInitialiseBlocks(void);
size_t xPortGetFreeHeapSize(void);
size_t xPortGetMinimumEverFreeHeapSize(void);
void vPortGetHeapStats(HeapStats_t *pxHeapStats);
void vPortDefineHeapRegions(const HeapRegion_t *const pxHeapRegions);
void vPortHeapResetState(void);

/* Used for task stacks when configSTACK_ALLOCATION_FROM_SEPARATE_HEAP is 1;
 * the application provides them. */
void *pvPortMallocStack(size_t xSize);
void vPortFreeStack(void *pv);

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* PORTABLE_H */
