/*
 * Microsoft's extension functions through SIO_GET_EXTENSION_FUNCTION_POINTER:
 * AcceptEx with GetAcceptExSockaddrs and SO_UPDATE_ACCEPT_CONTEXT,
 * ConnectEx with SO_UPDATE_CONNECT_CONTEXT, DisconnectEx, TransmitFile,
 * WSARecvMsg with packet information and ECN, WSASendMsg with a source,
 * an ECN codepoint and an OVERLAPPED.
 *
 * Sources: Microsoft's documentation of each function, of
 * SIO_GET_EXTENSION_FUNCTION_POINTER and of Winsock ECN (winsock-ecn,
 * WSASetRecvIPEcn), and Wine's Windows-run tests,
 * sock.c test_AcceptEx, test_ConnectEx, test_DisconnectEx,
 * test_TransmitFile, test_WSARecv/test_ip_pktinfo and
 * test_extension_functions (every GUID below is answered).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "harness.h"
#include "util.h"
#include "overlapped.h"

void *extension(SOCKET s, GUID guid)
{
    void *function = NULL;
    DWORD size = 0;

    if (WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof(guid), &function, sizeof(function), &size,
                 NULL, NULL))
        return NULL;
    return size == sizeof(function) ? function : NULL;
}

static void test_guids(void)
{
    static const struct { GUID guid; const char *name; } guids[] =
    {
        { WSAID_ACCEPTEX, "AcceptEx" }, { WSAID_CONNECTEX, "ConnectEx" },
        { WSAID_DISCONNECTEX, "DisconnectEx" }, { WSAID_GETACCEPTEXSOCKADDRS, "GetAcceptExSockaddrs" },
        { WSAID_TRANSMITFILE, "TransmitFile" }, { WSAID_TRANSMITPACKETS, "TransmitPackets" },
        { WSAID_WSARECVMSG, "WSARecvMsg" }, { WSAID_WSASENDMSG, "WSASendMsg" },
    };
    GUID unknown = { 0x12345678, 0x1234, 0x1234, { 1, 2, 3, 4, 5, 6, 7, 8 } };
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    void *function = NULL;
    DWORD size;
    int ret;

    /* Wine's builtin has no TransmitPackets. */
    for (size_t i = 0; i < ARRAYSIZE(guids); i++)
        todo_if(harness_impl == impl_wine_builtin && !strcmp(guids[i].name, "TransmitPackets"))
        ok(extension(s, guids[i].guid) != NULL, "%s: no function, error %d\n", guids[i].name, WSAGetLastError());
    ret = WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &unknown, sizeof(unknown), &function, sizeof(function),
                   &size, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "unknown GUID: %d, error %d\n", ret,
       WSAGetLastError());
    closesocket(s);
}

static SOCKET listener_on(struct sockaddr_in *address)
{
    int length = sizeof(*address);
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);

    memset(address, 0, sizeof(*address));
    address->sin_family = AF_INET;
    address->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)address, sizeof(*address));
    listen(s, 4);
    getsockname(s, (struct sockaddr *)address, &length);
    return s;
}

