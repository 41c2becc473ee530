/*
 * Bad input: NULL, unmapped, inaccessible and page-straddling pointers,
 * short and huge lengths, handles that are not sockets, and calls made in
 * the wrong state, for every socket and name function ws2host provides.
 * Each must fail with Windows' error and never crash, and the sweep as a
 * whole must leave the process's handle (and, under ws2host, fd) count
 * where it was.
 *
 * Sources: Wine's Windows-run tests (dlls/ws2_32/tests/sock.c and
 * protocol.c) and Microsoft's error tables for each function. Where
 * neither says what Windows does, the choice is named in a comment and
 * listed in docs/lifecycle.md ("Bad input").
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "util.h"


/* ------------------------------------------------------------ checking */

static void check_error_(const char *file, int line, BOOL failed, int expected, const char *format, ...)
    __attribute__((format(gnu_printf, 5, 6)));

/* The call failed and left `expected` as the thread's last error. */
static void check_error_(const char *file, int line, BOOL failed, int expected, const char *format, ...)
{
    int got = WSAGetLastError();
    char what[256];
    va_list args;

    va_start(args, format);
    vsnprintf(what, sizeof(what), format, args);
    va_end(args);
    harness_ok(file, line, failed && got == expected, "%s: %s, error %d (expected failure with %d)\n", what,
               failed ? "failed" : "succeeded", got, expected);
}
#define check_error(failed, expected, ...) check_error_(__FILE__, __LINE__, failed, expected, __VA_ARGS__)

/* Wine's builtin faults, hangs or breaks the socket on some of these
 * inputs; there they are not made. */
static BOOL builtin_faults(const char *what)
{
    if (harness_impl != impl_wine_builtin) return FALSE;
    trace("%s: not tried on Wine's builtin, which faults, hangs or breaks the socket on it\n", what);
    return TRUE;
}

/* --------------------------------------------------------- bad memory */

static struct
{
    char *unmapped;     /* reserved, then released: nothing is there */
    char *reserved;     /* reserved and never committed */
    char *noaccess;     /* a committed PAGE_NOACCESS page */
    char *page;         /* a read-write page followed by a reserved one */
} memory;

static void make_bad_memory(void)
{
    memory.unmapped = VirtualAlloc(NULL, 0x10000, MEM_RESERVE, PAGE_NOACCESS);
    VirtualFree(memory.unmapped, 0, MEM_RELEASE);
    memory.reserved = VirtualAlloc(NULL, 0x10000, MEM_RESERVE, PAGE_NOACCESS);
    memory.noaccess = VirtualAlloc(NULL, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_NOACCESS);
    memory.page = VirtualAlloc(NULL, 0x2000, MEM_RESERVE, PAGE_NOACCESS);
    ok(memory.unmapped && memory.reserved && memory.noaccess && memory.page &&
       VirtualAlloc(memory.page, 0x1000, MEM_COMMIT, PAGE_READWRITE), "cannot set up the bad memory\n");
    /* No terminator and no zero count anywhere: what runs into the
     * reserved page really reads it. */
    memset(memory.page, 'x', 0x1000);
}

static void free_bad_memory(void)
{
    VirtualFree(memory.reserved, 0, MEM_RELEASE);
    VirtualFree(memory.noaccess, 0, MEM_RELEASE);
    VirtualFree(memory.page, 0, MEM_RELEASE);
}

/* An object of `size` bytes whose second half lies in the reserved page
 * (its first half holds 'x' bytes). */
static void *straddling(size_t size)
{
    char *p = memory.page + 0x1000 - size / 2;

    memset(p, 'x', size / 2);
    return p;
}

/* A SOCKADDR_IN whose family and port can be read, the rest not. */
static struct sockaddr *straddling_address(void)
{
    SOCKADDR_IN in = { .sin_family = AF_INET, .sin_port = htons(80) };
    char *p = memory.page + 0x1000 - offsetof(SOCKADDR_IN, sin_addr);

    memcpy(p, &in, offsetof(SOCKADDR_IN, sin_addr));
    return (struct sockaddr *)p;
}

/* The text ending the readable page: its terminator would be past it. */
static char *straddling_string(const char *text)
{
    size_t length = strlen(text);
    char *p = memory.page + 0x1000 - length;

    memcpy(p, text, length);
    return p;
}

static WCHAR *straddling_wstring(const WCHAR *text)
{
    size_t length = wcslen(text) * sizeof(WCHAR);
    char *p = memory.page + 0x1000 - length;

    memcpy(p, text, length);
    return (WCHAR *)p;
}

struct bad_pointer
{
    const char *name;
    void *ptr;
};

/* Pointers to `size` bytes that cannot be used; NULL is not among them
 * (many functions give it a meaning of its own). */
static unsigned int bad_pointers(size_t size, struct bad_pointer *out)
{
    unsigned int n = 0;

    out[n++] = (struct bad_pointer){ "unmapped", memory.unmapped };
    out[n++] = (struct bad_pointer){ "reserved", memory.reserved };
    out[n++] = (struct bad_pointer){ "no-access", memory.noaccess };
    out[n++] = (struct bad_pointer){ "wild", (void *)(ULONG_PTR)1 };
    if (size > 1) out[n++] = (struct bad_pointer){ "straddling", straddling(size) };
    return n;
}
#define MAX_BAD_POINTERS 5

/* --------------------------------------------------------- bad handles */


static struct
{
    HANDLE event, file, pipe_read, pipe_write;
} objects;

static void make_objects(void)
{
    objects.event = CreateEventA(NULL, TRUE, FALSE, NULL);
    objects.file = make_temp_file();
    ok(objects.event && objects.file != INVALID_HANDLE_VALUE &&
       CreatePipe(&objects.pipe_read, &objects.pipe_write, NULL, 0), "cannot create the non-socket objects\n");
}

/* The non-socket objects must have survived every call made with them. */
static void check_and_close_objects(void)
{
    DWORD written = 0, available = 0;

    ok(SetEvent(objects.event), "the event was closed\n");
    ok(WriteFile(objects.file, "x", 1, &written, NULL) && written == 1, "the file was closed\n");
    ok(WriteFile(objects.pipe_write, "y", 1, &written, NULL) && written == 1, "the pipe's write end was closed\n");
    ok(PeekNamedPipe(objects.pipe_read, NULL, 0, NULL, &available, NULL) && available == 1,
       "the pipe's read end was closed or read (%lu bytes)\n", available);
    CloseHandle(objects.event);
    CloseHandle(objects.file);
    CloseHandle(objects.pipe_read);
    CloseHandle(objects.pipe_write);
}

/* A socket handle already closed (made again for each use, so its value is
 * fresh: handle values are reused). */
static SOCKET closed_socket(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);

    closesocket(s);
    return s;
}

enum handle_kind { kind_invalid, kind_zero, kind_event, kind_file, kind_pipe, kind_closed };

struct bad_handle
{
    const char *name;
    SOCKET s;
    enum handle_kind kind;
};

static unsigned int bad_handles(struct bad_handle *out)
{
    unsigned int n = 0;

    out[n++] = (struct bad_handle){ "INVALID_SOCKET", INVALID_SOCKET, kind_invalid };
    out[n++] = (struct bad_handle){ "0", 0, kind_zero };
    out[n++] = (struct bad_handle){ "an event", (SOCKET)objects.event, kind_event };
    out[n++] = (struct bad_handle){ "a file", (SOCKET)objects.file, kind_file };
    out[n++] = (struct bad_handle){ "a pipe", (SOCKET)objects.pipe_read, kind_pipe };
    out[n++] = (struct bad_handle){ "a closed socket", closed_socket(), kind_closed };
    return n;
}
#define MAX_BAD_HANDLES 6

/* ------------------------------------------------------------ sockets */

static SOCKADDR_IN loopback(USHORT port)
{
    SOCKADDR_IN in = { .sin_family = AF_INET, .sin_port = htons(port) };

    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return in;
}

static SOCKET bound_socket(int type, SOCKADDR_IN *address)
{
    SOCKET s = socket(AF_INET, type, 0);
    int length = sizeof(*address);

    *address = loopback(0);
    ok(!bind(s, (struct sockaddr *)address, sizeof(*address)), "bind failed, error %d\n", WSAGetLastError());
    ok(!getsockname(s, (struct sockaddr *)address, &length), "getsockname failed, error %d\n", WSAGetLastError());
    return s;
}

static SOCKET listening_socket(SOCKADDR_IN *address)
{
    SOCKET s = bound_socket(SOCK_STREAM, address);

    ok(!listen(s, 8), "listen failed, error %d\n", WSAGetLastError());
    return s;
}

static void set_nonblocking(SOCKET s)
{
    u_long on = 1;

    ok(!ioctlsocket(s, FIONBIO, &on), "FIONBIO failed, error %d\n", WSAGetLastError());
}

/* Waits until `s` has something to read (loopback delivery is quick but
 * not synchronous). */
static BOOL wait_readable(SOCKET s)
{
    struct timeval timeout = { 5, 0 };
    fd_set set;

    FD_ZERO(&set);
    FD_SET(s, &set);
    return select(0, &set, NULL, NULL, &timeout) == 1;
}

/* ----------------------------------------------- handles that are not sockets */

enum socket_function
{
    fn_accept, fn_wsaaccept, fn_bind, fn_connect, fn_wsaconnect, fn_getsockname, fn_getpeername, fn_fionbio,
    fn_fionread, fn_listen, fn_recv, fn_recvfrom, fn_send, fn_sendto, fn_shutdown, fn_select, fn_closesocket,
};

#define FN(f) (1u << fn_##f)

/* Wine's builtin sends the request to files and pipes as if they were
 * sockets, and answers WSAEOPNOTSUPP (or succeeds) for these. */
static BOOL builtin_misreads(enum handle_kind kind, enum socket_function function)
{
    static const unsigned int both = FN(accept) | FN(wsaaccept) | FN(bind) | FN(connect) | FN(wsaconnect) |
                                     FN(getsockname) | FN(fionbio) | FN(fionread) | FN(listen) | FN(shutdown) |
                                     FN(select);

    if (harness_impl != impl_wine_builtin) return FALSE;
    if (kind == kind_file) return !!(both & (1u << function));
    if (kind == kind_pipe) return !!((both | FN(recv) | FN(recvfrom)) & (1u << function));
    return FALSE;
}

