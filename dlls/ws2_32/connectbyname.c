/*
 * WSAConnectByNameA (WS2_32.42) and WSAConnectByNameW (43): connect a
 * stream socket to the first address of a name that answers; and
 * WSAConnectByList, the same for a list of addresses (an export of
 * Windows' ws2_32 that Wine's lacks: tests/exports.test lists it).
 *
 * As Microsoft documents them and Wine's Windows-run sock.c
 * test_WSAConnectByName shows: the reserved OVERLAPPED must be NULL and
 * the node and service must be given (WSAEINVAL, before the socket is
 * looked at); only stream sockets (WSAEINVAL); an address buffer whose
 * length is too small is WSAEFAULT with the length left alone; an
 * address buffer without its length is not written, a length without its
 * buffer is set; the lookup's error as getaddrinfo gives it
 * (WSATYPE_NOT_FOUND for an unknown service); the timeout bounds the
 * whole call (WSAETIMEDOUT). An IPv6 socket with IPV6_V6ONLY off tries
 * IPv4 addresses as mapped ones.
 *
 * Each address is tried as a non-blocking connect and a select on it,
 * so the timeout holds for a blocking socket too; the socket's blocking
 * mode is put back after.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"

static int family_size(int family)
{
    return family == AF_INET6 ? (int)sizeof(SOCKADDR_IN6) : (int)sizeof(SOCKADDR_IN);
}

/* The checks every form makes once the socket is known. */
static int check_socket(struct ws_call *call, SOCKET s, DWORD *local_length, struct sockaddr *local,
                        DWORD *remote_length, struct sockaddr *remote)
{
    int err, size;

    if ((err = ws_call_begin(call, s, WS_CALL_STATE))) return err;
    if (call->info.type != SOCK_STREAM) return WSAEINVAL;
    size = family_size(call->info.family);
    if (local_length && !ws_writable(local_length, sizeof(*local_length))) return WSAEFAULT;
    if (remote_length && !ws_writable(remote_length, sizeof(*remote_length))) return WSAEFAULT;
    if (local && local_length && (*local_length < (DWORD)size || !ws_writable(local, size))) return WSAEFAULT;
    if (remote && remote_length && (*remote_length < (DWORD)size || !ws_writable(remote, size))) return WSAEFAULT;
    return 0;
}

/* One address, within what is left of the timeout (NULL: no limit). */
static int try_address(SOCKET s, const struct sockaddr *address, int length, const ULONGLONG *deadline)
{
    struct timeval wait, *limit = NULL;
    fd_set writable, failed;
    int err, size = sizeof(err);

    if (!connect(s, address, length)) return 0;
    if ((err = WSAGetLastError()) != WSAEWOULDBLOCK) return err;
    if (deadline)
    {
        ULONGLONG now = GetTickCount64(), left = *deadline > now ? *deadline - now : 0;

        wait.tv_sec = left / 1000;
        wait.tv_usec = (left % 1000) * 1000;
        limit = &wait;
    }
    FD_ZERO(&writable);
    FD_ZERO(&failed);
    FD_SET(s, &writable);
    FD_SET(s, &failed);
    switch (select(0, NULL, &writable, &failed, limit))
    {
    case SOCKET_ERROR: return WSAGetLastError();
    case 0: return WSAETIMEDOUT;
    }
    if (FD_ISSET(s, &writable)) return 0;
    if (getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &size) || !err) err = WSAECONNREFUSED;
    return err;
}

/* An IPv4 address as the IPv4-mapped IPv6 one. */
static void map_v4(const SOCKADDR_IN *in, SOCKADDR_IN6 *out)
{
    memset(out, 0, sizeof(*out));
    out->sin6_family = AF_INET6;
    out->sin6_port = in->sin_port;
    out->sin6_addr.s6_addr[10] = out->sin6_addr.s6_addr[11] = 0xff;
    memcpy(&out->sin6_addr.s6_addr[12], &in->sin_addr, 4);
}

