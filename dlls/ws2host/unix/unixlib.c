/*
 * The table Wine's loader finds in ws2host.so: __wine_unix_call_funcs,
 * indexed by enum ws2host_call.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ws2host/unixlib.h"
#include "unix_private.h"

/* Wine calls each entry as NTSTATUS fn(void *); NTSTATUS is a 32-bit int. */
typedef unsigned int (*ws2host_entry)(void *args);

unsigned int unix_abi_version(void *args)
{
    struct ws2host_abi_version_params *params = args;

    params->version = WS2HOST_ABI_VERSION;
    params->call_count = ws2host_call_count;
    return 0;
}

__attribute__((visibility("default")))
const ws2host_entry __wine_unix_call_funcs[] =
{
    [ws2host_call_abi_version]   = unix_abi_version,
    [ws2host_call_fd_close]      = unix_fd_close,
    [ws2host_call_fd_identify]   = unix_fd_identify,
    [ws2host_call_sockopt]       = unix_sockopt,
    [ws2host_call_getsockname]   = unix_getsockname,
    [ws2host_call_getpeername]   = unix_getpeername,
    [ws2host_call_send]          = unix_send,
    [ws2host_call_recv]          = unix_recv,
    [ws2host_call_cancel]        = unix_cancel,
    [ws2host_call_readable]      = unix_readable,
    [ws2host_call_poll]          = unix_poll,
    [ws2host_call_disconnect]    = unix_disconnect,
    [ws2host_call_first_listener] = unix_first_listener,
    [ws2host_call_send_at_once]  = unix_send_at_once,
    [ws2host_call_fds_from_handles] = unix_fds_from_handles,
    [ws2host_call_fds_close]     = unix_fds_close,
    [ws2host_call_recvmsg]       = unix_recvmsg,
    [ws2host_call_held]          = unix_held,
    [ws2host_call_getaddrinfo]   = unix_getaddrinfo,
    [ws2host_call_gethostname]   = unix_gethostname,
    [ws2host_call_linger]        = unix_linger,
    [ws2host_call_getnameinfo]   = unix_getnameinfo,
    [ws2host_call_getservice]    = unix_getservice,
};

_Static_assert(sizeof(__wine_unix_call_funcs) / sizeof(__wine_unix_call_funcs[0]) == ws2host_call_count,
               "one entry per enum ws2host_call value");
