# RV32 boards only.

# Register integrity under switching and nested interrupts (tests/port/rv32).
file(GLOB RV32_PORT_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/port/rv32/*.c
     ${CMAKE_CURRENT_SOURCE_DIR}/port/rv32/*.S)
list(SORT RV32_PORT_SOURCES)
portolan_add_test_image(port_rv32_tests CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        SOURCES ${RV32_PORT_SOURCES} ${CMAKE_CURRENT_SOURCE_DIR}/kernel/main.c)
add_test(NAME port.${PORTOLAN_BOARD}.registers
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:port_rv32_tests>)
set_tests_properties(port.${PORTOLAN_BOARD}.registers PROPERTIES TIMEOUT 120)

# The kernel suite with tickless idle: every idle period of two ticks or more
# sleeps with the tick suppressed.
portolan_add_test_image(kernel_tests_tickless CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        DEFINES configUSE_TICKLESS_IDLE=1 SOURCES ${KERNEL_TEST_SOURCES})
add_test(NAME kernel.${PORTOLAN_BOARD}.tickless
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:kernel_tests_tickless>)
set_tests_properties(kernel.${PORTOLAN_BOARD}.tickless PROPERTIES TIMEOUT 300)

# 300 priorities: the two-level ready bitmap, so the bit scan sees words
# with any bit set.
portolan_add_test_image(kernel_tests_prio300 CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        DEFINES configMAX_PRIORITIES=300 SOURCES ${KERNEL_TEST_SOURCES})
add_test(NAME kernel.${PORTOLAN_BOARD}.prio300
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:kernel_tests_prio300>)
set_tests_properties(kernel.${PORTOLAN_BOARD}.prio300 PROPERTIES TIMEOUT 300)

# The same image, run twice, takes every interrupt at the same instruction.
add_test(NAME kernel.${PORTOLAN_BOARD}.deterministic
         COMMAND ${CMAKE_COMMAND} -DIMAGE=$<TARGET_FILE:kernel_tests>
                 -DQEMU_RUN=${PORTOLAN_RUN_WRAPPER} -DWORK=${CMAKE_CURRENT_BINARY_DIR}/trace
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/compare_traces.cmake)
set_tests_properties(kernel.${PORTOLAN_BOARD}.deterministic PROPERTIES TIMEOUT 300)
