/*
 * The connection lifecycle: bind (WS2_32.2), connect (4), listen (13),
 * accept (1), getsockname (6), getpeername (5), send (19), sendto (20),
 * recv (16), recvfrom (17), shutdown (22).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <limits.h>
#include <string.h>

#include "ws2_32_private.h"

/* The size of the address structure of a family, 0 for unknown ones. */
static int address_size(int family)
{
    return family == AF_INET6 ? sizeof(SOCKADDR_IN6) : family == AF_INET ? sizeof(SOCKADDR_IN) : 0;
}

/* How long a call may wait: not at all on a non-blocking socket, else
 * the socket's timeout (0: for ever). */
static int wait_time(const struct ws_socket_info *info, DWORD timeout)
{
    if (info->nonblocking) return 0;
    return timeout ? (int)min(timeout, (DWORD)INT_MAX) : -1;
}

/* Starts a call on a socket: Winsock must be started and s one of ours. */
int ws_socket_call(SOCKET s, struct ws_socket_info *info, int *fd)
{
    if (!ws_is_started()) return WSANOTINITIALISED;
    return ws_socket_from_handle(s, info, fd);
}

int ws_socket_done(int fd, int err)
{
    ws_unix_close_fd(fd);
    if (err) return ws_fail(err);
    SetLastError(0);
    return 0;
}

/* bind and connect: an address in, nothing out. */
static int address_call(enum ws2host_call code, SOCKET s, const struct sockaddr *name, int namelen)
{
    struct ws2host_address_params params;
    struct ws_socket_info info;
    int err;

    if ((err = ws_socket_call(s, &info, &params.fd))) return ws_fail(err);
    if (namelen < (int)sizeof(short) || !ws_readable(name, namelen)) return ws_socket_done(params.fd, WSAEFAULT);
    if (name->sa_family != info.family) return ws_socket_done(params.fd, WSAEAFNOSUPPORT);
    params.length = namelen < (int)sizeof(params.address) ? namelen : (int)sizeof(params.address);
    memcpy(params.address, name, params.length);
    params.inode = info.inode;
    params.timeout_ms = wait_time(&info, 0);
    if (code == ws2host_call_bind) err = ws_bind_by_windows_rules(s, &info, &params);
    else err = ws_unix_call(code, &params);
    if (!err && code == ws2host_call_connect)
    {
        struct ws_socket_info connected = info;

        connected.connect_tick = GetTickCount64();    /* for SO_CONNECT_TIME */
        socket_table_update(s, &info, &connected);
    }
    return ws_socket_done(params.fd, err);
}

/***********************************************************************
 *      bind (WS2_32.2)
 */
int WINAPI bind(SOCKET s, const struct sockaddr *name, int namelen)
{
    TRACE("socket %#llx, name %p, namelen %d\n", (ULONGLONG)s, name, namelen);
    return address_call(ws2host_call_bind, s, name, namelen);
}

/***********************************************************************
 *      connect (WS2_32.4)
 */
int WINAPI connect(SOCKET s, const struct sockaddr *name, int namelen)
{
    TRACE("socket %#llx, name %p, namelen %d\n", (ULONGLONG)s, name, namelen);
    return address_call(ws2host_call_connect, s, name, namelen);
}

/***********************************************************************
 *      WSAConnect (WS2_32.41)
 *
 * TCP/IP carries no connect data and ws2host no QoS: with either asked
 * for, it fails rather than pretend.
 */
int WINAPI WSAConnect(SOCKET s, const struct sockaddr *name, int namelen, WSABUF *caller_data,
                      WSABUF *callee_data, QOS *sqos, QOS *gqos)
{
    TRACE("socket %#llx, name %p, namelen %d\n", (ULONGLONG)s, name, namelen);
    /* Documented: WSAEFAULT for WSABUFs not in the address space. */
    if ((caller_data && !ws_readable(caller_data, sizeof(*caller_data))) ||
        (callee_data && !ws_writable(callee_data, sizeof(*callee_data))))
        return ws_fail(WSAEFAULT);
    if ((caller_data && caller_data->len) || sqos || gqos)
    {
        FIXME_ONCE("connect data and QoS are not supported\n");
        return ws_fail(WSAEOPNOTSUPP);
    }
    if (callee_data) callee_data->len = 0;
    return connect(s, name, namelen);
}

