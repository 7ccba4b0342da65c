# ARM MPS2 with the AN385 FPGA image (Cortex-M3), as emulated by QEMU.
set(PORTOLAN_QEMU_MACHINE mps2-an385)
include(${PORTOLAN_ROOT}/boards/mps2-common/mps2.cmake)
