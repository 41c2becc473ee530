/*
 * ws2host benchmarks: the measured operations, shared word for word by the
 * Windows program (bench.c) and its Linux twin (bench-linux.c), so all
 * three implementations (Wine's builtin ws2_32, ws2host, Linux) do the
 * same work. Each result is one line: "name value unit".
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BULK_CHUNK (64 * 1024)
#define DATAGRAM_SIZE 32
#define IDLE_SOCKETS 64
/* Loopback connections are sequential 4-tuples on one listener port:
 * stay well below the ephemeral port range (about 28000 ports). */
#define MAX_CONNECTIONS 20000

static double budget_us = 400000;

static void fail(const char *what)
{
    fprintf(stderr, "bench: %s failed (error %d)\n", what, platform_last_error());
    exit(1);
}

static void report(const char *name, double value, const char *unit)
{
    printf("%s %.3f %s\n", name, value, unit);
    fflush(stdout);
}

/* ------------------------------------------------------------ timing */

typedef void op_fn(void *ctx, long count);

/* Runs `op` in batches until `span_us` has passed or `max_ops` are done;
 * batches grow so that reading the clock costs next to nothing. */
static double run_for(op_fn *op, void *ctx, double span_us, long max_ops, long *ops)
{
    double start = platform_now_us(), elapsed = 0, left;
    long done = 0, batch = 1;

    while (elapsed < span_us && done < max_ops)
    {
        if (batch > max_ops - done) batch = max_ops - done;
        op(ctx, batch);
        done += batch;
        elapsed = platform_now_us() - start;
        /* Next batch: about half of what the time left allows, at most double. */
        left = elapsed > 0 ? (span_us - elapsed) / (elapsed / done) / 2 : done;
        batch = left < 1 ? 1 : left > done ? done : (long)left;
    }
    *ops = done;
    return elapsed;
}

/* Microseconds per operation, after a warm-up of a tenth of the budget. */
static double time_per_op(op_fn *op, void *ctx, long max_ops)
{
    long ops;
    double elapsed;

    run_for(op, ctx, budget_us / 10, max_ops / 10, &ops);
    elapsed = run_for(op, ctx, budget_us, max_ops, &ops);
    return elapsed / ops;
}

/* ----------------------------------------------------------- helpers */

/* A socket bound to 127.0.0.1 on a port the system picks; `addr` gets it. */
static bench_socket bound_socket(int type, struct sockaddr_in *addr)
{
    bench_socket s = socket(AF_INET, type, 0);
    socklen_t len = sizeof(*addr);

    if (s == BENCH_BAD_SOCKET) fail("socket");
    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)addr, sizeof(*addr))) fail("bind");
    if (getsockname(s, (struct sockaddr *)addr, &len)) fail("getsockname");
    return s;
}

static bench_socket listening_socket(struct sockaddr_in *addr)
{
    bench_socket s = bound_socket(SOCK_STREAM, addr);

    if (listen(s, SOMAXCONN)) fail("listen");
    return s;
}

static bench_socket connected_socket(int type, const struct sockaddr_in *addr)
{
    bench_socket s = socket(AF_INET, type, 0);

    if (s == BENCH_BAD_SOCKET) fail("socket");
    if (connect(s, (const struct sockaddr *)addr, sizeof(*addr))) fail("connect");
    return s;
}

/* Both ends of one loopback TCP connection. */
static void tcp_pair(bench_socket *client, bench_socket *server)
{
    struct sockaddr_in addr;
    bench_socket listener = listening_socket(&addr);

    *client = connected_socket(SOCK_STREAM, &addr);
    if ((*server = accept(listener, NULL, NULL)) == BENCH_BAD_SOCKET) fail("accept");
    platform_close(listener);
}

static void set_nodelay(bench_socket s)
{
    int on = 1;

    if (setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (const char *)&on, sizeof(on))) fail("TCP_NODELAY");
}

static void send_all(bench_socket s, const char *data, int size)
{
    int sent;

    for (; size > 0; data += sent, size -= sent)
        if ((sent = send(s, data, size, 0)) <= 0) fail("send");
}

