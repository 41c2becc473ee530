/*
 * The conformance harness: counting, reporting, and telling which
 * ws2_32 implementation is under test.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "implementation.h"
#include "util.h"

enum implementation harness_impl;
int harness_wine_major;
int harness_argc;
char **harness_argv;

static LONG passed, failed, todo, skipped;
static int todo_depth_active;       /* inside a todo block that applies */
static const char *current_suite = "";

static const char *short_name(const char *file)
{
    const char *slash = strrchr(file, '/');
    const char *backslash = strrchr(file, '\\');

    if (backslash > slash) slash = backslash;
    return slash ? slash + 1 : file;
}

static void report(const char *file, int line, const char *what, const char *format, va_list args)
{
    printf("%s:%d: %s", short_name(file), line, what);
    vprintf(format, args);
    fflush(stdout);
}

int harness_ok(const char *file, int line, int condition, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    if (todo_depth_active)
    {
        if (condition)
        {
            report(file, line, "Test succeeded inside todo block: ", format, args);
            InterlockedIncrement(&failed);
        }
        else
        {
            report(file, line, "Test marked todo: ", format, args);
            InterlockedIncrement(&todo);
        }
    }
    else if (condition) InterlockedIncrement(&passed);
    else
    {
        report(file, line, "Test failed: ", format, args);
        InterlockedIncrement(&failed);
    }
    va_end(args);
    return condition;
}

void harness_trace(const char *file, int line, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    report(file, line, "", format, args);
    va_end(args);
}

void harness_skip(const char *file, int line, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    report(file, line, "Tests skipped: ", format, args);
    va_end(args);
    InterlockedIncrement(&skipped);
}

int harness_todo_begin(int condition)
{
    todo_depth_active = condition;
    return 1;
}

int harness_todo_end(void)
{
    todo_depth_active = 0;
    return 0;
}

int harness_broken(int condition)
{
    return harness_impl == impl_windows && condition;
}

const char *harness_impl_name(enum implementation impl)
{
    static const char *const names[] = { "windows", "builtin", "ws2host" };
    return names[impl];
}

const char *harness_exe_dir(void)
{
    static char dir[MAX_PATH];
    char *slash;

    if (!dir[0])
    {
        GetModuleFileNameA(NULL, dir, sizeof(dir));
        if ((slash = strrchr(dir, '\\'))) slash[1] = 0;
    }
    return dir;
}

/* A crash is a failure with a clear message, not a silent death. */
static LONG WINAPI crash_handler(EXCEPTION_POINTERS *info)
{
    printf("%s: Test failed: unhandled exception %#lx at %p\n", current_suite,
           info->ExceptionRecord->ExceptionCode, info->ExceptionRecord->ExceptionAddress);
    printf("%s: %ld passed, %ld failed\n", current_suite, passed, failed + 1);
    fflush(stdout);
    ExitProcess(2);
    return EXCEPTION_CONTINUE_SEARCH;
}

extern const struct suite suites[];
extern const struct child_entry child_entries[];

/* `exe child NAME ARGS...`: a helper process a suite started. */
static int run_child(int argc, char **argv)
{
    for (const struct child_entry *c = child_entries; c->name; c++)
        if (!strcmp(c->name, argv[0])) return c->run(argc - 1, argv + 1);
    printf("no child entry %s\n", argv[0]);
    return 0xbad;
}

static void list_suites(void)
{
    for (const struct suite *s = suites; s->name; s++) printf("%s\n", s->name);
}

int main(int argc, char **argv)
{
    const char *wanted = argc > 1 ? argv[1] : NULL;
    int ran = 0;

    harness_argc = argc;
    harness_argv = argv;
    setvbuf(stdout, NULL, _IONBF, 0);
    SetUnhandledExceptionFilter(crash_handler);
    harness_impl = detect_implementation();
    harness_wine_major = detect_wine_major();
    if (wanted && !strcmp(wanted, "child") && argc > 2) return run_child(argc - 2, argv + 2);
    if (wanted && !strcmp(wanted, "--list"))
    {
        list_suites();
        return 0;
    }
    printf("ws2_32 under test: %s (Wine %d)\n", harness_impl_name(harness_impl), harness_wine_major);
    for (const struct suite *s = suites; s->name; s++)
    {
        if (wanted && strcmp(wanted, s->name)) continue;
        current_suite = s->name;
        s->run();
        ran++;
    }
    if (!ran)
    {
        printf("no suite named %s\n", wanted ? wanted : "(none)");
        return 2;
    }
    printf("%ld tests marked todo\n", todo);
    printf("%s: %ld passed, %ld failed, %ld skipped\n", wanted ? wanted : "winetest",
           passed, failed, skipped);
    return failed ? 1 : 0;
}