/* Tries the addresses in order; the first that connects wins, else the
 * last error. The socket's frame `call` was begun by the caller. */
static int connect_first(struct ws_call *call, SOCKET s, const SOCKET_ADDRESS *addresses, int count,
                         const struct timeval *timeout)
{
    BOOL restore = !call->info.nonblocking && !call->info.event_mask;
    ULONGLONG deadline = 0;
    u_long mode = 1;
    int err = WSAEINVAL, v6only = 1, size = sizeof(v6only);

    if (timeout)
    {
        if (!ws_readable(timeout, sizeof(*timeout))) return WSAEFAULT;
        deadline = GetTickCount64() + (ULONGLONG)timeout->tv_sec * 1000 + (timeout->tv_usec + 999) / 1000;
    }
    if (call->info.family == AF_INET6) getsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&v6only, &size);
    if (restore && ioctlsocket(s, FIONBIO, &mode)) return WSAGetLastError();
    for (int i = 0; i < count; i++)
    {
        const struct sockaddr *address = addresses[i].lpSockaddr;
        int length = addresses[i].iSockaddrLength;
        SOCKADDR_IN6 mapped;

        if (!address || length < (int)sizeof(SOCKADDR_IN)) continue;
        if (address->sa_family == AF_INET && call->info.family == AF_INET6)
        {
            if (v6only) continue;
            map_v4((const SOCKADDR_IN *)address, &mapped);
            address = (const struct sockaddr *)&mapped;
            length = sizeof(mapped);
        }
        else if (address->sa_family != call->info.family) continue;
        if (!(err = try_address(s, address, length, timeout ? &deadline : NULL))) break;
        TRACE("address %d of %d: error %d\n", i + 1, count, err);
        if (err == WSAETIMEDOUT) break;
    }
    mode = 0;
    if (restore) ioctlsocket(s, FIONBIO, &mode);
    return err;
}

/* The names the caller asked for, once connected. */
static void report_names(SOCKET s, DWORD *local_length, struct sockaddr *local, DWORD *remote_length,
                         struct sockaddr *remote, int family)
{
    struct sockaddr_storage name;
    int size;

    if (local_length)
    {
        size = sizeof(name);
        if (local && !getsockname(s, (struct sockaddr *)&name, &size)) memcpy(local, &name, size);
        *local_length = family_size(family);
    }
    if (remote_length)
    {
        size = sizeof(name);
        if (remote && !getpeername(s, (struct sockaddr *)&name, &size)) memcpy(remote, &name, size);
        *remote_length = family_size(family);
    }
}

BOOL PASCAL WSAConnectByNameW(SOCKET s, LPWSTR nodename, LPWSTR servicename, LPDWORD local_length,
                              LPSOCKADDR local, LPDWORD remote_length, LPSOCKADDR remote,
                              const TIMEVAL *timeout, LPWSAOVERLAPPED reserved)
{
    ADDRINFOW hints = { .ai_socktype = SOCK_STREAM, .ai_protocol = IPPROTO_TCP }, *result = NULL;
    SOCKET_ADDRESS addresses[32];
    struct ws_call call;
    int err, count = 0;

    TRACE("socket %#llx, node %p, service %p, timeout %p\n", (ULONGLONG)s, nodename, servicename, timeout);
    if (reserved || !nodename || !servicename)
    {
        ws_call_begin(&call, s, WS_CALL_NOTHING);
        return ws_call_end_bool(&call, WSAEINVAL);
    }
    if ((err = check_socket(&call, s, local_length, local, remote_length, remote)))
        return ws_call_end_bool(&call, err);
    /* An IPv6 socket may reach IPv4 addresses too (connect_first decides). */
    hints.ai_family = call.info.family == AF_INET6 ? AF_UNSPEC : call.info.family;
    if ((err = GetAddrInfoW(nodename, servicename, &hints, &result))) return ws_call_end_bool(&call, err);
    for (ADDRINFOW *ai = result; ai && count < (int)ARRAYSIZE(addresses); ai = ai->ai_next)
    {
        addresses[count].lpSockaddr = ai->ai_addr;
        addresses[count++].iSockaddrLength = (int)ai->ai_addrlen;
    }
    err = connect_first(&call, s, addresses, count, timeout);
    FreeAddrInfoW(result);
    if (!err) report_names(s, local_length, local, remote_length, remote, call.info.family);
    return ws_call_end_bool(&call, err);
}

