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

/* Opening an event that does not exist costs one open_event request,
 * whose name the wineserver trace prints. */
void platform_mark(const char *name)
{
    HANDLE event = OpenEventA(SYNCHRONIZE, FALSE, name);

    if (event) CloseHandle(event);
}

int main(int argc, char **argv)
{
    return bench_main(argc, argv);
}
