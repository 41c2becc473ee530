/*
 * Readiness: WSAEventSelect with WSAEnumNetworkEvents, and WSAPoll.
 *
 * Sources: Microsoft's documentation of WSAEventSelect ("re-enabling"
 * rules: FD_READ by recv, FD_WRITE by a send that failed with
 * WSAEWOULDBLOCK, FD_ACCEPT by accept; the socket becomes non-blocking and
 * FIONBIO cannot make it blocking again while events are selected),
 * WSAEnumNetworkEvents (the event is reset) and WSAPoll, and Wine's
 * Windows-run tests, sock.c test_events/test_WSAPoll and afd.c
 * test_event_select.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "util.h"

/* The events seen within a second, or 0. */
static long wait_events(SOCKET s, WSAEVENT event, WSANETWORKEVENTS *events)
{
    memset(events, 0, sizeof(*events));
    if (WaitForSingleObject(event, 1000) != WAIT_OBJECT_0) return 0;
    if (WSAEnumNetworkEvents(s, event, events)) return -1;
    return events->lNetworkEvents;
}

static void test_event_select(void)
{
    WSANETWORKEVENTS events;
    WSAEVENT event = WSACreateEvent();
    SOCKET client, server;
    u_long off = 0;
    char buffer[8];
    long seen;

    if (!tcp_pair(NULL, &client, &server)) return;
    ok(!WSAEventSelect(server, event, FD_READ | FD_WRITE | FD_CLOSE), "WSAEventSelect: error %d\n",
       WSAGetLastError());
    /* A connected socket is writable at once. */
    seen = wait_events(server, event, &events);
    ok(seen == FD_WRITE && !events.iErrorCode[FD_WRITE_BIT], "first events %#lx\n", seen);
    ok(WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "WSAEnumNetworkEvents did not reset the event\n");

    /* Non-blocking now, and it stays so while events are selected. */
    ok(recv(server, buffer, sizeof(buffer), 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
       "recv with nothing there: error %d\n", WSAGetLastError());
    ok(ioctlsocket(server, FIONBIO, &off) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "FIONBIO 0 under event selection: error %d\n", WSAGetLastError());

    /* FD_READ, re-enabled by each recv: three rounds. */
    for (int round = 0; round < 3; round++)
    {
        ok(send(client, "x", 1, 0) == 1, "send failed\n");
        seen = wait_events(server, event, &events);
        ok(seen == FD_READ, "round %d: events %#lx\n", round, seen);
        ok(WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "round %d: the event was not reset\n", round);
        ok(recv(server, buffer, sizeof(buffer), 0) == 1, "round %d: recv: error %d\n", round, WSAGetLastError());
    }
    /* Data that stays unread is not signalled again until recv. */
    ok(send(client, "yy", 2, 0) == 2, "send failed\n");
    ok(wait_events(server, event, &events) == FD_READ, "FD_READ for new data\n");
    ok(WaitForSingleObject(event, 200) == WAIT_TIMEOUT, "FD_READ again without a recv\n");
    ok(recv(server, buffer, 1, 0) == 1, "partial recv failed\n");
    ok(wait_events(server, event, &events) == FD_READ, "FD_READ after a recv that left data\n");
    ok(recv(server, buffer, sizeof(buffer), 0) == 1, "recv of the rest failed\n");

    /* The peer's graceful close: FD_CLOSE with no error. */
    ok(!shutdown(client, SD_SEND), "shutdown failed\n");
    seen = wait_events(server, event, &events);
    ok((seen & FD_CLOSE) && !events.iErrorCode[FD_CLOSE_BIT], "close: events %#lx, error %d\n", seen,
       events.iErrorCode[FD_CLOSE_BIT]);

    /* A zero mask stops the events. */
    ok(!WSAEventSelect(server, NULL, 0), "clearing the selection failed\n");
    ok(recv(server, buffer, sizeof(buffer), 0) == 0, "recv after the peer's close\n");
    closesocket(client);
    closesocket(server);
    WSACloseEvent(event);
}

/* Closes s with an RST: SO_LINGER on with a zero timeout (sock.c
 * close_with_rst). */
static void close_with_reset(SOCKET s)
{
    static const LINGER abortive = { .l_onoff = 1, .l_linger = 0 };

    ok(!setsockopt(s, SOL_SOCKET, SO_LINGER, (const char *)&abortive, sizeof(abortive)), "SO_LINGER: error %d\n",
       WSAGetLastError());
    closesocket(s);
}

/* The peer's RST: FD_CLOSE carries WSAECONNABORTED (Wine 10's Windows-run
 * sock.c test_events, "Trigger RST", in both its event and its message
 * form); Wine 8's builtin reports 0. */
static void test_reset_event(void)
{
    WSAEVENT event = WSACreateEvent();
    WSANETWORKEVENTS events;
    SOCKET client, server;
    long seen;

    if (!tcp_pair(NULL, &client, &server)) return;
    ok(!WSAEventSelect(server, event, FD_READ | FD_CLOSE), "WSAEventSelect: error %d\n", WSAGetLastError());
    close_with_reset(client);
    seen = wait_events(server, event, &events);
    ok(seen == FD_CLOSE, "events %#lx\n", seen);
    todo_builtin_before(10) ok(events.iErrorCode[FD_CLOSE_BIT] == WSAECONNABORTED, "FD_CLOSE error %d\n",
                               events.iErrorCode[FD_CLOSE_BIT]);
    ok(WaitForSingleObject(event, 200) == WAIT_TIMEOUT, "signalled again\n");
    WSAEventSelect(server, NULL, 0);
    closesocket(server);
    WSACloseEvent(event);
}

/* FD_WRITE comes once when the socket can send, and again only after a
 * send that failed with WSAEWOULDBLOCK, once there is room (Microsoft's
 * WSAEventSelect documentation; sock.c test_events). */
static void test_write_rearm(void)
{
    WSAEVENT event = WSACreateEvent();
    WSANETWORKEVENTS events;
    static char chunk[65536];
    SOCKET client, server;
    long long total = 0, drained = 0;
    int n, err = 0;

    if (!tcp_pair(NULL, &client, &server)) return;
    ok(!WSAEventSelect(client, event, FD_WRITE), "WSAEventSelect failed\n");
    ok(wait_events(client, event, &events) == FD_WRITE, "no first FD_WRITE\n");
    ok(send(client, "a", 1, 0) == 1, "send failed\n");
    total = 1;
    ok(WaitForSingleObject(event, 200) == WAIT_TIMEOUT, "FD_WRITE after a send that succeeded\n");
    while (total < (64 << 20) && (n = send(client, chunk, sizeof(chunk), 0)) > 0) total += n;
    err = WSAGetLastError();
    ok(n == SOCKET_ERROR && err == WSAEWOULDBLOCK, "filling the buffers: %d, error %d\n", n, err);
    ok(WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "FD_WRITE while the buffers are full\n");
    while (drained < total && (n = recv(server, chunk, sizeof(chunk), 0)) > 0) drained += n;
    ok(drained == total, "drained %lld of %lld bytes\n", drained, total);
    ok(wait_events(client, event, &events) == FD_WRITE && !events.iErrorCode[FD_WRITE_BIT],
       "no FD_WRITE after the send that would block\n");
    WSAEventSelect(client, NULL, 0);
    closesocket(client);
    closesocket(server);
    WSACloseEvent(event);
}

static void test_accept_and_connect_events(void)
{
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    WSAEVENT listen_event = WSACreateEvent(), connect_event = WSACreateEvent();
    WSANETWORKEVENTS events;
    SOCKET listener = socket(AF_INET, SOCK_STREAM, 0), client, server;
    int length = sizeof(address), err;
    long seen;

    bind(listener, (struct sockaddr *)&address, sizeof(address));
    listen(listener, 4);
    getsockname(listener, (struct sockaddr *)&address, &length);
    ok(!WSAEventSelect(listener, listen_event, FD_ACCEPT), "WSAEventSelect(FD_ACCEPT) failed\n");
    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!WSAEventSelect(client, connect_event, FD_CONNECT | FD_WRITE), "WSAEventSelect(FD_CONNECT) failed\n");
    err = connect(client, (struct sockaddr *)&address, sizeof(address)) ? WSAGetLastError() : 0;
    ok(err == WSAEWOULDBLOCK, "non-blocking connect: error %d\n", err);
    seen = wait_events(client, connect_event, &events);
    ok((seen & FD_CONNECT) && !events.iErrorCode[FD_CONNECT_BIT], "connect: events %#lx\n", seen);
    seen = wait_events(listener, listen_event, &events);
    ok(seen == FD_ACCEPT && !events.iErrorCode[FD_ACCEPT_BIT], "listener: events %#lx\n", seen);
    server = accept(listener, NULL, NULL);
    ok(server != INVALID_SOCKET, "accept: error %d\n", WSAGetLastError());
    closesocket(server);
    closesocket(client);

    /* A refused connect: FD_CONNECT with WSAECONNREFUSED. */
    closesocket(listener);
    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!WSAEventSelect(client, connect_event, FD_CONNECT), "WSAEventSelect failed\n");
    connect(client, (struct sockaddr *)&address, sizeof(address));
    seen = wait_events(client, connect_event, &events);
    ok(seen == FD_CONNECT && events.iErrorCode[FD_CONNECT_BIT] == WSAECONNREFUSED, "refused: events %#lx, error %d\n",
       seen, events.iErrorCode[FD_CONNECT_BIT]);
    closesocket(client);
    WSACloseEvent(listen_event);
    WSACloseEvent(connect_event);
}