/* --------------------------------------------- socket creation + close */

struct creation
{
    const char *name;
    const char *socket_kind;     /* names the round-trip phases */
    int type, protocol;
    int wsasocket, overlapped;   /* WSASocketW, with WSA_FLAG_OVERLAPPED */
};

static const struct creation creations[] =
{
    { "create_close_tcp", "socket_tcp", SOCK_STREAM, IPPROTO_TCP, 0, 0 },
    { "create_close_udp", "socket_udp", SOCK_DGRAM, IPPROTO_UDP, 0, 0 },
    { "wsasocket_tcp_overlapped", "wsasocket_tcp_overlapped", SOCK_STREAM, IPPROTO_TCP, 1, 1 },
    { "wsasocket_tcp_plain", "wsasocket_tcp_plain", SOCK_STREAM, IPPROTO_TCP, 1, 0 },
};

static bench_socket create_socket(const struct creation *how)
{
    bench_socket s;

    if (how->wsasocket) s = platform_wsasocket_tcp(how->overlapped);
    else s = socket(AF_INET, how->type, how->protocol);
    if (s == BENCH_BAD_SOCKET) fail(how->name);
    return s;
}

static void create_and_close(void *ctx, long count)
{
    const struct creation *how = ctx;

    while (count--) platform_close(create_socket(how));
}

static void measure_creation(const struct creation *how)
{
    report(how->name, time_per_op(create_and_close, (void *)how, 10000000), "us");
}

/* ------------------------------------------------------- accept rate */

struct acceptance
{
    bench_socket listener;
    struct sockaddr_in addr;
};

/* One whole connection: the client connects (loopback completes it in the
 * kernel's backlog), the server accepts, both close. */
static void connect_accept_close(void *ctx, long count)
{
    struct acceptance *a = ctx;
    bench_socket client, server;

    while (count--)
    {
        client = connected_socket(SOCK_STREAM, &a->addr);
        if ((server = accept(a->listener, NULL, NULL)) == BENCH_BAD_SOCKET) fail("accept");
        platform_close(client);
        platform_close(server);
    }
}

static void measure_accept(void)
{
    struct acceptance a;
    double us;

    a.listener = listening_socket(&a.addr);
    us = time_per_op(connect_accept_close, &a, MAX_CONNECTIONS);
    platform_close(a.listener);
    report("accept_rate", 1e6 / us, "conn/s");
}

/* --------------------------------------------------------- ping-pong */

struct ping_pong
{
    bench_socket client, server;
    struct platform_thread *echo;
};

/* Sends back every byte until the client shuts its side down. */
static void echo_body(void *arg)
{
    struct ping_pong *p = arg;
    char byte;

    platform_mark("ws2host-bench-mark-thread");
    while (recv(p->server, &byte, 1, 0) == 1)
        if (send(p->server, &byte, 1, 0) != 1) fail("echo send");
}

static void ping_pong_start(struct ping_pong *p)
{
    tcp_pair(&p->client, &p->server);
    set_nodelay(p->client);
    set_nodelay(p->server);
    p->echo = platform_thread_start(echo_body, p);
}

static void ping_pong_stop(struct ping_pong *p)
{
    shutdown(p->client, SHUT_WR);
    platform_thread_join(p->echo);
    platform_close(p->client);
    platform_close(p->server);
}

static void round_trips(void *ctx, long count)
{
    struct ping_pong *p = ctx;
    char byte = 'p';

    while (count--)
    {
        if (send(p->client, &byte, 1, 0) != 1) fail("ping send");
        if (recv(p->client, &byte, 1, 0) != 1) fail("ping recv");
    }
}

static void measure_ping_pong(void)
{
    struct ping_pong p;
    double us;

    ping_pong_start(&p);
    us = time_per_op(round_trips, &p, 100000000);
    ping_pong_stop(&p);
    report("ping_pong", us, "us");
}

/* ------------------------------------------------ IOCP ping-pong */

/* One side of the connection: its socket in its own thread's port, one
 * operation in flight at a time, as a Go or libuv connection does. */
