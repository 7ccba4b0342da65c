# BBC micro:bit v1 (nRF51822: Cortex-M0, 256 KB flash, 16 KB RAM), as
# QEMU's `microbit` machine emulates it. See docs/port-armv6m.md.
set(PORTOLAN_ARCH armv6m)
set(PORTOLAN_QEMU_MACHINE microbit)
set(_mb ${PORTOLAN_ROOT}/boards/qemu-microbit)
set(_arm ${PORTOLAN_ROOT}/boards/arm-common)
set(PORTOLAN_BOARD_SOURCES ${_mb}/startup.c ${_mb}/fault.c ${_mb}/board.c ${_mb}/tick.c
                           ${_arm}/semihost.c ${_arm}/fault_dump.c ${_arm}/crt.c ${_arm}/syscalls.c)
set(PORTOLAN_BOARD_INCLUDES ${_mb} ${_arm})
set(PORTOLAN_BOARD_LINK_OPTIONS -L${_mb} -L${PORTOLAN_ROOT}/boards/mps2-common
    -Wl,--no-warn-execstack -Wl,-Map=$<TARGET_PROPERTY:BINARY_DIR>/$<TARGET_PROPERTY:NAME>.map
    -T${_mb}/nrf51.ld)

# ctest runs images under QEMU, always with a timeout and -icount: shift 6
# is 64 ns an instruction, close to the chip's 16 MHz.
set(PORTOLAN_RUN_WRAPPER ${PORTOLAN_ROOT}/tools/qemu-run --machine microbit --icount 6)

# The kernel suite with the kernel services' tests does not fit in 16 KB of
# RAM as one image (their static data and the heap tests' 9 KB of blocks,
# docs/port-armv6m.md): one image per part, each with the heap it can
# afford. Parts that match no file are skipped.
set(PORTOLAN_KERNEL_SUITE_PARTS
    "kernel=/tests/kernel/test_"
    "svc-static=/tests/services/test_static\\.c$"
    "svc-stats=/tests/services/test_stats\\.c$"
    "svc-hooks=/tests/services/test_hooks\\.c$"
    "svc-buffers=/tests/services/test_(stream|message)_buffers\\.c$"
    "svc-time=/tests/services/test_(timers|tickless|event_groups)\\.c$"
    "svc-heap=/tests/services/test_heap\\.c$")
set(PORTOLAN_KERNEL_SUITE_COMMON
    "/tests/kernel/(main|ktest)\\.c$|/tests/services/(services|static_memory)\\.c$")
foreach(_part svc-static svc-stats svc-hooks svc-buffers svc-time)
  set(PORTOLAN_KERNEL_SUITE_DEFINES_${_part} "configTOTAL_HEAP_SIZE=((size_t)7168)")
endforeach()
set(PORTOLAN_KERNEL_SUITE_DEFINES_svc-heap "configTOTAL_HEAP_SIZE=((size_t)11776)")

# The qualification runner in the same parts: "main" holds the Integrity,
# Port and MemoryLeak groups and tests/kernel, the others tests/services.
set(PORTOLAN_RUNNER_PARTS "main=/qualification/|/tests/port/|/tests/kernel/test_")
foreach(_spec IN LISTS PORTOLAN_KERNEL_SUITE_PARTS)
  if(_spec MATCHES "^svc-")
    list(APPEND PORTOLAN_RUNNER_PARTS "${_spec}")
    string(REGEX REPLACE "=.*" "" _part "${_spec}")
    set(PORTOLAN_RUNNER_DEFINES_${_part} ${PORTOLAN_KERNEL_SUITE_DEFINES_${_part}})
  endif()
endforeach()
set(PORTOLAN_RUNNER_COMMON "${PORTOLAN_KERNEL_SUITE_COMMON}")
# Every group's framework and the timer daemon's static stack live beside
# the kernel tests in "main": 8 KB of heap there.
set(PORTOLAN_RUNNER_DEFINES_main "configTOTAL_HEAP_SIZE=((size_t)8192)")
