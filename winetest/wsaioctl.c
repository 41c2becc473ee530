/*
 * WSAIoctl's control codes that programs use: keep-alive values, UDP
 * reset reports, the loopback fast path, interface and address lists,
 * routing queries, ioctlsocket's commands, the overlapped forms and
 * unknown codes.
 *
 * Sources: Microsoft's documentation of each code, and Wine's Windows-run
 * tests, sock.c test_unsupported_ioctls, test_keepalive_vals,
 * test_sioRoutingInterfaceQuery, test_get_interface_list,
 * test_address_list_query, test_base_handle, test_sioAddressListChange,
 * test_backlog_query and test_circular_queueing.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "harness.h"
#include "util.h"
#include <mstcpip.h>
#include "ws2host/wsconstants.h"

static void test_unknown_codes(void)
{
    static const DWORD codes[] = { 0xdeadbeef, FIOASYNC, 0x667e, SIO_FLUSH };

    for (size_t i = 0; i < ARRAYSIZE(codes); i++)
    {
        WSAOVERLAPPED overlapped = { 0 }, *got = NULL;
        SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
        HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 123, 0);
        ULONG_PTR key = 0;
        DWORD size;
        int ret;

        ret = WSAIoctl(s, codes[i], NULL, 0, NULL, 0, NULL, &overlapped, NULL);
        ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "%#lx, no count: error %d\n", codes[i],
           WSAGetLastError());
        size = 0xdeadbeef;
        ret = WSAIoctl(s, codes[i], NULL, 0, NULL, 0, &size, NULL, NULL);
        ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEOPNOTSUPP && !size, "%#lx: error %d, size %lu\n",
           codes[i], WSAGetLastError(), size);
        size = 0xdeadbeef;
        ret = WSAIoctl(s, codes[i], NULL, 0, NULL, 0, &size, &overlapped, NULL);
        ok(ret == SOCKET_ERROR && WSAGetLastError() == ERROR_IO_PENDING && size == 0xdeadbeef,
           "%#lx overlapped: error %d, size %lu\n", codes[i], WSAGetLastError(), size);
        ret = GetQueuedCompletionStatus(port, &size, &key, (OVERLAPPED **)&got, 0);
        ok(!ret && GetLastError() == ERROR_NOT_SUPPORTED && key == 123 && got == &overlapped,
           "%#lx: packet %d, error %lu, key %lu\n", codes[i], ret, GetLastError(), (DWORD)key);
        closesocket(s);
        CloseHandle(port);
    }
}

static void test_keepalive_vals(void)
{
    struct tcp_keepalive values = { 1, 3000, 1000 };
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    DWORD size = 0xdeadbeef;
    int on = 0, length = sizeof(on), ret;

    ret = WSAIoctl(s, SIO_KEEPALIVE_VALS, &values, 0, NULL, 0, &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && !size, "short input: error %d, size %lu\n",
       WSAGetLastError(), size);
    size = 0xdeadbeef;
    ret = WSAIoctl(s, SIO_KEEPALIVE_VALS, &values, sizeof(values), NULL, 0, &size, NULL, NULL);
    ok(!ret && !size, "SIO_KEEPALIVE_VALS: error %d, size %lu\n", WSAGetLastError(), size);
    ok(!getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (char *)&on, &length) && on, "SO_KEEPALIVE reads %d\n", on);
    values.onoff = 0;
    ok(!WSAIoctl(s, SIO_KEEPALIVE_VALS, &values, sizeof(values), NULL, 0, &size, NULL, NULL), "off failed\n");
    /* Refused with an OVERLAPPED: the count and the OVERLAPPED's count are
     * left alone. */
    size = 0xdeadbeef;
    overlapped.InternalHigh = 0xdeadbeef;
    ret = WSAIoctl(s, SIO_KEEPALIVE_VALS, &values, sizeof(values) - 1, NULL, 0, &size, &overlapped, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && size == 0xdeadbeef &&
       overlapped.InternalHigh == 0xdeadbeef, "refused with an OVERLAPPED: error %d, size %#lx, count %#llx\n",
       WSAGetLastError(), size, (unsigned long long)overlapped.InternalHigh);
    closesocket(s);
}

