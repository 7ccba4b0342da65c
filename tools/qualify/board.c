/*
 * board.c - board descriptors (boards/<board>/board.json), the group
 * catalogue (qualification/groups.json) and placeholder expansion.
 *
 * Descriptors are checked strictly: an unknown key is an error, because a
 * misspelt optional field would otherwise be silently ignored and the
 * vendor would chase the wrong problem.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "qualify.h"

#define DEFAULT_PTY_PATTERN "char device redirected to ([^ ]+)"

struct ctx {
    const char *file;
    struct strbuf *err;
};

static int fail(struct ctx *c, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(struct ctx *c, const char *field, const char *fmt, ...)
{
    va_list ap;
    sb_addf(c->err, "%s: %s: ", c->file, field);
    va_start(ap, fmt);
    sb_vaddf(c->err, fmt, ap);
    va_end(ap);
    return -1;
}

static bool ignorable_key(const char *k)
{
    return k[0] == '_' || strncmp(k, "comment", 7) == 0;
}

/* Every key of obj must be in the NULL-terminated list. */
static int check_keys(struct ctx *c, const cJSON *obj, const char *where, const char *const *keys)
{
    for (const cJSON *it = obj->child; it != NULL; it = it->next) {
        bool known = ignorable_key(it->string);
        for (size_t i = 0; !known && keys[i] != NULL; i++) {
            known = strcmp(keys[i], it->string) == 0;
        }
        if (!known) {
            return fail(c, where, "unknown key '%s'", it->string);
        }
    }
    return 0;
}

static int get_string(struct ctx *c, const cJSON *obj, const char *key, const char *where,
                      bool required, char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (v == NULL) {
        return required ? fail(c, where, "missing '%s'", key) : 0;
    }
    if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
        return fail(c, where, "'%s' must be a non-empty string", key);
    }
    *out = xstrdup(v->valuestring);
    return 0;
}

static int get_seconds(struct ctx *c, const cJSON *obj, const char *key, const char *where,
                       double dflt, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = dflt;
    if (v == NULL) {
        return 0;
    }
    if (!cJSON_IsNumber(v) || v->valuedouble <= 0) {
        return fail(c, where, "'%s' must be a positive number of seconds", key);
    }
    *out = v->valuedouble;
    return 0;
}

static int get_command(struct ctx *c, const cJSON *root, const char *key, double dflt_timeout,
                       struct command *cmd)
{
    static const char *const keys[] = {"command", "timeout_s", NULL};
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, key);
    cmd->command = NULL;
    cmd->timeout_s = dflt_timeout;
    if (o == NULL) {
        return 0;
    }
    if (!cJSON_IsObject(o)) {
        return fail(c, key, "must be an object {\"command\": ..., \"timeout_s\": ...}");
    }
    if (check_keys(c, o, key, keys) != 0 || get_string(c, o, "command", key, true, &cmd->command)) {
        return -1;
    }
    return get_seconds(c, o, "timeout_s", key, dflt_timeout, &cmd->timeout_s);
}

static int get_features(struct ctx *c, const cJSON *root, struct board *b)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(root, "features");
    if (!cJSON_IsArray(f) || cJSON_GetArraySize(f) == 0) {
        return fail(c, "features", "must be a non-empty array of feature names");
    }
    for (const cJSON *it = f->child; it != NULL; it = it->next) {
        if (!cJSON_IsString(it) || it->valuestring[0] == '\0') {
            return fail(c, "features", "every feature must be a non-empty string");
        }
        sl_add(&b->features, it->valuestring);
    }
    return 0;
}

static int get_build(struct ctx *c, const cJSON *root, struct board *b)
{
    static const char *const keys[] = {"command", "image", "manifest", "timeout_s", NULL};
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, "build");
    if (!cJSON_IsObject(o)) {
        return fail(c, "build", "missing (an object with command and image)");
    }
    if (check_keys(c, o, "build", keys) != 0 ||
        get_string(c, o, "command", "build", true, &b->build.command) != 0 ||
        get_string(c, o, "image", "build", true, &b->image) != 0 ||
        get_string(c, o, "manifest", "build", false, &b->manifest) != 0) {
        return -1;
    }
    if (b->manifest == NULL) {
        b->manifest = xstrdup("{build}/qualification/runner/qualification_runner.manifest.json");
    }
    return get_seconds(c, o, "timeout_s", "build", 1800.0, &b->build.timeout_s);
}

