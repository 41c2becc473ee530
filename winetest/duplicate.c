/*
 * WSADuplicateSocket and sockets made from its protocol info, in this
 * process and in a child. Sources: Wine's sock.c test_WSADuplicateSocket
 * and test_WithWSAStartup, ReactOS close.c, Microsoft's WSASocket and
 * WSADuplicateSocket documentation (../shared/docs/winsock-creation-spec.md §2).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "util.h"

static void test_errors(void)
{
    WSAPROTOCOL_INFOA info;
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    DWORD pid = GetCurrentProcessId();

    SetLastError(0xdeadbeef);
    ok(WSADuplicateSocketA(0, 0, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
       "(0, 0, NULL): error %d\n", WSAGetLastError());
    ok(WSADuplicateSocketA(s, 0, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "(s, 0, NULL): error %d\n", WSAGetLastError());
    ok(WSADuplicateSocketA(s, ~0u, &info) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "(s, ~0, info): error %d\n", WSAGetLastError());
    ok(WSADuplicateSocketA(0, pid, &info) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
       "(0, pid, info): error %d\n", WSAGetLastError());
    ok(WSADuplicateSocketA(s, pid, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT,
       "(s, pid, NULL): error %d\n", WSAGetLastError());
    closesocket(s);
}

static void test_same_process(void)
{
    WSAPROTOCOL_INFOA info;
    WSAPROTOCOL_INFOW source;
    SOCKET client, server, copy, again;
    char buffer[8] = "";

    if (!tcp_pair(NULL, &client, &server)) return;
    protocol_info(client, &source);
    ok(!WSADuplicateSocketA(client, GetCurrentProcessId(), &info), "WSADuplicateSocketA failed, error %d\n",
       WSAGetLastError());
    ok(info.iAddressFamily == source.iAddressFamily && info.iSocketType == source.iSocketType &&
       info.iProtocol == source.iProtocol, "info %d/%d/%d, source %d/%d/%d\n", info.iAddressFamily,
       info.iSocketType, info.iProtocol, source.iAddressFamily, source.iSocketType, source.iProtocol);

    copy = WSASocketA(0, 0, 0, &info, 0, 0);
    ok(copy != INVALID_SOCKET, "WSASocketA from the info failed, error %d\n", WSAGetLastError());
    ok(copy != client, "the duplicate is the same handle\n");
    ok(!closesocket(client), "closesocket of the original failed\n");

    /* The duplicate outlives the original and shares its endpoint. */
    ok(send(copy, "dup", 3, 0) == 3, "send on the duplicate failed, error %d\n", WSAGetLastError());
    ok(recv(server, buffer, sizeof(buffer), 0) == 3 && !memcmp(buffer, "dup", 3), "the peer got %s\n", buffer);

    /* Documented: info already used gives WSAEINVAL. */
    SetLastError(0xdeadbeef);
    again = WSASocketA(0, 0, 0, &info, 0, 0);
    todo_builtin ok(again == INVALID_SOCKET && WSAGetLastError() == WSAEINVAL, "second use: socket %#llx, error %d\n",
                    (ULONGLONG)again, WSAGetLastError());
    if (again != INVALID_SOCKET && again != copy) closesocket(again);

    /* Explicit arguments and flags with a duplicate's info. */
    ok(!WSADuplicateSocketA(copy, GetCurrentProcessId(), &info), "second duplicate failed\n");
    again = WSASocketA(AF_INET, SOCK_STREAM, 0, &info, 0, WSA_FLAG_OVERLAPPED);
    ok(again != INVALID_SOCKET, "WSASocketA(AF_INET, SOCK_STREAM, 0, info, OVERLAPPED) failed, error %d\n",
       WSAGetLastError());
    ok(send(again, "two", 3, 0) == 3 && recv(server, buffer, sizeof(buffer), 0) == 3, "second duplicate unusable\n");
    closesocket(again);
    closesocket(copy);
    closesocket(server);
}

/* closesocket of one handle of a socket leaves calls through the other
 * handle alone: the socket stays open (closesocket's documentation: the
 * socket is closed when its last handle goes), so a blocking receive on
 * the other waits for data or its timeout, it is not interrupted. */