static void test_small_codes(void)
{
    SOCKET tcp = socket(AF_INET, SOCK_STREAM, 0), udp = socket(AF_INET, SOCK_DGRAM, 0);
    BOOL report = FALSE;
    int fast = 1;
    DWORD size;

    /* Documented for UDP: turning the reports off. */
    ok(!WSAIoctl(udp, SIO_UDP_CONNRESET, &report, sizeof(report), NULL, 0, &size, NULL, NULL),
       "SIO_UDP_CONNRESET: error %d\n", WSAGetLastError());
    /* Documented for TCP sockets before they connect; Wine's builtin
     * does not know it. */
    todo_builtin ok(!WSAIoctl(tcp, SIO_LOOPBACK_FAST_PATH, &fast, sizeof(fast), NULL, 0, &size, NULL, NULL),
       "SIO_LOOPBACK_FAST_PATH: error %d\n", WSAGetLastError());
    closesocket(tcp);
    closesocket(udp);
}

static void test_routing_interface(void)
{
    SOCKADDR_IN in = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, out;
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
    DWORD size;
    int ret;

    ret = WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &in, sizeof(in), &out, sizeof(out), NULL, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "no count: error %d\n", WSAGetLastError());
    in.sin_family = 0;
    size = 0xdeadbeef;
    ret = WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &in, sizeof(in), &out, sizeof(out), &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEAFNOSUPPORT && size == 0xdeadbeef,
       "family 0: error %d, size %lu\n", WSAGetLastError(), size);
    in.sin_family = AF_INET;
    size = 0xdeadbeef;
    memset(&out, 0, sizeof(out));
    ret = WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &in, sizeof(in), &out, sizeof(out), &size, NULL, NULL);
    ok(!ret && size == sizeof(out) && out.sin_family == AF_INET, "loopback: error %d, size %lu\n",
       WSAGetLastError(), size);
    trace("the route to 127.0.0.1 leaves from %s\n", inet_ntoa(out.sin_addr));
    size = 0xdeadbeef;
    ret = WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &in, sizeof(in), NULL, sizeof(out), &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && size == 0xdeadbeef, "NULL output: error %d\n",
       WSAGetLastError());
    closesocket(s);
}

/* The interface list holds the loopback interface, 127.0.0.1. */
static void test_interface_list(void)
{
    INTERFACE_INFO interfaces[32];
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
    DWORD size = 0;
    BOOL loopback = FALSE;

    ok(!WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, interfaces, sizeof(interfaces), &size, NULL, NULL),
       "SIO_GET_INTERFACE_LIST: error %d\n", WSAGetLastError());
    ok(size && size % sizeof(INTERFACE_INFO) == 0, "size %lu\n", size);
    for (DWORD i = 0; i < size / sizeof(INTERFACE_INFO); i++)
        if ((interfaces[i].iiFlags & IFF_LOOPBACK) &&
            interfaces[i].iiAddress.AddressIn.sin_addr.s_addr == htonl(INADDR_LOOPBACK))
            loopback = TRUE;
    ok(loopback, "no loopback interface in %lu bytes\n", size);
    /* Too small for one record: WSAEFAULT and a count of 0 (sock.c
     * test_get_interface_list). */
    size = 0xdeadbeef;
    ok(WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, interfaces, sizeof(INTERFACE_INFO) - 1, &size, NULL, NULL) ==
       SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && !size, "too small: error %d, size %lu\n",
       WSAGetLastError(), size);
    closesocket(s);
}

/* With an OVERLAPPED the list comes on it: pending, the count left alone,
 * a packet with the size; a buffer too small fails on the packet. */
static void test_interface_list_overlapped(void)
{
    INTERFACE_INFO interfaces[32];
    WSAOVERLAPPED overlapped = { 0 }, *got = NULL;
    SOCKET s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 123, 0);
    DWORD size = 0, expected = 0;
    ULONG_PTR key = 0;
    int ret;

    WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, interfaces, sizeof(interfaces), &expected, NULL, NULL);
    size = 0xdeadbeef;
    ret = WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, interfaces, sizeof(interfaces), &size, &overlapped, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == ERROR_IO_PENDING && size == 0xdeadbeef,
       "with an OVERLAPPED: %d, error %d, size %#lx\n", ret, WSAGetLastError(), size);
    ok(GetQueuedCompletionStatus(port, &size, &key, (OVERLAPPED **)&got, 1000) && size == expected && key == 123 &&
       got == &overlapped && !overlapped.Internal, "packet: size %lu (expected %lu), key %lu, error %lu\n", size,
       expected, (unsigned long)key, GetLastError());
    ret = WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, interfaces, sizeof(INTERFACE_INFO) - 1, &size, &overlapped,
                   NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == ERROR_IO_PENDING, "too small: %d, error %d\n", ret,
       WSAGetLastError());
    ok(!GetQueuedCompletionStatus(port, &size, &key, (OVERLAPPED **)&got, 1000) &&
       GetLastError() == ERROR_INSUFFICIENT_BUFFER && !size && got == &overlapped,
       "too small: packet error %lu, size %lu\n", GetLastError(), size);
    CloseHandle(port);
    closesocket(s);
}

