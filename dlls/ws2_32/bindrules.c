/*
 * bind with Windows' address sharing rules: the process's bound TCP
 * addresses (addressuse.c) are checked before Linux binds, under one
 * lock so that two threads cannot both pass the check. Linux still has
 * the last word: its refusals keep Windows' names for them.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "ws2_32_private.h"
#include "addressuse.h"
#include "ws2host/afd.h"

#define STATUS_ADDRESS_ALREADY_ASSOCIATED_VALUE ((LONG)0xc0000238)

static SRWLOCK lock = SRWLOCK_INIT;

/* Is the socket that bound an address still open (not closed with
 * CloseHandle behind closesocket's back)? */
static int holder_alive(uint64_t handle, uint64_t inode)
{
    struct ws_call holder;

    /* Inside bind's frame; verified without an fd, it holds none. */
    if (ws_call_begin(&holder, (SOCKET)handle, WS_CALL_VERIFIED)) return 0;
    return holder.info.inode == inode;
}

/* The request for a Windows SOCKADDR_IN/IN6 of `length` bytes; FALSE
 * when it is not a TCP address Windows' rules apply to. */
static BOOL make_request(const struct ws_socket_info *info, int fd, const uint8_t *address, int length,
                         struct ws_bind_request *request)
{
    struct ws2host_sockopt_params v6only = { .fd = fd, .level = IPPROTO_IPV6, .option = IPV6_V6ONLY };

    memset(request, 0, sizeof(*request));
    if (info->type != SOCK_STREAM) return FALSE;
    request->family = info->family;
    request->use = info->address_use;
    if (info->family == AF_INET && length >= (int)sizeof(SOCKADDR_IN))
    {
        const SOCKADDR_IN *in = (const SOCKADDR_IN *)address;

        request->port = in->sin_port;
        memcpy(request->address, &in->sin_addr, 4);
        return TRUE;
    }
    if (info->family == AF_INET6 && length >= (int)sizeof(SOCKADDR_IN6))
    {
        const SOCKADDR_IN6 *in6 = (const SOCKADDR_IN6 *)address;

        request->port = in6->sin6_port;
        memcpy(request->address, &in6->sin6_addr, 16);
        request->dual_stack = !ws_unix_call(ws2host_call_sockopt, &v6only) && !v6only.value;
        return TRUE;
    }
    return FALSE;
}

/* The port Linux chose for a bind to port 0. */
static uint16_t bound_port(int fd)
{
    struct ws2host_address_params name = { .fd = fd, .length = sizeof(name.address) };

    if (ws_unix_call(ws2host_call_getsockname, &name)) return 0;
    return ((const SOCKADDR_IN *)name.address)->sin_port;   /* same offset in SOCKADDR_IN6 */
}

/* The bind itself, by Wine's server, which must know the socket bound
 * (it answers getsockname, listen and ConnectEx from its own state). It
 * keeps Windows' sharing rules across processes too, so it first hears
 * the socket's SO_REUSEADDR or SO_EXCLUSIVEADDRUSE: one round trip, only
 * for sockets that set one. */
static int server_bind(SOCKET s, const struct ws_socket_info *info, const struct ws2host_address_params *params)
{
    struct ws_afd_bind in = { 0 };
    uint8_t bound[sizeof(in.address)];
    int length = min(params->length, (int)sizeof(in.address)), on = 1, err;
    LONG status;

    if (info->address_use == ws_use_reuse &&
        (err = ws_afd_call(s, WS_IOCTL_AFD_WINE_SET_SO_REUSEADDR, &on, sizeof(on), NULL, 0)))
        return err;
    if (info->address_use == ws_use_exclusive &&
        (err = ws_afd_call(s, WS_IOCTL_AFD_WINE_SET_SO_EXCLUSIVEADDRUSE, &on, sizeof(on), NULL, 0)))
        return err;
    memcpy(in.address, params->address, length);
    status = ws_afd_ioctl(s, WS_IOCTL_AFD_BIND, &in, offsetof(struct ws_afd_bind, address) + length, bound, length,
                          NULL);
    /* Bound already: Windows says WSAEINVAL. */
    if (status == STATUS_ADDRESS_ALREADY_ASSOCIATED_VALUE) return WSAEINVAL;
    return ws_error_from_status(status);
}

int ws_bind_by_windows_rules(SOCKET s, const struct ws_socket_info *info, struct ws2host_address_params *params)
{
    struct ws_bind_request request;
    BOOL tracked = make_request(info, params->fd, params->address, params->length, &request);
    int err;

    AcquireSRWLockExclusive(&lock);
    err = tracked ? address_use_check(s, &request, holder_alive) : 0;
    if (!err) err = server_bind(s, info, params);
    if (!err && tracked && (request.port = bound_port(params->fd)) && address_use_add(s, info->inode, &request))
        WARN("out of memory: the address of %#llx is not tracked\n", (ULONGLONG)s);
    ReleaseSRWLockExclusive(&lock);

    /* Linux refuses a sharer whose partner does not share: on Windows an
     * SO_REUSEADDR socket is then denied access. */
    if (err == WSAEADDRINUSE && info->address_use == ws_use_reuse) err = WSAEACCES;
    if (err) TRACE("bind of %#llx refused: %d\n", (ULONGLONG)s, err);
    return err;
}

void ws_bind_forget(SOCKET s)
{
    AcquireSRWLockExclusive(&lock);
    address_use_remove(s);
    ReleaseSRWLockExclusive(&lock);
}

void ws_bind_forget_all(void)
{
    AcquireSRWLockExclusive(&lock);
    address_use_clear();
    ReleaseSRWLockExclusive(&lock);
}