static short poll_one(SOCKET s, short events, int timeout, int *ret)
{
    WSAPOLLFD fd = { s, events, 0 };

    *ret = WSAPoll(&fd, 1, timeout);
    return fd.revents;
}

static LONG poll_apc_calls;

static void CALLBACK count_poll_apc(ULONG_PTR context)
{
    (void)context;
    InterlockedIncrement(&poll_apc_calls);
}

/* A WSAPoll that waits is alertable: an APC queued to the thread runs and
 * the poll goes on to its timeout (Wine 10's Windows-run sock.c
 * test_WSAPoll: APC called once while the poll waits). */
static void test_wsapoll_apc(void)
{
    SOCKET client, server;
    WSAPOLLFD fd;
    DWORD start;
    int ret;

    if (!tcp_pair(NULL, &client, &server)) return;
    fd.fd = server;
    fd.events = POLLRDNORM;
    fd.revents = 0;
    poll_apc_calls = 0;
    ok(QueueUserAPC(count_poll_apc, GetCurrentThread(), 0), "QueueUserAPC failed\n");
    start = GetTickCount();
    ret = WSAPoll(&fd, 1, 300);
    todo_builtin_before(10) ok(poll_apc_calls == 1, "the APC ran %ld times during WSAPoll\n", poll_apc_calls);
    ok(ret == 0 && GetTickCount() - start >= 250, "WSAPoll: %d after %lu ms\n", ret, GetTickCount() - start);
    SleepEx(0, TRUE);
    closesocket(client);
    closesocket(server);
}

