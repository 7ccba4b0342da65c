# ARMv7-M boards: the Cortex-M checks (cortex_m.cmake), the minimum memory
# layout and the out-of-tree QEMU example.
set(CORTEX_M_FAULT_IN_TASK
    "PORTOLAN-FAULT UsageFault task=crasher@@ pc=0x[0-9a-f]+ lr=0x[0-9a-f]+ xpsr=0x[0-9a-f]+ ctx=thread@@cfsr=0x00010000.* UNDEFINSTR@@PORTOLAN-FAULT-END exit=70")
set(CORTEX_M_FAULT_IN_INTERRUPT
    "PORTOLAN-FAULT BusFault task=runner@@ctx=irq9@@bfar=0x60000000.* PRECISERR BFARVALID@@PORTOLAN-FAULT-END exit=70")
# 17 on Cortex-M3, 22 on Cortex-M4F (lazy FP checks on save and restore).
if(PORTOLAN_QEMU_MACHINE STREQUAL "mps2-an385")
  set(CORTEX_M_SWITCH_HANDLER 17)
else()
  set(CORTEX_M_SWITCH_HANDLER 22)
endif()
set(CORTEX_M_MINIMAL_TEXT_MAX 4095)
include(${CMAKE_CURRENT_SOURCE_DIR}/cortex_m.cmake)

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