#define check_not_socket(h, function, failed, ...) \
    todo_if(builtin_misreads((h)->kind, fn_##function)) check_error(failed, WSAENOTSOCK, __VA_ARGS__)

/* Every socket function refuses what is not a socket with WSAENOTSOCK
 * (each one's error table; for a file, sock.c test_sockopt_validity),
 * and leaves the object alone. */
static void test_not_sockets(void)
{
    struct bad_handle handles[MAX_BAD_HANDLES];
    SOCKADDR_IN address = loopback(9), name;
    struct timeval zero = { 0, 0 };
    unsigned int count = bad_handles(handles);
    char buffer[16];
    u_long arg = 1;
    fd_set set;
    int ret, length;

    for (unsigned int i = 0; i < count; i++)
    {
        const struct bad_handle *h = &handles[i];
        SOCKET s = h->s;
        const char *what = h->name;

        SetLastError(0xdeadbeef);
        check_not_socket(h, accept, accept(s, NULL, NULL) == INVALID_SOCKET, "accept on %s", what);
        SetLastError(0xdeadbeef);
        check_not_socket(h, wsaaccept, WSAAccept(s, NULL, NULL, NULL, 0) == INVALID_SOCKET, "WSAAccept on %s", what);
        SetLastError(0xdeadbeef);
        ret = bind(s, (struct sockaddr *)&address, sizeof(address));
        check_not_socket(h, bind, ret == SOCKET_ERROR, "bind on %s", what);
        SetLastError(0xdeadbeef);
        ret = connect(s, (struct sockaddr *)&address, sizeof(address));
        check_not_socket(h, connect, ret == SOCKET_ERROR, "connect on %s", what);
        SetLastError(0xdeadbeef);
        ret = WSAConnect(s, (struct sockaddr *)&address, sizeof(address), NULL, NULL, NULL, NULL);
        check_not_socket(h, wsaconnect, ret == SOCKET_ERROR, "WSAConnect on %s", what);
        length = sizeof(name);
        SetLastError(0xdeadbeef);
        ret = getsockname(s, (struct sockaddr *)&name, &length);
        check_not_socket(h, getsockname, ret == SOCKET_ERROR, "getsockname on %s", what);
        length = sizeof(name);
        SetLastError(0xdeadbeef);
        ret = getpeername(s, (struct sockaddr *)&name, &length);
        check_not_socket(h, getpeername, ret == SOCKET_ERROR, "getpeername on %s", what);
        SetLastError(0xdeadbeef);
        check_not_socket(h, fionbio, ioctlsocket(s, FIONBIO, &arg) == SOCKET_ERROR, "FIONBIO on %s", what);
        SetLastError(0xdeadbeef);
        check_not_socket(h, fionread, ioctlsocket(s, FIONREAD, &arg) == SOCKET_ERROR, "FIONREAD on %s", what);
        SetLastError(0xdeadbeef);
        check_not_socket(h, listen, listen(s, 1) == SOCKET_ERROR, "listen on %s", what);
        SetLastError(0xdeadbeef);
        check_not_socket(h, recv, recv(s, buffer, sizeof(buffer), 0) == SOCKET_ERROR, "recv on %s", what);
        length = sizeof(name);
        SetLastError(0xdeadbeef);
        ret = recvfrom(s, buffer, sizeof(buffer), 0, (struct sockaddr *)&name, &length);
        check_not_socket(h, recvfrom, ret == SOCKET_ERROR, "recvfrom on %s", what);
        SetLastError(0xdeadbeef);
        check_not_socket(h, send, send(s, "x", 1, 0) == SOCKET_ERROR, "send on %s", what);
        SetLastError(0xdeadbeef);
        ret = sendto(s, "x", 1, 0, (struct sockaddr *)&address, sizeof(address));
        check_not_socket(h, sendto, ret == SOCKET_ERROR, "sendto on %s", what);
        SetLastError(0xdeadbeef);
        check_not_socket(h, shutdown, shutdown(s, SD_BOTH) == SOCKET_ERROR, "shutdown on %s", what);

        /* In any of the three sets, which stay as they were (test_select). */
        for (int which = 0; which < 3; which++)
        {
            FD_ZERO(&set);
            FD_SET(s, &set);
            SetLastError(0xdeadbeef);
            ret = select(0, which == 0 ? &set : NULL, which == 1 ? &set : NULL, which == 2 ? &set : NULL, &zero);
            check_not_socket(h, select, ret == SOCKET_ERROR, "select on %s in set %d", what, which);
            ok(set.fd_count == 1 && set.fd_array[0] == s, "select on %s changed the set\n", what);
        }

        /* Last: closesocket must refuse it and leave it open. */
        SetLastError(0xdeadbeef);
        check_not_socket(h, closesocket, closesocket(s) == SOCKET_ERROR, "closesocket on %s", what);
    }
}

/* ------------------------------------------------------- bind and connect */

typedef int (WINAPI *address_function)(SOCKET s, const struct sockaddr *name, int namelen);

static int WINAPI wsaconnect(SOCKET s, const struct sockaddr *name, int namelen)
{
    return WSAConnect(s, name, namelen, NULL, NULL, NULL, NULL);
}

/* bind, connect and WSAConnect take an address in: WSAEFAULT for a missing
 * or short one (sock.c test_bind; each function's error table),
 * WSAEAFNOSUPPORT for an unknown family (test_bind). */
static void test_address_in(const char *function, address_function call)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    static const int short_lengths[] = { 0, 1, sizeof(SOCKADDR_IN) - 1, -1, INT_MIN };
    unsigned int count = bad_pointers(sizeof(SOCKADDR_IN), pointers);
    SOCKADDR_IN address = loopback(9);
    struct sockaddr_storage unknown = { .ss_family = 0xdead };
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    int ret;

    /* Wine's builtin connect faults on a NULL address. */
    if (call == bind || !builtin_faults("a NULL address"))
    {
        SetLastError(0xdeadbeef);
        check_error(call(s, NULL, 0) == SOCKET_ERROR, WSAEFAULT, "%s(NULL, 0)", function);
        SetLastError(0xdeadbeef);
        check_error(call(s, NULL, sizeof(address)) == SOCKET_ERROR, WSAEFAULT, "%s(NULL, 16)", function);
    }
    /* Wine's builtin connect takes a length of 0 for a disconnect, and
     * faults on negative ones. */
    for (size_t i = 0; i < ARRAYSIZE(short_lengths) && (call == bind || !builtin_faults("short lengths")); i++)
    {
        SetLastError(0xdeadbeef);
        ret = call(s, (struct sockaddr *)&address, short_lengths[i]);
        todo_if(harness_impl == impl_wine_builtin && short_lengths[i] < 0)
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "%s with namelen %d", function, short_lengths[i]);
    }
    for (unsigned int i = 0; i < count && !builtin_faults("unusable addresses"); i++)
    {
        SetLastError(0xdeadbeef);
        ret = call(s, pointers[i].ptr, sizeof(address));
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "%s with a %s address", function, pointers[i].name);
    }
    /* A length past the end of the caller's memory: not established for
     * Windows; WSAEFAULT, as for any address not all in the address space. */
    if (!builtin_faults("an address with namelen INT_MAX"))
    {
        SetLastError(0xdeadbeef);
        ret = call(s, (struct sockaddr *)&address, INT_MAX);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "%s with namelen INT_MAX", function);
    }
    SetLastError(0xdeadbeef);
    ret = call(s, (struct sockaddr *)&unknown, sizeof(unknown));
    todo_if(harness_impl == impl_wine_builtin && call != bind)
    check_error(ret == SOCKET_ERROR, WSAEAFNOSUPPORT, "%s with family 0xdead", function);
    closesocket(s);
}

static void test_bind_states(void)
{
    SOCKADDR_IN address;
    SOCKET s = bound_socket(SOCK_STREAM, &address);
    int ret;

    /* Already bound (sock.c test_bind). */
    SetLastError(0xdeadbeef);
    ret = bind(s, (struct sockaddr *)&address, sizeof(address));
    check_error(ret == SOCKET_ERROR, WSAEINVAL, "bind twice");
    closesocket(s);
}

static void test_connect_states(void)
{
    SOCKADDR_IN address;
    SOCKET listener = listening_socket(&address), client, server;
    WSABUF callee = { 16, NULL };
    int ret;

    /* A listening socket (sock.c test_connect). */
    SetLastError(0xdeadbeef);
    ret = connect(listener, (struct sockaddr *)&address, sizeof(address));
    check_error(ret == SOCKET_ERROR, WSAEINVAL, "connect on a listening socket");

    if (tcp_pair(NULL, &client, &server))
    {
        /* Already connected (test_connect). */
        SetLastError(0xdeadbeef);
        ret = connect(client, (struct sockaddr *)&address, sizeof(address));
        check_error(ret == SOCKET_ERROR, WSAEISCONN, "connect when connected");
        closesocket(client);
        closesocket(server);
    }

    /* WSAConnect's WSABUFs: documented WSAEFAULT for ones not in the
     * address space. ws2host supports no connect data, so only its own
     * answer for them is asserted. */
    client = socket(AF_INET, SOCK_STREAM, 0);
    if (harness_impl == impl_ws2host)
    {
        struct sockaddr *name = (struct sockaddr *)&address;

        SetLastError(0xdeadbeef);
        ret = WSAConnect(client, name, sizeof(address), (WSABUF *)memory.unmapped, NULL, NULL, NULL);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAConnect with unmapped caller data");
        SetLastError(0xdeadbeef);
        ret = WSAConnect(client, name, sizeof(address), NULL, (WSABUF *)memory.unmapped, NULL, NULL);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAConnect with unmapped callee data");
        SetLastError(0xdeadbeef);
        ret = WSAConnect(client, name, sizeof(address), NULL, straddling(sizeof(WSABUF)), NULL, NULL);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAConnect with straddling callee data");
    }
    /* With callee data of its own: TCP/IP returns none, length 0. */
    ret = WSAConnect(client, (struct sockaddr *)&address, sizeof(address), NULL, &callee, NULL, NULL);
    ok(!ret, "WSAConnect with callee data failed, error %d\n", WSAGetLastError());
    todo_builtin ok(!callee.len, "callee data length %lu\n", callee.len);
    closesocket(client);
    server = accept(listener, NULL, NULL);
    if (server != INVALID_SOCKET) closesocket(server);
    closesocket(listener);
}

/* ---------------------------------------------------------------- listen */

static void test_listen(void)
{
    static const int backlogs[] = { -2, 0, 1, SOMAXCONN, INT_MAX, INT_MIN };
    SOCKADDR_IN address;
    SOCKET s, client, server;
    int ret;

    /* Not a connection-oriented socket (sock.c test_listen). */
    s = socket(AF_INET, SOCK_DGRAM, 0);
    SetLastError(0xdeadbeef);
    todo_builtin_before(10) check_error(listen(s, 1) == SOCKET_ERROR, WSAEOPNOTSUPP, "listen on UDP");
    closesocket(s);

    /* Not bound, whatever the backlog (test_listen: -2, 1, SOMAXCONN). */
    s = socket(AF_INET, SOCK_STREAM, 0);
    for (size_t i = 0; i < ARRAYSIZE(backlogs); i++)
    {
        SetLastError(0xdeadbeef);
        check_error(listen(s, backlogs[i]) == SOCKET_ERROR, WSAEINVAL, "listen unbound, backlog %d", backlogs[i]);
    }
    closesocket(s);

    /* Bound: Windows clamps the backlog (documented for large values;
     * negative ones are not established and are clamped the same way). */
    s = bound_socket(SOCK_STREAM, &address);
    for (size_t i = 0; i < ARRAYSIZE(backlogs); i++)
        ok(!listen(s, backlogs[i]), "listen with backlog %d failed, error %d\n", backlogs[i], WSAGetLastError());
    closesocket(s);

    /* Connected (documented: WSAEISCONN). */
    if (tcp_pair(NULL, &client, &server))
    {
        SetLastError(0xdeadbeef);
        ret = listen(client, 1);
        todo_builtin check_error(ret == SOCKET_ERROR, WSAEISCONN, "listen when connected");
        closesocket(client);
        closesocket(server);
    }
}

/* ---------------------------------------------------------------- accept */

typedef SOCKET (WINAPI *accept_function)(SOCKET s, struct sockaddr *addr, int *addrlen);

static SOCKET WINAPI wsaaccept(SOCKET s, struct sockaddr *addr, int *addrlen)
{
    return WSAAccept(s, addr, addrlen, NULL, 0);
}

/* A listener with a connection waiting, non-blocking so a call that gets
 * past its checks returns at once. */
static SOCKET pending_listener(SOCKET *client)
{
    SOCKADDR_IN address;
    SOCKET listener = listening_socket(&address);

    set_nonblocking(listener);
    *client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(*client, (struct sockaddr *)&address, sizeof(address)), "connect failed, error %d\n",
       WSAGetLastError());
    ok(wait_readable(listener), "the connection is not pending\n");
    return listener;
}

/* One accept with a fresh connection waiting, so each case stands alone;
 * a failing call must not leave an accepted socket behind (the sweep's
 * handle count). Returns the call's result, closed. */
