# Cortex-M3, no FPU.
set(PORTOLAN_CPU_FLAGS "-mcpu=cortex-m3 -mthumb")
include(${CMAKE_CURRENT_LIST_DIR}/../mps2-common/arm-none-eabi.cmake)
