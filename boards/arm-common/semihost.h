/*
 * semihost.h - ARM semihosting for the emulated Cortex-M boards: the exit
 * code to the host and the command line (ARM semihosting specification,
 * v2). QEMU implements it with -semihosting-config enable=on.
 *
 * Calls are BKPT 0xAB and must run privileged (thread mode of a Portolan
 * task is). Without a debugger or emulator attached, BKPT halts or faults.
 */
#ifndef ARM_SEMIHOST_H
#define ARM_SEMIHOST_H

#include <stdint.h>

#define SEMIHOST_SYS_GET_CMDLINE 0x15U
#define SEMIHOST_SYS_EXIT_EXTENDED 0x20U
#define SEMIHOST_APP_EXIT 0x20026U /* ADP_Stopped_ApplicationExit */

/* Performs semihosting operation `op` with argument block `arg`; returns
 * r0. Context: privileged. */
static inline uint32_t semihost_call(uint32_t op, void *arg)
{
    register uint32_t r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = arg;
    __asm volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

/* Ends the run with `code` as the host's exit status (SYS_EXIT_EXTENDED:
 * any code, not only 0 and 1); waits for interrupts forever if no host
 * answers. */
void semihost_exit(int code) __attribute__((noreturn));

/* The host's command line without its first word (the image name), read
 * once and kept: "group=Port test=x". Empty when there is none. */
const char *semihost_args(void);

#endif /* ARM_SEMIHOST_H */
