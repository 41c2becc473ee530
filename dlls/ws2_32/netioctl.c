/*
 * WSAIoctl codes about the connection and the network: SIO_KEEPALIVE_VALS,
 * SIO_UDP_CONNRESET, SIO_LOOPBACK_FAST_PATH, SIO_GET_INTERFACE_LIST,
 * SIO_ADDRESS_LIST_QUERY and SIO_ROUTING_INTERFACE_QUERY.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Sources: Microsoft's documentation of each code (structures, sizes and
 * errors) and Wine's Windows-run tests, sock.c test_keepalive_vals,
 * test_get_interface_list, test_address_list_query and
 * test_sioRoutingInterfaceQuery.
 */
#include <string.h>

#include "ioctl.h"
#include <mstcpip.h>
#include <iphlpapi.h>
#include "ws2host/afd.h"
#include "ws2host/wsconstants.h"

#define WS_IOCTL_AFD_WINE_ADDRESS_LIST_CHANGE WS_AFD_WINE(208)
#define WS_IOCTL_AFD_WINE_GET_INTERFACE_LIST WS_AFD_WINE(213)

/* tcp_keepalive: on/off and two times in milliseconds; Linux counts
 * whole seconds (at least one). */
int ws_ioctl_keepalive(struct ioctl_call *call)
{
    const struct tcp_keepalive *values = call->in;
    int idle, interval, on;

    /* Refused with an OVERLAPPED, the count is left alone (sock.c
     * test_keepalive_vals). */
    if (!call->overlapped) *call->returned = 0;
    if (call->in_size < sizeof(*values) || !ws_readable(values, sizeof(*values))) return WSAEFAULT;
    if (call->frame->info.type != SOCK_STREAM) return WSAEINVAL;
    on = !!values->onoff;
    idle = max(1, (int)(values->keepalivetime / 1000));
    interval = max(1, (int)(values->keepaliveinterval / 1000));
    *call->returned = 0;
    if (setsockopt(call->frame->s, SOL_SOCKET, SO_KEEPALIVE, (char *)&on, sizeof(on))) return WSAGetLastError();
    if (!on) return 0;
    if (setsockopt(call->frame->s, IPPROTO_TCP, TCP_KEEPALIVE, (char *)&idle, sizeof(idle)) ||
        setsockopt(call->frame->s, IPPROTO_TCP, TCP_KEEPINTVL, (char *)&interval, sizeof(interval)))
        return WSAGetLastError();
    *call->returned = 0;
    return 0;
}

/* Windows reports WSAECONNRESET on an unconnected UDP socket after a port
 * unreachable; Linux never does there. So turning the reports off is what
 * Linux does already, and turning them on cannot be honoured. */
int ws_ioctl_udp_connreset(struct ioctl_call *call)
{
    const BOOL *report = call->in;

    if (call->in_size < sizeof(*report) || !ws_readable(report, sizeof(*report))) return WSAEFAULT;
    if (call->frame->info.type != SOCK_DGRAM) return WSAEINVAL;
    if (*report) FIXME_ONCE("SIO_UDP_CONNRESET on: Linux reports no resets on unconnected UDP sockets\n");
    *call->returned = 0;
    return 0;
}

/* A TCP socket before connect or listen may ask for the loopback fast
 * path; Linux' loopback needs nothing. */
int ws_ioctl_loopback_fast_path(struct ioctl_call *call)
{
    if (call->in_size < sizeof(int) || !ws_readable(call->in, sizeof(int))) return WSAEFAULT;
    if (call->frame->info.type != SOCK_STREAM) return WSAEOPNOTSUPP;
    *call->returned = 0;
    return 0;
}

/* Wine's server lists the interfaces as INTERFACE_INFO records. With an
 * OVERLAPPED the answer, even a buffer too small, comes on it (sock.c
 * test_get_interface_list). */
