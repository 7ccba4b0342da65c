# RV32 boards: the fault dump, the kernel footprint and the switch count
# (board_checks.cmake), and kernel suite variants (tickless, 300 priorities).
include(${CMAKE_CURRENT_SOURCE_DIR}/board_checks.cmake)

set(_regs "pc=0x[0-9a-f]+ ra=0x[0-9a-f]+ sp=0x[0-9a-f]+")
portolan_add_fault_checks(
  SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/fault/rv32/test_fault.c
  TASK illegal_instruction_in_task
  TASK_EXPECT "PORTOLAN-FAULT IllegalInstruction task=crasher@@${_regs} mtval=0x00000000 mcause=0x00000002 mstatus=0x[0-9a-f]+ ctx=thread@@ s11=0x[0-9a-f]+@@PORTOLAN-FAULT-END exit=70"
  INTERRUPT store_fault_in_interrupt
  INTERRUPT_EXPECT "PORTOLAN-FAULT StoreAccessFault task=runner@@${_regs} mtval=0x00000004 mcause=0x00000007 mstatus=0x[0-9a-f]+ ctx=irq01@@PORTOLAN-FAULT-END exit=70")

# The footprint configurations leave the CLINT settings to the board. The
# minimal kernel stays within 5 KB (the port's trap code is larger than a
# Cortex-M's: the register file is saved by software); the switch handler
# is the vector slot, the caller- and callee-saved registers, mepc and
# mstatus out and in, the msip clear, the TCB, the interrupt stack, mret.
portolan_add_footprint_checks(TEXT_MAX 5120 SWITCH_HANDLER 82
                              DEFINES ${PORTOLAN_BOARD_PORT_DEFINES})

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
