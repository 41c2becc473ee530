/*
 * Overlapped I/O on sockets: completion by event, by completion routine
 * and through a completion port; the completion modes; partial, empty and
 * truncated completions; cancelling; closing with operations pending;
 * the order of completions.
 *
 * Sources: Microsoft's documentation of WSARecv, WSASend,
 * WSAGetOverlappedResult, SetFileCompletionNotificationModes, CancelIoEx
 * and closesocket ("any pending overlapped operations are canceled"),
 * and Wine's Windows-run tests, sock.c test_WSARecv, test_completion_port,
 * test_overlapped, test_sock_error and test_WSAGetOverlappedResult.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "harness.h"
#include "util.h"
#include "overlapped.h"

BOOL udp_pair(SOCKET *a, SOCKET *b)
{
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    int length = sizeof(address);

    *a = socket(AF_INET, SOCK_DGRAM, 0);
    *b = socket(AF_INET, SOCK_DGRAM, 0);
    if (bind(*a, (struct sockaddr *)&address, sizeof(address)) || getsockname(*a, (struct sockaddr *)&address, &length) ||
        connect(*b, (struct sockaddr *)&address, sizeof(address)))
    {
        ok(0, "UDP pair: error %d\n", WSAGetLastError());
        return FALSE;
    }
    return TRUE;
}

/* Waits up to a second for an OVERLAPPED's event. */
BOOL wait_overlapped(WSAOVERLAPPED *overlapped)
{
    return WaitForSingleObject(overlapped->hEvent, 1000) == WAIT_OBJECT_0;
}

static int start_recv(SOCKET s, char *buffer, DWORD length, WSAOVERLAPPED *overlapped,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    WSABUF wsabuf = { length, buffer };
    DWORD flags = 0, received = 0xdeadbeef;

    if (!WSARecv(s, &wsabuf, 1, &received, &flags, overlapped, routine)) return 0;
    return WSAGetLastError();
}

/* Completion by event: pending while nothing came, then the count. */
static void test_event_completion(void)
{
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET client, server;
    char buffer[16];
    DWORD bytes = 0, flags = 0;
    int err;

    if (!tcp_pair(NULL, &client, &server)) return;
    overlapped.hEvent = WSACreateEvent();
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    ok(err == WSA_IO_PENDING, "WSARecv with nothing to read: error %d\n", err);
    ok(!WSAGetOverlappedResult(server, &overlapped, &bytes, FALSE, &flags) && WSAGetLastError() == WSA_IO_INCOMPLETE,
       "pending result: error %d\n", WSAGetLastError());
    ok(send(client, "hello", 5, 0) == 5, "send failed\n");
    ok(wait_overlapped(&overlapped), "the event was not set\n");
    ok(WSAGetOverlappedResult(server, &overlapped, &bytes, FALSE, &flags) && bytes == 5 && !memcmp(buffer, "hello", 5),
       "result: %lu bytes, error %d\n", bytes, WSAGetLastError());
    ok(GetOverlappedResult((HANDLE)server, &overlapped, &bytes, FALSE) && bytes == 5,
       "GetOverlappedResult: %lu bytes\n", bytes);

    /* Data already there: done at once, and the event is set too. */
    ok(send(client, "again", 5, 0) == 5, "send failed\n");
    Sleep(50);
    ResetEvent(overlapped.hEvent);
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    ok(!err || err == WSA_IO_PENDING, "WSARecv with data ready: error %d\n", err);
    ok(wait_overlapped(&overlapped), "the event was not set\n");
    ok(WSAGetOverlappedResult(server, &overlapped, &bytes, TRUE, &flags) && bytes == 5, "ready: %lu bytes\n", bytes);

    /* The peer's graceful close: a pending receive completes with 0 bytes. */
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    ok(err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
    ok(!shutdown(client, SD_SEND), "shutdown failed\n");
    ok(wait_overlapped(&overlapped), "the event was not set\n");
    ok(WSAGetOverlappedResult(server, &overlapped, &bytes, FALSE, &flags) && bytes == 0,
       "after the peer's close: %lu bytes, error %d\n", bytes, WSAGetLastError());

    /* WSASend completes with everything sent. */
    {
        WSABUF wsabuf = { 6, (char *)"answer" };
        DWORD sent = 0;

        ResetEvent(overlapped.hEvent);
        err = WSASend(server, &wsabuf, 1, &sent, 0, &overlapped, NULL) ? WSAGetLastError() : 0;
        ok(!err || err == WSA_IO_PENDING, "WSASend: error %d\n", err);
        ok(WSAGetOverlappedResult(server, &overlapped, &sent, TRUE, &flags) && sent == 6, "sent %lu\n", sent);
        ok(recv(client, buffer, sizeof(buffer), 0) == 6, "the peer did not get it\n");
    }
    WSACloseEvent(overlapped.hEvent);
    closesocket(client);
    closesocket(server);
}

static DWORD routine_error, routine_bytes, routine_calls;
static WSAOVERLAPPED *routine_overlapped;

static void CALLBACK completion_routine(DWORD error, DWORD bytes, WSAOVERLAPPED *overlapped, DWORD flags)
{
    routine_error = error;
    routine_bytes = bytes;
    routine_overlapped = overlapped;
    routine_calls++;
}

/* A completion routine runs in the issuing thread, in an alertable wait. */
static void test_completion_routine(void)
{
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET client, server;
    char buffer[16];
    int err;

    if (!tcp_pair(NULL, &client, &server)) return;
    routine_calls = 0;
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, completion_routine);
    ok(err == WSA_IO_PENDING, "WSARecv with a routine: error %d\n", err);
    ok(send(client, "abc", 3, 0) == 3, "send failed\n");
    Sleep(100);
    ok(routine_calls == 0, "the routine ran outside an alertable wait\n");
    ok(SleepEx(1000, TRUE) == WAIT_IO_COMPLETION, "no completion during an alertable wait\n");
    ok(routine_calls == 1 && !routine_error && routine_bytes == 3 && routine_overlapped == &overlapped,
       "routine: %lu calls, error %lu, %lu bytes, overlapped %p\n", routine_calls, routine_error, routine_bytes,
       routine_overlapped);
    closesocket(client);
    closesocket(server);
}

