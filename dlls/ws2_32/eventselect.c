/*
 * Event selection: WSAEventSelect (WS2_32.59), WSAEnumNetworkEvents (49)
 * and WSAAsyncSelect (101), kept by Wine's server, which signals the
 * event or posts the window message itself.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The server re-enables an event (FD_READ after a receive, FD_WRITE after
 * a send that would block, FD_ACCEPT after an accept) only when the call
 * goes through it. So while a socket has a selection, its receives go
 * through Wine's socket device instead of the fd (ws_selected_receive),
 * and a send that would block is made again through it
 * (ws_selected_send): one that succeeds re-enables nothing, so it may
 * stay direct. With no selection both are direct. Windows makes a selecting socket non-blocking, as the server
 * does.
 */
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"
#include "ws2host/afd.h"

/* Winsock's FD_* events and the AFD poll events behind each. */
static const struct
{
    long fd_event;
    int fd_bit;
    int afd_events;             /* what selecting it asks for */
    int afd_bits[2];            /* AFD bits reported as it, -1: none */
    int quiet_errors[2];        /* the error of each bit when the server gives none */
}
event_map[] =
{
    { FD_READ,    FD_READ_BIT,    WS_AFD_POLL_READ,                            { 0, -1 }, { 0, 0 } },
    { FD_WRITE,   FD_WRITE_BIT,   WS_AFD_POLL_WRITE,                           { 2, -1 }, { 0, 0 } },
    { FD_OOB,     FD_OOB_BIT,     WS_AFD_POLL_OOB,                             { 1, -1 }, { 0, 0 } },
    { FD_ACCEPT,  FD_ACCEPT_BIT,  WS_AFD_POLL_ACCEPT,                          { 7, -1 }, { 0, 0 } },
    { FD_CONNECT, FD_CONNECT_BIT, WS_AFD_POLL_CONNECT | WS_AFD_POLL_CONNECT_ERR, { 8, 6 },   { 0, 0 } },
    /* The peer's RST is an FD_CLOSE with WSAECONNABORTED on Windows (Wine
     * 10's Windows-run sock.c test_events); Wine's servers (8 and 10)
     * report the reset bit with no status. */
    { FD_CLOSE,   FD_CLOSE_BIT,   WS_AFD_POLL_HUP | WS_AFD_POLL_RESET,         { 3, 4 }, { 0, WSAECONNABORTED } },
};

static int afd_events(long mask)
{
    int events = 0;

    for (size_t i = 0; i < ARRAYSIZE(event_map); i++)
        if (mask & event_map[i].fd_event) events |= event_map[i].afd_events;
    return events;
}

/* The state learns the selection: receives and sends take Wine's path
 * while there is one, and the socket is non-blocking from now on. */
static void note_selection(SOCKET s, const struct ws_socket_info *info, long mask)
{
    struct ws_socket_info after = *info;

    after.event_mask = mask;
    after.nonblocking = 1;
    socket_table_update(s, info, &after);
}

/***********************************************************************
 *      WSAEventSelect (WS2_32.59)
 */
int WINAPI WSAEventSelect(SOCKET s, WSAEVENT event, LONG mask)
{
    struct ws_afd_event_select params = { .event = (ULONG_PTR)event };
    struct ws_call call;
    int err;

    TRACE("socket %#llx, event %p, mask %#lx\n", (ULONGLONG)s, event, mask);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end(&call, err);
    params.mask = afd_events(mask);
    if (!(err = ws_afd_call(s, WS_IOCTL_AFD_EVENT_SELECT, &params, sizeof(params), NULL, 0)))
        note_selection(s, &call.info, mask);
    return ws_call_end(&call, err);
}

/***********************************************************************
 *      WSAAsyncSelect (WS2_32.101)
 *
 * wParam is the socket, lParam WSAMAKESELECTREPLY(event, error); the
 * server posts them. A mask of 0 stops the messages.
 */
int WINAPI WSAAsyncSelect(SOCKET s, HWND window, u_int message, LONG mask)
{
    struct ws_afd_message_select params =
    {
        .handle = (uint32_t)(ULONG_PTR)s,
        .window = (uint32_t)(ULONG_PTR)window,
        .message = message,
        .mask = afd_events(mask),
    };
    struct ws_call call;
    int err;

    TRACE("socket %#llx, window %p, message %#x, mask %#lx\n", (ULONGLONG)s, window, message, mask);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end(&call, err);
    if (!(err = ws_afd_call(s, WS_IOCTL_AFD_WINE_MESSAGE_SELECT, &params, sizeof(params), NULL, 0)))
        note_selection(s, &call.info, mask);
    return ws_call_end(&call, err);
}

/* Does Wine's server reset the event given as GET_EVENTS' input? Wine
 * 10's does, in the request that reads the events (its ntdll takes the
 * input pointer as the handle); Wine 8's ignores the input. Learnt on the
 * first call with an event of our own, set beforehand. */