int ws_ioctl_interface_list(struct ioctl_call *call)
{
    ULONG_PTR size = 0;
    LONG status;

    if (!ws_writable(call->out, call->out_size)) return WSAEFAULT;
    if (call->overlapped)
        return ws_async_call(call->frame->s, WS_IOCTL_AFD_WINE_GET_INTERFACE_LIST, NULL, 0, call->out,
                             call->out_size, call->overlapped, call->completion);
    status = ws_afd_ioctl(call->frame->s, WS_IOCTL_AFD_WINE_GET_INTERFACE_LIST, NULL, 0, call->out, call->out_size,
                          &size);
    /* Refused without an OVERLAPPED: a count of 0 (sock.c test_get_interface_list). */
    *call->returned = (DWORD)size;
    if (status) return ws_error_from_status(status);
    *call->returned = (DWORD)size;
    return 0;
}

typedef ULONG (WINAPI *get_adapters_addresses_fn)(ULONG, ULONG, void *, IP_ADAPTER_ADDRESSES *, ULONG *);

/* The unicast addresses of the socket's family, from iphlpapi (loaded
 * only for this call). */
static IP_ADAPTER_ADDRESSES *local_addresses(int family)
{
    static get_adapters_addresses_fn get_addresses;
    IP_ADAPTER_ADDRESSES *adapters = NULL;
    ULONG size = 16384, ret;

    if (!get_addresses)
    {
        HMODULE iphlpapi = LoadLibraryW(L"iphlpapi.dll");
        if (iphlpapi) get_addresses = (get_adapters_addresses_fn)(void *)GetProcAddress(iphlpapi, "GetAdaptersAddresses");
        if (!get_addresses) return NULL;
    }
    for (int tries = 0; tries < 3; tries++)
    {
        if (!(adapters = HeapAlloc(GetProcessHeap(), 0, size))) return NULL;
        ret = get_addresses(family, GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER, NULL,
                            adapters, &size);
        if (!ret) return adapters;
        HeapFree(GetProcessHeap(), 0, adapters);
        if (ret != ERROR_BUFFER_OVERFLOW) break;
    }
    return NULL;
}

/* SOCKET_ADDRESS_LIST: the count, the entries, then the addresses they
 * point to. Too small a buffer: WSAEFAULT and the size needed. */
int ws_ioctl_address_list(struct ioctl_call *call)
{
    IP_ADAPTER_ADDRESSES *adapters = local_addresses(call->frame->info.family), *adapter;
    SOCKET_ADDRESS_LIST *list = call->out;
    DWORD count = 0, needed;
    char *next;
    int i = 0;

    if (!adapters) return WSAEINVAL;
    for (adapter = adapters; adapter; adapter = adapter->Next)
        for (IP_ADAPTER_UNICAST_ADDRESS *u = adapter->FirstUnicastAddress; u; u = u->Next) count++;
    needed = offsetof(SOCKET_ADDRESS_LIST, Address[count]);
    for (adapter = adapters; adapter; adapter = adapter->Next)
        for (IP_ADAPTER_UNICAST_ADDRESS *u = adapter->FirstUnicastAddress; u; u = u->Next)
            needed += u->Address.iSockaddrLength;
    *call->returned = needed;
    /* A buffer too small even for the count: WSAEINVAL (sock.c
     * test_address_list_query); one too small for the list: WSAEFAULT. */
    if (list && call->out_size && call->out_size < offsetof(SOCKET_ADDRESS_LIST, Address))
    {
        HeapFree(GetProcessHeap(), 0, adapters);
        *call->returned = 0;
        return WSAEINVAL;
    }
    if (call->out_size < needed || !ws_writable(list, needed))
    {
        HeapFree(GetProcessHeap(), 0, adapters);
        return WSAEFAULT;
    }
    list->iAddressCount = count;
    next = (char *)&list->Address[count];
    for (adapter = adapters; adapter; adapter = adapter->Next)
        for (IP_ADAPTER_UNICAST_ADDRESS *u = adapter->FirstUnicastAddress; u; u = u->Next, i++)
        {
            memcpy(next, u->Address.lpSockaddr, u->Address.iSockaddrLength);
            list->Address[i].lpSockaddr = (struct sockaddr *)next;
            list->Address[i].iSockaddrLength = u->Address.iSockaddrLength;
            next += u->Address.iSockaddrLength;
        }
    HeapFree(GetProcessHeap(), 0, adapters);
    return 0;
}

