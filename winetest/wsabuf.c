/*
 * The WSABUF forms of send and recv without overlapped I/O: WSASend,
 * WSASendTo, WSARecv, WSARecvFrom. Sources: Microsoft's documentation of
 * the four calls (buffers in order, one datagram however many buffers,
 * WSAEFAULT for memory outside the address space, lpOverlapped ignored on
 * non-overlapped sockets) and of send/recv, whose blocking and error
 * behaviour they share.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "util.h"

static SOCKET udp_bound(SOCKADDR_IN *address)
{
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
    int length = sizeof(*address);

    memset(address, 0, sizeof(*address));
    address->sin_family = AF_INET;
    address->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(s, (struct sockaddr *)address, sizeof(*address)), "UDP bind failed, error %d\n", WSAGetLastError());
    ok(!getsockname(s, (struct sockaddr *)address, &length), "getsockname failed, error %d\n", WSAGetLastError());
    return s;
}

/* Buffers go out in order as one stream and come back spread over the
 * receiver's buffers in order; empty buffers are allowed anywhere. */
static void test_stream(void)
{
    char first[3], second[16] = "", whole[16] = "";
    WSABUF out[3] = { { 3, (char *)"abc" }, { 0, NULL }, { 5, (char *)"defgh" } };
    WSABUF in[2] = { { sizeof(first), first }, { sizeof(second), second } };
    DWORD sent = 0xdead, received = 0xdead, flags = 0;
    SOCKET client, server;
    int ret;

    if (!tcp_pair(NULL, &client, &server)) return;
    SetLastError(0xdeadbeef);
    ret = WSASend(client, out, 3, &sent, 0, NULL, NULL);
    ok(!ret && sent == 8, "WSASend: %d, %lu bytes, error %d\n", ret, sent, WSAGetLastError());
    ok(GetLastError() == 0, "WSASend left the last error at %lu\n", GetLastError());

    SetLastError(0xdeadbeef);
    ret = WSARecv(server, in, 2, &received, &flags, NULL, NULL);
    ok(!ret && received == 8, "WSARecv: %d, %lu bytes, error %d\n", ret, received, WSAGetLastError());
    ok(!memcmp(first, "abc", 3) && !strcmp(second, "defgh"), "WSARecv spread \"%.3s\" \"%s\"\n", first, second);
    ok(flags == 0, "WSARecv flags out %#lx\n", flags);
    ok(GetLastError() == 0, "WSARecv left the last error at %lu\n", GetLastError());

    /* MSG_PEEK leaves the data for the next call. */
    send(client, "peek", 4, 0);
    flags = MSG_PEEK;
    in[0].buf = whole;
    in[0].len = sizeof(whole);
    ret = WSARecv(server, in, 1, &received, &flags, NULL, NULL);
    ok(!ret && received == 4 && !memcmp(whole, "peek", 4), "WSARecv(MSG_PEEK): %d, %lu bytes\n", ret, received);
    memset(whole, 0, sizeof(whole));
    ok(recv(server, whole, sizeof(whole), 0) == 4 && !strcmp(whole, "peek"), "the peeked data is gone\n");

    /* After the peer's shutdown: 0 bytes, no error. */
    shutdown(client, SD_SEND);
    flags = 0;
    received = 0xdead;
    ret = WSARecv(server, in, 1, &received, &flags, NULL, NULL);
    ok(!ret && received == 0, "WSARecv at the end of the stream: %d, %lu bytes\n", ret, received);
    closesocket(client);
    closesocket(server);
}

