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
#include "ws2host/afd.h"
#include "addressuse.h"

#define STATUS_CANCELLED_VALUE ((LONG)0xc0000120)

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

/* A server call that blocks: closesocket in another thread cancels it,
 * and Windows then fails the blocking call with WSAEINTR. */
static int blocking_call(SOCKET s, DWORD code, const void *in, DWORD in_size, void *out, DWORD out_size)
{
    LONG status = ws_afd_ioctl(s, code, in, in_size, out, out_size, NULL);

    if (status == STATUS_CANCELLED_VALUE) return WSAEINTR;
    return ws_error_from_status(status);
}

/* The address checks of bind and connect, before anything is asked. */
static int check_address(const struct ws_socket_info *info, const struct sockaddr *name, int namelen)
{
    if (namelen < (int)sizeof(short) || !ws_readable(name, namelen)) return WSAEFAULT;
    if (name->sa_family != info->family) return WSAEAFNOSUPPORT;
    if (namelen < address_size(info->family)) return WSAEFAULT;
    return 0;
}

/***********************************************************************
 *      bind (WS2_32.2)
 */
int WINAPI bind(SOCKET s, const struct sockaddr *name, int namelen)
{
    struct ws2host_address_params params = { 0 };
    struct ws_call call;
    int err;

    TRACE("socket %#llx, name %p, namelen %d\n", (ULONGLONG)s, name, namelen);
    /* Verified: the sharing rules keep the socket's identity. */
    if ((err = ws_call_begin(&call, s, WS_CALL_VERIFIED_FD)) || (err = check_address(&call.info, name, namelen)))
        return ws_call_end(&call, err);
    params.fd = call.fd;
    params.length = min(namelen, (int)sizeof(params.address));
    memcpy(params.address, name, params.length);
    return ws_call_end(&call, ws_bind_by_windows_rules(s, &call.info, &params));
}

/***********************************************************************
 *      connect (WS2_32.4)
 *
 * By Wine's server, which then watches the connection (completion
 * ports, AFD polls, event selection); the data then moves directly.
 */
int WINAPI connect(SOCKET s, const struct sockaddr *name, int namelen)
{
    struct ws_afd_connect request = { .synchronous = 1 };
    struct ws_socket_info connected;
    struct ws_call call;
    int err;

    TRACE("socket %#llx, name %p, namelen %d\n", (ULONGLONG)s, name, namelen);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end(&call, err);
    /* AF_UNSPEC dissolves a datagram socket's association (sock.c
     * test_connect_udp); Wine's server keeps no association to undo. */
    if (call.info.type != SOCK_STREAM && namelen >= (int)sizeof(short) && ws_readable(name, sizeof(short)) &&
        name->sa_family == AF_UNSPEC)
    {
        struct ws2host_disconnect_params params = { .send_side = 0 };

        if (!(err = ws_call_need_fd(&call)))
        {
            params.fd = call.fd;
            err = ws_unix_call(ws2host_call_disconnect, &params);
        }
        return ws_call_end(&call, err);
    }
    if ((err = check_address(&call.info, name, namelen))) return ws_call_end(&call, err);
    request.address_length = min(namelen, (int)sizeof(request.address));
    memcpy(request.address, name, request.address_length);
    err = blocking_call(s, WS_IOCTL_AFD_WINE_CONNECT, &request, WS_AFD_CONNECT_HEADER + request.address_length,
                        NULL, 0);
    connected = call.info;
    /* select learns how it ended. */
    if (err == WSAEWOULDBLOCK && call.info.type == SOCK_STREAM) connected.connecting = 1;
    if (!err) connected.connect_tick = GetTickCount64();    /* for SO_CONNECT_TIME */
    /* Named by getpeername from now on, even while connecting. */
    if (!err || connected.connecting) ws_peer_remember(&connected, name, namelen);
    if (!err || connected.connecting) socket_table_update(s, &call.info, &connected);
    return ws_call_end(&call, err);
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
    struct ws_call call;

    TRACE("socket %#llx, name %p, namelen %d\n", (ULONGLONG)s, name, namelen);
    /* These come first; connect makes its own frame. */
    ws_call_begin(&call, s, WS_CALL_NOTHING);
    /* Documented: WSAEFAULT for WSABUFs not in the address space. */
    if ((caller_data && !ws_readable(caller_data, sizeof(*caller_data))) ||
        (callee_data && !ws_writable(callee_data, sizeof(*callee_data))))
        return ws_call_end(&call, WSAEFAULT);
    if ((caller_data && caller_data->len) || sqos || gqos)
    {
        FIXME_ONCE("connect data and QoS are not supported\n");
        return ws_call_end(&call, WSAEOPNOTSUPP);
    }
    if (callee_data) callee_data->len = 0;
    return connect(s, name, namelen);
}

