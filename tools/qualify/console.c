/*
 * console.c - processes, serial lines and pseudo-terminals, read as lines.
 *
 * Every command runs as `sh -c` in its own process group, so a reboot can
 * end the whole tree (sh, QEMU or a flasher, and their children) at once.
 * Reads never block: one poll() loop waits on the board's console and, for
 * pty consoles, on the emulator's own output, with a deadline.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <regex.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "qualify.h"

#define EXIT_GRACE_S 2.0
#define POLL_SLICE_MS 100

/* ----- Processes ------------------------------------------------------------------ */

static void set_nonblocking(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) {
        (void)fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    }
}

static void child_exec(const char *command, int out[2], int in[2])
{
    (void)setpgid(0, 0);
    signal(SIGPIPE, SIG_DFL);
    int null = open("/dev/null", O_RDONLY);
    dup2(in[0] >= 0 ? in[0] : null, STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    dup2(out[1], STDERR_FILENO);
    execl("/bin/sh", "sh", "-c", command, (char *)NULL);
    _exit(127);
}

int proc_start(struct proc *p, const char *command, bool with_stdin, struct strbuf *err)
{
    int out[2] = {-1, -1};
    int in[2] = {-1, -1};
    memset(p, 0, sizeof *p);
    p->pid = -1;
    p->out_fd = -1;
    p->in_fd = -1;
    if (pipe2(out, O_CLOEXEC) != 0 || (with_stdin && pipe2(in, O_CLOEXEC) != 0)) {
        sb_addf(err, "pipe: %s", strerror(errno));
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        sb_addf(err, "fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        child_exec(command, out, in);
    }
    (void)setpgid(pid, pid);
    close(out[1]);
    if (in[0] >= 0) {
        close(in[0]);
    }
    p->pid = pid;
    p->out_fd = out[0];
    p->in_fd = in[1];
    set_nonblocking(p->out_fd);
    return 0;
}

static bool proc_reap(struct proc *p, bool block)
{
    if (p->pid <= 0 || p->exited) {
        return true;
    }
    int status = 0;
    pid_t r = waitpid(p->pid, &status, block ? 0 : WNOHANG);
    if (r == p->pid) {
        p->exited = true;
        p->status = status;
    }
    return p->exited;
}

static bool proc_wait_for(struct proc *p, double seconds)
{
    double end = now_s() + seconds;
    while (!proc_reap(p, false) && now_s() < end) {
        usleep(10000);
    }
    return p->exited;
}

void proc_stop(struct proc *p)
{
    if (p->pid > 0) {
        /* The leader may be gone while its children still run. */
        (void)kill(-p->pid, SIGTERM);
        if (!proc_wait_for(p, 1.0)) {
            (void)kill(-p->pid, SIGKILL);
            (void)proc_reap(p, true);
        }
        (void)kill(-p->pid, SIGKILL);
    }
    if (p->out_fd >= 0) {
        close(p->out_fd);
    }
    if (p->in_fd >= 0) {
        close(p->in_fd);
    }
    p->out_fd = -1;
    p->in_fd = -1;
    p->pid = -1;
}

static int status_code(int status)
{
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 255;
}

char *describe_status(int status)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) > 128 && WEXITSTATUS(status) < 128 + 65) {
        int sig = WEXITSTATUS(status) - 128;
        return xasprintf("exit status %d: killed by signal %d (%s)", WEXITSTATUS(status), sig,
                         strsignal(sig));
    }
    if (WIFEXITED(status)) {
        return xasprintf("exit status %d", WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return xasprintf("killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    }
    return xasprintf("wait status 0x%x", (unsigned)status);
}

/* Appends what is readable now; returns false at end of file. */
static bool drain_into(int fd, struct strbuf *log)
{
    char chunk[4096];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n > 0) {
            sb_addn(log, chunk, (size_t)n);
            continue;
        }
        return n < 0 && (errno == EAGAIN || errno == EINTR);
    }
}

int run_command(const char *command, double timeout_s, struct strbuf *log)
{
    struct proc p;
    struct strbuf err = {0};
    if (proc_start(&p, command, false, &err) != 0) {
        sb_addf(log, "qualify: cannot run the command: %s\n", sb_str(&err));
        sb_free(&err);
        return -1;
    }
    double end = now_s() + timeout_s;
    double exited_at = 0;
    bool open = true;
    /* A command may leave a daemon holding the pipe: stop reading soon
     * after the command itself has exited. */
    while (now_s() < end) {
        if (open) {
            struct pollfd pf = {.fd = p.out_fd, .events = POLLIN, .revents = 0};
            (void)poll(&pf, 1, POLL_SLICE_MS);
            open = drain_into(p.out_fd, log);
        } else {
            usleep(10000);
        }
        if (exited_at == 0 && proc_reap(&p, false)) {
            exited_at = now_s();
        }
        if (exited_at != 0 && (!open || now_s() > exited_at + 0.5)) {
            break;
        }
    }
    if (exited_at == 0) {
        sb_addf(log, "\nqualify: the command did not finish within %.0f s; stopped it\n",
                timeout_s);
        proc_stop(&p);
        return -1;
    }
    int code = status_code(p.status);
    p.pid = -1; /* reaped: leave alone any daemon it started */
    proc_stop(&p);
    return code;
}