/* winhttp's case: a socket created overlapped, used without OVERLAPPED. */
static void test_overlapped_socket_without_overlapped(void)
{
    SOCKADDR_IN address = { .sin_family = AF_INET };
    SOCKET listener = socket(AF_INET, SOCK_STREAM, 0), client, server;
    char page[4096], got[4096];
    WSABUF buffer = { sizeof(page), page };
    DWORD sent = 0;
    int length = sizeof(address), total = 0, ret;

    for (int i = 0; i < (int)sizeof(page); i++) page[i] = (char)(i * 7);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listener, (struct sockaddr *)&address, sizeof(address));
    getsockname(listener, (struct sockaddr *)&address, &length);
    listen(listener, 1);
    client = WSASocketW(AF_INET, SOCK_STREAM, 0, NULL, 0, WSA_FLAG_OVERLAPPED);
    ok(!connect(client, (struct sockaddr *)&address, sizeof(address)), "connect failed, error %d\n", WSAGetLastError());
    server = accept(listener, NULL, NULL);
    ret = WSASend(client, &buffer, 1, &sent, 0, NULL, NULL);
    ok(!ret && sent == sizeof(page), "WSASend: %d, %lu bytes, error %d\n", ret, sent, WSAGetLastError());
    while (total < (int)sizeof(got) && (ret = recv(server, got + total, sizeof(got) - total, 0)) > 0) total += ret;
    ok(total == sizeof(page) && !memcmp(got, page, sizeof(page)), "received %d bytes\n", total);
    closesocket(client);
    closesocket(server);
    closesocket(listener);
}

/* Documented: on a socket without the overlapped attribute, lpOverlapped
 * and the completion routine are ignored and the calls block. */
static void test_non_overlapped_socket(void)
{
    SOCKET listener = WSASocketW(AF_INET, SOCK_STREAM, 0, NULL, 0, 0), client, server;
    SOCKADDR_IN address = { .sin_family = AF_INET };
    WSAOVERLAPPED overlapped = { 0 };
    char buffer[8] = "";
    WSABUF out = { 5, (char *)"plain" }, in = { sizeof(buffer), buffer };
    DWORD sent = 0, received = 0, flags = 0;
    int length = sizeof(address), ret;

    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listener, (struct sockaddr *)&address, sizeof(address));
    getsockname(listener, (struct sockaddr *)&address, &length);
    listen(listener, 1);
    client = WSASocketW(AF_INET, SOCK_STREAM, 0, NULL, 0, 0);
    ok(!connect(client, (struct sockaddr *)&address, sizeof(address)), "connect failed, error %d\n", WSAGetLastError());
    server = accept(listener, NULL, NULL);
    overlapped.hEvent = WSACreateEvent();
    ret = WSASend(client, &out, 1, &sent, 0, &overlapped, NULL);
    ok(!ret && sent == 5, "WSASend with OVERLAPPED: %d, %lu bytes, error %d\n", ret, sent, WSAGetLastError());
    ret = WSARecv(server, &in, 1, &received, &flags, &overlapped, NULL);
    ok(!ret && received == 5 && !strcmp(buffer, "plain"), "WSARecv with OVERLAPPED: %d, %lu bytes, error %d\n", ret,
       received, WSAGetLastError());
    WSACloseEvent(overlapped.hEvent);
    closesocket(client);
    closesocket(server);
    closesocket(listener);
}

