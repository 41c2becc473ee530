/*
 * Overlapped sends that complete in user mode: the hybrid of
 * ../shared/docs/async-design.md, for sends.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Windows' rule: an operation that succeeds at once on a handle with
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS posts no completion packet, and
 * with FILE_SKIP_SET_EVENT_ON_HANDLE the handle is not signalled. So an
 * overlapped send without an event or completion routine on such a
 * socket, that Linux takes whole at once, is complete when the status
 * block says so: nothing is owed to the port, the handle or an event.
 * Go, libuv (Node.js) and .NET set both flags on their sockets. Wine's
 * path for the same send costs send_socket, set_async_direct_result and
 * ntdll's fd fetch; here it costs our fd fetch alone (none on a socket
 * whose fd Wine caches).
 *
 * Order: once any overlapped send of a socket went through Wine, all of
 * its later ones do, so a send held by the server is never overtaken
 * (and Wine 10 may keep the rest of a short stream send queued inside).
 */
#include <winternl.h>

#include "ws2_32_private.h"

#define FILE_IO_COMPLETION_NOTIFICATION_CLASS 41
#define SKIP_PORT_ON_SUCCESS 0x1    /* FILE_SKIP_COMPLETION_PORT_ON_SUCCESS */
#define SKIP_SET_EVENT 0x2          /* FILE_SKIP_SET_EVENT_ON_HANDLE */

static void set_send_path(struct ws_call *call, int path)
{
    struct ws_socket_info after = call->info;

    if (call->info.send_path == path) return;
    after.send_path = path;
    socket_table_update(call->s, &call->info, &after);
    call->info = after;
}

/* The completion mode is read once (one request): programs set it right
 * after making the socket, and Wine's server only ever adds flags. */
static BOOL skips_completion(struct ws_call *call)
{
    IO_STATUS_BLOCK io;
    ULONG flags = 0;

    if (call->info.send_path == ws_send_path_unknown)
    {
        if (NtQueryInformationFile((HANDLE)call->s, &io, &flags, sizeof(flags),
                                   FILE_IO_COMPLETION_NOTIFICATION_CLASS))
            flags = 0;
        set_send_path(call, (flags & (SKIP_PORT_ON_SUCCESS | SKIP_SET_EVENT)) ==
                                    (SKIP_PORT_ON_SUCCESS | SKIP_SET_EVENT) ? ws_send_path_at_once
                                                                            : ws_send_path_wine);
    }
    return call->info.send_path == ws_send_path_at_once;
}

int ws_send_at_once(struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, DWORD flags,
                    const struct sockaddr *to, int tolen, WSAOVERLAPPED *overlapped,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE completion, DWORD *sent)
{
    const struct ws_socket_info *info = &call->info;
    DWORD done = 0;
    int err;

    /* What only Wine's path does: an event or routine to complete, the
     * events of an event selection, a stream that has no connection. */
    if (completion || overlapped->hEvent || flags || info->event_mask || count > WS2HOST_MAX_BUFFERS ||
        (info->type == SOCK_STREAM && (!info->connect_tick || info->connecting)) ||
        info->send_path == ws_send_path_wine)
        return WSAEWOULDBLOCK;
    if (!skips_completion(call) || ws_call_need_fd(call)) return WSAEWOULDBLOCK;
    if ((err = ws_send_whole_on(call, buffers, count, to, tolen, &done))) return WSAEWOULDBLOCK;
    TRACE("socket %#llx: %lu bytes sent at once\n", (ULONGLONG)call->s, done);
    overlapped->Internal = 0;       /* STATUS_SUCCESS */
    overlapped->InternalHigh = done;
    if (sent) *sent = done;
    return 0;
}
