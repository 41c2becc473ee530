/*
 * The peer's name of a stream connection, remembered in the per-handle
 * state: Windows still names the peer after the connection was shut
 * down or closed by the peer, and while a non-blocking connect is under
 * way (Wine 10's Windows-run sock.c test_shutdown, test_connecting_socket),
 * where Linux answers ENOTCONN once the socket left the connected states.
 *
 * Learnt without a request: connect knows its target; accept with an
 * address buffer reads the name anyway; any other connection (accept
 * without one, AcceptEx, ConnectEx) is read from Linux once, at the
 * first call that fetches its fd (handles.c), one getpeername.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "ws2_32_private.h"
#include "ws2host/afd.h"

/* As Linux names a peer: IPv4's padding zero, IPv6's flow label 0. */
void ws_peer_remember(struct ws_socket_info *info, const struct sockaddr *name, int length)
{
    int size = info->family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);

    if (info->type != SOCK_STREAM || length < size || name->sa_family != info->family) return;
    memset(info->peer, 0, sizeof(info->peer));
    memcpy(info->peer, name, size);
    if (info->family == AF_INET) memset(((SOCKADDR_IN *)info->peer)->sin_zero, 0, 8);
    else ((SOCKADDR_IN6 *)info->peer)->sin6_flowinfo = 0;
    info->peer_length = size;
}

void ws_peer_forget(struct ws_socket_info *info)
{
    memset(info->peer, 0, sizeof(info->peer));
    info->peer_length = 0;
}

/* The first fd of a connection whose peer is not known: one getpeername. */
void ws_peer_learn(SOCKET s, struct ws_socket_info *info, int fd)
{
    struct ws2host_address_params name = { .fd = fd, .length = sizeof(name.address) };
    struct ws_socket_info after;

    if (info->type != SOCK_STREAM || !info->connect_tick || info->peer_length) return;
    after = *info;
    if (ws_unix_call(ws2host_call_getpeername, &name)) after.peer_length = -1;
    else ws_peer_remember(&after, (const struct sockaddr *)name.address, name.length);
    if (!after.peer_length) after.peer_length = -1;
    socket_table_update(s, info, &after);
    *info = after;
}

/* Was (or is) the socket connected? A non-blocking connect whose outcome
 * no call has seen yet asks Wine's server, which took it from Linux
 * (select.c does the same): connected or still under way, or failed. */
BOOL ws_was_connected(SOCKET s, const struct ws_socket_info *info)
{
    int error = 0;

    if (info->connect_tick) return TRUE;
    if (!info->connecting) return FALSE;
    return !ws_afd_call(s, WS_IOCTL_AFD_WINE_GET_SO_ERROR, NULL, 0, &error, sizeof(error)) && !error;
}

/* getpeername when Linux has no peer: the remembered one, if the socket
 * was connected or is connecting. 0 and the name, or WSAENOTCONN. */
int ws_peer_answer(SOCKET s, const struct ws_socket_info *info, struct ws2host_address_params *name)
{
    if (info->type != SOCK_STREAM || info->peer_length <= 0 || !ws_was_connected(s, info)) return WSAENOTCONN;
    memcpy(name->address, info->peer, info->peer_length);
    name->length = info->peer_length;
    return 0;
}
