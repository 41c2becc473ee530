/*
 * SO_OPENTYPE and the overlapped attribute. Sources: KB181611, Wine's
 * sock.c tests that run on Windows (set_so_opentype, check_so_opentype,
 * test_set_getsockopt's optlen rows), Microsoft's socket/WSASocket
 * documentation (../shared/docs/winsock-creation-spec.md §4, §5), and
 * docs/opentype.md for the choices where Windows is not known.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "util.h"

#ifndef FILE_SYNCHRONOUS_IO_NONALERT
#define FILE_SYNCHRONOUS_IO_ALERT    0x10
#define FILE_SYNCHRONOUS_IO_NONALERT 0x20
#endif

typedef LONG (WINAPI *query_file_fn)(HANDLE, IO_STATUS_BLOCK *, void *, ULONG, int);

static int get_opentype(SOCKET s, int *size_out)
{
    int value = 0xdeadbeef, size = sizeof(value);

    ok(!getsockopt(s, SOL_SOCKET, SO_OPENTYPE, (char *)&value, &size), "get SO_OPENTYPE failed, error %d\n",
       WSAGetLastError());
    if (size_out) *size_out = size;
    return value;
}

static BOOL set_opentype(SOCKET s, int value)
{
    return !setsockopt(s, SOL_SOCKET, SO_OPENTYPE, (const char *)&value, sizeof(value));
}

/* FileModeInformation (class 16) of a handle, or ~0. */
static ULONG file_mode(HANDLE handle)
{
    query_file_fn query = (query_file_fn)(void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtQueryInformationFile");
    IO_STATUS_BLOCK io;
    ULONG mode = ~0u;

    if (query(handle, &io, &mode, sizeof(mode), 16)) return ~0u;
    return mode;
}

static DWORD WINAPI read_opentype_thread(void *arg)
{
    int value = 0xdead, size = sizeof(value);

    getsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&value, &size);
    *(int *)arg = value;
    return 0;
}

static void test_values(void)
{
    HANDLE file, thread;
    ULONGLONG wide_value = 0xffffffff00000001ull;
    int values[] = { 1, 0x100, SO_SYNCHRONOUS_ALERT, SO_SYNCHRONOUS_NONALERT, -1, 0 };
    int size, other_thread = 0xdead;
    SOCKET s;

    ok(get_opentype(INVALID_SOCKET, NULL) == 0, "SO_OPENTYPE does not start at 0\n");
    for (size_t i = 0; i < ARRAYSIZE(values); i++)
    {
        ok(set_opentype(INVALID_SOCKET, values[i]), "set %#x failed, error %d\n", values[i], WSAGetLastError());
        ok(get_opentype(INVALID_SOCKET, NULL) == values[i], "%#x does not read back\n", values[i]);
    }

    ok(!setsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&wide_value, sizeof(wide_value)),
       "8-byte set failed, error %d\n", WSAGetLastError());
    ok(get_opentype(INVALID_SOCKET, &size) == 1, "8-byte value does not read back as its low dword\n");
    ok(size == sizeof(int), "size %d after get\n", size);

    /* The handle argument is not looked at: a socket or a file do too. */
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(set_opentype(s, 0x20), "set on a socket failed\n");
    ok(get_opentype(s, NULL) == 0x20, "get on a socket\n");
    closesocket(s);
    file = CreateFileA("NUL", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(set_opentype((SOCKET)file, 0x10), "set on a file handle failed\n");
    ok(get_opentype((SOCKET)file, NULL) == 0x10, "get on a file handle\n");
    CloseHandle(file);

    /* Per thread: a new thread starts at 0 whatever this one set. */
    thread = CreateThread(NULL, 0, read_opentype_thread, &other_thread, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    ok(other_thread == 0, "a new thread reads %#x\n", other_thread);
    ok(get_opentype(INVALID_SOCKET, NULL) == 0x10, "this thread's value changed\n");
    set_opentype(INVALID_SOCKET, 0);
}

struct length_case
{
    int length;
    BOOL succeeds;
};

/* Windows compares the length as unsigned: -1 passes, 0-3 do not. */
static const struct length_case get_lengths[] =
{
    { 4, TRUE }, { 8, TRUE }, { -1, TRUE }, { 0, FALSE }, { 1, FALSE }, { 2, FALSE },
};
static const struct length_case set_lengths[] =
{
    { 4, TRUE }, { 8, TRUE }, { -1, TRUE }, { 0, FALSE }, { 1, FALSE }, { 2, FALSE },
};

static void test_lengths(void)
{
    for (size_t i = 0; i < ARRAYSIZE(get_lengths); i++)
    {
        int value[2] = { 0x5a5a5a5a, 0x5a5a5a5a }, size = get_lengths[i].length, ret;

        SetLastError(0xdeadbeef);
        ret = getsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)value, &size);
        if (get_lengths[i].succeeds)
        {
            ok(!ret, "get optlen %d: failed, error %d\n", get_lengths[i].length, WSAGetLastError());
            ok(GetLastError() == 0, "get optlen %d: last error %lu\n", get_lengths[i].length, GetLastError());
            ok(size == sizeof(int), "get optlen %d: size now %d\n", get_lengths[i].length, size);
        }
        else
        {
            ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "get optlen %d: %d, error %d\n",
               get_lengths[i].length, ret, WSAGetLastError());
            ok(size == get_lengths[i].length, "get optlen %d: size changed to %d\n", get_lengths[i].length, size);
            ok(value[0] == 0x5a5a5a5a, "get optlen %d: buffer written\n", get_lengths[i].length);
        }
    }
    for (size_t i = 0; i < ARRAYSIZE(set_lengths); i++)
    {
        int value[2] = { 0, 0 }, ret;

        SetLastError(0xdeadbeef);
        ret = setsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)value, set_lengths[i].length);
        if (set_lengths[i].succeeds)
        {
            ok(!ret, "set optlen %d: failed, error %d\n", set_lengths[i].length, WSAGetLastError());
            ok(GetLastError() == 0, "set optlen %d: last error %lu\n", set_lengths[i].length, GetLastError());
        }
        else
            ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "set optlen %d: %d, error %d\n",
               set_lengths[i].length, ret, WSAGetLastError());
    }
}