static int get_console(struct ctx *c, const cJSON *root, struct board *b)
{
    static const char *const keys[] = {"type", "device", "baud", "pattern", NULL};
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, "console");
    char *type = NULL;
    if (!cJSON_IsObject(o)) {
        return fail(c, "console", "missing (an object with a type: stdio, pty or serial)");
    }
    if (check_keys(c, o, "console", keys) != 0 ||
        get_string(c, o, "type", "console", true, &type) != 0 ||
        get_string(c, o, "device", "console", false, &b->device) != 0 ||
        get_string(c, o, "pattern", "console", false, &b->pty_pattern) != 0) {
        free(type);
        return -1;
    }
    int rc = 0;
    if (strcmp(type, "stdio") == 0) {
        b->console = CONSOLE_STDIO;
    } else if (strcmp(type, "pty") == 0) {
        b->console = CONSOLE_PTY;
    } else if (strcmp(type, "serial") == 0) {
        b->console = CONSOLE_SERIAL;
    } else {
        rc = fail(c, "console.type", "must be stdio, pty or serial (got '%s')", type);
    }
    free(type);
    const cJSON *baud = cJSON_GetObjectItemCaseSensitive(o, "baud");
    b->baud = 115200;
    if (rc == 0 && baud != NULL) {
        if (!cJSON_IsNumber(baud) || baud->valuedouble < 50) {
            return fail(c, "console.baud", "must be a baud rate such as 115200");
        }
        b->baud = (long)baud->valuedouble;
    }
    if (b->pty_pattern == NULL) {
        b->pty_pattern = xstrdup(DEFAULT_PTY_PATTERN);
    }
    return rc;
}

static int get_limits(struct ctx *c, const cJSON *groups, struct board *b)
{
    static const char *const keys[] = {"test_s", "group_s", NULL};
    b->n_limits = (size_t)cJSON_GetArraySize(groups);
    b->limits = xcalloc(b->n_limits, sizeof b->limits[0]);
    size_t i = 0;
    for (const cJSON *g = groups->child; g != NULL; g = g->next, i++) {
        char *where = xasprintf("timeouts.groups.%s", g->string);
        int rc =
            cJSON_IsObject(g) ? check_keys(c, g, where, keys) : fail(c, where, "not an object");
        b->limits[i].group = xstrdup(g->string);
        if (rc == 0) {
            rc = get_seconds(c, g, "test_s", where, b->test_s, &b->limits[i].test_s);
        }
        if (rc == 0) {
            rc = get_seconds(c, g, "group_s", where, b->group_s, &b->limits[i].group_s);
        }
        free(where);
        if (rc != 0) {
            return -1;
        }
    }
    return 0;
}

static int get_timeouts(struct ctx *c, const cJSON *root, struct board *b)
{
    static const char *const keys[] = {"boot_s", "test_s", "group_s", "groups", NULL};
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, "timeouts");
    b->boot_s = 30.0;
    b->test_s = 60.0;
    b->group_s = 3600.0;
    if (o == NULL) {
        return 0;
    }
    if (!cJSON_IsObject(o) || check_keys(c, o, "timeouts", keys) != 0 ||
        get_seconds(c, o, "boot_s", "timeouts", 30.0, &b->boot_s) != 0 ||
        get_seconds(c, o, "test_s", "timeouts", 60.0, &b->test_s) != 0 ||
        get_seconds(c, o, "group_s", "timeouts", 3600.0, &b->group_s) != 0) {
        return cJSON_IsObject(o) ? -1 : fail(c, "timeouts", "must be an object");
    }
    const cJSON *groups = cJSON_GetObjectItemCaseSensitive(o, "groups");
    if (groups == NULL) {
        return 0;
    }
    return cJSON_IsObject(groups) ? get_limits(c, groups, b)
                                  : fail(c, "timeouts.groups", "must be an object");
}

