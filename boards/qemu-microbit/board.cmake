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
