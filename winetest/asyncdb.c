/*
 * The Winsock 1 asynchronous database functions (WSAAsyncGet*ByY) and
 * WSACancelAsyncRequest, answered by window message.
 *
 * Sources: Microsoft's documentation of WSAAsyncGetHostByName and its
 * kin (a task handle at once; the answer copied into the caller's buffer
 * as the structure with everything it points at; the message's wParam
 * the task handle, lParam's high word the error and, for WSAENOBUFS, its
 * low word the size needed; "an asynchronous version of" the synchronous
 * function, so the same answer), of WSACancelAsyncRequest (0 when
 * cancelled; WSAEALREADY when the operation completed and its message was
 * dealt with; zero is always an invalid handle: WSAEINVAL), and Wine's
 * Windows-run protocol.c test_WSAAsyncGetServByPort/ByName (arguments are
 * not checked when the task starts: no window, no buffer). Only names
 * that need no DNS server: numbers, 127.0.0.1, the services and
 * protocols files.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "harness.h"

#define WM_LOOKUP (WM_USER + 7)

static HWND make_window(void)
{
    WNDCLASSA class = { .lpfnWndProc = DefWindowProcA, .hInstance = GetModuleHandleA(NULL),
                        .lpszClassName = "ws2host asyncdb" };

    RegisterClassA(&class);
    return CreateWindowA(class.lpszClassName, "asyncdb", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, class.hInstance, NULL);
}

/* The lParam of the message for task `task`, waiting up to `ms`; FALSE
 * when none came. */
static BOOL wait_reply(HWND window, HANDLE task, DWORD ms, LPARAM *lparam)
{
    DWORD end = GetTickCount() + ms;
    MSG msg;

    for (;;)
    {
        while (PeekMessageA(&msg, window, WM_LOOKUP, WM_LOOKUP, PM_REMOVE))
        {
            if (msg.wParam != (WPARAM)task) continue;
            *lparam = msg.lParam;
            return TRUE;
        }
        DWORD now = GetTickCount();
        if ((LONG)(end - now) <= 0) return FALSE;
        MsgWaitForMultipleObjects(0, NULL, FALSE, end - now, QS_POSTMESSAGE);
    }
}

/* Every pointer of a packed answer lies in the caller's buffer. */
static BOOL inside(const char *buffer, int size, const void *p)
{
    return (const char *)p >= buffer && (const char *)p < buffer + size;
}

static void test_service(HWND window)
{
    union { struct servent s; char bytes[MAXGETHOSTSTRUCT]; } buffer;
    struct servent *sync;
    char small[sizeof(struct servent)];
    LPARAM reply = 0;
    HANDLE task;
    int needed;

    memset(&buffer, 0xcc, sizeof(buffer));
    task = WSAAsyncGetServByName(window, WM_LOOKUP, "http", "tcp", buffer.bytes, sizeof(buffer));
    ok(task != NULL, "WSAAsyncGetServByName: error %d\n", WSAGetLastError());
    ok(wait_reply(window, task, 5000, &reply), "no message for http/tcp\n");
    ok(WSAGETASYNCERROR(reply) == 0, "http/tcp: error %d\n", WSAGETASYNCERROR(reply));
    ok(buffer.s.s_port == htons(80), "http/tcp: port %d\n", ntohs(buffer.s.s_port));
    ok(inside(buffer.bytes, sizeof(buffer), buffer.s.s_name) && !strcmp(buffer.s.s_name, "http"),
       "http/tcp: name not packed in the buffer\n");
    ok(inside(buffer.bytes, sizeof(buffer), buffer.s.s_proto) && !_stricmp(buffer.s.s_proto, "tcp"),
       "http/tcp: protocol not packed in the buffer\n");
    ok(inside(buffer.bytes, sizeof(buffer), buffer.s.s_aliases), "http/tcp: aliases not packed in the buffer\n");
    /* The message has been dealt with: too late to cancel. */
    todo_builtin ok(WSACancelAsyncRequest(task) == SOCKET_ERROR && WSAGetLastError() == WSAEALREADY,
                    "cancelling an answered task: error %d\n", WSAGetLastError());

    /* No buffer: WSAENOBUFS with the size needed; that size is enough. */
    task = WSAAsyncGetServByPort(window, WM_LOOKUP, htons(80), "tcp", NULL, 0);
    ok(task != NULL, "WSAAsyncGetServByPort without a buffer: error %d\n", WSAGetLastError());
    ok(wait_reply(window, task, 5000, &reply), "no message for port 80 without a buffer\n");
    needed = WSAGETASYNCBUFLEN(reply);
    ok(WSAGETASYNCERROR(reply) == WSAENOBUFS, "no buffer: error %d\n", WSAGETASYNCERROR(reply));
    ok(needed > (int)sizeof(struct servent) && needed < (int)sizeof(buffer), "no buffer: size needed %d\n", needed);

    memset(small, 0x55, sizeof(small));
    task = WSAAsyncGetServByPort(window, WM_LOOKUP, htons(80), "tcp", small, sizeof(small));
    ok(wait_reply(window, task, 5000, &reply), "no message for port 80 into a small buffer\n");
    ok(WSAGETASYNCERROR(reply) == WSAENOBUFS && WSAGETASYNCBUFLEN(reply) == needed,
       "small buffer: error %d, size %d\n", WSAGETASYNCERROR(reply), WSAGETASYNCBUFLEN(reply));

    memset(&buffer, 0xcc, sizeof(buffer));
    task = WSAAsyncGetServByPort(window, WM_LOOKUP, htons(80), "tcp", buffer.bytes, needed);
    ok(wait_reply(window, task, 5000, &reply), "no message for port 80 into the size needed\n");
    ok(WSAGETASYNCERROR(reply) == 0 && buffer.s.s_port == htons(80) && inside(buffer.bytes, needed, buffer.s.s_name) &&
       !strcmp(buffer.s.s_name, "http"), "exact size: error %d\n", WSAGETASYNCERROR(reply));

    /* A service the database lacks: the synchronous call's error. */
    sync = getservbyname("ws2host-no-such-service", "tcp");
    ok(!sync, "getservbyname found an unknown service\n");
    needed = WSAGetLastError();
    task = WSAAsyncGetServByName(window, WM_LOOKUP, "ws2host-no-such-service", "tcp", buffer.bytes, sizeof(buffer));
    ok(wait_reply(window, task, 5000, &reply), "no message for an unknown service\n");
    ok(WSAGETASYNCERROR(reply) == needed && needed, "unknown service: error %d, synchronous %d\n",
       WSAGETASYNCERROR(reply), needed);

    /* Arguments are not checked when the task starts (protocol.c). */
    task = WSAAsyncGetServByPort(NULL, 0, 0, NULL, NULL, 0);
    ok(task != NULL, "WSAAsyncGetServByPort without a window: error %d\n", WSAGetLastError());
}

