/*
 * WSAPoll (WS2_32.80): one IOCTL_AFD_POLL of Wine's server over every
 * socket, issued on a \Device\Afd handle of ws2host's own (as mio does),
 * so closing a polled socket ends the poll with AFD_POLL_CLOSE (POLLNVAL)
 * and no cancel of ours touches it.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Sources: Microsoft's WSAPoll documentation (the events, POLLNVAL for
 * something that is not a socket, the timeout), Wine's Windows-run tests
 * sock.c test_WSAPoll and afd.c test_poll (what each state reports).
 */
#include <stdlib.h>
#include <winternl.h>

#include "ws2_32_private.h"
#include "ws2host/afd.h"

#define STATUS_TIMEOUT_VALUE ((LONG)0x00000102)

/* What each WSAPoll event asks the server for, and what each AFD event
 * reports. */
static const struct { short poll_event; int afd_events; } asked[] =
{
    { POLLRDNORM, WS_AFD_POLL_ACCEPT | WS_AFD_POLL_READ },
    { POLLRDBAND, WS_AFD_POLL_OOB },
    { POLLWRNORM, WS_AFD_POLL_WRITE },
};

static const struct { int afd_events; short poll_event; } reported[] =
{
    { WS_AFD_POLL_ACCEPT | WS_AFD_POLL_READ,       POLLRDNORM },
    { WS_AFD_POLL_OOB,                             POLLRDBAND },
    { WS_AFD_POLL_WRITE,                           POLLWRNORM },
    { WS_AFD_POLL_RESET | WS_AFD_POLL_HUP,         POLLHUP },
    { WS_AFD_POLL_RESET | WS_AFD_POLL_CONNECT_ERR, POLLERR },
    { WS_AFD_POLL_CLOSE,                           POLLNVAL },
};

static HANDLE poll_device;

static BOOL CALLBACK open_poll_device(INIT_ONCE *once, void *param, void **context)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES attributes;
    IO_STATUS_BLOCK io;

    (void)once; (void)param; (void)context;
    RtlInitUnicodeString(&name, L"\\Device\\Afd\\ws2host-poll");
    InitializeObjectAttributes(&attributes, &name, 0, NULL, NULL);
    if (NtOpenFile(&poll_device, SYNCHRONIZE, &attributes, &io, FILE_SHARE_READ | FILE_SHARE_WRITE, 0))
        poll_device = NULL;
    return TRUE;
}

static HANDLE device(void)
{
    static INIT_ONCE once = INIT_ONCE_STATIC_INIT;

    InitOnceExecuteOnce(&once, open_poll_device, NULL, NULL);
    return poll_device;
}

static int wanted_events(short events)
{
    /* Hang-ups and failures are always reported. */
    int afd = WS_AFD_POLL_HUP | WS_AFD_POLL_RESET | WS_AFD_POLL_CONNECT_ERR;

    for (size_t i = 0; i < ARRAYSIZE(asked); i++)
        if (events & asked[i].poll_event) afd |= asked[i].afd_events;
    return afd;
}

static short seen_events(int afd, short events)
{
    short revents = 0;

    for (size_t i = 0; i < ARRAYSIZE(reported); i++)
        if (afd & reported[i].afd_events) revents |= reported[i].poll_event;
    return revents & (events | POLLHUP | POLLERR | POLLNVAL);
}

int WINAPI WSAPoll(WSAPOLLFD *fds, ULONG count, INT timeout)
{
    struct ws_afd_poll *params;
    struct ws_call call;
    IO_STATUS_BLOCK io = { 0 };
    HANDLE event;
    ULONG size, polled = 0;
    LONG status;
    int ready = 0, err;

    TRACE("fds %p, count %lu, timeout %d\n", fds, count, timeout);
    if ((err = ws_call_begin(&call, INVALID_SOCKET, WS_CALL_STARTED))) return ws_call_end(&call, err);
    if (!count) return ws_call_end(&call, WSAEINVAL);
    if (!fds || !ws_writable(fds, (SIZE_T)count * sizeof(*fds))) return ws_call_end(&call, WSAEFAULT);
    if (!device()) return ws_call_end(&call, WSAENETDOWN);
    size = offsetof(struct ws_afd_poll, sockets[count]);
    if (!(params = calloc(1, size))) return ws_call_end(&call, WSAENOBUFS);
    /* NT time: negative is relative, in 100 ns. */
    params->timeout = timeout >= 0 ? (LONGLONG)timeout * -10000 : INT64_MAX;
    for (ULONG i = 0; i < count; i++)
    {
        struct ws_call member;

        fds[i].revents = 0;
        if ((INT_PTR)fds[i].fd < 0 || ws_call_begin(&member, fds[i].fd, WS_CALL_STATE))
        {
            /* Marked, but not counted (sock.c test_WSAPoll). */
            fds[i].revents = POLLNVAL;
            continue;
        }
        params->sockets[polled].socket = fds[i].fd;
        params->sockets[polled].flags = wanted_events(fds[i].events);
        polled++;
    }
    params->count = polled;
    if (!polled)
    {
        free(params);
        return ws_call_end(&call, WSAENOTSOCK);
    }
    /* The thread's own event: no event made and closed per call. Not a
     * server wait closesocket must cancel (the poll is on our device). */
    if (!(event = ws_thread_sync_event()))
    {
        free(params);
        return ws_call_end(&call, WSAENOBUFS);
    }
    status = NtDeviceIoControlFile(device(), event, NULL, NULL, &io, WS_IOCTL_AFD_POLL, params, size, params, size);
    /* Alertable, as Windows' WSAPoll is: a queued APC runs and the poll
     * goes on (Wine 10's Windows-run sock.c test_WSAPoll). */
    if (status == 0x00000103 /* STATUS_PENDING */)
    {
        while (WaitForSingleObjectEx(event, INFINITE, TRUE) == WAIT_IO_COMPLETION);
        status = io.Status;
    }
    if (status && status != STATUS_TIMEOUT_VALUE)
    {
        free(params);
        return ws_call_end(&call, ws_error_from_status(status));
    }
    for (ULONG i = 0; !status && i < count; i++)
    {
        for (ULONG j = 0; j < params->count; j++)
        {
            if (params->sockets[j].socket != (ULONG_PTR)fds[i].fd) continue;
            fds[i].revents = seen_events(params->sockets[j].flags, fds[i].events);
            if (fds[i].revents) ready++;
            break;
        }
    }
    free(params);
    return ws_call_end_count(&call, 0, ready);
}