static int get_services(struct ctx *c, const cJSON *root, struct board *b)
{
    static const char *const keys[] = {"name", "command", "ready", "timeout_s", NULL};
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, "services");
    if (o == NULL) {
        return 0;
    }
    if (!cJSON_IsArray(o)) {
        return fail(c, "services", "must be an array of {name, command, ready, timeout_s}");
    }
    b->n_services = (size_t)cJSON_GetArraySize(o);
    b->services = xcalloc(b->n_services, sizeof b->services[0]);
    size_t i = 0;
    for (const cJSON *s = o->child; s != NULL; s = s->next, i++) {
        struct service *sv = &b->services[i];
        if (!cJSON_IsObject(s) || check_keys(c, s, "services[]", keys) != 0 ||
            get_string(c, s, "name", "services[]", true, &sv->name) != 0 ||
            get_string(c, s, "command", "services[]", true, &sv->command) != 0 ||
            get_string(c, s, "ready", "services[]", false, &sv->ready) != 0 ||
            get_seconds(c, s, "timeout_s", "services[]", 30.0, &sv->timeout_s) != 0) {
            return cJSON_IsObject(s) ? -1 : fail(c, "services[]", "must be an object");
        }
    }
    return 0;
}

static int get_filter(struct ctx *c, const cJSON *root, struct board *b)
{
    char *f = NULL;
    if (get_string(c, root, "filter", "filter", false, &f) != 0) {
        return -1;
    }
    int rc = 0;
    if (f == NULL) {
        b->filter = (b->console == CONSOLE_STDIO) ? FILTER_ARGS : FILTER_CONSOLE;
    } else if (strcmp(f, "args") == 0) {
        b->filter = FILTER_ARGS;
    } else if (strcmp(f, "console") == 0) {
        b->filter = FILTER_CONSOLE;
    } else {
        rc = fail(c, "filter", "must be \"args\" or \"console\" (got '%s')", f);
    }
    free(f);
    return rc;
}

/* "tick_check": {"tolerance_pct": 5} times the tick against the host. */
static int get_tick_check(struct ctx *c, const cJSON *root, struct board *b)
{
    static const char *const keys[] = {"tolerance_pct", NULL};
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, "tick_check");
    b->tick_tolerance_pct = 0;
    if (o == NULL) {
        return 0;
    }
    if (!cJSON_IsObject(o) || check_keys(c, o, "tick_check", keys) != 0) {
        return cJSON_IsObject(o) ? -1 : fail(c, "tick_check", "must be an object");
    }
    return get_seconds(c, o, "tolerance_pct", "tick_check", 5.0, &b->tick_tolerance_pct);
}

/* Which commands each kind of console needs. */
static int check_commands(struct ctx *c, struct board *b)
{
    if (b->console != CONSOLE_SERIAL && b->run.command == NULL) {
        return fail(c, "run", "a %s console needs run.command", console_type_name(b->console));
    }
    if (b->console == CONSOLE_SERIAL && b->flash.command == NULL) {
        return fail(c, "flash", "a serial console needs flash.command (program and reset)");
    }
    if (b->console == CONSOLE_SERIAL && b->device == NULL) {
        return fail(c, "console.device", "a serial console needs a device (or \"{port}\")");
    }
    if (b->console == CONSOLE_SERIAL && b->filter == FILTER_ARGS) {
        return fail(c, "filter", "a serial board has no arguments: use \"console\"");
    }
    return 0;
}

static int load_fields(struct ctx *c, const cJSON *root, struct board *b)
{
    static const char *const keys[] = {"name",     "board_name", "description", "architecture",
                                       "features", "build",      "run",         "flash",
                                       "reset",    "stop",       "console",     "filter",
                                       "timeouts", "services",   "tick_check",  NULL};
    if (!cJSON_IsObject(root)) {
        return fail(c, "(top level)", "must be a JSON object");
    }
    if (check_keys(c, root, "(top level)", keys) != 0 ||
        get_string(c, root, "name", "name", true, &b->name) != 0 ||
        get_string(c, root, "board_name", "board_name", false, &b->board_name) != 0 ||
        get_string(c, root, "description", "description", false, &b->description) != 0 ||
        get_string(c, root, "architecture", "architecture", true, &b->architecture) != 0 ||
        get_features(c, root, b) != 0 || get_build(c, root, b) != 0 ||
        get_command(c, root, "run", 0.0, &b->run) != 0 ||
        get_command(c, root, "flash", 300.0, &b->flash) != 0 ||
        get_command(c, root, "reset", 120.0, &b->reset) != 0 ||
        get_command(c, root, "stop", 60.0, &b->stop) != 0 || get_console(c, root, b) != 0 ||
        get_filter(c, root, b) != 0 || get_timeouts(c, root, b) != 0 ||
        get_services(c, root, b) != 0 || get_tick_check(c, root, b) != 0) {
        return -1;
    }
    if (b->board_name == NULL) {
        b->board_name = xstrdup(b->name);
    }
    if (b->description == NULL) {
        b->description = xstrdup("");
    }
    return check_commands(c, b);
}