static void test_wsapoll(void)
{
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    SOCKET fresh = socket(AF_INET, SOCK_STREAM, 0), listener, client, server;
    WSAPOLLFD none = { INVALID_SOCKET, POLLIN, 0 };
    int length = sizeof(address), ret;
    short revents;

    ok(WSAPoll(NULL, 1, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "NULL array: error %d\n",
       WSAGetLastError());
    ok(WSAPoll(&none, 0, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "no entries: error %d\n",
       WSAGetLastError());
    /* A fresh socket is neither readable nor writable. */
    revents = poll_one(fresh, POLLRDNORM | POLLRDBAND | POLLWRNORM, 0, &ret);
    ok(ret == 0 && !revents, "fresh socket: %d, revents %#x\n", ret, revents);
    closesocket(fresh);

    listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(listener, (struct sockaddr *)&address, sizeof(address));
    listen(listener, 4);
    getsockname(listener, (struct sockaddr *)&address, &length);
    client = socket(AF_INET, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *)&address, sizeof(address));
    /* A listener with a connection waiting is readable. */
    revents = poll_one(listener, POLLIN, 1000, &ret);
    ok(ret == 1 && revents == POLLRDNORM, "listener: %d, revents %#x\n", ret, revents);
    server = accept(listener, NULL, NULL);
    revents = poll_one(server, POLLRDNORM | POLLWRNORM, 1000, &ret);
    ok(ret == 1 && revents == POLLWRNORM, "connected: %d, revents %#x\n", ret, revents);
    ok(send(client, "x", 1, 0) == 1, "send failed\n");
    revents = poll_one(server, POLLRDNORM | POLLWRNORM, 1000, &ret);
    ok(ret == 1 && revents == (POLLRDNORM | POLLWRNORM), "with data: %d, revents %#x\n", ret, revents);
    ok(recv(server, (char *)&ret, 1, 0) == 1, "recv failed\n");
    /* Nothing within the timeout: 0. */
    revents = poll_one(client, POLLRDNORM, 100, &ret);
    ok(ret == 0 && !revents, "timeout: %d, revents %#x\n", ret, revents);
    /* The peer's closesocket: POLLHUP, asked for or not (after the peer's
     * SD_SEND alone Windows says POLLHUP too, which Wine's server does
     * not: test_WSAPoll marks it todo_wine). */
    closesocket(client);
    Sleep(100);
    revents = poll_one(server, POLLRDNORM | POLLWRNORM, 1000, &ret);
    ok(ret == 1 && revents == (POLLWRNORM | POLLHUP), "after the peer's close: %d, revents %#x\n", ret, revents);
    /* Something that is not a socket: POLLNVAL. */
    revents = poll_one((SOCKET)0xdead0, POLLIN, 0, &ret);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK && revents == POLLNVAL,
       "not a socket: %d, error %d, revents %#x\n", ret, WSAGetLastError(), revents);
    closesocket(server);
    closesocket(listener);
}

struct select_thread
{
    SOCKET s;
    int result;
};

static DWORD WINAPI select_in_thread(void *param)
{
    struct select_thread *t = param;
    struct timeval five = { 5, 0 };
    fd_set readable;

    FD_ZERO(&readable);
    FD_SET(t->s, &readable);
    t->result = select(0, &readable, NULL, NULL, &five);
    return 0;
}

static DWORD WINAPI close_later(void *param)
{
    struct select_thread *t = param;

    Sleep(100);
    closesocket(t->s);
    return 0;
}

static int apc_calls;

static void CALLBACK count_apc(ULONG_PTR data)
{
    apc_calls++;
}