/***********************************************************************
 *      listen (WS2_32.13)
 */
int WINAPI listen(SOCKET s, int backlog)
{
    struct ws_afd_listen request = { 0 };
    struct ws_call call;
    int err;

    TRACE("socket %#llx, backlog %d\n", (ULONGLONG)s, backlog);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end(&call, err);
    if (call.info.type != SOCK_STREAM) return ws_call_end(&call, WSAEOPNOTSUPP);
    /* Windows will not listen on a connected socket; the server refuses
     * an unbound one (WSAEINVAL). */
    if (call.info.connect_tick) return ws_call_end(&call, WSAEISCONN);
    request.backlog = backlog;
    if ((err = ws_afd_call(s, WS_IOCTL_AFD_LISTEN, &request, sizeof(request), NULL, 0)))
        return ws_call_end(&call, err);
    if (!call.info.listening)
    {
        struct ws_socket_info after = call.info;

        after.listening = 1;
        socket_table_update(s, &call.info, &after);
    }
    /* Windows delivers the connections of an address two SO_REUSEADDR
     * sockets listen on to the first of them (sock.c test_reuseaddr). */
    if (call.info.address_use == ws_use_reuse && !ws_call_need_fd(&call))
    {
        struct ws2host_first_listener_params first = { .fd = call.fd };

        if ((err = ws_unix_call(ws2host_call_first_listener, &first)))
            WARN("socket %#llx: connections may reach a later listener (error %d)\n", (ULONGLONG)s, err);
    }
    return ws_call_end(&call, 0);
}

/* A name query: the address out, WSAEFAULT when *namelen is too small.
 * Windows reports a socket without a name before looking at the buffers
 * (sock.c test_getpeername). */
