"""catalog.py - what the benchmark suite measures: figure names, their
descriptions, the boards and suites, and the anchors and goals the figures
are reported against (/work/shared/notes/perf-anchors.md, docs/bench.md).
Data only."""

SCHEMA = "portolan-bench/1"

# The board that runs every suite; the others run the per-operation suite
# (an FPU board adds the FP context switch; the ARMv6-M micro:bit shows the
# same operations without BASEPRI, CLZ or high-register STM/LDM, the RV32
# board with the register file saved in software).
PRIMARY_BOARD = "qemu-mps2-an385"
DEFAULT_BOARDS = ["qemu-mps2-an385", "qemu-mps2-an386", "qemu-microbit", "qemu-virt-rv32"]
FPU_BOARDS = {"qemu-mps2-an386"}

# Functions whose instructions the plugin also counts separately; an image
# has the symbols of its own port only. "pendsv" is the switch handler: PendSV
# on Cortex-M, the machine software interrupt's entry on RV32 (its vector
# slot's jump, one instruction, is outside the range). "select" is the kernel
# function the handler calls: sched_switch_context (ARMv7-M) or
# vTaskSwitchContext.
RANGES = [
    ("pendsv", "xPortPendSVHandler"),
    ("pendsv", "port_msi_entry"),
    ("select", "sched_switch_context"),
    ("select", "vTaskSwitchContext"),
    ("systick", "xPortSysTickHandler"),
    ("tick", "xTaskIncrementTick"),
]
# Extra plugin begin markers ("symbol" or "symbol+offset"): the
# interrupt-to-task sample starts at the HIGH test interrupt's first
# instruction: bench_irq.c's handler on Cortex-M, the trap vector slot on
# qemu-virt-rv32 (cause 1, supervisor software).
EXTRA_BEGINS = ["bench_irq_high_entry", "port_trap_vector+4"]

OPS = [
    ("switch.yield", "taskYIELD() between two tasks of equal priority: from the call in one "
     "task to the return in the other"),
    ("switch.yield.fp", "the same, both tasks with a live FPU context (lazy FP stacking)"),
    ("sem.give", "xSemaphoreGive, binary semaphore, nobody waiting"),
    ("sem.take", "xSemaphoreTake, semaphore available"),
    ("sem.give.wake", "xSemaphoreGive waking a higher-priority waiter: to its return from take"),
    ("sem.take.block", "xSemaphoreTake that blocks: to the return of the task switched to"),
    ("queue.send.4", "xQueueSend, 4-byte item, no waiter"),
    ("queue.receive.4", "xQueueReceive, 4-byte item available"),
    ("queue.send.16", "xQueueSend, 16-byte item, no waiter"),
    ("queue.receive.16", "xQueueReceive, 16-byte item available"),
    ("queue.send.64", "xQueueSend, 64-byte item, no waiter"),
    ("queue.receive.64", "xQueueReceive, 64-byte item available"),
    ("queue.send.wake", "xQueueSend (16 bytes) waking a higher-priority receiver: to its return"),
    ("queue.receive.block", "xQueueReceive (16 bytes) that blocks: to the return of the task "
     "switched to"),
    ("notify.give.wake", "xTaskNotifyGive waking a higher-priority task in ulTaskNotifyTake: to "
     "its return"),
    ("notify.take.block", "ulTaskNotifyTake that blocks: to the return of the task switched to"),
    ("mutex.lock", "xSemaphoreTake of a free mutex"),
    ("mutex.unlock", "xSemaphoreGive of a held mutex, nobody waiting"),
    ("mutex.lock.inherit", "a higher-priority task blocks on a held mutex: priority inheritance, "
     "switch to the holder, to the holder's return"),
    ("mutex.unlock.disinherit", "the holder unlocks: priority restored, mutex handed to the "
     "waiter, switch, to the waiter's return from take"),
    ("irq.give.wake", "interrupt to task: from the ISR's first instruction (it gives a semaphore) "
     "to the first instruction of the higher-priority task that waited on it"),
    ("timer.start", "xTimerStart of a dormant timer (the daemon runs above the caller: its "
     "processing is included)"),
    ("timer.stop", "xTimerStop of a running timer (daemon processing included)"),
    ("heap.malloc.32", "pvPortMalloc(32), heap_4"),
    ("heap.free.32", "vPortFree of a 32-byte block, heap_4"),
    ("heap.malloc.128", "pvPortMalloc(128), heap_4"),
    ("heap.free.128", "vPortFree of a 128-byte block, heap_4"),
    ("task.create", "xTaskCreate of a lower-priority task, 256-word stack (heap allocation "
     "included)"),
    ("task.delete", "vTaskDelete of a ready lower-priority task (memory freed at once)"),
]