/* select as Wine's Windows-run test_select states it. */
static void test_select(void)
{
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    struct timeval zero = { 0, 0 }, short_wait = { 0, 200000 }, two_seconds = { 2, 0 };
    SOCKET fresh = socket(AF_INET, SOCK_STREAM, 0), listener, client, server;
    struct select_thread t;
    fd_set readable, writable, failed;
    HANDLE thread;
    DWORD start;
    int ret;

    /* A socket that never connected is neither readable nor writable, and
     * select waits its timeout out. */
    FD_ZERO(&readable); FD_ZERO(&writable); FD_ZERO(&failed);
    FD_SET(fresh, &readable); FD_SET(fresh, &writable); FD_SET(fresh, &failed);
    ret = select(0, &readable, &writable, &failed, &zero);
    ok(ret == 0 && !readable.fd_count && !writable.fd_count, "fresh socket: %d\n", ret);
    FD_SET(fresh, &readable); FD_SET(fresh, &writable);
    start = GetTickCount();
    ret = select(0, &readable, &writable, NULL, &short_wait);
    ok(ret == 0 && GetTickCount() - start >= 150, "fresh socket, 200 ms: %d after %lu ms\n", ret,
       GetTickCount() - start);
    closesocket(fresh);

    /* closesocket in another thread ends a select on the socket, which
     * reports it readable. */
    listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(listener, (struct sockaddr *)&address, sizeof(address));
    listen(listener, 4);
    t.s = listener;
    t.result = -2;
    thread = CreateThread(NULL, 0, select_in_thread, &t, 0, NULL);
    Sleep(200);
    ok(!closesocket(listener), "closesocket failed\n");
    ok(WaitForSingleObject(thread, 2000) == WAIT_OBJECT_0, "closesocket did not end the select\n");
    ok(t.result == 1, "select returned %d\n", t.result);
    CloseHandle(thread);

    if (!tcp_pair(NULL, &client, &server)) return;
    /* A queued APC runs in a select that waits, and not in one that does
     * not. */
    apc_calls = 0;
    QueueUserAPC(count_apc, GetCurrentThread(), 0);
    FD_ZERO(&readable);
    FD_SET(server, &readable);
    ret = select(0, &readable, NULL, NULL, &zero);
    ok(ret == 0, "nothing to read: %d\n", ret);
    FD_SET(server, &readable);
    ret = select(0, &readable, NULL, NULL, &short_wait);
    ok(ret == 0 && apc_calls == 1, "waiting select: %d, %d APC calls\n", ret, apc_calls);
    apc_calls = 0;
    QueueUserAPC(count_apc, GetCurrentThread(), 0);
    FD_ZERO(&writable);
    FD_SET(client, &writable);
    ret = select(0, NULL, &writable, NULL, &short_wait);
    ok(ret == 1 && !apc_calls, "ready select: %d, %d APC calls\n", ret, apc_calls);
    SleepEx(0, TRUE);
    ok(apc_calls == 1, "the APC did not run later\n");

    /* A socket listed twice counts once. */
    writable.fd_count = 2;
    writable.fd_array[0] = client;
    writable.fd_array[1] = client;
    ret = select(0, NULL, &writable, NULL, &zero);
    ok(ret == 1 && writable.fd_count == 1 && writable.fd_array[0] == client && writable.fd_array[1] == client,
       "listed twice: %d, count %u\n", ret, writable.fd_count);

    /* One fd_set as both the read and the write set: each socket once,
     * counted once (sock.c test_select, overlapping fd_set pointers). */
    FD_ZERO(&readable);
    FD_SET(client, &readable);
    FD_SET(server, &readable);
    ret = select(0, &readable, &readable, NULL, &zero);
    ok(ret == 2 && FD_ISSET(client, &readable) && FD_ISSET(server, &readable), "one set for both: %d\n", ret);
    ok(send(client, "d", 1, 0) == 1, "send failed\n");
    Sleep(100);
    FD_ZERO(&readable);
    FD_SET(client, &readable);
    FD_SET(server, &readable);
    ret = select(0, &readable, &readable, NULL, &zero);
    ok(ret == 2 && readable.fd_count == 2, "one set, the server readable too: %d, count %u\n", ret,
       readable.fd_count);

    /* Urgent data of a socket with SO_OOBINLINE is readable data, no
     * exception (sock.c test_select); without it, an exception. */
    ok(recv(server, (char *)&ret, 1, 0) == 1, "recv failed\n");
    ok(send(client, "u", 1, MSG_OOB) == 1, "urgent send failed\n");
    Sleep(100);
    FD_ZERO(&failed);
    FD_SET(server, &failed);
    ret = select(0, NULL, NULL, &failed, &zero);
    ok(ret == 1 && FD_ISSET(server, &failed), "urgent data: %d\n", ret);
    ok(recv(server, (char *)&ret, 1, MSG_OOB) == 1, "urgent recv failed\n");
    ret = 1;
    ok(!setsockopt(server, SOL_SOCKET, SO_OOBINLINE, (char *)&ret, sizeof(ret)), "SO_OOBINLINE failed\n");
    ok(send(client, "v", 1, MSG_OOB) == 1, "urgent send failed\n");
    Sleep(100);
    FD_ZERO(&readable);
    FD_ZERO(&failed);
    FD_SET(server, &readable);
    FD_SET(server, &failed);
    ret = select(0, &readable, NULL, &failed, &zero);
    ok(ret == 1 && FD_ISSET(server, &readable) && !FD_ISSET(server, &failed), "inline urgent data: %d\n", ret);
    closesocket(client);
    closesocket(server);

    /* closesocket in another thread of a socket select watches only for
     * exceptions: WSAENOTSOCK, nothing reported (sock.c test_select). */
    if (!tcp_pair(NULL, &client, &server)) return;
    t.s = client;
    thread = CreateThread(NULL, 0, close_later, &t, 0, NULL);
    FD_ZERO(&failed);
    FD_SET(client, &failed);
    start = GetTickCount();
    ret = select(0, NULL, NULL, &failed, &two_seconds);
    ok(GetTickCount() - start < 1500, "the close did not end the select\n");
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK && !failed.fd_count,
       "closed while watched for exceptions: %d, error %d\n", ret, WSAGetLastError());
    WaitForSingleObject(thread, 2000);
    CloseHandle(thread);
    closesocket(server);
}

/* What a condition function saw, and what it answers. */
static struct
{
    int answer, calls;
    SOCKADDR_IN caller, callee;
    BOOL caller_data, callee_data, qos;
    DWORD_PTR data;
} condition_state;

static int CALLBACK condition(WSABUF *caller, WSABUF *caller_data, QOS *qos, QOS *group_qos, WSABUF *callee,
                              WSABUF *callee_data, GROUP *group, DWORD_PTR data)
{
    condition_state.calls++;
    memset(&condition_state.caller, 0, sizeof(condition_state.caller));
    memset(&condition_state.callee, 0, sizeof(condition_state.callee));
    if (caller && caller->len >= sizeof(SOCKADDR_IN)) memcpy(&condition_state.caller, caller->buf, sizeof(SOCKADDR_IN));
    if (callee && callee->len >= sizeof(SOCKADDR_IN)) memcpy(&condition_state.callee, callee->buf, sizeof(SOCKADDR_IN));
    condition_state.caller_data = caller_data != NULL;
    condition_state.callee_data = callee_data != NULL;
    condition_state.qos = qos || group_qos;
    condition_state.data = data;
    (void)group;
    return condition_state.answer;
}

static SOCKET connect_to(const SOCKADDR_IN *address)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    DWORD timeout = 2000;

    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    ok(!connect(s, (const struct sockaddr *)address, sizeof(*address)), "connect: error %d\n", WSAGetLastError());
    return s;
}

/* WSAAccept's condition function (Microsoft's WSAAccept documentation:
 * the caller id is the peer's address, the callee id the local one; no
 * caller data or QOS is passed as NULL; CF_REJECT fails with
 * WSAECONNREFUSED, a value that is no answer with WSAEINVAL; Wine's
 * Windows-run sock.c test_accept: CF_DEFER fails with WSATRY_AGAIN and
 * the connection is accepted by the next accept). */
