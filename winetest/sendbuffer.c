/*
 * Non-blocking stream sends larger than the socket's buffers.
 *
 * Sources: Wine 10's Windows-run sock.c: test_send_buffering (a
 * non-blocking send of 50 MB returns the whole count, the next one fails
 * with WSAEWOULDBLOCK; after closesocket, or shutdown and closesocket in
 * a thread that then exits, the peer still receives every byte in order
 * and then the end of the stream; CancelIoEx finds no operation to
 * cancel), test_set_getsockopt (with SO_SNDBUF 0 and the peer's
 * SO_RCVBUF 1024, three non-blocking sends of 4096 bytes each return
 * 4096) and test_write_events (a selecting socket's sends are taken whole
 * until one fails with WSAEWOULDBLOCK; FD_WRITE comes once the peer
 * drained them).
 *
 * Wine 8's builtin returns Linux' short count (its ntdll's sock_send
 * says Windows would not); Wine 10's holds the rest itself.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "util.h"

#define BIG_SEND (16 << 20)
static const char pattern[16] = "abcdefg012345678";

static char *make_buffer(void)
{
    char *buffer = malloc(BIG_SEND);

    for (int i = 0; buffer && i < BIG_SEND; i++) buffer[i] = pattern[i % sizeof(pattern)];
    return buffer;
}

static void set_nonblocking(SOCKET s, u_long on)
{
    ok(!ioctlsocket(s, FIONBIO, &on), "FIONBIO failed, error %d\n", WSAGetLastError());
}

/* Sends the whole buffer until a send fails: each send that succeeds
 * takes all of it. Returns the bytes taken. */
static long long send_until_full(SOCKET s, const char *buffer, int size)
{
    long long total = 0;
    int ret, short_sends = 0;

    while ((ret = send(s, buffer, size, 0)) > 0)
    {
        if (ret != size) short_sends++;
        total += ret;
        if (total > (1LL << 31)) break;
    }
    todo_builtin_before(10) ok(!short_sends, "%d sends were taken in part\n", short_sends);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "got %d, error %d\n", ret, WSAGetLastError());
    ok(total > 0, "nothing was sent\n");
    return total;
}

/* Receives until the end of the stream: every byte in the pattern's
 * order, and exactly `expected` of them. */
static void receive_all(SOCKET s, long long expected)
{
    static char buffer[1 << 16];
    DWORD timeout = 20000;
    long long received = 0;
    int ret, mismatch = 0;

    set_nonblocking(s, 0);
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    while ((ret = recv(s, buffer, sizeof(buffer), 0)) > 0)
    {
        for (int i = 0; i < ret && !mismatch; i++)
            if (buffer[i] != pattern[(received + i) % sizeof(pattern)]) mismatch = 1;
        received += ret;
    }
    ok(!ret, "the stream did not end: %d, error %d\n", ret, WSAGetLastError());
    ok(!mismatch, "bytes out of order\n");
    ok(received == expected, "received %lld of %lld bytes\n", received, expected);
}

static void test_close_after_big_send(void)
{
    char *buffer = make_buffer();
    SOCKET client, server;
    long long sent;

    if (!buffer || !tcp_pair(NULL, &client, &server)) return;
    set_nonblocking(server, 1);
    sent = send_until_full(server, buffer, BIG_SEND);
    /* Graceful: the peer still gets what the send took. */
    ok(!closesocket(server), "closesocket failed, error %d\n", WSAGetLastError());
    receive_all(client, sent);
    closesocket(client);
    free(buffer);
}

struct sender
{
    SOCKET s;
    char *buffer;
    long long sent;
};