/* SIO_ADDRESS_LIST_CHANGE (sock.c test_sioAddressListChange): pending
 * with an OVERLAPPED and no packet until the list changes; without one
 * a non-blocking socket fails with WSAEWOULDBLOCK; closing the socket
 * ends the wait with ERROR_OPERATION_ABORTED on the port. */
static void test_address_list_change(void)
{
    struct sockaddr_in address = { .sin_family = AF_INET };
    WSAOVERLAPPED overlapped = { 0 }, *got = (WSAOVERLAPPED *)0xdeadbeef;
    SOCKET s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 0, 0);
    u_long on = 1;
    ULONG_PTR key;
    DWORD size;
    int ret;

    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)&address, sizeof(address));
    ioctlsocket(s, FIONBIO, &on);
    ret = WSAIoctl(s, SIO_ADDRESS_LIST_CHANGE, NULL, 0, NULL, 0, &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "non-blocking, no OVERLAPPED: %d, error %d\n",
       ret, WSAGetLastError());
    ret = WSAIoctl(s, SIO_ADDRESS_LIST_CHANGE, NULL, 0, NULL, 0, &size, &overlapped, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == ERROR_IO_PENDING, "with an OVERLAPPED: %d, error %d\n", ret,
       WSAGetLastError());
    ok(!GetQueuedCompletionStatus(port, &size, &key, (OVERLAPPED **)&got, 0) && GetLastError() == WAIT_TIMEOUT &&
       !got, "a packet before any change: error %lu\n", GetLastError());
    closesocket(s);
    ok(!GetQueuedCompletionStatus(port, &size, &key, (OVERLAPPED **)&got, 1000) &&
       GetLastError() == ERROR_OPERATION_ABORTED && got == &overlapped, "after closesocket: error %lu\n",
       GetLastError());
    CloseHandle(port);
}

/* SIO_IDEAL_SEND_BACKLOG_QUERY (sock.c test_backlog_query): WSAENOTCONN
 * before the connection, 64 KiB on a loopback one. */
static void test_send_backlog(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP), client, server;
    ULONG backlog = 0;
    DWORD size = 0;
    int ret;

    ret = WSAIoctl(s, SIO_IDEAL_SEND_BACKLOG_QUERY, NULL, 0, &backlog, sizeof(backlog), &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTCONN, "unconnected: %d, error %d\n", ret,
       WSAGetLastError());
    closesocket(s);
    if (!tcp_pair(NULL, &client, &server)) return;
    ret = WSAIoctl(client, SIO_IDEAL_SEND_BACKLOG_QUERY, NULL, 0, &backlog, sizeof(backlog), &size, NULL, NULL);
    ok(!ret && backlog == 0x10000, "connected: %d, error %d, backlog %#lx\n", ret, WSAGetLastError(), backlog);
    closesocket(client);
    closesocket(server);
}

/* SIO_ENABLE_CIRCULAR_QUEUEING is accepted on a UDP socket (sock.c
 * test_circular_queueing). */
static void test_circular_queueing(void)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    DWORD size;

    ok(!WSAIoctl(s, SIO_ENABLE_CIRCULAR_QUEUEING, NULL, 0, NULL, 0, &size, NULL, NULL),
       "SIO_ENABLE_CIRCULAR_QUEUEING: error %d\n", WSAGetLastError());
    closesocket(s);
}

