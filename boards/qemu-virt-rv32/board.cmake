# QEMU's RISC-V `virt` machine with one RV32IMAC hart, machine mode only.
# See docs/port-rv32.md.
set(PORTOLAN_ARCH rv32)
set(_virt ${PORTOLAN_ROOT}/boards/qemu-virt-rv32)
set(PORTOLAN_BOARD_SOURCES ${_virt}/startup.S ${_virt}/board.c ${_virt}/fault.c
                           ${_virt}/libc/string.c ${_virt}/libc/setjmp.S)
set(PORTOLAN_BOARD_INCLUDES ${_virt})
# The string functions must not be compiled into calls to themselves.
set_source_files_properties(${_virt}/libc/string.c PROPERTIES COMPILE_OPTIONS
                            -fno-tree-loop-distribute-patterns)
set(PORTOLAN_BOARD_LINK_OPTIONS -L${_virt} -T${_virt}/virt.ld
    -Wl,-Map=$<TARGET_PROPERTY:BINARY_DIR>/$<TARGET_PROPERTY:NAME>.map)

# The port's settings this board fixes (as board_config.h has them), for
# configurations written for any board (tests/footprint).
set(PORTOLAN_BOARD_PORT_DEFINES configCLINT_BASE_ADDRESS=0x02000000UL configMTIME_HZ=10000000UL)

# ctest runs images under QEMU, always with a timeout and -icount.
set(PORTOLAN_QEMU_MACHINE virt-rv32)
set(PORTOLAN_RUN_WRAPPER ${PORTOLAN_ROOT}/tools/qemu-run --machine ${PORTOLAN_QEMU_MACHINE})