/* The completion port gets the association's key and the OVERLAPPED;
 * with FILE_SKIP_COMPLETION_PORT_ON_SUCCESS an immediate success posts
 * nothing. */
static void test_completion_port(void)
{
    WSAOVERLAPPED overlapped = { 0 }, *got;
    SOCKET client, server;
    ULONG_PTR key = 0;
    DWORD bytes = 0;
    HANDLE port;
    char buffer[16];
    int err;

    if (!tcp_pair(NULL, &client, &server)) return;
    port = CreateIoCompletionPort((HANDLE)server, NULL, 0x5150, 0);
    ok(port != NULL, "CreateIoCompletionPort failed, error %lu\n", GetLastError());
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    ok(err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
    ok(send(client, "port", 4, 0) == 4, "send failed\n");
    ok(GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 1000) && key == 0x5150 &&
       got == &overlapped && bytes == 4, "packet: key %#llx, overlapped %p, %lu bytes\n", (ULONGLONG)key, got, bytes);

    /* Done at once: a packet is posted all the same. */
    ok(send(client, "more", 4, 0) == 4, "send failed\n");
    Sleep(50);
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    ok(!err || err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
    ok(GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 1000) && got == &overlapped && bytes == 4,
       "packet after an immediate success: %p, %lu bytes\n", got, bytes);

    /* With SKIP_ON_SUCCESS an immediate success posts nothing. */
    ok(SetFileCompletionNotificationModes((HANDLE)server, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS),
       "SetFileCompletionNotificationModes failed, error %lu\n", GetLastError());
    ok(send(client, "skip", 4, 0) == 4, "send failed\n");
    Sleep(50);
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    if (!err)
        ok(!GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 100) && GetLastError() == WAIT_TIMEOUT,
           "a packet was posted for a skipped success\n");
    else
    {
        ok(err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
        ok(GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 1000), "no packet for a pending one\n");
    }
    /* A pending one still posts. */
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    ok(err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
    ok(send(client, "late", 4, 0) == 4, "send failed\n");
    ok(GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 1000) && got == &overlapped && bytes == 4,
       "packet for a pending receive: %lu bytes\n", bytes);

    /* An event with its low bit set asks for no packet. */
    overlapped.hEvent = (HANDLE)((ULONG_PTR)WSACreateEvent() | 1);
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    ok(err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
    ok(send(client, "quiet", 5, 0) == 5, "send failed\n");
    ok(WaitForSingleObject((HANDLE)((ULONG_PTR)overlapped.hEvent & ~1), 1000) == WAIT_OBJECT_0, "event not set\n");
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 100), "a packet despite the low bit\n");
    WSACloseEvent((HANDLE)((ULONG_PTR)overlapped.hEvent & ~1));

    closesocket(client);
    closesocket(server);
    CloseHandle(port);
}