static void test_conditional_accept(void)
{
    SOCKADDR_IN address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, client_name, peer;
    SOCKET listener = socket(AF_INET, SOCK_STREAM, 0), client, server;
    int length = sizeof(address), ret;
    char buffer[8];

    ok(!bind(listener, (struct sockaddr *)&address, sizeof(address)) && !listen(listener, 4) &&
       !getsockname(listener, (struct sockaddr *)&address, &length), "listener: error %d\n", WSAGetLastError());

    /* CF_DEFER: the connection stays for the next accept. */
    client = connect_to(&address);
    length = sizeof(client_name);
    getsockname(client, (struct sockaddr *)&client_name, &length);
    memset(&condition_state, 0, sizeof(condition_state));
    condition_state.answer = CF_DEFER;
    server = WSAAccept(listener, NULL, NULL, condition, 0x1234);
    ok(server == INVALID_SOCKET && WSAGetLastError() == WSATRY_AGAIN, "CF_DEFER: error %d\n", WSAGetLastError());
    ok(condition_state.calls == 1 && condition_state.data == 0x1234, "condition: %d calls, data %#lx\n",
       condition_state.calls, (unsigned long)condition_state.data);
    ok(condition_state.caller.sin_family == AF_INET && condition_state.caller.sin_port == client_name.sin_port &&
       condition_state.caller.sin_addr.s_addr == client_name.sin_addr.s_addr, "caller id: port %u\n",
       ntohs(condition_state.caller.sin_port));
    ok(condition_state.callee.sin_family == AF_INET && condition_state.callee.sin_port == address.sin_port,
       "callee id: port %u\n", ntohs(condition_state.callee.sin_port));
    todo_builtin ok(!condition_state.caller_data && !condition_state.callee_data,
                    "connect data passed over TCP: caller %d, callee %d\n", condition_state.caller_data,
                    condition_state.callee_data);
    ok(!condition_state.qos, "QOS passed\n");

    condition_state.answer = CF_ACCEPT;
    length = sizeof(peer);
    memset(&peer, 0, sizeof(peer));
    server = WSAAccept(listener, (struct sockaddr *)&peer, &length, condition, 0);
    ok(server != INVALID_SOCKET, "accepting the deferred connection: error %d\n", WSAGetLastError());
    ok(condition_state.calls == 2 && condition_state.caller.sin_port == client_name.sin_port,
       "the deferred connection again: %d calls, port %u\n", condition_state.calls,
       ntohs(condition_state.caller.sin_port));
    ok(length == sizeof(peer) && peer.sin_port == client_name.sin_port, "CF_ACCEPT: address length %d, port %u\n",
       length, ntohs(peer.sin_port));
    ok(send(client, "ab", 2, 0) == 2 && recv(server, buffer, sizeof(buffer), 0) == 2,
       "no data on the deferred connection\n");
    closesocket(server);
    closesocket(client);

    /* CF_DEFER, then plain accept takes it. */
    client = connect_to(&address);
    condition_state.answer = CF_DEFER;
    ok(WSAAccept(listener, NULL, NULL, condition, 0) == INVALID_SOCKET && WSAGetLastError() == WSATRY_AGAIN,
       "CF_DEFER: error %d\n", WSAGetLastError());
    server = accept(listener, NULL, NULL);
    ok(server != INVALID_SOCKET, "accept after CF_DEFER: error %d\n", WSAGetLastError());
    ok(send(client, "c", 1, 0) == 1 && recv(server, buffer, sizeof(buffer), 0) == 1,
       "no data on the connection accepted after CF_DEFER\n");
    closesocket(server);
    closesocket(client);

    /* CF_REJECT: WSAECONNREFUSED, and the connection is gone. */
    client = connect_to(&address);
    condition_state.answer = CF_REJECT;
    ok(WSAAccept(listener, NULL, NULL, condition, 0) == INVALID_SOCKET && WSAGetLastError() == WSAECONNREFUSED,
       "CF_REJECT: error %d\n", WSAGetLastError());
    ret = recv(client, buffer, sizeof(buffer), 0);
    ok(ret == 0 || (ret == SOCKET_ERROR && WSAGetLastError() == WSAECONNRESET),
       "rejected connection: recv %d, error %d\n", ret, WSAGetLastError());
    closesocket(client);

    /* An answer that is none of them. */
    client = connect_to(&address);
    condition_state.answer = 42;
    todo_builtin ok(WSAAccept(listener, NULL, NULL, condition, 0) == INVALID_SOCKET && WSAGetLastError() == WSAEINVAL,
                    "answer 42: error %d\n", WSAGetLastError());
    closesocket(client);
    closesocket(listener);
}

/* WSASendDisconnect and WSARecvDisconnect (Microsoft's documentation:
 * shutdown(SD_SEND) and shutdown(SD_RECEIVE) with disconnect data, which
 * TCP does not carry: data to send fails with WSAENOPROTOOPT; a socket
 * that is not connected fails with WSAENOTCONN; Wine's Windows-run
 * sock.c test_completion_port: both succeed with NULL data and queue no
 * completion). */
