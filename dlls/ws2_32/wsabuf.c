/*
 * The WSABUF forms of send and recv: WSASend (WS2_32.87), WSASendTo (90),
 * WSARecv (82) and WSARecvFrom (84).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Several buffers travel as one: gathered into a copy before a send and
 * scattered from one after a receive, so a datagram stays one message and
 * one call is one Linux call. A single buffer is used in place.
 *
 * lpOverlapped on a socket without the overlapped attribute is ignored
 * and the call blocks as send and recv do (Microsoft's documentation of
 * WSASend and WSARecv). Overlapped I/O on overlapped sockets goes
 * through Wine's socket device (asyncio.c).
 */
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"

/* The buffers as one piece of memory: the only one itself, or a copy. */
struct flat_buffer
{
    char *data;
    char *copy;                 /* to free, NULL when data is the caller's */
};

/* Overlapped I/O on an overlapped socket goes through Wine (asyncio.c). */
static BOOL wants_overlapped(const struct ws_socket_info *info, const WSAOVERLAPPED *overlapped)
{
    return overlapped && info->overlapped;
}

/* The array and every buffer in it must be caller memory of the right
 * kind (WSAEFAULT otherwise); *total is their summed length. */
static int check_buffers(const WSABUF *buffers, DWORD count, BOOL writing, ULONGLONG *total)
{
    *total = 0;
    if (count && !ws_readable(buffers, (SIZE_T)count * sizeof(*buffers))) return WSAEFAULT;
    for (DWORD i = 0; i < count; i++)
    {
        if (!buffers[i].len) continue;
        if (writing ? !ws_writable(buffers[i].buf, buffers[i].len) : !ws_readable(buffers[i].buf, buffers[i].len))
            return WSAEFAULT;
        *total += buffers[i].len;
    }
    /* One Linux call moves less than 4 GiB. */
    return *total > MAXDWORD ? WSAENOBUFS : 0;
}

static int flatten(const WSABUF *buffers, DWORD count, ULONGLONG total, BOOL gather, struct flat_buffer *flat)
{
    char *next;

    flat->copy = NULL;
    if (count == 1)
    {
        flat->data = buffers[0].buf;
        return 0;
    }
    if (!(flat->data = flat->copy = malloc(total ? total : 1))) return WSAENOBUFS;
    next = flat->copy;
    for (DWORD i = 0; gather && i < count; next += buffers[i++].len)
        if (buffers[i].len) memcpy(next, buffers[i].buf, buffers[i].len);
    return 0;
}

/* Hands `length` received bytes out to the buffers, in order. */
static void scatter(const WSABUF *buffers, const struct flat_buffer *flat, DWORD length)
{
    const char *next = flat->copy;

    for (DWORD i = 0; flat->copy && length; i++)
    {
        DWORD part = min(length, buffers[i].len);

        if (part) memcpy(buffers[i].buf, next, part);
        next += part;
        length -= part;
    }
}

static int send_buffers(SOCKET s, const WSABUF *buffers, DWORD count, DWORD *sent, DWORD flags,
                        const struct sockaddr *to, int tolen, WSAOVERLAPPED *overlapped,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE completion, BOOL connected_only)
{
    struct ws_socket_info info;
    struct flat_buffer flat;
    ULONGLONG total;
    DWORD done;
    int fd, err;

    if ((err = ws_socket_call(s, &info, &fd))) return ws_fail(err);
    if ((err = check_buffers(buffers, count, FALSE, &total))) return ws_socket_done(fd, err);
    if (wants_overlapped(&info, overlapped))
    {
        ws_unix_close_fd(fd);
        if (!ws_writable(overlapped, sizeof(*overlapped)) || (sent && !ws_writable(sent, sizeof(*sent))))
            return ws_fail(WSAEFAULT);
        if (info.shut_down & WS_SHUT_SEND) return ws_fail(WSAESHUTDOWN);
        return ws_transfer_result(ws_wine_send(s, buffers, count, sent, flags, info.type == SOCK_STREAM ? NULL : to,
                                               tolen, overlapped, completion));
    }
    /* Documented: it may be NULL only for an overlapped call. */
    if (!ws_writable(sent, sizeof(*sent))) return ws_socket_done(fd, WSAEFAULT);
    if ((err = flatten(buffers, count, total, TRUE, &flat))) return ws_socket_done(fd, err);
    err = ws_send_on(&info, fd, flat.data, total, flags, to, tolen, connected_only, &done);
    free(flat.copy);
    if (!err) *sent = done;
    return ws_socket_done(fd, err);
}