static int name_call(enum ws2host_call code, SOCKET s, struct sockaddr *name, int *namelen, int unbound_error)
{
    struct ws2host_address_params params;
    struct ws_call call;
    int err;

    if ((err = ws_call_begin(&call, s, WS_CALL_FD))) return ws_call_end(&call, err);
    params.fd = call.fd;
    err = ws_unix_call(code, &params);
    if (err == WSAENOTCONN && code == ws2host_call_getpeername) err = ws_peer_answer(s, &call.info, &params);
    if (err) return ws_call_end(&call, err == WSAENOTCONN ? unbound_error : err);
    /* Linux names an unbound socket with port 0; Windows calls it an error. */
    if (!((SOCKADDR_IN *)params.address)->sin_port) return ws_call_end(&call, unbound_error);
    if (!ws_writable(namelen, sizeof(*namelen)) || *namelen < params.length || !ws_writable(name, params.length))
        return ws_call_end(&call, WSAEFAULT);
    memcpy(name, params.address, params.length);
    *namelen = params.length;
    return ws_call_end(&call, 0);
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
    struct ws2host_address_params peer = { .length = sizeof(peer.address) };
    struct ws_socket_info accepted;
    struct ws_call call, named;
    ULONG new_handle = 0;
    SOCKET new_socket;
    int err;

    TRACE("socket %#llx, addr %p, addrlen %p\n", (ULONGLONG)s, addr, addrlen);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end_socket(&call, err, INVALID_SOCKET);
    /* An address without its length is not written (sock.c test_accept). */
    if (!addrlen) addr = NULL;
    if (addr && (!ws_writable(addrlen, sizeof(*addrlen)) || *addrlen < address_size(call.info.family) ||
                 !ws_writable(addr, address_size(call.info.family))))
        return ws_call_end_socket(&call, WSAEFAULT, INVALID_SOCKET);
    /* Wine's server makes the new socket object, with the listener's mode. */
    if ((err = blocking_call(s, WS_IOCTL_AFD_WINE_ACCEPT, NULL, 0, &new_handle, sizeof(new_handle))))
        return ws_call_end_socket(&call, err, INVALID_SOCKET);
    new_socket = (SOCKET)(ULONG_PTR)new_handle;
    /* The server makes it inheritable; the listener may not be. */
    if (call.info.flags & WSA_FLAG_NO_HANDLE_INHERIT)
        SetHandleInformation((HANDLE)new_socket, HANDLE_FLAG_INHERIT, 0);

    /* Windows: the accepted socket has the listener's properties. */
    accepted = call.info;
    accepted.inode = 0;
    accepted.adopted = 0;
    accepted.shut_down = 0;
    accepted.listening = 0;
    accepted.async_issued = 0;
    accepted.wait_key = ws_new_wait_key();
    accepted.connect_tick = GetTickCount64();
    if (socket_table_insert(new_socket, &accepted))
    {
        CloseHandle((HANDLE)new_socket);
        return ws_call_end_socket(&call, WSAENOBUFS, INVALID_SOCKET);
    }
    if (addr)
    {
        /* The fd is needed for the peer's name only (one round trip); its
         * first fetch reads and remembers the name (peername.c). A
         * connection reset before this has no peer any more: the accept
         * fails, as Wine's builtin fails it. */
        if (!(err = ws_call_begin(&named, new_socket, WS_CALL_VERIFIED_FD)))
        {
            peer.fd = named.fd;
            if (named.info.peer_length > 0)
            {
                memcpy(peer.address, named.info.peer, named.info.peer_length);
                peer.length = named.info.peer_length;
            }
            else err = ws_unix_call(ws2host_call_getpeername, &peer);
        }
        ws_call_release(&named);
        if (err)
        {
            WARN("no peer name for %#llx: %d\n", (ULONGLONG)new_socket, err);
            closesocket(new_socket);
            return ws_call_end_socket(&call, err, INVALID_SOCKET);
        }
        memcpy(addr, peer.address, min(peer.length, *addrlen));
        *addrlen = peer.length;
    }
    TRACE("accepted %#llx\n", (ULONGLONG)new_socket);
    return ws_call_end_socket(&call, 0, new_socket);
}

/***********************************************************************
 *      WSAAccept (WS2_32.37)
 *
 * With a condition function (Microsoft's WSAAccept documentation): the
 * connection is accepted, then the function sees the peer's address as
 * the caller id and the local one as the callee id (TCP carries no
 * connect data and no QOS: those are NULL) and decides. CF_ACCEPT gives
 * the socket; CF_REJECT closes it (WSAECONNREFUSED); CF_DEFER hands it
 * back to Wine's server, which keeps it for the listener's next accept
 * (WSATRY_AGAIN: sock.c test_accept then accepts it); any other answer
 * is WSAEINVAL.
 */
SOCKET WINAPI WSAAccept(SOCKET s, struct sockaddr *addr, int *addrlen, LPCONDITIONPROC condition,
                        DWORD_PTR data)
{
    struct sockaddr_storage peer, local;
    int peer_length = sizeof(peer), local_length = sizeof(local), decision, err;
    WSABUF caller = { 0 }, callee = { 0 };
    struct ws_call call;
    GROUP group = 0;
    ULONG handle;
    SOCKET new_socket;

    TRACE("socket %#llx, addr %p, addrlen %p, condition %p\n", (ULONGLONG)s, addr, addrlen, condition);
    if (!condition) return accept(s, addr, addrlen);
    if ((new_socket = accept(s, addr, addrlen)) == INVALID_SOCKET) return INVALID_SOCKET;

    if (!getpeername(new_socket, (struct sockaddr *)&peer, &peer_length))
    {
        caller.buf = (char *)&peer;
        caller.len = peer_length;
    }
    if (!getsockname(new_socket, (struct sockaddr *)&local, &local_length))
    {
        callee.buf = (char *)&local;
        callee.len = local_length;
    }
    decision = condition(caller.buf ? &caller : NULL, NULL, NULL, NULL, callee.buf ? &callee : NULL, NULL, &group,
                         data);
    TRACE("condition %p answered %d for %#llx\n", condition, decision, (ULONGLONG)new_socket);
    if (decision == CF_ACCEPT)
    {
        ws_call_begin(&call, s, WS_CALL_NOTHING);
        return ws_call_end_socket(&call, 0, new_socket);
    }

    err = WSAEINVAL;
    if (decision == CF_REJECT) err = WSAECONNREFUSED;
    else if (decision == CF_DEFER)
    {
        /* The server holds the connection; this handle to it goes. */
        handle = (ULONG)new_socket;
        err = ws_afd_call(s, WS_IOCTL_AFD_WINE_DEFER, &handle, sizeof(handle), NULL, 0);
        if (!err) err = WSATRY_AGAIN;
    }
    else FIXME_ONCE("condition function answered %d\n", decision);
    closesocket(new_socket);
    ws_call_begin(&call, s, WS_CALL_NOTHING);
    return ws_call_end_socket(&call, err, INVALID_SOCKET);
}

