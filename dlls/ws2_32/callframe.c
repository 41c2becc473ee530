/*
 * The call frame around every Winsock function on a socket: the checks
 * and lookups before its work, and its ending (the fd given back, the
 * last error set, the return value shaped), each in one place.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Windows checks in this order: Winsock started (WSANOTINITIALISED),
 * then the socket (WSAENOTSOCK), then the function's own arguments; a
 * few functions check arguments of theirs first, and begin with
 * WS_CALL_NOTHING so that they still end through the frame.
 */
#include "ws2_32_private.h"

/* The state alone, for calls Wine's server answers: known state costs no
 * fd fetch at all; the server itself refuses a handle that is not a
 * socket. Unknown handles are identified (and adopted) once. */
static int look_up_state(SOCKET s, struct ws_socket_info *info)
{
    if (s == INVALID_SOCKET || !s) return WSAENOTSOCK;
    if (!socket_table_lookup(s, info)) return 0;
    return ws_socket_from_handle(s, info, NULL);
}

/* Known state, and the handle still names a socket object: a handle
 * closed with CloseHandle, or whose value now names a file, is refused
 * for one request and no fd. Unknown handles are identified and adopted. */
static int look_up_socket_object(SOCKET s, struct ws_socket_info *info)
{
    if (s == INVALID_SOCKET || !s) return WSAENOTSOCK;
    if (socket_table_lookup(s, info)) return ws_socket_verified(s, info, NULL);
    return ws_afd_is_socket_object(s) ? 0 : WSAENOTSOCK;
}

static int look_up(struct ws_call *call)
{
    switch (call->flags & WS_CALL_NEEDS)
    {
    case WS_CALL_STARTED:     return 0;
    case WS_CALL_STATE:       return look_up_state(call->s, &call->info);
    case WS_CALL_FD:          return ws_socket_from_handle(call->s, &call->info, &call->fd);
    case WS_CALL_VERIFIED:    return ws_socket_verified(call->s, &call->info, NULL);
    case WS_CALL_VERIFIED_FD: return ws_socket_verified(call->s, &call->info, &call->fd);
    case WS_CALL_REGISTERED:  return ws_registered_socket(call->s, &call->info);
    case WS_CALL_SOCKET_OBJECT: return look_up_socket_object(call->s, &call->info);
    }
    return WSAEINVAL;
}

int ws_call_begin(struct ws_call *call, SOCKET s, unsigned int flags)
{
    call->s = s;
    call->fd = -1;
    call->flags = flags;
    call->source = NULL;
    if ((flags & WS_CALL_NEEDS) == WS_CALL_NOTHING) return 0;
    if (!ws_is_started()) return WSANOTINITIALISED;
    return look_up(call);
}

/* A call that finds out only later that it moves data itself: the
 * lookup of the data calls, which refreshes the state. */
int ws_call_need_fd(struct ws_call *call)
{
    if (call->fd >= 0) return 0;
    return ws_socket_from_handle(call->s, &call->info, &call->fd);
}

void ws_call_release(struct ws_call *call)
{
    ws_unix_close_fd(call->fd);
    call->fd = -1;
}

int ws_call_begin_many(struct ws_call *calls, unsigned int count, BOOL later, unsigned int *failed)
{
    int err;

    *failed = 0;
    for (unsigned int i = 0; i < count; i++)
    {
        calls[i].fd = -1;
        calls[i].flags = WS_CALL_VERIFIED_FD;
        calls[i].source = NULL;
    }
    if (!ws_is_started()) return WSANOTINITIALISED;
    if ((err = ws_sockets_verified(calls, count, later, failed)) != WSAEOPNOTSUPP) return err;
    /* No fetching on the unix side: one by one. */
    for (unsigned int i = 0; i < count; i++)
    {
        if ((err = ws_call_begin(&calls[i], calls[i].s, WS_CALL_VERIFIED_FD)))
        {
            *failed = i;
            ws_call_release_many(calls, i);
            return err;
        }
    }
    return 0;
}

int ws_call_verify_many(struct ws_call *calls, unsigned int count, const BOOL *wanted, unsigned int *failed)
{
    return ws_sockets_verify(calls, count, wanted, failed);
}

void ws_call_release_many(struct ws_call *calls, unsigned int count)
{
    ws_fds_close(calls, count);
}

/* The fd goes back first: nothing after the last error may change it. */
static BOOL end(struct ws_call *call, int err)
{
    ws_call_release(call);
    if (err || !(call->flags & WS_CALL_KEEP_ERROR)) SetLastError(err);
    return !err;
}

int ws_call_end(struct ws_call *call, int err)
{
    return end(call, err) ? 0 : SOCKET_ERROR;
}

int ws_call_end_count(struct ws_call *call, int err, int count)
{
    return end(call, err) ? count : SOCKET_ERROR;
}

SOCKET ws_call_end_socket(struct ws_call *call, int err, SOCKET result)
{
    return end(call, err) ? result : INVALID_SOCKET;
}

BOOL ws_call_end_bool(struct ws_call *call, int err)
{
    return end(call, err);
}