struct iocp_side
{
    struct platform_port *port;
    struct platform_io io;
    char out, in;       /* apart, so a receive reported early shows */
    long receives, received_at_once;    /* at once: no wait was needed */
};

struct iocp_ping_pong
{
    struct iocp_side client, server;
    struct platform_thread *echo;
};

static void iocp_side_start(struct iocp_side *side, bench_socket s)
{
    memset(side, 0, sizeof(*side));
    side->port = platform_port_create();
    platform_port_add(side->port, s);
    side->io.s = s;
    side->io.size = 1;
}

/* One transfer: finished at once (no completion packet with SKIP on) or
 * through a wait on the port. */
static int iocp_transfer(struct iocp_side *side, int sending)
{
    int done;

    side->io.sending = sending;
    side->io.buffer = sending ? &side->out : &side->in;
    if ((done = platform_io_start(&side->io)) < 0) done = platform_io_wait(side->port, &side->io);
    else if (!sending) side->received_at_once++;
    side->receives += !sending;
    return done;
}

/* Sends back every byte until the client shuts its side down. */
static void iocp_echo_body(void *arg)
{
    struct iocp_side *side = arg;

    platform_mark("ws2host-bench-mark-thread");
    while (iocp_transfer(side, 0) == 1)
    {
        side->out = side->in;
        if (iocp_transfer(side, 1) != 1) fail("iocp echo send");
    }
}

static void iocp_ping_pong_start(struct iocp_ping_pong *p)
{
    struct sockaddr_in addr;
    bench_socket listener = listening_socket(&addr), client, server;

    /* socket() and accept() make overlapped sockets on Windows. */
    client = connected_socket(SOCK_STREAM, &addr);
    if ((server = accept(listener, NULL, NULL)) == BENCH_BAD_SOCKET) fail("accept");
    platform_close(listener);
    set_nodelay(client);
    set_nodelay(server);
    iocp_side_start(&p->client, client);
    iocp_side_start(&p->server, server);
    p->echo = platform_thread_start(iocp_echo_body, &p->server);
}

/* Returns the share of receives, both sides, that found data ready (what
 * a fast path for ready data would serve; sends of a byte always do). */
static double iocp_ping_pong_stop(struct iocp_ping_pong *p)
{
    shutdown(p->client.io.s, SHUT_WR);
    platform_thread_join(p->echo);
    platform_close(p->client.io.s);
    platform_close(p->server.io.s);
    platform_port_close(p->client.port);
    platform_port_close(p->server.port);
    return (double)(p->client.received_at_once + p->server.received_at_once) / (p->client.receives + p->server.receives);
}

static void iocp_round_trips(void *ctx, long count)
{
    struct iocp_side *client = ctx;

    while (count--)
    {
        client->out++;
        client->in = ~client->out;
        if (iocp_transfer(client, 1) != 1) fail("iocp ping send");
        if (iocp_transfer(client, 0) != 1 || client->in != client->out) fail("iocp ping recv (not the byte sent)");
    }
}

static void measure_iocp_ping_pong(void)
{
    struct iocp_ping_pong p;
    double us;

    iocp_ping_pong_start(&p);
    us = time_per_op(iocp_round_trips, &p.client, 100000000);
    report("iocp_ping_pong", us, "us");
    report("iocp_recv_at_once", 100 * iocp_ping_pong_stop(&p), "%");
}

/* -------------------------------------------------- AcceptEx rate */

/* One accept always in flight on the listener, as servers keep it. */
struct accept_ex
{
    bench_socket listener;
    struct sockaddr_in addr;
    struct platform_port *port;
    struct platform_io io;
    int pending;
};

static void accept_ex_start(struct accept_ex *a)
{
    memset(a, 0, sizeof(*a));
    a->listener = listening_socket(&a->addr);
    a->port = platform_port_create();
    platform_port_add(a->port, a->listener);
    a->pending = !platform_accept_start(&a->io, a->listener);
}

static void accept_ex_stop(struct accept_ex *a)
{
    if (a->pending) platform_accept_cancel(a->port, &a->io, a->listener);
    else platform_close(platform_accept_finish(a->port, &a->io, a->listener, 0));
    platform_close(a->listener);
    platform_port_close(a->port);
}