/* A datagram longer than the buffer: WSAEMSGSIZE with the buffer filled. */
static void test_truncated_datagram(void)
{
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET a, b;
    char buffer[4];
    DWORD bytes = 0, flags = 0;
    int err;

    if (!udp_pair(&a, &b)) return;
    overlapped.hEvent = WSACreateEvent();
    err = start_recv(a, buffer, sizeof(buffer), &overlapped, NULL);
    ok(err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
    ok(send(b, "datagram", 8, 0) == 8, "send failed\n");
    ok(wait_overlapped(&overlapped), "no completion\n");
    ok(!WSAGetOverlappedResult(a, &overlapped, &bytes, FALSE, &flags) && WSAGetLastError() == WSAEMSGSIZE,
       "truncated: error %d\n", WSAGetLastError());
    ok(bytes == sizeof(buffer) && !memcmp(buffer, "data", 4), "truncated: %lu bytes\n", bytes);
    WSACloseEvent(overlapped.hEvent);
    closesocket(a);
    closesocket(b);
}

/* CancelIoEx ends a pending receive with ERROR_OPERATION_ABORTED, and so
 * does closesocket (WSA_OPERATION_ABORTED, the same value). */
static void test_cancel_and_close(void)
{
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET client, server;
    char buffer[16];
    DWORD bytes = 0, flags = 0;
    int err;

    if (!tcp_pair(NULL, &client, &server)) return;
    overlapped.hEvent = WSACreateEvent();
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    ok(err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
    ok(CancelIoEx((HANDLE)server, &overlapped), "CancelIoEx failed, error %lu\n", GetLastError());
    ok(wait_overlapped(&overlapped), "no completion after CancelIoEx\n");
    ok(!GetOverlappedResult((HANDLE)server, &overlapped, &bytes, FALSE) && GetLastError() == ERROR_OPERATION_ABORTED,
       "cancelled: error %lu\n", GetLastError());

    ResetEvent(overlapped.hEvent);
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    ok(err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
    ok(CancelIo((HANDLE)server), "CancelIo failed, error %lu\n", GetLastError());
    ok(wait_overlapped(&overlapped), "no completion after CancelIo\n");
    ok(!WSAGetOverlappedResult(server, &overlapped, &bytes, FALSE, &flags) &&
       WSAGetLastError() == WSA_OPERATION_ABORTED, "CancelIo: error %d\n", WSAGetLastError());

    ResetEvent(overlapped.hEvent);
    err = start_recv(server, buffer, sizeof(buffer), &overlapped, NULL);
    ok(err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
    ok(!closesocket(server), "closesocket failed\n");
    ok(wait_overlapped(&overlapped), "no completion after closesocket\n");
    /* Wine's builtin ends it with its own status (676). */
    todo_builtin ok((DWORD)overlapped.Internal == 0xc0000120 /* STATUS_CANCELLED */,
                    "after closesocket: status %#lx\n", (DWORD)overlapped.Internal);
    WSACloseEvent(overlapped.hEvent);
    closesocket(client);
}

/* A duplicated socket ends its pending operations when its last handle
 * closes, whichever handle issued them (sock.c test_completion_port:
 * an AcceptEx issued through a WSADuplicateSocket copy stays pending when
 * that copy closes and is aborted, STATUS_CANCELLED, when the original
 * does; WSADuplicateSocket's documentation: the socket stays open until
 * the last descriptor is closed). */
static void close_duplicate_in_order(BOOL through_copy)
{
    WSAOVERLAPPED overlapped = { 0 };
    WSAPROTOCOL_INFOA info;
    SOCKET client, server, copy, issuer, last;
    char buffer[16];
    int err;

    if (!tcp_pair(NULL, &client, &server)) return;
    ok(!WSADuplicateSocketA(server, GetCurrentProcessId(), &info), "WSADuplicateSocket: error %d\n",
       WSAGetLastError());
    copy = WSASocketA(AF_INET, SOCK_STREAM, 0, &info, 0, WSA_FLAG_OVERLAPPED);
    ok(copy != INVALID_SOCKET, "WSASocket from the info: error %d\n", WSAGetLastError());
    /* The handle that issues it is the one closed first. */
    issuer = through_copy ? copy : server;
    last = through_copy ? server : copy;
    overlapped.hEvent = WSACreateEvent();
    err = start_recv(issuer, buffer, sizeof(buffer), &overlapped, NULL);
    ok(err == WSA_IO_PENDING, "WSARecv: error %d\n", err);
    ok(!closesocket(issuer), "closesocket of the first handle: error %d\n", WSAGetLastError());
    ok(WaitForSingleObject(overlapped.hEvent, 200) == WAIT_TIMEOUT && overlapped.Internal == STATUS_PENDING,
       "closing one of two handles ended the receive: status %#lx\n", (DWORD)overlapped.Internal);
    ok(!closesocket(last), "closesocket of the last handle: error %d\n", WSAGetLastError());
    ok(wait_overlapped(&overlapped), "no completion after the last closesocket\n");
    /* Wine's builtin ends a receive with its own close status (676). */
    todo_builtin ok((DWORD)overlapped.Internal == 0xc0000120 /* STATUS_CANCELLED */,
                    "after the last closesocket: status %#lx\n", (DWORD)overlapped.Internal);
    WSACloseEvent(overlapped.hEvent);
    closesocket(client);
}

static void test_close_duplicate(void)
{
    close_duplicate_in_order(TRUE);
    close_duplicate_in_order(FALSE);
}

/* Receives pending on one socket complete in the order they were issued. */
static void test_completion_order(void)
{
    WSAOVERLAPPED first = { 0 }, second = { 0 };
    SOCKET client, server;
    char one[1], two[1];
    DWORD bytes, flags;

    if (!tcp_pair(NULL, &client, &server)) return;
    first.hEvent = WSACreateEvent();
    second.hEvent = WSACreateEvent();
    ok(start_recv(server, one, 1, &first, NULL) == WSA_IO_PENDING, "first WSARecv did not pend\n");
    ok(start_recv(server, two, 1, &second, NULL) == WSA_IO_PENDING, "second WSARecv did not pend\n");
    ok(send(client, "12", 2, 0) == 2, "send failed\n");
    ok(wait_overlapped(&first) && wait_overlapped(&second), "not both completed\n");
    ok(WSAGetOverlappedResult(server, &first, &bytes, FALSE, &flags) && bytes == 1 && one[0] == '1' &&
       WSAGetOverlappedResult(server, &second, &bytes, FALSE, &flags) && bytes == 1 && two[0] == '2',
       "order: %c then %c\n", one[0], two[0]);
    WSACloseEvent(first.hEvent);
    WSACloseEvent(second.hEvent);
    closesocket(client);
    closesocket(server);
}

/* A send on a socket that skips both the port and the handle's signal on
 * success: done at once, the status block says so and no packet comes
 * (Microsoft's SetFileCompletionNotificationModes documentation; Go,
 * libuv and .NET set both flags). A send the peer cannot take yet pends,
 * and one issued behind it never overtakes it (WSASend's documentation:
 * overlapped sends go out in the order issued). */
static void test_skipping_sends(void)
{
    static const DWORD big_size = 8 << 20;
    WSAOVERLAPPED small = { 0 }, big = { 0 }, tail = { 0 }, *got;
    WSABUF buffer;
    SOCKET client, server;
    ULONG_PTR key;
    DWORD bytes, sent = 0, total = 0;
    char *data, *received, check[16];
    HANDLE port;
    int err, ret, in_order = 1;

    if (!tcp_pair(NULL, &client, &server)) return;
    data = malloc(big_size);
    received = malloc(big_size + 4);
    for (DWORD i = 0; i < big_size; i++) data[i] = (char)(i * 7 + (i >> 16));
    port = CreateIoCompletionPort((HANDLE)server, NULL, 0x77, 0);
    ok(port != NULL, "CreateIoCompletionPort failed, error %lu\n", GetLastError());
    ok(SetFileCompletionNotificationModes((HANDLE)server, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS |
                                                          FILE_SKIP_SET_EVENT_ON_HANDLE),
       "SetFileCompletionNotificationModes failed, error %lu\n", GetLastError());

    buffer.buf = (char *)"small";
    buffer.len = 5;
    small.Internal = 0xdead;
    err = WSASend(server, &buffer, 1, &sent, 0, &small, NULL) ? WSAGetLastError() : 0;
    ok(!err && sent == 5, "small WSASend: error %d, %lu sent\n", err, sent);
    ok(small.Internal == 0 && small.InternalHigh == 5, "status block: %#llx, %llu bytes\n",
       (ULONGLONG)small.Internal, (ULONGLONG)small.InternalHigh);
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, &got, 50) && GetLastError() == WAIT_TIMEOUT,
       "a packet for a send done at once\n");
    ok(recv(client, check, sizeof(check), 0) == 5 && !memcmp(check, "small", 5), "the peer did not get it\n");

    buffer.buf = data;
    buffer.len = big_size;
    err = WSASend(server, &buffer, 1, &sent, 0, &big, NULL) ? WSAGetLastError() : 0;
    ok(err == WSA_IO_PENDING, "8 MiB WSASend with no reader: error %d\n", err);
    /* Room opens while the server still holds most of it. */
    while (total < 256 << 10 && (ret = recv(client, received + total, (256 << 10) - total, 0)) > 0) total += ret;
    ok(total == 256 << 10, "recv: %lu\n", total);
    buffer.buf = (char *)"tail";
    buffer.len = 4;
    err = WSASend(server, &buffer, 1, &sent, 0, &tail, NULL) ? WSAGetLastError() : 0;
    ok(!err || err == WSA_IO_PENDING, "tail WSASend: error %d\n", err);
    while (total < big_size + 4 && (ret = recv(client, received + total, big_size + 4 - total, 0)) > 0) total += ret;
    ok(total == big_size + 4, "the peer got %lu bytes\n", total);
    for (DWORD i = 0; i < big_size && i < total; i++)
        if (received[i] != data[i]) { in_order = 0; break; }
    ok(in_order && total == big_size + 4 && !memcmp(received + big_size, "tail", 4), "the tail overtook the big send\n");
    ok(GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000) && got == &big && bytes == big_size && key == 0x77,
       "big send: packet %p, %lu bytes\n", got, bytes);
    if (err == WSA_IO_PENDING)
        ok(GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000) && got == &tail && bytes == 4,
           "tail: packet %p, %lu bytes\n", got, bytes);
    free(data);
    free(received);
    closesocket(client);
    closesocket(server);
    CloseHandle(port);

    /* A datagram, to the connected peer and to an address. */
    if (!udp_pair(&client, &server)) return;
    port = CreateIoCompletionPort((HANDLE)server, NULL, 0x78, 0);
    ok(SetFileCompletionNotificationModes((HANDLE)server, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS |
                                                          FILE_SKIP_SET_EVENT_ON_HANDLE),
       "SetFileCompletionNotificationModes failed, error %lu\n", GetLastError());
    buffer.buf = (char *)"datagram";
    buffer.len = 8;
    memset(&small, 0, sizeof(small));
    err = WSASend(server, &buffer, 1, &sent, 0, &small, NULL) ? WSAGetLastError() : 0;
    ok(!err && sent == 8 && small.Internal == 0 && small.InternalHigh == 8, "UDP WSASend: error %d, %lu sent\n",
       err, sent);
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, &got, 50) && GetLastError() == WAIT_TIMEOUT,
       "a packet for a datagram sent at once\n");
    ok(recv(client, check, sizeof(check), 0) == 8 && !memcmp(check, "datagram", 8), "the peer did not get it\n");
    {
        struct sockaddr_in to;
        int length = sizeof(to);

        ok(!getsockname(client, (struct sockaddr *)&to, &length), "getsockname failed\n");
        buffer.buf = (char *)"to";
        buffer.len = 2;
        memset(&small, 0, sizeof(small));
        err = WSASendTo(server, &buffer, 1, &sent, 0, (struct sockaddr *)&to, sizeof(to), &small, NULL)
              ? WSAGetLastError() : 0;
        ok(!err && sent == 2 && small.InternalHigh == 2, "UDP WSASendTo: error %d, %lu sent\n", err, sent);
        ok(recv(client, check, sizeof(check), 0) == 2 && !memcmp(check, "to", 2), "the peer did not get it\n");
    }
    closesocket(client);
    closesocket(server);
    CloseHandle(port);
}

