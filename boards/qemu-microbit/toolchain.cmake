# Cortex-M0 (ARMv6-M), no FPU: arm-none-eabi-gcc's v6-m multilib and
# newlib-nano (-Os is added by board.cmake).
set(PORTOLAN_CPU_FLAGS "-mcpu=cortex-m0 -mthumb")
include(${CMAKE_CURRENT_LIST_DIR}/../mps2-common/arm-none-eabi.cmake)