static void test_acceptex(void)
{
    struct sockaddr_in address, *local, *remote, client_name;
    LPFN_GETACCEPTEXSOCKADDRS get_addresses;
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET listener, acceptor, client;
    LPFN_ACCEPTEX accept_ex;
    char buffer[256], data[8];
    int local_size = 0, remote_size = 0, length = sizeof(client_name);
    DWORD bytes = 0, flags = 0;
    BOOL ret;

    listener = listener_on(&address);
    acceptor = socket(AF_INET, SOCK_STREAM, 0);
    accept_ex = (LPFN_ACCEPTEX)extension(listener, (GUID)WSAID_ACCEPTEX);
    get_addresses = (LPFN_GETACCEPTEXSOCKADDRS)extension(listener, (GUID)WSAID_GETACCEPTEXSOCKADDRS);
    if (!accept_ex || !get_addresses) return;
    overlapped.hEvent = WSACreateEvent();

    /* Bad arguments (test_AcceptEx). */
    ret = accept_ex(INVALID_SOCKET, acceptor, buffer, 0, sizeof(address) + 16, sizeof(address) + 16, &bytes,
                    &overlapped);
    ok(!ret && WSAGetLastError() == WSAENOTSOCK, "invalid listener: error %d\n", WSAGetLastError());
    ret = accept_ex(listener, INVALID_SOCKET, buffer, 0, sizeof(address) + 16, sizeof(address) + 16, &bytes,
                    &overlapped);
    ok(!ret && WSAGetLastError() == WSAENOTSOCK, "invalid acceptor: error %d\n", WSAGetLastError());
    ret = accept_ex(listener, acceptor, buffer, 0, sizeof(address) + 16, 0, &bytes, &overlapped);
    ok(!ret && WSAGetLastError() == WSAEFAULT, "no room for the peer's address: error %d\n", WSAGetLastError());
    ret = accept_ex(listener, acceptor, buffer, 0, sizeof(address) + 16, sizeof(address) + 16, &bytes, NULL);
    ok(!ret && WSAGetLastError() == ERROR_INVALID_PARAMETER, "no OVERLAPPED: error %d\n", WSAGetLastError());

    /* Pending until a connection comes, with its first bytes. */
    ret = accept_ex(listener, acceptor, buffer, 4, sizeof(address) + 16, sizeof(address) + 16, &bytes, &overlapped);
    ok(!ret && WSAGetLastError() == ERROR_IO_PENDING, "AcceptEx: %d, error %d\n", ret, WSAGetLastError());
    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(client, (struct sockaddr *)&address, sizeof(address)), "connect failed\n");
    ok(send(client, "data", 4, 0) == 4, "send failed\n");
    ok(wait_overlapped(&overlapped), "AcceptEx did not complete\n");
    ok(WSAGetOverlappedResult(listener, &overlapped, &bytes, FALSE, &flags) && bytes == 4 &&
       !memcmp(buffer, "data", 4), "AcceptEx: %lu bytes, error %d\n", bytes, WSAGetLastError());
    get_addresses(buffer, 4, sizeof(address) + 16, sizeof(address) + 16, (struct sockaddr **)&local, &local_size,
                  (struct sockaddr **)&remote, &remote_size);
    getsockname(client, (struct sockaddr *)&client_name, &length);
    ok(local_size == sizeof(address) && local->sin_port == address.sin_port, "local: size %d, port %u\n", local_size,
       ntohs(local->sin_port));
    ok(remote_size == sizeof(address) && remote->sin_port == client_name.sin_port, "remote: size %d, port %u\n",
       remote_size, ntohs(remote->sin_port));

    /* Made a connected socket of its own by SO_UPDATE_ACCEPT_CONTEXT. */
    ok(!setsockopt(acceptor, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (char *)&listener, sizeof(listener)),
       "SO_UPDATE_ACCEPT_CONTEXT: error %d\n", WSAGetLastError());
    length = sizeof(client_name);
    ok(!getpeername(acceptor, (struct sockaddr *)&client_name, &length) && client_name.sin_port == remote->sin_port,
       "getpeername after AcceptEx: error %d\n", WSAGetLastError());
    ok(send(acceptor, "back", 4, 0) == 4 && recv(client, data, sizeof(data), 0) == 4 && !memcmp(data, "back", 4),
       "the accepted socket does not carry data\n");
    ok(!shutdown(acceptor, SD_SEND), "shutdown of the accepted socket: error %d\n", WSAGetLastError());
    ok(recv(client, data, sizeof(data), 0) == 0, "the client saw no end of stream\n");
    WSACloseEvent(overlapped.hEvent);
    closesocket(client);
    closesocket(acceptor);
    closesocket(listener);
}

static void test_connectex(void)
{
    struct sockaddr_in address, any = { .sin_family = AF_INET };
    WSAOVERLAPPED overlapped = { 0 };
    LPFN_CONNECTEX connect_ex;
    LPFN_DISCONNECTEX disconnect_ex;
    SOCKET listener, client, server;
    DWORD bytes = 0, flags = 0;
    char data[8];
    int length = sizeof(address);
    BOOL ret;

    listener = listener_on(&address);
    client = socket(AF_INET, SOCK_STREAM, 0);
    connect_ex = (LPFN_CONNECTEX)extension(client, (GUID)WSAID_CONNECTEX);
    disconnect_ex = (LPFN_DISCONNECTEX)extension(client, (GUID)WSAID_DISCONNECTEX);
    if (!connect_ex || !disconnect_ex) return;
    overlapped.hEvent = WSACreateEvent();

    /* Documented: the socket must be bound first. */
    ret = connect_ex(client, (struct sockaddr *)&address, sizeof(address), NULL, 0, &bytes, &overlapped);
    ok(!ret && WSAGetLastError() == WSAEINVAL, "ConnectEx unbound: error %d\n", WSAGetLastError());
    ok(!bind(client, (struct sockaddr *)&any, sizeof(any)), "bind failed\n");
    ret = connect_ex(client, (struct sockaddr *)&address, sizeof(address), (void *)"first", 5, &bytes, &overlapped);
    ok(ret || WSAGetLastError() == ERROR_IO_PENDING, "ConnectEx: error %d\n", WSAGetLastError());
    ok(wait_overlapped(&overlapped), "ConnectEx did not complete\n");
    ok(WSAGetOverlappedResult(client, &overlapped, &bytes, FALSE, &flags) && bytes == 5,
       "ConnectEx: %lu bytes, error %d\n", bytes, WSAGetLastError());
    ok(!setsockopt(client, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NULL, 0), "SO_UPDATE_CONNECT_CONTEXT: error %d\n",
       WSAGetLastError());
    ok(!getpeername(client, (struct sockaddr *)&any, &length) && any.sin_port == address.sin_port,
       "getpeername after ConnectEx: error %d\n", WSAGetLastError());
    server = accept(listener, NULL, NULL);
    ok(recv(server, data, sizeof(data), 0) == 5 && !memcmp(data, "first", 5), "the data ConnectEx sent\n");

    /* DisconnectEx: the peer sees the end of the stream. */
    ResetEvent(overlapped.hEvent);
    ret = disconnect_ex(client, &overlapped, 0, 0);
    ok(ret || WSAGetLastError() == ERROR_IO_PENDING, "DisconnectEx: error %d\n", WSAGetLastError());
    ok(wait_overlapped(&overlapped), "DisconnectEx did not complete\n");
    ok(recv(server, data, sizeof(data), 0) == 0, "the peer saw no end of stream\n");
    WSACloseEvent(overlapped.hEvent);
    closesocket(server);
    closesocket(client);
    closesocket(listener);
}