static LONG apc_calls;

static void CALLBACK count_apc(ULONG_PTR context)
{
    (void)context;
    InterlockedIncrement(&apc_calls);
}

/* Wine 10's Windows-run sock.c: an overlapped WSARecv with no buffer
 * array is WSAEINVAL at once (test_empty_recv); WSAGetOverlappedResult
 * that waits on an event already set while the status still reads
 * pending returns TRUE with ERROR_IO_PENDING (or 0) as the last error,
 * and its wait runs no APC (test_WSAGetOverlappedResult). */
static void test_empty_and_early(void)
{
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET client, server;
    DWORD flags = 0, size = 0;
    WSABUF empty = { 0, NULL };
    BOOL ret;
    int err;

    if (!tcp_pair(NULL, &client, &server)) return;
    overlapped.hEvent = WSACreateEvent();
    err = WSARecv(server, NULL, 0, NULL, &flags, &overlapped, NULL) ? WSAGetLastError() : 0;
    todo_builtin_before(10) ok(err == WSAEINVAL, "WSARecv with no buffers: error %d\n", err);
    err = WSARecv(server, &empty, 0, NULL, &flags, &overlapped, NULL) ? WSAGetLastError() : 0;
    todo_builtin_before(10) ok(err == WSAEINVAL, "WSARecv with a count of 0: error %d\n", err);
    if (err == WSA_IO_PENDING) CancelIo((HANDLE)server);

    memset(&overlapped, 0, sizeof(overlapped));
    overlapped.Internal = STATUS_PENDING;
    overlapped.hEvent = CreateEventW(NULL, TRUE, TRUE, NULL);
    apc_calls = 0;
    ok(QueueUserAPC(count_apc, GetCurrentThread(), 0), "QueueUserAPC failed\n");
    SetLastError(0xdeadbeef);
    ret = WSAGetOverlappedResult(server, &overlapped, &size, TRUE, &flags);
    ok(ret && (GetLastError() == ERROR_IO_PENDING || !GetLastError()),
       "still pending after the wait: %d, error %lu\n", ret, GetLastError());
    ok(!apc_calls, "the wait ran %ld APCs\n", apc_calls);
    SleepEx(0, TRUE);
    CloseHandle(overlapped.hEvent);
    closesocket(client);
    closesocket(server);
}

