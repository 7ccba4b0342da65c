# Cortex-M4F: single-precision FPU, hard-float calling convention.
set(PORTOLAN_CPU_FLAGS "-mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard")
include(${CMAKE_CURRENT_LIST_DIR}/../mps2-common/arm-none-eabi.cmake)