static void start_io(struct ws2host_io_params *params, const struct ws_call *call, struct ws2host_buffer *buffers,
                     DWORD count, int flags, DWORD timeout)
{
    const struct ws_socket_info *info = &call->info;

    memset(params, 0, sizeof(*params));
    params->fd = call->fd;
    params->flags = flags;
    params->buffers = (ULONG_PTR)buffers;
    params->count = count;
    params->wait_key = info->wait_key;
    params->timeout_ms = wait_time(info, timeout);
    if (call->source) params->source = *call->source;
}

/* Has the socket this name (getsockname, getpeername)? Linux gives an
 * unbound socket port 0, and a socket without a peer an error. When it
 * cannot be told, say yes: the answer only turns errors into others. */
BOOL ws_fd_has_name(enum ws2host_call query, int fd)
{
    struct ws2host_address_params name = { .fd = fd, .length = sizeof(name.address) };
    int err = ws_unix_call(query, &name);

    if (err == WSAENOTCONN) return FALSE;
    return err || ((const SOCKADDR_IN *)name.address)->sin_port;   /* same offset in SOCKADDR_IN6 */
}

/* Windows refuses to wait on a datagram socket that is not bound
 * (WSAEINVAL), where Linux would wait for ever: one try without waiting,
 * and the name is asked only when that found nothing. */
static int receive_call(const struct ws_socket_info *info, struct ws2host_io_params *params, enum ws2host_call which,
                        void *args)
{
    int timeout = params->timeout_ms, err;

    if (info->type == SOCK_STREAM) return ws_unix_call(which, args);
    params->timeout_ms = 0;
    if ((err = ws_unix_call(which, args)) != WSAEWOULDBLOCK) return err;
    if (!ws_fd_has_name(ws2host_call_getsockname, params->fd)) return WSAEINVAL;
    if (!timeout) return err;
    params->timeout_ms = timeout;
    return ws_unix_call(which, args);
}

/* A datagram's destination into the parameters; streams ignore it. */
static int set_destination(struct ws2host_io_params *params, const struct ws_socket_info *info,
                           const struct sockaddr *to, int tolen)
{
    if (!to || info->type == SOCK_STREAM) return 0;
    if (tolen < address_size(info->family) || !ws_readable(to, tolen)) return WSAEFAULT;
    params->address_length = min(tolen, (int)sizeof(params->address));
    memcpy(params->address, to, params->address_length);
    return 0;
}

/* All of it at once, or WSAEWOULDBLOCK and nothing sent (sendatonce.c). */
int ws_send_whole_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count,
                     const struct sockaddr *to, int tolen, DWORD *sent)
{
    const struct ws_socket_info *info = &call->info;
    struct ws2host_io_params params;
    int err;

    *sent = 0;
    if (info->shut_down & WS_SHUT_SEND) return WSAESHUTDOWN;
    start_io(&params, call, buffers, count, 0, 0);
    params.whole = info->type == SOCK_STREAM;
    if ((err = set_destination(&params, info, to, tolen))) return err;
    if (!(err = ws_unix_call(ws2host_call_send_at_once, &params))) *sent = params.transferred;
    if (params.held) ws_note_held(call);
    return err;
}