static void test_protocol(HWND window)
{
    union { struct protoent p; char bytes[MAXGETHOSTSTRUCT]; } buffer;
    LPARAM reply = 0;
    HANDLE task;

    task = WSAAsyncGetProtoByName(window, WM_LOOKUP, "tcp", buffer.bytes, sizeof(buffer));
    ok(task != NULL && wait_reply(window, task, 5000, &reply), "no message for protocol tcp\n");
    ok(WSAGETASYNCERROR(reply) == 0 && buffer.p.p_proto == IPPROTO_TCP &&
       inside(buffer.bytes, sizeof(buffer), buffer.p.p_name) && !strcmp(buffer.p.p_name, "tcp") &&
       inside(buffer.bytes, sizeof(buffer), buffer.p.p_aliases), "protocol tcp: error %d, number %d\n",
       WSAGETASYNCERROR(reply), buffer.p.p_proto);

    task = WSAAsyncGetProtoByNumber(window, WM_LOOKUP, IPPROTO_UDP, buffer.bytes, sizeof(buffer));
    ok(task != NULL && wait_reply(window, task, 5000, &reply), "no message for protocol 17\n");
    ok(WSAGETASYNCERROR(reply) == 0 && buffer.p.p_proto == IPPROTO_UDP && !strcmp(buffer.p.p_name, "udp"),
       "protocol 17: error %d\n", WSAGETASYNCERROR(reply));

    task = WSAAsyncGetProtoByNumber(window, WM_LOOKUP, 12345, buffer.bytes, sizeof(buffer));
    ok(task != NULL && wait_reply(window, task, 5000, &reply), "no message for protocol 12345\n");
    ok(WSAGETASYNCERROR(reply) == WSANO_DATA, "protocol 12345: error %d\n", WSAGETASYNCERROR(reply));
}

