/*
 * insncount.c - QEMU TCG plugin: exact instruction counts between two
 * marker calls of a Portolan benchmark image.
 *
 * The image calls bench_mark_begin() where a measurement starts and
 * bench_mark_end(id) where it ends; bench_mark_end reads byte `id` of the
 * table bench_mark_ids, so the address of that load carries the id (QEMU
 * 7.2's plugin API cannot read registers). The host passes the addresses
 * it found in the image's symbol table:
 *
 *   -plugin insncount.so,begin=0xADDR,end=0xADDR:SIZE,ids=0xADDR:SIZE,
 *           out=FILE[,begin=0xADDR ...][,range=NAME:0xADDR:SIZE ...]
 *
 * Extra begin= addresses (up to 4) also start a sample when executed, e.g.
 * an interrupt handler's first instruction.
 * Every executed guest instruction adds 1 to a counter (an inline op, so
 * the count is exact and cheap), every memory access it makes adds 1 to
 * another; instructions inside a `range` (a function, e.g. the PendSV
 * handler) also add 1 to that range's counter. Output, one line per
 * bench_mark_end, with the counts since the last begin:
 *
 *   mark <id> <instructions> <memory accesses> <per-range instructions...>
 *
 * preceded by "ranges <names...>" and followed by "total <all>" at exit.
 * Single vCPU only (the MPS2 boards).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define MAX_RANGES 8

struct range {
    char name[32];
    uint64_t lo, hi; /* [lo, hi) */
};

#define MAX_BEGINS 4

static struct range ranges[MAX_RANGES];
static unsigned n_ranges;
static uint64_t begin_addr[MAX_BEGINS]; /* any of these starts a sample */
static unsigned n_begins;
static struct range end_fn;   /* bench_mark_end */
static struct range id_table; /* bench_mark_ids */
static FILE *out;

/* Counter 0 counts every instruction, counter 1 memory accesses, counter
 * 2 + r the instructions in range r. */
#define FIRST_RANGE 2
static uint64_t counters[FIRST_RANGE + MAX_RANGES];
static uint64_t at_begin[FIRST_RANGE + MAX_RANGES];
static uint64_t marks;

static void on_begin(unsigned int vcpu, void *udata)
{
    (void)vcpu;
    (void)udata;
    memcpy(at_begin, counters, sizeof at_begin);
}

static void on_end_load(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *udata)
{
    (void)vcpu;
    (void)udata;
    if (qemu_plugin_mem_is_store(info) || vaddr < id_table.lo || vaddr >= id_table.hi) {
        return;
    }
    fprintf(out, "mark %" PRIu64, vaddr - id_table.lo);
    for (unsigned c = 0; c < FIRST_RANGE + n_ranges; c++) {
        fprintf(out, " %" PRIu64, counters[c] - at_begin[c]);
    }
    fputc('\n', out);
    marks++;
}

static bool in_range(const struct range *r, uint64_t a)
{
    return a >= r->lo && a < r->hi;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t a = qemu_plugin_insn_vaddr(insn);
        qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &counters[0],
                                                   1);
        qemu_plugin_register_vcpu_mem_inline(insn, QEMU_PLUGIN_MEM_RW, QEMU_PLUGIN_INLINE_ADD_U64,
                                             &counters[1], 1);
        for (unsigned r = 0; r < n_ranges; r++) {
            if (in_range(&ranges[r], a)) {
                qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64,
                                                           &counters[FIRST_RANGE + r], 1);
            }
        }
        for (unsigned b = 0; b < n_begins; b++) {
            if (a == begin_addr[b]) {
                qemu_plugin_register_vcpu_insn_exec_cb(insn, on_begin, QEMU_PLUGIN_CB_NO_REGS,
                                                       NULL);
            }
        }
        if (in_range(&end_fn, a)) {
            /* QEMU 7.2 never calls a QEMU_PLUGIN_MEM_R callback: ask for
             * loads and stores, and ignore the stores. */
            qemu_plugin_register_vcpu_mem_cb(insn, on_end_load, QEMU_PLUGIN_CB_NO_REGS,
                                             QEMU_PLUGIN_MEM_RW, NULL);
        }
    }
}

