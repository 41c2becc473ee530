/*
 * The WSABUF forms of send and recv: WSASend (WS2_32.87), WSASendTo (90),
 * WSARecv (82) and WSARecvFrom (84).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The buffers go to Linux as they are, an iovec each, so a datagram
 * stays one message and one call is one Linux call. Only past what one
 * Linux call takes (WS2HOST_MAX_BUFFERS) do they travel as one copy.
 *
 * lpOverlapped on a socket without the overlapped attribute is ignored
 * and the call blocks as send and recv do (Microsoft's documentation of
 * WSASend and WSARecv). Overlapped I/O on overlapped sockets goes
 * through Wine's socket device (asyncio.c).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"

/* The caller's buffers as the unix side takes them. */
struct io_buffers
{
    struct ws2host_buffer *entries;     /* the non-empty ones, in order */
    DWORD count;
    ULONGLONG total;                    /* bytes */
    char *copy;                         /* all of them in one piece, or NULL */
    struct ws2host_buffer whole;        /* the copy as an entry */
    struct ws2host_buffer local[8];     /* entries of a few, with no allocation */
};

/* Any call with an OVERLAPPED goes through Wine (asyncio.c): on a
 * non-overlapped socket Wine's ntdll waits for it, as Windows does, and
 * fills the OVERLAPPED too (sock.c test_nonblocking_async_recv); its
 * completion routine is not called. */
static BOOL wants_overlapped(const struct ws_socket_info *info, const WSAOVERLAPPED *overlapped)
{
    (void)info;
    return overlapped != NULL;
}

/* The array and every buffer in it must be caller memory of the right
 * kind (WSAEFAULT otherwise). Each WSABUF is read once, so what was
 * checked is what moves. */
static int take_buffers(const WSABUF *buffers, DWORD count, BOOL writing, struct io_buffers *io)
{
    memset(io, 0, offsetof(struct io_buffers, local));
    io->entries = io->local;
    if (count && !ws_readable(buffers, (SIZE_T)count * sizeof(*buffers))) return WSAEFAULT;
    if (count > ARRAYSIZE(io->local) && !(io->entries = malloc(count * sizeof(*io->entries))))
    {
        io->entries = io->local;
        return WSAENOBUFS;
    }
    for (DWORD i = 0; i < count; i++)
    {
        WSABUF buffer = buffers[i];

        if (!buffer.len) continue;
        if (writing ? !ws_writable(buffer.buf, buffer.len) : !ws_readable(buffer.buf, buffer.len))
            return WSAEFAULT;
        io->entries[io->count++] = (struct ws2host_buffer){ .data = (ULONG_PTR)buffer.buf, .length = buffer.len };
        io->total += buffer.len;
    }
    /* One Linux call moves less than 4 GiB. */
    return io->total > MAXDWORD ? WSAENOBUFS : 0;
}

/* Past what one Linux call takes, the buffers travel as one copy:
 * gathered before a send, scattered after a receive. */
static int bounce(struct io_buffers *io, BOOL gather)
{
    char *next;

    if (io->count <= WS2HOST_MAX_BUFFERS) return 0;
    if (!(io->copy = malloc(io->total))) return WSAENOBUFS;
    next = io->copy;
    for (DWORD i = 0; gather && i < io->count; next += io->entries[i++].length)
        memcpy(next, (const char *)(ULONG_PTR)io->entries[i].data, io->entries[i].length);
    io->whole = (struct ws2host_buffer){ .data = (ULONG_PTR)io->copy, .length = io->total };
    return 0;
}

/* What the unix side gets: the entries, or the one copy. */
static struct ws2host_buffer *unix_entries(struct io_buffers *io, DWORD *count)
{
    *count = io->copy ? 1 : io->count;
    return io->copy ? &io->whole : io->entries;
}

/* Hands `length` received bytes of the copy out to the buffers, in order. */
static void scatter(const struct io_buffers *io, DWORD length)
{
    const char *next = io->copy;

    for (DWORD i = 0; io->copy && length; i++)
    {
        DWORD part = min(length, io->entries[i].length);

        memcpy((char *)(ULONG_PTR)io->entries[i].data, next, part);
        next += part;
        length -= part;
    }
}

static void release(struct io_buffers *io)
{
    if (io->entries != io->local) free(io->entries);
    free(io->copy);
}

