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
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
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

/* -------------------------------------------- epoll, the Linux twin */

struct platform_port
{
    int epoll;
};

static void fail_errno(const char *what)
{
    fprintf(stderr, "bench: %s failed (%s)\n", what, strerror(errno));
    exit(1);
}

struct platform_port *platform_port_create(void)
{
    struct platform_port *port = malloc(sizeof(*port));

    if (!port) abort();
    if ((port->epoll = epoll_create1(EPOLL_CLOEXEC)) < 0) fail_errno("epoll_create1");
    return port;
}

void platform_port_close(struct platform_port *port)
{
    close(port->epoll);
    free(port);
}

/* Registered once for both directions, edge-triggered, as event loops
 * (Go's netpoller among them) do: no epoll_ctl per operation. */
void platform_port_add(struct platform_port *port, bench_socket s)
{
    struct epoll_event event = { .events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, .data.fd = s };

    if (fcntl(s, F_SETFL, fcntl(s, F_GETFL) | O_NONBLOCK)) fail_errno("O_NONBLOCK");
    if (epoll_ctl(port->epoll, EPOLL_CTL_ADD, s, &event)) fail_errno("epoll_ctl");
}

int platform_io_start(struct platform_io *io)
{
    ssize_t done = io->sending ? send(io->s, io->buffer, io->size, 0) : recv(io->s, io->buffer, io->size, 0);

    if (done >= 0) return done;
    if (errno != EAGAIN) fail_errno(io->sending ? "send" : "recv");
    return -1;
}

static void wait_ready(struct platform_port *port)
{
    struct epoll_event event;

    while (epoll_wait(port->epoll, &event, 1, -1) < 0)
        if (errno != EINTR) fail_errno("epoll_wait");
}

/* An edge may be stale (its data already taken): then wait again. */
int platform_io_wait(struct platform_port *port, struct platform_io *io)
{
    int done;

    do wait_ready(port);
    while ((done = platform_io_start(io)) < 0);
    return done;
}

int platform_accept_start(struct platform_io *io, bench_socket listener)
{
    (void)listener;
    io->accepted = -1;
    return 0;
}

bench_socket platform_accept_finish(struct platform_port *port, struct platform_io *io, bench_socket listener,
                                    int pending)
{
    (void)pending;
    while ((io->accepted = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) < 0)
    {
        if (errno != EAGAIN) fail_errno("accept4");
        wait_ready(port);
    }
    return io->accepted;
}

void platform_accept_cancel(struct platform_port *port, struct platform_io *io, bench_socket listener)
{
    (void)port;
    (void)io;
    (void)listener;
}

/* ---- readiness loops ---- */

struct platform_ready
{
    enum platform_ready_kind kind;
    int epoll;
    /* poll's entries: the connections still open, `index` their number. */
    struct pollfd polled[READY_MAX];
    int index[READY_MAX], polled_count;
};

struct platform_ready *platform_ready_create(enum platform_ready_kind kind, const bench_socket *sockets, int count)
{
    struct platform_ready *r = calloc(1, sizeof(*r));

    if (!r || count > READY_MAX) abort();
    r->kind = kind;
    r->epoll = -1;
    r->polled_count = count;
    if (kind == READY_EVENTS && (r->epoll = epoll_create1(EPOLL_CLOEXEC)) < 0) fail_errno("epoll_create1");
    for (int i = 0; i < count; i++)
    {
        /* Level-triggered, as an event selection re-arms on each receive. */
        struct epoll_event event = { .events = EPOLLIN | EPOLLRDHUP, .data.u32 = i };

        if (fcntl(sockets[i], F_SETFL, fcntl(sockets[i], F_GETFL) | O_NONBLOCK)) fail_errno("O_NONBLOCK");
        if (kind == READY_EVENTS && epoll_ctl(r->epoll, EPOLL_CTL_ADD, sockets[i], &event))
            fail_errno("epoll_ctl");
        r->polled[i].fd = sockets[i];
        r->polled[i].events = POLLIN;
        r->index[i] = i;
    }
    return r;
}

int platform_ready_wait(struct platform_ready *r, int *ready)
{
    struct epoll_event events[READY_MAX];
    int found = 0, n;

    if (r->kind == READY_EVENTS)
    {
        if ((n = epoll_wait(r->epoll, events, READY_MAX, 10000)) <= 0) fail_errno("epoll_wait");
        for (int i = 0; i < n; i++) ready[found++] = events[i].data.u32;
        return found;
    }
    if (poll(r->polled, r->polled_count, 10000) <= 0) fail_errno("poll");
    for (int i = 0; i < r->polled_count; i++)
        if (r->polled[i].revents) ready[found++] = r->index[i];
    return found;
}

void platform_ready_remove(struct platform_ready *r, int index)
{
    for (int i = 0; i < r->polled_count; i++)
        if (r->index[i] == index)
        {
            if (r->kind == READY_EVENTS) epoll_ctl(r->epoll, EPOLL_CTL_DEL, r->polled[i].fd, NULL);
            r->polled_count--;
            r->polled[i] = r->polled[r->polled_count];
            r->index[i] = r->index[r->polled_count];
            return;
        }
}

void platform_ready_close(struct platform_ready *r)
{
    if (r->epoll >= 0) close(r->epoll);
    free(r);
}

int platform_would_block(void)
{
    return errno == EAGAIN || errno == EWOULDBLOCK;
}

void platform_mark(const char *name)
{
    (void)name;     /* there is no wineserver to count requests of */
}

int main(int argc, char **argv)
{
    return bench_main(argc, argv);
}
