/*
 * qualify.h - the host side of Portolan's qualification kit.
 *
 * qualify builds a board's runner image, boots it (a process, QEMU, or a
 * real board behind a serial port), drives the on-device test framework
 * through its selection words, follows the console line by line, recovers
 * from crashes and hangs by rebooting and resuming, and writes JUnit, JSON
 * and HTML reports. docs/qualification.md is the user's documentation.
 */
#ifndef QUALIFY_H
#define QUALIFY_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* Exit statuses (documented in docs/qualification.md). */
enum qualify_exit {
    QX_QUALIFIED = 0,     /* every required group ran and passed */
    QX_NOT_QUALIFIED = 1, /* a test failed or errored, or a required group is missing */
    QX_USAGE = 2,         /* bad command line, board descriptor or groups file */
    QX_BUILD = 3,         /* the build command failed */
    QX_BOOT = 4,          /* flashing failed, or the image did not boot */
    QX_ENVIRONMENT = 5,   /* a support service did not start, or reports cannot be written */
    QX_PARTIAL = 6        /* --group/--test run: all selected tests passed (no verdict) */
};

/* ----- util.c ----------------------------------------------------------------- */

struct strbuf {
    char *s;
    size_t len;
    size_t cap;
};

struct strlist {
    char **v;
    size_t n;
    size_t cap;
};

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_add(struct strbuf *b, const char *s);
void sb_addf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *b, const char *fmt, va_list ap);
/* The text, "" when empty; valid until the next change. */
const char *sb_str(const struct strbuf *b);
void sb_reset(struct strbuf *b);
void sb_free(struct strbuf *b);

void sl_add(struct strlist *l, const char *s);
/* Index of s in l, or -1. */
int sl_find(const struct strlist *l, const char *s);
void sl_free(struct strlist *l);
/* Splits on commas, skipping empty items, appending to l. */
void sl_split_commas(struct strlist *l, const char *s);

/* Seconds on the monotonic clock. */
double now_s(void);
/* NULL (and errno) on error; the result is NUL-terminated. */
char *read_file(const char *path, size_t *len);
int write_file(const char *path, const char *data, size_t len);
int mkdir_p(const char *path);
/* The string as one shell word in single quotes. */
char *shell_quote(const char *s);
/* The last `max_lines` lines of text. */
const char *tail_lines(const char *text, size_t max_lines);
/* SHA-256 of the files (paths relative to root) concatenated, as the build
 * computes it: the first 16 hex digits. Returns 0, or -1 with err set. */
int sources_hash(const char *root, const struct strlist *files, char out[17], struct strbuf *err);
/* True if the line holds a byte a console line should never hold: a
 * control byte other than tab, or a byte that is not valid UTF-8. */
bool has_control_bytes(const char *s, size_t len);
/* A printable, valid UTF-8 copy: those bytes become \xNN. */
char *escape_controls(const char *s, size_t len);

/* ----- board.c: board descriptors and the group catalogue -------------------------- */

enum console_type { CONSOLE_STDIO, CONSOLE_PTY, CONSOLE_SERIAL };
enum filter_path { FILTER_ARGS, FILTER_CONSOLE };

struct command {
    char *command; /* template; NULL when absent */
    double timeout_s;
};

struct service {
    char *name;
    char *command;
    char *ready; /* text the service prints once it is ready; NULL: none */
    double timeout_s;
};

struct group_limits {
    char *group;
    double test_s;
    double group_s;
};

struct board {
    char *file; /* the descriptor's path */
    char *dir;  /* its directory */
    char *name;
    char *board_name; /* what the image reports as board_name() */
    char *description;
    char *architecture;
    struct strlist features;
    struct command build;
    char *image;
    char *manifest;
    struct command run;
    struct command flash;
    struct command reset;
    struct command stop;
    enum console_type console;
    char *device;
    long baud;
    char *pty_pattern;
    enum filter_path filter;
    double boot_s;
    double test_s;
    double group_s;
    double tick_tolerance_pct; /* 0: no tick check against the host clock */
    struct group_limits *limits;
    size_t n_limits;
    struct service *services;
    size_t n_services;
};

struct group_def {
    char *name;
    char *feature;
    char *description;
    bool required;
};

struct group_catalog {
    struct group_def *v;
    size_t n;
};

/* Placeholder values; NULL ones are unknown (an error if used). */
struct vars {
    const char *root;
    const char *board;
    const char *board_dir;
    const char *build;
    const char *image;
    const char *args;
    const char *port;
    const char *work;
    const char *tools;
};

int board_load(const char *path, struct board *b, struct strbuf *err);
void board_free(struct board *b);
double board_test_seconds(const struct board *b, const char *group);
double board_group_seconds(const struct board *b, const char *group);
const char *console_type_name(enum console_type t);
int groups_load(const char *path, struct group_catalog *c, struct strbuf *err);
void groups_free(struct group_catalog *c);
const struct group_def *groups_find(const struct group_catalog *c, const char *name);
bool board_has_feature(const struct board *b, const char *feature);
/* The "images" array of a build manifest (a runner in parts lists one image
 * per part) into out; returns how many. */