static void test_datagrams(void)
{
    SOCKADDR_IN a_address, b_address, from;
    SOCKET a = udp_bound(&a_address), b = udp_bound(&b_address);
    char head[4] = "", tail[4] = "", buffer[16];
    WSABUF out[2] = { { 5, (char *)"data-" }, { 4, (char *)"gram" } };
    WSABUF in[2] = { { sizeof(head), head }, { sizeof(tail), tail } };
    DWORD sent = 0, received = 0, flags = 0;
    int from_length = sizeof(from), ret;

    /* Two buffers are one datagram. */
    ret = WSASendTo(a, out, 2, &sent, 0, (struct sockaddr *)&b_address, sizeof(b_address), NULL, NULL);
    ok(!ret && sent == 9, "WSASendTo: %d, %lu bytes, error %d\n", ret, sent, WSAGetLastError());
    memset(buffer, 0, sizeof(buffer));
    ok(recv(b, buffer, sizeof(buffer), 0) == 9 && !strcmp(buffer, "data-gram"), "received \"%s\"\n", buffer);

    /* A datagram longer than all buffers fills them: WSAEMSGSIZE. */
    sendto(a, "0123456789", 10, 0, (struct sockaddr *)&b_address, sizeof(b_address));
    SetLastError(0xdeadbeef);
    ret = WSARecvFrom(b, in, 2, &received, &flags, (struct sockaddr *)&from, &from_length, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEMSGSIZE, "truncated: %d, error %d\n", ret, WSAGetLastError());
    ok(!memcmp(head, "0123", 4) && !memcmp(tail, "4567", 4), "truncated datagram delivered \"%.4s\" \"%.4s\"\n",
       head, tail);

    /* The sender's address comes back. */
    sendto(a, "x", 1, 0, (struct sockaddr *)&b_address, sizeof(b_address));
    flags = 0;
    from_length = sizeof(from);
    memset(&from, 0, sizeof(from));
    ret = WSARecvFrom(b, in, 2, &received, &flags, (struct sockaddr *)&from, &from_length, NULL, NULL);
    ok(!ret && received == 1 && head[0] == 'x', "WSARecvFrom: %d, %lu bytes\n", ret, received);
    ok(from_length == sizeof(from) && from.sin_port == a_address.sin_port &&
       from.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "WSARecvFrom: wrong sender\n");

    /* Documented for WSASend as for send: WSAENOTCONN; Wine 8's builtin
     * says WSAEINVAL (winetest/lifecycle.c has the same for send). */
    SetLastError(0xdeadbeef);
    ret = WSASend(a, out, 1, &sent, 0, NULL, NULL);
    todo_builtin_before(10) ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTCONN, "WSASend unconnected: %d, error %d\n",
                               ret, WSAGetLastError());
    /* WSASendTo with no address: the documentation lists WSAEDESTADDRREQ
     * but no source shows which error Windows picks; ws2host gives it. */
    SetLastError(0xdeadbeef);
    ret = WSASendTo(a, out, 1, &sent, 0, NULL, 0, NULL, NULL);
    if (harness_impl == impl_ws2host)
        ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEDESTADDRREQ, "WSASendTo with no address: %d, error %d\n",
           ret, WSAGetLastError());
    else
        trace("WSASendTo with no address: %d, error %d\n", ret, WSAGetLastError());
    closesocket(a);
    closesocket(b);
}

static void test_waiting(void)
{
    SOCKET client, server;
    DWORD timeout = 100, received, flags = 0;
    u_long on = 1;
    char buffer[4];
    WSABUF in = { sizeof(buffer), buffer };
    int ret;

    if (!tcp_pair(NULL, &client, &server)) return;
    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    SetLastError(0xdeadbeef);
    ret = WSARecv(client, &in, 1, &received, &flags, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAETIMEDOUT, "WSARecv past SO_RCVTIMEO: %d, error %d\n", ret,
       WSAGetLastError());
    ioctlsocket(server, FIONBIO, &on);
    SetLastError(0xdeadbeef);
    flags = 0;
    ret = WSARecv(server, &in, 1, &received, &flags, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "non-blocking WSARecv: %d, error %d\n", ret,
       WSAGetLastError());
    closesocket(client);
    closesocket(server);
}

struct watched_receive
{
    SOCKET s;
    char *base;
    int length;
    int result;
};

static DWORD WINAPI receive_watched(void *arg)
{
    struct watched_receive *r = arg;

    r->result = recv(r->s, r->base, r->length, 0);
    return 0;
}

/* A blocking receive into write-watched memory (sock.c test_write_watch,
 * Windows-run): the pages count as written once the receive is issued;
 * a reset during the wait re-arms them, and the data then arrives
 * without marking them again. Before, ws2host failed the receive. */
static void test_write_watched(void)
{
    UINT (WINAPI *get_write_watch)(DWORD, void *, SIZE_T, void **, ULONG_PTR *, ULONG *) =
        (void *)GetProcAddress(GetModuleHandleA("kernel32.dll"), "GetWriteWatch");
    struct watched_receive r = { .length = 0x7002 };
    SOCKET client, server;
    void *pages[64];
    ULONG_PTR count;
    ULONG page_size;
    HANDLE thread;

    if (!get_write_watch || !tcp_pair(NULL, &client, &server)) return;
    r.s = server;
    r.base = VirtualAlloc(NULL, 0x10000, MEM_RESERVE | MEM_COMMIT | MEM_WRITE_WATCH, PAGE_READWRITE);
    ok(r.base != NULL, "VirtualAlloc(MEM_WRITE_WATCH) failed, error %lu\n", GetLastError());
    if (!r.base) return;
    memset(r.base, 0, 0x10000);
    count = ARRAYSIZE(pages);
    get_write_watch(WRITE_WATCH_FLAG_RESET, r.base, 0x10000, pages, &count, &page_size);
    thread = CreateThread(NULL, 0, receive_watched, &r, 0, NULL);
    Sleep(200);
    count = ARRAYSIZE(pages);
    ok(!get_write_watch(WRITE_WATCH_FLAG_RESET, r.base, 0x10000, pages, &count, &page_size) && count == 8,
       "pages written by a waiting receive: %lu\n", (unsigned long)count);
    ok(send(client, "watched", 8, 0) == 8, "send failed\n");
    ok(WaitForSingleObject(thread, 5000) == WAIT_OBJECT_0, "the receive did not end\n");
    ok(r.result == 8 && !strcmp(r.base, "watched"), "receive into re-armed pages: %d\n", r.result);
    count = ARRAYSIZE(pages);
    ok(!get_write_watch(WRITE_WATCH_FLAG_RESET, r.base, 0x10000, pages, &count, &page_size) && count == 0,
       "pages written by the data: %lu\n", (unsigned long)count);
    CloseHandle(thread);
    closesocket(client);
    closesocket(server);
    VirtualFree(r.base, 0, MEM_RELEASE);
}

