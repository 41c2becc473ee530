/*
 * SO_UPDATE_ACCEPT_CONTEXT and SO_UPDATE_CONNECT_CONTEXT: what a program
 * sets on a socket that AcceptEx or ConnectEx connected, so that the
 * rest of Winsock treats it as connected (Microsoft's AcceptEx and
 * ConnectEx documentation). Wine's server already knows the connection;
 * here the per-handle state learns it.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ws2_32_private.h"

static int update_accept_context(SOCKET s, struct ws_socket_info *info, const char *optval, int optlen)
{
    struct ws_socket_info listener, after = *info;
    SOCKET listening;
    int err;

    if (optlen < (int)sizeof(SOCKET) || !ws_readable(optval, sizeof(SOCKET))) return WSAEFAULT;
    listening = *(const SOCKET *)optval;
    if ((err = ws_socket_state(listening, &listener))) return err;
    /* The listener's properties; its fd is the connection's now. */
    after.nonblocking = listener.nonblocking;
    after.address_use = listener.address_use;
    after.rcvtimeo = listener.rcvtimeo;
    after.sndtimeo = listener.sndtimeo;
    after.inode = 0;
    after.listening = after.connecting = 0;
    after.connect_tick = GetTickCount64();
    socket_table_update(s, info, &after);
    return 0;
}

static int update_connect_context(SOCKET s, struct ws_socket_info *info)
{
    struct ws_socket_info after = *info;

    after.connecting = 0;
    after.connect_tick = GetTickCount64();
    socket_table_update(s, info, &after);
    return 0;
}

BOOL ws_is_context_option(int level, int option)
{
    return level == SOL_SOCKET && (option == SO_UPDATE_ACCEPT_CONTEXT || option == SO_UPDATE_CONNECT_CONTEXT);
}

int ws_set_context_option(SOCKET s, int option, const char *optval, int optlen)
{
    struct ws_socket_info info;
    int err;

    if ((err = ws_socket_state(s, &info))) return err;
    if (option == SO_UPDATE_ACCEPT_CONTEXT) return update_accept_context(s, &info, optval, optlen);
    return update_connect_context(s, &info);
}
