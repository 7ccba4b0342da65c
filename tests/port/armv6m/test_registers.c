/*
 * test_registers.c - ARMv6-M: every core register of a task survives heavy
 * switching. The test is the ARMv7-M one (equal-priority tasks run the
 * probe with their own patterns while the tick slices between them and the
 * test interrupts keep firing); only the probe differs (regcheck.S here).
 * ARMv6-M has no FPU (portHAS_FPU is 0): the FP test is ignored.
 */
#include "../armv7m/test_registers.c"
