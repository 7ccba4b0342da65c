/*
 * board.c - the simulator "board": console on stdout/stdin, exit code to
 * the shell, test interrupts on simulated lines, and a PORTOLAN-FAULT dump
 * on fatal signals like the hardware boards print on a fault.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "FreeRTOS.h"
#include "task.h"
#include "board.h"
#include "sim.h"

/* Simulated lines and priorities of the test interrupts. */
static const unsigned test_line[BOARD_TEST_IRQ_COUNT] = {1U, 2U, 3U};
static const unsigned test_prio[BOARD_TEST_IRQ_COUNT] = {configKERNEL_INTERRUPT_PRIORITY + 2U,
                                                         configMAX_SYSCALL_INTERRUPT_PRIORITY,
                                                         configMAX_SYSCALL_INTERRUPT_PRIORITY + 2U};
static board_irq_handler_t test_handler[BOARD_TEST_IRQ_COUNT];
static char args[512];

static int console_is_terminal;

/* Formats `v` in hex into buf (at least 19 bytes); async-signal-safe. */
static size_t hex_of(uintptr_t v, char *buf)
{
    static const char digits[] = "0123456789abcdef";
    size_t n = 0;
    buf[n++] = '0';
    buf[n++] = 'x';
    for (int shift = (int)(sizeof v * 8U) - 4; shift >= 0; shift -= 4) {
        buf[n++] = digits[(v >> shift) & 0xFU];
    }
    return n;
}

static void fault_write(const char *s)
{
    (void)!write(STDOUT_FILENO, s, strlen(s));
}

static void on_fault(int sig, siginfo_t *info, void *uc)
{
    (void)uc;
    char addr[24];
    addr[hex_of((uintptr_t)info->si_addr, addr)] = '\0';
    fault_write("\nPORTOLAN-FAULT signal ");
    fault_write(strsignal(sig));
    fault_write("\n  addr=");
    fault_write(addr);
    fault_write("\nPORTOLAN-FAULT-END\n");
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Sanitizers install their own, more detailed, handlers. */
#if defined(__SANITIZE_ADDRESS__)
#define BOARD_SANITIZED 1
#else
#define BOARD_SANITIZED 0
#endif /* __SANITIZE_ADDRESS__ */

static void install_fault_handlers(void)
{
    static char alt_stack[64 * 1024];
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE};
    if (BOARD_SANITIZED) {
        return;
    }
    stack_t ss = {.ss_sp = alt_stack, .ss_size = sizeof alt_stack, .ss_flags = 0};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    (void)sigaltstack(&ss, NULL);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        (void)sigaction(sigs[i], &sa, NULL);
    }
}

void board_init(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    install_fault_handlers();
    console_is_terminal = isatty(STDIN_FILENO);
    int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        char raw[sizeof args];
        ssize_t n = read(fd, raw, sizeof raw - 1U);
        close(fd);
        /* argv[0] NUL argv[1] NUL ...: keep argv[1..] joined by spaces. */
        size_t start = (n > 0) ? strnlen(raw, (size_t)n) + 1U : 0U;
        size_t len = 0;
        for (size_t i = start; n > 0 && i < (size_t)n && len + 1U < sizeof args; i++) {
            args[len++] = (raw[i] == '\0') ? ' ' : raw[i];
        }
        while (len > 0U && args[len - 1U] == ' ') {
            len--;
        }
        args[len] = '\0';
    }
}

void board_console_write(const char *buf, size_t len)
{
    while (len > 0U) {
        ssize_t n = write(STDOUT_FILENO, buf, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        buf += n;
        len -= (size_t)n;
    }
}

int board_console_read(void)
{
    /* A terminal stands for a UART: a byte takes real time to arrive. */
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN, .revents = 0};
    if (poll(&p, 1, console_is_terminal ? 1 : 0) <= 0 || (p.revents & POLLIN) == 0) {
        return -1;
    }
    unsigned char c;
    return (read(STDIN_FILENO, &c, 1) == 1) ? (int)c : -1;
}

void board_exit(int code)
{
    sim_exit(code);
}

const char *board_name(void)
{
    return "posix";
}

const char *board_args(void)
{
    return args;
}

static void test_irq_0(void)
{
    if (test_handler[0] != NULL) {
        test_handler[0]();
    }
}

static void test_irq_1(void)
{
    if (test_handler[1] != NULL) {
        test_handler[1]();
    }
}

static void test_irq_2(void)
{
    if (test_handler[2] != NULL) {
        test_handler[2]();
    }
}

void board_test_irq_set_handler(enum board_test_irq irq, board_irq_handler_t handler)
{
    static const sim_irq_handler_t trampolines[BOARD_TEST_IRQ_COUNT] = {test_irq_0, test_irq_1,
                                                                        test_irq_2};
    if ((unsigned)irq >= BOARD_TEST_IRQ_COUNT) {
        return;
    }
    test_handler[irq] = handler;
    sim_irq_connect(test_line[irq], test_prio[irq], trampolines[irq]);
}

void board_test_irq_trigger(enum board_test_irq irq)
{
    if ((unsigned)irq < BOARD_TEST_IRQ_COUNT) {
        sim_irq_raise(test_line[irq]);
    }
}

void board_test_irq_trigger_after(enum board_test_irq irq, uint32_t ticks)
{
    if ((unsigned)irq >= BOARD_TEST_IRQ_COUNT) {
        return;
    }
    if (ticks == 0U) {
        sim_irq_cancel(test_line[irq]);
    } else {
        sim_irq_raise_at_tick(test_line[irq], (uint64_t)xTaskGetTickCount() + ticks);
    }
}

void board_burn_cpu(uint32_t us)
{
    sim_burn((uint64_t)us * 1000U);
}
