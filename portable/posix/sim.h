/*
 * sim.h - controls of the POSIX simulator: virtual time and interrupts.
 *
 * Virtual time advances only (a) when every task is blocked, jumping to the
 * next event (tick or scheduled interrupt), and (b) when a task calls
 * sim_burn() to stand for computation. The same program therefore produces
 * the same schedule on every run. In real-time mode the tick follows the
 * host clock instead and a CPU-bound task is preempted by SIGALRM.
 */
#ifndef PORTOLAN_SIM_H
#define PORTOLAN_SIM_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

#define SIM_IRQ_COUNT 16U
#define SIM_IRQ_TICK 0U /* line 0 is the kernel tick */

typedef void (*sim_irq_handler_t)(void);

/* Installs the handler of a line (1..SIM_IRQ_COUNT-1) at a priority
 * (portSIM_PRIORITY_LOWEST..portSIM_PRIORITY_HIGHEST). Context: any. */
void sim_irq_connect(unsigned line, unsigned priority, sim_irq_handler_t handler);

/* Makes a line pending. Its handler runs as soon as its priority is above
 * the interrupt mask and the running ISR: immediately when raised from an
 * unmasked task, after the critical section otherwise. Context: any. */
void sim_irq_raise(unsigned line);

/* Schedules a line to become pending when the tick count reaches `tick`
 * (virtual time only). A line has at most one scheduled time. */
void sim_irq_raise_at_tick(unsigned line, uint64_t tick);

/* Cancels a scheduled raise. */
void sim_irq_cancel(unsigned line);

/* Stands for `ns` nanoseconds of computation by the running task: virtual
 * time moves on and due interrupts (the tick included) are taken, which may
 * preempt the caller. In real-time mode it spins for that long. */
void sim_burn(uint64_t ns);

/* Virtual (or, in real-time mode, elapsed host) nanoseconds since start. */
uint64_t sim_now_ns(void);

/* True in real-time mode. */
bool sim_is_real_time(void);

/* Exits the host process with `code` after flushing the trace. */
void sim_exit(int code) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* PORTOLAN_SIM_H */