static BOOL accept_fails(accept_function call, struct sockaddr *addr, int *addrlen)
{
    SOCKET client, listener = pending_listener(&client), s;

    s = call(listener, addr, addrlen);
    if (s != INVALID_SOCKET) closesocket(s);
    closesocket(client);
    closesocket(listener);
    return s == INVALID_SOCKET;
}

static void test_accept_inputs(const char *function, accept_function call)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    static const int short_lengths[] = { 0, 1, sizeof(SOCKADDR_IN) - 1, -1, INT_MIN };
    unsigned int count;
    struct sockaddr_storage peer;
    BOOL failed;
    int length;

    /* addrlen too small (sock.c test_accept: 0, left as it was; the
     * documented WSAEFAULT for the others). */
    for (size_t i = 0; i < ARRAYSIZE(short_lengths); i++)
    {
        if (short_lengths[i] < 0 && builtin_faults("a negative addrlen")) continue;
        length = short_lengths[i];
        SetLastError(0xdeadbeef);
        failed = accept_fails(call, (struct sockaddr *)&peer, &length);
        check_error(failed, WSAEFAULT, "%s with addrlen %d", function, short_lengths[i]);
        ok(length == short_lengths[i], "%s changed addrlen %d to %d\n", function, short_lengths[i], length);
    }
    count = bad_pointers(sizeof(SOCKADDR_IN), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("unusable addresses"); i++)
    {
        length = sizeof(peer);
        SetLastError(0xdeadbeef);
        failed = accept_fails(call, pointers[i].ptr, &length);
        check_error(failed, WSAEFAULT, "%s into a %s address", function, pointers[i].name);
    }
    count = bad_pointers(sizeof(int), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("unusable address lengths"); i++)
    {
        SetLastError(0xdeadbeef);
        failed = accept_fails(call, (struct sockaddr *)&peer, pointers[i].ptr);
        check_error(failed, WSAEFAULT, "%s with a %s addrlen", function, pointers[i].name);
    }

    /* An address without its length is ignored (test_accept). */
    memset(&peer, 0xcc, sizeof(peer));
    failed = accept_fails(call, (struct sockaddr *)&peer, NULL);
    ok(!failed, "%s with addr and no addrlen failed, error %d\n", function, WSAGetLastError());
    ok((USHORT)peer.ss_family == 0xcccc, "%s wrote the address without addrlen\n", function);
}

static void test_accept_states(void)
{
    SOCKADDR_IN address;
    SOCKET s;

    /* Documented: WSAEINVAL before listen, WSAEOPNOTSUPP for a type that
     * has no connections. */
    s = socket(AF_INET, SOCK_STREAM, 0);
    SetLastError(0xdeadbeef);
    check_error(accept(s, NULL, NULL) == INVALID_SOCKET, WSAEINVAL, "accept on an unbound socket");
    closesocket(s);
    s = bound_socket(SOCK_STREAM, &address);
    SetLastError(0xdeadbeef);
    check_error(accept(s, NULL, NULL) == INVALID_SOCKET, WSAEINVAL, "accept before listen");
    closesocket(s);
    s = bound_socket(SOCK_DGRAM, &address);
    SetLastError(0xdeadbeef);
    check_error(accept(s, NULL, NULL) == INVALID_SOCKET, WSAEOPNOTSUPP, "accept on UDP");
    closesocket(s);
}

/* ------------------------------------------------- getsockname/getpeername */

typedef int (WINAPI *name_function)(SOCKET s, struct sockaddr *name, int *namelen);

/* A name out: WSAEFAULT for missing or short buffers, the length left as
 * it was (sock.c test_getsockname: sizeof - 1; test_getpeername). */
static void test_name_out(const char *function, name_function call, SOCKET s)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    static const int short_lengths[] = { 0, 1, sizeof(SOCKADDR_IN) - 1, -1, INT_MIN };
    SOCKADDR_IN name;
    unsigned int count;
    int length, ret;

    if (!builtin_faults("a NULL name or length"))
    {
        SetLastError(0xdeadbeef);
        check_error(call(s, NULL, NULL) == SOCKET_ERROR, WSAEFAULT, "%s(NULL, NULL)", function);
        length = sizeof(name);
        SetLastError(0xdeadbeef);
        check_error(call(s, NULL, &length) == SOCKET_ERROR, WSAEFAULT, "%s(NULL, &length)", function);
        SetLastError(0xdeadbeef);
        ret = call(s, (struct sockaddr *)&name, NULL);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "%s(&name, NULL)", function);
    }
    for (size_t i = 0; i < ARRAYSIZE(short_lengths); i++)
    {
        /* Negative lengths: Wine's builtin getpeername faults, its
         * getsockname says WSAEINVAL. */
        if (short_lengths[i] < 0 && call == getpeername && builtin_faults("a negative namelen")) continue;
        length = short_lengths[i];
        SetLastError(0xdeadbeef);
        ret = call(s, (struct sockaddr *)&name, &length);
        todo_if(harness_impl == impl_wine_builtin && short_lengths[i] < 0)
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "%s with namelen %d", function, short_lengths[i]);
        ok(length == short_lengths[i], "%s changed namelen %d to %d\n", function, short_lengths[i], length);
    }
    count = bad_pointers(sizeof(name), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("unusable names"); i++)
    {
        length = sizeof(name);
        SetLastError(0xdeadbeef);
        ret = call(s, pointers[i].ptr, &length);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "%s into a %s name", function, pointers[i].name);
    }
    count = bad_pointers(sizeof(int), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("unusable name lengths"); i++)
    {
        SetLastError(0xdeadbeef);
        ret = call(s, (struct sockaddr *)&name, pointers[i].ptr);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "%s with a %s namelen", function, pointers[i].name);
    }
}

static void test_names(void)
{
    SOCKADDR_IN address, name;
    SOCKET s, client, server, udp;
    int length = sizeof(name), ret;

    s = bound_socket(SOCK_STREAM, &address);
    test_name_out("getsockname", getsockname, s);
    closesocket(s);
    if (tcp_pair(NULL, &client, &server))
    {
        test_name_out("getpeername", getpeername, client);
        closesocket(client);
        closesocket(server);
    }

    /* Not connected: WSAENOTCONN before the buffers are looked at, and
     * still after a sendto (sock.c test_getpeername, a UDP socket). */
    udp = socket(AF_INET, SOCK_DGRAM, 0);
    SetLastError(0xdeadbeef);
    ret = getpeername(udp, NULL, NULL);
    todo_builtin_before(10) check_error(ret == SOCKET_ERROR, WSAENOTCONN, "getpeername unconnected, NULL buffers");
    address = loopback(9);
    sendto(udp, "x", 1, 0, (struct sockaddr *)&address, sizeof(address));
    SetLastError(0xdeadbeef);
    ret = getpeername(udp, NULL, NULL);
    todo_builtin_before(10) check_error(ret == SOCKET_ERROR, WSAENOTCONN, "getpeername after sendto");
    closesocket(udp);

    /* Not bound: by the same order, WSAEINVAL before the buffers (not
     * established for Windows). */
    s = socket(AF_INET, SOCK_STREAM, 0);
    SetLastError(0xdeadbeef);
    ret = getsockname(s, NULL, NULL);
    todo_builtin check_error(ret == SOCKET_ERROR, WSAEINVAL, "getsockname unbound, NULL buffers");
    SetLastError(0xdeadbeef);
    check_error(getpeername(s, (struct sockaddr *)&name, &length) == SOCKET_ERROR, WSAENOTCONN,
                "getpeername unconnected TCP");
    closesocket(s);
    s = listening_socket(&address);
    length = sizeof(name);
    SetLastError(0xdeadbeef);
    check_error(getpeername(s, (struct sockaddr *)&name, &length) == SOCKET_ERROR, WSAENOTCONN,
                "getpeername on a listening socket");
    closesocket(s);
}

/* ------------------------------------------------------ send and receive */

/* Nothing arrived at `s` (non-blocking). */
static BOOL nothing_waiting(SOCKET s)
{
    u_long available = 1;

    Sleep(50);
    return !ioctlsocket(s, FIONREAD, &available) && !available;
}

static void test_receive_buffers(SOCKET client, SOCKET server)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    unsigned int count = bad_pointers(16, pointers);
    char buffer[16] = "";
    int ret;

    send(server, "hello", 5, 0);
    ok(wait_readable(client), "no data arrived\n");

    /* Documented: WSAEFAULT for a buffer not all in the address space; the
     * data stays for the next receive. */
    SetLastError(0xdeadbeef);
    check_error(recv(client, NULL, 16, 0) == SOCKET_ERROR, WSAEFAULT, "recv into NULL");
    for (unsigned int i = 0; i < count; i++)
    {
        SetLastError(0xdeadbeef);
        ret = recv(client, pointers[i].ptr, 16, 0);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "recv into a %s buffer", pointers[i].name);
    }
    /* A negative length is a huge unsigned one: not established for
     * Windows, WSAEFAULT (the buffer cannot be that long). */
    SetLastError(0xdeadbeef);
    check_error(recv(client, buffer, -1, 0) == SOCKET_ERROR, WSAEFAULT, "recv with length -1");
    SetLastError(0xdeadbeef);
    check_error(recv(client, buffer, INT_MIN, 0) == SOCKET_ERROR, WSAEFAULT, "recv with length INT_MIN");
    /* No buffer at all for no bytes (sock.c test_empty_recv). */
    ok(recv(client, NULL, 0, 0) == 0, "recv of 0 bytes into NULL failed, error %d\n", WSAGetLastError());

    ret = recv(client, buffer, sizeof(buffer), 0);
    ok(ret == 5 && !memcmp(buffer, "hello", 5), "the data did not survive the failed receives: %d\n", ret);

    /* A length past the end of the buffer: WSAEFAULT (not established for
     * Windows; Wine's builtin receives what fits). */
    send(server, "again", 5, 0);
    ok(wait_readable(client), "no data arrived\n");
    SetLastError(0xdeadbeef);
    ret = recv(client, buffer, INT_MAX, 0);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "recv with length INT_MAX");
    if (ret == SOCKET_ERROR) recv(client, buffer, sizeof(buffer), 0);
}

static void test_send_buffers(SOCKET client, SOCKET server)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    unsigned int count = bad_pointers(16, pointers);
    int ret;

    /* Documented: WSAEFAULT, and nothing is sent. */
    SetLastError(0xdeadbeef);
    check_error(send(client, NULL, 16, 0) == SOCKET_ERROR, WSAEFAULT, "send from NULL");
    for (unsigned int i = 0; i < count; i++)
    {
        SetLastError(0xdeadbeef);
        ret = send(client, pointers[i].ptr, 16, 0);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "send from a %s buffer", pointers[i].name);
    }
    SetLastError(0xdeadbeef);
    ret = send(client, "x", -1, 0);
    todo_builtin_before(10) check_error(ret == SOCKET_ERROR, WSAEFAULT, "send with length -1");
    SetLastError(0xdeadbeef);
    ret = send(client, "x", INT_MIN, 0);
    todo_builtin_before(10) check_error(ret == SOCKET_ERROR, WSAEFAULT, "send with length INT_MIN");
    todo_builtin ok(nothing_waiting(server), "a failed send delivered data\n");
    SetLastError(0xdeadbeef);
    ret = send(client, "x", INT_MAX, 0);
    todo_builtin_before(10) check_error(ret == SOCKET_ERROR, WSAEFAULT, "send with length INT_MAX");
}