/* AcceptEx on another handle of a listener (not the one listen was called
 * on, as libuv shares listeners): it is listening all the same. */
static void test_acceptex_other_handle(void)
{
    struct sockaddr_in address;
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET listener = listener_on(&address), copy, acceptor, client;
    LPFN_ACCEPTEX accept_ex = (LPFN_ACCEPTEX)extension(listener, (GUID)WSAID_ACCEPTEX);
    char buffer[128];
    DWORD bytes = 0;
    BOOL ret;

    ok(DuplicateHandle(GetCurrentProcess(), (HANDLE)listener, GetCurrentProcess(), (HANDLE *)&copy, 0, FALSE,
                       DUPLICATE_SAME_ACCESS), "DuplicateHandle failed\n");
    acceptor = socket(AF_INET, SOCK_STREAM, 0);
    overlapped.hEvent = WSACreateEvent();
    ret = accept_ex(copy, acceptor, buffer, 0, sizeof(address) + 16, sizeof(address) + 16, &bytes, &overlapped);
    ok(!ret && WSAGetLastError() == ERROR_IO_PENDING, "AcceptEx on the other handle: %d, error %d\n", ret,
       WSAGetLastError());
    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(client, (struct sockaddr *)&address, sizeof(address)), "connect failed\n");
    ok(wait_overlapped(&overlapped), "AcceptEx did not complete\n");
    WSACloseEvent(overlapped.hEvent);
    closesocket(client);
    closesocket(acceptor);
    CloseHandle((HANDLE)copy);
    closesocket(listener);
}

/* Without an OVERLAPPED, TransmitFile posts nothing to the socket's port. */
static void test_transmitfile_no_packet(void)
{
    LPFN_TRANSMITFILE transmit;
    SOCKET client, server;
    WSAOVERLAPPED *got;
    ULONG_PTR key;
    DWORD written, size;
    HANDLE file, port;
    char received[8];

    if (!tcp_pair(NULL, &client, &server)) return;
    transmit = (LPFN_TRANSMITFILE)extension(server, (GUID)WSAID_TRANSMITFILE);
    port = CreateIoCompletionPort((HANDLE)server, NULL, 9, 0);
    file = make_temp_file();
    WriteFile(file, "abc", 3, &written, NULL);
    SetFilePointer(file, 0, NULL, FILE_BEGIN);
    ok(transmit && transmit(server, file, 0, 0, NULL, NULL, 0), "TransmitFile failed, error %d\n", WSAGetLastError());
    ok(recv(client, received, sizeof(received), 0) == 3, "the file did not arrive\n");
    ok(!GetQueuedCompletionStatus(port, &size, &key, (OVERLAPPED **)&got, 100) && GetLastError() == WAIT_TIMEOUT,
       "a packet for a TransmitFile without OVERLAPPED\n");
    CloseHandle(file);
    CloseHandle(port);
    closesocket(client);
    closesocket(server);
}

static void test_transmitfile(void)
{
    static const char contents[] = "file contents";
    TRANSMIT_FILE_BUFFERS buffers = { (void *)"head:", 5, (void *)":tail", 5 };
    LPFN_TRANSMITFILE transmit;
    SOCKET client, server;
    char received[64] = "";
    DWORD written, got = 0;
    HANDLE file;
    int n;

    if (!tcp_pair(NULL, &client, &server)) return;
    transmit = (LPFN_TRANSMITFILE)extension(server, (GUID)WSAID_TRANSMITFILE);
    file = make_temp_file();
    WriteFile(file, contents, sizeof(contents) - 1, &written, NULL);
    SetFilePointer(file, 0, NULL, FILE_BEGIN);
    ok(transmit && transmit(server, file, 0, 0, NULL, &buffers, 0), "TransmitFile failed, error %d\n",
       WSAGetLastError());
    while (got < 5 + sizeof(contents) - 1 + 5 && (n = recv(client, received + got, sizeof(received) - got, 0)) > 0)
        got += n;
    ok(got == 23 && !memcmp(received, "head:file contents:tail", 23), "received %lu bytes: %s\n", got, received);
    CloseHandle(file);
    closesocket(client);
    closesocket(server);
}

