# Cortex-M boards (ARMv6-M and ARMv7-M): the fault dump, the kernel suite
# with tickless idle, the kernel footprint and the context switch count
# (board_checks.cmake). The including file sets:
#   CORTEX_M_FAULT_IN_TASK, CORTEX_M_FAULT_IN_INTERRUPT
#       what the dumps of the two deliberate faults must match
#       (expect_run.cmake patterns, @@-separated)
#   CORTEX_M_SWITCH_HANDLER  the PendSV handler's instruction count
#   CORTEX_M_MINIMAL_TEXT_MAX  the most text the minimal kernel may take
include(${CMAKE_CURRENT_SOURCE_DIR}/board_checks.cmake)

portolan_add_fault_checks(SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/fault/test_fault.c
                          TASK undefined_instruction_in_task
                          TASK_EXPECT "${CORTEX_M_FAULT_IN_TASK}"
                          INTERRUPT bus_error_in_interrupt
                          INTERRUPT_EXPECT "${CORTEX_M_FAULT_IN_INTERRUPT}")
portolan_add_footprint_checks(TEXT_MAX ${CORTEX_M_MINIMAL_TEXT_MAX}
                              SWITCH_HANDLER ${CORTEX_M_SWITCH_HANDLER})

# The whole kernel suite with tickless idle: every delay and timeout of the
# suite then goes through vPortSuppressTicksAndSleep().
portolan_add_test_image(kernel_tests_tickless CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        DEFINES configUSE_TICKLESS_IDLE=1 SOURCES ${KERNEL_TEST_SOURCES})
add_test(NAME kernel.${PORTOLAN_BOARD}.tickless
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:kernel_tests_tickless>)
set_tests_properties(kernel.${PORTOLAN_BOARD}.tickless PROPERTIES TIMEOUT 300)