/* Overlapped: the buffers are checked here, then Wine moves the data and
 * completes the operation on the OVERLAPPED (asyncio.c). */
static int send_overlapped(struct ws_call *call, const WSABUF *buffers, DWORD count, DWORD *sent, DWORD flags,
                           const struct sockaddr *to, int tolen, WSAOVERLAPPED *overlapped,
                           LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    struct io_buffers io;
    int err = take_buffers(buffers, count, FALSE, &io);

    if (!err && (!ws_writable(overlapped, sizeof(*overlapped)) || (sent && !ws_writable(sent, sizeof(*sent)))))
        err = WSAEFAULT;
    if (!err && (call->info.shut_down & WS_SHUT_SEND)) err = WSAESHUTDOWN;
    /* On an overlapped socket whose completion mode lets it, done here. */
    if (!err && call->info.overlapped &&
        !ws_send_at_once(call, io.entries, io.count, flags, to, tolen, overlapped, completion, sent))
    {
        release(&io);
        return 0;
    }
    /* Wine 8's send path carries no control messages: sent and completed
     * here (sendnotify.c). */
    if (!err && call->source && !(err = bounce(&io, TRUE)))
    {
        DWORD listed;
        struct ws2host_buffer *list = unix_entries(&io, &listed);

        err = ws_send_control_overlapped(call, list, listed, flags, to, tolen, overlapped, completion, sent);
    }
    release(&io);
    if (err || call->source) return err;
    return ws_wine_send(call->s, buffers, count, sent, flags, call->info.type == SOCK_STREAM ? NULL : to, tolen,
                        overlapped, call->info.overlapped ? completion : NULL);
}

static int receive_overlapped(const struct ws_call *call, WSABUF *buffers, DWORD count, DWORD *received,
                              DWORD *flags, struct sockaddr *from, int *fromlen, WSAOVERLAPPED *overlapped,
                              LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    struct io_buffers io;
    int err;

    /* No buffer array at all is refused at once (Wine 10's Windows-run
     * sock.c test_empty_recv); one empty buffer is a zero-byte receive. */
    if (!buffers || !count) return WSAEINVAL;
    err = take_buffers(buffers, count, TRUE, &io);

    release(&io);
    if (err) return err;
    if (!ws_writable(overlapped, sizeof(*overlapped)) || (received && !ws_writable(received, sizeof(*received))) ||
        !ws_writable(flags, sizeof(*flags)))
        return WSAEFAULT;
    if (call->info.shut_down & WS_SHUT_RECEIVE) return WSAESHUTDOWN;
    if (call->info.type == SOCK_STREAM) from = NULL;
    return ws_wine_receive(call->s, buffers, count, received, flags, from, from ? fromlen : NULL, NULL, overlapped,
                           call->info.overlapped ? completion : NULL);
}

static int send_buffers(SOCKET s, const WSABUF *buffers, DWORD count, DWORD *sent, DWORD flags,
                        const struct sockaddr *to, int tolen, WSAOVERLAPPED *overlapped,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE completion, BOOL connected_only,
                        const struct ws2host_pktinfo *source)
{
    struct ws2host_buffer *list;
    struct io_buffers io;
    struct ws_call call;
    DWORD done, listed;
    int err;

    /* Overlapped I/O needs no fd here: Wine moves the data. */
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end(&call, err);
    call.source = source;
    if (wants_overlapped(&call.info, overlapped))
        return ws_call_end(&call, send_overlapped(&call, buffers, count, sent, flags, to, tolen, overlapped,
                                                  completion));
    if ((err = ws_call_need_fd(&call))) return ws_call_end(&call, err);
    err = take_buffers(buffers, count, FALSE, &io);
    /* Documented: it may be NULL only for an overlapped call. */
    if (!err && !ws_writable(sent, sizeof(*sent))) err = WSAEFAULT;
    if (!err) err = bounce(&io, TRUE);
    if (!err)
    {
        list = unix_entries(&io, &listed);
        if (!(err = ws_send_on(&call, list, listed, flags, to, tolen, connected_only, &done))) *sent = done;
    }
    release(&io);
    return ws_call_end(&call, err);
}