static void test_host(HWND window)
{
    union { struct hostent h; char bytes[MAXGETHOSTSTRUCT]; } buffer;
    ULONG loopback = htonl(INADDR_LOOPBACK);
    LPARAM reply = 0;
    HANDLE task;

    memset(&buffer, 0xcc, sizeof(buffer));
    task = WSAAsyncGetHostByName(window, WM_LOOKUP, "127.0.0.1", buffer.bytes, sizeof(buffer));
    ok(task != NULL && wait_reply(window, task, 5000, &reply), "no message for host 127.0.0.1\n");
    ok(WSAGETASYNCERROR(reply) == 0, "host 127.0.0.1: error %d\n", WSAGETASYNCERROR(reply));
    ok(buffer.h.h_addrtype == AF_INET && buffer.h.h_length == 4 &&
       inside(buffer.bytes, sizeof(buffer), buffer.h.h_addr_list) &&
       inside(buffer.bytes, sizeof(buffer), buffer.h.h_addr_list[0]) &&
       !memcmp(buffer.h.h_addr_list[0], &loopback, 4) && !buffer.h.h_addr_list[1],
       "host 127.0.0.1: type %d, length %d\n", buffer.h.h_addrtype, buffer.h.h_length);
    ok(inside(buffer.bytes, sizeof(buffer), buffer.h.h_name) && inside(buffer.bytes, sizeof(buffer), buffer.h.h_aliases),
       "host 127.0.0.1: name or aliases not packed in the buffer\n");

    task = WSAAsyncGetHostByName(window, WM_LOOKUP, "127.0.0.1", buffer.bytes, sizeof(struct hostent));
    ok(task != NULL && wait_reply(window, task, 5000, &reply), "no message for a hostent-sized buffer\n");
    ok(WSAGETASYNCERROR(reply) == WSAENOBUFS && WSAGETASYNCBUFLEN(reply) > (int)sizeof(struct hostent),
       "hostent-sized buffer: error %d, size %d\n", WSAGETASYNCERROR(reply), WSAGETASYNCBUFLEN(reply));

    memset(&buffer, 0xcc, sizeof(buffer));
    task = WSAAsyncGetHostByAddr(window, WM_LOOKUP, (const char *)&loopback, 4, AF_INET, buffer.bytes, sizeof(buffer));
    ok(task != NULL && wait_reply(window, task, 5000, &reply), "no message for address 127.0.0.1\n");
    ok(WSAGETASYNCERROR(reply) == 0 && buffer.h.h_addrtype == AF_INET &&
       inside(buffer.bytes, sizeof(buffer), buffer.h.h_addr_list[0]) && !memcmp(buffer.h.h_addr_list[0], &loopback, 4) &&
       inside(buffer.bytes, sizeof(buffer), buffer.h.h_name) && buffer.h.h_name[0],
       "address 127.0.0.1: error %d\n", WSAGETASYNCERROR(reply));
}

static void test_cancel(HWND window)
{
    char buffer[MAXGETHOSTSTRUCT], untouched[MAXGETHOSTSTRUCT];
    LPARAM reply = 0;
    HANDLE task;
    int ret;

    SetLastError(0xdeadbeef);
    ret = WSACancelAsyncRequest(NULL);
    todo_builtin ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "cancelling task 0: %d, error %d\n", ret,
                    WSAGetLastError());

    /* Cancelled before it was answered: no message and the buffer as it
     * was; too late: its message comes. */
    memset(buffer, 0x5a, sizeof(buffer));
    memcpy(untouched, buffer, sizeof(buffer));
    task = WSAAsyncGetServByName(window, WM_LOOKUP, "ftp", "tcp", buffer, sizeof(buffer));
    ok(task != NULL, "WSAAsyncGetServByName: error %d\n", WSAGetLastError());
    ret = WSACancelAsyncRequest(task);
    if (!ret)
    {
        /* Wine's builtin cancels nothing: its answer still comes. */
        todo_builtin ok(!wait_reply(window, task, 500, &reply), "a message came for a cancelled task\n");
        todo_builtin ok(!memcmp(buffer, untouched, sizeof(buffer)), "a cancelled task wrote the buffer\n");
        todo_builtin ok(WSACancelAsyncRequest(task) == SOCKET_ERROR && WSAGetLastError() == WSAEALREADY,
                        "cancelling twice: error %d\n", WSAGetLastError());
    }
    else
    {
        ok(WSAGetLastError() == WSAEALREADY, "cancel: error %d\n", WSAGetLastError());
        ok(wait_reply(window, task, 5000, &reply), "no message for a task answered before its cancel\n");
    }
}

void run_asyncdb_tests(void)
{
    WSADATA data;
    HWND window;

    SetLastError(0xdeadbeef);
    todo_builtin ok(!WSAAsyncGetProtoByNumber(NULL, 0, IPPROTO_TCP, NULL, 0) && WSAGetLastError() == WSANOTINITIALISED,
                    "before WSAStartup: error %d\n", WSAGetLastError());
    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    window = make_window();
    ok(window != NULL, "no window: error %lu\n", GetLastError());
    if (window)
    {
        test_service(window);
        test_protocol(window);
        test_host(window);
        test_cancel(window);
        DestroyWindow(window);
    }
    WSACleanup();
}