size_t manifest_images(const char *manifest_json, struct strlist *out);
/* Expands {name} placeholders; with `quote`, each value becomes one shell
 * word. Returns NULL with err set on an unknown or unset placeholder. */
char *expand(const char *tpl, const struct vars *v, bool quote, struct strbuf *err);

/* ----- console.c: processes, terminals and lines ----------------------------------- */

struct proc {
    pid_t pid; /* process group leader; -1 when none */
    int out_fd;
    int in_fd;
    bool exited;
    int status; /* wait status */
};

/* Starts `sh -c command` in its own process group, stdout and stderr on
 * one pipe (out_fd), stdin on in_fd (or /dev/null with !with_stdin). */
int proc_start(struct proc *p, const char *command, bool with_stdin, struct strbuf *err);
/* Ends the process group (TERM, then KILL) and reaps it. */
void proc_stop(struct proc *p);
/* Runs a command to completion, appending its output to log. Returns the
 * exit status (0..255, 128+signal), or -1 on timeout or spawn failure. */
int run_command(const char *command, double timeout_s, struct strbuf *log);
/* Describes a wait status: "exit status 3", "killed by signal 11 (...)". */
char *describe_status(int status);

enum console_event {
    CE_LINE,    /* a complete line (without its end of line) */
    CE_TIMEOUT, /* nothing complete within the time given */
    CE_CLOSED   /* the console closed: the process exited or the device went away */
};

#define CONSOLE_LINE_MAX 2048

struct line_reader {
    int fd;
    char buf[CONSOLE_LINE_MAX];
    size_t len;
    bool eof;
};

struct console_line {
    char *text; /* owned by the caller once returned */
    size_t len;
    bool host;     /* from the run command itself, not from the board */
    bool overlong; /* cut at CONSOLE_LINE_MAX */
};

struct console {
    enum console_type type;
    struct proc proc;           /* stdio and pty consoles: the run command */
    int tty;                    /* pty and serial consoles: the terminal; -1 if none */
    struct line_reader rd;      /* the board's console */
    struct line_reader host_rd; /* pty consoles: the run command's own output */
    struct console_line *queue; /* complete lines not yet returned */
    size_t queued;
    size_t queue_cap;
    FILE *transcript; /* every line, as received; may be NULL */
    bool closed;
};

/* An unopened console (safe to close). */
void console_init(struct console *c, enum console_type type, FILE *transcript);
/* Opens a serial device or pty: raw, 8N1, at `baud`. -1 with err set. */
int serial_open(const char *path, long baud, bool flush, struct strbuf *err);
/* Starts a console: for stdio and pty the command is started; for pty the
 * device path is taken from its output with `pattern`; serial opens
 * `device`. */
int console_open(struct console *c, enum console_type type, const char *command, const char *device,
                 long baud, const char *pattern, double timeout_s, FILE *transcript,
                 struct strbuf *err);
enum console_event console_next(struct console *c, double timeout_s, struct console_line *out);
int console_send(struct console *c, const char *text);
void console_close(struct console *c);

/* ----- protocol.c: what a console line says ------------------------------------------ */

enum line_kind {
    L_LOG,        /* anything else: application or board output */
    L_GARBAGE,    /* control bytes, or a protocol line that breaks the grammar */
    L_READY,      /* PORTOLAN-READY */
    L_FILTER,     /* PORTOLAN-FILTER words */
    L_BEGIN,      /* PORTOLAN-TEST-BEGIN board= version= sources= tests= */
    L_END,        /* PORTOLAN-TEST-END */
    L_LIST_BEGIN, /* PORTOLAN-LIST-BEGIN ... */
    L_LIST_END,   /* PORTOLAN-LIST-END */
    L_CASE,       /* CASE Group.name suite=S at=file:line */
    L_START,      /* TEST-START(Group, name) */
    L_PASS,       /* TEST(Group, name) PASS */
    L_FAIL,       /* TEST(Group, name) file:line::FAIL: message */
    L_IGNORE,     /* IGNORE_TEST(Group, name) reason */
    L_FAULT,      /* PORTOLAN-FAULT ... (start of a dump) */
    L_FAULT_END,  /* PORTOLAN-FAULT-END */
    L_FATAL,      /* FATAL: ... (the framework gave up) */
    L_WARN,       /* PORTOLAN-WARN text */
    L_INFO,       /* PORTOLAN-INFO key=value... */
    L_UNITY,      /* Unity's own lines: run header, separator, totals, OK/FAIL */
    L_TICK,       /* PORTOLAN-TICK begin tick=N hz=H, PORTOLAN-TICK end tick=N */
};

