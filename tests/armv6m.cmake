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
