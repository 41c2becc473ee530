/*
 * Resources: a long create/close loop leaves the process's handle (and,
 * under Wine, fd) counts where they were; at the file descriptor limit
 * creation fails with WSAEMFILE and recovers once sockets are closed.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "util.h"

#define LOOP_PAIRS 100000

static void test_create_close_loop(void)
{
    int unix_pid = harness_impl == impl_windows ? -1 : find_unix_pid();
    DWORD handles_before, handles_after;
    int fds_before, fds_after, failures = 0;

    /* A warm-up round first, so one-time allocations (Wine's own caches
     * included) do not count. */
    for (int i = 0; i < 1000; i++) closesocket(socket(i & 1 ? AF_INET6 : AF_INET, SOCK_STREAM, 0));
    GetProcessHandleCount(GetCurrentProcess(), &handles_before);
    fds_before = count_fds(unix_pid);
    for (int i = 0; i < LOOP_PAIRS; i++)
    {
        SOCKET s = socket(i & 1 ? AF_INET6 : AF_INET, i & 2 ? SOCK_DGRAM : SOCK_STREAM, 0);
        if (s == INVALID_SOCKET || closesocket(s)) failures++;
    }
    GetProcessHandleCount(GetCurrentProcess(), &handles_after);
    fds_after = count_fds(unix_pid);
    ok(!failures, "%d of %d pairs failed\n", failures, LOOP_PAIRS);
    ok(handles_after == handles_before, "handles: %lu before, %lu after\n", handles_before, handles_after);
    if (fds_before < 0) skip("cannot count this process's fds here\n");
    else
    {
        trace("Linux process %d: %d fds before, %d after\n", unix_pid, fds_before, fds_after);
        ok(fds_after == fds_before, "fds: %d before, %d after\n", fds_before, fds_after);
    }
}

#define THREADS 4
#define THREAD_PAIRS 5000

static DWORD WINAPI create_close_thread(void *arg)
{
    LONG *failures = arg;

    for (int i = 0; i < THREAD_PAIRS; i++)
    {
        SOCKET s = socket(AF_INET, i & 1 ? SOCK_DGRAM : SOCK_STREAM, 0);
        int type = -1, size = sizeof(type);

        /* Each socket must still be itself while other threads churn. */
        if (s == INVALID_SOCKET || getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &size) ||
            type != (i & 1 ? SOCK_DGRAM : SOCK_STREAM) || closesocket(s))
            InterlockedIncrement(failures);
    }
    return 0;
}

static void test_concurrent_threads(void)
{
    HANDLE threads[THREADS];
    DWORD handles_before, handles_after;
    LONG failures = 0;

    GetProcessHandleCount(GetCurrentProcess(), &handles_before);
    for (int i = 0; i < THREADS; i++) threads[i] = CreateThread(NULL, 0, create_close_thread, &failures, 0, NULL);
    WaitForMultipleObjects(THREADS, threads, TRUE, INFINITE);
    for (int i = 0; i < THREADS; i++) CloseHandle(threads[i]);
    GetProcessHandleCount(GetCurrentProcess(), &handles_after);
    ok(!failures, "%ld of %d create/check/close rounds failed across %d threads\n", failures,
       THREADS * THREAD_PAIRS, THREADS);
    ok(handles_after == handles_before, "handles: %lu before, %lu after\n", handles_before, handles_after);
}

/* Run by the runner under a lowered `ulimit -n` (WS2HOST_FD_LIMIT_TEST). */
static void test_fd_limit(void)
{
    static SOCKET sockets[65536];
    int count = 0, err = 0;
    SOCKET s;

    if (!getenv("WS2HOST_FD_LIMIT_TEST"))
    {
        skip("the fd limit test needs a lowered ulimit -n (WS2HOST_FD_LIMIT_TEST)\n");
        return;
    }
    while (count < (int)ARRAYSIZE(sockets))
    {
        SetLastError(0xdeadbeef);
        if ((s = socket(AF_INET, SOCK_STREAM, 0)) == INVALID_SOCKET)
        {
            err = WSAGetLastError();
            break;
        }
        sockets[count++] = s;
    }
    trace("created %d sockets before failing\n", count);
    ok(count < (int)ARRAYSIZE(sockets), "the limit was never reached\n");
    ok(err == WSAEMFILE, "at the limit: error %d, expected WSAEMFILE\n", err);
    ok(count > 16, "only %d sockets\n", count);

    for (int i = 0; i < 16 && count; i++) ok(!closesocket(sockets[--count]), "closesocket at the limit failed\n");
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(s != INVALID_SOCKET, "no socket after closing some, error %d\n", WSAGetLastError());
    if (s != INVALID_SOCKET) sockets[count++] = s;
    while (count) ok(!closesocket(sockets[--count]), "closesocket failed, error %d\n", WSAGetLastError());
}

/* select over sets of many sockets, valid and with one entry that is not
 * a socket (Microsoft's select documentation: WSAENOTSOCK, "one of the
 * descriptor sets contains an entry that is not a socket"), again and
 * again: every socket is looked at and given back, whatever the outcome,
 * so the handle and fd counts stay where they were. */
#define SELECT_SOCKETS 40
#define SELECT_ROUNDS 2000

static void test_select_loop(void)
{
    int unix_pid = harness_impl == impl_windows ? -1 : find_unix_pid();
    struct { u_int fd_count; SOCKET fd_array[SELECT_SOCKETS]; } set;
    SOCKET sockets[SELECT_SOCKETS];
    struct timeval zero = { 0, 0 };
    int fds_before, fds_after, wrong = 0;
    DWORD handles_before, handles_after;

    for (int i = 0; i < SELECT_SOCKETS; i++) sockets[i] = socket(AF_INET, SOCK_DGRAM, 0);
    /* A first select before counting: Wine caches each socket's fd the
     * first time it is asked for. */
    set.fd_count = SELECT_SOCKETS;
    memcpy(set.fd_array, sockets, sizeof(sockets));
    select(0, NULL, (fd_set *)&set, NULL, &zero);
    GetProcessHandleCount(GetCurrentProcess(), &handles_before);
    fds_before = count_fds(unix_pid);
    for (int round = 0; round < SELECT_ROUNDS; round++)
    {
        BOOL bad = round & 1;
        int ret;

        set.fd_count = SELECT_SOCKETS;
        memcpy(set.fd_array, sockets, sizeof(sockets));
        if (bad) set.fd_array[round % SELECT_SOCKETS] = (SOCKET)0xdead0;
        ret = select(0, NULL, (fd_set *)&set, NULL, &zero);
        if (bad ? ret != SOCKET_ERROR || WSAGetLastError() != WSAENOTSOCK : ret != SELECT_SOCKETS) wrong++;
    }
    GetProcessHandleCount(GetCurrentProcess(), &handles_after);
    fds_after = count_fds(unix_pid);
    ok(!wrong, "%d of %d selects answered wrongly\n", wrong, SELECT_ROUNDS);
    ok(handles_after == handles_before, "handles: %lu before, %lu after\n", handles_before, handles_after);
    if (fds_before < 0) skip("cannot count this process's fds here\n");
    else ok(fds_after == fds_before, "fds: %d before, %d after\n", fds_before, fds_after);
    for (int i = 0; i < SELECT_SOCKETS; i++) closesocket(sockets[i]);
}

void run_resources_tests(void)
{
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_create_close_loop();
    test_concurrent_threads();
    test_select_loop();
    WSACleanup();
}

void run_fdlimit_tests(void)
{
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_fd_limit();
    WSACleanup();
}