/* One whole connection: the client connects with a plain connect, the
 * accept in flight completes, both close, the next accept starts. */
static void connect_accept_ex_close(void *ctx, long count)
{
    struct accept_ex *a = ctx;
    bench_socket client, server;

    while (count--)
    {
        client = connected_socket(SOCK_STREAM, &a->addr);
        server = platform_accept_finish(a->port, &a->io, a->listener, a->pending);
        platform_close(client);
        platform_close(server);
        a->pending = !platform_accept_start(&a->io, a->listener);
    }
}

static void measure_accept_ex(void)
{
    struct accept_ex a;
    double us;

    accept_ex_start(&a);
    us = time_per_op(connect_accept_ex_close, &a, MAX_CONNECTIONS);
    accept_ex_stop(&a);
    report("acceptex_rate", 1e6 / us, "conn/s");
}

/* ------------------------------------------------------ bulk transfer */

struct bulk_receiver
{
    bench_socket s;
    double bytes;
};

static void receive_all(void *arg)
{
    struct bulk_receiver *r = arg;
    static char buffer[BULK_CHUNK];
    int got;

    while ((got = recv(r->s, buffer, sizeof(buffer), 0)) > 0) r->bytes += got;
    if (got < 0) fail("bulk recv");
}

/* From the first send until the receiver has every byte; no warm-up:
 * loopback TCP reaches full speed within milliseconds. */
static void measure_bulk(void)
{
    static char chunk[BULK_CHUNK];
    struct bulk_receiver receiver = { 0 };
    struct platform_thread *thread;
    bench_socket sender;
    double start, elapsed;

    memset(chunk, 'b', sizeof(chunk));
    tcp_pair(&sender, &receiver.s);
    thread = platform_thread_start(receive_all, &receiver);
    start = platform_now_us();
    while (platform_now_us() - start < budget_us) send_all(sender, chunk, sizeof(chunk));
    shutdown(sender, SHUT_WR);
    platform_thread_join(thread);
    elapsed = platform_now_us() - start;
    platform_close(sender);
    platform_close(receiver.s);
    report("bulk_tcp", receiver.bytes / elapsed, "MB/s");
}

/* ------------------------------------------------------ UDP datagrams */

enum { datagram_data = 'd', datagram_end = 'e' };

struct udp_receiver
{
    bench_socket s;
    long received;
    double last_us;     /* when the last data datagram arrived */
    int done;                   /* set once the receiver stops (atomic) */
};

/* Counts data datagrams until the end marker, or until the line stays
 * silent for the receive timeout (datagrams may drop: never block). */
static void count_datagrams(void *arg)
{
    struct udp_receiver *r = arg;
    char buffer[DATAGRAM_SIZE * 2];
    int got;

    while ((got = recv(r->s, buffer, sizeof(buffer), 0)) > 0 && buffer[0] != datagram_end)
    {
        r->received++;
        r->last_us = platform_now_us();
    }
    __atomic_store_n(&r->done, 1, __ATOMIC_RELEASE);
}

/* Repeats the end marker until the receiver has seen it (the first ones
 * may drop while its queue is still full). */
static void send_end_markers(bench_socket sender, struct udp_receiver *r)
{
    char marker[DATAGRAM_SIZE];

    memset(marker, datagram_end, sizeof(marker));
    for (int tries = 0; tries < 1000 && !__atomic_load_n(&r->done, __ATOMIC_ACQUIRE); tries++)
    {
        send(sender, marker, sizeof(marker), 0);
        platform_sleep_ms(1);
    }
}

