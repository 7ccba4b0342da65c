/*
 * board.c - the simulator "board": console on stdout, exit code to the
 * shell, test interrupts on simulated lines.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
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

void board_init(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
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
    return -1;
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
