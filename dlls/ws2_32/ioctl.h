/*
 * A WSAIoctl call as the handlers of its control codes see it.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_IOCTL_H
#define WS2HOST_IOCTL_H

#include "ws2_32_private.h"

struct ioctl_call
{
    struct ws_call *frame;              /* verified, no fd unless a handler asks */
    const void *in;
    DWORD in_size;
    void *out;
    DWORD out_size;
    DWORD *returned;
    /* The codes that complete on it themselves (ASYNC) hand it on. */
    WSAOVERLAPPED *overlapped;
    LPWSAOVERLAPPED_COMPLETION_ROUTINE completion;
};

/* netioctl.c: the codes about the network and the connection. */
int ws_ioctl_keepalive(struct ioctl_call *call);
int ws_ioctl_udp_connreset(struct ioctl_call *call);
int ws_ioctl_loopback_fast_path(struct ioctl_call *call);
int ws_ioctl_interface_list(struct ioctl_call *call);
int ws_ioctl_address_list(struct ioctl_call *call);
int ws_ioctl_routing_interface(struct ioctl_call *call);
int ws_ioctl_address_list_change(struct ioctl_call *call);
int ws_ioctl_send_backlog(struct ioctl_call *call);
int ws_ioctl_circular_queueing(struct ioctl_call *call);

#endif
