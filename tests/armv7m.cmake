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

# The out-of-tree example application, configured, built and run under QEMU
# as a user would.
add_test(NAME example.qemu-hello.${PORTOLAN_BOARD}
         COMMAND ${CMAKE_COMMAND} -DSRC=${PORTOLAN_ROOT}/examples/qemu-hello
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/example-qemu-hello
                 -DPORTOLAN_DIR=${PORTOLAN_ROOT} -DBOARD=${PORTOLAN_BOARD} -DEXE=qemu_hello
                 "-DEXPECT=qemu-hello on ${PORTOLAN_BOARD}@@received 5 at tick 500@@hello from configPRINT_STRING@@done: sum 15"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/run_qemu_example.cmake --
                 ${PORTOLAN_RUN_WRAPPER})
set_tests_properties(example.qemu-hello.${PORTOLAN_BOARD} PROPERTIES TIMEOUT 300)
