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

static int update_accept_context(struct ws_call *call, const char *optval, int optlen)
{
    struct ws_socket_info after = call->info;
    struct ws_call listening;
    int err;

    if (optlen < (int)sizeof(SOCKET) || !ws_readable(optval, sizeof(SOCKET))) return WSAEFAULT;
    /* The listener's state only: its frame holds no fd to release. */
    if ((err = ws_call_begin(&listening, *(const SOCKET *)optval, WS_CALL_STATE))) return err;
    /* The listener's properties; its fd is the connection's now. */
    after.nonblocking = listening.info.nonblocking;
    after.address_use = listening.info.address_use;
    after.rcvtimeo = listening.info.rcvtimeo;
    after.sndtimeo = listening.info.sndtimeo;
    after.inode = 0;
    after.listening = after.connecting = 0;
    after.connect_tick = GetTickCount64();
    ws_peer_forget(&after);     /* learnt again at the next fd fetch */
    socket_table_update(call->s, &call->info, &after);
    return 0;
}

static int update_connect_context(struct ws_call *call)
{
    struct ws_socket_info after = call->info;

    after.connecting = 0;
    after.connect_tick = GetTickCount64();
    ws_peer_forget(&after);     /* learnt again at the next fd fetch */
    socket_table_update(call->s, &call->info, &after);
    return 0;
}

BOOL ws_is_context_option(int level, int option)
{
    return level == SOL_SOCKET && (option == SO_UPDATE_ACCEPT_CONTEXT || option == SO_UPDATE_CONNECT_CONTEXT);
}

int ws_set_context_option(struct ws_call *call, int option, const char *optval, int optlen)
{
    if (option == SO_UPDATE_ACCEPT_CONTEXT) return update_accept_context(call, optval, optlen);
    return update_connect_context(call);
}
