# ARMv7-M boards only: the fault dump, the out-of-tree QEMU example, the
# minimum memory layout and the kernel footprint.

# The fault dump: each deliberate fault must print a PORTOLAN-FAULT dump
# naming the fault, the task and the cause, and exit with BOARD_EXIT_FAULT.
portolan_add_test_image(fault_test CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                        SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fault/test_fault.c
                                ${CMAKE_CURRENT_SOURCE_DIR}/kernel/main.c)
add_test(NAME fault.${PORTOLAN_BOARD}.task
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=70
                 "-DEXPECT=PORTOLAN-FAULT UsageFault task=crasher@@ pc=0x[0-9a-f]+ lr=0x[0-9a-f]+ xpsr=0x[0-9a-f]+ ctx=thread@@cfsr=0x00010000.* UNDEFINSTR@@PORTOLAN-FAULT-END exit=70"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                 ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:fault_test> test=undefined_instruction_in_task)
add_test(NAME fault.${PORTOLAN_BOARD}.interrupt
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=70
                 "-DEXPECT=PORTOLAN-FAULT BusFault task=runner@@ctx=irq9@@bfar=0x60000000.* PRECISERR BFARVALID@@PORTOLAN-FAULT-END exit=70"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                 ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:fault_test> test=bus_error_in_interrupt)
set_tests_properties(fault.${PORTOLAN_BOARD}.task fault.${PORTOLAN_BOARD}.interrupt
                     PROPERTIES TIMEOUT 60)

# The port tests linked for the minimum board of the qualification guide
# (128 KB flash, 64 KB RAM): they must fit and pass there too.
function(portolan_add_min_layout_image name)
  set(PORTOLAN_BOARD_LINK_OPTIONS ${PORTOLAN_BOARD_LINK_OPTIONS_MIN})
  portolan_add_test_image(${name} ${ARGN} DEFINES BOARD_MEMORY_MIN=1)
endfunction()
portolan_add_min_layout_image(port_tests_min CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/port/config
                              SOURCES ${PORT_TEST_SOURCES})
add_test(NAME port.${PORTOLAN_BOARD}.min-layout
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:port_tests_min>)
set_tests_properties(port.${PORTOLAN_BOARD}.min-layout PROPERTIES TIMEOUT 300)

# The out-of-tree example application, configured, built and run under QEMU
# as a user would.
set(_work ${CMAKE_CURRENT_BINARY_DIR}/example-qemu-hello)
add_test(NAME example.qemu-hello.${PORTOLAN_BOARD}
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=0
                 "-DEXPECT=qemu-hello on ${PORTOLAN_BOARD}@@received 5 at tick 500@@hello from configPRINT_STRING@@done: sum 15"
                 -DBUILD_SRC=${PORTOLAN_ROOT}/examples/qemu-hello -DBUILD_DIR=${_work}
                 "-DBUILD_ARGS=-DPORTOLAN_DIR=${PORTOLAN_ROOT}@@-DPORTOLAN_BOARD=${PORTOLAN_BOARD}"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                 ${PORTOLAN_RUN_WRAPPER} ${_work}/qemu_hello)
set_tests_properties(example.qemu-hello.${PORTOLAN_BOARD} PROPERTIES TIMEOUT 300)

# Kernel footprint and context switch cost: the small application of
# tests/footprint with a minimal, a default and a full configuration, kernel
# at -Os.
# `ninja size` prints the figures; the ctest keeps the minimal kernel under
# 4 KB of flash.
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
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=0
                 "-DEXPECT=minimal kernel text=([0-9]|[1-9][0-9]|[1-9][0-9][0-9]|[1-3][0-9][0-9][0-9]|40[0-8][0-9]|409[0-5]) "
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/expect_run.cmake --
                 ${PORTOLAN_ROOT}/tools/size ${CMAKE_CURRENT_BINARY_DIR}/footprint_minimal.map minimal)
add_test(NAME footprint.${PORTOLAN_BOARD}.runs
         COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:footprint_minimal>)

# The PendSV handler's own instruction count (tools/count-switch), guarded:
# 17 on Cortex-M3, 22 on Cortex-M4F (lazy FP checks on save and restore).
if(PORTOLAN_QEMU_MACHINE STREQUAL "mps2-an385")
  set(_handler 17)
else()
  set(_handler 22)
endif()
add_test(NAME perf.switch.${PORTOLAN_BOARD}
         COMMAND ${CMAKE_COMMAND} -DEXPECT_CODE=0 "-DEXPECT= = ${_handler} handler \\+ [0-9]+ selection"
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