static void test_bad_input(void)
{
    void *reserved = VirtualAlloc(NULL, 0x10000, MEM_RESERVE, PAGE_NOACCESS);
    char byte = 'x';
    WSABUF good = { 1, &byte }, wild = { 16, reserved };
    DWORD count = 0, flags = 0;
    SOCKET client, server;
    int ret;

    SetLastError(0xdeadbeef);
    ret = WSASend(INVALID_SOCKET, &good, 1, &count, 0, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "WSASend(INVALID_SOCKET): %d, error %d\n", ret,
       WSAGetLastError());
    SetLastError(0xdeadbeef);
    ret = WSARecv(INVALID_SOCKET, &good, 1, &count, &flags, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "WSARecv(INVALID_SOCKET): %d, error %d\n", ret,
       WSAGetLastError());

    if (!tcp_pair(NULL, &client, &server)) return;
    SetLastError(0xdeadbeef);
    ret = WSASend(client, &wild, 1, &count, 0, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "WSASend from reserved memory: %d, error %d\n", ret,
       WSAGetLastError());
    SetLastError(0xdeadbeef);
    ret = WSASend(client, NULL, 1, &count, 0, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "WSASend with no buffers: %d, error %d\n", ret,
       WSAGetLastError());
    /* Documented: the byte count may be NULL only with lpOverlapped. */
    SetLastError(0xdeadbeef);
    ret = WSASend(client, &good, 1, NULL, 0, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "WSASend with no byte count: %d, error %d\n", ret,
       WSAGetLastError());

    send(client, "abc", 3, 0);
    SetLastError(0xdeadbeef);
    ret = WSARecv(server, &wild, 1, &count, &flags, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "WSARecv into reserved memory: %d, error %d\n", ret,
       WSAGetLastError());
    SetLastError(0xdeadbeef);
    ret = WSARecv(server, &good, 1, &count, NULL, NULL, NULL);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "WSARecv with no flags: %d, error %d\n", ret,
       WSAGetLastError());
    /* The data is still there for a correct call. */
    count = 0;
    ok(!WSARecv(server, &good, 1, &count, &flags, NULL, NULL) && count == 1 && byte == 'a',
       "WSARecv after the failed calls: %lu bytes\n", count);
    /* Unlike WSASend's, a NULL byte count is not refused by Wine's builtin;
     * no source says what Windows does. ws2host takes the data. */
    SetLastError(0xdeadbeef);
    ret = WSARecv(server, &good, 1, NULL, &flags, NULL, NULL);
    if (harness_impl == impl_ws2host)
        ok(!ret && byte == 'b', "WSARecv with no byte count: %d, error %d\n", ret, WSAGetLastError());
    else
        trace("WSARecv with no byte count: %d, error %d\n", ret, WSAGetLastError());
    closesocket(client);
    closesocket(server);
    VirtualFree(reserved, 0, MEM_RELEASE);
}

void run_wsabuf_tests(void)
{
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_stream();
    test_overlapped_socket_without_overlapped();
    test_non_overlapped_socket();
    test_datagrams();
    test_waiting();
    test_write_watched();
    test_bad_input();
    WSACleanup();
}