/***********************************************************************
 *      listen (WS2_32.13)
 */
int WINAPI listen(SOCKET s, int backlog)
{
    struct ws2host_listen_params params;
    struct ws_socket_info info;
    int err;

    TRACE("socket %#llx, backlog %d\n", (ULONGLONG)s, backlog);
    if ((err = ws_socket_call(s, &info, &params.fd))) return ws_fail(err);
    if (info.type != SOCK_STREAM) return ws_socket_done(params.fd, WSAEOPNOTSUPP);
    params.backlog = backlog;
    return ws_socket_done(params.fd, ws_unix_call(ws2host_call_listen, &params));
}

/* A name query: the address out, WSAEFAULT when *namelen is too small.
 * Windows reports a socket without a name before looking at the buffers
 * (sock.c test_getpeername). */
static int name_call(enum ws2host_call code, SOCKET s, struct sockaddr *name, int *namelen, int unbound_error)
{
    struct ws2host_address_params params;
    struct ws_socket_info info;
    int err;

    if ((err = ws_socket_call(s, &info, &params.fd))) return ws_fail(err);
    if ((err = ws_unix_call(code, &params))) return ws_socket_done(params.fd, err == WSAENOTCONN ? unbound_error : err);
    /* Linux names an unbound socket with port 0; Windows calls it an error. */
    if (!((SOCKADDR_IN *)params.address)->sin_port) return ws_socket_done(params.fd, unbound_error);
    if (!ws_writable(namelen, sizeof(*namelen)) || *namelen < params.length || !ws_writable(name, params.length))
        return ws_socket_done(params.fd, WSAEFAULT);
    memcpy(name, params.address, params.length);
    *namelen = params.length;
    return ws_socket_done(params.fd, 0);
}

/***********************************************************************
 *      getsockname (WS2_32.6)
 */
int WINAPI getsockname(SOCKET s, struct sockaddr *name, int *namelen)
{
    TRACE("socket %#llx, name %p, namelen %p\n", (ULONGLONG)s, name, namelen);
    return name_call(ws2host_call_getsockname, s, name, namelen, WSAEINVAL);
}

/***********************************************************************
 *      getpeername (WS2_32.5)
 */
int WINAPI getpeername(SOCKET s, struct sockaddr *name, int *namelen)
{
    TRACE("socket %#llx, name %p, namelen %p\n", (ULONGLONG)s, name, namelen);
    return name_call(ws2host_call_getpeername, s, name, namelen, WSAENOTCONN);
}

/***********************************************************************
 *      accept (WS2_32.1)
 *
 * The new socket has the listener's properties (Windows' accept
 * documentation), its overlapped attribute included: the caller's
 * SO_OPENTYPE does not apply (docs/opentype.md).
 */
SOCKET WINAPI accept(SOCKET s, struct sockaddr *addr, int *addrlen)
{
    struct ws2host_accept_params params;
    struct ws_socket_info info;
    HANDLE handle;
    int err;

    TRACE("socket %#llx, addr %p, addrlen %p\n", (ULONGLONG)s, addr, addrlen);
    if ((err = ws_socket_call(s, &info, &params.fd))) return ws_fail_socket(err);
    /* An address without its length is not written (sock.c test_accept). */
    if (!addrlen) addr = NULL;
    if (addr && (!ws_writable(addrlen, sizeof(*addrlen)) || *addrlen < address_size(info.family) ||
                 !ws_writable(addr, address_size(info.family))))
    {
        ws_unix_close_fd(params.fd);
        return ws_fail_socket(WSAEFAULT);
    }
    params.listener_inode = info.inode;
    params.timeout_ms = wait_time(&info, 0);
    err = ws_unix_call(ws2host_call_accept, &params);
    ws_unix_close_fd(params.fd);
    if (err) return ws_fail_socket(err);

    if ((err = ws_wrap_fd(params.new_fd, 0, !(info.flags & WSA_FLAG_NO_HANDLE_INHERIT), &handle)))
        return ws_fail_socket(err);

    /* Windows: the accepted socket has the listener's properties. */
    info.inode = params.inode;
    info.adopted = 0;
    info.connect_tick = GetTickCount64();
    if (socket_table_insert((ULONG_PTR)handle, &info))
    {
        CloseHandle(handle);
        return ws_fail_socket(WSAENOBUFS);
    }
    if (addr)
    {
        memcpy(addr, params.address, params.length);
        *addrlen = params.length;
    }
    TRACE("accepted %p\n", handle);
    SetLastError(0);
    return (SOCKET)handle;
}

