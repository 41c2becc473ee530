/*
 * Transfers through Wine's socket device: overlapped WSARecv/WSASend and
 * their forms, and the calls that need what only Wine's path carries
 * (control messages of WSARecvMsg). ntdll moves the data and completes
 * the operation: status block, event, completion routine (an APC to the
 * issuing thread, run in an alertable wait) and the completion port with
 * the association's key, honouring FILE_SKIP_COMPLETION_PORT_ON_SUCCESS
 * and FILE_SKIP_SET_EVENT_ON_HANDLE.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <winternl.h>

#include "ws2_32_private.h"
#include "ws2host/afd.h"

#define STATUS_PENDING_VALUE   ((LONG)0x00000103)
#define STATUS_CANCELLED_VALUE ((LONG)0xc0000120)

/* The completion routine runs as an APC of the issuing thread. */
static void WINAPI run_completion_routine(void *context, IO_STATUS_BLOCK *io, ULONG reserved)
{
    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine = context;

    (void)reserved;
    routine(ws_overlapped_error(io->Status), (DWORD)io->Information, (WSAOVERLAPPED *)io, 0);
}

/* closesocket cancels the operations of sockets that ever had one; a
 * socket that sent through Wine sends through Wine from then on
 * (sendatonce.c). */
static void note_async(SOCKET s, DWORD code)
{
    BOOL sending = code == WS_IOCTL_AFD_WINE_SENDMSG || code == WS_IOCTL_AFD_WINE_TRANSMIT;
    struct ws_socket_info before, after;

    if (socket_table_lookup(s, &before)) return;
    if (before.async_issued && (!sending || before.send_path == ws_send_path_wine)) return;
    after = before;
    after.async_issued = 1;
    if (sending) after.send_path = ws_send_path_wine;
    socket_table_update(s, &before, &after);
}

/* The server holds a send: a direct one must not overtake it. */
static void note_send_pended(SOCKET s)
{
    struct ws_socket_info before, after;

    if (socket_table_lookup(s, &before) || before.send_pended) return;
    after = before;
    after.send_pended = 1;
    socket_table_update(s, &before, &after);
}

int ws_async_call(SOCKET s, DWORD code, const void *in, DWORD in_size, void *out, DWORD out_size,
                  WSAOVERLAPPED *overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    PIO_APC_ROUTINE apc = NULL;
    HANDLE event = overlapped->hEvent;
    void *context = NULL;
    NTSTATUS status;

    /* An event with its low bit set asks for no completion packet. */
    if (!((ULONG_PTR)event & 1)) context = overlapped;
    if (completion)
    {
        event = NULL;
        apc = run_completion_routine;
        context = completion;
    }
    /* The count stays as it was while pending (sock.c
     * test_nonblocking_async_recv). */
    overlapped->Internal = STATUS_PENDING_VALUE;
    note_async(s, code);
    status = NtDeviceIoControlFile((HANDLE)s, event, apc, context, (IO_STATUS_BLOCK *)overlapped, code, (void *)in,
                                   in_size, out, out_size);
    TRACE("socket %#llx, code %#lx, overlapped %p: status %#lx\n", (ULONGLONG)s, code, overlapped, status);
    if (status == STATUS_PENDING_VALUE && (code == WS_IOCTL_AFD_WINE_SENDMSG || code == WS_IOCTL_AFD_WINE_TRANSMIT))
        note_send_pended(s);
    if (status == STATUS_PENDING_VALUE) return WSA_IO_PENDING;
    return ws_error_from_status(status);
}

/* A call through Wine that blocks (no OVERLAPPED): closesocket in another
 * thread cancels it, and Windows then fails it with WSAEINTR. */
static int blocking_transfer(SOCKET s, DWORD code, const void *in, DWORD in_size, DWORD *transferred)
{
    ULONG_PTR count = 0;
    LONG status = ws_afd_ioctl(s, code, in, in_size, NULL, 0, &count);

    if (status == STATUS_CANCELLED_VALUE) return WSAEINTR;
    if (!status && transferred) *transferred = (DWORD)count;
    return ws_error_from_status(status);
}

int ws_wine_receive(SOCKET s, WSABUF *buffers, DWORD count, DWORD *received, DWORD *flags, struct sockaddr *from,
                    int *fromlen, WSABUF *control, WSAOVERLAPPED *overlapped,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    struct ws_afd_recvmsg params =
    {
        .control = (ULONG_PTR)control,
        .address = (ULONG_PTR)from,
        .address_length = (ULONG_PTR)fromlen,
        .flags = (ULONG_PTR)flags,
        .force_async = overlapped != NULL,
        .count = count,
        .buffers = (ULONG_PTR)buffers,
    };
    int err;

    if (!overlapped) return blocking_transfer(s, WS_IOCTL_AFD_WINE_RECVMSG, &params, sizeof(params), received);
    err = ws_async_call(s, WS_IOCTL_AFD_WINE_RECVMSG, &params, sizeof(params), NULL, 0, overlapped, completion);
    if (!err && received) *received = (DWORD)overlapped->InternalHigh;
    return err;
}

