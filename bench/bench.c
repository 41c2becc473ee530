/*
 * ws2host benchmarks, the Windows program: an ordinary Winsock client
 * (imports ws2_32 like any program), run under Wine with the builtin
 * ws2_32 or with ws2host. The measurements are in measure.c.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "bench.h"

#include <psapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double ticks_per_us;

void platform_init(void)
{
    LARGE_INTEGER frequency;
    WSADATA data;

    QueryPerformanceFrequency(&frequency);
    ticks_per_us = frequency.QuadPart / 1e6;
    if (WSAStartup(MAKEWORD(2, 2), &data))
    {
        fprintf(stderr, "bench: WSAStartup failed\n");
        exit(1);
    }
}

/* ws2host's ws2_32 loads its bridge module once a socket exists. */
const char *platform_implementation(void)
{
    closesocket(socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
    return GetModuleHandleA("ws2host.dll") ? "ws2host" : "builtin";
}

double platform_now_us(void)
{
    LARGE_INTEGER now;

    QueryPerformanceCounter(&now);
    return now.QuadPart / ticks_per_us;
}

void platform_sleep_ms(int ms)
{
    Sleep(ms);
}

int platform_last_error(void)
{
    return WSAGetLastError();
}

void platform_close(bench_socket s)
{
    closesocket(s);
}

bench_socket platform_wsasocket_tcp(int overlapped)
{
    return WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, overlapped ? WSA_FLAG_OVERLAPPED : 0);
}

void platform_set_recv_timeout(bench_socket s, int ms)
{
    DWORD timeout = ms;

    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (const char *)&timeout, sizeof(timeout));
}

struct platform_thread
{
    HANDLE handle;
    void (*body)(void *arg);
    void *arg;
};

static DWORD WINAPI thread_entry(void *param)
{
    struct platform_thread *thread = param;

    thread->body(thread->arg);
    return 0;
}

struct platform_thread *platform_thread_start(void (*body)(void *arg), void *arg)
{
    struct platform_thread *thread = malloc(sizeof(*thread));

    if (!thread) abort();
    thread->body = body;
    thread->arg = arg;
    if (!(thread->handle = CreateThread(NULL, 0, thread_entry, thread, 0, NULL)))
    {
        fprintf(stderr, "bench: CreateThread failed (error %lu)\n", GetLastError());
        exit(1);
    }
    return thread;
}

void platform_thread_join(struct platform_thread *thread)
{
    WaitForSingleObject(thread->handle, INFINITE);
    CloseHandle(thread->handle);
    free(thread);
}

/* PagefileUsage is the commit charge, Windows' "private bytes" (the same
 * as PrivateUsage, which Wine 8 leaves at 0); Wine fills it with Linux's
 * RssAnon + VmSwap and WorkingSetSize with VmRSS. */
void platform_memory(struct memory_sample *sample)
{
    PROCESS_MEMORY_COUNTERS counters = { .cb = sizeof(counters) };

    GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof(counters));
    sample->private_bytes = counters.PagefileUsage;
    sample->resident_bytes = counters.WorkingSetSize;
}

/* ------------------------------------------------ completion ports */

struct platform_port
{
    HANDLE handle;
};

static void fail_with(const char *what, int error)
{
    fprintf(stderr, "bench: %s failed (error %d)\n", what, error);
    exit(1);
}

struct platform_port *platform_port_create(void)
{
    struct platform_port *port = malloc(sizeof(*port));

    if (!port) abort();
    if (!(port->handle = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1)))
        fail_with("CreateIoCompletionPort", GetLastError());
    return port;
}

void platform_port_close(struct platform_port *port)
{
    OVERLAPPED *left = NULL;
    ULONG_PTR key;
    DWORD bytes;

    if (GetQueuedCompletionStatus(port->handle, &bytes, &key, &left, 0) || left)
        fail_with("completion port: a packet nobody waited for", 0);
    CloseHandle(port->handle);
    free(port);
}