/***********************************************************************
 *      WSAAccept (WS2_32.37)
 */
SOCKET WINAPI WSAAccept(SOCKET s, struct sockaddr *addr, int *addrlen, LPCONDITIONPROC condition,
                        DWORD_PTR data)
{
    TRACE("socket %#llx, addr %p, addrlen %p, condition %p\n", (ULONGLONG)s, addr, addrlen, condition);
    if (condition)
    {
        FIXME_ONCE("condition functions are not supported\n");
        return ws_fail_socket(WSAEOPNOTSUPP);
    }
    return accept(s, addr, addrlen);
}

static void start_io(struct ws2host_io_params *params, const struct ws_socket_info *info, int fd,
                     const char *buffer, DWORD length, int flags, DWORD timeout)
{
    memset(params, 0, sizeof(*params));
    params->fd = fd;
    params->flags = flags;
    params->buffer = (ULONG_PTR)buffer;
    params->length = length;
    params->inode = info->inode;
    params->timeout_ms = wait_time(info, timeout);
    params->stream = info->type == SOCK_STREAM;
}

int ws_send_on(const struct ws_socket_info *info, int fd, const char *buffer, DWORD length, int flags,
               const struct sockaddr *to, int tolen, BOOL connected_only, DWORD *sent)
{
    struct ws2host_io_params params;
    int err;

    *sent = 0;
    /* Windows checks the whole buffer first, so nothing is sent from a bad one. */
    if (length && !ws_readable(buffer, length)) return WSAEFAULT;
    if (info->shut_down & WS_SHUT_SEND) return WSAESHUTDOWN;
    start_io(&params, info, fd, buffer, length, flags, info->sndtimeo);
    if (to && info->type != SOCK_STREAM)
    {
        if (tolen < address_size(info->family) || !ws_readable(to, tolen)) return WSAEFAULT;
        params.address_length = min(tolen, (int)sizeof(params.address));
        memcpy(params.address, to, params.address_length);
    }
    err = ws_unix_call(ws2host_call_send, &params);
    /* send() on an unconnected datagram socket: Windows says not connected. */
    if (err == WSAEDESTADDRREQ && connected_only) err = WSAENOTCONN;
    if (!err) *sent = params.transferred;
    return err;
}

int ws_receive_on(const struct ws_socket_info *info, int fd, char *buffer, DWORD length, int flags,
                  struct sockaddr *from, int *fromlen, DWORD *received)
{
    struct ws2host_io_params params;
    int err;

    *received = 0;
    /* Checked first, so a bad buffer consumes no data. */
    if (length && !ws_writable(buffer, length)) return WSAEFAULT;
    /* Connection-oriented sockets ignore the address (sock.c
     * test_tcp_sendto_recvfrom). */
    if (info->type == SOCK_STREAM) from = NULL;
    if (from && (!ws_writable(fromlen, sizeof(*fromlen)) || *fromlen < address_size(info->family) ||
                 !ws_writable(from, address_size(info->family))))
        return WSAEFAULT;
    /* Linux reads an end of stream after SHUT_RD; Windows fails. */
    if (info->shut_down & WS_SHUT_RECEIVE) return WSAESHUTDOWN;
    start_io(&params, info, fd, buffer, length, flags, info->rcvtimeo);
    if ((err = ws_unix_call(ws2host_call_recv, &params))) return err;
    if (from && params.address_length)
    {
        memcpy(from, params.address, params.address_length);
        *fromlen = params.address_length;
    }
    *received = params.transferred;
    return params.truncated ? WSAEMSGSIZE : 0;
}

