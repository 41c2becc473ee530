/*
 * WSAStartup, WSACleanup and the last error: Windows' behaviour.
 * Sources: Wine's conformance tests (protocol.c test_startup, sock.c
 * test_WithoutWSAStartup/test_WithWSAStartup) and ReactOS' WSAStartup.c,
 * as collected in docs/spec-sources.md.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"

struct version_case
{
    WORD requested;
    int result;
    WORD granted;
};

static const struct version_case version_cases[] =
{
    { MAKEWORD(0, 0),   WSAVERNOTSUPPORTED, MAKEWORD(2, 2) },
    { MAKEWORD(0, 1),   WSAVERNOTSUPPORTED, MAKEWORD(2, 2) },
    { MAKEWORD(0, 9),   WSAVERNOTSUPPORTED, MAKEWORD(2, 2) },
    { MAKEWORD(1, 0),   0, MAKEWORD(1, 0) },
    { MAKEWORD(1, 1),   0, MAKEWORD(1, 1) },
    { MAKEWORD(1, 2),   0, MAKEWORD(1, 1) },
    { MAKEWORD(1, 15),  0, MAKEWORD(1, 1) },
    { MAKEWORD(1, 255), 0, MAKEWORD(1, 1) },
    { MAKEWORD(2, 0),   0, MAKEWORD(2, 0) },
    { MAKEWORD(2, 1),   0, MAKEWORD(2, 1) },
    { MAKEWORD(2, 2),   0, MAKEWORD(2, 2) },
    { MAKEWORD(2, 3),   0, MAKEWORD(2, 2) },
    { MAKEWORD(2, 15),  0, MAKEWORD(2, 2) },
    { MAKEWORD(2, 255), 0, MAKEWORD(2, 2) },
    { MAKEWORD(3, 0),   0, MAKEWORD(2, 2) },
    { MAKEWORD(3, 5),   0, MAKEWORD(2, 2) },
    { MAKEWORD(15, 255), 0, MAKEWORD(2, 2) },
    { MAKEWORD(255, 0), 0, MAKEWORD(2, 2) },
    { MAKEWORD(255, 255), 0, MAKEWORD(2, 2) },
};

static void test_without_startup(void)
{
    SOCKET s;
    int ret;

    SetLastError(0xdeadbeef);
    s = WSASocketA(0, 0, 0, NULL, 0, 0);
    ok(s == INVALID_SOCKET, "WSASocketA succeeded before WSAStartup\n");
    ok(WSAGetLastError() == WSANOTINITIALISED, "got error %d\n", WSAGetLastError());

    SetLastError(0xdeadbeef);
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(s == INVALID_SOCKET, "socket succeeded before WSAStartup\n");
    ok(WSAGetLastError() == WSANOTINITIALISED, "got error %d\n", WSAGetLastError());

    SetLastError(0xdeadbeef);
    ret = WSACleanup();
    ok(ret == SOCKET_ERROR, "WSACleanup returned %d\n", ret);
    ok(WSAGetLastError() == WSANOTINITIALISED, "got error %d\n", WSAGetLastError());

    SetLastError(0xdeadbeef);
    ret = closesocket(INVALID_SOCKET);
    ok(ret == SOCKET_ERROR, "closesocket returned %d\n", ret);
    ok(WSAGetLastError() == WSANOTINITIALISED, "got error %d\n", WSAGetLastError());
}

static void test_versions(void)
{
    for (size_t i = 0; i < ARRAYSIZE(version_cases); i++)
    {
        const struct version_case *c = &version_cases[i];
        WSADATA data;
        int ret;

        memset(&data, 0xcc, sizeof(data));
        SetLastError(0xdeadbeef);
        ret = WSAStartup(c->requested, &data);
        ok(ret == c->result, "version %#x: got %d, expected %d\n", c->requested, ret, c->result);
        ok(data.wVersion == c->granted, "version %#x: wVersion %#x, expected %#x\n",
           c->requested, data.wVersion, c->granted);
        ok(data.wHighVersion == MAKEWORD(2, 2), "version %#x: wHighVersion %#x\n",
           c->requested, data.wHighVersion);
        if (ret)
        {
            todo_builtin ok(WSAGetLastError() == WSANOTINITIALISED,
                            "version %#x: last error %d after failure\n", c->requested, WSAGetLastError());
            continue;
        }
        todo_builtin ok(GetLastError() == 0, "version %#x: last error %lu after success\n",
                        c->requested, GetLastError());
        ok(!strcmp(data.szDescription, "WinSock 2.0"), "szDescription %s\n", data.szDescription);
        ok(!strcmp(data.szSystemStatus, "Running"), "szSystemStatus %s\n", data.szSystemStatus);
        if (LOBYTE(data.wVersion) == 1)
            ok(data.iMaxSockets == 32767 && data.iMaxUdpDg == 65467,
               "version %#x: iMaxSockets %u, iMaxUdpDg %u\n", c->requested, data.iMaxSockets, data.iMaxUdpDg);
        else
            ok(data.iMaxSockets == 0 && data.iMaxUdpDg == 0,
               "version %#x: iMaxSockets %u, iMaxUdpDg %u\n", c->requested, data.iMaxSockets, data.iMaxUdpDg);
        ok(data.lpVendorInfo == (char *)(ULONG_PTR)0xcccccccccccccccc, "lpVendorInfo was written\n");
        ok(WSACleanup() == 0, "WSACleanup failed, error %d\n", WSAGetLastError());
    }
}

static void test_bad_data(void)
{
    void *reserved;
    int ret;

    SetLastError(0xdeadbeef);
    ret = WSAStartup(MAKEWORD(2, 2), NULL);
    ok(ret == WSAEFAULT, "NULL data: got %d\n", ret);
    todo_builtin ok(WSAGetLastError() == WSANOTINITIALISED, "NULL data: last error %d\n", WSAGetLastError());

    ret = WSAStartup(MAKEWORD(0, 0), NULL);
    ok(ret == WSAVERNOTSUPPORTED, "version 0 with NULL data: got %d\n", ret);

    /* Still not started: both failures must leave Winsock uninitialised. */
    SetLastError(0xdeadbeef);
    ok(WSACleanup() == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED,
       "a failed WSAStartup left Winsock started\n");

    /* An address that is reserved but not committed faults on access.
     * Windows' answer is not documented beyond WSAEFAULT for bad pointers,
     * and Wine's builtin crashes, so this is ws2host's own promise. */
    if (harness_impl != impl_ws2host)
    {
        skip("unmapped WSADATA: only ws2host promises WSAEFAULT here\n");
        return;
    }
    reserved = VirtualAlloc(NULL, 0x10000, MEM_RESERVE, PAGE_NOACCESS);
    ret = WSAStartup(MAKEWORD(2, 2), reserved);
    ok(ret == WSAEFAULT, "unmapped data: got %d\n", ret);
    ret = WSAStartup(MAKEWORD(2, 2), (WSADATA *)((char *)reserved + 0x10000 - 8));
    ok(ret == WSAEFAULT, "data straddling an unmapped page: got %d\n", ret);
    ret = WSAStartup(MAKEWORD(2, 2), (WSADATA *)(ULONG_PTR)0xdeadbeefdeadbeefull);
    ok(ret == WSAEFAULT, "wild pointer: got %d\n", ret);
    VirtualFree(reserved, 0, MEM_RELEASE);
    SetLastError(0xdeadbeef);
    ok(WSACleanup() == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED,
       "a failed WSAStartup left Winsock started\n");
}

