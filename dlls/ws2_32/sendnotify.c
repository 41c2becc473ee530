/*
 * Overlapped WSASendMsg with control data (sendcontrol.c), which Wine 8's
 * send path cannot carry: sent here, then completed as Windows completes
 * a send that succeeded at once. The status block gets the count; the
 * completion routine is queued to the issuing thread (it runs in an
 * alertable wait; no packet, as under Wine's own completion); otherwise
 * the event is set, and unless its low bit is set the completion port
 * gets its packet through Wine (IOCTL_AFD_WINE_COMPLETE_ASYNC: the server
 * posts it when the socket has a port and no
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, as for any send that succeeds at
 * once).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Why never pending: on loopback a UDP send always finds room (1.2
 * million non-blocking sendto of 1 to 65507 bytes, SO_SNDBUF 4608 to
 * 425984, receiver never reading: no EAGAIN, poll always POLLOUT; Linux
 * hands the datagram to the receiver at once). Where Linux has no room
 * (a real interface's queue), the send waits in the caller until it
 * has, and completes then: Windows would return WSA_IO_PENDING, but a
 * pending completion must reach a port with its count, which only
 * Wine's own send path can post.
 *
 * Measured limits: the port's packet carries 0 bytes (Wine's
 * COMPLETE_ASYNC takes a status only; the status block and
 * WSAGetOverlappedResult have the count). A socket whose overlapped
 * send through Wine was ever left pending is refused (WSAEOPNOTSUPP,
 * FIXME): a send here could overtake the one the server holds.
 */
#include <winternl.h>

#include "ws2_32_private.h"
#include "ws2host/afd.h"

NTSTATUS WINAPI NtQueueApcThread(HANDLE thread, void *function, ULONG_PTR arg1, ULONG_PTR arg2, ULONG_PTR arg3);

static void CALLBACK run_routine(ULONG_PTR routine, ULONG_PTR overlapped, ULONG_PTR reserved)
{
    WSAOVERLAPPED *ov = (WSAOVERLAPPED *)overlapped;

    (void)reserved;
    ((LPWSAOVERLAPPED_COMPLETION_ROUTINE)routine)(0, (DWORD)ov->InternalHigh, ov, 0);
}

static void notify(SOCKET s, WSAOVERLAPPED *overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion,
                   BOOL may_have_port)
{
    ULONG_PTR event = (ULONG_PTR)overlapped->hEvent;
    IO_STATUS_BLOCK scratch;
    LONG status = 0;

    if (completion)
    {
        NtQueueApcThread(GetCurrentThread(), run_routine, (ULONG_PTR)completion, (ULONG_PTR)overlapped, 0);
        return;
    }
    if (event) SetEvent((HANDLE)(event & ~(ULONG_PTR)1));
    if ((event & 1) || !may_have_port) return;
    /* Wine writes the count 0 into the block it is given: ours, not the
     * program's. */
    FIXME_ONCE("overlapped WSASendMsg with control data: a completion packet, if the socket has a port, carries 0 bytes\n");
    NtDeviceIoControlFile((HANDLE)s, NULL, NULL, overlapped, &scratch, WS_IOCTL_AFD_WINE_COMPLETE_ASYNC, &status,
                          sizeof(status), NULL, 0);
}

int ws_send_control_overlapped(struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, DWORD flags,
                               const struct sockaddr *to, int tolen, WSAOVERLAPPED *overlapped,
                               LPWSAOVERLAPPED_COMPLETION_ROUTINE completion, DWORD *sent)
{
    DWORD done = 0;
    int err;

    if (call->info.send_pended)
    {
        FIXME_ONCE("WSASendMsg with control data after a send Wine left pending: refused, it could overtake\n");
        return WSAEOPNOTSUPP;
    }
    if ((err = ws_call_need_fd(call))) return err;
    /* Failing at once, it completes nothing (no event, routine or packet). */
    if ((err = ws_send_overlapped_on(call, buffers, count, flags, to, tolen, &done))) return err;
    TRACE("socket %#llx: %lu bytes sent with control data\n", (ULONGLONG)call->s, done);
    overlapped->Internal = 0;       /* STATUS_SUCCESS */
    overlapped->InternalHigh = done;
    if (sent) *sent = done;
    /* A socket without the overlapped attribute calls no routine and has
     * no port (wsabuf.c; CreateIoCompletionPort refuses it); its event is
     * still set. */
    notify(call->s, overlapped, call->info.overlapped ? completion : NULL, call->info.overlapped);
    return 0;
}
