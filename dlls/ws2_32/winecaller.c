/*
 * Calls from Wine's own DLLs, which were written against Wine's ws2_32.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Windows refuses name lookups before WSAStartup (WSANOTINITIALISED) and
 * programs get that answer from ws2host too. Wine's builtin ws2_32
 * resolves without a startup, and Wine's winhttp relies on it: it looks
 * the host up before its own WSAStartup, so a program that only uses
 * winhttp (and never calls WSAStartup, as on Windows it need not) would
 * fail with ERROR_WINHTTP_NAME_NOT_RESOLVED. Lookups called from a Wine
 * builtin DLL are therefore answered before any WSAStartup; the Linux
 * side is loaded on demand for them.
 */
#include <string.h>

#include "ws2_32_private.h"

/* winebuild --builtin writes this right after the DOS header (offset
 * 0x40) of every Wine builtin module; programs and native DLLs lack it. */
static const char builtin_marker[] = "Wine builtin DLL";
#define BUILTIN_MARKER_OFFSET 0x40

static BOOL is_wine_builtin(const void *address)
{
    HMODULE module;

    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                            address, &module))
        return FALSE;
    /* The marker lies in the header page, which every module has mapped. */
    return !memcmp((const char *)module + BUILTIN_MARKER_OFFSET, builtin_marker, sizeof(builtin_marker) - 1);
}

BOOL ws_may_resolve(const void *caller)
{
    if (ws_is_started()) return TRUE;
    if (!is_wine_builtin(caller)) return FALSE;
    TRACE("lookup before WSAStartup from Wine's %p\n", caller);
    return ws_unix_init();
}
