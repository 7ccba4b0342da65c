/*
 * pty_board.c - runs a program with its console on a pseudo-terminal, so
 * that a simulator image behaves like a board on a serial port.
 *
 *   pty-board [--link PATH] [--pidfile FILE] [--background] [--log FILE] -- CMD [ARG...]
 *
 * The program gets the pty's controller side as stdin/stdout/stderr; the
 * other side (/dev/pts/N) is what a host opens, exactly like the device a
 * USB-serial adapter gives. Announces "char device redirected to /dev/pts/N"
 * on stderr (QEMU's wording for -serial pty), and with --link also makes
 * PATH a symlink to it.
 *
 * --background detaches (a "flash command" that returns once the board
 * runs); --pidfile first stops the instance recorded there (a "reset"),
 * then records this one. Without --background, waits for the program and
 * exits with its status (128+signal when killed).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

struct opts {
    const char *link;
    const char *pidfile;
    const char *log;
    bool background;
    char **cmd;
};

static void die(const char *what)
{
    fprintf(stderr, "pty-board: %s: %s\n", what, strerror(errno));
    exit(125);
}

static int parse(int argc, char **argv, struct opts *o)
{
    memset(o, 0, sizeof *o);
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--background") == 0) {
            o->background = true;
        } else if (i + 1 < argc && strcmp(argv[i], "--link") == 0) {
            o->link = argv[++i];
        } else if (i + 1 < argc && strcmp(argv[i], "--pidfile") == 0) {
            o->pidfile = argv[++i];
        } else if (i + 1 < argc && strcmp(argv[i], "--log") == 0) {
            o->log = argv[++i];
        } else {
            return -1;
        }
    }
    if (i + 1 >= argc) {
        return -1;
    }
    o->cmd = &argv[i + 1];
    return 0;
}

/* Stops the instance a pidfile names (its whole session). */
static void stop_previous(const char *pidfile)
{
    FILE *f = fopen(pidfile, "r");
    long pid = 0;
    if (f == NULL) {
        return;
    }
    if (fscanf(f, "%ld", &pid) == 1 && pid > 1) {
        if (kill((pid_t)-pid, SIGKILL) != 0) {
            (void)kill((pid_t)pid, SIGKILL);
        }
        for (int i = 0; i < 100 && kill((pid_t)pid, 0) == 0; i++) {
            usleep(10000);
        }
    }
    fclose(f);
    unlink(pidfile);
}

static void write_pidfile(const char *pidfile)
{
    FILE *f = fopen(pidfile, "w");
    if (f == NULL) {
        die(pidfile);
    }
    fprintf(f, "%ld\n", (long)getpid());
    fclose(f);
}

/* Opens the pair; the terminal side is kept open and raw, so that output
 * waits in it until a host reads, and nothing is echoed back. */
static int open_pty(int *terminal, char *name, size_t size)
{
    int controller = posix_openpt(O_RDWR | O_NOCTTY);
    if (controller < 0 || grantpt(controller) != 0 || unlockpt(controller) != 0 ||
        ptsname_r(controller, name, size) != 0) {
        die("cannot create a pseudo-terminal");
    }
    *terminal = open(name, O_RDWR | O_NOCTTY);
    struct termios t;
    if (*terminal < 0 || tcgetattr(*terminal, &t) != 0) {
        die(name);
    }
    cfmakeraw(&t);
    cfsetispeed(&t, B115200);
    cfsetospeed(&t, B115200);
    (void)tcsetattr(*terminal, TCSANOW, &t);
    return controller;
}

static void make_link(const char *link, const char *target)
{
    char *tmp = NULL;
    if (asprintf(&tmp, "%s.tmp%ld", link, (long)getpid()) < 0) {
        die("asprintf");
    }
    unlink(tmp);
    if (symlink(target, tmp) != 0 || rename(tmp, link) != 0) {
        die(link);
    }
    free(tmp);
}

static int run_program(char **cmd, int controller, int terminal)
{
    pid_t pid = fork();
    if (pid < 0) {
        die("fork");
    }
    if (pid == 0) {
        close(terminal);
        dup2(controller, STDIN_FILENO);
        dup2(controller, STDOUT_FILENO);
        dup2(controller, STDERR_FILENO);
        close(controller);
        execvp(cmd[0], cmd);
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    /* Closing the controller side hangs the terminal up and drops what the
     * host has not read yet (the program's last lines): wait for the host
     * to drain it, as a UART's last bytes reach the wire after the CPU
     * halts. Bytes move to the terminal side asynchronously, so an empty
     * queue counts only when seen empty twice, 20 ms apart. */
    int unread = 0;
    int empty = 0;
    for (int i = 0; i < 300 && empty < 2; i++) {
        usleep(20000);
        empty = (ioctl(terminal, FIONREAD, &unread) == 0 && unread == 0) ? empty + 1 : 0;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void detach(const struct opts *o)
{
    pid_t pid = fork();
    if (pid < 0) {
        die("fork");
    }
    if (pid > 0) {
        _exit(0); /* the "flash" is done: the board runs */
    }
    (void)setsid();
    int out = open(o->log ? o->log : "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0644);
    int in = open("/dev/null", O_RDONLY);
    if (out < 0 || in < 0) {
        die("cannot redirect the daemon's output");
    }
    dup2(in, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    close(in);
    close(out);
}

int main(int argc, char **argv)
{
    struct opts o;
    char name[128];
    int terminal;
    if (parse(argc, argv, &o) != 0) {
        fprintf(stderr, "usage: pty-board [--link PATH] [--pidfile FILE] [--background] "
                        "[--log FILE] -- CMD [ARG...]\n");
        return 125;
    }
    if (o.pidfile != NULL) {
        stop_previous(o.pidfile);
    }
    int controller = open_pty(&terminal, name, sizeof name);
    if (o.link != NULL) {
        make_link(o.link, name);
    }
    fprintf(stderr, "char device redirected to %s (label pty-board)\n", name);
    fflush(stderr);
    if (o.background) {
        detach(&o);
    }
    if (o.pidfile != NULL) {
        write_pidfile(o.pidfile);
    }
    return run_program(o.cmd, controller, terminal);
}