/* WSARecvMsg with IP_PKTINFO delivers the datagram's destination. */
static void test_recvmsg(void)
{
    LPFN_WSARECVMSG recv_msg;
    LPFN_WSASENDMSG send_msg;
    char data[16], control[64];
    WSABUF buffer = { sizeof(data), data };
    struct sockaddr_in from;
    WSAMSG msg = { (struct sockaddr *)&from, sizeof(from), &buffer, 1, { sizeof(control), control }, 0 };
    WSABUF out = { 3, (char *)"msg" };
    WSAMSG sent_msg = { NULL, 0, &out, 1, { 0, NULL }, 0 };
    DWORD on = 1, bytes = 0;
    WSACMSGHDR *header;
    SOCKET a, b;

    if (!udp_pair(&a, &b)) return;
    recv_msg = (LPFN_WSARECVMSG)extension(a, (GUID)WSAID_WSARECVMSG);
    send_msg = (LPFN_WSASENDMSG)extension(b, (GUID)WSAID_WSASENDMSG);
    if (!recv_msg || !send_msg) return;
    ok(!setsockopt(a, IPPROTO_IP, IP_PKTINFO, (char *)&on, sizeof(on)), "IP_PKTINFO failed\n");
    ok(!send_msg(b, &sent_msg, 0, &bytes, NULL, NULL) && bytes == 3, "WSASendMsg: error %d\n", WSAGetLastError());
    ok(!recv_msg(a, &msg, &bytes, NULL, NULL) && bytes == 3 && !memcmp(data, "msg", 3), "WSARecvMsg: error %d\n",
       WSAGetLastError());
    header = WSA_CMSG_FIRSTHDR(&msg);
    ok(header && header->cmsg_level == IPPROTO_IP && header->cmsg_type == IP_PKTINFO &&
       ((IN_PKTINFO *)WSA_CMSG_DATA(header))->ipi_addr.s_addr == htonl(INADDR_LOOPBACK),
       "no IN_PKTINFO for 127.0.0.1 (control length %lu)\n", msg.Control.len);
    ok(msg.namelen == sizeof(from) && from.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "from: length %d\n",
       msg.namelen);
    closesocket(a);
    closesocket(b);
}

static WSACMSGHDR *find_message(WSAMSG *msg, int level, int type)
{
    for (WSACMSGHDR *header = WSA_CMSG_FIRSTHDR(msg); header; header = WSA_CMSG_NXTHDR(msg, header))
        if (header->cmsg_level == level && header->cmsg_type == type) return header;
    return NULL;
}

/* Two UDP sockets of a family on its loopback address: a bound, b not. */
static BOOL udp_loopback(int family, SOCKET *a, SOCKET *b, struct sockaddr_storage *a_name, int *a_length)
{
    struct sockaddr_in6 any6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
    struct sockaddr_in any4 = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };

    *a = socket(family, SOCK_DGRAM, 0);
    *b = socket(family, SOCK_DGRAM, 0);
    *a_length = sizeof(*a_name);
    if (family == AF_INET6 ? bind(*a, (struct sockaddr *)&any6, sizeof(any6))
                           : bind(*a, (struct sockaddr *)&any4, sizeof(any4)))
        return FALSE;
    return !getsockname(*a, (struct sockaddr *)a_name, a_length);
}

/* WSASendMsg with IP_PKTINFO / IPV6_PKTINFO sends from the address they
 * name (Microsoft's WSASendMsg documentation: the control data "specify
 * the source IPv4/IPv6 address"); WSARecvMsg of the datagram gives it
 * the destination (IP_PKTINFO, IPV6_PKTINFO) and IPv6 the hop limit
 * (IPV6_HOPLIMIT; sock.c test_ip_pktinfo, test_ipv6_cmsg). */
static void test_sendmsg_source(int family)
{
    union { WSACMSGHDR header; char bytes[WSA_CMSG_SPACE(sizeof(IN6_PKTINFO))]; } out_control;
    char data[16], in_control[128];
    struct sockaddr_storage to, from;
    WSABUF buffer = { sizeof(data), data }, payload = { 6, (char *)"source" };
    WSAMSG received = { (struct sockaddr *)&from, sizeof(from), &buffer, 1, { sizeof(in_control), in_control }, 0 };
    WSAMSG sent;
    LPFN_WSARECVMSG recv_msg;
    int to_length, level = family == AF_INET6 ? IPPROTO_IPV6 : IPPROTO_IP;
    int type = family == AF_INET6 ? IPV6_PKTINFO : IP_PKTINFO;
    DWORD on = 1, bytes = 0;
    WSACMSGHDR *header;
    SOCKET a, b;
    int ret;

    if (!udp_loopback(family, &a, &b, &to, &to_length))
    {
        ok(0, "family %d: no loopback pair, error %d\n", family, WSAGetLastError());
        closesocket(a);
        closesocket(b);
        return;
    }
    recv_msg = (LPFN_WSARECVMSG)extension(a, (GUID)WSAID_WSARECVMSG);
    ok(!setsockopt(a, level, type, (char *)&on, sizeof(on)), "family %d: PKTINFO option failed\n", family);
    if (family == AF_INET6)
        ok(!setsockopt(a, IPPROTO_IPV6, IPV6_HOPLIMIT, (char *)&on, sizeof(on)), "IPV6_HOPLIMIT failed\n");

    memset(&out_control, 0, sizeof(out_control));
    out_control.header.cmsg_level = level;
    out_control.header.cmsg_type = type;
    if (family == AF_INET6)
    {
        IN6_PKTINFO info = { .ipi6_addr = IN6ADDR_LOOPBACK_INIT };

        out_control.header.cmsg_len = WSA_CMSG_LEN(sizeof(info));
        memcpy(WSA_CMSG_DATA(&out_control.header), &info, sizeof(info));
    }
    else
    {
        IN_PKTINFO info = { .ipi_addr.s_addr = htonl(INADDR_LOOPBACK) };

        out_control.header.cmsg_len = WSA_CMSG_LEN(sizeof(info));
        memcpy(WSA_CMSG_DATA(&out_control.header), &info, sizeof(info));
    }
    sent = (WSAMSG){ (struct sockaddr *)&to, to_length, &payload, 1,
                     { (ULONG)WSA_CMSG_SPACE(out_control.header.cmsg_len - WSA_CMSG_LEN(0)), out_control.bytes }, 0 };
    SetLastError(0xdeadbeef);
    ret = WSASendMsg(b, &sent, 0, &bytes, NULL, NULL);
    /* (Wine's builtin sends it too, leaving the control data out.) */
    ok(!ret && bytes == 6, "family %d: WSASendMsg with a source: %d, error %d\n", family, ret, WSAGetLastError());
    ok(recv_msg && !recv_msg(a, &received, &bytes, NULL, NULL) && bytes == 6 && !memcmp(data, "source", 6),
       "family %d: WSARecvMsg: error %d\n", family, WSAGetLastError());
    if (family == AF_INET6)
    {
        header = find_message(&received, IPPROTO_IPV6, IPV6_PKTINFO);
        ok(header && IN6_IS_ADDR_LOOPBACK(&((IN6_PKTINFO *)WSA_CMSG_DATA(header))->ipi6_addr),
           "no IN6_PKTINFO for ::1 (control length %lu)\n", received.Control.len);
        header = find_message(&received, IPPROTO_IPV6, IPV6_HOPLIMIT);
        ok(header && *(int *)WSA_CMSG_DATA(header) >= 1 && *(int *)WSA_CMSG_DATA(header) <= 255,
           "no IPV6_HOPLIMIT (control length %lu)\n", received.Control.len);
        ok(IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)&from)->sin6_addr), "the datagram came not from ::1\n");
    }
    else
    {
        header = find_message(&received, IPPROTO_IP, IP_PKTINFO);
        ok(header && ((IN_PKTINFO *)WSA_CMSG_DATA(header))->ipi_addr.s_addr == htonl(INADDR_LOOPBACK),
           "no IN_PKTINFO for 127.0.0.1 (control length %lu)\n", received.Control.len);
        ok(((struct sockaddr_in *)&from)->sin_addr.s_addr == htonl(INADDR_LOOPBACK),
           "the datagram came not from 127.0.0.1\n");
    }

    closesocket(a);
    closesocket(b);
}

