/*
 * select (WS2_32.18) with Windows' fd_set: a count and an array of
 * SOCKETs, of whatever FD_SETSIZE the program was compiled with.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Windows reports a failed connect in exceptfds, not writefds, and OOB
 * data in exceptfds; a socket listed in several sets counts once per set.
 */
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>

#include "ws2_32_private.h"
#include "ws2host/afd.h"


enum { set_read, set_write, set_except, set_count };

static const short wanted_events[set_count] = { WS2HOST_POLLIN, WS2HOST_POLLOUT, WS2HOST_POLLPRI };

static BOOL is_ready(int set, short revents)
{
    switch (set)
    {
    case set_read:   return !!(revents & (WS2HOST_POLLIN | WS2HOST_POLLHUP | WS2HOST_POLLERR));
    case set_write:  return (revents & WS2HOST_POLLOUT) && !(revents & WS2HOST_POLLERR);
    default:         return !!(revents & (WS2HOST_POLLPRI | WS2HOST_POLLERR));
    }
}

static BOOL set_readable(const fd_set *set)
{
    if (!set) return TRUE;
    if (!ws_readable(set, sizeof(set->fd_count))) return FALSE;
    /* Only fd_count entries exist: the program's FD_SETSIZE may differ. */
    return ws_writable((void *)set, offsetof(fd_set, fd_array) + (SIZE_T)set->fd_count * sizeof(SOCKET));
}

static int timeout_ms(const struct timeval *timeout, int *ms)
{
    LONGLONG total;

    if (!timeout) *ms = -1;
    else if (!ws_readable(timeout, sizeof(*timeout))) return WSAEFAULT;
    else
    {
        /* Rounded up: a timeout of some microseconds still waits (and runs
         * queued APCs, sock.c test_select). */
        total = (LONGLONG)timeout->tv_sec * 1000 + (timeout->tv_usec + 999) / 1000;
        *ms = total < 0 ? 0 : total > INT_MAX ? INT_MAX : (int)total;
    }
    return 0;
}

/* Each socket has a frame of its own inside select's. */
static void release(struct ws2host_poll_entry *entries, struct ws_call *sockets, unsigned int count)
{
    if (sockets) ws_call_release_many(sockets, count);
    free(entries);
    free(sockets);
}

/* A non-blocking connect has ended (the fd is writable or failed): Wine's
 * server has taken its error from Linux, so the outcome is the server's.
 * Failed: not writable, and shown in exceptfds. */
static BOOL connect_failed(SOCKET s, struct ws_socket_info *info)
{
    struct ws_socket_info after = *info;
    int error = 0;

    if (ws_afd_call(s, WS_IOCTL_AFD_WINE_GET_SO_ERROR, NULL, 0, &error, sizeof(error)) || error)
    {
        /* No peer to name any more (peername.c); the server keeps the error. */
        if (info->peer_length)
        {
            ws_peer_forget(&after);
            socket_table_update(s, info, &after);
            *info = after;
        }
        return TRUE;
    }
    after.connecting = 0;
    after.connect_tick = GetTickCount64();
    socket_table_update(s, info, &after);
    *info = after;
    return FALSE;
}

int ws_connect_error(SOCKET s, char *optval, int *optlen)
{
    int error = 0, err;

    if (!optval || !ws_writable(optlen, sizeof(*optlen))) return WSAEFAULT;
    if (*optlen < (int)sizeof(int) || !ws_writable(optval, sizeof(int))) return WSAEFAULT;
    if ((err = ws_afd_call(s, WS_IOCTL_AFD_WINE_GET_SO_ERROR, NULL, 0, &error, sizeof(error)))) return err;
    *(int *)optval = error;
    *optlen = sizeof(int);
    return 0;
}

/* Linux reports a stream socket that never connected as hung up and
 * writable; Windows as neither readable nor writable (sock.c test_select). */
static BOOL never_connected(const struct ws_call *polled, short revents)
{
    struct ws2host_address_params peer = { .fd = polled->fd, .length = sizeof(peer.address) };
    const struct ws_socket_info *info = &polled->info;

    if (info->type != SOCK_STREAM || info->connect_tick || info->connecting || info->listening) return FALSE;
    if (!(revents & WS2HOST_POLLHUP)) return FALSE;
    return ws_unix_call(ws2host_call_getpeername, &peer) != 0;
}