/* The local address the kernel would send from to the destination: a UDP
 * socket connected there says it, and sends nothing. */
int ws_ioctl_routing_interface(struct ioctl_call *call)
{
    const SOCKADDR_IN *destination = call->in;
    int length;
    SOCKET probe;
    int err = 0;

    if (call->in_size < sizeof(SOCKADDR_IN) || !ws_readable(destination, sizeof(SOCKADDR_IN))) return WSAEINVAL;
    if (destination->sin_family != AF_INET && destination->sin_family != AF_INET6) return WSAEAFNOSUPPORT;
    length = destination->sin_family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
    if ((int)call->in_size < length || !ws_readable(destination, length)) return WSAEINVAL;
    if (destination->sin_family == AF_INET && !destination->sin_addr.s_addr) return WSAEINVAL;
    if (!call->out || !ws_writable(call->out, min(call->out_size, (DWORD)length))) return WSAEFAULT;
    if ((int)call->out_size < length)
    {
        *call->returned = length;
        return WSAEFAULT;
    }
    if ((probe = WSASocketW(destination->sin_family, SOCK_DGRAM, 0, NULL, 0, 0)) == INVALID_SOCKET)
        return WSAGetLastError();
    if (connect(probe, call->in, length) || getsockname(probe, call->out, &length)) err = WSAGetLastError();
    closesocket(probe);
    if (err) return err;
    ((SOCKADDR_IN *)call->out)->sin_port = 0;
    *call->returned = length;
    return 0;
}

/* Wine's server keeps the waits for a change of the address list: with an
 * OVERLAPPED pending until a change; without one a blocking socket waits
 * and a non-blocking one fails with WSAEWOULDBLOCK (sock.c
 * test_sioAddressListChange). */
int ws_ioctl_address_list_change(struct ioctl_call *call)
{
    int force_async = call->overlapped != NULL, err;

    if (call->overlapped)
        return ws_async_call(call->frame->s, WS_IOCTL_AFD_WINE_ADDRESS_LIST_CHANGE, &force_async,
                             sizeof(force_async), NULL, 0, call->overlapped, call->completion);
    err = ws_afd_call(call->frame->s, WS_IOCTL_AFD_WINE_ADDRESS_LIST_CHANGE, &force_async, sizeof(force_async),
                      NULL, 0);
    if (!err) *call->returned = 0;
    return err;
}

/* The send backlog Windows calls ideal for the connection: 64 KiB on a
 * loopback connection (sock.c test_backlog_query); Linux keeps no such
 * estimate, so the loopback answer is given. Only connected stream
 * sockets have one. */
int ws_ioctl_send_backlog(struct ioctl_call *call)
{
    int err;

    if (!call->out || call->out_size < sizeof(ULONG) || !ws_writable(call->out, sizeof(ULONG))) return WSAEFAULT;
    if (call->frame->info.type != SOCK_STREAM) return WSAEOPNOTSUPP;
    if ((err = ws_call_need_fd(call->frame))) return err;
    if (!ws_fd_has_name(ws2host_call_getpeername, call->frame->fd)) return WSAENOTCONN;
    *(ULONG *)call->out = 0x10000;
    *call->returned = sizeof(ULONG);
    return 0;
}

/* Windows accepts circular queueing on datagram sockets (sock.c
 * test_circular_queueing): a full receive queue drops its oldest
 * datagram. Linux drops the newest and cannot be told otherwise. */
int ws_ioctl_circular_queueing(struct ioctl_call *call)
{
    FIXME_ONCE("SIO_ENABLE_CIRCULAR_QUEUEING: Linux drops the newest datagram of a full queue, not the oldest\n");
    *call->returned = 0;
    return 0;
}
