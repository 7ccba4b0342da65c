/*
 * ptest_format.c - a small freestanding snprintf for the test framework,
 * so that test images need no C library formatting (RISC-V has none here).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "ptest.h"

struct out {
    char *buf;
    size_t size;
    size_t len;
};

static void put(struct out *o, char c)
{
    if (o->len + 1U < o->size) {
        o->buf[o->len] = c;
    }
    o->len++;
}

static void put_padded(struct out *o, const char *s, size_t n, int width, int left, char pad)
{
    int fill = (width > (int)n) ? width - (int)n : 0;
    if (!left) {
        /* A '0' pad goes after the sign. */
        if (pad == '0' && n > 0U && s[0] == '-') {
            put(o, '-');
            s++;
            n--;
        }
        while (fill-- > 0) {
            put(o, pad);
        }
    }
    for (size_t i = 0; i < n; i++) {
        put(o, s[i]);
    }
    while (left && fill-- > 0) {
        put(o, ' ');
    }
}

static size_t utoa(unsigned long long v, unsigned base, int upper, char *tmp)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char rev[24];
    size_t n = 0;
    do {
        rev[n++] = digits[v % base];
        v /= base;
    } while (v != 0U);
    for (size_t i = 0; i < n; i++) {
        tmp[i] = rev[n - 1U - i];
    }
    return n;
}

/* Reads the integer argument of a conversion with its length modifier. */
static unsigned long long take_unsigned(va_list *ap, int lng)
{
    if (lng >= 2) {
        return va_arg(*ap, unsigned long long);
    }
    if (lng == 1) {
        return va_arg(*ap, unsigned long);
    }
    return va_arg(*ap, unsigned int);
}

static long long take_signed(va_list *ap, int lng)
{
    if (lng >= 2) {
        return va_arg(*ap, long long);
    }
    if (lng == 1) {
        return va_arg(*ap, long);
    }
    return va_arg(*ap, int);
}

static void convert(struct out *o, char conv, int lng, int width, int left, char pad, va_list *ap)
{
    char tmp[32];
    size_t n;
    switch (conv) {
    case 'd':
    case 'i': {
        long long v = take_signed(ap, lng);
        unsigned long long u =
            (v < 0) ? (unsigned long long)(-(v + 1)) + 1U : (unsigned long long)v;
        tmp[0] = '-';
        n = utoa(u, 10, 0, tmp + (v < 0 ? 1 : 0)) + (v < 0 ? 1U : 0U);
        put_padded(o, tmp, n, width, left, pad);
        break;
    }
    case 'u':
    case 'x':
    case 'X':
        n = utoa(take_unsigned(ap, lng), conv == 'u' ? 10U : 16U, conv == 'X', tmp);
        put_padded(o, tmp, n, width, left, pad);
        break;
    case 'p':
        tmp[0] = '0';
        tmp[1] = 'x';
        n = utoa((uintptr_t)va_arg(*ap, void *), 16U, 0, tmp + 2) + 2U;
        put_padded(o, tmp, n, width, left, pad);
        break;
    case 's': {
        const char *s = va_arg(*ap, const char *);
        if (s == NULL) {
            s = "(null)";
        }
        size_t len = 0;
        while (s[len] != '\0') {
            len++;
        }
        put_padded(o, s, len, width, left, ' ');
        break;
    }
    case 'c':
        tmp[0] = (char)va_arg(*ap, int);
        put_padded(o, tmp, 1, width, left, ' ');
        break;
    default:
        put(o, '%');
        put(o, conv);
        break;
    }
}

int ptest_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = {buf, size, 0};
    va_list args;
    va_copy(args, ap);
    for (const char *p = fmt; *p != '\0'; p++) {
        if (*p != '%') {
            put(&o, *p);
            continue;
        }
        p++;
        int left = 0;
        char pad = ' ';
        int width = 0;
        int lng = 0;
        for (; *p == '-' || *p == '0'; p++) {
            if (*p == '-') {
                left = 1;
            } else {
                pad = '0';
            }
        }
        for (; *p >= '0' && *p <= '9'; p++) {
            width = width * 10 + (*p - '0');
        }
        for (; *p == 'l' || *p == 'z'; p++) {
            lng += (*p == 'z') ? (sizeof(size_t) > sizeof(int) ? 1 : 0) : 1;
        }
        if (*p == '\0') {
            break;
        }
        if (*p == '%') {
            put(&o, '%');
            continue;
        }
        convert(&o, *p, lng, width, left, pad, &args);
    }
    va_end(args);
    if (size > 0U) {
        buf[(o.len < size) ? o.len : size - 1U] = '\0';
    }
    return (int)o.len;
}

int ptest_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = ptest_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
