# Checks every emulated board's architecture file (cortex_m.cmake,
# rv32.cmake) adds with its own expectations.

# portolan_add_fault_checks(SOURCE <file> TASK <test> TASK_EXPECT <patterns>
#                           INTERRUPT <test> INTERRUPT_EXPECT <patterns>)
# The fault dump: each deliberate fault of SOURCE (group Fault) must print a
# PORTOLAN-FAULT dump naming the fault, the task and the cause, and exit with
# BOARD_EXIT_FAULT. Patterns are expect_run.cmake's, @@-separated.
function(portolan_add_fault_checks)
  cmake_parse_arguments(ARG "" "SOURCE;TASK;TASK_EXPECT;INTERRUPT;INTERRUPT_EXPECT" "" ${ARGN})
  portolan_add_test_image(fault_test CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                          SOURCES ${ARG_SOURCE} ${CMAKE_CURRENT_SOURCE_DIR}/kernel/main.c)
  foreach(_kind task interrupt)
    string(TOUPPER ${_kind} _up)
    add_test(NAME fault.${PORTOLAN_BOARD}.${_kind}
             COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=70 "-DEXPECT=${ARG_${_up}_EXPECT}"
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                     ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:fault_test> test=${ARG_${_up}})
    set_tests_properties(fault.${PORTOLAN_BOARD}.${_kind} PROPERTIES TIMEOUT 60)
  endforeach()
endfunction()

# portolan_add_footprint_checks(TEXT_MAX <bytes> SWITCH_HANDLER <instructions>
#                               [DEFINES ...])
# Kernel footprint and context switch cost: the small application of
# tests/footprint with a minimal, a default and a full configuration, kernel
# at -Os (DEFINES: port settings those board-independent configurations
# leave out). `ninja size` prints the figures; the ctests bound the minimal
# kernel's text, run the image and check the switch handler's own
# instruction count (tools/count-switch).
function(portolan_add_footprint_checks)
  cmake_parse_arguments(ARG "" "TEXT_MAX;SWITCH_HANDLER" "DEFINES" ${ARGN})
  set(_size_reports "")
  foreach(_cfg minimal default full)
    add_library(footprint_${_cfg}_config INTERFACE)
    target_include_directories(footprint_${_cfg}_config
                               INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/footprint/${_cfg})
    portolan_add_runtime(footprint_${_cfg} CONFIG footprint_${_cfg}_config DEFINES ${ARG_DEFINES})
    target_compile_options(footprint_${_cfg}_kernel PRIVATE -Os)
    add_executable(footprint_${_cfg} ${CMAKE_CURRENT_SOURCE_DIR}/footprint/app.c)
    target_link_libraries(footprint_${_cfg} PRIVATE footprint_${_cfg}_runtime)
    target_compile_options(footprint_${_cfg} PRIVATE ${PORTOLAN_WARNINGS})
    list(APPEND _size_reports COMMAND ${PORTOLAN_ROOT}/tools/size
         ${CMAKE_CURRENT_BINARY_DIR}/footprint_${_cfg}.map ${_cfg})
  endforeach()
  add_custom_target(size ${_size_reports} DEPENDS footprint_minimal footprint_default
                                                  footprint_full
                    COMMENT "Kernel footprint (${PORTOLAN_BOARD}, -Os, --gc-sections)" VERBATIM)
  add_test(NAME footprint.${PORTOLAN_BOARD}
           COMMAND ${CMAKE_COMMAND} -DMAX=${ARG_TEXT_MAX}
                   -DMAP=${CMAKE_CURRENT_BINARY_DIR}/footprint_minimal.map
                   -DSIZE=${PORTOLAN_ROOT}/tools/size
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/footprint_max.cmake)
  add_test(NAME footprint.${PORTOLAN_BOARD}.runs
           COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:footprint_minimal>)
  add_test(NAME perf.switch.${PORTOLAN_BOARD}
           COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=0
                   "-DEXPECT= = ${ARG_SWITCH_HANDLER} handler \\+ [0-9]+ selection"
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                   ${PORTOLAN_ROOT}/tools/count-switch --machine ${PORTOLAN_QEMU_MACHINE}
                   $<TARGET_FILE:footprint_minimal>)
  set_tests_properties(footprint.${PORTOLAN_BOARD} footprint.${PORTOLAN_BOARD}.runs
                       perf.switch.${PORTOLAN_BOARD} PROPERTIES TIMEOUT 120)
endfunction()