static void measure_udp(void)
{
    char datagram[DATAGRAM_SIZE];
    struct udp_receiver receiver = { 0 };
    struct platform_thread *thread;
    struct sockaddr_in addr;
    bench_socket sender;
    double start;

    memset(datagram, datagram_data, sizeof(datagram));
    receiver.s = bound_socket(SOCK_DGRAM, &addr);
    platform_set_recv_timeout(receiver.s, 500);
    sender = connected_socket(SOCK_DGRAM, &addr);
    thread = platform_thread_start(count_datagrams, &receiver);
    start = platform_now_us();
    while (platform_now_us() - start < budget_us)
        if (send(sender, datagram, sizeof(datagram), 0) != sizeof(datagram)) fail("udp send");
    send_end_markers(sender, &receiver);
    platform_thread_join(thread);
    platform_close(sender);
    platform_close(receiver.s);
    if (!receiver.received) fail("udp: no datagram arrived");
    report("udp_datagrams", receiver.received / ((receiver.last_us - start) / 1e6), "dgram/s");
}

/* ------------------------------------------------------------ select */

struct selection
{
    bench_socket sockets[IDLE_SOCKETS + 1];   /* the last one is readable */
    fd_set all;
    int nfds;                                 /* Linux's highest fd + 1 */
};

static void selection_start(struct selection *s)
{
    struct sockaddr_in addr;
    char datagram = 'r';

    FD_ZERO(&s->all);
    s->nfds = 0;
    for (int i = 0; i <= IDLE_SOCKETS; i++)
    {
        s->sockets[i] = bound_socket(SOCK_DGRAM, &addr);
        FD_SET(s->sockets[i], &s->all);
        if ((int)s->sockets[i] + 1 > s->nfds) s->nfds = (int)s->sockets[i] + 1;
    }
    /* Never read, so it stays readable: loopback delivers at once. */
    if (sendto(s->sockets[IDLE_SOCKETS], &datagram, 1, 0, (struct sockaddr *)&addr, sizeof(addr)) != 1)
        fail("sendto");
}

static void selection_stop(struct selection *s)
{
    for (int i = 0; i <= IDLE_SOCKETS; i++) platform_close(s->sockets[i]);
}

static void select_calls(void *ctx, long count)
{
    struct selection *s = ctx;
    struct timeval timeout;
    fd_set readable;

    while (count--)
    {
        readable = s->all;
        timeout.tv_sec = 1;
        timeout.tv_usec = 0;
        if (select(s->nfds, &readable, NULL, NULL, &timeout) != 1) fail("select");
    }
}

static void measure_select(void)
{
    struct selection s;

    selection_start(&s);
    report("select_65", time_per_op(select_calls, &s, 100000000), "us");
    selection_stop(&s);
}

/* ------------------------------------------------ readiness servers */

/* One server thread serves READY_CONNECTIONS connections through event
 * selection or polling; one client thread sends a byte on each and then
 * reads each echo. The time is per exchange (one byte there and back on
 * one connection). */
#define READY_CONNECTIONS 8

struct ready_server
{
    enum platform_ready_kind kind;
    bench_socket client[READY_CONNECTIONS], server[READY_CONNECTIONS];
    struct platform_thread *thread;
};

static void ready_server_body(void *arg)
{
    struct ready_server *r = arg;
    struct platform_ready *set = platform_ready_create(r->kind, r->server, READY_CONNECTIONS);
    int ready[READY_MAX], open = READY_CONNECTIONS, closed[READY_CONNECTIONS] = { 0 };
    char buffer[64];

    platform_mark("ws2host-bench-mark-thread");
    while (open > 0)
    {
        int count = platform_ready_wait(set, ready);

        for (int k = 0; k < count; k++)
        {
            int i = ready[k], got;

            if (closed[i]) continue;
            got = recv(r->server[i], buffer, sizeof(buffer), 0);
            if (got > 0) send_all(r->server[i], buffer, got);
            else if (!got)
            {
                closed[i] = 1;
                open--;
                platform_ready_remove(set, i);
            }
            else if (!platform_would_block()) fail("server recv");
        }
    }
    platform_ready_close(set);
}

static void ready_server_start(struct ready_server *r, enum platform_ready_kind kind)
{
    r->kind = kind;
    for (int i = 0; i < READY_CONNECTIONS; i++)
    {
        tcp_pair(&r->client[i], &r->server[i]);
        set_nodelay(r->client[i]);
        set_nodelay(r->server[i]);
        platform_set_recv_timeout(r->client[i], 10000);
    }
    r->thread = platform_thread_start(ready_server_body, r);
}