/* As IOCP programs do: a call that succeeds at once queues no packet. */
void platform_port_add(struct platform_port *port, bench_socket s)
{
    if (!CreateIoCompletionPort((HANDLE)s, port->handle, (ULONG_PTR)s, 0))
        fail_with("CreateIoCompletionPort(socket)", GetLastError());
    /* Both flags, as Go, libuv and .NET set them on their sockets. */
    if (!SetFileCompletionNotificationModes((HANDLE)s, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS |
                                                       FILE_SKIP_SET_EVENT_ON_HANDLE))
        fail_with("SetFileCompletionNotificationModes", GetLastError());
}

static WSAOVERLAPPED *io_overlapped(struct platform_io *io)
{
    return &io->overlapped[io->sending];
}

int platform_io_start(struct platform_io *io)
{
    WSABUF buffer = { .len = io->size, .buf = io->buffer };
    DWORD bytes = 0, flags = 0;
    int ret;

    memset(io_overlapped(io), 0, sizeof(WSAOVERLAPPED));
    if (io->sending) ret = WSASend(io->s, &buffer, 1, &bytes, 0, io_overlapped(io), NULL);
    else ret = WSARecv(io->s, &buffer, 1, &bytes, &flags, io_overlapped(io), NULL);
    if (!ret) return bytes;
    if (WSAGetLastError() != WSA_IO_PENDING) fail_with(io->sending ? "WSASend" : "WSARecv", WSAGetLastError());
    return -1;
}

/* Only `io` is in flight on this port: any other packet is a bug. */
static BOOL take_packet(struct platform_port *port, struct platform_io *io, DWORD *bytes)
{
    OVERLAPPED *done = NULL;
    ULONG_PTR key;
    BOOL ok = GetQueuedCompletionStatus(port->handle, bytes, &key, &done, INFINITE);

    if (done != (OVERLAPPED *)io_overlapped(io) || key != (ULONG_PTR)io->s)
        fail_with("GetQueuedCompletionStatus (not the packet waited for)", GetLastError());
    return ok;
}

static DWORD wait_packet(struct platform_port *port, struct platform_io *io, const char *what)
{
    DWORD bytes;

    if (!take_packet(port, io, &bytes)) fail_with(what, GetLastError());
    return bytes;
}

int platform_io_wait(struct platform_port *port, struct platform_io *io)
{
    return wait_packet(port, io, io->sending ? "overlapped WSASend" : "overlapped WSARecv");
}

static LPFN_ACCEPTEX accept_ex;

/* The way programs get AcceptEx: from the provider, through the socket. */
static LPFN_ACCEPTEX get_accept_ex(bench_socket listener)
{
    GUID guid = WSAID_ACCEPTEX;
    DWORD size;

    if (!accept_ex && WSAIoctl(listener, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof(guid), &accept_ex,
                               sizeof(accept_ex), &size, NULL, NULL))
        fail_with("SIO_GET_EXTENSION_FUNCTION_POINTER(AcceptEx)", WSAGetLastError());
    return accept_ex;
}

int platform_accept_start(struct platform_io *io, bench_socket listener)
{
    const DWORD address_size = sizeof(io->addresses) / 2;
    DWORD bytes;

    io->s = listener;
    io->sending = 0;
    if ((io->accepted = platform_wsasocket_tcp(1)) == INVALID_SOCKET) fail_with("WSASocketW", WSAGetLastError());
    memset(io_overlapped(io), 0, sizeof(WSAOVERLAPPED));
    if (get_accept_ex(listener)(listener, io->accepted, io->addresses, 0, address_size, address_size, &bytes,
                                io_overlapped(io)))
        return 1;
    if (WSAGetLastError() != WSA_IO_PENDING) fail_with("AcceptEx", WSAGetLastError());
    return 0;
}

bench_socket platform_accept_finish(struct platform_port *port, struct platform_io *io, bench_socket listener,
                                    int pending)
{
    if (pending) wait_packet(port, io, "AcceptEx");
    if (setsockopt(io->accepted, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (const char *)&listener, sizeof(listener)))
        fail_with("SO_UPDATE_ACCEPT_CONTEXT", WSAGetLastError());
    return io->accepted;
}

/* The packet must be taken before `io` goes: the status block is written
 * whenever the cancellation lands. */
