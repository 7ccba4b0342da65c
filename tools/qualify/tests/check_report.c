/*
 * check_report.c - asserts facts about a qualify report directory:
 *
 *   check-report DIR CHECK...
 *
 *   verdict=TEXT              report.json verdict
 *   tests=N                   number of tests
 *   boots>=N                  at least N boots
 *   anomalies>=N, anomalies=N console anomalies
 *   test:ID=STATUS[:KIND]     a test's status (PASS FAIL SKIP ERROR) and kind
 *   where:ID=FILE:LINE        where a failure was reported
 *   message:ID~TEXT           its message contains TEXT
 *   evidence:ID~TEXT          its evidence (dump, console tail) contains TEXT
 *   group:NAME=STATUS         a group's status (PASS FAIL "not run")
 *   file:PATH~TEXT            a file of the report directory contains TEXT
 *   file:PATH!~TEXT           ... does not contain TEXT
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

static const char *dir;
static cJSON *report;

static char *slurp(const char *name)
{
    char *path = NULL;
    if (asprintf(&path, "%s/%s", dir, name) < 0) {
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    free(path);
    if (f == NULL) {
        return NULL;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    int c;
    while ((c = fgetc(f)) != EOF) {
        fputc(c, m);
    }
    fclose(m);
    fclose(f);
    return text;
}

static const cJSON *find_test(const char *id)
{
    const cJSON *g;
    cJSON_ArrayForEach(g, cJSON_GetObjectItem(report, "groups"))
    {
        const cJSON *t;
        cJSON_ArrayForEach(t, cJSON_GetObjectItem(g, "tests"))
        {
            if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(t, "id")), id) == 0) {
                return t;
            }
        }
    }
    return NULL;
}

static const char *str(const cJSON *o, const char *key)
{
    const char *s = cJSON_GetStringValue(cJSON_GetObjectItem(o, key));
    return s ? s : "";
}

static int check_test(const char *spec)
{
    const char *eq = strchr(spec, '=');
    char *id = strndup(spec, (size_t)(eq - spec));
    const cJSON *t = find_test(id);
    char *got = NULL;
    if (t != NULL) {
        const cJSON *kind = cJSON_GetObjectItem(t, "kind");
        if (cJSON_IsString(kind)) {
            if (asprintf(&got, "%s:%s", str(t, "status"), kind->valuestring) < 0) {
                got = NULL;
            }
        } else {
            got = strdup(str(t, "status"));
        }
    }
    int ok = got != NULL && (strcmp(got, eq + 1) == 0 || strcmp(str(t, "status"), eq + 1) == 0);
    if (!ok) {
        fprintf(stderr, "check: test %s is %s, expected %s\n", id, got ? got : "(absent)", eq + 1);
    }
    free(id);
    free(got);
    return ok;
}

static int check_field(const char *spec, const char *field)
{
    const char *op = strchr(spec, '~');
    const char *eq = strchr(spec, '=');
    const char *sep = (op && (!eq || op < eq)) ? op : eq;
    char *id = strndup(spec, (size_t)(sep - spec));
    const cJSON *t = find_test(id);
    const char *value = t ? str(t, field) : NULL;
    char where[600];
    if (t != NULL && strcmp(field, "file") == 0) {
        snprintf(where, sizeof where, "%s:%d", value,
                 (int)cJSON_GetNumberValue(cJSON_GetObjectItem(t, "line")));
        value = where;
    }
    int ok =
        value != NULL && (sep == op ? strstr(value, sep + 1) != NULL : strcmp(value, sep + 1) == 0);
    if (!ok) {
        fprintf(stderr, "check: %s of %s is \"%s\", expected %s\"%s\"\n", field, id,
                value ? value : "(absent)", sep == op ? "to contain " : "", sep + 1);
    }
    free(id);
    return ok;
}

static int check_group(const char *spec)
{
    const char *eq = strchr(spec, '=');
    const cJSON *g;
    cJSON_ArrayForEach(g, cJSON_GetObjectItem(report, "groups"))
    {
        if (strncmp(str(g, "name"), spec, (size_t)(eq - spec)) == 0 &&
            str(g, "name")[eq - spec] == '\0') {
            int ok = strcmp(str(g, "status"), eq + 1) == 0;
            if (!ok) {
                fprintf(stderr, "check: group %.*s is %s, expected %s\n", (int)(eq - spec), spec,
                        str(g, "status"), eq + 1);
            }
            return ok;
        }
    }
    fprintf(stderr, "check: no group %.*s\n", (int)(eq - spec), spec);
    return 0;
}

static int check_file(const char *spec)
{
    const char *neg = strstr(spec, "!~");
    const char *pos = strchr(spec, '~');
    const char *sep = neg ? neg : pos;
    char *name = strndup(spec, (size_t)(sep - spec));
    const char *text = sep + (neg ? 2 : 1);
    char *content = slurp(name);
    int found = content != NULL && strstr(content, text) != NULL;
    int ok = content != NULL && (neg ? !found : found);
    if (!ok) {
        fprintf(stderr, "check: %s %s \"%s\"\n", name,
                content == NULL ? "is missing; wanted"
                : neg           ? "contains"
                                : "lacks",
                text);
    }
    free(name);
    free(content);
    return ok;
}

static int check_number(const char *spec, const char *key, double got)
{
    const char *rest = spec + strlen(key);
    int at_least = strncmp(rest, ">=", 2) == 0;
    double want = atof(rest + (at_least ? 2 : 1));
    int ok = at_least ? got >= want : got == want;
    if (!ok) {
        fprintf(stderr, "check: %s is %g, expected %s\n", key, got, rest);
    }
    return ok;
}

static int check(const char *spec)
{
    if (strncmp(spec, "verdict=", 8) == 0) {
        int ok = strcmp(str(report, "verdict"), spec + 8) == 0;
        if (!ok) {
            fprintf(stderr, "check: verdict is %s, expected %s\n", str(report, "verdict"),
                    spec + 8);
        }
        return ok;
    }
    if (strncmp(spec, "tests=", 6) == 0) {
        const cJSON *s = cJSON_GetObjectItem(report, "summary");
        return check_number(spec, "tests", cJSON_GetNumberValue(cJSON_GetObjectItem(s, "tests")));
    }
    if (strncmp(spec, "boots", 5) == 0) {
        return check_number(spec, "boots",
                            cJSON_GetNumberValue(cJSON_GetObjectItem(report, "boots")));
    }
    if (strncmp(spec, "anomalies", 9) == 0) {
        return check_number(spec, "anomalies",
                            cJSON_GetArraySize(cJSON_GetObjectItem(report, "anomalies")));
    }
    static const struct {
        const char *prefix;
        const char *field;
    } fields[] = {{"where:", "file"}, {"message:", "message"}, {"evidence:", "evidence"}};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strncmp(spec, fields[i].prefix, strlen(fields[i].prefix)) == 0) {
            return check_field(spec + strlen(fields[i].prefix), fields[i].field);
        }
    }
    if (strncmp(spec, "test:", 5) == 0) {
        return check_test(spec + 5);
    }
    if (strncmp(spec, "group:", 6) == 0) {
        return check_group(spec + 6);
    }
    if (strncmp(spec, "file:", 5) == 0) {
        return check_file(spec + 5);
    }
    fprintf(stderr, "check: unknown check '%s'\n", spec);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: check-report DIR CHECK...\n");
        return 2;
    }
    dir = argv[1];
    char *text = slurp("report.json");
    report = text ? cJSON_Parse(text) : NULL;
    free(text);
    if (report == NULL) {
        fprintf(stderr, "check: %s/report.json is missing or not JSON\n", dir);
        return 1;
    }
    int failures = 0;
    for (int i = 2; i < argc; i++) {
        failures += !check(argv[i]);
    }
    cJSON_Delete(report);
    return failures ? 1 : 0;
}