# Thread-Metric tests: name, title, FreeRTOS and ThreadX anchors (instructions
# per event, QEMU mps2-an385, -icount shift=0) and the goal (<= 0.8 x best).
TM = [
    ("tm.cooperative", "cooperative scheduling", 54.0, 66.0, 43.0),
    ("tm.preemptive", "preemptive scheduling", 262.4, 222.4, 178.0),
    ("tm.interrupt", "interrupt processing", 122.0, 99.0, 79.0),
    ("tm.interrupt_preemption", "interrupt preemption processing", 337.0, 290.0, 232.0),
    ("tm.message", "message processing (16-byte message)", 194.2, 124.0, 99.0),
    ("tm.synchronization", "synchronization processing", 120.0, 55.0, 44.0),
    ("tm.memory", "memory allocation (pvPortMalloc/vPortFree of 128 bytes; no block pool in "
     "the FreeRTOS API)", None, 59.0, None),
]

SCALING_POINTS = [1, 8, 64, 256]
SCALING = [
    ("block.timeout.last", "block on a semaphore with a timeout later than every delayed task's "
     "(sorted insertion at the end of the delayed list), to the next task's return", "tasks"),
    ("block.timeout.first", "the same with the earliest timeout of all (insertion at the head)",
     "tasks"),
    ("wake.timeout", "a timeout expires: from the tick interrupt's start to the woken task's "
     "return from its take", "tasks"),
    ("tick.delayed", "one tick interrupt that wakes nobody, n tasks delayed", "tasks"),
    ("timer.start.last", "xTimerStart of a timer expiring after all n running timers (daemon "
     "processing included)", "timers"),
    ("timer.start.first", "xTimerStart of a timer expiring before all n running timers",
     "timers"),
    ("tick.timers", "one tick interrupt, n software timers running", "timers"),
]
# A curve is flat when its last point is within this of its first.
FLAT_TOLERANCE_ABS = 2.0
FLAT_TOLERANCE_REL = 0.02

# Context switch: the hardware floor and the anchors (PendSV handler +
# next-task selection, instructions).
SWITCH_FLOOR = 26  # a FreeRTOS-style PendSV switch with O(1) selection: 17 + 9
SWITCH_FLOOR_FACTOR = 1.3
SWITCH_ANCHORS = {"freertos": 43, "threadx": 29, "goal": 29}

# Footprint: the seeds' budget, and the FreeRTOS anchor for the minimal
# kernel linked into a small application (-Os, --gc-sections).
FLASH_BUDGET = 128 * 1024
RAM_BUDGET = 64 * 1024
FREERTOS_MIN_LINKED = {"text": 3395, "data": 8, "bss": 756}
FREERTOS_MIN_OBJECTS = {"text": 4813, "data": 8, "bss": 756}
KERNEL_FLASH_GOAL = 4096
KERNEL_TEXT_ANCHOR_GOAL = 3000
# The footprint images of tests/<arch>.cmake (the small application of
# tests/footprint: 2 tasks, 1 queue; kernel at -Os, --gc-sections), the
# same ones `ninja size` reports.
FOOTPRINT_BUILDS = [
    ("minimal", "footprint_minimal", "tasks, queues and semaphores only "
     "(tests/footprint/minimal)"),
    ("default", "footprint_default", "FreeRTOS.h defaults, only the board values set "
     "(tests/footprint/default)"),
    ("full", "footprint_full", "the kernel test images' features: mutexes, queue sets, "
     "trace facility, stack checking, configASSERT (tests/footprint/full)"),
]
STATIC_TYPES = ["StaticTask_t", "StaticQueue_t", "StaticSemaphore_t", "StaticEventGroup_t",
                "StaticTimer_t", "StaticStreamBuffer_t"]

# Regressions: bench-compare flags a figure that got worse by more than this.
REGRESSION_THRESHOLD = 0.02