int ws_wine_send(SOCKET s, const WSABUF *buffers, DWORD count, DWORD *sent, DWORD flags, const struct sockaddr *to,
                 int tolen, WSAOVERLAPPED *overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    struct ws_afd_sendmsg params =
    {
        .address = (ULONG_PTR)to,
        .address_length = to ? tolen : 0,
        .flags = flags,
        .force_async = overlapped != NULL,
        .count = count,
        .buffers = (ULONG_PTR)buffers,
    };
    int err;

    /* Held bytes of an earlier send go first (heldsend.c). */
    if ((err = ws_wait_held(s))) return err;
    if (!overlapped) return blocking_transfer(s, WS_IOCTL_AFD_WINE_SENDMSG, &params, sizeof(params), sent);
    err = ws_async_call(s, WS_IOCTL_AFD_WINE_SENDMSG, &params, sizeof(params), NULL, 0, overlapped, completion);
    if (!err && sent) *sent = (DWORD)overlapped->InternalHigh;
    return err;
}

/***********************************************************************
 *      WSARecvMsg (the extension function)
 */
int WINAPI ws_WSARecvMsg(SOCKET s, WSAMSG *msg, DWORD *received, WSAOVERLAPPED *overlapped,
                         LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    struct ws_call call;
    ULONG room;
    int err;

    TRACE("socket %#llx, msg %p, received %p, overlapped %p, completion %p\n", (ULONGLONG)s, msg, received,
          overlapped, completion);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end(&call, err);
    if (!ws_writable(msg, sizeof(*msg)) || (overlapped && !ws_writable(overlapped, sizeof(*overlapped))))
        return ws_call_end(&call, WSAEFAULT);
    if (!call.info.overlapped) overlapped = NULL;
    /* Without an OVERLAPPED, a datagram socket receives direct (0
     * requests against Wine's recv_socket and set_async_direct_result);
     * a selecting socket's receive goes through Wine, which re-enables
     * FD_READ. */
    if (!overlapped && call.info.type != SOCK_STREAM && !call.info.event_mask)
        return ws_call_end(&call, ws_receive_message(&call, msg, received));
    room = msg->Control.len;
    err = ws_wine_receive(s, msg->lpBuffers, msg->dwBufferCount, received, &msg->dwFlags, msg->name,
                          msg->name ? &msg->namelen : NULL, &msg->Control, overlapped, completion);
    /* Linux gives the ECN bits in the TOS byte, which Wine delivers as
     * IP_TOS (recvcontrol.c); a receive Wine completes later keeps that. */
    if (!err) ws_recv_control_ecn(&msg->Control, room, &msg->dwFlags, call.info.recv_control);
    else if (err == WSA_IO_PENDING && (call.info.recv_control & (WS_RECV_ECN | WS_RECV_ECN6)))
        FIXME_ONCE("a pending WSARecvMsg delivers IP_TOS/IPV6_TCLASS, not IP_ECN/IPV6_ECN\n");
    return ws_call_end(&call, err);
}

/***********************************************************************
 *      WSASendMsg (WS2_32.89, and the extension function)
 */
int WINAPI WSASendMsg(SOCKET s, LPWSAMSG msg, DWORD flags, LPDWORD sent, LPWSAOVERLAPPED overlapped,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    struct ws_call call;
    int err;

    TRACE("socket %#llx, msg %p, flags %#lx, sent %p, overlapped %p, completion %p\n", (ULONGLONG)s, msg, flags,
          sent, overlapped, completion);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end(&call, err);
    /* The count may be left out only with an OVERLAPPED (sock.c test_WSASendMsg). */
    if (!ws_readable(msg, sizeof(*msg)) || (overlapped && !ws_writable(overlapped, sizeof(*overlapped))) ||
        (!overlapped && !ws_writable(sent, sizeof(*sent))))
        return ws_call_end(&call, WSAEFAULT);
    /* WSASendMsg goes as WSASendTo does: direct on the fd (0 requests
     * once it is cached, against Wine's send_socket and
     * set_async_direct_result), the overlapped forms by sendatonce.c's
     * rule. Wine 8's send path carries no control messages, so one that
     * chooses its source is added by the unix side (sendcontrol.c). */
    {
        struct ws2host_pktinfo source;

        if ((err = ws_send_control_source(&msg->Control, call.info.family, &source)))
            return ws_call_end(&call, err);
        ws_call_release(&call);
        return ws_send_from_source(s, msg->lpBuffers, msg->dwBufferCount, sent, flags, msg->name, msg->namelen,
                                   overlapped, completion,
                                   source.family || source.ecn_family ? &source : NULL);
    }
}
