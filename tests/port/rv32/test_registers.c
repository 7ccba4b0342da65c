/*
 * test_registers.c - RV32: every register of a task survives heavy
 * switching. The test is the ARMv7-M one (equal-priority tasks run the
 * probe with their own patterns while the tick slices between them and the
 * test interrupts keep firing); only the probe differs (regcheck.S here:
 * ra, t0-t6, a1-a7, s0-s11). RV32IMAC has no FPU (portHAS_FPU is 0): the
 * FP test is ignored. test_nesting.c adds what only a software-saved trap
 * frame needs: handlers that overwrite every caller-saved register, nested.
 */
#include "../armv7m/test_registers.c"