enum { resets_unknown, resets_yes, resets_no };
static LONG server_resets = resets_unknown;

static int get_events_learning(SOCKET s, HANDLE event, struct ws_afd_events *seen)
{
    HANDLE probe = CreateEventW(NULL, TRUE, TRUE, NULL);
    int err;

    if (event) ResetEvent(event);
    err = ws_afd_query(s, WS_IOCTL_AFD_GET_EVENTS, probe, 0, seen, sizeof(*seen));
    if (!err && probe)
        InterlockedExchange(&server_resets, WaitForSingleObject(probe, 0) == WAIT_TIMEOUT ? resets_yes : resets_no);
    if (probe) CloseHandle(probe);
    return err;
}

static int get_events(SOCKET s, HANDLE event, struct ws_afd_events *seen)
{
    switch (__atomic_load_n(&server_resets, __ATOMIC_ACQUIRE))
    {
    case resets_yes:
        return ws_afd_query(s, WS_IOCTL_AFD_GET_EVENTS, event, 0, seen, sizeof(*seen));
    case resets_no:
        /* Reset first: an event that comes meanwhile sets it again. */
        if (event) ResetEvent(event);
        return ws_afd_query(s, WS_IOCTL_AFD_GET_EVENTS, NULL, 0, seen, sizeof(*seen));
    }
    return get_events_learning(s, event, seen);
}

/***********************************************************************
 *      WSAEnumNetworkEvents (WS2_32.49)
 *
 * The events since the last call, each with its error; the event object,
 * if given, is reset (documented).
 */
int WINAPI WSAEnumNetworkEvents(SOCKET s, WSAEVENT event, WSANETWORKEVENTS *events)
{
    struct ws_afd_events seen = { 0 };
    struct ws_call call;
    int err;

    TRACE("socket %#llx, event %p, events %p\n", (ULONGLONG)s, event, events);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end(&call, err);
    if (!ws_writable(events, sizeof(*events))) return ws_call_end(&call, WSAEFAULT);
    if ((err = get_events(s, event, &seen))) return ws_call_end(&call, err);
    TRACE("socket %#llx: AFD events %#x\n", (ULONGLONG)s, seen.flags);
    /* Only the events seen and their codes are written (sock.c
     * test_WSAEnumNetworkEvents fills the structure beforehand). */
    events->lNetworkEvents = 0;
    for (size_t i = 0; i < ARRAYSIZE(event_map); i++)
    {
        for (int j = 0; j < 2 && event_map[i].afd_bits[j] >= 0; j++)
        {
            int bit = event_map[i].afd_bits[j];

            if (!(seen.flags & (1 << bit))) continue;
            if (!(events->lNetworkEvents & event_map[i].fd_event) || !events->iErrorCode[event_map[i].fd_bit])
                events->iErrorCode[event_map[i].fd_bit] =
                    seen.status[bit] ? ws_error_from_status(seen.status[bit]) : event_map[i].quiet_errors[j];
            events->lNetworkEvents |= event_map[i].fd_event;
        }
    }
    return ws_call_end(&call, 0);
}

/* The caller's buffers as WSABUFs for Wine's path. */
static WSABUF *as_wsabufs(const struct ws2host_buffer *buffers, DWORD count, WSABUF *local, DWORD local_count)
{
    WSABUF *out = count <= local_count ? local : malloc(count * sizeof(*out));

    for (DWORD i = 0; out && i < count; i++)
    {
        out[i].len = (ULONG)buffers[i].length;
        out[i].buf = (char *)(ULONG_PTR)buffers[i].data;
    }
    return out;
}

int ws_selected_receive(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                        struct sockaddr *from, int *fromlen, DWORD *received)
{
    WSABUF local[8] = { { 0 } }, *wsabufs = as_wsabufs(buffers, count, local, ARRAYSIZE(local));
    DWORD msg_flags = flags;
    int err;

    if (!wsabufs) return WSAENOBUFS;
    if (call->info.type == SOCK_STREAM) from = NULL;
    err = ws_wine_receive(call->s, wsabufs, count, received, &msg_flags, from, from ? fromlen : NULL, NULL, NULL, NULL);
    if (wsabufs != local) free(wsabufs);
    return err;
}

int ws_selected_send(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                     const struct sockaddr *to, int tolen, DWORD *sent)
{
    WSABUF local[8] = { { 0 } }, *wsabufs = as_wsabufs(buffers, count, local, ARRAYSIZE(local));
    int err;

    if (!wsabufs) return WSAENOBUFS;
    if (call->info.type == SOCK_STREAM) to = NULL;
    err = ws_wine_send(call->s, wsabufs, count, sent, flags, to, tolen, NULL, NULL);
    if (wsabufs != local) free(wsabufs);
    return err;
}