static int receive_buffers(SOCKET s, WSABUF *buffers, DWORD count, DWORD *received, DWORD *flags,
                           struct sockaddr *from, int *fromlen, WSAOVERLAPPED *overlapped,
                           LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    struct ws_socket_info info;
    struct flat_buffer flat;
    ULONGLONG total;
    DWORD done;
    int fd, err;

    if ((err = ws_socket_call(s, &info, &fd))) return ws_fail(err);
    if ((err = check_buffers(buffers, count, TRUE, &total))) return ws_socket_done(fd, err);
    if (wants_overlapped(&info, overlapped))
    {
        ws_unix_close_fd(fd);
        if (!ws_writable(overlapped, sizeof(*overlapped)) || (received && !ws_writable(received, sizeof(*received))) ||
            !ws_writable(flags, sizeof(*flags)))
            return ws_fail(WSAEFAULT);
        if (info.shut_down & WS_SHUT_RECEIVE) return ws_fail(WSAESHUTDOWN);
        if (info.type == SOCK_STREAM) from = NULL;
        return ws_transfer_result(ws_wine_receive(s, buffers, count, received, flags, from, from ? fromlen : NULL,
                                                  NULL, overlapped, completion));
    }
    /* Unlike WSASend's, a NULL byte count is accepted (as Wine's builtin
     * does): the count is just not reported. */
    if ((received && !ws_writable(received, sizeof(*received))) || !ws_writable(flags, sizeof(*flags)))
        return ws_socket_done(fd, WSAEFAULT);
    if ((err = flatten(buffers, count, total, FALSE, &flat))) return ws_socket_done(fd, err);
    err = ws_receive_on(&info, fd, flat.data, total, *flags, from, fromlen, &done);
    /* A truncated datagram still delivers its start. *flags stays as it
     * came: TCP and UDP have no partial messages to report. */
    if (!err || err == WSAEMSGSIZE) scatter(buffers, &flat, done);
    if (!err && received) *received = done;
    free(flat.copy);
    return ws_socket_done(fd, err);
}

/***********************************************************************
 *      WSASend (WS2_32.87)
 */
int WINAPI WSASend(SOCKET s, LPWSABUF buffers, DWORD buffer_count, LPDWORD sent, DWORD flags,
                   LPWSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    TRACE("socket %#llx, buffers %p, count %lu, sent %p, flags %#lx, overlapped %p, completion %p\n",
          (ULONGLONG)s, buffers, buffer_count, sent, flags, overlapped, completion);
    return send_buffers(s, buffers, buffer_count, sent, flags, NULL, 0, overlapped, completion, TRUE);
}

/***********************************************************************
 *      WSASendTo (WS2_32.90)
 */
int WINAPI WSASendTo(SOCKET s, LPWSABUF buffers, DWORD buffer_count, LPDWORD sent, DWORD flags,
                     const struct sockaddr *to, int tolen, LPWSAOVERLAPPED overlapped,
                     LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    TRACE("socket %#llx, buffers %p, count %lu, sent %p, flags %#lx, to %p, tolen %d, overlapped %p, "
          "completion %p\n", (ULONGLONG)s, buffers, buffer_count, sent, flags, to, tolen, overlapped, completion);
    return send_buffers(s, buffers, buffer_count, sent, flags, to, tolen, overlapped, completion, FALSE);
}

/***********************************************************************
 *      WSARecv (WS2_32.82)
 */
int WINAPI WSARecv(SOCKET s, LPWSABUF buffers, DWORD buffer_count, LPDWORD received, LPDWORD flags,
                   LPWSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    TRACE("socket %#llx, buffers %p, count %lu, received %p, flags %p, overlapped %p, completion %p\n",
          (ULONGLONG)s, buffers, buffer_count, received, flags, overlapped, completion);
    return receive_buffers(s, buffers, buffer_count, received, flags, NULL, NULL, overlapped, completion);
}

/***********************************************************************
 *      WSARecvFrom (WS2_32.84)
 */
int WINAPI WSARecvFrom(SOCKET s, LPWSABUF buffers, DWORD buffer_count, LPDWORD received, LPDWORD flags,
                       struct sockaddr *from, LPINT fromlen, LPWSAOVERLAPPED overlapped,
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    TRACE("socket %#llx, buffers %p, count %lu, received %p, flags %p, from %p, fromlen %p, overlapped %p, "
          "completion %p\n", (ULONGLONG)s, buffers, buffer_count, received, flags, from, fromlen, overlapped,
          completion);
    return receive_buffers(s, buffers, buffer_count, received, flags, from, fromlen, overlapped, completion);
}
