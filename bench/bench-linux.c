/*
 * ws2host benchmarks, the Linux twin: the same measurements (measure.c)
 * with plain Linux calls, the yardstick for ws2host.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE
#include "bench.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

/* As Wine does for every process: the memory measurement opens more
 * sockets than the usual soft limit of 1024 descriptors. */
static void raise_fd_limit(void)
{
    struct rlimit limit;

    if (getrlimit(RLIMIT_NOFILE, &limit)) return;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
}

void platform_init(void)
{
    raise_fd_limit();
    /* Windows reports a send to a closed peer as an error, not a signal. */
    signal(SIGPIPE, SIG_IGN);
}

const char *platform_implementation(void)
{
    return "linux";
}

double platform_now_us(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1e6 + now.tv_nsec / 1e3;
}

void platform_sleep_ms(int ms)
{
    struct timespec pause = { ms / 1000, (ms % 1000) * 1000000L };

    nanosleep(&pause, NULL);
}

int platform_last_error(void)
{
    return errno;
}

void platform_close(bench_socket s)
{
    close(s);
}

bench_socket platform_wsasocket_tcp(int overlapped)
{
    (void)overlapped;   /* every Linux socket can be used either way */
    return socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
}

void platform_set_recv_timeout(bench_socket s, int ms)
{
    struct timeval timeout = { ms / 1000, (ms % 1000) * 1000 };

    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
}

struct platform_thread
{
    pthread_t id;
    void (*body)(void *arg);
    void *arg;
};

static void *thread_entry(void *param)
{
    struct platform_thread *thread = param;

    thread->body(thread->arg);
    return NULL;
}

struct platform_thread *platform_thread_start(void (*body)(void *arg), void *arg)
{
    struct platform_thread *thread = malloc(sizeof(*thread));
    int err;

    if (!thread) abort();
    thread->body = body;
    thread->arg = arg;
    if ((err = pthread_create(&thread->id, NULL, thread_entry, thread)))
    {
        fprintf(stderr, "bench: pthread_create failed (%s)\n", strerror(err));
        exit(1);
    }
    return thread;
}

void platform_thread_join(struct platform_thread *thread)
{
    pthread_join(thread->id, NULL);
    free(thread);
}

/* From /proc/self/status, what Wine reports to the Windows program:
 * private = RssAnon + VmSwap (its PagefileUsage), resident = VmRSS. */
void platform_memory(struct memory_sample *sample)
{
    FILE *status = fopen("/proc/self/status", "r");
    char line[256];
    long kib;

    sample->private_bytes = sample->resident_bytes = 0;
    if (!status) return;
    while (fgets(line, sizeof(line), status))
    {
        if (sscanf(line, "RssAnon: %ld kB", &kib) == 1 || sscanf(line, "VmSwap: %ld kB", &kib) == 1)
            sample->private_bytes += kib * 1024.0;
        else if (sscanf(line, "VmRSS: %ld kB", &kib) == 1)
            sample->resident_bytes = kib * 1024.0;
    }
    fclose(status);
}

void platform_mark(const char *name)
{
    (void)name;     /* there is no wineserver to count requests of */
}

int main(int argc, char **argv)
{
    return bench_main(argc, argv);
}