/* ReadFile and WriteFile with an OVERLAPPED on a socket. */
static void test_file_calls(void)
{
    OVERLAPPED overlapped = { 0 };
    SOCKET client, server;
    char buffer[8];
    DWORD bytes = 0;
    BOOL ret;

    if (!tcp_pair(NULL, &client, &server)) return;
    overlapped.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ret = ReadFile((HANDLE)server, buffer, sizeof(buffer), NULL, &overlapped);
    ok(!ret && GetLastError() == ERROR_IO_PENDING, "ReadFile: %d, error %lu\n", ret, GetLastError());
    ret = WriteFile((HANDLE)client, "file", 4, NULL, &overlapped);
    ok(ret || GetLastError() == ERROR_IO_PENDING, "WriteFile: error %lu\n", GetLastError());
    Sleep(100);
    ok(GetOverlappedResult((HANDLE)server, &overlapped, &bytes, TRUE) && bytes == 4 && !memcmp(buffer, "file", 4),
       "ReadFile result: %lu bytes\n", bytes);
    CloseHandle(overlapped.hEvent);
    closesocket(client);
    closesocket(server);
}

/* A non-overlapped socket given an OVERLAPPED: the call waits, as the
 * socket's calls do, and fills the OVERLAPPED as well (sock.c
 * test_nonblocking_async_recv). */