struct parsed_line {
    enum line_kind kind;
    char group[128];
    char name[128];
    char suite[128];
    char file[512];
    int line;
    char text[1024]; /* FAIL message, IGNORE reason, WARN/FATAL text */
    char board[128];
    char version[64];
    char sources[64];
    long tests;
    unsigned long tick; /* L_TICK */
    unsigned long hz;   /* L_TICK begin */
    bool tick_begin;    /* L_TICK: begin or end */
    char problem[160];  /* L_GARBAGE: why */
};

void parse_line(const char *s, size_t len, struct parsed_line *p);
const char *line_kind_name(enum line_kind k);

/* ----- engine.c: running the tests ------------------------------------------------- */

enum test_status { ST_NOTRUN, ST_PASS, ST_FAIL, ST_SKIP, ST_ERROR };

struct test {
    char *suite; /* the qualification group */
    char *group; /* the test's own (ptest) group */
    char *name;
    char *id; /* Suite.Group.name, or Suite.name when they are equal */
    char *def_file;
    int def_line;
    enum test_status status;
    char *kind;    /* failure/error kind: assertion, crash, hang, exit, reboot, ... */
    char *message; /* failure/error text */
    char *file;    /* where it failed */
    int line;
    double seconds;
    struct strbuf log;  /* console lines while it ran */
    struct strbuf dump; /* fault dump and console tail, for errors */
    char *log_path;     /* relative to the report directory */
    bool host;          /* a check made by qualify itself */
    int boot;           /* the boot it ran in */
    int image;          /* which of the runner's images holds it (r->images) */
};

struct group_result {
    char *name;
    const struct group_def *def; /* NULL for a suite the catalogue lacks */
    bool enabled;                /* the board has its feature */
    bool required;
    bool selected; /* part of this run */
    size_t first;
    size_t count;
    unsigned counts[5]; /* by enum test_status */
    double seconds;
    double started; /* now_s() when its first test started; 0 before */
    char *note;
};

struct options {
    const char *board_name;
    const char *board_file;
    struct strlist groups;
    struct strlist tests;
    bool list_groups;
    bool list_tests;
    bool no_build;
    bool verbose;
    double multiplier;
    const char *report_dir;
    const char *build_dir;
    const char *port;
    const char *root;
    char *command_line;
};

struct run {
    const struct options *opt;
    struct board *board;
    struct group_catalog *catalog;
    struct vars vars;
    char *report_dir;
    char *tools_dir;
    char *image;
    struct strlist images; /* a runner in parts: every image (the first is image) */
    int listing_image;     /* the image being listed */
    char *manifest_path;
    char *manifest_json; /* the build manifest text; NULL if missing */
    struct test *tests;
    size_t n_tests;
    size_t cap_tests;
    struct group_result *groups;
    size_t n_groups;
    char *dev_board;
    char *dev_version;
    char *dev_sources;
    char *tree_version;
    struct strlist anomalies;
    struct strlist notes;
    double tick_begin_at; /* host time of PORTOLAN-TICK begin; 0 if none */
    unsigned long tick_begin;
    unsigned long tick_hz;
    FILE *transcript;
    int boots;
    int settled;
    int selected_total;
    bool partial;
    bool boot_failed; /* the board stopped booting */
    bool build_failed;
    char *failure;   /* build or boot failure, for the report */
    char *build_log; /* relative path */
    char *verdict;
    char *verdict_detail;
    int exit_code;
    double started;
    double finished;
    char started_iso[32];
};

/* True if a --test pattern (name, Group.name, Suite.name, Suite.Group.name)
 * names this test. */
bool test_matches(const char *pattern, const char *suite, const char *group, const char *name);
/* Lists the selected tests (one boot) and adds the host checks. */
int engine_list(struct run *r);
/* Runs every listed test, rebooting and resuming after crashes. */
int engine_run(struct run *r);
/* Test index helpers. */
struct test *run_add_test(struct run *r, const char *suite, const char *group, const char *name);
void run_settle(struct run *r, struct test *t, enum test_status st, const char *kind,
                const char *message);
const char *status_name(enum test_status s);

/* ----- hostcheck.c: the Integrity checks made by qualify itself ----------------------- */

/* Adds them to the Integrity group when it is selected (after listing). */
void host_checks_add(struct run *r);
/* Decides them (the run's image, manifest and tree are known). */
void host_checks_settle(struct run *r);
/* The tick against the host clock, from the two PORTOLAN-TICK lines. */
void host_tick_check(struct run *r, unsigned long end_tick, double end_at);

/* ----- report.c / report_html.c ----------------------------------------------------- */

/* Decides the verdict and exit code from the results. */
void report_decide(struct run *r);
/* Writes logs/, report.json, report.xml and report.html; 0 or -1. */
int report_write(struct run *r);
int report_write_html(struct run *r, const char *path);
/* XML/HTML escaping. */
void sb_add_xml(struct strbuf *b, const char *s);

#endif /* QUALIFY_H */