/* An overlapped send done here (control data Wine's path would drop):
 * overlapped operations have no blocking mode and no timeout, so it
 * waits for room as long as it takes; closesocket ends the wait. */
int ws_send_overlapped_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                          const struct sockaddr *to, int tolen, DWORD *sent)
{
    const struct ws_socket_info *info = &call->info;
    struct ws2host_io_params params;
    int err;

    *sent = 0;
    if (info->shut_down & WS_SHUT_SEND) return WSAESHUTDOWN;
    start_io(&params, call, buffers, count, flags, 0);
    params.timeout_ms = -1;
    if ((err = set_destination(&params, info, to, tolen))) return err;
    if (!(err = ws_unix_call(ws2host_call_send, &params))) *sent = params.transferred;
    return err;
}

/* A datagram to port 0: Linux refuses it (EINVAL), Windows sends it
 * (Wine 10's Windows-run sock.c test_UDP), to where nothing can listen.
 * It is dropped here, after the implicit bind Windows' sendto makes
 * (the wildcard address, as bind gives it). */
static BOOL to_port_zero(const struct ws_socket_info *info, const struct sockaddr *to, int tolen)
{
    if (!to || info->type != SOCK_DGRAM || tolen < address_size(info->family) || to->sa_family != info->family)
        return FALSE;
    return !((const SOCKADDR_IN *)to)->sin_port;    /* same offset in SOCKADDR_IN6 */
}

static int send_nowhere(const struct ws_call *call, const struct ws2host_buffer *buffers, DWORD count, DWORD *sent)
{
    SOCKADDR_IN6 wildcard = { .sin6_family = (ADDRESS_FAMILY)call->info.family };
    DWORD total = 0;

    FIXME_ONCE("a datagram to port 0 is dropped (Linux refuses to send it)\n");
    if (!ws_fd_has_name(ws2host_call_getsockname, call->fd) &&
        bind(call->s, (struct sockaddr *)&wildcard, address_size(call->info.family)))
        return WSAGetLastError();
    for (DWORD i = 0; i < count; i++) total += (DWORD)buffers[i].length;
    *sent = total;
    return 0;
}

int ws_send_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
               const struct sockaddr *to, int tolen, BOOL connected_only, DWORD *sent)
{
    const struct ws_socket_info *info = &call->info;
    struct ws2host_io_params params;
    int err;

    *sent = 0;
    if (info->shut_down & WS_SHUT_SEND) return WSAESHUTDOWN;
    start_io(&params, call, buffers, count, flags, info->sndtimeo);
    if ((err = set_destination(&params, info, to, tolen))) return err;
    if (to_port_zero(info, to, tolen)) return send_nowhere(call, buffers, count, sent);
    /* Windows takes a non-blocking stream send whole (heldsend.c). */
    params.hold = info->type == SOCK_STREAM && !(flags & MSG_OOB);
    err = ws_unix_call(ws2host_call_send, &params);
    /* An ICMP error (port unreachable) for an earlier datagram is pending
     * in Linux and fails the next send, sending nothing; Windows keeps
     * sending (Wine 10's Windows-run sock.c test_UDP). Again, a few times
     * for the errors other threads' datagrams bring meanwhile. */
    for (int again = 0; err == WSAECONNREFUSED && info->type != SOCK_STREAM && again < 4; again++)
        err = ws_unix_call(ws2host_call_send, &params);
    if (params.held)
    {
        ws_note_held(call);
        /* Refused for the held bytes: FD_WRITE comes once they went. */
        if (err == WSAEWOULDBLOCK && info->event_mask) ws_rearm_write(call);
        if (err == WSAEWOULDBLOCK) return err;
    }
    /* A selecting socket's send that would block is made again through
     * Wine: its server re-enables FD_WRITE only after a send of its own
     * that failed, and a send that succeeded changes nothing there
     * (server/sock.c, send_socket_completion_callback). */
    /* (Wine's send would drop a chosen source address: that one stays direct.) */
    if (err == WSAEWOULDBLOCK && info->event_mask && !call->source)
        return ws_selected_send(call, buffers, count, flags, to, tolen, sent);
    /* send() on an unconnected datagram socket: Windows says not connected. */
    if (err == WSAEDESTADDRREQ && connected_only) err = WSAENOTCONN;
    /* Linux' EPIPE on a stream socket without a peer (our own shutdown
     * was answered above): Windows says not connected, or, when the
     * connection was there and the peer reset it, WSAECONNRESET (Wine
     * 10's Windows-run sock.c test_tcp_reset). */
    if (err == WSAESHUTDOWN && info->type == SOCK_STREAM && !ws_fd_has_name(ws2host_call_getpeername, call->fd))
        err = ws_was_connected(call->s, info) ? WSAECONNRESET : WSAENOTCONN;
    if (!err) *sent = params.transferred;
    return err;
}