static void on_qemu_exit(qemu_plugin_id_t id, void *udata)
{
    (void)id;
    (void)udata;
    fprintf(out, "total %" PRIu64 " marks %" PRIu64 "\n", counters[0], marks);
    fflush(out);
    if (out != stderr) {
        fclose(out);
    }
}

/* Parses "0xADDR:SIZE" (Thumb bit cleared) into r. */
static bool parse_span(const char *s, struct range *r)
{
    char *rest = NULL;
    uint64_t lo = strtoull(s, &rest, 0);
    if (rest == s || *rest != ':') {
        return false;
    }
    const char *size_text = rest + 1;
    uint64_t size = strtoull(size_text, &rest, 0);
    if (rest == size_text || *rest != '\0' || size == 0) {
        return false;
    }
    r->lo = lo & ~(uint64_t)1;
    r->hi = r->lo + size;
    return true;
}

/* "NAME:0xADDR:SIZE" */
static bool parse_range(const char *s)
{
    const char *colon = strchr(s, ':');
    if (colon == NULL || n_ranges == MAX_RANGES || (size_t)(colon - s) >= sizeof ranges[0].name) {
        return false;
    }
    struct range *r = &ranges[n_ranges];
    memcpy(r->name, s, (size_t)(colon - s));
    r->name[colon - s] = '\0';
    if (!parse_span(colon + 1, r)) {
        return false;
    }
    n_ranges++;
    return true;
}

static bool parse_arg(const char *arg, const char **out_path)
{
    const char *eq = strchr(arg, '=');
    if (eq == NULL) {
        return false;
    }
    size_t klen = (size_t)(eq - arg);
    const char *v = eq + 1;
    if (klen == 5 && strncmp(arg, "begin", 5) == 0 && n_begins < MAX_BEGINS) {
        char *rest = NULL;
        begin_addr[n_begins] = strtoull(v, &rest, 0) & ~(uint64_t)1;
        return rest != v && *rest == '\0' && begin_addr[n_begins++] != 0;
    }
    if (klen == 3 && strncmp(arg, "end", 3) == 0) {
        return parse_span(v, &end_fn);
    }
    if (klen == 3 && strncmp(arg, "ids", 3) == 0) {
        return parse_span(v, &id_table);
    }
    if (klen == 5 && strncmp(arg, "range", 5) == 0) {
        return parse_range(v);
    }
    if (klen == 3 && strncmp(arg, "out", 3) == 0) {
        *out_path = v;
        return true;
    }
    return false;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc,
                                           char **argv)
{
    const char *out_path = NULL;
    if (!info->system_emulation || info->system.max_vcpus != 1) {
        fprintf(stderr, "insncount: needs system emulation with one vCPU\n");
        return -1;
    }
    for (int i = 0; i < argc; i++) {
        if (!parse_arg(argv[i], &out_path)) {
            fprintf(stderr, "insncount: bad argument '%s'\n", argv[i]);
            return -1;
        }
    }
    if (n_begins == 0 || end_fn.hi == 0 || id_table.hi == 0) {
        fprintf(stderr, "insncount: begin=, end= and ids= are required\n");
        return -1;
    }
    out = (out_path != NULL) ? fopen(out_path, "w") : stderr;
    if (out == NULL) {
        fprintf(stderr, "insncount: cannot write '%s'\n", out_path);
        return -1;
    }
    fprintf(out, "ranges");
    for (unsigned r = 0; r < n_ranges; r++) {
        fprintf(out, " %s", ranges[r].name);
    }
    fputc('\n', out);
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, on_qemu_exit, NULL);
    return 0;
}