static short seen_events(struct ws_call *polled, short revents)
{
    if (never_connected(polled, revents)) return 0;
    if (!polled->info.connecting || !(revents & (WS2HOST_POLLOUT | WS2HOST_POLLERR | WS2HOST_POLLHUP)))
        return revents;
    if (!connect_failed(polled->s, &polled->info)) return revents & ~(WS2HOST_POLLERR | WS2HOST_POLLHUP);
    return (revents & ~WS2HOST_POLLOUT) | WS2HOST_POLLERR;
}

/* closesocket in another thread ends a waiting select; Windows reports the
 * closed socket as readable (sock.c test_select, SelectReadThread). */
static BOOL closed_meanwhile(const struct ws_call *polled)
{
    struct ws_socket_info now;

    return socket_table_lookup(polled->s, &now) || now.wait_key != polled->info.wait_key;
}

/* Adds s unless the set has it: 1 when added. */
static int add_once(fd_set *set, SOCKET s)
{
    for (u_int i = 0; i < set->fd_count; i++)
        if (set->fd_array[i] == s) return 0;
    set->fd_array[set->fd_count++] = s;
    return 1;
}

/* Was s in the read set as given? Its entries come first. */
static BOOL read_listed(const struct ws_call *sockets, u_int count, SOCKET s)
{
    for (u_int i = 0; i < count; i++)
        if (sockets[i].s == s) return TRUE;
    return FALSE;
}

/* Urgent data of a socket with SO_OOBINLINE is ordinary data: readable,
 * not an exception (sock.c test_select). Linux reports POLLPRI for it
 * either way, so the option is read when it matters. */
static short oob_inline(int set, const struct ws_call *polled, short revents)
{
    struct ws2host_sockopt_params option = { .fd = polled->fd, .level = WS_SOL_SOCKET, .option = WS_SO_OOBINLINE };

    if (set != set_except || !(revents & WS2HOST_POLLPRI)) return revents;
    if (ws_unix_call(ws2host_call_sockopt, &option) || !option.value) return revents;
    return revents & ~WS2HOST_POLLPRI;
}

/* A datagram socket whose peer answered with an ICMP error (port
 * unreachable) has it pending in Linux, which polls it as an error;
 * Windows keeps it writable and no exception (Wine 10's Windows-run
 * sock.c test_UDP, sending to a port nobody listens on). */
static short datagram_error(int set, const struct ws_call *polled, short revents)
{
    if (set == set_read || polled->info.type == SOCK_STREAM) return revents;
    return revents & ~WS2HOST_POLLERR;
}

/* A first look without waiting; only when nothing is ready, an alertable
 * moment (Windows runs queued APCs in a select that waits, and only then:
 * sock.c test_select) and the wait, which closesocket of any of the
 * sockets ends. */
static int wait_ready(struct ws2host_poll_entry *entries, struct ws_call *sockets, unsigned int total, int ms)
{
    struct ws2host_poll_params params = { .entries = (ULONG_PTR)entries, .count = total };
    uint64_t *keys;
    int err;

    if ((err = ws_unix_call(ws2host_call_poll, &params))) return err;
    if (!ms) return 0;
    for (unsigned int i = 0; i < total; i++)
        if (entries[i].revents && !never_connected(&sockets[i], entries[i].revents)) return 0;
    SleepEx(0, TRUE);
    if (!(keys = calloc(total, sizeof(*keys)))) return WSAENOBUFS;
    /* Sockets that never connected stay out of the wait (poll skips a
     * negative fd): Linux would end it at once for them. */
    for (unsigned int i = 0; i < total; i++)
    {
        keys[i] = sockets[i].info.wait_key;
        if (never_connected(&sockets[i], entries[i].revents)) entries[i].fd = -1;
        entries[i].revents = 0;
    }
    params.timeout_ms = ms;
    params.wait_keys = (ULONG_PTR)keys;
    err = ws_unix_call(ws2host_call_poll, &params);
    free(keys);
    return err;
}