static void test_stream_io(void)
{
    SOCKET client, server;
    SOCKADDR_IN from;
    char buffer[32];
    int from_length = 0xc0ffee11, ret;
    SOCKADDR_IN garbage;

    if (!tcp_pair(NULL, &client, &server)) return;
    set_nonblocking(client);
    set_nonblocking(server);
    test_receive_buffers(client, server);
    test_send_buffers(client, server);

    /* Connection-oriented sockets ignore the addresses of sendto and
     * recvfrom, whatever they hold (sock.c test_tcp_sendto_recvfrom). */
    memset(&garbage, 0xfe, sizeof(garbage));
    ret = sendto(server, "data", 4, 0, (struct sockaddr *)&garbage, sizeof(garbage));
    todo_builtin_before(10) ok(ret == 4, "sendto on TCP with a garbage address: %d, error %d\n", ret, WSAGetLastError());
    if (ret != 4) send(server, "data", 4, 0);
    ok(wait_readable(client), "no data arrived\n");
    memset(&from, 0xcc, sizeof(from));
    ret = recvfrom(client, buffer, sizeof(buffer), 0, (struct sockaddr *)&from, &from_length);
    ok(ret == 4, "recvfrom on TCP with a garbage length: %d, error %d\n", ret, WSAGetLastError());
    ok(from_length == (int)0xc0ffee11 && (USHORT)from.sin_family == 0xcccc, "recvfrom on TCP wrote the address\n");
    closesocket(client);
    closesocket(server);
}

/* Exactly one datagram waits at b (non-blocking). */
static void datagram_waiting(SOCKET a, SOCKET b, const SOCKADDR_IN *b_address)
{
    char buffer[16];

    while (recv(b, buffer, sizeof(buffer), 0) >= 0 || WSAGetLastError() == WSAEMSGSIZE);
    ok(sendto(a, "dgram", 5, 0, (const struct sockaddr *)b_address, sizeof(*b_address)) == 5,
       "sendto failed, error %d\n", WSAGetLastError());
    ok(wait_readable(b), "no datagram arrived\n");
}

static void test_datagram_io(void)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    static const int short_lengths[] = { 0, 1, sizeof(SOCKADDR_IN) - 1, -1, INT_MIN };
    struct sockaddr_storage unknown = { .ss_family = 0xdead };
    SOCKADDR_IN a_address, b_address, from;
    SOCKET a = bound_socket(SOCK_DGRAM, &a_address), b = bound_socket(SOCK_DGRAM, &b_address);
    unsigned int count;
    char buffer[16];
    int length, ret;

    set_nonblocking(b);
    /* Documented for sendto: WSAEFAULT for a missing or short address,
     * WSAEAFNOSUPPORT for another family. */
    for (size_t i = 0; i < ARRAYSIZE(short_lengths); i++)
    {
        SetLastError(0xdeadbeef);
        ret = sendto(a, "x", 1, 0, (struct sockaddr *)&b_address, short_lengths[i]);
        todo_if(harness_impl == impl_wine_builtin && short_lengths[i] < 0)
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "sendto with tolen %d", short_lengths[i]);
    }
    count = bad_pointers(sizeof(SOCKADDR_IN), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("sendto unusable addresses"); i++)
    {
        SetLastError(0xdeadbeef);
        ret = sendto(a, "x", 1, 0, pointers[i].ptr, sizeof(SOCKADDR_IN));
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "sendto to a %s address", pointers[i].name);
    }
    SetLastError(0xdeadbeef);
    ret = sendto(a, "x", 1, 0, (struct sockaddr *)&unknown, sizeof(unknown));
    todo_builtin check_error(ret == SOCKET_ERROR, WSAEAFNOSUPPORT, "sendto to family 0xdead");
    SetLastError(0xdeadbeef);
    ret = sendto(a, NULL, 4, 0, (struct sockaddr *)&b_address, sizeof(b_address));
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "sendto from NULL");
    todo_builtin ok(nothing_waiting(b), "a failed sendto delivered a datagram\n");

    /* recvfrom: WSAEFAULT for the address or its length (documented), and
     * the datagram stays. */
    count = bad_pointers(sizeof(SOCKADDR_IN), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("recvfrom into unusable addresses"); i++)
    {
        datagram_waiting(a, b, &b_address);
        length = sizeof(from);
        SetLastError(0xdeadbeef);
        ret = recvfrom(b, buffer, sizeof(buffer), 0, pointers[i].ptr, &length);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "recvfrom into a %s address", pointers[i].name);
    }
    count = bad_pointers(sizeof(int), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("recvfrom with unusable lengths"); i++)
    {
        datagram_waiting(a, b, &b_address);
        SetLastError(0xdeadbeef);
        ret = recvfrom(b, buffer, sizeof(buffer), 0, (struct sockaddr *)&from, pointers[i].ptr);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "recvfrom with a %s fromlen", pointers[i].name);
    }
    datagram_waiting(a, b, &b_address);
    SetLastError(0xdeadbeef);
    ret = recvfrom(b, NULL, 16, 0, NULL, NULL);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "recvfrom into NULL");
    length = sizeof(from);
    ret = recvfrom(b, buffer, sizeof(buffer), 0, (struct sockaddr *)&from, &length);
    ok(ret == 5 && !memcmp(buffer, "dgram", 5), "the datagram did not survive: %d\n", ret);
    closesocket(a);
    closesocket(b);
}

/* ----------------------------------------------------------------- state */

static void test_io_states(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0), client, server, a, b;
    SOCKADDR_IN a_address, b_address;
    char buffer[8];
    int ret;

    /* Documented: WSAENOTCONN on a stream socket never connected. */
    set_nonblocking(s);
    SetLastError(0xdeadbeef);
    check_error(recv(s, buffer, sizeof(buffer), 0) == SOCKET_ERROR, WSAENOTCONN, "recv unconnected");
    SetLastError(0xdeadbeef);
    ret = send(s, "x", 1, 0);
    todo_builtin check_error(ret == SOCKET_ERROR, WSAENOTCONN, "send unconnected");
    closesocket(s);

    /* After shutdown, WSAESHUTDOWN in that direction (sock.c test_shutdown). */
    if (tcp_pair(NULL, &client, &server))
    {
        set_nonblocking(server);
        ok(!shutdown(server, SD_RECEIVE), "shutdown(SD_RECEIVE) failed, error %d\n", WSAGetLastError());
        SetLastError(0xdeadbeef);
        ret = recv(server, buffer, sizeof(buffer), 0);
        check_error(ret == SOCKET_ERROR, WSAESHUTDOWN, "recv after SD_RECEIVE");
        ok(!shutdown(client, SD_SEND), "shutdown(SD_SEND) failed, error %d\n", WSAGetLastError());
        SetLastError(0xdeadbeef);
        check_error(send(client, "x", 1, 0) == SOCKET_ERROR, WSAESHUTDOWN, "send after SD_SEND");
        ok(!shutdown(client, SD_BOTH), "shutdown(SD_BOTH) failed, error %d\n", WSAGetLastError());
        SetLastError(0xdeadbeef);
        ret = recv(client, buffer, sizeof(buffer), 0);
        check_error(ret == SOCKET_ERROR, WSAESHUTDOWN, "recv after SD_BOTH");
        closesocket(client);
        closesocket(server);
    }

    /* Datagram sockets shut down without a connection (test_shutdown). */
    a = bound_socket(SOCK_DGRAM, &a_address);
    b = socket(AF_INET, SOCK_DGRAM, 0);
    set_nonblocking(a);
    SetLastError(0xdeadbeef);
    ret = shutdown(a, SD_RECEIVE);
    ok(!ret, "UDP shutdown(SD_RECEIVE) failed, error %d\n", WSAGetLastError());
    SetLastError(0xdeadbeef);
    ret = recvfrom(a, buffer, sizeof(buffer), 0, NULL, NULL);
    check_error(ret == SOCKET_ERROR, WSAESHUTDOWN, "UDP recvfrom after SD_RECEIVE");
    ok(!shutdown(b, SD_SEND), "UDP shutdown(SD_SEND) failed, error %d\n", WSAGetLastError());
    ok(!shutdown(b, SD_SEND), "second UDP shutdown(SD_SEND) failed, error %d\n", WSAGetLastError());
    b_address = a_address;
    SetLastError(0xdeadbeef);
    ret = sendto(b, "x", 1, 0, (struct sockaddr *)&b_address, sizeof(b_address));
    check_error(ret == SOCKET_ERROR, WSAESHUTDOWN, "UDP sendto after SD_SEND");
    closesocket(a);
    closesocket(b);
}

static void test_shutdown(void)
{
    static const int hows[] = { -1, 3, 0xdeadbeef, INT_MAX, INT_MIN };
    SOCKADDR_IN address;
    SOCKET s, client, server;

    /* An unknown direction (sock.c test_shutdown: 0xdeadbeef). */
    if (tcp_pair(NULL, &client, &server))
    {
        for (size_t i = 0; i < ARRAYSIZE(hows); i++)
        {
            SetLastError(0xdeadbeef);
            check_error(shutdown(client, hows[i]) == SOCKET_ERROR, WSAEINVAL, "shutdown how %d", hows[i]);
        }
        closesocket(client);
        closesocket(server);
    }

    /* Stream sockets that are not connected, listening ones included
     * (test_shutdown). */
    s = socket(AF_INET, SOCK_STREAM, 0);
    SetLastError(0xdeadbeef);
    check_error(shutdown(s, SD_SEND) == SOCKET_ERROR, WSAENOTCONN, "shutdown(SD_SEND) unconnected");
    SetLastError(0xdeadbeef);
    check_error(shutdown(s, SD_RECEIVE) == SOCKET_ERROR, WSAENOTCONN, "shutdown(SD_RECEIVE) unconnected");
    closesocket(s);
    s = listening_socket(&address);
    SetLastError(0xdeadbeef);
    check_error(shutdown(s, SD_SEND) == SOCKET_ERROR, WSAENOTCONN, "shutdown(SD_SEND) on a listener");
    SetLastError(0xdeadbeef);
    check_error(shutdown(s, SD_RECEIVE) == SOCKET_ERROR, WSAENOTCONN, "shutdown(SD_RECEIVE) on a listener");
    closesocket(s);
}

/* ----------------------------------------------------------- ioctlsocket */

static void test_ioctlsocket(void)
{
    static const long commands[] = { FIONBIO, FIONREAD, SIOCATMARK };
    static const char *const names[] = { "FIONBIO", "FIONREAD", "SIOCATMARK" };
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    unsigned int count = bad_pointers(sizeof(u_long), pointers);
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    u_long arg = 0;
    int ret;

    /* Documented WSAEFAULT for argp; sock.c test_fionbio and
     * test_fionread_siocatmark pass (u_long *)1. */
    for (size_t c = 0; c < ARRAYSIZE(commands); c++)
    {
        SetLastError(0xdeadbeef);
        check_error(ioctlsocket(s, commands[c], NULL) == SOCKET_ERROR, WSAEFAULT, "%s with NULL", names[c]);
        for (unsigned int i = 0; i < count; i++)
        {
            SetLastError(0xdeadbeef);
            ret = ioctlsocket(s, commands[c], pointers[i].ptr);
            check_error(ret == SOCKET_ERROR, WSAEFAULT, "%s with a %s argument", names[c], pointers[i].name);
        }
    }
    /* An unknown command: WSAEOPNOTSUPP, as WSAIoctl answers unknown codes
     * (sock.c test_unsupported_ioctls); ioctlsocket's own table says
     * WSAEINVAL, which Windows is not shown to give. */
    SetLastError(0xdeadbeef);
    check_error(ioctlsocket(s, 0xdeadbeef, &arg) == SOCKET_ERROR, WSAEOPNOTSUPP, "ioctlsocket(0xdeadbeef)");
    closesocket(s);
}

/* ---------------------------------------------------------------- select */