static void ready_server_stop(struct ready_server *r)
{
    for (int i = 0; i < READY_CONNECTIONS; i++) shutdown(r->client[i], SHUT_WR);
    platform_thread_join(r->thread);
    for (int i = 0; i < READY_CONNECTIONS; i++)
    {
        platform_close(r->client[i]);
        platform_close(r->server[i]);
    }
}

/* `count` exchanges, up to one per connection at a time. */
static void ready_exchanges(void *ctx, long count)
{
    struct ready_server *r = ctx;
    char byte = 'q';

    while (count > 0)
    {
        int n = count < READY_CONNECTIONS ? (int)count : READY_CONNECTIONS;

        for (int i = 0; i < n; i++)
            if (send(r->client[i], &byte, 1, 0) != 1) fail("client send");
        for (int i = 0; i < n; i++)
            if (recv(r->client[i], &byte, 1, 0) != 1) fail("client recv");
        count -= n;
    }
}

static void measure_ready_server(enum platform_ready_kind kind, const char *name)
{
    struct ready_server r;
    double us;

    ready_server_start(&r, kind);
    us = time_per_op(ready_exchanges, &r, 100000000);
    ready_server_stop(&r);
    report(name, us, "us");
}

static void measure_eventselect_server(void) { measure_ready_server(READY_EVENTS, "eventselect_server"); }
static void measure_wsapoll_server(void) { measure_ready_server(READY_POLL, "wsapoll_server"); }

/* ------------------------------------------------------------ memory */

/* What the process itself keeps per open socket (the kernel's and the
 * wineserver's share is not in it), and what stays after closing. */
static void measure_memory(int count)
{
    bench_socket *sockets = calloc(count, sizeof(*sockets));
    struct memory_sample before, open, closed;

    if (!sockets) fail("calloc");
    platform_close(create_socket(&creations[0]));
    platform_memory(&before);
    for (int i = 0; i < count; i++) sockets[i] = create_socket(&creations[0]);
    platform_memory(&open);
    for (int i = 0; i < count; i++) platform_close(sockets[i]);
    platform_memory(&closed);
    free(sockets);
    report("memory_private_per_socket", (open.private_bytes - before.private_bytes) / count, "B");
    report("memory_resident_per_socket", (open.resident_bytes - before.resident_bytes) / count, "B");
    report("memory_private_kept_after_close", (closed.private_bytes - before.private_bytes) / count, "B");
}

/* -------------------------------------------------------- round trips */

/* Each phase does `count` operations between two marks, so a trace of
 * wineserver requests divided by `count` gives requests per operation.
 * Everything before a phase's mark is warm-up: first-use costs stay out. */
static void mark_phase(const char *phase)
{
    char name[128];

    snprintf(name, sizeof(name), "ws2host-bench-mark-%s", phase);
    platform_mark(name);
}

static void trace_creation(const struct creation *how, int count)
{
    bench_socket *sockets = calloc(count, sizeof(*sockets));
    char phase[64];

    if (!sockets) fail("calloc");
    snprintf(phase, sizeof(phase), "create_%s", how->socket_kind);
    mark_phase(phase);
    for (int i = 0; i < count; i++) sockets[i] = create_socket(how);
    snprintf(phase, sizeof(phase), "close_%s", how->socket_kind);
    mark_phase(phase);
    for (int i = 0; i < count; i++) platform_close(sockets[i]);
    mark_phase("idle");
    free(sockets);
}

/* One phase: a warm-up (first-use costs, threads up and running), then
 * `count` operations between the phase's mark and the next. */
static void trace_phase(const char *phase, op_fn *op, void *ctx, long warmup, long count)
{
    op(ctx, warmup);
    mark_phase(phase);
    op(ctx, count);
    mark_phase("idle");
}

