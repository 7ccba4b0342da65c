/*
 * crt.h - the C run-time set-up of the Cortex-M boards' reset handlers,
 * from the symbols of the shared section layout (mps2-sections.ld).
 * Context: reset, before main(), on the main stack.
 */
#ifndef ARM_CRT_H
#define ARM_CRT_H

/* Copies .data from flash to RAM and clears .bss. */
void crt_init_memory(void);

/* Runs the constructors of .init_array. */
void crt_run_constructors(void);

#endif /* ARM_CRT_H */