static void test_select(void)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    struct timeval zero = { 0, 0 };
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
    unsigned int count;
    fd_set set, *edge;
    int ret;

    /* No socket at all (sock.c test_select). */
    SetLastError(0xdeadbeef);
    check_error(select(0, NULL, NULL, NULL, &zero) == SOCKET_ERROR, WSAEINVAL, "select with no sets");
    FD_ZERO(&set);
    SetLastError(0xdeadbeef);
    check_error(select(0, &set, &set, &set, &zero) == SOCKET_ERROR, WSAEINVAL, "select with empty sets");

    /* Documented: WSAEFAULT for sets or a timeout not in the address space. */
    count = bad_pointers(sizeof(fd_set), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("unusable sets"); i++)
    {
        SetLastError(0xdeadbeef);
        ret = select(0, pointers[i].ptr, NULL, NULL, &zero);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "select with a %s set", pointers[i].name);
    }
    FD_ZERO(&set);
    FD_SET(s, &set);
    count = bad_pointers(sizeof(struct timeval), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("unusable timeouts"); i++)
    {
        SetLastError(0xdeadbeef);
        ret = select(0, NULL, &set, NULL, pointers[i].ptr);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "select with a %s timeout", pointers[i].name);
    }

    /* Only fd_count entries are read: a set ending at the readable page's
     * end is fine (test_select); one whose entries run past it is not. */
    edge = (fd_set *)(memory.page + 0x1000 - offsetof(fd_set, fd_array[1]));
    edge->fd_count = 1;
    edge->fd_array[0] = s;
    ret = select(0, NULL, edge, NULL, &zero);
    ok(ret == 1, "select with a set ending at a page end: %d, error %d\n", ret, WSAGetLastError());
    if (!builtin_faults("a set running past a page end"))
    {
        edge->fd_count = 2;
        SetLastError(0xdeadbeef);
        ret = select(0, NULL, edge, NULL, &zero);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "select with a set running past a page end");
    }
    /* A count far larger than the set (not established for Windows). */
    if (!builtin_faults("an fd_set with fd_count 0x7fffffff"))
    {
        FD_ZERO(&set);
        FD_SET(s, &set);
        set.fd_count = 0x7fffffff;
        SetLastError(0xdeadbeef);
        ret = select(0, &set, NULL, NULL, &zero);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "select with fd_count 0x7fffffff");
    }
    closesocket(s);
}

/* FD_ISSET on a set that cannot be read: no crash, and no socket in it
 * (our choice: Windows' answer is not known). Found by a fuzz run. */
static void test_fd_isset(void)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
    unsigned int count;
    fd_set *edge;

    if (!builtin_faults("__WSAFDIsSet of NULL")) ok(!__WSAFDIsSet(s, NULL), "__WSAFDIsSet of NULL is set\n");
    count = bad_pointers(sizeof(fd_set), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("__WSAFDIsSet of unreadable sets"); i++)
        ok(!__WSAFDIsSet(s, pointers[i].ptr), "__WSAFDIsSet of a %s set is set\n", pointers[i].name);

    /* Only fd_count entries are read: a set ending at the readable page's
     * end is readable; one whose entries run past it is not. */
    edge = (fd_set *)(memory.page + 0x1000 - offsetof(fd_set, fd_array[1]));
    edge->fd_count = 1;
    edge->fd_array[0] = s;
    ok(__WSAFDIsSet(s, edge), "__WSAFDIsSet of a set ending at a page end is not set\n");
    ok(!__WSAFDIsSet(s + 4, edge), "__WSAFDIsSet of another socket is set\n");
    if (!builtin_faults("__WSAFDIsSet of a set running past a page end"))
    {
        edge->fd_count = 2;
        ok(!__WSAFDIsSet(s, edge), "__WSAFDIsSet of a set running past a page end is set\n");
    }
    closesocket(s);
}

/* ---------------------------------------------------------------- names */

static void test_getaddrinfo(void)
{
    ADDRINFOA hints = { .ai_flags = AI_NUMERICHOST, .ai_family = AF_INET }, *result;
    ADDRINFOW hints_w = { .ai_flags = AI_NUMERICHOST, .ai_family = AF_INET }, *result_w;
    ADDRINFOEXW hints_ex = { .ai_flags = AI_NUMERICHOST, .ai_family = AF_INET }, *result_ex;
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    unsigned int count;
    char long_name[2048];
    int ret;

    /* Nothing to look up (protocol.c test_getaddrinfo): the result is
     * cleared, the error both returned and left as the last error. */
    result = (ADDRINFOA *)0xdeadbeef;
    SetLastError(0xdeadbeef);
    ret = getaddrinfo(NULL, NULL, NULL, &result);
    ok(ret == WSAHOST_NOT_FOUND && WSAGetLastError() == ret && !result, "getaddrinfo(NULL, NULL): %d, error %d\n",
       ret, WSAGetLastError());
    result_w = (ADDRINFOW *)0xdeadbeef;
    ret = GetAddrInfoW(NULL, NULL, NULL, &result_w);
    ok(ret == WSAHOST_NOT_FOUND && !result_w, "GetAddrInfoW(NULL, NULL): %d\n", ret);
    result_ex = (ADDRINFOEXW *)0xdeadbeef;
    ret = GetAddrInfoExW(NULL, NULL, NS_DNS, NULL, NULL, &result_ex, NULL, NULL, NULL, NULL);
    ok(ret == WSAHOST_NOT_FOUND && !result_ex, "GetAddrInfoExW(NULL, NULL): %d\n", ret);

    /* Hints out of range (protocol.c: socket type 999; a protocol of 999
     * is accepted). */
    hints.ai_socktype = 999;
    ret = getaddrinfo("127.0.0.1", NULL, &hints, &result);
    ok(ret == WSAESOCKTNOSUPPORT, "socket type 999: %d\n", ret);
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = 999;
    ret = getaddrinfo("127.0.0.1", NULL, &hints, &result);
    ok(!ret, "protocol 999: %d\n", ret);
    if (!ret)
    {
        ok(result->ai_protocol == 999, "protocol 999 came back as %d\n", result->ai_protocol);
        freeaddrinfo(result);
    }
    hints.ai_protocol = 0;
    hints.ai_socktype = 0;

    /* A very long name where only numbers are allowed: not found, and no
     * lookup. */
    memset(long_name, '1', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = 0;
    ret = getaddrinfo(long_name, NULL, &hints, &result);
    ok(ret == WSAHOST_NOT_FOUND, "a 2047-digit numeric host: %d\n", ret);

    /* Pointers that cannot be used. Windows' answer is not established
     * (getaddrinfo documents no WSAEFAULT); ws2host gives WSAEFAULT, the
     * Winsock error for a bad pointer, and Wine's builtin faults. */
    if (harness_impl != impl_ws2host)
    {
        skip("getaddrinfo with unusable pointers: only ws2host promises WSAEFAULT\n");
        return;
    }
    count = bad_pointers(sizeof(ADDRINFOEXW), pointers);
    for (unsigned int i = 0; i < count; i++)
    {
        ret = getaddrinfo("127.0.0.1", NULL, pointers[i].ptr, &result);
        ok(ret == WSAEFAULT && WSAGetLastError() == WSAEFAULT, "getaddrinfo with %s hints: %d\n", pointers[i].name,
           ret);
        ret = GetAddrInfoW(L"127.0.0.1", NULL, (ADDRINFOW *)pointers[i].ptr, &result_w);
        ok(ret == WSAEFAULT, "GetAddrInfoW with %s hints: %d\n", pointers[i].name, ret);
        ret = GetAddrInfoExW(L"127.0.0.1", NULL, NS_DNS, NULL, (ADDRINFOEXW *)pointers[i].ptr, &result_ex, NULL,
                             NULL, NULL, NULL);
        ok(ret == WSAEFAULT, "GetAddrInfoExW with %s hints: %d\n", pointers[i].name, ret);
    }
    count = bad_pointers(sizeof(void *), pointers);
    for (unsigned int i = 0; i < count; i++)
    {
        ret = getaddrinfo("127.0.0.1", NULL, &hints, pointers[i].ptr);
        ok(ret == WSAEFAULT, "getaddrinfo into a %s result: %d\n", pointers[i].name, ret);
        ret = GetAddrInfoW(L"127.0.0.1", NULL, &hints_w, pointers[i].ptr);
        ok(ret == WSAEFAULT, "GetAddrInfoW into a %s result: %d\n", pointers[i].name, ret);
        ret = GetAddrInfoExW(L"127.0.0.1", NULL, NS_DNS, NULL, &hints_ex, pointers[i].ptr, NULL, NULL, NULL, NULL);
        ok(ret == WSAEFAULT, "GetAddrInfoExW into a %s result: %d\n", pointers[i].name, ret);
    }
    ret = getaddrinfo("127.0.0.1", NULL, &hints, NULL);
    ok(ret == WSAEFAULT, "getaddrinfo into NULL: %d\n", ret);
    ret = GetAddrInfoW(L"127.0.0.1", NULL, &hints_w, NULL);
    ok(ret == WSAEFAULT, "GetAddrInfoW into NULL: %d\n", ret);
    count = bad_pointers(2, pointers);
    for (unsigned int i = 0; i < count; i++)
    {
        ret = getaddrinfo(pointers[i].ptr, NULL, &hints, &result);
        ok(ret == WSAEFAULT, "getaddrinfo with a %s node: %d\n", pointers[i].name, ret);
        ret = getaddrinfo("127.0.0.1", pointers[i].ptr, &hints, &result);
        ok(ret == WSAEFAULT, "getaddrinfo with a %s service: %d\n", pointers[i].name, ret);
        ret = GetAddrInfoW(pointers[i].ptr, NULL, &hints_w, &result_w);
        ok(ret == WSAEFAULT, "GetAddrInfoW with a %s node: %d\n", pointers[i].name, ret);
        ret = GetAddrInfoW(L"127.0.0.1", pointers[i].ptr, &hints_w, &result_w);
        ok(ret == WSAEFAULT, "GetAddrInfoW with a %s service: %d\n", pointers[i].name, ret);
        ret = GetAddrInfoExW(pointers[i].ptr, NULL, NS_DNS, NULL, &hints_ex, &result_ex, NULL, NULL, NULL, NULL);
        ok(ret == WSAEFAULT, "GetAddrInfoExW with a %s name: %d\n", pointers[i].name, ret);
    }
    ret = getaddrinfo(straddling_string("127.0.0.1"), NULL, &hints, &result);
    ok(ret == WSAEFAULT, "getaddrinfo with an unterminated node: %d\n", ret);
    ret = GetAddrInfoW(straddling_wstring(L"127.0.0.1"), NULL, &hints_w, &result_w);
    ok(ret == WSAEFAULT, "GetAddrInfoW with an unterminated node: %d\n", ret);
    /* Freeing nothing is nothing. */
    freeaddrinfo(NULL);
    FreeAddrInfoW(NULL);
    FreeAddrInfoExW(NULL);
}

static void test_getnameinfo(void)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    SOCKADDR_IN in = loopback(80);
    char host[NI_MAXHOST], service[NI_MAXSERV];
    WCHAR host_w[NI_MAXHOST];
    unsigned int count;
    int ret;

    /* Documented (EAI_BADFLAGS): a host or service asked for with a buffer
     * of length 0 is WSAEINVAL. */
    ret = getnameinfo((struct sockaddr *)&in, sizeof(in), host, 0, NULL, 0, NI_NUMERICHOST);
    todo_builtin ok(ret == WSAEINVAL, "getnameinfo with hostlen 0: %d\n", ret);
    ret = getnameinfo((struct sockaddr *)&in, sizeof(in), NULL, 0, service, 0, NI_NUMERICSERV);
    todo_builtin ok(ret == WSAEINVAL, "getnameinfo with servlen 0: %d\n", ret);
    ret = GetNameInfoW((SOCKADDR *)&in, sizeof(in), host_w, 0, NULL, 0, NI_NUMERICHOST);
    todo_builtin ok(ret == WSAEINVAL, "GetNameInfoW with hostlen 0: %d\n", ret);

    /* Pointers that cannot be used: WSAEFAULT, the Winsock error for a bad
     * pointer (not established for Windows; Wine's builtin faults). */
    if (harness_impl != impl_ws2host)
    {
        skip("getnameinfo with unusable pointers: only ws2host promises WSAEFAULT\n");
        return;
    }
    ret = getnameinfo(NULL, sizeof(in), host, sizeof(host), NULL, 0, NI_NUMERICHOST);
    ok(ret == WSAEFAULT && WSAGetLastError() == WSAEFAULT, "getnameinfo(NULL): %d\n", ret);
    count = bad_pointers(sizeof(in), pointers);
    for (unsigned int i = 0; i < count; i++)
    {
        ret = getnameinfo(pointers[i].ptr, sizeof(in), host, sizeof(host), NULL, 0, NI_NUMERICHOST);
        ok(ret == WSAEFAULT, "getnameinfo of a %s address: %d\n", pointers[i].name, ret);
        ret = GetNameInfoW(pointers[i].ptr, sizeof(in), host_w, ARRAYSIZE(host_w), NULL, 0, NI_NUMERICHOST);
        ok(ret == WSAEFAULT, "GetNameInfoW of a %s address: %d\n", pointers[i].name, ret);
    }
    count = bad_pointers(16, pointers);
    for (unsigned int i = 0; i < count; i++)
    {
        ret = getnameinfo((struct sockaddr *)&in, sizeof(in), pointers[i].ptr, 16, NULL, 0, NI_NUMERICHOST);
        ok(ret == WSAEFAULT, "getnameinfo into a %s host buffer: %d\n", pointers[i].name, ret);
        ret = getnameinfo((struct sockaddr *)&in, sizeof(in), NULL, 0, pointers[i].ptr, 16, NI_NUMERICSERV);
        ok(ret == WSAEFAULT, "getnameinfo into a %s service buffer: %d\n", pointers[i].name, ret);
        ret = GetNameInfoW((SOCKADDR *)&in, sizeof(in), pointers[i].ptr, 8, NULL, 0, NI_NUMERICHOST);
        ok(ret == WSAEFAULT, "GetNameInfoW into a %s host buffer: %d\n", pointers[i].name, ret);
        ret = GetNameInfoW((SOCKADDR *)&in, sizeof(in), NULL, 0, pointers[i].ptr, 8, NI_NUMERICSERV);
        ok(ret == WSAEFAULT, "GetNameInfoW into a %s service buffer: %d\n", pointers[i].name, ret);
    }
    /* A host buffer too small for the name. */
    ret = getnameinfo((struct sockaddr *)&in, sizeof(in), host, 4, NULL, 0, NI_NUMERICHOST);
    ok(ret == WSAEFAULT, "getnameinfo into 4 bytes: %d\n", ret);
    ret = GetNameInfoW((SOCKADDR *)&in, sizeof(in), host_w, 4, NULL, 0, NI_NUMERICHOST);
    ok(ret == WSAEFAULT, "GetNameInfoW into 4 characters: %d\n", ret);
    /* A length larger than any address, and a negative one. */
    ret = getnameinfo((struct sockaddr *)&in, INT_MAX, host, sizeof(host), NULL, 0, NI_NUMERICHOST);
    ok(ret == WSAEFAULT, "getnameinfo with length INT_MAX: %d\n", ret);
    ret = getnameinfo((struct sockaddr *)&in, -1, host, sizeof(host), NULL, 0, NI_NUMERICHOST);
    ok(ret == WSAEFAULT, "getnameinfo with length -1: %d\n", ret);
}