static DWORD WINAPI send_and_leave(void *arg)
{
    struct sender *sender = arg;
    BOOL ret;

    sender->sent = send_until_full(sender->s, sender->buffer, BIG_SEND);
    /* Nothing of the send is an operation a program could cancel. Wine
     * 8's server answers STATUS_NOT_FOUND only to a cancel naming a
     * status block (server/async.c cancel_async), so CancelIoEx with
     * none succeeds there whatever ws2_32 does: asked on Windows and
     * Wine 10 only. That it cancelled none of the bytes the receiver
     * shows. */
    SetLastError(0xdeadbeef);
    ret = CancelIoEx((HANDLE)sender->s, NULL);
    if (!harness_wine_major || harness_wine_major >= 10)
        todo_builtin_before(10) ok(!ret && GetLastError() == ERROR_NOT_FOUND, "CancelIoEx: %d, error %lu\n", ret,
                                   GetLastError());
    ok(CancelIo((HANDLE)sender->s), "CancelIo failed, error %lu\n", GetLastError());
    ok(!shutdown(sender->s, SD_BOTH), "shutdown failed, error %d\n", WSAGetLastError());
    ok(!closesocket(sender->s), "closesocket failed, error %d\n", WSAGetLastError());
    return 0;
}

static void test_thread_leaves(void)
{
    struct sender sender = { .buffer = make_buffer() };
    SOCKET client;
    HANDLE thread;

    if (!sender.buffer || !tcp_pair(NULL, &client, &sender.s)) return;
    set_nonblocking(sender.s, 1);
    thread = CreateThread(NULL, 0, send_and_leave, &sender, 0, NULL);
    ok(WaitForSingleObject(thread, 30000) == WAIT_OBJECT_0, "the sender did not finish\n");
    CloseHandle(thread);
    receive_all(client, sender.sent);
    closesocket(client);
    free(sender.buffer);
}