/* WSASendMsg of "ecn" with one INT control message (the ECN codepoint of
 * IP_ECN / IPV6_ECN): 0, or its error. Without an OVERLAPPED the count
 * must be 3 (-1 otherwise). */
static int send_int_control(SOCKET s, int level, int type, INT value, const struct sockaddr_storage *to,
                            int to_length, WSAOVERLAPPED *overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    union { WSACMSGHDR header; char bytes[WSA_CMSG_SPACE(sizeof(INT))]; } control;
    WSABUF payload = { 3, (char *)"ecn" };
    WSAMSG msg = { (struct sockaddr *)to, to_length, &payload, 1, { sizeof(control), control.bytes }, 0 };
    DWORD bytes = 0;

    memset(&control, 0, sizeof(control));
    control.header.cmsg_len = WSA_CMSG_LEN(sizeof(INT));
    control.header.cmsg_level = level;
    control.header.cmsg_type = type;
    memcpy(WSA_CMSG_DATA(&control.header), &value, sizeof(value));
    if (WSASendMsg(s, &msg, 0, overlapped ? NULL : &bytes, overlapped, routine)) return WSAGetLastError();
    return overlapped || bytes == 3 ? 0 : -1;
}

static int send_ecn(SOCKET s, int level, int type, INT value, const struct sockaddr_storage *to, int to_length)
{
    return send_int_control(s, level, type, value, to, to_length, NULL, NULL);
}

/* Receives one datagram with room for `room` bytes of control data;
 * FALSE when none came. */
static BOOL receive_ecn(SOCKET s, LPFN_WSARECVMSG recv_msg, WSAMSG *msg, char *control, ULONG room)
{
    static char data[16];
    static WSABUF buffer = { sizeof(data), data };
    DWORD bytes = 0;

    *msg = (WSAMSG){ NULL, 0, &buffer, 1, { room, control }, 0 };
    return recv_msg && !recv_msg(s, msg, &bytes, NULL, NULL) && bytes == 3;
}

static BOOL receive_ecn_overlapped(SOCKET s, LPFN_WSARECVMSG recv_msg, WSAMSG *msg, char *control, ULONG room)
{
    static char data[16];
    static WSABUF buffer = { sizeof(data), data };
    WSAOVERLAPPED overlapped = { 0 };
    DWORD bytes = 0, flags;
    BOOL done;

    overlapped.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    *msg = (WSAMSG){ NULL, 0, &buffer, 1, { room, control }, 0 };
    done = recv_msg && (!recv_msg(s, msg, &bytes, &overlapped, NULL) || WSAGetLastError() == WSA_IO_PENDING) &&
           WSAGetOverlappedResult(s, &overlapped, &bytes, TRUE, &flags) && bytes == 3;
    CloseHandle(overlapped.hEvent);
    return done;
}

static INT message_int(WSACMSGHDR *header)
{
    INT value;

    memcpy(&value, WSA_CMSG_DATA(header), sizeof(value));
    return value;
}

