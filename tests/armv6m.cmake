# ARMv6-M boards: the Cortex-M checks (cortex_m.cmake). ARMv6-M has one
# fault, HardFault, and no fault status registers: the dumps name the task
# and the context only.
set(CORTEX_M_FAULT_IN_TASK
    "PORTOLAN-FAULT HardFault task=crasher@@ pc=0x[0-9a-f]+ lr=0x[0-9a-f]+ xpsr=0x[0-9a-f]+ ctx=thread@@ r0=0x[0-9a-f]+ r1=@@PORTOLAN-FAULT-END exit=70")
set(CORTEX_M_FAULT_IN_INTERRUPT
    "PORTOLAN-FAULT HardFault task=runner@@ctx=irq10 @@PORTOLAN-FAULT-END exit=70")
set(CORTEX_M_SWITCH_HANDLER 27)
set(CORTEX_M_MINIMAL_TEXT_MAX 4095)
include(${CMAKE_CURRENT_SOURCE_DIR}/cortex_m.cmake)

# QEMU's microbit has a SysTick (the real nRF51 has none): the port's own
# SysTick tick and tickless idle, which the board replaces with TIMER0, run
# the port tests and the kernel suite there. Tickless only: QEMU 7.2 loses
# SysTick periods that expire in WFI under -icount sleep=off (the MPS2
# boards' pacer works around it; docs/port-armv6m.md).
if(PORTOLAN_QEMU_MACHINE STREQUAL "microbit")
  portolan_add_test_image(port_tests_systick CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/port/config
                          DEFINES BOARD_TICK_SYSTICK=1 PORT_TESTS_TICKLESS=1
                          SOURCES ${PORT_TEST_SOURCES})
  portolan_add_test_image(kernel_tests_systick CONFIG_DIR ${CMAKE_CURRENT_SOURCE_DIR}/config
                          DEFINES BOARD_TICK_SYSTICK=1 configUSE_TICKLESS_IDLE=1
                          SOURCES ${KERNEL_TEST_SOURCES})
  add_test(NAME port.${PORTOLAN_BOARD}.systick
           COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:port_tests_systick>)
  add_test(NAME kernel.${PORTOLAN_BOARD}.systick
           COMMAND ${PORTOLAN_RUN_WRAPPER} $<TARGET_FILE:kernel_tests_systick>)
  set_tests_properties(port.${PORTOLAN_BOARD}.systick kernel.${PORTOLAN_BOARD}.systick
                       PROPERTIES TIMEOUT 300)
endif()