void platform_accept_cancel(struct platform_port *port, struct platform_io *io, bench_socket listener)
{
    DWORD bytes;

    if (!CancelIoEx((HANDLE)listener, io_overlapped(io))) fail_with("CancelIoEx", GetLastError());
    if (take_packet(port, io, &bytes)) fail_with("AcceptEx after CancelIoEx: not cancelled", 0);
    closesocket(io->accepted);
}

/* Opening an event that does not exist costs one open_event request,
 * whose name the wineserver trace prints. */
/* ---- readiness loops ---- */

struct platform_ready
{
    enum platform_ready_kind kind;
    int count;
    bench_socket sockets[READY_MAX];
    WSAEVENT events[READY_MAX];
    /* WSAPoll's entries: the connections still open, `index` their number. */
    WSAPOLLFD polled[READY_MAX];
    int index[READY_MAX], polled_count;
};

struct platform_ready *platform_ready_create(enum platform_ready_kind kind, const bench_socket *sockets, int count)
{
    struct platform_ready *r = calloc(1, sizeof(*r));
    u_long on = 1;

    if (!r || count > READY_MAX) abort();
    r->kind = kind;
    r->count = r->polled_count = count;
    for (int i = 0; i < count; i++)
    {
        r->sockets[i] = sockets[i];
        if (kind == READY_EVENTS)
        {
            if ((r->events[i] = WSACreateEvent()) == WSA_INVALID_EVENT) fail_with("WSACreateEvent", WSAGetLastError());
            if (WSAEventSelect(sockets[i], r->events[i], FD_READ | FD_CLOSE))
                fail_with("WSAEventSelect", WSAGetLastError());
            continue;
        }
        if (ioctlsocket(sockets[i], FIONBIO, &on)) fail_with("FIONBIO", WSAGetLastError());
        r->polled[i].fd = sockets[i];
        r->polled[i].events = POLLRDNORM;
        r->index[i] = i;
    }
    return r;
}

int platform_ready_wait(struct platform_ready *r, int *ready)
{
    WSANETWORKEVENTS events;
    DWORD which;
    int found = 0;

    if (r->kind == READY_EVENTS)
    {
        /* As such servers do: the first signalled event, then its events. */
        which = WSAWaitForMultipleEvents(r->count, r->events, FALSE, 10000, FALSE);
        if (which >= WSA_WAIT_EVENT_0 + (DWORD)r->count) fail_with("WSAWaitForMultipleEvents", WSAGetLastError());
        which -= WSA_WAIT_EVENT_0;
        if (WSAEnumNetworkEvents(r->sockets[which], r->events[which], &events))
            fail_with("WSAEnumNetworkEvents", WSAGetLastError());
        ready[0] = which;
        return 1;
    }
    if (WSAPoll(r->polled, r->polled_count, 10000) <= 0) fail_with("WSAPoll", WSAGetLastError());
    for (int i = 0; i < r->polled_count; i++)
        if (r->polled[i].revents) ready[found++] = r->index[i];
    return found;
}

void platform_ready_remove(struct platform_ready *r, int index)
{
    if (r->kind == READY_EVENTS)
    {
        WSAEventSelect(r->sockets[index], r->events[index], 0);
        WSAResetEvent(r->events[index]);
        return;
    }
    for (int i = 0; i < r->polled_count; i++)
        if (r->index[i] == index)
        {
            r->polled_count--;
            r->polled[i] = r->polled[r->polled_count];
            r->index[i] = r->index[r->polled_count];
            return;
        }
}

void platform_ready_close(struct platform_ready *r)
{
    for (int i = 0; r->kind == READY_EVENTS && i < r->count; i++)
    {
        WSAEventSelect(r->sockets[i], NULL, 0);
        WSACloseEvent(r->events[i]);
    }
    free(r);
}

int platform_would_block(void)
{
    return WSAGetLastError() == WSAEWOULDBLOCK;
}

void platform_mark(const char *name)
{
    HANDLE event = OpenEventA(SYNCHRONIZE, FALSE, name);

    if (event) CloseHandle(event);
}

int main(int argc, char **argv)
{
    return bench_main(argc, argv);
}