static void test_reference_counting(void)
{
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "first WSAStartup failed\n");
    ok(!WSAStartup(MAKEWORD(2, 2), &data), "second WSAStartup failed\n");
    SetLastError(0xdeadbeef);
    ok(WSACleanup() == 0, "first WSACleanup failed\n");
    todo_builtin ok(WSAGetLastError() == 0, "last error %d after WSACleanup\n", WSAGetLastError());
    SetLastError(0xdeadbeef);
    ok(WSACleanup() == 0, "second WSACleanup failed\n");
    todo_builtin ok(WSAGetLastError() == 0, "last error %d after WSACleanup\n", WSAGetLastError());
    SetLastError(0xdeadbeef);
    ok(WSACleanup() == SOCKET_ERROR, "third WSACleanup succeeded\n");
    ok(WSAGetLastError() == WSANOTINITIALISED, "last error %d\n", WSAGetLastError());
}

static void test_last_error_is_thread_error(void)
{
    WSASetLastError(12345);
    ok(GetLastError() == 12345, "GetLastError %lu after WSASetLastError\n", GetLastError());
    SetLastError(54321);
    ok(WSAGetLastError() == 54321, "WSAGetLastError %d after SetLastError\n", WSAGetLastError());
}

static void test_blocking_hooks(void)
{
    WSADATA data;
    int ret;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    SetLastError(0xdeadbeef);
    ret = WSACancelBlockingCall();
    todo_builtin ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEOPNOTSUPP,
                    "2.2: WSACancelBlockingCall returned %d, error %d\n", ret, WSAGetLastError());
    ok(!WSAIsBlocking(), "WSAIsBlocking returned TRUE\n");
    WSACleanup();

    ok(!WSAStartup(MAKEWORD(1, 1), &data), "WSAStartup failed\n");
    SetLastError(0xdeadbeef);
    ret = WSACancelBlockingCall();
    todo_builtin ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
                    "1.1: WSACancelBlockingCall returned %d, error %d\n", ret, WSAGetLastError());
    WSACleanup();
}

static void test_cleanup_closes_sockets(void)
{
    WSADATA data;
    SOCKET s;
    int ret;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(s != INVALID_SOCKET, "socket failed, error %d\n", WSAGetLastError());
    ok(!WSACleanup(), "WSACleanup failed\n");

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    SetLastError(0xdeadbeef);
    ret = closesocket(s);
    ok(ret == SOCKET_ERROR, "socket survived the final WSACleanup\n");
    ok(WSAGetLastError() == WSAENOTSOCK, "last error %d\n", WSAGetLastError());
    WSACleanup();
}

void run_startup_tests(void)
{
    test_without_startup();
    test_versions();
    test_bad_data();
    test_reference_counting();
    test_last_error_is_thread_error();
    test_blocking_hooks();
    test_cleanup_closes_sockets();
}
