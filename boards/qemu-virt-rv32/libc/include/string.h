/*
 * string.h - the string functions of qemu-virt-rv32's freestanding images
 * (the RISC-V toolchain has no C library). Implemented in ../string.c.
 * The macros let the compiler expand small constant-size copies inline.
 */
#ifndef PORTOLAN_LIBC_STRING_H
#define PORTOLAN_LIBC_STRING_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strcpy(char *restrict dst, const char *restrict src);
char *strncpy(char *restrict dst, const char *restrict src, size_t n);

#ifndef PORTOLAN_LIBC_IMPLEMENTATION
#define memcpy(d, s, n) __builtin_memcpy((d), (s), (n))
#define memmove(d, s, n) __builtin_memmove((d), (s), (n))
#define memset(d, c, n) __builtin_memset((d), (c), (n))
#define memcmp(a, b, n) __builtin_memcmp((a), (b), (n))
#define strlen(s) __builtin_strlen(s)
#define strcmp(a, b) __builtin_strcmp((a), (b))
#endif /* PORTOLAN_LIBC_IMPLEMENTATION */

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* PORTOLAN_LIBC_STRING_H */