static int receive_buffers(SOCKET s, WSABUF *buffers, DWORD count, DWORD *received, DWORD *flags,
                           struct sockaddr *from, int *fromlen, WSAOVERLAPPED *overlapped,
                           LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    struct ws2host_buffer *list;
    struct io_buffers io;
    struct ws_call call;
    DWORD done, listed;
    int err;

    /* Overlapped I/O needs no fd here: Wine moves the data. */
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end(&call, err);
    if (wants_overlapped(&call.info, overlapped))
        return ws_call_end(&call, receive_overlapped(&call, buffers, count, received, flags, from, fromlen,
                                                     overlapped, completion));
    /* The fd only for the direct path: a selecting socket's receive goes
     * through Wine, which fetches it itself. */
    if (!call.info.event_mask && (err = ws_call_need_fd(&call))) return ws_call_end(&call, err);
    err = take_buffers(buffers, count, TRUE, &io);
    /* Unlike WSASend's, a NULL byte count is accepted (as Wine's builtin
     * does): the count is just not reported. */
    if (!err && ((received && !ws_writable(received, sizeof(*received))) || !ws_writable(flags, sizeof(*flags))))
        err = WSAEFAULT;
    if (!err) err = bounce(&io, FALSE);
    if (!err)
    {
        list = unix_entries(&io, &listed);
        err = ws_receive_on(&call, list, listed, *flags, from, fromlen, &done);
        /* A truncated datagram still delivers its start. *flags stays as
         * it came: TCP and UDP have no partial messages to report. */
        if (!err || err == WSAEMSGSIZE) scatter(&io, done);
        if (!err && received) *received = done;
    }
    release(&io);
    return ws_call_end(&call, err);
}

/***********************************************************************
 *      WSASend (WS2_32.87)
 */
int WINAPI WSASend(SOCKET s, LPWSABUF buffers, DWORD buffer_count, LPDWORD sent, DWORD flags,
                   LPWSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    TRACE("socket %#llx, buffers %p, count %lu, sent %p, flags %#lx, overlapped %p, completion %p\n",
          (ULONGLONG)s, buffers, buffer_count, sent, flags, overlapped, completion);
    return send_buffers(s, buffers, buffer_count, sent, flags, NULL, 0, overlapped, completion, TRUE, NULL);
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
    return send_buffers(s, buffers, buffer_count, sent, flags, to, tolen, overlapped, completion, FALSE, NULL);
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

int ws_send_from_source(SOCKET s, const WSABUF *buffers, DWORD count, DWORD *sent, DWORD flags,
                        const struct sockaddr *to, int tolen, WSAOVERLAPPED *overlapped,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE completion, const struct ws2host_pktinfo *source)
{
    return send_buffers(s, buffers, count, sent, flags, to, tolen, overlapped, completion, FALSE, source);
}

/* WSARecvMsg direct on the fd: the buffers as WSARecvFrom's, the control
 * buffer written by the Linux side. Messages that do not fit are all
 * dropped with MSG_CTRUNC and WSAEMSGSIZE, the data still delivered and
 * counted (sock.c test_ip_pktinfo, a one-byte control buffer). */
#define REPORTED_FLAGS (MSG_TRUNC | MSG_CTRUNC | MSG_BCAST | MSG_MCAST)

int ws_receive_message(struct ws_call *call, WSAMSG *msg, DWORD *received)
{
    struct ws2host_buffer *list;
    struct io_buffers io;
    BOOL truncated = FALSE;
    DWORD done = 0, listed;
    int err;

    if ((err = ws_call_need_fd(call))) return err;
    err = take_buffers(msg->lpBuffers, msg->dwBufferCount, TRUE, &io);
    if (!err && ((received && !ws_writable(received, sizeof(*received))) ||
                 (msg->Control.len && !ws_writable(msg->Control.buf, msg->Control.len))))
        err = WSAEFAULT;
    if (!err) err = bounce(&io, FALSE);
    if (!err)
    {
        list = unix_entries(&io, &listed);
        /* What a receive reports there is not asked for: a WSAMSG used
         * again may still hold it (Wine's path reads only MSG_OOB and
         * MSG_PEEK). */
        err = ws_receive_message_on(call, list, listed, msg->dwFlags & ~REPORTED_FLAGS, msg->name,
                                    msg->name ? &msg->namelen : NULL, &msg->Control, &truncated, &done);
        if (!err || err == WSAEMSGSIZE)
        {
            scatter(&io, done);
            if (received) *received = done;
        }
        if (truncated) msg->dwFlags |= MSG_CTRUNC;
    }
    release(&io);
    return err;
}
