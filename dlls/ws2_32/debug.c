/*
 * Tracing through Wine's debug channels.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdarg.h>
#include <stdio.h>
#include <windows.h>

#include "debug.h"

/* 0xff: "not looked up yet"; Wine fills the real flags on first use. */
struct ws_debug_channel ws_channel_winsock = { 0xff, "winsock" };
struct ws_debug_channel ws_channel_winediag = { 0xff, "winediag" };

typedef unsigned char (__cdecl *get_flags_fn)(struct ws_debug_channel *);
typedef int (__cdecl *header_fn)(enum ws_debug_class, struct ws_debug_channel *, const char *);
typedef int (__cdecl *output_fn)(const char *);

static get_flags_fn wine_get_flags;
static header_fn wine_header;
static output_fn wine_output;

void ws_debug_init(void)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    get_flags_fn get_flags = (get_flags_fn)(void *)GetProcAddress(ntdll, "__wine_dbg_get_channel_flags");
    header_fn header = (header_fn)(void *)GetProcAddress(ntdll, "__wine_dbg_header");
    output_fn output = (output_fn)(void *)GetProcAddress(ntdll, "__wine_dbg_output");

    if (!get_flags || !header || !output) return;   /* not Wine: stay silent */
    wine_header = header;
    wine_output = output;
    wine_get_flags = get_flags;
}

int ws_debug_enabled(enum ws_debug_class cls, struct ws_debug_channel *channel)
{
    if (!wine_get_flags) return 0;
    return (wine_get_flags(channel) >> cls) & 1;
}

void ws_debug_log(enum ws_debug_class cls, struct ws_debug_channel *channel,
                  const char *function, const char *format, ...)
{
    char buffer[1024];
    va_list args;
    int len;

    if (!wine_header || wine_header(cls, channel, function) == -1) return;
    va_start(args, format);
    len = vsnprintf(buffer, sizeof(buffer), format, args);
    va_end(args);
    if (len < 0) return;
    if ((size_t)len >= sizeof(buffer)) buffer[sizeof(buffer) - 2] = '\n';
    wine_output(buffer);
}