static void trace_round_trips(int count)
{
    struct iocp_ping_pong iocp;
    struct ready_server rs;
    struct acceptance a;
    struct accept_ex ax;
    struct selection s;
    struct ping_pong p;

    mark_phase("warmup");
    for (size_t i = 0; i < sizeof(creations) / sizeof(creations[0]); i++)
    {
        create_and_close((void *)&creations[i], 2);
        trace_creation(&creations[i], count);
    }

    ping_pong_start(&p);
    trace_phase("ping_pong", round_trips, &p, 10, count);
    ping_pong_stop(&p);

    selection_start(&s);
    trace_phase("select_65", select_calls, &s, 2, count);
    selection_stop(&s);

    a.listener = listening_socket(&a.addr);
    trace_phase("connect_accept_close", connect_accept_close, &a, 2, count);
    platform_close(a.listener);

    iocp_ping_pong_start(&iocp);
    trace_phase("iocp_ping_pong", iocp_round_trips, &iocp.client, 10, count);
    iocp_ping_pong_stop(&iocp);

    accept_ex_start(&ax);
    trace_phase("acceptex_accept_close", connect_accept_ex_close, &ax, 2, count);
    accept_ex_stop(&ax);

    ready_server_start(&rs, READY_EVENTS);
    trace_phase("eventselect_server", ready_exchanges, &rs, 16, count);
    ready_server_stop(&rs);

    ready_server_start(&rs, READY_POLL);
    trace_phase("wsapoll_server", ready_exchanges, &rs, 16, count);
    ready_server_stop(&rs);
}

/* -------------------------------------------------------------- modes */

struct measurement
{
    const char *name;
    void (*run)(void);
};

static void create_close_tcp(void) { measure_creation(&creations[0]); }
static void create_close_udp(void) { measure_creation(&creations[1]); }
static void wsasocket_overlapped(void) { measure_creation(&creations[2]); }
static void wsasocket_plain(void) { measure_creation(&creations[3]); }

static const struct measurement measurements[] =
{
    { "create_close_tcp", create_close_tcp },
    { "create_close_udp", create_close_udp },
    { "wsasocket_tcp_overlapped", wsasocket_overlapped },
    { "wsasocket_tcp_plain", wsasocket_plain },
    { "accept_rate", measure_accept },
    { "ping_pong", measure_ping_pong },
    { "iocp_ping_pong", measure_iocp_ping_pong },
    { "acceptex_rate", measure_accept_ex },
    { "bulk_tcp", measure_bulk },
    { "udp_datagrams", measure_udp },
    { "select_65", measure_select },
    { "eventselect_server", measure_eventselect_server },
    { "wsapoll_server", measure_wsapoll_server },
};

#define MEASUREMENT_COUNT (sizeof(measurements) / sizeof(measurements[0]))

static int usage(void)
{
    fprintf(stderr, "usage: bench all|NAME [SECONDS]  (seconds per measurement, default 0.4)\n"
                    "       bench memory [SOCKETS]     (default 2000)\n"
                    "       bench roundtrips [COUNT]   (default 100; for a WINEDEBUG=+server trace)\n"
                    "       bench implementation\n"
                    "NAME is one of:");
    for (size_t i = 0; i < MEASUREMENT_COUNT; i++) fprintf(stderr, " %s", measurements[i].name);
    fprintf(stderr, "\n");
    return 2;
}

static int run_measurements(const char *which)
{
    int found = 0;

    for (size_t i = 0; i < MEASUREMENT_COUNT; i++)
    {
        if (strcmp(which, "all") && strcmp(which, measurements[i].name)) continue;
        measurements[i].run();
        found = 1;
    }
    return found ? 0 : usage();
}

int bench_main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "all";
    double number = argc > 2 ? atof(argv[2]) : 0;

    if (argc > 3 || (argc > 2 && number <= 0)) return usage();
    platform_init();
    printf("implementation %s\n", platform_implementation());
    fflush(stdout);
    if (!strcmp(mode, "implementation")) return 0;
    if (!strcmp(mode, "memory"))
    {
        measure_memory(number > 0 ? (int)number : 2000);
        return 0;
    }
    if (!strcmp(mode, "roundtrips"))
    {
        trace_round_trips(number > 0 ? (int)number : 100);
        return 0;
    }
    if (number > 0) budget_us = number * 1e6;
    return run_measurements(mode);
}