static void test_disconnect(void)
{
    SOCKET client, server, unconnected = socket(AF_INET, SOCK_STREAM, 0);
    char data[4] = "bye", buffer[8];
    WSABUF out = { sizeof(data), data };
    DWORD timeout = 2000;

    if (!tcp_pair(NULL, &client, &server)) return;
    setsockopt(server, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    todo_builtin ok(WSASendDisconnect(client, &out) == SOCKET_ERROR && WSAGetLastError() == WSAENOPROTOOPT,
                    "disconnect data: error %d\n", WSAGetLastError());
    ok(!WSASendDisconnect(client, NULL), "WSASendDisconnect: error %d\n", WSAGetLastError());
    ok(recv(server, buffer, sizeof(buffer), 0) == 0, "the peer did not see the end of the stream\n");
    ok(send(client, "x", 1, 0) == SOCKET_ERROR && WSAGetLastError() == WSAESHUTDOWN,
       "send after WSASendDisconnect: error %d\n", WSAGetLastError());
    ok(send(server, "yz", 2, 0) == 2 && recv(client, buffer, sizeof(buffer), 0) == 2,
       "the other direction stopped\n");
    ok(!WSARecvDisconnect(client, NULL), "WSARecvDisconnect: error %d\n", WSAGetLastError());
    ok(WSASendDisconnect(unconnected, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAENOTCONN,
       "unconnected: error %d\n", WSAGetLastError());
    ok(WSARecvDisconnect((SOCKET)0xdead0, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
       "not a socket: error %d\n", WSAGetLastError());
    closesocket(unconnected);
    closesocket(client);
    closesocket(server);
}

/* WSAConnectByName with loopback names (Microsoft's WSAConnectByName
 * documentation: the local and remote names as getsockname and
 * getpeername give them, their lengths set; the timeout bounds the call;
 * Wine's Windows-run sock.c test_WSAConnectByName: node or service NULL
 * and a reserved OVERLAPPED are WSAEINVAL, a datagram socket WSAEINVAL
 * (WSAEFAULT on Windows 10 1809 and later), short lengths WSAEFAULT with
 * the lengths left alone, an address without its length not written, an
 * unknown service WSATYPE_NOT_FOUND). */
/* WSAConnectByList: the first address of the list that answers, in the
 * list's order under one timeout (Microsoft's WSAConnectByList; Reserved
 * must be NULL: WSAEINVAL). Wine's ws2_32 has no such export: skipped
 * there. */
static void test_connect_by_list(void)
{
    BOOL (PASCAL *connect_by_list)(SOCKET, PSOCKET_ADDRESS_LIST, LPDWORD, LPSOCKADDR, LPDWORD, LPSOCKADDR,
                                   const TIMEVAL *, LPWSAOVERLAPPED);
    SOCKADDR_IN address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, closed, remote;
    SOCKADDR_IN6 address6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
    SOCKET listener = socket(AF_INET, SOCK_STREAM, 0), closer = socket(AF_INET, SOCK_STREAM, 0), s, server;
    struct { SOCKET_ADDRESS_LIST list; SOCKET_ADDRESS more; } addresses;
    struct timeval timeout = { 2, 0 };
    DWORD remote_length = sizeof(remote);
    int length = sizeof(address);
    WSAOVERLAPPED overlapped;
    BOOL ret;

    connect_by_list = (void *)GetProcAddress(GetModuleHandleA("ws2_32.dll"), "WSAConnectByList");
    if (!connect_by_list)
    {
        skip("no WSAConnectByList export\n");
        closesocket(listener);
        closesocket(closer);
        return;
    }
    ok(!bind(listener, (struct sockaddr *)&address, sizeof(address)) && !listen(listener, 4) &&
       !getsockname(listener, (struct sockaddr *)&address, &length), "listener: error %d\n", WSAGetLastError());
    /* A port nobody listens on: bound and kept, so that no connecting
     * socket gets it as its own port (loopback would connect it to itself). */
    closed = address;
    closed.sin_port = 0;
    length = sizeof(closed);
    ok(!bind(closer, (struct sockaddr *)&closed, sizeof(closed)) &&
       !getsockname(closer, (struct sockaddr *)&closed, &length), "closed port: error %d\n", WSAGetLastError());

    /* An IPv6 address first: an IPv4 socket cannot use it (a refused
     * first address would not do: after it Wine's server keeps the socket
     * aborted, and every later connect on it fails, docs/lifecycle.md). */
    addresses.list.iAddressCount = 2;
    addresses.list.Address[0].lpSockaddr = (struct sockaddr *)&address6;
    addresses.list.Address[0].iSockaddrLength = sizeof(address6);
    addresses.more.lpSockaddr = (struct sockaddr *)&address;
    addresses.more.iSockaddrLength = sizeof(address);
    s = socket(AF_INET, SOCK_STREAM, 0);
    ret = connect_by_list(s, &addresses.list, NULL, NULL, &remote_length, (struct sockaddr *)&remote, &timeout, NULL);
    ok(ret, "WSAConnectByList: error %d\n", WSAGetLastError());
    ok(ret && remote_length == sizeof(remote) && remote.sin_port == address.sin_port,
       "connected to port %u, not the listener's %u\n", ntohs(remote.sin_port), ntohs(address.sin_port));
    if (ret && remote.sin_port == address.sin_port)
    {
        server = accept(listener, NULL, NULL);
        ok(server != INVALID_SOCKET && send(s, "list", 4, 0) == 4, "the connection does not carry data\n");
        closesocket(server);
    }
    closesocket(s);

    s = socket(AF_INET, SOCK_STREAM, 0);
    addresses.list.iAddressCount = 1;
    addresses.list.Address[0].lpSockaddr = (struct sockaddr *)&closed;
    addresses.list.Address[0].iSockaddrLength = sizeof(closed);
    SetLastError(0xdeadbeef);
    ret = connect_by_list(s, &addresses.list, NULL, NULL, NULL, NULL, &timeout, NULL);
    ok(!ret && WSAGetLastError() == WSAECONNREFUSED, "only a closed port: %d, error %d\n", ret, WSAGetLastError());
    closesocket(s);

    s = socket(AF_INET, SOCK_STREAM, 0);
    ret = connect_by_list(s, &addresses.list, NULL, NULL, NULL, NULL, NULL, &overlapped);
    ok(!ret && WSAGetLastError() == WSAEINVAL, "with Reserved: %d, error %d\n", ret, WSAGetLastError());
    ret = connect_by_list(s, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    ok(!ret && WSAGetLastError() == WSAEINVAL, "no list: %d, error %d\n", ret, WSAGetLastError());
    closesocket(s);
    closesocket(closer);
    closesocket(listener);
}

static void test_connect_by_name(void)
{
    SOCKADDR_IN address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, local, remote, name;
    SOCKADDR_IN6 address6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT }, remote6;
    SOCKET listener = socket(AF_INET, SOCK_STREAM, 0), listener6 = socket(AF_INET6, SOCK_STREAM, 0), s, server;
    DWORD local_length, remote_length, start;
    struct timeval timeout = { 1, 0 };
    int length = sizeof(address), err;
    char port[16], closed_port[16];
    WSAOVERLAPPED overlapped;
    char buffer[4];
    BOOL ret;

    ok(!bind(listener, (struct sockaddr *)&address, sizeof(address)) && !listen(listener, 4) &&
       !getsockname(listener, (struct sockaddr *)&address, &length), "listener: error %d\n", WSAGetLastError());
    sprintf(port, "%u", ntohs(address.sin_port));

    s = socket(AF_INET, SOCK_STREAM, 0);
    local_length = remote_length = sizeof(SOCKADDR_IN) + 20;
    memset(&local, 0, sizeof(local));
    memset(&remote, 0, sizeof(remote));
    ret = WSAConnectByNameA(s, "127.0.0.1", port, &local_length, (struct sockaddr *)&local, &remote_length,
                            (struct sockaddr *)&remote, NULL, NULL);
    ok(ret, "127.0.0.1: error %d\n", WSAGetLastError());
    ok(local_length == sizeof(SOCKADDR_IN) && remote_length == sizeof(SOCKADDR_IN), "lengths %lu %lu\n",
       local_length, remote_length);
    ok(remote.sin_family == AF_INET && remote.sin_port == address.sin_port &&
       remote.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "remote port %u\n", ntohs(remote.sin_port));
    length = sizeof(name);
    ok(!getsockname(s, (struct sockaddr *)&name, &length) && local.sin_addr.s_addr == name.sin_addr.s_addr,
       "local address not as getsockname gives it\n");
    server = accept(listener, NULL, NULL);
    ok(server != INVALID_SOCKET && send(s, "abc", 3, 0) == 3 && recv(server, buffer, sizeof(buffer), 0) == 3,
       "no data over the connection\n");
    closesocket(server);
    closesocket(s);

    /* Lengths without buffers are set; buffers without lengths untouched. */
    local_length = remote_length = sizeof(SOCKADDR_IN);
    memset(&local, 0, sizeof(local));
    s = socket(AF_INET, SOCK_STREAM, 0);
    {
        WCHAR wport[16];

        MultiByteToWideChar(CP_ACP, 0, port, -1, wport, ARRAYSIZE(wport));
        ret = WSAConnectByNameW(s, (WCHAR *)L"localhost", wport, NULL, (struct sockaddr *)&local, &remote_length, NULL,
                                &timeout, NULL);
    }
    ok(ret, "localhost: error %d\n", WSAGetLastError());
    ok(!local.sin_family && remote_length == sizeof(SOCKADDR_IN), "family %d, remote length %lu\n", local.sin_family,
       remote_length);
    closesocket(accept(listener, NULL, NULL));
    closesocket(s);

    /* Short lengths: WSAEFAULT, lengths left alone. */
    s = socket(AF_INET, SOCK_STREAM, 0);
    local_length = remote_length = 3;
    ret = WSAConnectByNameA(s, "127.0.0.1", port, &local_length, (struct sockaddr *)&local, &remote_length,
                            (struct sockaddr *)&remote, NULL, NULL);
    ok(!ret && WSAGetLastError() == WSAEFAULT && local_length == 3 && remote_length == 3,
       "short lengths: %d, error %d, lengths %lu %lu\n", ret, WSAGetLastError(), local_length, remote_length);
    closesocket(s);
    if (ret) closesocket(accept(listener, NULL, NULL));

    /* IPv6 over ::1. */
    length = sizeof(address6);
    if (!bind(listener6, (struct sockaddr *)&address6, sizeof(address6)) && !listen(listener6, 4) &&
        !getsockname(listener6, (struct sockaddr *)&address6, &length))
    {
        char port6[16];

        sprintf(port6, "%u", ntohs(address6.sin6_port));
        s = socket(AF_INET6, SOCK_STREAM, 0);
        remote_length = sizeof(remote6);
        ret = WSAConnectByNameA(s, "::1", port6, NULL, NULL, &remote_length, (struct sockaddr *)&remote6, NULL, NULL);
        ok(ret && remote_length == sizeof(SOCKADDR_IN6) && remote6.sin6_port == address6.sin6_port,
           "::1: %d, error %d\n", ret, WSAGetLastError());
        closesocket(accept(listener6, NULL, NULL));
        closesocket(s);
    }
    closesocket(listener6);

    /* A dual-stack socket tries every address of the name, IPv4 ones as
     * mapped: "localhost" reaches an IPv4-only listener, whatever its
     * IPv6 address answers (documented: the function tries the
     * addresses until one connects). */
    s = socket(AF_INET6, SOCK_STREAM, 0);
    length = 0;
    ok(!setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&length, sizeof(length)), "IPV6_V6ONLY failed\n");
    remote_length = sizeof(remote6);
    ret = WSAConnectByNameA(s, "localhost", port, NULL, NULL, &remote_length, (struct sockaddr *)&remote6, &timeout,
                            NULL);
    todo_builtin ok(ret && remote6.sin6_port == address.sin_port && IN6_IS_ADDR_V4MAPPED(&remote6.sin6_addr),
                    "dual-stack localhost: %d, error %d\n", ret, WSAGetLastError());
    if (ret) closesocket(accept(listener, NULL, NULL));
    closesocket(s);

    /* Refused: a port nobody listens on any more. */
    s = socket(AF_INET, SOCK_STREAM, 0);
    closesocket(listener);
    sprintf(closed_port, "%s", port);
    start = GetTickCount();
    ret = WSAConnectByNameA(s, "127.0.0.1", closed_port, NULL, NULL, NULL, NULL, &timeout, NULL);
    err = WSAGetLastError();
    ok(!ret && (err == WSAECONNREFUSED || err == WSAETIMEDOUT) && GetTickCount() - start < 5000,
       "refused: %d, error %d\n", ret, err);
    closesocket(s);

    /* Arguments. */
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(!WSAConnectByNameA(s, NULL, port, NULL, NULL, NULL, NULL, NULL, NULL) && WSAGetLastError() == WSAEINVAL,
       "no node: error %d\n", WSAGetLastError());
    ok(!WSAConnectByNameA(s, (char *)"127.0.0.1", port, NULL, NULL, NULL, NULL, NULL, &overlapped) &&
       WSAGetLastError() == WSAEINVAL, "reserved OVERLAPPED: error %d\n", WSAGetLastError());
    ok(!WSAConnectByNameA(s, (char *)"127.0.0.1", (char *)"ws2host-no-such-service", NULL, NULL, NULL, NULL, NULL,
                          NULL) && WSAGetLastError() == WSATYPE_NOT_FOUND, "unknown service: error %d\n",
       WSAGetLastError());
    closesocket(s);
    ok(!WSAConnectByNameA(s, (char *)"127.0.0.1", NULL, NULL, NULL, NULL, NULL, NULL, NULL) &&
       WSAGetLastError() == WSAEINVAL, "closed socket, no service: error %d\n", WSAGetLastError());
    s = socket(AF_INET, SOCK_DGRAM, 0);
    ret = WSAConnectByNameA(s, (char *)"127.0.0.1", port, NULL, NULL, NULL, NULL, NULL, NULL);
    err = WSAGetLastError();
    ok(!ret && (err == WSAEINVAL || err == WSAEFAULT), "datagram socket: %d, error %d\n", ret, err);
    closesocket(s);
}

#define WM_SOCKET (WM_USER + 11)

/* The next WM_SOCKET message for socket s within `ms`; its lParam, or -1. */
static LPARAM socket_message(HWND window, SOCKET s, DWORD ms)
{
    DWORD end = GetTickCount() + ms;
    MSG msg;

    for (;;)
    {
        while (PeekMessageA(&msg, window, WM_SOCKET, WM_SOCKET, PM_REMOVE))
            if (msg.wParam == (WPARAM)s) return msg.lParam;
        DWORD now = GetTickCount();
        if ((LONG)(end - now) <= 0) return -1;
        MsgWaitForMultipleObjects(0, NULL, FALSE, end - now, QS_POSTMESSAGE);
    }
}

/* WSAAsyncSelect (Microsoft's documentation: the message's wParam is the
 * socket, lParam WSAMAKESELECTREPLY(event, error); FD_READ re-enabled by
 * recv; a zero mask cancels; the socket is non-blocking; Wine's
 * Windows-run sock.c test_events in its window-message form). */
static void test_async_select(void)
{
    WNDCLASSA class = { .lpfnWndProc = DefWindowProcA, .hInstance = GetModuleHandleA(NULL),
                        .lpszClassName = "ws2host readiness" };
    SOCKET client, server;
    char buffer[8];
    HWND window;
    LPARAM reply;

    RegisterClassA(&class);
    window = CreateWindowA(class.lpszClassName, "readiness", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, class.hInstance, NULL);
    if (!ok(window != NULL, "no window: error %lu\n", GetLastError())) return;
    if (!tcp_pair(NULL, &client, &server)) return;

    ok(!WSAAsyncSelect(server, window, WM_SOCKET, FD_READ | FD_WRITE | FD_CLOSE), "WSAAsyncSelect: error %d\n",
       WSAGetLastError());
    reply = socket_message(window, server, 1000);
    ok(reply == WSAMAKESELECTREPLY(FD_WRITE, 0), "first message %#llx\n", (unsigned long long)reply);
    ok(recv(server, buffer, sizeof(buffer), 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
       "not non-blocking: error %d\n", WSAGetLastError());
    for (int round = 0; round < 3; round++)
    {
        ok(send(client, "m", 1, 0) == 1, "send failed\n");
        reply = socket_message(window, server, 1000);
        ok(reply == WSAMAKESELECTREPLY(FD_READ, 0), "round %d: message %#llx\n", round, (unsigned long long)reply);
        ok(recv(server, buffer, sizeof(buffer), 0) == 1, "round %d: recv: error %d\n", round, WSAGetLastError());
    }
    ok(socket_message(window, server, 200) == -1, "a message with nothing new\n");

    /* A zero mask: no more messages. */
    ok(!WSAAsyncSelect(server, window, 0, 0), "cancelling: error %d\n", WSAGetLastError());
    ok(send(client, "n", 1, 0) == 1, "send failed\n");
    ok(socket_message(window, server, 300) == -1, "a message after cancelling\n");
    ok(recv(server, buffer, sizeof(buffer), 0) == 1, "recv after cancelling failed\n");

    /* The peer's close: FD_CLOSE with no error. */
    ok(!WSAAsyncSelect(server, window, WM_SOCKET, FD_CLOSE), "WSAAsyncSelect(FD_CLOSE) failed\n");
    ok(!shutdown(client, SD_SEND), "shutdown failed\n");
    reply = socket_message(window, server, 1000);
    ok(reply == WSAMAKESELECTREPLY(FD_CLOSE, 0), "close message %#llx\n", (unsigned long long)reply);
    WSAAsyncSelect(server, window, 0, 0);
    closesocket(client);
    closesocket(server);

    /* The peer's RST: FD_CLOSE with WSAECONNABORTED (Wine 10's Windows-run
     * sock.c test_events). Wine's server posts the message itself, and
     * Wine 8's posts 0 (measured, under ws2host as under its builtin). */
    if (!tcp_pair(NULL, &client, &server)) return;
    ok(!WSAAsyncSelect(server, window, WM_SOCKET, FD_CLOSE), "WSAAsyncSelect(FD_CLOSE) failed\n");
    close_with_reset(client);
    reply = socket_message(window, server, 1000);
    if (harness_impl == impl_windows || harness_wine_major >= 10)
        ok(reply == WSAMAKESELECTREPLY(FD_CLOSE, WSAECONNABORTED), "reset message %#llx\n",
           (unsigned long long)reply);
    else
        ok(reply == WSAMAKESELECTREPLY(FD_CLOSE, 0), "reset message on Wine 8 %#llx\n", (unsigned long long)reply);
    WSAAsyncSelect(server, window, 0, 0);
    closesocket(server);
    DestroyWindow(window);
}

void run_readiness_tests(void)
{
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_event_select();
    test_write_rearm();
    test_reset_event();
    test_async_select();
    test_accept_and_connect_events();
    test_wsapoll();
    test_wsapoll_apc();
    test_select();
    test_conditional_accept();
    test_disconnect();
    test_connect_by_name();
    test_connect_by_list();
    WSACleanup();
}
