/*
 * Sockets as handles: file type, inheritance, closesocket on things that
 * are not (or no longer) sockets, and handle values reused after
 * CloseHandle. Sources: docs/spec-sources.md (§6.1 of the creation spec).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>

#include "harness.h"
#include "util.h"


static void test_socket_handle(void)
{
    DWORD flags = 0;
    SOCKET s;

    SetLastError(0xdeadbeef);
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(s != INVALID_SOCKET, "socket failed, error %d\n", WSAGetLastError());
    ok(GetLastError() == 0, "last error %lu after success\n", GetLastError());
    ok(GetFileType((HANDLE)s) == FILE_TYPE_PIPE, "GetFileType %lu\n", GetFileType((HANDLE)s));
    ok(GetHandleInformation((HANDLE)s, &flags), "GetHandleInformation failed\n");
    ok(flags & HANDLE_FLAG_INHERIT, "socket() handle is not inheritable (flags %#lx)\n", flags);
    ok(!closesocket(s), "closesocket failed, error %d\n", WSAGetLastError());

    s = WSASocketW(AF_INET, SOCK_DGRAM, 0, NULL, 0, WSA_FLAG_NO_HANDLE_INHERIT);
    ok(s != INVALID_SOCKET, "WSASocketW failed, error %d\n", WSAGetLastError());
    flags = 0xdeadbeef;
    ok(GetHandleInformation((HANDLE)s, &flags), "GetHandleInformation failed\n");
    ok(!(flags & HANDLE_FLAG_INHERIT), "WSA_FLAG_NO_HANDLE_INHERIT handle is inheritable\n");
    ok(!closesocket(s), "closesocket failed, error %d\n", WSAGetLastError());

    s = socket(AF_INET6, SOCK_STREAM, 0);
    ok(s != INVALID_SOCKET, "AF_INET6 socket failed, error %d\n", WSAGetLastError());
    ok(GetFileType((HANDLE)s) == FILE_TYPE_PIPE, "GetFileType %lu\n", GetFileType((HANDLE)s));
    closesocket(s);
}

static void test_closesocket_errors(void)
{
    HANDLE file, event;
    DWORD written;
    SOCKET s;

    SetLastError(0xdeadbeef);
    ok(closesocket(INVALID_SOCKET) == SOCKET_ERROR, "closesocket(INVALID_SOCKET) succeeded\n");
    ok(WSAGetLastError() == WSAENOTSOCK, "INVALID_SOCKET: error %d\n", WSAGetLastError());
    SetLastError(0xdeadbeef);
    ok(closesocket(0) == SOCKET_ERROR, "closesocket(0) succeeded\n");
    ok(WSAGetLastError() == WSAENOTSOCK, "0: error %d\n", WSAGetLastError());

    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(!closesocket(s), "closesocket failed\n");
    SetLastError(0xdeadbeef);
    ok(closesocket(s) == SOCKET_ERROR, "second closesocket succeeded\n");
    ok(WSAGetLastError() == WSAENOTSOCK, "closed socket: error %d\n", WSAGetLastError());

    file = make_temp_file();
    ok(file != INVALID_HANDLE_VALUE, "cannot create a temporary file\n");
    SetLastError(0xdeadbeef);
    ok(closesocket((SOCKET)file) == SOCKET_ERROR, "closesocket on a file succeeded\n");
    ok(WSAGetLastError() == WSAENOTSOCK, "file: error %d\n", WSAGetLastError());
    ok(WriteFile(file, "x", 1, &written, NULL) && written == 1, "closesocket closed the file\n");
    CloseHandle(file);

    event = CreateEventA(NULL, TRUE, FALSE, NULL);
    SetLastError(0xdeadbeef);
    ok(closesocket((SOCKET)event) == SOCKET_ERROR, "closesocket on an event succeeded\n");
    ok(WSAGetLastError() == WSAENOTSOCK, "event: error %d\n", WSAGetLastError());
    ok(SetEvent(event), "closesocket closed the event\n");
    CloseHandle(event);
}

/* A socket closed with CloseHandle is gone; its handle value may come
 * back as something else, which closesocket must neither accept nor close. */
static void test_handle_reuse(void)
{
    HANDLE file;
    DWORD written;
    SOCKET s, s2;
    int ret;

    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(CloseHandle((HANDLE)s), "CloseHandle on a socket failed\n");
    SetLastError(0xdeadbeef);
    ret = closesocket(s);
    todo_builtin ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
                    "closesocket after CloseHandle: %d, error %d\n", ret, WSAGetLastError());

    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(CloseHandle((HANDLE)s), "CloseHandle on a socket failed\n");
    file = make_temp_file();
    if ((SOCKET)file != s) trace("the file got handle %p, not the socket's %#llx\n", file, (ULONGLONG)s);
    /* Documented (closesocket: WSAENOTSOCK for a non-socket); Wine's
     * builtin still lists the stale value and closes the file. */
    SetLastError(0xdeadbeef);
    todo_if(harness_impl == impl_wine_builtin && (SOCKET)file == s)
    {
        ok(closesocket((SOCKET)file) == SOCKET_ERROR, "closesocket on a file succeeded\n");
        ok(WSAGetLastError() == WSAENOTSOCK, "file at a reused value: error %d\n", WSAGetLastError());
        ok(WriteFile(file, "x", 1, &written, NULL) && written == 1, "closesocket closed the file\n");
    }
    CloseHandle(file);

    /* The same for select, on a socket that was selected before (Microsoft's
     * select documentation: WSAENOTSOCK, an entry that is not a socket). */
    s = socket(AF_INET, SOCK_DGRAM, 0);
    {
        struct timeval zero = { 0, 0 };
        fd_set set;

        FD_ZERO(&set);
        FD_SET(s, &set);
        ok(select(0, NULL, &set, NULL, &zero) == 1, "select on a fresh datagram socket: error %d\n",
           WSAGetLastError());
        ok(CloseHandle((HANDLE)s), "CloseHandle on a socket failed\n");
        file = make_temp_file();
        if ((SOCKET)file != s) trace("the file got handle %p, not the socket's %#llx\n", file, (ULONGLONG)s);
        FD_ZERO(&set);
        FD_SET((SOCKET)file, &set);
        SetLastError(0xdeadbeef);
        ret = select(0, &set, NULL, NULL, &zero);
        todo_builtin ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "select on a file at a reused value: %d, error %d\n",
           ret, WSAGetLastError());
        ok(WriteFile(file, "x", 1, &written, NULL) && written == 1, "select closed the file\n");
        CloseHandle(file);
    }

    s = socket(AF_INET, SOCK_DGRAM, 0);
    ok(CloseHandle((HANDLE)s), "CloseHandle on a socket failed\n");
    s2 = socket(AF_INET, SOCK_STREAM, 0);
    if (s2 != s) trace("the new socket got %#llx, not %#llx\n", (ULONGLONG)s2, (ULONGLONG)s);
    ok(s2 != INVALID_SOCKET, "socket failed, error %d\n", WSAGetLastError());
    ok(!closesocket(s2), "closesocket of a socket at a reused value failed, error %d\n", WSAGetLastError());
}

void run_handles_tests(void)
{
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_socket_handle();
    test_closesocket_errors();
    test_handle_reuse();
    WSACleanup();
}