/* ECN (Microsoft's "Winsock explicit congestion notification" and its
 * WSASetRecvIPEcn page): IP_RECVECN / IPV6_RECVECN (50) is a datagram
 * socket's option (WSAEINVAL on TCP: sock.c test_sockopt_validity, which
 * reads 0 from a new UDP socket); with it WSARecvMsg delivers IP_ECN /
 * IPV6_ECN (50), level IPPROTO_IP / IPPROTO_IPV6, the codepoint as an
 * INT; WSASendMsg's IP_ECN / IPV6_ECN message sets a datagram's
 * codepoint, and Congestion Encountered (3) is refused with WSAEINVAL.
 * IP_RECVTOS / IPV6_RECVTCLASS (IP_TOS / IPV6_TCLASS messages) are
 * separate options. Wine's builtin knows none of the ECN ones. */
static void test_ecn(int family)
{
    int level = family == AF_INET6 ? IPPROTO_IPV6 : IPPROTO_IP;
    int recv_ecn = 50, ecn_type = family == AF_INET6 ? IPV6_ECN : IP_ECN;
    int recv_tos = family == AF_INET6 ? IPV6_RECVTCLASS : IP_RECVTOS;
    int tos_type = family == AF_INET6 ? IPV6_TCLASS : IP_TOS;
    struct sockaddr_storage to;
    char control[128];
    LPFN_WSARECVMSG recv_msg;
    WSACMSGHDR *header;
    int to_length, value, length, err;
    SOCKET a, b, tcp;
    WSAMSG msg;

    tcp = socket(family, SOCK_STREAM, 0);
    length = sizeof(value);
    SetLastError(0xdeadbeef);
    todo_builtin ok(getsockopt(tcp, level, recv_ecn, (char *)&value, &length) == SOCKET_ERROR &&
                    WSAGetLastError() == WSAEINVAL, "family %d: ECN option on TCP: error %d\n", family,
                    WSAGetLastError());
    closesocket(tcp);

    if (!udp_loopback(family, &a, &b, &to, &to_length))
    {
        ok(0, "family %d: no loopback pair, error %d\n", family, WSAGetLastError());
        closesocket(a);
        closesocket(b);
        return;
    }
    recv_msg = (LPFN_WSARECVMSG)extension(a, (GUID)WSAID_WSARECVMSG);
    value = 1;
    length = sizeof(value);
    todo_builtin ok(!getsockopt(a, level, recv_ecn, (char *)&value, &length) && !value && length == sizeof(value),
                    "family %d: ECN option of a new socket: %d, error %d\n", family, value, WSAGetLastError());
    value = 1;
    todo_builtin ok(!setsockopt(a, level, recv_ecn, (char *)&value, sizeof(value)),
                    "family %d: setting the ECN option: error %d\n", family, WSAGetLastError());
    value = 0;
    length = sizeof(value);
    todo_builtin ok(!getsockopt(a, level, recv_ecn, (char *)&value, &length) && value == 1,
                    "family %d: ECN option read back: %d\n", family, value);
    value = 1;
    length = sizeof(value);
    ok(!getsockopt(a, level, recv_tos, (char *)&value, &length) && !value,
       "family %d: the TOS option is its own: %d\n", family, value);

    /* ECT(0), 2: the codepoint a sender that supports ECN sets. */
    err = send_ecn(b, level, ecn_type, 2, &to, to_length);
    ok(!err, "family %d: WSASendMsg with ECT(0): %d\n", family, err);
    ok(receive_ecn(a, recv_msg, &msg, control, sizeof(control)), "family %d: no datagram\n", family);
    header = find_message(&msg, level, ecn_type);
    todo_builtin ok(header && header->cmsg_len == WSA_CMSG_LEN(sizeof(INT)) && message_int(header) == 2,
                    "family %d: no ECN message with ECT(0) (control length %lu)\n", family, msg.Control.len);
    ok(!find_message(&msg, level, tos_type), "family %d: a TOS message nobody asked for\n", family);

    /* The same with an OVERLAPPED, the datagram already there. */
    err = send_ecn(b, level, ecn_type, 2, &to, to_length);
    ok(!err, "family %d: WSASendMsg with ECT(0): %d\n", family, err);
    ok(receive_ecn_overlapped(a, recv_msg, &msg, control, sizeof(control)), "family %d: no datagram\n", family);
    header = find_message(&msg, level, ecn_type);
    todo_builtin ok(header && message_int(header) == 2, "family %d: overlapped: no ECN message (control length %lu)\n",
                    family, msg.Control.len);
    ok(!find_message(&msg, level, tos_type), "family %d: overlapped: a TOS message nobody asked for\n", family);

    /* Congestion Encountered is the network's to set. */
    err = send_ecn(b, level, ecn_type, 3, &to, to_length);
    todo_builtin ok(err == WSAEINVAL, "family %d: WSASendMsg with CE: %d\n", family, err);

    /* Both options: both messages, the ECN bits the low two of the byte. */
    value = 1;
    ok(!setsockopt(a, level, recv_tos, (char *)&value, sizeof(value)), "family %d: TOS option: error %d\n", family,
       WSAGetLastError());
    err = send_ecn(b, level, ecn_type, 1, &to, to_length);
    ok(!err, "family %d: WSASendMsg with ECT(1): %d\n", family, err);
    ok(receive_ecn(a, recv_msg, &msg, control, sizeof(control)), "family %d: no datagram\n", family);
    header = find_message(&msg, level, ecn_type);
    todo_builtin ok(header && message_int(header) == 1, "family %d: no ECN message with ECT(1)\n", family);
    header = find_message(&msg, level, tos_type);
    todo_builtin ok(header && (message_int(header) & 3) == 1, "family %d: no TOS message with ECT(1)\n", family);

    /* Turning ECN off leaves the TOS option on. */
    value = 0;
    todo_builtin ok(!setsockopt(a, level, recv_ecn, (char *)&value, sizeof(value)),
                    "family %d: clearing the ECN option: error %d\n", family, WSAGetLastError());
    value = 0;
    length = sizeof(value);
    ok(!getsockopt(a, level, recv_tos, (char *)&value, &length) && value == 1,
       "family %d: the TOS option after ECN's: %d\n", family, value);
    err = send_ecn(b, level, ecn_type, 2, &to, to_length);
    ok(!err, "family %d: WSASendMsg with ECT(0): %d\n", family, err);
    ok(receive_ecn(a, recv_msg, &msg, control, sizeof(control)), "family %d: no datagram\n", family);
    ok(!find_message(&msg, level, ecn_type), "family %d: an ECN message after clearing the option\n", family);
    header = find_message(&msg, level, tos_type);
    todo_builtin ok(header && (message_int(header) & 3) == 2, "family %d: no TOS message with ECT(0)\n", family);

    closesocket(a);
    closesocket(b);
}

