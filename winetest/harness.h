/*
 * A small Wine-style conformance harness: ok(), todo_builtin, skip(),
 * trace(), broken(). One binary tells the truth on Windows, on Wine's
 * builtin ws2_32 and on ws2host:
 *  - ok(cond, ...) states Windows' behaviour;
 *  - todo_builtin ok(...) marks where Wine's builtin ws2_32 is known to
 *    differ: there a failure counts as "todo" and a success as a failure
 *    (the todo is stale); on Windows and ws2host it is a plain ok();
 *  - todo_builtin_before(10) ok(...) marks where the builtin of a Wine
 *    older than 10.0 differs and Wine 10's does as Windows does (both
 *    measured: docs/wine10.md); on Wine 10 it is a plain ok();
 *  - broken(cond) accepts old-Windows behaviour on Windows only.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_HARNESS_H
#define WS2HOST_HARNESS_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#include <winternl.h>

enum implementation
{
    impl_windows,       /* not running under Wine */
    impl_wine_builtin,  /* Wine's own ws2_32.dll */
    impl_ws2host,       /* ours */
};

extern enum implementation harness_impl;
/* Wine's major version (ntdll's wine_get_version), 0 off Wine. */
extern int harness_wine_major;
/* The program's arguments: the suite name, then anything the runner adds. */
extern int harness_argc;
extern char **harness_argv;

int harness_ok(const char *file, int line, int condition, const char *format, ...)
    __attribute__((format(gnu_printf, 4, 5)));
void harness_trace(const char *file, int line, const char *format, ...)
    __attribute__((format(gnu_printf, 3, 4)));
void harness_skip(const char *file, int line, const char *format, ...)
    __attribute__((format(gnu_printf, 3, 4)));
int harness_todo_begin(int condition);
int harness_todo_end(void);
int harness_broken(int condition);
const char *harness_impl_name(enum implementation impl);
/* Directory holding the test executable, with a trailing backslash. */
const char *harness_exe_dir(void);

#define ok(cond, ...)  harness_ok(__FILE__, __LINE__, !!(cond), __VA_ARGS__)
#define trace(...)     harness_trace(__FILE__, __LINE__, __VA_ARGS__)
#define skip(...)      harness_skip(__FILE__, __LINE__, __VA_ARGS__)
#define broken(cond)   harness_broken(!!(cond))
#define todo_if(cond)  for (int todo_once_ = harness_todo_begin(!!(cond)); todo_once_; todo_once_ = harness_todo_end())
#define todo_builtin   todo_if(harness_impl == impl_wine_builtin)
#define todo_builtin_before(major) todo_if(harness_impl == impl_wine_builtin && harness_wine_major < (major))

/* One suite per file; main.c lists them. */
struct suite
{
    const char *name;
    void (*run)(void);
};

#endif /* WS2HOST_HARNESS_H */