/* A socket is reported only when ready, so only those are checked to
 * still be the sockets their state describes (a handle closed with
 * CloseHandle and reused for a file is WSAENOTSOCK): an idle socket
 * costs no fstat. */
static int verify_ready(const struct ws2host_poll_entry *entries, struct ws_call *sockets, unsigned int total)
{
    BOOL local[64], *ready = total <= ARRAYSIZE(local) ? local : malloc(total * sizeof(*ready));
    unsigned int failed;
    int err;

    if (!ready) return WSAENOBUFS;
    for (unsigned int i = 0; i < total; i++) ready[i] = entries[i].revents != 0;
    err = ws_call_verify_many(sockets, total, ready, &failed);
    if (ready != local) free(ready);
    return err;
}

int WINAPI select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const TIMEVAL *timeout)
{
    fd_set *sets[set_count] = { readfds, writefds, exceptfds };
    struct ws2host_poll_entry *entries;
    struct ws_call call, *sockets;
    unsigned int total = 0, n = 0;
    u_int counts[set_count];
    int ms, err, ready = 0;

    TRACE("read %p, write %p, except %p, timeout %p\n", readfds, writefds, exceptfds, timeout);
    if ((err = ws_call_begin(&call, INVALID_SOCKET, WS_CALL_STARTED))) return ws_call_end(&call, err);
    for (int i = 0; i < set_count; i++)
    {
        if (!set_readable(sets[i])) return ws_call_end(&call, WSAEFAULT);
        if (sets[i]) total += sets[i]->fd_count;
    }
    if (!total) return ws_call_end(&call, WSAEINVAL);
    if ((err = timeout_ms(timeout, &ms))) return ws_call_end(&call, err);
    entries = calloc(total, sizeof(*entries));
    sockets = calloc(total, sizeof(*sockets));
    if (!entries || !sockets)
    {
        release(entries, sockets, 0);
        return ws_call_end(&call, WSAENOBUFS);
    }

    for (int i = 0; i < set_count; i++)
    {
        for (u_int j = 0; sets[i] && j < sets[i]->fd_count; j++, n++)
        {
            sockets[n].s = sets[i]->fd_array[j];
            entries[n].events = wanted_events[i];
        }
    }
    /* Every socket's fd in one call to the unix side; the identity only
     * of those found ready (below). */
    if ((err = ws_call_begin_many(sockets, total, TRUE, &n)))
    {
        release(entries, sockets, 0);
        return ws_call_end(&call, err);
    }
    for (n = 0; n < total; n++) entries[n].fd = sockets[n].fd;
    if ((err = wait_ready(entries, sockets, total, ms)) || (err = verify_ready(entries, sockets, total)))
    {
        release(entries, sockets, total);
        return ws_call_end(&call, err);
    }

    /* The sets may be one and the same (sock.c test_select): every input
     * is read into entries and sockets before any set is written; then
     * all are cleared and each ready socket added to its set once. */
    for (int i = 0; i < set_count; i++) counts[i] = sets[i] ? sets[i]->fd_count : 0;
    for (int i = 0; i < set_count; i++)
        if (sets[i]) sets[i]->fd_count = 0;
    n = 0;
    for (int i = 0; i < set_count && !err; i++)
    {
        for (u_int j = 0; j < counts[i]; j++, n++)
        {
            SOCKET s = sockets[n].s;

            /* A socket closed meanwhile is readable where select reads
             * it; anywhere else it is WSAENOTSOCK and nothing is reported
             * (Wine's Windows-run sock.c test_select, SelectCloseThread). */
            if (closed_meanwhile(&sockets[n]))
            {
                if (!read_listed(sockets, counts[set_read], s)) err = WSAENOTSOCK;
                else if (i == set_read) ready += add_once(sets[i], s);
                continue;
            }
            if (is_ready(i, seen_events(&sockets[n], datagram_error(i, &sockets[n],
                                                                   oob_inline(i, &sockets[n], entries[n].revents)))))
                ready += add_once(sets[i], s);
        }
    }
    if (err)
        for (int i = 0; i < set_count; i++)
            if (sets[i]) sets[i]->fd_count = 0;
    release(entries, sockets, total);
    return ws_call_end_count(&call, err, ready);
}
