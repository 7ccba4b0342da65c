/*
 * string.c - the string functions of qemu-virt-rv32's freestanding images.
 * Small and straightforward; copies and fills go a word at a time when
 * both sides are word-aligned, copies four words per round. Compiled with
 * -fno-tree-loop-distribute-patterns (board.cmake) so that GCC does not
 * turn these loops back into calls to themselves.
 */
#define PORTOLAN_LIBC_IMPLEMENTATION 1
#include <stdint.h>
#include <string.h>

#define WORD sizeof(uint32_t)
#define ALIGNED(a, b) ((((uintptr_t)(a) | (uintptr_t)(b)) & (WORD - 1U)) == 0U)

/* Four words per round when both sides are aligned (queue items are);
 * the loops run to end pointers, which keeps short copies short. */
void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (ALIGNED(d, s)) {
        uint32_t *dw = (uint32_t *)(void *)d;
        const uint32_t *sw = (const uint32_t *)(const void *)s;
        uint32_t *const end4 = dw + (n / 16U) * 4U;
        uint32_t *const end1 = dw + n / WORD;
        while (dw != end4) {
            const uint32_t a = sw[0];
            const uint32_t b = sw[1];
            const uint32_t c = sw[2];
            const uint32_t e = sw[3];
            dw[0] = a;
            dw[1] = b;
            dw[2] = c;
            dw[3] = e;
            dw += 4;
            sw += 4;
        }
        while (dw != end1) {
            *dw++ = *sw++;
        }
        d = (uint8_t *)dw;
        s = (const uint8_t *)sw;
        n &= WORD - 1U;
    }
    while (n-- > 0U) {
        *d++ = *s++;
    }
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (d <= s || d >= s + n) {
        return memcpy(dst, src, n);
    }
    while (n-- > 0U) {
        d[n] = s[n];
    }
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    uint8_t *d = dst;
    const uint32_t word = (uint8_t)c * 0x01010101UL;
    if (ALIGNED(d, 0)) {
        for (; n >= WORD; n -= WORD, d += WORD) {
            *(uint32_t *)(void *)d = word;
        }
    }
    while (n-- > 0U) {
        *d++ = (uint8_t)c;
    }
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *x = a;
    const uint8_t *y = b;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i]) {
            return (int)x[i] - (int)y[i];
        }
    }
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    return n;
}

size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n] != '\0') {
        n++;
    }
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n > 0U; n--, a++, b++) {
        if (*a != *b || *a == '\0') {
            return (int)(unsigned char)*a - (int)(unsigned char)*b;
        }
    }
    return 0;
}

char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c) {
            return (char *)(uintptr_t)s;
        }
        if (*s == '\0') {
            return NULL;
        }
    }
}

char *strstr(const char *haystack, const char *needle)
{
    const size_t n = strlen(needle);
    for (; *haystack != '\0'; haystack++) {
        if (strncmp(haystack, needle, n) == 0) {
            return (char *)(uintptr_t)haystack;
        }
    }
    return (n == 0U) ? (char *)(uintptr_t)haystack : NULL;
}

char *strcpy(char *restrict dst, const char *restrict src)
{
    char *d = dst;
    while ((*d++ = *src++) != '\0') {
    }
    return dst;
}

char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i] != '\0'; i++) {
        dst[i] = src[i];
    }
    for (; i < n; i++) {
        dst[i] = '\0';
    }
    return dst;
}