/* A receive direct on the fd; with `message`, WSARecvMsg's, its control
 * messages laid out by the Linux side (dlls/ws2host/unix/control.c). */
static int receive_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                      struct sockaddr *from, int *fromlen, struct ws2host_recvmsg_params *message, DWORD *received)
{
    const struct ws_socket_info *info = &call->info;
    struct ws2host_io_params local, *io = message ? &message->io : &local;
    int err;

    *received = 0;
    /* Connection-oriented sockets ignore the address (sock.c
     * test_tcp_sendto_recvfrom). */
    if (info->type == SOCK_STREAM) from = NULL;
    if (from && (!ws_writable(fromlen, sizeof(*fromlen)) || *fromlen < address_size(info->family) ||
                 !ws_writable(from, address_size(info->family))))
        return WSAEFAULT;
    /* Linux reads an end of stream after SHUT_RD; Windows fails. */
    if (info->shut_down & WS_SHUT_RECEIVE) return WSAESHUTDOWN;
    /* A selecting socket receives through Wine, which re-enables FD_READ. */
    if (info->event_mask) return ws_selected_receive(call, buffers, count, flags, from, fromlen, received);
    start_io(io, call, buffers, count, flags, info->rcvtimeo);
    if (message) err = receive_call(info, io, ws2host_call_recvmsg, message);
    else err = receive_call(info, io, ws2host_call_recv, io);
    if (err) return err;
    if (from && io->address_length)
    {
        memcpy(from, io->address, io->address_length);
        *fromlen = io->address_length;
    }
    *received = io->transferred;
    return io->truncated || (message && message->control_truncated) ? WSAEMSGSIZE : 0;
}

int ws_receive_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                  struct sockaddr *from, int *fromlen, DWORD *received)
{
    return receive_on(call, buffers, count, flags, from, fromlen, NULL, received);
}

int ws_receive_message_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                          struct sockaddr *from, int *fromlen, WSABUF *control, BOOL *control_truncated,
                          DWORD *received)
{
    struct ws2host_recvmsg_params message =
    {
        .control = (ULONG_PTR)control->buf,
        .control_length = control->len,
        .asked = call->info.recv_control,
    };
    int err = receive_on(call, buffers, count, flags, from, fromlen, &message, received);

    *control_truncated = message.control_truncated;
    control->len = err && err != WSAEMSGSIZE ? 0 : message.control_length;
    return err;
}

/* The frame of a non-overlapped receive: the fd only when the data goes
 * direct. A selecting socket's receive goes through Wine
 * (ws_selected_receive), which fetches the fd itself: a second fetch
 * would cost an accepted socket one more request. */
static int begin_receive(struct ws_call *call, SOCKET s)
{
    int err = ws_call_begin(call, s, WS_CALL_STATE);

    if (!err && !call->info.event_mask) err = ws_call_need_fd(call);
    return err;
}

/* sendto, and send with no address: the byte count or SOCKET_ERROR. */
static int send_to(SOCKET s, const char *buffer, int length, int flags, const struct sockaddr *to, int tolen,
                   BOOL connected_only)
{
    struct ws2host_buffer one = { .data = (ULONG_PTR)buffer, .length = length };
    struct ws_call call;
    DWORD sent = 0;
    int err;

    if ((err = ws_call_begin(&call, s, WS_CALL_FD))) return ws_call_end(&call, err);
    /* Windows checks the whole buffer first, so nothing is sent from a bad one. */
    if (length < 0 || (length && !ws_readable(buffer, length))) err = WSAEFAULT;
    else err = ws_send_on(&call, &one, 1, flags, to, tolen, connected_only, &sent);
    return ws_call_end_count(&call, err, sent);
}