static void test_host_names(void)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    static const int short_lengths[] = { 0, 1, -1, INT_MIN };
    unsigned int count = bad_pointers(4, pointers);
    char name[256];
    WCHAR name_w[256];

    /* protocol.c test_gethostname, test_GetHostNameW: WSAEFAULT. */
    SetLastError(0xdeadbeef);
    check_error(gethostname(NULL, 256) == SOCKET_ERROR, WSAEFAULT, "gethostname(NULL)");
    SetLastError(0xdeadbeef);
    check_error(GetHostNameW(NULL, 256) == SOCKET_ERROR, WSAEFAULT, "GetHostNameW(NULL)");
    for (size_t i = 0; i < ARRAYSIZE(short_lengths); i++)
    {
        strcpy(name, "deadbeef");
        SetLastError(0xdeadbeef);
        check_error(gethostname(name, short_lengths[i]) == SOCKET_ERROR, WSAEFAULT, "gethostname length %d",
                    short_lengths[i]);
        ok(!strcmp(name, "deadbeef"), "gethostname length %d changed the buffer\n", short_lengths[i]);
        SetLastError(0xdeadbeef);
        check_error(GetHostNameW(name_w, short_lengths[i]) == SOCKET_ERROR, WSAEFAULT, "GetHostNameW length %d",
                    short_lengths[i]);
    }
    if (harness_impl == impl_wine_builtin)
    {
        skip("gethostname into unusable buffers: Wine's builtin faults\n");
        return;
    }
    for (unsigned int i = 0; i < count; i++)
    {
        SetLastError(0xdeadbeef);
        check_error(gethostname(pointers[i].ptr, 256) == SOCKET_ERROR, WSAEFAULT, "gethostname into %s",
                    pointers[i].name);
        SetLastError(0xdeadbeef);
        check_error(GetHostNameW(pointers[i].ptr, 256) == SOCKET_ERROR, WSAEFAULT, "GetHostNameW into %s",
                    pointers[i].name);
    }
}

/* A NULL result and the expected last error. */
#define check_null(result, expected, ...) check_error_(__FILE__, __LINE__, !(result), expected, __VA_ARGS__)

static void test_databases(void)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    static const int numbers[] = { -1, 256, INT_MAX, INT_MIN };
    struct in_addr in = { .s_addr = htonl(INADDR_LOOPBACK) };
    unsigned int count = bad_pointers(16, pointers);
    char long_name[1024];

    memset(long_name, 'x', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = 0;

    /* No such protocol (protocol.c test_getprotobynumber: NULL); WSANO_DATA
     * as documented for "no data record". */
    for (size_t i = 0; i < ARRAYSIZE(numbers); i++)
    {
        SetLastError(0xdeadbeef);
        check_null(getprotobynumber(numbers[i]), WSANO_DATA, "getprotobynumber(%d)", numbers[i]);
    }
    SetLastError(0xdeadbeef);
    check_null(getprotobyname(long_name), WSANO_DATA, "getprotobyname of a 1023-character name");
    SetLastError(0xdeadbeef);
    check_null(getservbyname(long_name, NULL), WSANO_DATA, "getservbyname of a 1023-character name");
    SetLastError(0xdeadbeef);
    check_null(getservbyname("http", long_name), WSANO_DATA, "getservbyname with a 1023-character protocol");

    /* gethostbyaddr: documented WSAEFAULT for a short length or a bad
     * address, WSAEAFNOSUPPORT for an unknown type. */
    SetLastError(0xdeadbeef);
    todo_builtin check_null(gethostbyaddr((const char *)&in, 3, AF_INET), WSAEFAULT, "gethostbyaddr with length 3");
    SetLastError(0xdeadbeef);
    todo_builtin check_null(gethostbyaddr((const char *)&in, -1, AF_INET), WSAEFAULT, "gethostbyaddr with length -1");
    SetLastError(0xdeadbeef);
    check_null(gethostbyaddr((const char *)&in, 4, 0xdead), WSAEAFNOSUPPORT, "gethostbyaddr of type 0xdead");

    /* Strings and addresses that cannot be read: documented WSAEFAULT. */
    if (harness_impl == impl_wine_builtin)
    {
        skip("database functions with unusable pointers: Wine's builtin faults\n");
        return;
    }
    SetLastError(0xdeadbeef);
    check_null(gethostbyaddr(NULL, 4, AF_INET), WSAEFAULT, "gethostbyaddr(NULL)");
    SetLastError(0xdeadbeef);
    check_null(getprotobyname(NULL), WSAEFAULT, "getprotobyname(NULL)");
    for (unsigned int i = 0; i < count; i++)
    {
        SetLastError(0xdeadbeef);
        check_null(gethostbyname(pointers[i].ptr), WSAEFAULT, "gethostbyname of a %s name", pointers[i].name);
        SetLastError(0xdeadbeef);
        check_null(getprotobyname(pointers[i].ptr), WSAEFAULT, "getprotobyname of a %s name", pointers[i].name);
        SetLastError(0xdeadbeef);
        check_null(getservbyname(pointers[i].ptr, NULL), WSAEFAULT, "getservbyname of a %s name", pointers[i].name);
        SetLastError(0xdeadbeef);
        check_null(getservbyname("http", pointers[i].ptr), WSAEFAULT, "getservbyname with a %s protocol",
                   pointers[i].name);
        SetLastError(0xdeadbeef);
        check_null(getservbyport(htons(80), pointers[i].ptr), WSAEFAULT, "getservbyport with a %s protocol",
                   pointers[i].name);
    }
    count = bad_pointers(sizeof(struct in_addr), pointers);
    for (unsigned int i = 0; i < count; i++)
    {
        SetLastError(0xdeadbeef);
        check_null(gethostbyaddr(pointers[i].ptr, 4, AF_INET), WSAEFAULT, "gethostbyaddr of a %s address",
                   pointers[i].name);
    }
    SetLastError(0xdeadbeef);
    check_null(gethostbyname(straddling_string("localhost")), WSAEFAULT, "gethostbyname of an unterminated name");
    SetLastError(0xdeadbeef);
    check_null(getprotobyname(straddling_string("tcp")), WSAEFAULT, "getprotobyname of an unterminated name");
    SetLastError(0xdeadbeef);
    check_null(getservbyname(straddling_string("http"), NULL), WSAEFAULT, "getservbyname of an unterminated name");
}

/* ------------------------------------------------------ addresses as text */