/* The attribute each creator gives, read back as the handle's file mode.
 * No Windows-run test reads this mode; that overlapped sockets read 0 and
 * non-overlapped ones FILE_SYNCHRONOUS_IO_NONALERT is inferred from afd.c
 * test_read_write (non-overlapped sockets act as synchronous handles,
 * overlapped ones as asynchronous) and from SO_SYNCHRONOUS_NONALERT's
 * value, 0x20 (../shared/docs/winsock-creation-spec.md §4, §5); likewise
 * SO_SYNCHRONOUS_ALERT, 0x10, is FILE_SYNCHRONOUS_IO_ALERT. A run on
 * Windows confirms or refutes it. Every ws2host socket is a Wine socket
 * object opened with these options (docs/design.md). */
static void check_mode(SOCKET s, BOOL overlapped, ULONG synchronous_mode, const char *what)
{
    ULONG mode = file_mode((HANDLE)s);

    ok(mode == (overlapped ? 0 : synchronous_mode), "%s: file mode %#lx\n", what, mode);
}

static void test_attribute_defaults(void)
{
    SOCKET s;

    s = socket(AF_INET, SOCK_STREAM, 0);
    check_mode(s, TRUE, 0, "socket()");
    closesocket(s);
    s = WSASocketW(AF_INET, SOCK_STREAM, 0, NULL, 0, 0);
    check_mode(s, FALSE, FILE_SYNCHRONOUS_IO_NONALERT, "WSASocket, no flags");
    closesocket(s);
    s = WSASocketW(AF_INET, SOCK_STREAM, 0, NULL, 0, WSA_FLAG_OVERLAPPED);
    check_mode(s, TRUE, 0, "WSASocket(WSA_FLAG_OVERLAPPED)");
    closesocket(s);

    /* socket() follows the thread's SO_OPENTYPE; NONALERT is documented
     * as the synchronous non-alertable mode. */
    set_opentype(INVALID_SOCKET, SO_SYNCHRONOUS_NONALERT);
    s = socket(AF_INET, SOCK_STREAM, 0);
    check_mode(s, FALSE, FILE_SYNCHRONOUS_IO_NONALERT, "socket() with SO_SYNCHRONOUS_NONALERT");
    closesocket(s);
    set_opentype(INVALID_SOCKET, SO_SYNCHRONOUS_ALERT);
    s = socket(AF_INET, SOCK_STREAM, 0);
    /* Wine's builtin opens every non-overlapped socket non-alertable. */
    todo_builtin check_mode(s, FALSE, FILE_SYNCHRONOUS_IO_ALERT, "socket() with SO_SYNCHRONOUS_ALERT");
    closesocket(s);
    set_opentype(INVALID_SOCKET, SO_SYNCHRONOUS_NONALERT);

    /* WSASocket's flags are explicit; ws2host lets them win over
     * SO_OPENTYPE, as the documentation reads (docs/opentype.md). */
    s = WSASocketW(AF_INET, SOCK_STREAM, 0, NULL, 0, WSA_FLAG_OVERLAPPED);
    if (harness_impl != impl_windows) check_mode(s, TRUE, 0, "WSASocket(OVERLAPPED) with SO_OPENTYPE set");
    else trace("WSASocket(OVERLAPPED) with SO_OPENTYPE set: mode %#lx\n", file_mode((HANDLE)s));
    closesocket(s);
    set_opentype(INVALID_SOCKET, 0);
}

void run_opentype_tests(void)
{
    WSADATA data;
    int value = 0xdead, size = sizeof(value), ret;

    /* Whether SO_OPENTYPE needs WSAStartup is not known for Windows; it
     * needs no socket, and ws2host does not ask for one (docs/opentype.md). */
    ret = getsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&value, &size);
    if (harness_impl == impl_ws2host) ok(!ret && value == 0, "before WSAStartup: %d, value %#x\n", ret, value);
    else trace("SO_OPENTYPE before WSAStartup: %d, value %#x, error %d\n", ret, value, WSAGetLastError());

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_values();
    test_lengths();
    test_attribute_defaults();
    WSACleanup();
}
