# RV32 boards only: the fault dump, kernel suite variants (tickless, 300
# priorities), the kernel footprint and the switch count.

# The fault dump: each deliberate fault must print a PORTOLAN-FAULT dump
# naming the exception, the task and the context, and exit with
# BOARD_EXIT_FAULT.
portolan_add_test_image(fault_test CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fault/rv32/test_fault.c
                                ${CMAKE_CURRENT_SOURCE_DIR}/kernel/main.c)
set(_regs "pc=0x[0-9a-f]+ ra=0x[0-9a-f]+ sp=0x[0-9a-f]+")
add_test(NAME fault.${PORTOLAN_BOARD}.task
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=70
                 "-DEXPECT=PORTOLAN-FAULT IllegalInstruction task=crasher@@${_regs} mtval=0x00000000 mcause=0x00000002 mstatus=0x[0-9a-f]+ ctx=thread@@ s11=0x[0-9a-f]+@@PORTOLAN-FAULT-END exit=70"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                 ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:fault_test> test=illegal_instruction_in_task)
add_test(NAME fault.${PORTOLAN_BOARD}.interrupt
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=70
                 "-DEXPECT=PORTOLAN-FAULT StoreAccessFault task=runner@@${_regs} mtval=0x00000004 mcause=0x00000007 mstatus=0x[0-9a-f]+ ctx=irq01@@PORTOLAN-FAULT-END exit=70"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                 ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:fault_test> test=store_fault_in_interrupt)
set_tests_properties(fault.${PORTOLAN_BOARD}.task fault.${PORTOLAN_BOARD}.interrupt
                     PROPERTIES TIMEOUT 60)

# The kernel suite with tickless idle (the services' tickless variant, whose
# sleep hooks the tickless tests watch): every idle period of two ticks or
# more sleeps with the tick suppressed, one of them for almost the whole
# range of the tick count, hence no watchdog.
portolan_add_test_image(kernel_tests_tickless
                        CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config/variants/tickless
                        DEFINES PTEST_TIMEOUT_TICKS=0xffffffffU
                        SOURCES ${KERNEL_TEST_SOURCES} ${SERVICES_TEST_SOURCES})
add_test(NAME kernel.${PORTOLAN_BOARD}.tickless
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:kernel_tests_tickless>)

# 300 priorities: the two-level ready bitmap, so the bit scan sees words
# with any bit set.
portolan_add_test_image(kernel_tests_prio300 CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        DEFINES configMAX_PRIORITIES=300
                        SOURCES ${KERNEL_TEST_SOURCES} ${SERVICES_TEST_SOURCES})
add_test(NAME kernel.${PORTOLAN_BOARD}.prio300
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:kernel_tests_prio300>)

set_tests_properties(kernel.${PORTOLAN_BOARD}.tickless kernel.${PORTOLAN_BOARD}.prio300
                     PROPERTIES TIMEOUT 300)

# Kernel footprint and switch cost: the small application of tests/footprint
# in its three configurations, kernel at -Os; those configurations leave the
# CLINT settings to the board. `ninja size` prints the figures; the ctest
# keeps the minimal kernel within 5 KB of text (the port's trap code is
# larger than a Cortex-M's: the register file is saved by software).
set(_size_reports "")
foreach(_cfg minimal default full)
  add_library(footprint_${_cfg}_config INTERFACE)
  target_include_directories(footprint_${_cfg}_config
                             INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/footprint/${_cfg})
  portolan_add_runtime(footprint_${_cfg} CONFIG footprint_${_cfg}_config
                       DEFINES ${PORTOLAN_BOARD_PORT_DEFINES})
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
         COMMAND ${CMAKE_COMMAND} -DMAX=5120 -DMAP=${CMAKE_CURRENT_BINARY_DIR}/footprint_minimal.map
                 -DSIZE=${PORTOLAN_ROOT}/tools/size
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/footprint_max.cmake)
add_test(NAME footprint.${PORTOLAN_BOARD}.runs
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:footprint_minimal>)

# The switch handler's own instruction count (tools/count-switch), guarded:
# the vector slot, the caller- and callee-saved registers, mepc and mstatus
# out and in, the msip clear, the TCB, the interrupt stack, mret.
add_test(NAME perf.switch.${PORTOLAN_BOARD}
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=0 "-DEXPECT= = 82 handler \\+ [0-9]+ selection"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                 ${PORTOLAN_ROOT}/tools/count-switch --machine ${PORTOLAN_QEMU_MACHINE}
                 $<TARGET_FILE:footprint_minimal>)
set_tests_properties(footprint.${PORTOLAN_BOARD} footprint.${PORTOLAN_BOARD}.runs
                     perf.switch.${PORTOLAN_BOARD} PROPERTIES TIMEOUT 120)
