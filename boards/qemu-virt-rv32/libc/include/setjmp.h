/*
 * setjmp.h - setjmp/longjmp for qemu-virt-rv32's freestanding images
 * (../setjmp.S): the buffer holds ra, sp and s0-s11, the registers a call
 * must preserve under the ilp32 ABI (no floating point).
 */
#ifndef PORTOLAN_LIBC_SETJMP_H
#define PORTOLAN_LIBC_SETJMP_H

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

typedef unsigned long jmp_buf[14];

int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* PORTOLAN_LIBC_SETJMP_H */