int board_load(const char *path, struct board *b, struct strbuf *err)
{
    struct ctx c = {path, err};
    memset(b, 0, sizeof *b);
    b->file = xstrdup(path);
    char *copy = xstrdup(path);
    b->dir = xstrdup(dirname(copy));
    free(copy);
    char *text = read_file(path, NULL);
    if (text == NULL) {
        sb_addf(err, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    cJSON *root = cJSON_Parse(text);
    int rc;
    if (root == NULL) {
        const char *at = cJSON_GetErrorPtr();
        size_t line = 1;
        for (const char *p = text; at != NULL && p < at && *p != '\0'; p++) {
            line += (*p == '\n');
        }
        sb_addf(err, "%s:%zu: not valid JSON", path, line);
        rc = -1;
    } else {
        rc = load_fields(&c, root, b);
    }
    cJSON_Delete(root);
    free(text);
    return rc;
}

static void free_command(struct command *c)
{
    free(c->command);
}

void board_free(struct board *b)
{
    free(b->file);
    free(b->dir);
    free(b->name);
    free(b->board_name);
    free(b->description);
    free(b->architecture);
    sl_free(&b->features);
    free_command(&b->build);
    free(b->image);
    free(b->manifest);
    free_command(&b->run);
    free_command(&b->flash);
    free_command(&b->reset);
    free_command(&b->stop);
    free(b->device);
    free(b->pty_pattern);
    for (size_t i = 0; i < b->n_limits; i++) {
        free(b->limits[i].group);
    }
    free(b->limits);
    for (size_t i = 0; i < b->n_services; i++) {
        free(b->services[i].name);
        free(b->services[i].command);
        free(b->services[i].ready);
    }
    free(b->services);
    memset(b, 0, sizeof *b);
}

static const struct group_limits *limits_of(const struct board *b, const char *group)
{
    for (size_t i = 0; i < b->n_limits; i++) {
        if (strcmp(b->limits[i].group, group) == 0) {
            return &b->limits[i];
        }
    }
    return NULL;
}

double board_test_seconds(const struct board *b, const char *group)
{
    const struct group_limits *l = limits_of(b, group);
    return l ? l->test_s : b->test_s;
}

double board_group_seconds(const struct board *b, const char *group)
{
    const struct group_limits *l = limits_of(b, group);
    return l ? l->group_s : b->group_s;
}

const char *console_type_name(enum console_type t)
{
    static const char *const names[] = {"stdio", "pty", "serial"};
    return names[t];
}

bool board_has_feature(const struct board *b, const char *feature)
{
    return sl_find(&b->features, feature) >= 0;
}

/* ----- Group catalogue ------------------------------------------------------------- */

static int load_group(struct ctx *c, const cJSON *g, struct group_def *d)
{
    static const char *const keys[] = {"name",        "feature", "required", "sources",
                                       "description", "config",  NULL};
    if (!cJSON_IsObject(g) || check_keys(c, g, "groups[]", keys) != 0 ||
        get_string(c, g, "name", "groups[]", true, &d->name) != 0 ||
        get_string(c, g, "feature", "groups[]", true, &d->feature) != 0 ||
        get_string(c, g, "description", "groups[]", false, &d->description) != 0) {
        return cJSON_IsObject(g) ? -1 : fail(c, "groups[]", "must be an object");
    }
    const cJSON *req = cJSON_GetObjectItemCaseSensitive(g, "required");
    d->required = (req == NULL) || cJSON_IsTrue(req);
    if (d->description == NULL) {
        d->description = xstrdup("");
    }
    return 0;
}

int groups_load(const char *path, struct group_catalog *cat, struct strbuf *err)
{
    struct ctx c = {path, err};
    memset(cat, 0, sizeof *cat);
    char *text = read_file(path, NULL);
    if (text == NULL) {
        sb_addf(err, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    cJSON *root = cJSON_Parse(text);
    free(text);
    const cJSON *groups = cJSON_GetObjectItemCaseSensitive(root, "groups");
    int rc = 0;
    if (!cJSON_IsArray(groups)) {
        rc = fail(&c, "groups", "missing or not an array");
    } else {
        cat->n = (size_t)cJSON_GetArraySize(groups);
        cat->v = xcalloc(cat->n, sizeof cat->v[0]);
        size_t i = 0;
        for (const cJSON *g = groups->child; rc == 0 && g != NULL; g = g->next, i++) {
            rc = load_group(&c, g, &cat->v[i]);
        }
    }
    cJSON_Delete(root);
    return rc;
}

void groups_free(struct group_catalog *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].name);
        free(c->v[i].feature);
        free(c->v[i].description);
    }
    free(c->v);
    memset(c, 0, sizeof *c);
}

const struct group_def *groups_find(const struct group_catalog *c, const char *name)
{
    for (size_t i = 0; i < c->n; i++) {
        if (strcmp(c->v[i].name, name) == 0) {
            return &c->v[i];
        }
    }
    return NULL;
}

/* ----- Placeholders ---------------------------------------------------------------- */

static const char *var_value(const struct vars *v, const char *name, size_t len, bool *known)
{
    static const struct {
        const char *name;
        size_t offset;
    } table[] = {
        {"root", offsetof(struct vars, root)},           {"board", offsetof(struct vars, board)},
        {"board_dir", offsetof(struct vars, board_dir)}, {"build", offsetof(struct vars, build)},
        {"image", offsetof(struct vars, image)},         {"args", offsetof(struct vars, args)},
        {"port", offsetof(struct vars, port)},           {"work", offsetof(struct vars, work)},
        {"tools", offsetof(struct vars, tools)},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strlen(table[i].name) == len && strncmp(table[i].name, name, len) == 0) {
            *known = true;
            return *(const char *const *)((const char *)v + table[i].offset);
        }
    }
    *known = false;
    return NULL;
}