static SOCKET make_plain(void)
{
    return WSASocketW(AF_INET, SOCK_STREAM, 0, NULL, 0, 0);
}

static void test_non_overlapped_socket(void)
{
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET client, server;
    char buffer[8];
    DWORD bytes = 0;
    int err;

    if (!tcp_pair(make_plain, &client, &server)) return;
    ok(send(server, "sync", 4, 0) == 4, "send failed\n");
    overlapped.hEvent = WSACreateEvent();
    err = start_recv(client, buffer, sizeof(buffer), &overlapped, NULL);
    ok(!err, "WSARecv on a non-overlapped socket: error %d\n", err);
    ok(WaitForSingleObject(overlapped.hEvent, 0) == WAIT_OBJECT_0, "the event was not set\n");
    ok(GetOverlappedResult((HANDLE)client, &overlapped, &bytes, FALSE) && bytes == 4 && !memcmp(buffer, "sync", 4),
       "the OVERLAPPED holds %lu bytes\n", bytes);
    WSACloseEvent(overlapped.hEvent);
    closesocket(client);
    closesocket(server);
}

void run_overlapped_tests(void)
{
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_event_completion();
    test_completion_routine();
    test_completion_port();
    test_truncated_datagram();
    test_cancel_and_close();
    test_close_duplicate();
    test_completion_order();
    test_skipping_sends();
    test_empty_and_early();
    test_file_calls();
    test_non_overlapped_socket();
    run_extension_tests();
    run_transmit_tests();
    WSACleanup();
}