static void test_inet_text(void)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    unsigned int count = bad_pointers(16, pointers);
    struct in_addr in = { .s_addr = htonl(INADDR_LOOPBACK) }, none;
    char text[64], long_text[1024];
    WCHAR text_w[64], long_text_w[1024];
    BYTE address[16];
    unsigned long result;
    int ret;

    /* inet_addr(NULL): INADDR_NONE and WSAEFAULT (protocol.c
     * test_inet_addr); a bad string leaves the last error alone. */
    SetLastError(0xdeadbeef);
    result = inet_addr(NULL);
    ok(result == INADDR_NONE && WSAGetLastError() == WSAEFAULT, "inet_addr(NULL): %#lx, error %d\n", result,
       WSAGetLastError());
    memset(long_text, '1', sizeof(long_text) - 1);
    long_text[sizeof(long_text) - 1] = 0;
    SetLastError(0xdeadbeef);
    result = inet_addr(long_text);
    ok(result == INADDR_NONE && GetLastError() == 0xdeadbeef, "inet_addr of 1023 digits: %#lx, error %d\n", result,
       WSAGetLastError());
    none.s_addr = INADDR_NONE;
    ok(!strcmp(inet_ntoa(none), "255.255.255.255"), "inet_ntoa(INADDR_NONE)\n");

    /* inet_pton and InetPtonW: WSAEFAULT for a NULL string, checked before
     * the family; WSAEAFNOSUPPORT for an unknown family (test_inet_pton). */
    SetLastError(0xdeadbeef);
    check_error(inet_pton(AF_UNSPEC, NULL, address) == -1, WSAEFAULT, "inet_pton(AF_UNSPEC, NULL)");
    SetLastError(0xdeadbeef);
    check_error(inet_pton(AF_INET, NULL, address) == -1, WSAEFAULT, "inet_pton(AF_INET, NULL)");
    SetLastError(0xdeadbeef);
    check_error(InetPtonW(AF_UNSPEC, NULL, address) == -1, WSAEFAULT, "InetPtonW(AF_UNSPEC, NULL)");
    SetLastError(0xdeadbeef);
    check_error(inet_pton(AF_UNSPEC, "127.0.0.1", address) == -1, WSAEAFNOSUPPORT, "inet_pton(AF_UNSPEC, text)");
    /* Text that is no address: 0; inet_pton leaves the error alone,
     * InetPtonW sets WSAEINVAL (test_inet_pton). */
    SetLastError(0xdeadbeef);
    ret = inet_pton(AF_INET6, long_text, address);
    ok(ret == 0 && GetLastError() == 0xdeadbeef, "inet_pton of 1023 digits: %d, error %d\n", ret,
       WSAGetLastError());
    for (int i = 0; i < (int)ARRAYSIZE(long_text_w) - 1; i++) long_text_w[i] = '1';
    long_text_w[ARRAYSIZE(long_text_w) - 1] = 0;
    SetLastError(0xdeadbeef);
    ret = InetPtonW(AF_INET6, long_text_w, address);
    check_error(ret == 0, WSAEINVAL, "InetPtonW of 1023 digits");
    SetLastError(0xdeadbeef);
    ret = InetPtonW(AF_INET, L"1.2.3", address);
    check_error(ret == 0, WSAEINVAL, "InetPtonW(\"1.2.3\")");

    /* inet_ntop and InetNtopW: STATUS_INVALID_PARAMETER as the last error
     * for a NULL, empty or short buffer (protocol.c test_addr_to_print);
     * WSAEAFNOSUPPORT for an unknown family; any larger size is fine. */
    SetLastError(0xdeadbeef);
    check_null(inet_ntop(AF_INET, &in, NULL, sizeof(text)), STATUS_INVALID_PARAMETER, "inet_ntop into NULL");
    SetLastError(0xdeadbeef);
    check_null(inet_ntop(AF_INET, &in, text, 0), STATUS_INVALID_PARAMETER, "inet_ntop into 0 bytes");
    SetLastError(0xdeadbeef);
    check_null(inet_ntop(AF_INET, &in, text, 9), STATUS_INVALID_PARAMETER, "inet_ntop into 9 bytes");
    /* InetNtopW is not shown to differ from inet_ntop here. */
    SetLastError(0xdeadbeef);
    todo_builtin check_null(InetNtopW(AF_INET6, &in6addr_loopback, text_w, 3), STATUS_INVALID_PARAMETER,
                            "InetNtopW into 3 characters");
    SetLastError(0xdeadbeef);
    check_null(inet_ntop(1, &in, text, sizeof(text)), WSAEAFNOSUPPORT, "inet_ntop of family 1");
    ok(inet_ntop(AF_INET, &in, text, (size_t)-1) == text && !strcmp(text, "127.0.0.1"), "inet_ntop, size -1\n");
    todo_builtin ok(InetNtopW(AF_INET, &in, text_w, (size_t)-1) == text_w && !wcscmp(text_w, L"127.0.0.1"),
                    "InetNtopW, size -1\n");
    /* No address: as for the other invalid parameters (not established
     * for Windows, whose inet_ntop hands it to RtlIpv4AddressToStringEx,
     * documented to fail it with STATUS_INVALID_PARAMETER). */
    SetLastError(0xdeadbeef);
    check_null(inet_ntop(AF_INET, NULL, text, sizeof(text)), STATUS_INVALID_PARAMETER, "inet_ntop of NULL");

    /* Strings and buffers that cannot be used: ws2host's own promise
     * (Windows is not shown to guard these; Wine's builtin faults). */
    if (harness_impl != impl_ws2host)
    {
        skip("address text with unusable pointers: only ws2host promises an error\n");
        return;
    }
    for (unsigned int i = 0; i < count; i++)
    {
        SetLastError(0xdeadbeef);
        result = inet_addr(pointers[i].ptr);
        ok(result == INADDR_NONE && WSAGetLastError() == WSAEFAULT, "inet_addr of a %s string: error %d\n",
           pointers[i].name, WSAGetLastError());
        SetLastError(0xdeadbeef);
        check_error(inet_pton(AF_INET, pointers[i].ptr, address) == -1, WSAEFAULT, "inet_pton of a %s string",
                    pointers[i].name);
        SetLastError(0xdeadbeef);
        check_error(InetPtonW(AF_INET, pointers[i].ptr, address) == -1, WSAEFAULT, "InetPtonW of a %s string",
                    pointers[i].name);
        SetLastError(0xdeadbeef);
        check_null(inet_ntop(AF_INET, &in, pointers[i].ptr, 16), STATUS_INVALID_PARAMETER,
                   "inet_ntop into a %s buffer", pointers[i].name);
        SetLastError(0xdeadbeef);
        check_null(InetNtopW(AF_INET, &in, pointers[i].ptr, 16), STATUS_INVALID_PARAMETER,
                   "InetNtopW into a %s buffer", pointers[i].name);
    }
    count = bad_pointers(sizeof(struct in_addr), pointers);
    for (unsigned int i = 0; i < count; i++)
    {
        SetLastError(0xdeadbeef);
        check_error(inet_pton(AF_INET, "1.2.3.4", pointers[i].ptr) == -1, WSAEFAULT, "inet_pton into a %s address",
                    pointers[i].name);
        SetLastError(0xdeadbeef);
        check_null(inet_ntop(AF_INET, pointers[i].ptr, text, sizeof(text)), STATUS_INVALID_PARAMETER,
                   "inet_ntop of a %s address", pointers[i].name);
    }
    SetLastError(0xdeadbeef);
    result = inet_addr(straddling_string("1.2.3.4"));
    ok(result == INADDR_NONE && WSAGetLastError() == WSAEFAULT, "inet_addr of an unterminated string: error %d\n",
       WSAGetLastError());
    SetLastError(0xdeadbeef);
    check_error(inet_pton(AF_INET6, straddling_string("::1"), address) == -1, WSAEFAULT,
                "inet_pton of an unterminated string");
    SetLastError(0xdeadbeef);
    check_error(InetPtonW(AF_INET6, straddling_wstring(L"::1"), address) == -1, WSAEFAULT,
                "InetPtonW of an unterminated string");
}

static void test_address_strings(void)
{
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    SOCKADDR_IN in = loopback(80);
    struct sockaddr_storage unknown = { .ss_family = 0xdead }, out;
    char text[64];
    WCHAR text_w[64];
    unsigned int count;
    DWORD length;
    int out_length, ret;

    /* The string's length too small: WSAEFAULT and the length needed
     * (protocol.c test_WSAAddressToString, test_WSAStringToAddress). */
    length = 0;
    SetLastError(0xdeadbeef);
    ret = WSAAddressToStringA((struct sockaddr *)&in, sizeof(in), NULL, text, &length);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAAddressToStringA into 0 characters");
    ok(length == sizeof("127.0.0.1:80"), "WSAAddressToStringA wants %lu characters\n", length);
    length = 0;
    SetLastError(0xdeadbeef);
    ret = WSAAddressToStringW((struct sockaddr *)&in, sizeof(in), NULL, NULL, &length);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAAddressToStringW into NULL");
    ok(length == sizeof("127.0.0.1:80"), "WSAAddressToStringW wants %lu characters\n", length);
    out_length = 0;
    SetLastError(0xdeadbeef);
    ret = WSAStringToAddressA((char *)"127.0.0.1", AF_INET, NULL, (struct sockaddr *)&out, &out_length);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAStringToAddressA into 0 bytes");
    ok(out_length >= (int)sizeof(SOCKADDR_IN), "WSAStringToAddressA wants %d bytes\n", out_length);

    /* Documented for WSAAddressToString: WSAEINVAL for a NULL address or
     * length, an address too short for its family, or an unknown family.
     * Wine's builtin fails these without setting an error. */
    length = sizeof(text);
    SetLastError(0xdeadbeef);
    ret = WSAAddressToStringA(NULL, sizeof(in), NULL, text, &length);
    todo_builtin check_error(ret == SOCKET_ERROR, WSAEINVAL, "WSAAddressToStringA(NULL)");
    SetLastError(0xdeadbeef);
    ret = WSAAddressToStringA((struct sockaddr *)&in, sizeof(in), NULL, text, NULL);
    todo_builtin check_error(ret == SOCKET_ERROR, WSAEINVAL, "WSAAddressToStringA with no length");
    length = sizeof(text);
    SetLastError(0xdeadbeef);
    ret = WSAAddressToStringA((struct sockaddr *)&in, sizeof(in) - 1, NULL, text, &length);
    todo_builtin check_error(ret == SOCKET_ERROR, WSAEINVAL, "WSAAddressToStringA of 15 bytes");
    length = sizeof(text);
    SetLastError(0xdeadbeef);
    ret = WSAAddressToStringA((struct sockaddr *)&in, 0, NULL, text, &length);
    todo_builtin check_error(ret == SOCKET_ERROR, WSAEINVAL, "WSAAddressToStringA of 0 bytes");
    length = sizeof(text);
    SetLastError(0xdeadbeef);
    ret = WSAAddressToStringA((struct sockaddr *)&unknown, sizeof(unknown), NULL, text, &length);
    check_error(ret == SOCKET_ERROR, WSAEINVAL, "WSAAddressToStringA of family 0xdead");
    length = ARRAYSIZE(text_w);
    SetLastError(0xdeadbeef);
    ret = WSAAddressToStringW(NULL, sizeof(in), NULL, text_w, &length);
    todo_builtin check_error(ret == SOCKET_ERROR, WSAEINVAL, "WSAAddressToStringW(NULL)");

    /* WSAStringToAddress: WSAEINVAL for text that is no address
     * (test_WSAStringToAddress); a NULL string is no address either (not
     * established for Windows). */
    out_length = sizeof(out);
    SetLastError(0xdeadbeef);
    ret = WSAStringToAddressA(NULL, AF_INET, NULL, (struct sockaddr *)&out, &out_length);
    check_error(ret == SOCKET_ERROR, WSAEINVAL, "WSAStringToAddressA(NULL)");
    out_length = sizeof(out);
    SetLastError(0xdeadbeef);
    ret = WSAStringToAddressW(NULL, AF_INET, NULL, (struct sockaddr *)&out, &out_length);
    check_error(ret == SOCKET_ERROR, WSAEINVAL, "WSAStringToAddressW(NULL)");
    /* No length: WSAEFAULT, as for a length too small (not established). */
    SetLastError(0xdeadbeef);
    ret = WSAStringToAddressA((char *)"127.0.0.1", AF_INET, NULL, (struct sockaddr *)&out, NULL);
    todo_builtin check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAStringToAddressA with no length");

    /* Memory that cannot be used: documented WSAEFAULT. */
    if (harness_impl == impl_wine_builtin)
    {
        skip("address strings in unusable memory: Wine's builtin faults\n");
        return;
    }
    count = bad_pointers(sizeof(SOCKADDR_IN), pointers);
    for (unsigned int i = 0; i < count; i++)
    {
        /* A straddling address whose family can be read. */
        void *address = !strcmp(pointers[i].name, "straddling") ? straddling_address() : pointers[i].ptr;

        length = sizeof(text);
        SetLastError(0xdeadbeef);
        ret = WSAAddressToStringA(address, sizeof(in), NULL, text, &length);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAAddressToStringA of a %s address", pointers[i].name);
        length = sizeof(text);
        SetLastError(0xdeadbeef);
        ret = WSAAddressToStringA((struct sockaddr *)&in, sizeof(in), NULL, pointers[i].ptr, &length);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAAddressToStringA into a %s string", pointers[i].name);
        length = ARRAYSIZE(text_w);
        SetLastError(0xdeadbeef);
        ret = WSAAddressToStringW((struct sockaddr *)&in, sizeof(in), NULL, pointers[i].ptr, &length);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAAddressToStringW into a %s string", pointers[i].name);
        out_length = sizeof(out);
        SetLastError(0xdeadbeef);
        ret = WSAStringToAddressA((char *)"127.0.0.1", AF_INET, NULL, pointers[i].ptr, &out_length);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAStringToAddressA into a %s address", pointers[i].name);
        /* A straddling string has no terminator (made again: the address
         * above wrote a family into the page). */
        if (address != pointers[i].ptr) pointers[i].ptr = straddling(sizeof(SOCKADDR_IN));
        out_length = sizeof(out);
        SetLastError(0xdeadbeef);
        ret = WSAStringToAddressA(pointers[i].ptr, AF_INET, NULL, (struct sockaddr *)&out, &out_length);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAStringToAddressA of a %s string", pointers[i].name);
        out_length = sizeof(out);
        SetLastError(0xdeadbeef);
        ret = WSAStringToAddressW(pointers[i].ptr, AF_INET, NULL, (struct sockaddr *)&out, &out_length);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAStringToAddressW of a %s string", pointers[i].name);
    }
    out_length = sizeof(out);
    SetLastError(0xdeadbeef);
    ret = WSAStringToAddressA(straddling_string("127.0.0.1"), AF_INET, NULL, (struct sockaddr *)&out, &out_length);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAStringToAddressA of an unterminated string");
    out_length = sizeof(out);
    SetLastError(0xdeadbeef);
    ret = WSAStringToAddressW(straddling_wstring(L"::1"), AF_INET6, NULL, (struct sockaddr *)&out, &out_length);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "WSAStringToAddressW of an unterminated string");
}

