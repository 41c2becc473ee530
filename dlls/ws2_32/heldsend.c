/*
 * Sockets whose non-blocking send was taken whole while Linux took only
 * part of it: the unix side holds the rest and sends it in the
 * background (dlls/ws2host/unix/heldsend.c). Here: what the other calls
 * of such a socket must do so that no byte overtakes the held ones.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A socket that never held (held_tick 0: nearly all) costs nothing here:
 * no unix call, no fd fetch.
 */
#include "ws2_32_private.h"
#include "ws2host/afd.h"

void ws_note_held(const struct ws_call *call)
{
    struct ws_socket_info after = call->info;

    if (call->info.held_tick) return;
    after.held_tick = GetTickCount64() | 1;
    socket_table_update(call->s, &call->info, &after);
}

static int held_call(SOCKET s, const struct ws_socket_info *known, enum ws2host_held_action action, int *deferred)
{
    struct ws2host_held_params params = { .action = action, .timeout_ms = -1 };
    struct ws_socket_info info = *known;
    int err;

    *deferred = 0;
    if ((err = ws_socket_from_handle(s, &info, &params.fd))) return err;
    params.wait_key = info.wait_key;
    err = ws_unix_call(ws2host_call_held, &params);
    ws_unix_close_fd(params.fd);
    *deferred = params.deferred;
    return err;
}

/* Before a send through Wine: Wine's ntdll writes to the fd at once, so
 * held bytes go first (closesocket in another thread ends the wait). */
int ws_wait_held(SOCKET s)
{
    struct ws_socket_info info;
    int deferred;

    if (socket_table_lookup(s, &info) || !info.held_tick) return 0;
    return held_call(s, &info, ws2host_held_wait, &deferred);
}

/* shutdown's sending side: TRUE when the unix side does SHUT_WR itself
 * after the held bytes (Wine's server would do it at once and cut them
 * off). */
BOOL ws_shut_after_held(const struct ws_call *call)
{
    int deferred;

    if (!call->info.held_tick) return FALSE;
    return !held_call(call->s, &call->info, ws2host_held_shut, &deferred) && deferred;
}

/* closesocket: a graceful close lets held bytes go (the unix side keeps
 * the connection until then); an abortive one drops them. */
void ws_close_held(SOCKET s, const struct ws_socket_info *info)
{
    int deferred;

    if (info->held_tick) held_call(s, info, ws2host_held_close, &deferred);
}

/* A selecting socket whose send was refused because of held bytes: Wine's
 * server re-enables FD_WRITE only after a send of its own failed
 * (server/sock.c send_socket_completion_callback). This one fails in
 * Linux without moving a byte: its one buffer is at an address below
 * the lowest a process can map (Linux' mmap_min_addr), so sendmsg
 * answers EFAULT. */
void ws_rearm_write(const struct ws_call *call)
{
    WSABUF nowhere = { .len = 1, .buf = (char *)(ULONG_PTR)1 };
    struct ws_afd_sendmsg params = { .count = 1, .buffers = (ULONG_PTR)&nowhere };
    ULONG_PTR sent = 0;
    LONG status = ws_afd_ioctl(call->s, WS_IOCTL_AFD_WINE_SENDMSG, &params, sizeof(params), NULL, 0, &sent);

    TRACE("socket %#llx: FD_WRITE re-enabled by a failed send (status %#lx, %lu bytes)\n", (ULONGLONG)call->s,
          status, (unsigned long)sent);
}