/* sendto, and send with no address: the byte count or SOCKET_ERROR. */
static int send_to(SOCKET s, const char *buffer, int length, int flags, const struct sockaddr *to, int tolen,
                   BOOL connected_only)
{
    struct ws_socket_info info;
    DWORD sent;
    int fd, err;

    if ((err = ws_socket_call(s, &info, &fd))) return ws_fail(err);
    if (length < 0) return ws_socket_done(fd, WSAEFAULT);
    if ((err = ws_send_on(&info, fd, buffer, length, flags, to, tolen, connected_only, &sent)))
        return ws_socket_done(fd, err);
    ws_socket_done(fd, 0);
    return sent;
}

/* recvfrom, and recv with no address: the byte count or SOCKET_ERROR. A
 * datagram longer than the buffer fills it and fails with WSAEMSGSIZE. */
static int receive_from(SOCKET s, char *buffer, int length, int flags, struct sockaddr *from, int *fromlen)
{
    struct ws_socket_info info;
    DWORD received;
    int fd, err;

    if ((err = ws_socket_call(s, &info, &fd))) return ws_fail(err);
    if (length < 0) return ws_socket_done(fd, WSAEFAULT);
    if ((err = ws_receive_on(&info, fd, buffer, length, flags, from, fromlen, &received)))
        return ws_socket_done(fd, err);
    ws_socket_done(fd, 0);
    return received;
}

/***********************************************************************
 *      send (WS2_32.19)
 */
int WINAPI send(SOCKET s, const char *buffer, int length, int flags)
{
    TRACE("socket %#llx, buffer %p, length %d, flags %#x\n", (ULONGLONG)s, buffer, length, flags);
    return send_to(s, buffer, length, flags, NULL, 0, TRUE);
}

/***********************************************************************
 *      sendto (WS2_32.20)
 */
int WINAPI sendto(SOCKET s, const char *buffer, int length, int flags, const struct sockaddr *to, int tolen)
{
    TRACE("socket %#llx, buffer %p, length %d, flags %#x, to %p, tolen %d\n", (ULONGLONG)s, buffer, length,
          flags, to, tolen);
    return send_to(s, buffer, length, flags, to, tolen, FALSE);
}

/***********************************************************************
 *      recv (WS2_32.16)
 */
int WINAPI recv(SOCKET s, char *buffer, int length, int flags)
{
    TRACE("socket %#llx, buffer %p, length %d, flags %#x\n", (ULONGLONG)s, buffer, length, flags);
    return receive_from(s, buffer, length, flags, NULL, NULL);
}

/***********************************************************************
 *      recvfrom (WS2_32.17)
 */
int WINAPI recvfrom(SOCKET s, char *buffer, int length, int flags, struct sockaddr *from, int *fromlen)
{
    TRACE("socket %#llx, buffer %p, length %d, flags %#x, from %p, fromlen %p\n", (ULONGLONG)s, buffer, length,
          flags, from, fromlen);
    return receive_from(s, buffer, length, flags, from, fromlen);
}

static int shut_down_bits(int how)
{
    if (how == SD_RECEIVE) return WS_SHUT_RECEIVE;
    if (how == SD_SEND) return WS_SHUT_SEND;
    return WS_SHUT_RECEIVE | WS_SHUT_SEND;
}

/***********************************************************************
 *      shutdown (WS2_32.22)
 */
int WINAPI shutdown(SOCKET s, int how)
{
    struct ws2host_shutdown_params params;
    struct ws_socket_info info, after;
    int err;

    TRACE("socket %#llx, how %d\n", (ULONGLONG)s, how);
    if ((err = ws_socket_call(s, &info, &params.fd))) return ws_fail(err);
    params.how = how;
    if ((err = ws_unix_call(ws2host_call_shutdown, &params))) return ws_socket_done(params.fd, err);
    /* Remembered for recv and send, which Windows then fails. */
    after = info;
    after.shut_down |= shut_down_bits(how);
    if (socket_table_update(s, &info, &after)) WARN("cannot record the shutdown of %#llx\n", (ULONGLONG)s);
    return ws_socket_done(params.fd, 0);
}
