# ARM MPS2 with the AN386 FPGA image (Cortex-M4F), as emulated by QEMU.
set(PORTOLAN_QEMU_MACHINE mps2-an386)
include(${PORTOLAN_ROOT}/boards/mps2-common/mps2.cmake)
