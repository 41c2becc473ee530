/*
 * Reaching ws2host.so: load the builtin-marked bridge module, ask Wine for
 * the unix library of its module base, and call through Wine's dispatcher.
 * Also resolves the other Wine-only ntdll exports we use.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Wine only gives a unix library to modules it loaded as builtin, and a
 * builtin named ws2_32.dll would be Wine's own; so ws2_32.dll is a plain
 * native DLL and ws2host.dll carries the builtin marker (see
 * docs/design.md).
 */

#include "ws2_32_private.h"

#define MEMORY_WINE_UNIX_FUNCS 1000     /* Wine's MemoryWineUnixFuncs class */

typedef LONG (WINAPI *unix_call_fn)(UINT64 handle, unsigned int code, void *args);
typedef LONG (WINAPI *query_vm_fn)(HANDLE, const void *, int, void *, SIZE_T, SIZE_T *);

struct wine_abi wine;

static UINT64 unixlib_handle;
static unix_call_fn unix_call;
static INIT_ONCE init_once = INIT_ONCE_STATIC_INIT;
static BOOL init_ok;

static BOOL resolve_dispatcher(HMODULE ntdll)
{
    void *dispatcher;

    /* Wine 8 exports the function; newer Wine only the pointer variable. */
    if ((unix_call = (unix_call_fn)(void *)GetProcAddress(ntdll, "__wine_unix_call")))
        return TRUE;
    dispatcher = (void *)GetProcAddress(ntdll, "__wine_unix_call_dispatcher");
    if (dispatcher) unix_call = *(unix_call_fn *)dispatcher;
    return unix_call != NULL;
}

static BOOL CALLBACK init_unix_side(INIT_ONCE *once, void *param, void **context)
{
    struct ws2host_abi_version_params abi = { 0 };
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    query_vm_fn query_vm;
    HMODULE bridge;
    LONG status;

    (void)once; (void)param; (void)context;
    wine.handle_to_fd = (void *)GetProcAddress(ntdll, "wine_server_handle_to_fd");
    query_vm = (query_vm_fn)(void *)GetProcAddress(ntdll, "NtQueryVirtualMemory");
    if (!wine.handle_to_fd || !query_vm || !resolve_dispatcher(ntdll))
    {
        DIAG("ws2host needs Wine: ntdll.dll lacks Wine's exports\n");
        return TRUE;
    }
    if (!(bridge = LoadLibraryW(L"ws2host.dll")))
    {
        DIAG("cannot load the bridge ws2host.dll (error %lu): install ws2host with ws2host-install\n",
             GetLastError());
        return TRUE;
    }
    status = query_vm(GetCurrentProcess(), bridge, MEMORY_WINE_UNIX_FUNCS,
                      &unixlib_handle, sizeof(unixlib_handle), NULL);
    if (status)
    {
        DIAG("no unix library for ws2host.dll (status %#lx): is ws2host.so in WINEDLLPATH?\n", status);
        return TRUE;
    }
    if (unix_call(unixlib_handle, ws2host_call_abi_version, &abi) ||
        abi.version != WS2HOST_ABI_VERSION || abi.call_count != ws2host_call_count)
    {
        DIAG("ws2host.so speaks ABI %u with %u calls, ws2_32.dll needs %u with %u: reinstall\n",
             abi.version, abi.call_count, WS2HOST_ABI_VERSION, ws2host_call_count);
        return TRUE;
    }
    init_ok = TRUE;
    TRACE("unix side ready, handle %#llx\n", (ULONGLONG)unixlib_handle);
    return TRUE;
}

const char *ws_wine_version(void)
{
    const char *(__cdecl *get_version)(void);

    get_version = (void *)GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "wine_get_version");
    return get_version ? get_version() : "(unknown)";
}

/* The leading number of Wine's version, 0 if it has none. */
int ws_wine_major(void)
{
    static int major = -1;
    const char *version;
    int value = 0;

    if (major >= 0) return major;
    for (version = ws_wine_version(); *version >= '0' && *version <= '9' && value < 1000; version++)
        value = value * 10 + (*version - '0');
    return major = value;
}

/* How ntdll.so's exports are called (unixlib.h): known for the Wines
 * measured, Windows' on 8 and Linux' from 10 on; 9 is not. */
unsigned int ws_unix_convention(void)
{
    int major = ws_wine_major();

    if (major == 8) return ws2host_convention_windows;
    if (major >= 10) return ws2host_convention_linux;
    return ws2host_convention_unknown;
}

BOOL ws_unix_init(void)
{
    InitOnceExecuteOnce(&init_once, init_unix_side, NULL, NULL);
    return init_ok;
}

unsigned int ws_unix_call(enum ws2host_call code, void *params)
{
    return (unsigned int)unix_call(unixlib_handle, code, params);
}

void ws_unix_close_fd(int fd)
{
    struct ws2host_fd_close_params params = { .fd = fd };

    if (fd >= 0) ws_unix_call(ws2host_call_fd_close, &params);
}