/* ---------------------------------------------------- getsockopt/setsockopt */

static void sockopt_bad_input(void)
{
    struct bad_handle handles[MAX_BAD_HANDLES];
    struct bad_pointer pointers[MAX_BAD_POINTERS];
    WSAPROTOCOL_INFOA info;
    unsigned int count;
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0), udp = socket(AF_INET, SOCK_DGRAM, 0);
    int value = 1234, size, ret;

    /* Not sockets: WSAENOTSOCK, even with NULL buffers, the value left
     * alone (sock.c test_set_getsockopt, test_sockopt_validity). */
    count = bad_handles(handles);
    for (unsigned int i = 0; i < count; i++)
    {
        size = sizeof(value);
        value = 1234;
        SetLastError(0xdeadbeef);
        ret = getsockopt(handles[i].s, SOL_SOCKET, SO_ERROR, (char *)&value, &size);
        check_error(ret == SOCKET_ERROR, WSAENOTSOCK, "getsockopt(SO_ERROR) on %s", handles[i].name);
        ok(value == 1234, "getsockopt on %s wrote %d\n", handles[i].name, value);
        SetLastError(0xdeadbeef);
        ret = getsockopt(handles[i].s, SOL_SOCKET, SO_PROTOCOL_INFOA, NULL, NULL);
        check_error(ret == SOCKET_ERROR, WSAENOTSOCK, "getsockopt(SO_PROTOCOL_INFOA, NULL) on %s", handles[i].name);
        SetLastError(0xdeadbeef);
        ret = setsockopt(handles[i].s, SOL_SOCKET, SO_KEEPALIVE, (char *)&value, sizeof(value));
        todo_if(harness_impl == impl_wine_builtin && handles[i].kind == kind_pipe)
        check_error(ret == SOCKET_ERROR, WSAENOTSOCK, "setsockopt(SO_KEEPALIVE) on %s", handles[i].name);
    }

    /* Missing and short buffers: WSAEFAULT (test_set_getsockopt). */
    SetLastError(0xdeadbeef);
    ret = getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, NULL, NULL);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "getsockopt(SO_PROTOCOL_INFOA, NULL, NULL)");
    SetLastError(0xdeadbeef);
    ret = getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, (char *)&info, NULL);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "getsockopt(SO_PROTOCOL_INFOA, &info, NULL)");
    size = sizeof(info);
    SetLastError(0xdeadbeef);
    ret = getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, NULL, &size);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "getsockopt(SO_PROTOCOL_INFOA, NULL, &size)");
    size = sizeof(info) / 2;
    SetLastError(0xdeadbeef);
    ret = getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, (char *)&info, &size);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "getsockopt(SO_PROTOCOL_INFOA) into half");
    ok(size == sizeof(info), "SO_PROTOCOL_INFOA wants %d bytes\n", size);
    size = 1;
    SetLastError(0xdeadbeef);
    ret = getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&value, &size);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "getsockopt(SO_ERROR) into 1 byte");
    size = 0;
    SetLastError(0xdeadbeef);
    ret = getsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&value, &size);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "getsockopt(SO_RCVBUF) into 0 bytes");
    size = -1;
    SetLastError(0xdeadbeef);
    ret = getsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&value, &size);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "getsockopt(SO_RCVBUF) with size -1");
    ok(size == -1, "getsockopt with size -1 changed it to %d\n", size);

    /* Unknown levels: WSAEINVAL (test_set_getsockopt,
     * test_extendedSocketOptions). */
    size = sizeof(value);
    SetLastError(0xdeadbeef);
    ret = getsockopt(s, 0xffffffff, SO_RCVBUF, (char *)&value, &size);
    check_error(ret == SOCKET_ERROR, WSAEINVAL, "getsockopt at level 0xffffffff");
    SetLastError(0xdeadbeef);
    ret = getsockopt(s, 0x1234ffff, SO_RCVBUF, (char *)&value, &size);
    check_error(ret == SOCKET_ERROR, WSAEINVAL, "getsockopt at level 0x1234ffff");
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, 0xffffffff, SO_RCVTIMEO, (char *)&value, sizeof(value));
    check_error(ret == SOCKET_ERROR, WSAEINVAL, "setsockopt at level 0xffffffff");
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, 0x00008000, SO_RCVTIMEO, (char *)&value, sizeof(value));
    check_error(ret == SOCKET_ERROR, WSAEINVAL, "setsockopt at level 0x8000");

    /* An option of another kind of socket (test_extendedSocketOptions). */
    size = sizeof(struct linger);
    SetLastError(0xdeadbeef);
    ret = getsockopt(udp, SOL_SOCKET, SO_LINGER, (char *)&info, &size);
    check_error(ret == SOCKET_ERROR, WSAENOPROTOOPT, "getsockopt(SO_LINGER) on UDP");

    /* setsockopt: no value, or a value passed instead of a pointer. */
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, SOL_SOCKET, SO_LINGER, NULL, sizeof(struct linger));
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "setsockopt(SO_LINGER, NULL)");
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, SOL_SOCKET, SO_LINGER, NULL, 0);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "setsockopt(SO_LINGER, NULL, 0)");
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, SOL_SOCKET, SO_DONTLINGER, NULL, sizeof(BOOL));
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "setsockopt(SO_DONTLINGER, NULL)");
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, SOL_SOCKET, SO_DONTROUTE, (char *)1, 1);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "setsockopt(SO_DONTROUTE, (char *)1)");
    value = 1;
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&value, 0);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "setsockopt(TCP_NODELAY) of 0 bytes");
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&value, -1);
    /* Windows 10 says WSAENOBUFS, older versions WSAEFAULT. */
    ok(ret == SOCKET_ERROR && (WSAGetLastError() == WSAEFAULT || WSAGetLastError() == WSAENOBUFS),
       "setsockopt(TCP_NODELAY) of -1 bytes: %d, error %d\n", ret, WSAGetLastError());
    /* SOL_SOCKET's 4-byte options take -1 as a large unsigned length;
     * boolean ones take 0 (test_set_getsockopt's option table). */
    value = 0x10000;
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&value, -1);
    ok(!ret && !WSAGetLastError(), "setsockopt(SO_RCVBUF) of -1 bytes: %d, error %d\n", ret, WSAGetLastError());
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&value, 0);
    check_error(ret == SOCKET_ERROR, WSAEFAULT, "setsockopt(SO_RCVBUF) of 0 bytes");
    SetLastError(0xdeadbeef);
    ret = setsockopt(s, SOL_SOCKET, SO_REUSEADDR, (char *)&value, 0);
    ok(!ret && !WSAGetLastError(), "setsockopt(SO_REUSEADDR) of 0 bytes: %d, error %d\n", ret, WSAGetLastError());

    /* Memory that cannot be used: documented WSAEFAULT. */
    count = bad_pointers(sizeof(int), pointers);
    for (unsigned int i = 0; i < count && !builtin_faults("unusable option buffers"); i++)
    {
        size = sizeof(int);
        SetLastError(0xdeadbeef);
        ret = getsockopt(s, SOL_SOCKET, SO_RCVBUF, pointers[i].ptr, &size);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "getsockopt(SO_RCVBUF) into a %s value", pointers[i].name);
        SetLastError(0xdeadbeef);
        ret = getsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&value, pointers[i].ptr);
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "getsockopt(SO_RCVBUF) with a %s length", pointers[i].name);
        SetLastError(0xdeadbeef);
        ret = setsockopt(s, SOL_SOCKET, SO_RCVBUF, pointers[i].ptr, sizeof(int));
        check_error(ret == SOCKET_ERROR, WSAEFAULT, "setsockopt(SO_RCVBUF) from a %s value", pointers[i].name);
    }
    closesocket(s);
    closesocket(udp);
}

/* ------------------------------------------------------------ the sweep */

static void run_sweep(void)
{
    test_not_sockets();
    test_address_in("bind", bind);
    test_address_in("connect", connect);
    test_address_in("WSAConnect", wsaconnect);
    test_bind_states();
    test_connect_states();
    test_listen();
    test_accept_inputs("accept", accept);
    test_accept_inputs("WSAAccept", wsaaccept);
    test_accept_states();
    test_names();
    test_stream_io();
    test_datagram_io();
    test_io_states();
    test_shutdown();
    test_ioctlsocket();
    test_select();
    test_fd_isset();
    test_getaddrinfo();
    test_getnameinfo();
    test_host_names();
    test_databases();
    test_inet_text();
    test_address_strings();
    sockopt_bad_input();
}

/* One-time allocations (resolver caches, per-thread buffers) before the
 * counts are taken. */
static void warm_up(void)
{
    ADDRINFOA hints = { .ai_flags = AI_NUMERICHOST }, *result;
    struct bad_handle handles[MAX_BAD_HANDLES];
    unsigned int count = bad_handles(handles);
    SOCKET client, server;
    char name[256];
    u_long arg;

    if (!getaddrinfo("127.0.0.1", "80", &hints, &result)) freeaddrinfo(result);
    if (!getaddrinfo("localhost", NULL, NULL, &result)) freeaddrinfo(result);
    gethostname(name, sizeof(name));
    /* Wine keeps an fd for a handle it was asked about until the handle is
     * closed: ask about the non-socket objects once. */
    for (unsigned int i = 0; i < count; i++) ioctlsocket(handles[i].s, FIONREAD, &arg);
    getservbyname("http", "tcp");
    getprotobyname("tcp");
    inet_ntoa((struct in_addr){ 0 });
    if (tcp_pair(NULL, &client, &server))
    {
        wait_readable(client);
        closesocket(client);
        closesocket(server);
    }
}

void run_badinput_tests(void)
{
    int unix_pid = harness_impl == impl_ws2host ? find_unix_pid() : -1;
    DWORD handles_before, handles_after;
    int fds_before, fds_after;
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    make_bad_memory();
    make_objects();
    warm_up();

    GetProcessHandleCount(GetCurrentProcess(), &handles_before);
    fds_before = count_fds(unix_pid);
    run_sweep();
    GetProcessHandleCount(GetCurrentProcess(), &handles_after);
    fds_after = count_fds(unix_pid);

    ok(handles_after == handles_before, "the sweep leaked handles: %lu before, %lu after\n", handles_before,
       handles_after);
    if (fds_before < 0) skip("cannot count this process's fds here\n");
    else ok(fds_after == fds_before, "the sweep leaked fds: %d before, %d after\n", fds_before, fds_after);

    check_and_close_objects();
    free_bad_memory();
    WSACleanup();
}