static void test_close_one_handle(void)
{
    SOCKET client, server, copy;
    DWORD timeout = 300, start;
    char buffer[4];
    int ret, err;

    if (!tcp_pair(NULL, &client, &server)) return;
    ok(DuplicateHandle(GetCurrentProcess(), (HANDLE)server, GetCurrentProcess(), (HANDLE *)&copy, 0, FALSE,
                       DUPLICATE_SAME_ACCESS), "DuplicateHandle failed, error %lu\n", GetLastError());
    ok(!closesocket(server), "closesocket of one handle failed, error %d\n", WSAGetLastError());
    ok(!setsockopt(copy, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout)), "SO_RCVTIMEO failed\n");
    start = GetTickCount();
    ret = recv(copy, buffer, sizeof(buffer), 0);
    err = WSAGetLastError();
    /* SO_RCVTIMEO's documented end: WSAETIMEDOUT. */
    ok(ret == SOCKET_ERROR && err == WSAETIMEDOUT, "recv on the other handle: %d, error %d\n", ret, err);
    ok(GetTickCount() - start >= 250, "recv ended after %lu ms\n", GetTickCount() - start);
    ok(send(client, "ok", 2, 0) == 2 && recv(copy, buffer, sizeof(buffer), 0) == 2, "the socket is not open\n");
    closesocket(copy);
    closesocket(client);
}

/* Child: read a WSAPROTOCOL_INFOA from stdin, make the socket, expect
 * "ping" on it, answer "pong". */
int child_duplicate(int argc, char **argv)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    WSAPROTOCOL_INFOA info;
    char buffer[8] = "";
    DWORD got = 0, chunk;
    WSADATA data;
    SOCKET s;
    int code = 0;

    while (got < sizeof(info) && ReadFile(in, (char *)&info + got, sizeof(info) - got, &chunk, NULL) && chunk)
        got += chunk;
    if (got != sizeof(info)) return 10;
    WSAStartup(MAKEWORD(2, 2), &data);
    s = WSASocketA(0, 0, 0, &info, 0, 0);
    if (s == INVALID_SOCKET) code = 11;
    else if (recv(s, buffer, 4, MSG_WAITALL) != 4 || memcmp(buffer, "ping", 4)) code = 12;
    else if (send(s, "pong", 4, 0) != 4) code = 13;
    else if (WSASocketA(0, 0, 0, &info, 0, 0) != INVALID_SOCKET || WSAGetLastError() != WSAEINVAL) code = 14;
    WSACleanup();
    return code;
}

static void test_child_process(void)
{
    STARTUPINFOA startup = { 0 };
    PROCESS_INFORMATION process;
    SECURITY_ATTRIBUTES inheritable = { sizeof(inheritable), NULL, TRUE };
    WSAPROTOCOL_INFOA info;
    HANDLE read_end, write_end;
    SOCKET client, server;
    char buffer[8] = "";
    DWORD written, code;

    if (!tcp_pair(NULL, &client, &server)) return;
    CreatePipe(&read_end, &write_end, &inheritable, 0);
    SetHandleInformation(write_end, HANDLE_FLAG_INHERIT, 0);
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = read_end;
    startup.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    /* Not inherited: the child gets the socket only through the info. */
    SetHandleInformation((HANDLE)client, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation((HANDLE)server, HANDLE_FLAG_INHERIT, 0);
    if (!ok(start_child("duplicate", NULL, TRUE, &startup, &process), "CreateProcess failed, error %lu\n",
            GetLastError()))
        goto done;
    CloseHandle(read_end);
    read_end = NULL;
    ok(!WSADuplicateSocketA(client, process.dwProcessId, &info), "WSADuplicateSocketA failed, error %d\n",
       WSAGetLastError());
    closesocket(client);
    client = INVALID_SOCKET;
    ok(WriteFile(write_end, &info, sizeof(info), &written, NULL) && written == sizeof(info), "cannot pass the info\n");
    ok(send(server, "ping", 4, 0) == 4, "send failed\n");
    ok(recv(server, buffer, 4, MSG_WAITALL) == 4 && !memcmp(buffer, "pong", 4), "the child answered %.4s\n", buffer);
    code = wait_child(&process);
    todo_if(harness_impl == impl_wine_builtin && code == 14)
    ok(code == 0, "child exit code %lu\n", code);
done:
    if (read_end) CloseHandle(read_end);
    CloseHandle(write_end);
    if (client != INVALID_SOCKET) closesocket(client);
    closesocket(server);
}

static void test_cleanup_destroys_duplicates(void)
{
    WSAPROTOCOL_INFOA info;
    WSADATA data;
    SOCKET s, copy;

    s = socket(AF_INET, SOCK_STREAM, 0);
    WSADuplicateSocketA(s, GetCurrentProcessId(), &info);
    copy = WSASocketA(0, 0, 0, &info, 0, 0);
    ok(copy != INVALID_SOCKET, "duplicate failed, error %d\n", WSAGetLastError());
    WSACleanup();
    WSAStartup(MAKEWORD(2, 2), &data);
    SetLastError(0xdeadbeef);
    ok(closesocket(copy) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
       "a duplicate survived the final WSACleanup (error %d)\n", WSAGetLastError());
}

void run_duplicate_tests(void)
{
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_errors();
    test_same_process();
    test_close_one_handle();
    test_child_process();
    test_cleanup_destroys_duplicates();
    WSACleanup();
}
