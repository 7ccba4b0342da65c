/*
 * semihost.c - exit code and command line through ARM semihosting.
 */
#include <string.h>

#include "semihost.h"

void semihost_exit(int code)
{
    uint32_t block[2] = {SEMIHOST_APP_EXIT, (uint32_t)code};
    (void)semihost_call(SEMIHOST_SYS_EXIT_EXTENDED, block);
    for (;;) { /* no host attached: stay here */
        __asm volatile("wfi");
    }
}

/* The command line is "<image> <arguments>": the image name is dropped. */
const char *semihost_args(void)
{
    static char args[256];
    static int args_read;
    if (!args_read) {
        struct {
            char *buf;
            uint32_t len;
        } block = {args, sizeof args - 1U};
        args_read = 1;
        if (semihost_call(SEMIHOST_SYS_GET_CMDLINE, &block) != 0U || block.len >= sizeof args) {
            args[0] = '\0';
            return args;
        }
        args[block.len] = '\0';
        char *space = strchr(args, ' ');
        size_t skip = (space != NULL) ? (size_t)(space - args) + 1U : block.len;
        memmove(args, args + skip, block.len + 1U - skip);
    }
    return args;
}
