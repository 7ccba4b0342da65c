/*
 * util.c - small helpers: allocation that cannot fail silently, growable
 * strings and lists, files, time, shell quoting and the sources hash.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "qualify.h"

static void out_of_memory(void)
{
    fputs("qualify: out of memory\n", stderr);
    exit(QX_ENVIRONMENT);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1U);
    if (p == NULL) {
        out_of_memory();
    }
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1U, size ? size : 1U);
    if (p == NULL) {
        out_of_memory();
    }
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1U);
    if (q == NULL) {
        out_of_memory();
    }
    return q;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1U);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    struct strbuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    return b.s != NULL ? b.s : xstrdup("");
}

/* ----- strbuf ----------------------------------------------------------------- */

static void sb_grow(struct strbuf *b, size_t extra)
{
    if (b->len + extra + 1U > b->cap) {
        size_t cap = b->cap ? b->cap * 2U : 64U;
        while (cap < b->len + extra + 1U) {
            cap *= 2U;
        }
        b->s = xrealloc(b->s, cap);
        b->cap = cap;
    }
}

void sb_addn(struct strbuf *b, const char *s, size_t n)
{
    sb_grow(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_add(struct strbuf *b, const char *s)
{
    sb_addn(b, s, strlen(s));
}

void sb_vaddf(struct strbuf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0) {
        return;
    }
    sb_grow(b, (size_t)n);
    (void)vsnprintf(b->s + b->len, (size_t)n + 1U, fmt, ap);
    b->len += (size_t)n;
}

void sb_addf(struct strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(b, fmt, ap);
    va_end(ap);
}

const char *sb_str(const struct strbuf *b)
{
    return b->s != NULL ? b->s : "";
}

void sb_reset(struct strbuf *b)
{
    b->len = 0;
    if (b->s != NULL) {
        b->s[0] = '\0';
    }
}

void sb_free(struct strbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = 0;
    b->cap = 0;
}

/* ----- strlist ------------------------------------------------------------------ */

void sl_add(struct strlist *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2U : 8U;
        l->v = xrealloc(l->v, l->cap * sizeof l->v[0]);
    }
    l->v[l->n++] = xstrdup(s);
}

int sl_find(const struct strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(l->v[i], s) == 0) {
            return (int)i;
        }
    }
    return -1;
}

void sl_free(struct strlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i]);
    }
    free(l->v);
    l->v = NULL;
    l->n = 0;
    l->cap = 0;
}

void sl_split_commas(struct strlist *l, const char *s)
{
    while (*s != '\0') {
        const char *end = strchr(s, ',');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        if (n > 0U) {
            char *item = xstrndup(s, n);
            sl_add(l, item);
            free(item);
        }
        s += n + (end ? 1U : 0U);
    }
}

/* ----- Files and time -------------------------------------------------------------- */

double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    struct strbuf b = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0U) {
        sb_addn(&b, chunk, n);
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        sb_free(&b);
        errno = EIO;
        return NULL;
    }
    if (len != NULL) {
        *len = b.len;
    }
    return b.s != NULL ? b.s : xstrdup("");
}

int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        return -1;
    }
    size_t n = fwrite(data, 1, len, f);
    int bad = (n != len) | (fclose(f) != 0);
    return bad ? -1 : 0;
}

int mkdir_p(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s != '\0'; s++) {
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    }
    int rc = (mkdir(p, 0755) != 0 && errno != EEXIST) ? -1 : 0;
    free(p);
    return rc;
}

char *shell_quote(const char *s)
{
    struct strbuf b = {0};
    sb_add(&b, "'");
    for (; *s != '\0'; s++) {
        if (*s == '\'') {
            sb_add(&b, "'\\''");
        } else {
            sb_addn(&b, s, 1);
        }
    }
    sb_add(&b, "'");
    return b.s;
}

const char *tail_lines(const char *text, size_t max_lines)
{
    size_t len = strlen(text);
    size_t seen = 0;
    /* A final newline does not start another line. */
    size_t i = (len > 0U && text[len - 1U] == '\n') ? len - 1U : len;
    while (i > 0U) {
        if (text[i - 1U] == '\n' && ++seen == max_lines) {
            return text + i;
        }
        i--;
    }
    return text;
}

int sources_hash(const char *root, const struct strlist *files, char out[17], struct strbuf *err)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int dlen = 0;
    int rc = (ctx != NULL && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1) ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < files->n; i++) {
        char *path = xasprintf("%s/%s", root, files->v[i]);
        size_t len = 0;
        char *data = read_file(path, &len);
        if (data == NULL) {
            sb_addf(err, "cannot read %s: %s", path, strerror(errno));
            rc = -1;
        } else if (EVP_DigestUpdate(ctx, data, len) != 1) {
            rc = -1;
        }
        free(data);
        free(path);
    }
    if (rc == 0 && EVP_DigestFinal_ex(ctx, digest, &dlen) == 1 && dlen >= 8U) {
        for (unsigned i = 0; i < 8U; i++) {
            snprintf(out + 2U * i, 3, "%02x", digest[i]);
        }
    } else if (rc == 0) {
        sb_add(err, "SHA-256 failed");
        rc = -1;
    }
    EVP_MD_CTX_free(ctx);
    return rc;
}

/* Length of the valid UTF-8 sequence at s, or 0 (RFC 3629). */
static size_t utf8_length(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    size_t n = (c < 0x80U)                  ? 1U
               : (c >= 0xc2U && c <= 0xdfU) ? 2U
               : (c >= 0xe0U && c <= 0xefU) ? 3U
               : (c >= 0xf0U && c <= 0xf4U) ? 4U
                                            : 0U;
    if (n == 0U || n > left) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0U) != 0x80U) {
            return 0;
        }
    }
    /* Overlong forms, surrogates, and beyond U+10FFFF. */
    if ((c == 0xe0U && s[1] < 0xa0U) || (c == 0xedU && s[1] > 0x9fU) ||
        (c == 0xf0U && s[1] < 0x90U) || (c == 0xf4U && s[1] > 0x8fU)) {
        return 0;
    }
    return n;
}

static bool is_control(unsigned char c)
{
    return (c < 0x20U && c != '\t') || c == 0x7fU;
}

bool has_control_bytes(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_length(u + i, len - i);
        if (n == 0U || (n == 1U && is_control(u[i]))) {
            return true;
        }
        i += n;
    }
    return false;
}

char *escape_controls(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    struct strbuf b = {0};
    for (size_t i = 0; i < len;) {
        size_t n = utf8_length(u + i, len - i);
        if (n == 0U || (n == 1U && is_control(u[i]))) {
            sb_addf(&b, "\\x%02x", u[i]);
            i++;
        } else {
            sb_addn(&b, s + i, n);
            i += n;
        }
    }
    return b.s != NULL ? b.s : xstrdup("");
}
