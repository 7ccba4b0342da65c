/*
 * syscalls.c - the system calls newlib needs, so that printf() and friends
 * work: stdout and stderr go to the board console, malloc() takes memory
 * between the end of .bss and the main stack, exit() ends the run through
 * semihosting.
 *
 * newlib keeps per-thread state that Portolan does not switch
 * (configUSE_NEWLIB_REENTRANT is unsupported): call printf() from one task
 * at a time, or print through board_console_write().
 */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>

#include "FreeRTOS.h"
#include "board.h"

extern char __heap_start[], __heap_end[];

/* newlib's names; declared here since newlib's headers do not. */
int _write(int fd, const char *buf, int len);
int _read(int fd, char *buf, int len);
void *_sbrk(ptrdiff_t incr);
int _close(int fd);
int _fstat(int fd, struct stat *st);
int _isatty(int fd);
int _lseek(int fd, int offset, int whence);
void _exit(int code);
int _kill(int pid, int sig);
int _getpid(void);

int _write(int fd, const char *buf, int len)
{
    if (fd != 1 && fd != 2) {
        errno = EBADF;
        return -1;
    }
    board_console_write(buf, (size_t)len);
    return len;
}

int _read(int fd, char *buf, int len)
{
    int n = 0;
    if (fd != 0) {
        errno = EBADF;
        return -1;
    }
    while (n < len) {
        int c = board_console_read();
        if (c < 0) {
            break;
        }
        buf[n++] = (char)c;
    }
    return n;
}

void *_sbrk(ptrdiff_t incr)
{
    static char *brk = __heap_start;
    if (incr > __heap_end - brk || incr < __heap_start - brk) {
        errno = ENOMEM;
        return (void *)-1;
    }
    char *old = brk;
    brk += incr;
    return old;
}

int _close(int fd)
{
    (void)fd;
    return -1;
}

int _fstat(int fd, struct stat *st)
{
    (void)fd;
    st->st_mode = S_IFCHR;
    return 0;
}

int _isatty(int fd)
{
    return (fd >= 0 && fd <= 2) ? 1 : 0;
}

int _lseek(int fd, int offset, int whence)
{
    (void)fd;
    (void)offset;
    (void)whence;
    return 0;
}

void _exit(int code)
{
    board_exit(code);
}

int _kill(int pid, int sig)
{
    (void)pid;
    (void)sig;
    errno = EINVAL;
    return -1;
}

int _getpid(void)
{
    return 1;
}