/* recvfrom, and recv with no address: the byte count or SOCKET_ERROR. A
 * datagram longer than the buffer fills it and fails with WSAEMSGSIZE. */
static int receive_from(SOCKET s, char *buffer, int length, int flags, struct sockaddr *from, int *fromlen)
{
    struct ws2host_buffer one = { .data = (ULONG_PTR)buffer, .length = length };
    struct ws_call call;
    DWORD received = 0;
    int err;

    if ((err = begin_receive(&call, s))) return ws_call_end(&call, err);
    /* Checked first, so a bad buffer consumes no data. */
    if (length < 0 || (length && !ws_writable(buffer, length))) err = WSAEFAULT;
    else err = ws_receive_on(&call, &one, 1, flags, from, fromlen, &received);
    return ws_call_end_count(&call, err, received);
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
    struct ws_socket_info after;
    struct ws_call call;
    int err;

    TRACE("socket %#llx, how %d\n", (ULONGLONG)s, how);
    /* The server refuses sockets without a connection (listeners too) and
     * defers SHUT_WR until queued writes have gone. */
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end(&call, err);
    /* With bytes held (heldsend.c) the unix side shuts the sending side
     * after them; the server hears of the receiving side only. */
    if ((how == SD_SEND || how == SD_BOTH) && ws_shut_after_held(&call))
    {
        int receive = SD_RECEIVE;

        if (how == SD_BOTH) err = ws_afd_call(s, WS_IOCTL_AFD_WINE_SHUTDOWN, &receive, sizeof(receive), NULL, 0);
    }
    else err = ws_afd_call(s, WS_IOCTL_AFD_WINE_SHUTDOWN, &how, sizeof(how), NULL, 0);
    if (err) return ws_call_end(&call, err);
    /* Remembered for recv and send, which Windows then fails. */
    after = call.info;
    after.shut_down |= shut_down_bits(how);
    if (socket_table_update(s, &call.info, &after)) WARN("cannot record the shutdown of %#llx\n", (ULONGLONG)s);
    return ws_call_end(&call, 0);
}

/* WSARecvDisconnect and WSASendDisconnect: shutdown of one direction.
 * TCP carries no disconnect data (Microsoft: "The native implementation
 * of TCP/IP on Windows does not support disconnect data"): data to send
 * is refused with WSAENOPROTOOPT, as documented, rather than dropped;
 * a receive buffer is left alone, as nothing can arrive in it. */
static int disconnect(SOCKET s, WSABUF *data, int how)
{
    struct ws_call call;
    int err = 0, begin_err;

    if (data && !ws_readable(data, sizeof(*data))) err = WSAEFAULT;
    else if (data && how == SD_SEND && data->len)
    {
        FIXME_ONCE("disconnect data is not supported\n");
        err = WSAENOPROTOOPT;
    }
    if (!err) return shutdown(s, how);
    /* Not started, or not a socket, comes first. */
    begin_err = ws_call_begin(&call, s, WS_CALL_STATE);
    return ws_call_end(&call, begin_err ? begin_err : err);
}

/***********************************************************************
 *      WSARecvDisconnect (WS2_32.83)
 */
int WINAPI WSARecvDisconnect(SOCKET s, LPWSABUF disconnect_data)
{
    TRACE("socket %#llx, data %p\n", (ULONGLONG)s, disconnect_data);
    return disconnect(s, disconnect_data, SD_RECEIVE);
}

/***********************************************************************
 *      WSASendDisconnect (WS2_32.88)
 */
int WINAPI WSASendDisconnect(SOCKET s, LPWSABUF disconnect_data)
{
    TRACE("socket %#llx, data %p\n", (ULONGLONG)s, disconnect_data);
    return disconnect(s, disconnect_data, SD_SEND);
}