static DWORD sendmsg_routine_calls, sendmsg_routine_bytes, sendmsg_routine_error;
static WSAOVERLAPPED *sendmsg_routine_overlapped;

static void CALLBACK sendmsg_routine(DWORD error, DWORD bytes, WSAOVERLAPPED *overlapped, DWORD flags)
{
    (void)flags;
    sendmsg_routine_calls++;
    sendmsg_routine_error = error;
    sendmsg_routine_bytes = bytes;
    sendmsg_routine_overlapped = overlapped;
}

/* One overlapped WSASendMsg of "ecn" with IP_ECN ECT(0); its return. */
static int send_ecn_overlapped(SOCKET s, const struct sockaddr_storage *to, int to_length, WSAOVERLAPPED *overlapped,
                               LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    return send_int_control(s, IPPROTO_IP, IP_ECN, 2, to, to_length, overlapped, routine);
}

/* The datagram came, with the ECN codepoint the send's control data chose. */
static void check_ecn_datagram(SOCKET a, LPFN_WSARECVMSG recv_msg, const char *how)
{
    char control[64];
    WSACMSGHDR *header;
    WSAMSG msg;

    ok(receive_ecn(a, recv_msg, &msg, control, sizeof(control)), "%s: no datagram\n", how);
    header = find_message(&msg, IPPROTO_IP, IP_ECN);
    todo_builtin ok(header && message_int(header) == 2, "%s: the control data was not sent\n", how);
}

/* An overlapped WSASendMsg with control data completes as any overlapped
 * send: status block and WSAGetOverlappedResult with the count, the event
 * set, the completion routine queued to the issuing thread and run only in
 * an alertable wait, the port's packet with the association's key and the
 * OVERLAPPED; with FILE_SKIP_COMPLETION_PORT_ON_SUCCESS a send that
 * succeeded at once posts none, nor does one whose event has its low bit
 * set (Microsoft's WSASendMsg, GetQueuedCompletionStatus and
 * SetFileCompletionNotificationModes documentation; sock.c
 * test_completion_port for WSASend). On loopback a UDP send completes at
 * once, so each returns 0 on Windows; WSA_IO_PENDING is taken too. */