/* The narrow strings as the caller's code page has them. */
static WCHAR *widen(const char *text)
{
    int length = MultiByteToWideChar(CP_ACP, 0, text, -1, NULL, 0);
    WCHAR *wide = length > 0 ? malloc(length * sizeof(WCHAR)) : NULL;

    if (wide) MultiByteToWideChar(CP_ACP, 0, text, -1, wide, length);
    return wide;
}

BOOL PASCAL WSAConnectByNameA(SOCKET s, LPSTR nodename, LPSTR servicename, LPDWORD local_length,
                              LPSOCKADDR local, LPDWORD remote_length, LPSOCKADDR remote,
                              const TIMEVAL *timeout, LPWSAOVERLAPPED reserved)
{
    WCHAR *node = NULL, *service = NULL;
    struct ws_call call;
    int err = 0;
    BOOL ok;

    if (!reserved && nodename && servicename)
    {
        if (!ws_readable_string(nodename) || !ws_readable_string(servicename)) err = WSAEFAULT;
        else if (!(node = widen(nodename)) || !(service = widen(servicename))) err = WSAENOBUFS;
        if (err)
        {
            free(node);
            ws_call_begin(&call, s, WS_CALL_NOTHING);
            return ws_call_end_bool(&call, err);
        }
    }
    ok = WSAConnectByNameW(s, node, service, local_length, local, remote_length, remote, timeout, reserved);
    err = ok ? 0 : WSAGetLastError();
    free(node);
    free(service);
    SetLastError(err);
    return ok;
}

/***********************************************************************
 *      WSAConnectByList (Windows' ws2_32; Wine has no export of it)
 *
 * The addresses in the caller's order, under one timeout, as
 * WSAConnectByName tries those of its lookup (Microsoft's
 * WSAConnectByList: Reserved must be NULL; the names as there).
 */
BOOL PASCAL WSAConnectByList(SOCKET s, PSOCKET_ADDRESS_LIST list, LPDWORD local_length, LPSOCKADDR local,
                             LPDWORD remote_length, LPSOCKADDR remote, const TIMEVAL *timeout,
                             LPWSAOVERLAPPED reserved)
{
    struct ws_call call;
    int err;

    TRACE("socket %#llx, list %p, timeout %p\n", (ULONGLONG)s, list, timeout);
    if (reserved || !list)
    {
        ws_call_begin(&call, s, WS_CALL_NOTHING);
        return ws_call_end_bool(&call, WSAEINVAL);
    }
    if ((err = check_socket(&call, s, local_length, local, remote_length, remote)))
        return ws_call_end_bool(&call, err);
    if (!ws_readable(list, offsetof(SOCKET_ADDRESS_LIST, Address)) || list->iAddressCount < 0 ||
        !ws_readable(list->Address, (SIZE_T)list->iAddressCount * sizeof(list->Address[0])))
        return ws_call_end_bool(&call, WSAEFAULT);
    for (int i = 0; i < list->iAddressCount; i++)
        if (list->Address[i].lpSockaddr &&
            !ws_readable(list->Address[i].lpSockaddr, max(list->Address[i].iSockaddrLength, 0)))
            return ws_call_end_bool(&call, WSAEFAULT);
    err = connect_first(&call, s, list->Address, list->iAddressCount, timeout);
    if (!err) report_names(s, local_length, local, remote_length, remote, call.info.family);
    return ws_call_end_bool(&call, err);
}
