# Board description shared by qemu-mps2-an385 and qemu-mps2-an386; the
# board's board.cmake sets PORTOLAN_QEMU_MACHINE and includes this file.
set(PORTOLAN_ARCH armv7m)
set(_mps2 ${PORTOLAN_ROOT}/boards/mps2-common)
set(_arm ${PORTOLAN_ROOT}/boards/arm-common)
set(PORTOLAN_BOARD_SOURCES ${_mps2}/startup.c ${_mps2}/fault.c ${_mps2}/board.c
                           ${_arm}/syscalls.c ${_arm}/semihost.c ${_arm}/fault_dump.c ${_arm}/crt.c)
set(PORTOLAN_BOARD_INCLUDES ${_mps2} ${_arm})

# Memory layout: "full" is the board's 4 MB + 4 MB; "min" is the 128 KB
# flash / 64 KB RAM minimum board of the qualification guide.
set(PORTOLAN_MEMORY_LAYOUT full CACHE STRING "MPS2 memory layout: full or min")
set_property(CACHE PORTOLAN_MEMORY_LAYOUT PROPERTY STRINGS full min)
if(PORTOLAN_MEMORY_LAYOUT STREQUAL "min")
  add_compile_definitions(BOARD_MEMORY_MIN=1) # smaller test heaps (board_config.h)
endif()
set(_mps2_link -L${_mps2} -Wl,--no-warn-execstack
               -Wl,-Map=$<TARGET_PROPERTY:BINARY_DIR>/$<TARGET_PROPERTY:NAME>.map)
set(PORTOLAN_BOARD_LINK_OPTIONS ${_mps2_link} -T${_mps2}/mps2-${PORTOLAN_MEMORY_LAYOUT}.ld)
# The minimum layout, for images that must prove they fit it.
set(PORTOLAN_BOARD_LINK_OPTIONS_MIN ${_mps2_link} -T${_mps2}/mps2-min.ld)

# ctest runs images under QEMU, always with a timeout and -icount.
set(PORTOLAN_RUN_WRAPPER ${PORTOLAN_ROOT}/tools/qemu-run --machine ${PORTOLAN_QEMU_MACHINE})