/* Too small a buffer gives WSAEFAULT and the size needed. */
static void test_address_list(void)
{
    char buffer[4096];
    SOCKET_ADDRESS_LIST *list = (SOCKET_ADDRESS_LIST *)buffer;
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
    DWORD size = 0, needed;
    int ret;

    ret = WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, NULL, 0, &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && size >= sizeof(INT),
                    "no buffer: error %d, size %lu\n", WSAGetLastError(), size);
    /* Too small even for the count: WSAEINVAL. */
    ret = WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, buffer, 1, &needed, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "1 byte: error %d\n", WSAGetLastError());
    needed = size;
    ret = WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, buffer, sizeof(buffer), &size, NULL, NULL);
    ok(!ret && size == needed, "SIO_ADDRESS_LIST_QUERY: error %d, size %lu of %lu\n", WSAGetLastError(), size, needed);
    for (INT i = 0; !ret && i < list->iAddressCount; i++)
        ok(list->Address[i].lpSockaddr->sa_family == AF_INET, "address %d: family %d\n", i,
           list->Address[i].lpSockaddr->sa_family);
    closesocket(s);
}

/* ioctlsocket's commands through WSAIoctl, and an overlapped code that
 * completes at once. */
static void test_commands_and_overlapped(void)
{
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET client, server, base = 0;
    WSAOVERLAPPED *got = NULL;
    u_long value = 0, on = 1;
    ULONG_PTR key = 0;
    DWORD size = 0;
    HANDLE port;
    int ret;

    if (!tcp_pair(NULL, &client, &server)) return;
    ok(send(client, "abc", 3, 0) == 3, "send failed\n");
    Sleep(50);
    ok(!WSAIoctl(server, FIONREAD, NULL, 0, &value, sizeof(value), &size, NULL, NULL) && value == 3 &&
       size == sizeof(value), "FIONREAD: error %d, %lu bytes, size %lu\n", WSAGetLastError(), value, size);
    ok(!WSAIoctl(server, FIONBIO, &on, sizeof(on), NULL, 0, &size, NULL, NULL), "FIONBIO: error %d\n",
       WSAGetLastError());
    ok(!WSAIoctl(server, SIOCATMARK, NULL, 0, &value, sizeof(value), &size, NULL, NULL) && value,
       "SIOCATMARK: error %d, %lu\n", WSAGetLastError(), value);
    /* The base handle is only told without an OVERLAPPED: with one, the
     * call fails on it (the packet says STATUS_NOT_SUPPORTED). */
    port = CreateIoCompletionPort((HANDLE)server, NULL, 77, 0);
    overlapped.hEvent = WSACreateEvent();
    size = 0xdeadbeef;
    ret = WSAIoctl(server, SIO_BASE_HANDLE, NULL, 0, &base, sizeof(base), &size, &overlapped, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == ERROR_IO_PENDING && !base && size == 0xdeadbeef,
       "overlapped SIO_BASE_HANDLE: %d, error %d\n", ret, WSAGetLastError());
    ret = GetQueuedCompletionStatus(port, &size, &key, (OVERLAPPED **)&got, 1000);
    ok(!ret && GetLastError() == ERROR_NOT_SUPPORTED && got == &overlapped && key == 77,
       "SIO_BASE_HANDLE packet: %d, error %lu\n", ret, GetLastError());
    /* A code answered at once completes on the OVERLAPPED with 0 bytes. */
    {
        struct tcp_keepalive values = { 1, 2000, 1000 };

        ret = WSAIoctl(server, SIO_KEEPALIVE_VALS, &values, sizeof(values), NULL, 0, &size, &overlapped, NULL);
        ok(!ret, "overlapped SIO_KEEPALIVE_VALS: error %d\n", WSAGetLastError());
        ret = GetQueuedCompletionStatus(port, &size, &key, (OVERLAPPED **)&got, 1000);
        ok(ret && !size && got == &overlapped && !overlapped.Internal, "SIO_KEEPALIVE_VALS packet: %d, error %lu\n",
           ret, GetLastError());
    }
    CloseHandle(port);
    WSACloseEvent(overlapped.hEvent);
    closesocket(client);
    closesocket(server);
}

void run_wsaioctl_tests(void)
{
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_unknown_codes();
    test_keepalive_vals();
    test_small_codes();
    test_routing_interface();
    test_interface_list();
    test_interface_list_overlapped();
    test_address_list();
    test_address_list_change();
    test_send_backlog();
    test_circular_queueing();
    test_commands_and_overlapped();
    WSACleanup();
}
