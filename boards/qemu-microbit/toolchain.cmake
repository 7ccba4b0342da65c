# Cortex-M0 (ARMv6-M), no FPU: arm-none-eabi-gcc's v6-m multilib and
# newlib-nano. Built for size (256 KB of flash): the optimised build types
# use -Os (seeded in the cache before project(), so CMake keeps them).
set(PORTOLAN_CPU_FLAGS "-mcpu=cortex-m0 -mthumb")
set(CMAKE_C_FLAGS_RELWITHDEBINFO "-Os -g -DNDEBUG" CACHE STRING "C flags of RelWithDebInfo builds")
set(CMAKE_C_FLAGS_RELEASE "-Os -DNDEBUG" CACHE STRING "C flags of Release builds")
include(${CMAKE_CURRENT_LIST_DIR}/../mps2-common/arm-none-eabi.cmake)