/* The closing brace of a {lower_case} placeholder at p, or NULL: other
 * braces (${HOME}, awk programs) are the shell's. */
static const char *placeholder_end(const char *p)
{
    if (*p != '{') {
        return NULL;
    }
    const char *q = p + 1;
    while ((*q >= 'a' && *q <= 'z') || *q == '_') {
        q++;
    }
    return (*q == '}' && q > p + 1) ? q : NULL;
}

char *expand(const char *tpl, const struct vars *v, bool quote, struct strbuf *err)
{
    struct strbuf b = {0};
    for (const char *p = tpl; *p != '\0'; p++) {
        const char *end = placeholder_end(p);
        if (end == NULL) {
            sb_addn(&b, p, 1);
            continue;
        }
        bool known = false;
        const char *value = var_value(v, p + 1, (size_t)(end - p - 1), &known);
        if (!known || value == NULL) {
            sb_addf(err, "%s placeholder {%.*s} in \"%s\"", known ? "unset" : "unknown",
                    (int)(end - p - 1), p + 1, tpl);
            sb_free(&b);
            return NULL;
        }
        char *q = quote ? shell_quote(value) : NULL;
        sb_add(&b, q ? q : value);
        free(q);
        p = end;
    }
    return b.s != NULL ? b.s : xstrdup("");
}

size_t manifest_images(const char *manifest_json, struct strlist *out)
{
    cJSON *root = manifest_json ? cJSON_Parse(manifest_json) : NULL;
    const cJSON *images = cJSON_GetObjectItemCaseSensitive(root, "images");
    size_t n = 0;
    for (const cJSON *it = cJSON_IsArray(images) ? images->child : NULL; it != NULL;
         it = it->next) {
        if (cJSON_IsString(it) && it->valuestring[0] != '\0') {
            sl_add(out, it->valuestring);
            n++;
        }
    }
    cJSON_Delete(root);
    return n;
}