static void test_sendmsg_overlapped(void)
{
    struct sockaddr_in any = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    struct sockaddr_storage to;
    WSAOVERLAPPED overlapped, *got_overlapped;
    LPFN_WSARECVMSG recv_msg;
    DWORD bytes, flags, on = 1;
    ULONG_PTR key;
    HANDLE event, port;
    SOCKET a, b;
    int to_length = sizeof(to), err;

    a = socket(AF_INET, SOCK_DGRAM, 0);
    b = WSASocketW(AF_INET, SOCK_DGRAM, 0, NULL, 0, WSA_FLAG_OVERLAPPED);
    if (bind(a, (struct sockaddr *)&any, sizeof(any)) || getsockname(a, (struct sockaddr *)&to, &to_length))
    {
        ok(0, "no loopback pair, error %d\n", WSAGetLastError());
        closesocket(a);
        closesocket(b);
        return;
    }
    recv_msg = (LPFN_WSARECVMSG)extension(a, (GUID)WSAID_WSARECVMSG);
    todo_builtin ok(!setsockopt(a, IPPROTO_IP, 50 /* IP_RECVECN */, (char *)&on, sizeof(on)), "IP_RECVECN: error %d\n",
                    WSAGetLastError());

    /* After an overlapped send without control data, done at once too. */
    event = CreateEventW(NULL, TRUE, FALSE, NULL);
    {
        WSABUF first = { 5, (char *)"first" };
        char data[8];

        memset(&overlapped, 0, sizeof(overlapped));
        overlapped.hEvent = event;
        err = WSASendTo(b, &first, 1, NULL, 0, (struct sockaddr *)&to, to_length, &overlapped, NULL) ?
              WSAGetLastError() : 0;
        ok((!err || err == WSA_IO_PENDING) && WSAGetOverlappedResult(b, &overlapped, &bytes, TRUE, &flags) &&
           bytes == 5, "WSASendTo: error %d\n", err);
        ok(recv(a, data, sizeof(data), 0) == 5, "no first datagram\n");
        ResetEvent(event);
    }

    /* By event. */
    memset(&overlapped, 0, sizeof(overlapped));
    overlapped.hEvent = event;
    err = send_ecn_overlapped(b, &to, to_length, &overlapped, NULL);
    ok(!err || err == WSA_IO_PENDING, "by event: error %d\n", err);
    ok(!WaitForSingleObject(event, 5000), "by event: the event was not set\n");
    bytes = 0;
    ok(WSAGetOverlappedResult(b, &overlapped, &bytes, FALSE, &flags) && bytes == 3, "by event: %lu bytes, error %d\n",
       bytes, WSAGetLastError());
    check_ecn_datagram(a, recv_msg, "by event");

    /* By completion routine: queued, run in an alertable wait only. */
    memset(&overlapped, 0, sizeof(overlapped));
    sendmsg_routine_calls = 0;
    err = send_ecn_overlapped(b, &to, to_length, &overlapped, sendmsg_routine);
    ok(!err || err == WSA_IO_PENDING, "by routine: error %d\n", err);
    ok(!sendmsg_routine_calls, "by routine: called before an alertable wait\n");
    ok(SleepEx(5000, TRUE) == WAIT_IO_COMPLETION && sendmsg_routine_calls == 1 && !sendmsg_routine_error &&
       sendmsg_routine_bytes == 3 && sendmsg_routine_overlapped == &overlapped,
       "by routine: %lu calls, error %lu, %lu bytes\n", sendmsg_routine_calls, sendmsg_routine_error,
       sendmsg_routine_bytes);
    check_ecn_datagram(a, recv_msg, "by routine");

    /* Through a completion port: the packet names the key and the
     * OVERLAPPED. (Its byte count, 3 on Windows, is 0 through ws2host:
     * docs/design.md; the status block has it.) */
    port = CreateIoCompletionPort((HANDLE)b, NULL, 0x77, 0);
    ok(port != NULL, "CreateIoCompletionPort: error %lu\n", GetLastError());
    memset(&overlapped, 0, sizeof(overlapped));
    err = send_ecn_overlapped(b, &to, to_length, &overlapped, NULL);
    ok(!err || err == WSA_IO_PENDING, "by port: error %d\n", err);
    got_overlapped = NULL;
    key = 0;
    ok(GetQueuedCompletionStatus(port, &bytes, &key, &got_overlapped, 5000) && key == 0x77 &&
       got_overlapped == &overlapped, "by port: no packet (key %#llx), error %lu\n", (ULONGLONG)key, GetLastError());
    ok(WSAGetOverlappedResult(b, &overlapped, &bytes, FALSE, &flags) && bytes == 3, "by port: %lu bytes\n", bytes);
    check_ecn_datagram(a, recv_msg, "by port");

    /* An event with its low bit set asks for no packet. */
    memset(&overlapped, 0, sizeof(overlapped));
    ResetEvent(event);
    overlapped.hEvent = (HANDLE)((ULONG_PTR)event | 1);
    err = send_ecn_overlapped(b, &to, to_length, &overlapped, NULL);
    ok(!err || err == WSA_IO_PENDING, "low bit: error %d\n", err);
    ok(!WaitForSingleObject(event, 5000), "low bit: the event was not set\n");
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, &got_overlapped, 100) && GetLastError() == WAIT_TIMEOUT,
       "low bit: a packet came\n");
    check_ecn_datagram(a, recv_msg, "low bit");

    /* Skipping the port on success: a send done at once posts nothing. */
    ok(SetFileCompletionNotificationModes((HANDLE)b, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS),
       "SetFileCompletionNotificationModes: error %lu\n", GetLastError());
    memset(&overlapped, 0, sizeof(overlapped));
    err = send_ecn_overlapped(b, &to, to_length, &overlapped, NULL);
    ok(!err || err == WSA_IO_PENDING, "skipping: error %d\n", err);
    if (!err)
        ok(!GetQueuedCompletionStatus(port, &bytes, &key, &got_overlapped, 100) && GetLastError() == WAIT_TIMEOUT,
           "skipping: a packet came for a send done at once\n");
    ok(WSAGetOverlappedResult(b, &overlapped, &bytes, TRUE, &flags) && bytes == 3, "skipping: %lu bytes\n", bytes);
    check_ecn_datagram(a, recv_msg, "skipping");

    CloseHandle(port);
    CloseHandle(event);
    closesocket(a);
    closesocket(b);
}

void run_extension_tests(void)
{
    test_guids();
    test_acceptex();
    test_connectex();
    test_acceptex_other_handle();
    test_transmitfile();
    test_transmitfile_no_packet();
    test_recvmsg();
    test_sendmsg_source(AF_INET);
    test_sendmsg_source(AF_INET6);
    test_ecn(AF_INET);
    test_ecn(AF_INET6);
    test_sendmsg_overlapped();
}