/* ----- Terminals ---------------------------------------------------------------- */

static speed_t baud_constant(long baud)
{
    static const struct {
        long baud;
        speed_t code;
    } table[] = {{9600, B9600},     {19200, B19200},   {38400, B38400},   {57600, B57600},
                 {115200, B115200}, {230400, B230400}, {460800, B460800}, {921600, B921600}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i].baud == baud) {
            return table[i].code;
        }
    }
    return (speed_t)0;
}

int serial_open(const char *path, long baud, bool flush, struct strbuf *err)
{
    speed_t speed = baud_constant(baud);
    if (speed == (speed_t)0) {
        sb_addf(err, "unsupported baud rate %ld", baud);
        return -1;
    }
    int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        sb_addf(err, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    struct termios t;
    if (tcgetattr(fd, &t) != 0) {
        sb_addf(err, "%s is not a terminal: %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    cfmakeraw(&t);
    t.c_cflag &= ~(tcflag_t)(PARENB | CSTOPB | CSIZE | CRTSCTS);
    t.c_cflag |= CS8 | CLOCAL | CREAD;
    t.c_iflag &= ~(tcflag_t)(IXON | IXOFF | IXANY);
    /* VMIN 0 would make an empty read return 0, which looks like a hang-up;
     * with VMIN 1 and O_NONBLOCK it fails with EAGAIN instead. */
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    cfsetispeed(&t, speed);
    cfsetospeed(&t, speed);
    if (tcsetattr(fd, TCSANOW, &t) != 0) {
        sb_addf(err, "cannot configure %s (%ld 8N1): %s", path, baud, strerror(errno));
        close(fd);
        return -1;
    }
    if (flush) {
        (void)tcflush(fd, TCIFLUSH); /* what an earlier session left behind */
    }
    return fd;
}

/* ----- Lines ------------------------------------------------------------------------- */

static void queue_push(struct console *c, const char *s, size_t n, bool host, bool overlong)
{
    if (c->queued == c->queue_cap) {
        c->queue_cap = c->queue_cap ? c->queue_cap * 2U : 16U;
        c->queue = xrealloc(c->queue, c->queue_cap * sizeof c->queue[0]);
    }
    if (n > 0U && s[n - 1U] == '\r') {
        n--;
    }
    struct console_line *l = &c->queue[c->queued++];
    l->text = xstrndup(s, n);
    l->len = n;
    l->host = host;
    l->overlong = overlong;
    if (c->transcript != NULL) {
        char *shown = escape_controls(s, n);
        fprintf(c->transcript, "%s%s\n", host ? "[host] " : "", shown);
        free(shown);
    }
}

/* Moves complete lines from the reader to the queue; with `all`, the
 * unterminated rest too. */
static void split_lines(struct console *c, struct line_reader *rd, bool host, bool all)
{
    size_t start = 0;
    for (size_t i = 0; i < rd->len; i++) {
        if (rd->buf[i] == '\n') {
            queue_push(c, rd->buf + start, i - start, host, false);
            start = i + 1U;
        }
    }
    if (start == 0U && rd->len == sizeof rd->buf) {
        queue_push(c, rd->buf, rd->len, host, true);
        start = rd->len;
    }
    if (all && start < rd->len) {
        queue_push(c, rd->buf + start, rd->len - start, host, false);
        start = rd->len;
    }
    memmove(rd->buf, rd->buf + start, rd->len - start);
    rd->len -= start;
}

/* Reads what is available; marks the reader at end of file. */
static void fill(struct console *c, struct line_reader *rd, bool host)
{
    while (!rd->eof && rd->fd >= 0) {
        ssize_t n = read(rd->fd, rd->buf + rd->len, sizeof rd->buf - rd->len);
        if (n > 0) {
            rd->len += (size_t)n;
            split_lines(c, rd, host, false);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            return;
        }
        rd->eof = true; /* 0: end of file; EIO: the pty's other side closed */
        split_lines(c, rd, host, true);
    }
}

static bool console_has_process(const struct console *c)
{
    return c->type != CONSOLE_SERIAL && c->proc.pid > 0;
}

/* Decides whether the console is over: the process ended (after a grace
 * period to collect its last output), or a serial device went away. */
static void check_closed(struct console *c)
{
    if (console_has_process(c)) {
        if (c->rd.eof && c->type == CONSOLE_STDIO) {
            (void)proc_wait_for(&c->proc, EXIT_GRACE_S);
            c->closed = true;
        } else if (proc_reap(&c->proc, false)) {
            fill(c, &c->rd, false);
            fill(c, &c->host_rd, true);
            split_lines(c, &c->rd, false, true);
            split_lines(c, &c->host_rd, true, true);
            c->closed = true;
        }
    } else if (c->rd.eof) {
        c->closed = true;
    }
}

static void wait_readable(struct console *c, int ms)
{
    struct pollfd pf[2];
    nfds_t n = 0;
    if (!c->rd.eof && c->rd.fd >= 0) {
        pf[n++] = (struct pollfd){.fd = c->rd.fd, .events = POLLIN, .revents = 0};
    }
    if (!c->host_rd.eof && c->host_rd.fd >= 0) {
        pf[n++] = (struct pollfd){.fd = c->host_rd.fd, .events = POLLIN, .revents = 0};
    }
    if (n == 0U) {
        usleep((useconds_t)ms * 1000U);
        return;
    }
    (void)poll(pf, n, ms);
}

enum console_event console_next(struct console *c, double timeout_s, struct console_line *out)
{
    double end = now_s() + timeout_s;
    for (;;) {
        if (c->queued > 0U) {
            *out = c->queue[0];
            memmove(&c->queue[0], &c->queue[1], (c->queued - 1U) * sizeof c->queue[0]);
            c->queued--;
            return CE_LINE;
        }
        if (c->closed) {
            return CE_CLOSED;
        }
        double left = end - now_s();
        if (left <= 0) {
            return CE_TIMEOUT;
        }
        int ms = (left * 1000.0 < POLL_SLICE_MS) ? (int)(left * 1000.0) + 1 : POLL_SLICE_MS;
        wait_readable(c, ms);
        fill(c, &c->rd, false);
        fill(c, &c->host_rd, true);
        if (c->queued == 0U) {
            check_closed(c);
        }
    }
}

/* Reads the emulator's output until it names its pty. */
static char *find_pty_path(struct console *c, const char *pattern, double timeout_s,
                           struct strbuf *err)
{
    regex_t re;
    regmatch_t m[2];
    if (regcomp(&re, pattern, REG_EXTENDED) != 0) {
        sb_addf(err, "console.pattern is not a valid extended regular expression: %s", pattern);
        return NULL;
    }
    char *path = NULL;
    double end = now_s() + timeout_s;
    size_t seen = 0;
    while (path == NULL && !c->closed && now_s() < end) {
        for (; path == NULL && seen < c->queued; seen++) {
            if (regexec(&re, c->queue[seen].text, 2, m, 0) == 0 && m[1].rm_so >= 0) {
                path =
                    xstrndup(c->queue[seen].text + m[1].rm_so, (size_t)(m[1].rm_eo - m[1].rm_so));
            }
        }
        if (path == NULL) {
            wait_readable(c, POLL_SLICE_MS);
            fill(c, &c->host_rd, true);
            check_closed(c);
        }
    }
    regfree(&re);
    if (path == NULL) {
        sb_addf(err, "the run command did not name its pty (pattern '%s') within %.0f s%s", pattern,
                timeout_s, c->closed ? "; it exited" : "");
    }
    return path;
}

void console_init(struct console *c, enum console_type type, FILE *transcript)
{
    memset(c, 0, sizeof *c);
    c->type = type;
    c->proc.pid = -1;
    c->proc.out_fd = -1;
    c->proc.in_fd = -1;
    c->tty = -1;
    c->rd.fd = -1;
    c->host_rd.fd = -1;
    c->transcript = transcript;
}

int console_open(struct console *c, enum console_type type, const char *command, const char *device,
                 long baud, const char *pattern, double timeout_s, FILE *transcript,
                 struct strbuf *err)
{
    console_init(c, type, transcript);
    if (type == CONSOLE_SERIAL) {
        c->tty = serial_open(device, baud, true, err);
        c->rd.fd = c->tty;
        return c->tty >= 0 ? 0 : -1;
    }
    if (proc_start(&c->proc, command, type == CONSOLE_STDIO, err) != 0) {
        return -1;
    }
    if (type == CONSOLE_STDIO) {
        c->rd.fd = c->proc.out_fd;
        return 0;
    }
    c->host_rd.fd = c->proc.out_fd;
    char *path = find_pty_path(c, pattern, timeout_s, err);
    if (path != NULL) {
        c->tty = serial_open(path, baud, false, err);
        c->rd.fd = c->tty;
        free(path);
    }
    return c->tty >= 0 ? 0 : -1;
}

int console_send(struct console *c, const char *text)
{
    int fd = (c->type == CONSOLE_STDIO) ? c->proc.in_fd : c->tty;
    size_t len = strlen(text);
    while (fd >= 0 && len > 0U) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
            usleep(1000);
            continue;
        }
        if (n <= 0) {
            return -1;
        }
        text += n;
        len -= (size_t)n;
    }
    return fd >= 0 ? 0 : -1;
}

void console_close(struct console *c)
{
    proc_stop(&c->proc);
    if (c->tty >= 0) {
        close(c->tty);
    }
    for (size_t i = 0; i < c->queued; i++) {
        free(c->queue[i].text);
    }
    free(c->queue);
    console_init(c, c->type, c->transcript);
}
