# Cortex-M boards (ARMv6-M and ARMv7-M): the fault dump, the kernel suite
# with tickless idle, the kernel footprint and the context switch count.
# The including file sets:
#   CORTEX_M_FAULT_IN_TASK, CORTEX_M_FAULT_IN_INTERRUPT
#       what the dumps of the two deliberate faults must match
#       (expect_run.cmake patterns, @@-separated)
#   CORTEX_M_SWITCH_HANDLER  the PendSV handler's instruction count
#   CORTEX_M_MINIMAL_TEXT_MAX  the most text the minimal kernel may take

# The fault dump: each deliberate fault must print a PORTOLAN-FAULT dump
# naming the fault, the task and the cause, and exit with BOARD_EXIT_FAULT.
portolan_add_test_image(fault_test CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fault/test_fault.c
                                ${CMAKE_CURRENT_SOURCE_DIR}/kernel/main.c)
add_test(NAME fault.${PORTOLAN_BOARD}.task
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=70 "-DEXPECT=${CORTEX_M_FAULT_IN_TASK}"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                 ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:fault_test> test=undefined_instruction_in_task)
add_test(NAME fault.${PORTOLAN_BOARD}.interrupt
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=70 "-DEXPECT=${CORTEX_M_FAULT_IN_INTERRUPT}"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                 ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:fault_test> test=bus_error_in_interrupt)
set_tests_properties(fault.${PORTOLAN_BOARD}.task fault.${PORTOLAN_BOARD}.interrupt
                     PROPERTIES TIMEOUT 60)

# Kernel footprint and context switch cost: the small application of
# tests/footprint with a minimal, a default and a full configuration, kernel
# at -Os. `ninja size` prints the figures; the ctest bounds the minimal
# kernel's text.
set(_size_reports "")
foreach(_cfg minimal default full)
  add_library(footprint_${_cfg}_config INTERFACE)
  target_include_directories(footprint_${_cfg}_config
                             INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/footprint/${_cfg})
  portolan_add_runtime(footprint_${_cfg} CONFIG footprint_${_cfg}_config)
  target_compile_options(footprint_${_cfg}_kernel PRIVATE -Os)
  add_executable(footprint_${_cfg} ${CMAKE_CURRENT_SOURCE_DIR}/footprint/app.c)
  target_link_libraries(footprint_${_cfg} PRIVATE footprint_${_cfg}_runtime)
  target_compile_options(footprint_${_cfg} PRIVATE ${PORTOLAN_WARNINGS})
  list(APPEND _size_reports COMMAND ${PORTOLAN_ROOT}/tools/size
       ${CMAKE_CURRENT_BINARY_DIR}/footprint_${_cfg}.map ${_cfg})
endforeach()
add_custom_target(size ${_size_reports} DEPENDS footprint_minimal footprint_default footprint_full
                  COMMENT "Kernel footprint (${PORTOLAN_BOARD}, -Os, --gc-sections)" VERBATIM)
add_test(NAME footprint.${PORTOLAN_BOARD}
         COMMAND ${CMAKE_COMMAND} -DMAX=${CORTEX_M_MINIMAL_TEXT_MAX}
                 -DMAP=${CMAKE_CURRENT_BINARY_DIR}/footprint_minimal.map
                 -DSIZE=${PORTOLAN_ROOT}/tools/size
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/footprint_max.cmake)
add_test(NAME footprint.${PORTOLAN_BOARD}.runs
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:footprint_minimal>)

# The PendSV handler's own instruction count (tools/count-switch), guarded.
add_test(NAME perf.switch.${PORTOLAN_BOARD}
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=0
                 "-DEXPECT= = ${CORTEX_M_SWITCH_HANDLER} handler \\+ [0-9]+ selection"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                 ${PORTOLAN_ROOT}/tools/count-switch --machine ${PORTOLAN_QEMU_MACHINE}
                 $<TARGET_FILE:footprint_minimal>)
set_tests_properties(footprint.${PORTOLAN_BOARD} footprint.${PORTOLAN_BOARD}.runs
                     perf.switch.${PORTOLAN_BOARD} PROPERTIES TIMEOUT 120)

# The whole kernel suite with tickless idle: every delay and timeout of the
# suite then goes through vPortSuppressTicksAndSleep().
portolan_add_test_image(kernel_tests_tickless CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        DEFINES configUSE_TICKLESS_IDLE=1 SOURCES ${KERNEL_TEST_SOURCES})
add_test(NAME kernel.${PORTOLAN_BOARD}.tickless
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:kernel_tests_tickless>)
set_tests_properties(kernel.${PORTOLAN_BOARD}.tickless PROPERTIES TIMEOUT 300)