/* Small buffers both ways: each send still goes whole. */
static void test_small_buffers(void)
{
    char buffer[4096], got[3 * 4096];
    SOCKET src, dst;
    int value = 0, received = 0, ret;
    DWORD timeout = 2000;

    for (int i = 0; i < (int)sizeof(buffer); i++) buffer[i] = pattern[i % sizeof(pattern)];
    if (!tcp_pair(NULL, &src, &dst)) return;
    set_nonblocking(src, 1);
    ok(!setsockopt(src, SOL_SOCKET, SO_SNDBUF, (char *)&value, sizeof(value)), "SO_SNDBUF failed\n");
    value = 1024;
    ok(!setsockopt(dst, SOL_SOCKET, SO_RCVBUF, (char *)&value, sizeof(value)), "SO_RCVBUF failed\n");
    for (int i = 0; i < 3; i++)
    {
        ret = send(src, buffer, sizeof(buffer), 0);
        /* Wine 8's builtin fails the third (Linux' buffer is full). */
        todo_if(harness_impl == impl_wine_builtin && harness_wine_major < 10 && i == 2)
            ok(ret == sizeof(buffer), "send %d: got %d, error %d\n", i, ret, WSAGetLastError());
    }
    /* Each receive finds a whole send: Windows' SO_RCVBUF does not cut
     * the stream into pieces of its size. */
    setsockopt(dst, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    for (int i = 0; i < 3; i++)
    {
        ret = recv(dst, got + received, sizeof(buffer), 0);
        todo_if(harness_impl == impl_wine_builtin && harness_wine_major < 10 && i)
            ok(ret == sizeof(buffer), "receive %d: got %d, error %d\n", i, ret, WSAGetLastError());
        if (ret <= 0) break;
        received += ret;
    }
    for (int i = 0; i < received; i++)
        if (got[i] != pattern[i % sizeof(pattern)])
        {
            ok(0, "byte %d out of order\n", i);
            break;
        }
    closesocket(src);
    closesocket(dst);
}

/* A selecting socket: whole sends until WSAEWOULDBLOCK, then FD_WRITE
 * once the peer drained them. */
static void test_write_event(void)
{
    WSAEVENT event = WSACreateEvent();
    static char chunk[1 << 20];
    WSANETWORKEVENTS events;
    SOCKET client, server;
    long long sent, drained = 0;
    DWORD timeout = 20000;
    int ret;

    for (int i = 0; i < (int)sizeof(chunk); i++) chunk[i] = pattern[i % sizeof(pattern)];
    if (!tcp_pair(NULL, &client, &server)) return;
    ok(!WSAEventSelect(server, event, FD_WRITE), "WSAEventSelect failed, error %d\n", WSAGetLastError());
    ok(WaitForSingleObject(event, 1000) == WAIT_OBJECT_0, "no first FD_WRITE\n");
    WSAEnumNetworkEvents(server, event, &events);
    sent = send_until_full(server, chunk, sizeof(chunk));
    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    while (drained < sent && (ret = recv(client, chunk, sizeof(chunk), 0)) > 0) drained += ret;
    ok(drained == sent, "drained %lld of %lld bytes\n", drained, sent);
    ok(WaitForSingleObject(event, 2000) == WAIT_OBJECT_0, "no FD_WRITE after the drain\n");
    ok(!WSAEnumNetworkEvents(server, event, &events) && (events.lNetworkEvents & FD_WRITE), "events %#lx\n",
       events.lNetworkEvents);
    WSAEventSelect(server, NULL, 0);
    closesocket(client);
    closesocket(server);
    WSACloseEvent(event);
}

static DWORD WINAPI receive_thread(void *arg)
{
    struct sender *receiver = arg;

    receive_all(receiver->s, receiver->sent);
    return 0;
}

/* Made blocking again, the socket's next send waits for what it holds
 * and its bytes follow them; shutdown's end of stream comes last
 * (Microsoft's shutdown documentation: a graceful close of the sending
 * side after the data queued). */
static void test_blocking_after(void)
{
    struct sender receiver = { 0 };
    char *buffer = make_buffer();
    SOCKET server;
    HANDLE thread;
    long long sent;
    int ret;

    if (!buffer || !tcp_pair(NULL, &receiver.s, &server)) return;
    set_nonblocking(server, 1);
    sent = send_until_full(server, buffer, BIG_SEND);
    /* The next bytes of the pattern after `sent` of them. */
    receiver.sent = sent + 4096;
    thread = CreateThread(NULL, 0, receive_thread, &receiver, 0, NULL);
    set_nonblocking(server, 0);
    ret = send(server, buffer + sent % sizeof(pattern), 4096, 0);
    ok(ret == 4096, "blocking send: %d, error %d\n", ret, WSAGetLastError());
    ok(!shutdown(server, SD_SEND), "shutdown failed, error %d\n", WSAGetLastError());
    ok(WaitForSingleObject(thread, 30000) == WAIT_OBJECT_0, "the receiver did not finish\n");
    CloseHandle(thread);
    closesocket(server);
    closesocket(receiver.s);
    free(buffer);
}

/* A send on a socket still connecting takes nothing: Wine 10's
 * Windows-run test_connecting_socket (Windows fails it with WSAENOTCONN,
 * Wine with WSAEWOULDBLOCK). The connection stays pending because the
 * listener's queue is full (Linux drops the SYN). */
static void test_connecting(void)
{
    SOCKADDR_IN address = { .sin_family = AF_INET };
    SOCKET listener, queued, pending;
    struct timeval zero = { 0 };
    int length = sizeof(address), ret;
    fd_set writable;

    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    listener = socket(AF_INET, SOCK_STREAM, 0);
    ok(!bind(listener, (struct sockaddr *)&address, sizeof(address)), "bind failed\n");
    ok(!getsockname(listener, (struct sockaddr *)&address, &length), "getsockname failed\n");
    ok(!listen(listener, 0), "listen failed\n");
    queued = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(queued, (struct sockaddr *)&address, sizeof(address)), "connect failed\n");
    pending = socket(AF_INET, SOCK_STREAM, 0);
    set_nonblocking(pending, 1);
    ret = connect(pending, (struct sockaddr *)&address, sizeof(address));
    Sleep(100);
    FD_ZERO(&writable);
    FD_SET(pending, &writable);
    if (ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK && !select(0, NULL, &writable, NULL, &zero))
    {
        ret = send(pending, "data", 4, 0);
        ok(ret == SOCKET_ERROR, "a connecting socket's send took %d bytes\n", ret);
    }
    else skip("the second connection did not stay pending\n");
    closesocket(pending);
    closesocket(queued);
    closesocket(listener);
}

void run_sendbuffer_tests(void)
{
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_close_after_big_send();
    test_thread_leaves();
    test_small_buffers();
    test_write_event();
    test_blocking_after();
    test_connecting();
    WSACleanup();
}
