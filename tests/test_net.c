/*
 * Tests of the data path entry points (net.c, waits.c) over loopback,
 * called directly with Windows-layout addresses and Windows flag values,
 * on sockets made and connected with plain Linux calls as Wine's server
 * makes them.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE     /* accept4 */
#include <dirent.h>
#include <poll.h>
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "ws2host/unixlib.h"
#include "heldsend.h"
#include "unix_private.h"
#include "unit_tests.h"
#include "waits.h"
#include "wsvalues.h"


struct family_row
{
    const char *name;
    int family;                 /* Windows AF_* */
    int length;                 /* of its Windows address */
    int address_offset;         /* of the IP address in it */
    unsigned char loopback[16];
    int address_size;
};

static const struct family_row families[] =
{
    { "IPv4", 2,  16, 4, { 127, 0, 0, 1 }, 4 },
    { "IPv6", 23, 28, 8, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 16 },
};

static int fds_at_start = -1;

int net_suite_init(void)
{
    fds_at_start = ut_count_open_fds();
    return fds_at_start < 0;
}

/* A Windows-layout loopback address of the family, with this port. */
static void loopback_address(const struct family_row *f, int port, uint8_t *address)
{
    memset(address, 0, 32);
    address[0] = (uint8_t)f->family;
    address[1] = 0;
    address[2] = (uint8_t)(port >> 8);
    address[3] = (uint8_t)port;
    memcpy(address + f->address_offset, f->loopback, f->address_size);
}

static int address_port(const uint8_t *address)
{
    return address[2] << 8 | address[3];
}

/* A TCP socket as Wine's server hands it out (non-blocking); the unix
 * calls below block as a blocking Windows socket does (timeout -1). */
static int tcp_socket(const struct family_row *f)
{
    return ut_socket(f->family, SOCK_STREAM);
}

/* The Linux form of a Windows-layout address of the family. */
static socklen_t linux_address(const struct family_row *f, const uint8_t *address, struct sockaddr_storage *out)
{
    memset(out, 0, sizeof(*out));
    if (f->family == 23)
    {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)out;

        sin6->sin6_family = AF_INET6;
        memcpy(&sin6->sin6_port, address + 2, 2);
        memcpy(&sin6->sin6_addr, address + f->address_offset, f->address_size);
        return sizeof(*sin6);
    }
    ((struct sockaddr_in *)out)->sin_family = AF_INET;
    memcpy(&((struct sockaddr_in *)out)->sin_port, address + 2, 2);
    memcpy(&((struct sockaddr_in *)out)->sin_addr, address + f->address_offset, f->address_size);
    return sizeof(struct sockaddr_in);
}

/* Plain Linux calls, as Wine's server makes them: 0 or errno. */
static int linux_bind(const struct family_row *f, int fd, const uint8_t *address)
{
    struct sockaddr_storage sa;
    socklen_t length = linux_address(f, address, &sa);

    return bind(fd, (struct sockaddr *)&sa, length) < 0 ? errno : 0;
}

static int wait_ready(int fd, short events)
{
    struct pollfd pfd = { .fd = fd, .events = events };

    return poll(&pfd, 1, 5000) == 1 ? 0 : ETIMEDOUT;
}

/* A non-blocking connect, then its outcome (SO_ERROR). */
static int linux_connect(const struct family_row *f, int fd, const uint8_t *address)
{
    struct sockaddr_storage sa;
    socklen_t length = linux_address(f, address, &sa), optlen = sizeof(int);
    int pending = 0;

    if (!connect(fd, (struct sockaddr *)&sa, length)) return 0;
    if (errno != EINPROGRESS) return errno;
    if (wait_ready(fd, POLLOUT)) return ETIMEDOUT;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &pending, &optlen) < 0) return errno;
    return pending;
}

static unsigned int get_name(unsigned int (*call)(void *), int fd, uint8_t *address, int *length)
{
    struct ws2host_address_params p;
    unsigned int ret;

    memset(&p, 0x5a, sizeof(p));
    p.fd = fd;
    p.length = -1;
    ret = call(&p);
    memcpy(address, p.address, sizeof(p.address));
    *length = p.length;
    return ret;
}

/* The params of a call with one buffer (entry, which must outlive them). */
static struct ws2host_io_params one_buffer(int fd, int flags, const void *buffer, uint32_t length,
                                           struct ws2host_buffer *entry)
{
    *entry = (struct ws2host_buffer){ .data = (uintptr_t)buffer, .length = length };
    return (struct ws2host_io_params){ .fd = fd, .flags = flags, .buffers = (uintptr_t)entry, .count = 1,
                                       .transferred = 0xdeadbeef, .timeout_ms = -1 };
}

static unsigned int do_io(unsigned int (*call)(void *), int fd, int flags, const void *buffer,
                          uint32_t length, uint32_t *transferred)
{
    struct ws2host_buffer entry;
    struct ws2host_io_params p = one_buffer(fd, flags, buffer, length, &entry);
    unsigned int ret = call(&p);

    *transferred = p.transferred;
    return ret;
}

/* A listener bound to loopback port 0 and listening; its address in
 * *address, as the unix side names it. */
static int make_listener(const struct family_row *f, uint8_t *address)
{
    int fd = tcp_socket(f), length = 0;
    unsigned int ret;

    UT_CHECK(fd >= 0, "%s: no listening socket", f->name);
    if (fd < 0) return -1;
    loopback_address(f, 0, address);
    ret = linux_bind(f, fd, address);
    UT_CHECK(ret == 0, "%s: bind failed with errno %u", f->name, ret);
    ret = get_name(unix_getsockname, fd, address, &length);
    UT_CHECK(ret == 0, "%s: getsockname returned %u", f->name, ret);
    UT_CHECK(length == f->length, "%s: getsockname length %d, expected %d", f->name, length,
             f->length);
    UT_CHECK(address[0] == f->family && address[1] == 0, "%s: getsockname family %u",
             f->name, address[0] | address[1] << 8);
    UT_CHECK(address_port(address) != 0, "%s: getsockname port 0 after bind", f->name);
    UT_CHECK(!memcmp(address + f->address_offset, f->loopback, f->address_size),
             "%s: getsockname address is not loopback", f->name);
    UT_CHECK(listen(fd, 4) == 0, "%s: listen failed with errno %d", f->name, errno);
    return fd;
}

/* A connected pair through listen, connect and accept. */
struct connection
{
    int listener, client, server;
    uint8_t listener_address[32], client_address[32];
};

static int make_connection(const struct family_row *f, struct connection *c)
{
    uint8_t peer[32];
    int length = 0;
    unsigned int ret;

    c->client = c->server = -1;
    if ((c->listener = make_listener(f, c->listener_address)) < 0) return -1;
    if ((c->client = tcp_socket(f)) < 0) return -1;

    ret = linux_connect(f, c->client, c->listener_address);
    UT_CHECK(ret == 0, "%s: connect failed with errno %u", f->name, ret);
    ret = get_name(unix_getsockname, c->client, c->client_address, &length);
    UT_CHECK(ret == 0 && length == f->length, "%s: client getsockname returned %u length %d",
             f->name, ret, length);

    if (wait_ready(c->listener, POLLIN)) return -1;
    c->server = accept4(c->listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    UT_CHECK(c->server >= 0, "%s: accept failed with errno %d", f->name, errno);
    if (c->server < 0) return -1;
    /* The peer the listener saw is the client's own name. */
    ret = get_name(unix_getpeername, c->server, peer, &length);
    UT_CHECK(ret == 0 && length == f->length, "%s: accepted peer returned %u length %d, expected %d", f->name,
             ret, length, f->length);
    UT_CHECK(!memcmp(peer, c->client_address, f->length),
             "%s: accepted peer address is not the client's name", f->name);
    return 0;
}

static void close_connection(struct connection *c)
{
    if (c->server >= 0) close(c->server);
    if (c->client >= 0) close(c->client);
    if (c->listener >= 0) close(c->listener);
    c->server = c->client = c->listener = -1;
}

static void check_exchange(const struct family_row *f)
{
    struct connection c;
    uint8_t address[32];
    char buffer[16];
    uint32_t transferred;
    int length;
    unsigned int ret;

    if (make_connection(f, &c))
    {
        close_connection(&c);
        return;
    }

    /* Names on both ends agree. */
    ret = get_name(unix_getpeername, c.client, address, &length);
    UT_CHECK(ret == 0 && length == f->length && !memcmp(address, c.listener_address, f->length),
             "%s: client getpeername returned %u length %d, not the listener's name", f->name,
             ret, length);
    ret = get_name(unix_getsockname, c.server, address, &length);
    UT_CHECK(ret == 0 && length == f->length && !memcmp(address, c.listener_address, f->length),
             "%s: accepted getsockname returned %u length %d, not the listener's name", f->name,
             ret, length);
    ret = get_name(unix_getpeername, c.server, address, &length);
    UT_CHECK(ret == 0 && length == f->length && !memcmp(address, c.client_address, f->length),
             "%s: accepted getpeername returned %u length %d, not the client's name", f->name,
             ret, length);

    ret = do_io(unix_send, c.client, 0, "hello", 5, &transferred);
    UT_CHECK(ret == 0 && transferred == 5, "%s: send returned %u transferred %u", f->name, ret,
             transferred);

    /* MSG_PEEK twice sees the same data, then recv takes it. */
    for (int i = 0; i < 2; i++)
    {
        memset(buffer, 0, sizeof(buffer));
        ret = do_io(unix_recv, c.server, WS_MSG_PEEK, buffer, sizeof(buffer), &transferred);
        UT_CHECK(ret == 0 && transferred == 5 && !memcmp(buffer, "hello", 5),
                 "%s: peek %d returned %u transferred %u \"%.16s\"", f->name, i, ret,
                 transferred, buffer);
    }
    memset(buffer, 0, sizeof(buffer));
    ret = do_io(unix_recv, c.server, 0, buffer, sizeof(buffer), &transferred);
    UT_CHECK(ret == 0 && transferred == 5 && !memcmp(buffer, "hello", 5),
             "%s: recv returned %u transferred %u \"%.16s\"", f->name, ret, transferred, buffer);

    /* Nothing left: a non-blocking recv says so, a blocking one waits
     * for its timeout. */
    {
        struct ws2host_buffer entry;
        struct ws2host_io_params p = one_buffer(c.server, WS_MSG_PEEK, buffer, sizeof(buffer), &entry);

        p.timeout_ms = 0;
        ret = unix_recv(&p);
        UT_CHECK(ret == WSAEWOULDBLOCK && p.transferred == 0,
                 "%s: non-blocking peek after recv returned %u transferred %u", f->name, ret, p.transferred);
        p.timeout_ms = 100;
        ret = unix_recv(&p);
        UT_CHECK(ret == WSAETIMEDOUT && p.transferred == 0,
                 "%s: peek with a 100 ms timeout returned %u transferred %u", f->name, ret, p.transferred);
    }

    /* And the other way. */
    ret = do_io(unix_send, c.server, 0, "world!", 6, &transferred);
    UT_CHECK(ret == 0 && transferred == 6, "%s: reply send returned %u transferred %u", f->name,
             ret, transferred);
    memset(buffer, 0, sizeof(buffer));
    ret = do_io(unix_recv, c.client, 0, buffer, sizeof(buffer), &transferred);
    UT_CHECK(ret == 0 && transferred == 6 && !memcmp(buffer, "world!", 6),
             "%s: reply recv returned %u transferred %u", f->name, ret, transferred);

    /* A shutdown of the client's sending side is the server's end of file. */
    CU_ASSERT_EQUAL(shutdown(c.client, SHUT_WR), 0);
    ret = do_io(unix_recv, c.server, 0, buffer, sizeof(buffer), &transferred);
    UT_CHECK(ret == 0 && transferred == 0, "%s: recv after peer's shutdown returned %u "
             "transferred %u", f->name, ret, transferred);

    close_connection(&c);
}

static void test_exchange_ipv4(void)
{
    check_exchange(&families[0]);
}

static void test_exchange_ipv6(void)
{
    check_exchange(&families[1]);
}

/* Message flag bits with no Linux meaning are refused before any I/O. */
static void test_unknown_message_flags(void)
{
    static const int bad_flags[] = { 0x4000, 0x4000 | WS_MSG_PEEK, 0x10, 0x80000000 };
    const struct family_row *f = &families[0];
    struct connection c;
    char buffer[8];
    uint32_t transferred;
    unsigned int ret;

    if (make_connection(f, &c))
    {
        close_connection(&c);
        return;
    }
    for (size_t i = 0; i < UT_ARRAY_COUNT(bad_flags); i++)
    {
        ret = do_io(unix_send, c.client, bad_flags[i], "x", 1, &transferred);
        UT_CHECK(ret == WSAEOPNOTSUPP && transferred == 0,
                 "send flags %#x: returned %u transferred %u, expected %u", bad_flags[i], ret,
                 transferred, WSAEOPNOTSUPP);
        ret = do_io(unix_recv, c.server, bad_flags[i], buffer, sizeof(buffer), &transferred);
        UT_CHECK(ret == WSAEOPNOTSUPP && transferred == 0,
                 "recv flags %#x: returned %u transferred %u, expected %u", bad_flags[i], ret,
                 transferred, WSAEOPNOTSUPP);
    }
    /* The refused sends sent nothing: the first byte the server gets is
     * the one sent next. */
    ret = do_io(unix_send, c.client, 0, "y", 1, &transferred);
    CU_ASSERT(ret == 0 && transferred == 1);
    ret = do_io(unix_recv, c.server, 0, buffer, sizeof(buffer), &transferred);
    UT_CHECK(ret == 0 && transferred == 1 && buffer[0] == 'y',
             "recv after refused sends returned %u transferred %u", ret, transferred);
    close_connection(&c);
}

/* SIGPIPE blocked while the sends run: one raised would stay pending,
 * where it can be seen, rather than kill the test program. */
static int sigpipe_pending(void)
{
    sigset_t pending;

    sigpending(&pending);
    return sigismember(&pending, SIGPIPE);
}

static void discard_sigpipe(void)
{
    static const struct timespec no_wait = { 0, 0 };
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    while (sigtimedwait(&set, NULL, &no_wait) == SIGPIPE) ;
}

static void test_send_after_close(void)
{
    const struct family_row *f = &families[0];
    struct connection c;
    sigset_t block, saved;
    uint32_t transferred;
    unsigned int ret = 0;
    int tries;

    sigemptyset(&block);
    sigaddset(&block, SIGPIPE);
    CU_ASSERT_EQUAL_FATAL(pthread_sigmask(SIG_BLOCK, &block, &saved), 0);
    discard_sigpipe();

    if (!make_connection(f, &c))
    {
        /* Our own sending side shut: EPIPE at once. */
        CU_ASSERT_EQUAL(shutdown(c.client, SHUT_WR), 0);
        ret = do_io(unix_send, c.client, 0, "late", 4, &transferred);
        UT_CHECK(ret >= 10000 && ret < 11100 && transferred == 0,
                 "send after shutdown(SD_SEND) returned %u transferred %u", ret, transferred);
        UT_CHECK(!sigpipe_pending(), "send after shutdown(SD_SEND) raised SIGPIPE");

        /* The peer gone: the first send may still be taken, the reset
         * that answers it fails a later one. */
        close(c.client);
        c.client = -1;
        for (tries = 0; tries < 50; tries++)
        {
            ret = do_io(unix_send, c.server, 0, "late", 4, &transferred);
            if (ret) break;
            usleep(10000);
        }
        UT_CHECK(ret >= 10000 && ret < 11100, "send to a closed peer returned %u after %d tries",
                 ret, tries);
        UT_CHECK(!sigpipe_pending(), "send to a closed peer raised SIGPIPE");
    }
    close_connection(&c);

    discard_sigpipe();
    CU_ASSERT_EQUAL(pthread_sigmask(SIG_SETMASK, &saved, NULL), 0);
}

static void test_not_connected(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(families); i++)
    {
        const struct family_row *f = &families[i];
        int fd = tcp_socket(f), length;
        uint8_t address[32];
        uint32_t transferred;
        unsigned int ret;

        UT_CHECK(fd >= 0, "%s: no socket", f->name);
        if (fd < 0) continue;
        ret = get_name(unix_getpeername, fd, address, &length);
        UT_CHECK(ret == WSAENOTCONN, "%s: getpeername returned %u, expected %u", f->name, ret,
                 WSAENOTCONN);
        ret = do_io(unix_recv, fd, 0, address, sizeof(address), &transferred);
        UT_CHECK(ret == WSAENOTCONN && transferred == 0,
                 "%s: recv returned %u transferred %u, expected %u", f->name, ret, transferred,
                 WSAENOTCONN);
        close(fd);
    }
}

/* The facts the PE side turns into Windows' answers: an unbound
 * datagram socket has port 0 and a non-blocking recv on it does not
 * wait; a stream socket never connected has no peer and Linux fails its
 * send with EPIPE (WSAESHUTDOWN). */
static void test_facts_for_windows(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(families); i++)
    {
        const struct family_row *f = &families[i];
        int udp = ut_socket(f->family, SOCK_DGRAM), tcp = tcp_socket(f), length;
        uint8_t address[32], buffer[8];
        struct ws2host_buffer entry;
        struct ws2host_io_params p = one_buffer(udp, 0, buffer, sizeof(buffer), &entry);
        sigset_t block, saved;
        uint32_t transferred;
        unsigned int ret;

        UT_CHECK(udp >= 0 && tcp >= 0, "%s: no socket", f->name);
        if (udp < 0 || tcp < 0) goto done;
        ret = get_name(unix_getsockname, udp, address, &length);
        UT_CHECK(ret == 0 && length == f->length && !address_port(address),
                 "%s: unbound getsockname returned %u length %d port %d", f->name, ret, length, address_port(address));
        p.timeout_ms = 0;
        ret = unix_recv(&p);
        UT_CHECK(ret == WSAEWOULDBLOCK && !p.transferred, "%s: unbound non-blocking recv returned %u", f->name, ret);

        ret = get_name(unix_getpeername, tcp, address, &length);
        UT_CHECK(ret == WSAENOTCONN, "%s: getpeername never connected returned %u", f->name, ret);
        sigemptyset(&block);
        sigaddset(&block, SIGPIPE);
        CU_ASSERT_EQUAL(pthread_sigmask(SIG_BLOCK, &block, &saved), 0);
        ret = do_io(unix_send, tcp, 0, "x", 1, &transferred);
        UT_CHECK(ret == WSAESHUTDOWN && !transferred, "%s: send never connected returned %u", f->name, ret);
        UT_CHECK(!sigpipe_pending(), "%s: send never connected raised SIGPIPE", f->name);
        CU_ASSERT_EQUAL(pthread_sigmask(SIG_SETMASK, &saved, NULL), 0);
    done:
        if (udp >= 0) close(udp);
        if (tcp >= 0) close(tcp);
    }
}

/* A sendto address the unix side cannot use is refused before anything
 * is sent: too short for its family, or a family Windows does not have. */
static void test_sendto_address_errors(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(families); i++)
    {
        const struct family_row *f = &families[i];
        static const int short_lengths[] = { 1, 2, 8, 15 };
        int fd = ut_socket(f->family, SOCK_DGRAM), receiver = ut_socket(f->family, SOCK_DGRAM), length;
        struct ws2host_buffer entry;
        struct ws2host_io_params p = one_buffer(fd, 0, "d", 1, &entry);
        uint8_t address[32];
        char byte = 0;
        unsigned int ret;

        UT_CHECK(fd >= 0 && receiver >= 0, "%s: no socket", f->name);
        if (fd < 0 || receiver < 0) goto done;
        loopback_address(f, 0, address);
        CU_ASSERT_EQUAL(linux_bind(f, receiver, address), 0);
        CU_ASSERT_EQUAL(get_name(unix_getsockname, receiver, address, &length), 0);

        for (size_t j = 0; j < UT_ARRAY_COUNT(short_lengths); j++)
        {
            memcpy(p.address, address, sizeof(p.address));
            p.address_length = short_lengths[j];
            ret = unix_send(&p);
            UT_CHECK(ret == WSAEFAULT && !p.transferred, "%s: sendto with length %d returned %u, expected %u",
                     f->name, short_lengths[j], ret, WSAEFAULT);
        }
        p.address_length = f->length - 1;
        ret = unix_send(&p);
        UT_CHECK(ret == WSAEFAULT, "%s: sendto with length %d returned %u, expected %u", f->name,
                 f->length - 1, ret, WSAEFAULT);

        /* A family Windows does not have here (10 is Linux' AF_INET6). */
        p.address[0] = 10;
        p.address_length = 28;
        ret = unix_send(&p);
        UT_CHECK(ret == WSAEAFNOSUPPORT, "%s: sendto family 10 returned %u, expected %u",
                 f->name, ret, WSAEAFNOSUPPORT);

        /* None of the failures sent anything: the first datagram to arrive
         * is the one sent now. */
        memcpy(p.address, address, sizeof(p.address));
        p.address_length = f->length;
        entry.data = (uintptr_t)"e";
        ret = unix_send(&p);
        UT_CHECK(ret == 0 && p.transferred == 1, "%s: sendto after the failures returned %u", f->name, ret);
        CU_ASSERT_EQUAL(wait_ready(receiver, POLLIN), 0);
        CU_ASSERT(recv(receiver, &byte, 1, 0) == 1 && byte == 'e');
    done:
        if (fd >= 0) close(fd);
        if (receiver >= 0) close(receiver);
    }
}


/* ----------------------------------------------------------- buffers */
/* Entries over pieces of one string, empty ones included. */
static uint32_t split(struct ws2host_buffer *entries, const char *data, const uint32_t *lengths, size_t count)
{
    uint32_t total = 0;

    for (size_t i = 0; i < count; i++)
    {
        entries[i] = (struct ws2host_buffer){ .data = (uintptr_t)(data + total), .length = lengths[i] };
        total += lengths[i];
    }
    return total;
}

/* A stream: gathered on send, scattered on receive, in order. */
static void test_buffers_stream(void)
{
    static const uint32_t out_lengths[] = { 3, 0, 5, 2 }, in_lengths[] = { 4, 0, 20 };
    struct ws2host_buffer out[4], in[3];
    struct connection c;
    char received[24];
    struct ws2host_io_params p;
    unsigned int ret;

    if (make_connection(&families[0], &c))
    {
        close_connection(&c);
        return;
    }
    p = (struct ws2host_io_params){ .fd = c.client, .buffers = (uintptr_t)out, .count = 4, .timeout_ms = -1 };
    split(out, "abcdefghij", out_lengths, 4);
    ret = unix_send(&p);
    UT_CHECK(ret == 0 && p.transferred == 10, "send of 4 buffers returned %u transferred %u", ret, p.transferred);
    CU_ASSERT_EQUAL(wait_ready(c.server, POLLIN), 0);
    usleep(20 * 1000);          /* all ten bytes there */
    memset(received, '.', sizeof(received));
    p = (struct ws2host_io_params){ .fd = c.server, .buffers = (uintptr_t)in, .count = 3, .timeout_ms = -1 };
    split(in, received, in_lengths, 3);
    ret = unix_recv(&p);
    UT_CHECK(ret == 0 && p.transferred == 10 && !p.truncated, "recv into 3 buffers returned %u transferred %u",
             ret, p.transferred);
    UT_CHECK(!memcmp(received, "abcdefghij..", 12), "recv into 3 buffers gave \"%.12s\"", received);
    close_connection(&c);
}

/* A datagram is one message however many buffers it came from, and one
 * longer than the buffers fills them all and says it was truncated. */
static void test_buffers_datagram(void)
{
    static const uint32_t out_lengths[] = { 5, 4 }, in_lengths[] = { 2, 3 };
    int sender = ut_socket(2, SOCK_DGRAM), receiver = ut_socket(2, SOCK_DGRAM), length;
    struct ws2host_buffer out[2], in[2];
    struct ws2host_io_params p;
    char received[8] = "......";
    uint8_t address[32];
    unsigned int ret;

    CU_ASSERT_FATAL(sender >= 0 && receiver >= 0);
    loopback_address(&families[0], 0, address);
    CU_ASSERT_EQUAL(linux_bind(&families[0], receiver, address), 0);
    CU_ASSERT_EQUAL(get_name(unix_getsockname, receiver, address, &length), 0);
    p = (struct ws2host_io_params){ .fd = sender, .buffers = (uintptr_t)out, .count = 2, .timeout_ms = -1,
                                    .address_length = length };
    memcpy(p.address, address, sizeof(p.address));
    split(out, "datagram!", out_lengths, 2);
    ret = unix_send(&p);
    UT_CHECK(ret == 0 && p.transferred == 9, "sendto of 2 buffers returned %u transferred %u", ret, p.transferred);
    /* And an empty one, from no buffers at all. */
    p.count = 0;
    ret = unix_send(&p);
    UT_CHECK(ret == 0 && p.transferred == 0, "sendto of no buffers returned %u transferred %u", ret, p.transferred);

    p = (struct ws2host_io_params){ .fd = receiver, .buffers = (uintptr_t)in, .count = 2, .timeout_ms = -1 };
    split(in, received, in_lengths, 2);
    ret = unix_recv(&p);
    UT_CHECK(ret == 0 && p.transferred == 5 && p.truncated, "recv of 9 bytes into 5 returned %u transferred %u "
             "truncated %d", ret, p.transferred, p.truncated);
    UT_CHECK(!memcmp(received, "datag.", 6), "recv into 2 buffers gave \"%.6s\"", received);
    UT_CHECK(p.address_length == 16 && p.address[0] == 2, "recvfrom address length %d family %u", p.address_length,
             p.address[0]);
    /* The rest of the datagram is gone: next comes the empty one. */
    ret = unix_recv(&p);
    UT_CHECK(ret == 0 && p.transferred == 0 && !p.truncated, "recv of the empty datagram returned %u transferred %u",
             ret, p.transferred);
    close(sender);
    close(receiver);
}

struct drain
{
    int fd;
    size_t expected, got;
    int in_order;
};

static void *drain_thread(void *arg)
{
    struct drain *d = arg;
    char chunk[65536];

    d->in_order = 1;
    while (d->got < d->expected && !wait_ready(d->fd, POLLIN))
    {
        ssize_t n = recv(d->fd, chunk, sizeof(chunk), 0);

        if (n <= 0) break;
        for (ssize_t i = 0; i < n; i++)
            if (chunk[i] != (char)((d->got + i) % 251)) d->in_order = 0;
        d->got += n;
    }
    return NULL;
}

/* A blocking send of more than the socket takes at once goes on from
 * where each partial send stopped, buffer boundaries included. */
static void test_buffers_partial_send(void)
{
    enum { PIECES = 3, PIECE = 3 << 20 };
    struct ws2host_buffer entries[PIECES];
    struct ws2host_io_params p;
    struct drain d = { 0 };
    struct connection c;
    pthread_t thread;
    static char data[PIECES * PIECE];
    unsigned int ret;

    for (size_t i = 0; i < sizeof(data); i++) data[i] = (char)(i % 251);
    if (make_connection(&families[0], &c))
    {
        close_connection(&c);
        return;
    }
    d.fd = c.server;
    d.expected = sizeof(data);
    CU_ASSERT_FATAL(!pthread_create(&thread, NULL, drain_thread, &d));
    for (int i = 0; i < PIECES; i++)
        entries[i] = (struct ws2host_buffer){ .data = (uintptr_t)(data + i * PIECE), .length = PIECE };
    p = (struct ws2host_io_params){ .fd = c.client, .buffers = (uintptr_t)entries, .count = PIECES,
                                    .timeout_ms = -1 };
    ret = unix_send(&p);
    pthread_join(thread, NULL);
    UT_CHECK(ret == 0 && p.transferred == sizeof(data), "blocking send of %zu bytes returned %u transferred %u",
             sizeof(data), ret, p.transferred);
    UT_CHECK(d.got == sizeof(data) && d.in_order, "the peer got %zu bytes, in order: %d", d.got, d.in_order);
    /* A non-blocking send stops at what fits: a partial count, no error. */
    p = (struct ws2host_io_params){ .fd = c.client, .buffers = (uintptr_t)entries, .count = PIECES, .timeout_ms = 0 };
    for (int i = 0; i < PIECES; i++)
        entries[i] = (struct ws2host_buffer){ .data = (uintptr_t)(data + i * PIECE), .length = PIECE };
    ret = unix_send(&p);
    UT_CHECK(ret == 0 && p.transferred > 0 && p.transferred < sizeof(data),
             "non-blocking send of %zu bytes returned %u transferred %u", sizeof(data), ret, p.transferred);
    close_connection(&c);
}

/* A non-blocking stream send Linux takes only part of is taken whole
 * (heldsend.c): the next one fails while 64 KiB or more are held, the
 * shutdown asked meanwhile comes after the held bytes, and closing our
 * fd (closesocket) loses none of them. */
static void test_held_send(void)
{
    enum { SIZE = 8 << 20 };
    struct ws2host_buffer entry = { .length = SIZE };
    struct ws2host_held_params shut = { .action = ws2host_held_shut };
    struct ws2host_io_params p;
    struct drain d = { 0 };
    struct connection c;
    static char data[SIZE];
    char byte;
    unsigned int ret;

    for (size_t i = 0; i < sizeof(data); i++) data[i] = (char)(i % 251);
    entry.data = (uintptr_t)data;
    if (make_connection(&families[0], &c))
    {
        close_connection(&c);
        return;
    }
    p = (struct ws2host_io_params){ .fd = c.client, .buffers = (uintptr_t)&entry, .count = 1, .hold = 1 };
    ret = unix_send(&p);
    UT_CHECK(ret == 0 && p.transferred == SIZE && p.held, "held send returned %u transferred %u held %d", ret,
             p.transferred, p.held);
    p = (struct ws2host_io_params){ .fd = c.client, .buffers = (uintptr_t)&entry, .count = 1, .hold = 1 };
    ret = unix_send(&p);
    UT_CHECK(ret == WSAEWOULDBLOCK && !p.transferred && p.held, "send behind held bytes returned %u transferred %u",
             ret, p.transferred);
    shut.fd = c.client;
    UT_CHECK(unix_held(&shut) == 0 && shut.deferred, "the shutdown was not deferred");
    close(c.client);
    c.client = -1;
    d.fd = c.server;
    d.expected = SIZE;
    drain_thread(&d);
    UT_CHECK(d.got == SIZE && d.in_order, "the peer got %zu bytes, in order: %d", d.got, d.in_order);
    UT_CHECK(!wait_ready(c.server, POLLIN) && recv(c.server, &byte, 1, 0) == 0, "no end of stream after them");
    close_connection(&c);
}

/* More buffers than one Linux call takes: refused, nothing moved. */
static void test_buffers_too_many(void)
{
    static struct ws2host_buffer entries[WS2HOST_MAX_BUFFERS + 1];
    struct ws2host_io_params p;
    struct connection c;
    char byte = 'q';
    unsigned int ret;

    if (make_connection(&families[0], &c))
    {
        close_connection(&c);
        return;
    }
    for (size_t i = 0; i < UT_ARRAY_COUNT(entries); i++)
        entries[i] = (struct ws2host_buffer){ .data = (uintptr_t)&byte, .length = 1 };
    p = (struct ws2host_io_params){ .fd = c.client, .buffers = (uintptr_t)entries, .count = UT_ARRAY_COUNT(entries),
                                    .timeout_ms = 0 };
    ret = unix_send(&p);
    UT_CHECK(ret == WSAENOBUFS && !p.transferred, "send of %zu buffers returned %u transferred %u",
             UT_ARRAY_COUNT(entries), ret, p.transferred);
    p.fd = c.server;
    ret = unix_recv(&p);
    UT_CHECK(ret == WSAENOBUFS && !p.transferred, "recv into %zu buffers returned %u", UT_ARRAY_COUNT(entries), ret);
    /* As many as it takes are fine. */
    p.fd = c.client;
    p.count = WS2HOST_MAX_BUFFERS;
    ret = unix_send(&p);
    UT_CHECK(ret == 0 && p.transferred == WS2HOST_MAX_BUFFERS, "send of %d buffers returned %u transferred %u",
             WS2HOST_MAX_BUFFERS, ret, p.transferred);
    close_connection(&c);
}

/* ------------------------------------------------------------- waits */
static uint64_t inode_of(int fd)
{
    struct stat st;

    return fstat(fd, &st) ? 0 : (uint64_t)st.st_ino;
}

struct waiting_thread
{
    int fd;
    uint64_t inode;
    unsigned int first, second;     /* results of the two waits */
    int second_fd;
};

/* Waits to be cancelled, then waits again on another socket: the cancel
 * of the first wait must not leak into the second. */
static void *wait_twice(void *arg)
{
    struct waiting_thread *w = arg;

    w->first = wait_for_socket(w->fd, w->inode, POLLIN, 5000);
    w->second = wait_for_socket(w->second_fd, inode_of(w->second_fd), POLLIN, 100);
    wait_release_thread();
    return NULL;
}

static void test_wait_results(void)
{
    int pair[2];

    CU_ASSERT_FATAL(!socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair));
    CU_ASSERT_EQUAL(wait_for_socket(pair[0], inode_of(pair[0]), POLLIN, 0), WSAEWOULDBLOCK);
    CU_ASSERT_EQUAL(wait_for_socket(pair[0], inode_of(pair[0]), POLLIN, 30), WSAETIMEDOUT);
    CU_ASSERT_EQUAL(send(pair[1], "x", 1, 0), 1);
    CU_ASSERT_EQUAL(wait_for_socket(pair[0], inode_of(pair[0]), POLLIN, -1), 0);
    /* The thread's eventfd is reused: still right after several waits. */
    CU_ASSERT_EQUAL(wait_for_socket(pair[1], inode_of(pair[1]), POLLOUT, 30), 0);
    wait_release_thread();
    close(pair[0]);
    close(pair[1]);
}

static void test_wait_cancel_then_wait_again(void)
{
    struct ws2host_cancel_params cancel;
    struct waiting_thread w;
    int first[2], second[2];
    pthread_t thread;

    CU_ASSERT_FATAL(!socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, first));
    CU_ASSERT_FATAL(!socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, second));
    memset(&w, 0, sizeof(w));
    w.fd = first[0];
    w.inode = inode_of(first[0]);
    w.second_fd = second[0];
    CU_ASSERT_FATAL(!pthread_create(&thread, NULL, wait_twice, &w));
    usleep(100 * 1000);         /* let it block in the first wait */
    cancel.wait_key = w.inode;
    CU_ASSERT_EQUAL(unix_cancel(&cancel), 0);
    pthread_join(thread, NULL);
    CU_ASSERT_EQUAL(w.first, WSAEINTR);
    UT_CHECK(w.second == WSAETIMEDOUT, "second wait after a cancel returned %u", w.second);
    /* A socket cancelled lately stays cancelled for new waits. */
    CU_ASSERT_EQUAL(wait_for_socket(first[0], w.inode, POLLIN, 5000), WSAEINTR);
    wait_release_thread();
    close(first[0]);
    close(first[1]);
    close(second[0]);
    close(second[1]);
}

/* Two handles of one socket wait under keys of their own: closing one
 * (cancelling its key) leaves the other's waits alone, now and later. */
static void test_wait_cancel_by_key(void)
{
    struct ws2host_cancel_params cancel = { .wait_key = 0x7001 };
    struct waiting_thread w;
    int pair[2], other[2];
    pthread_t thread;

    CU_ASSERT_FATAL(!socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair));
    CU_ASSERT_FATAL(!socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, other));
    memset(&w, 0, sizeof(w));
    w.fd = pair[0];
    w.inode = 0x7002;           /* the other handle's key */
    w.second_fd = other[0];
    CU_ASSERT_FATAL(!pthread_create(&thread, NULL, wait_twice, &w));
    usleep(100 * 1000);
    CU_ASSERT_EQUAL(unix_cancel(&cancel), 0);
    usleep(100 * 1000);
    CU_ASSERT_EQUAL(send(pair[1], "x", 1, 0), 1);
    pthread_join(thread, NULL);
    UT_CHECK(w.first == 0, "the other key's wait ended with %u", w.first);
    /* A new wait under the untouched key still waits for data. */
    CU_ASSERT_EQUAL(wait_for_socket(pair[0], 0x7002, POLLIN, 30), 0);
    CU_ASSERT_EQUAL(wait_for_socket(pair[0], 0x7001, POLLIN, 30), WSAEINTR);
    wait_release_thread();
    close(pair[0]);
    close(pair[1]);
    close(other[0]);
    close(other[1]);
}

/* Last in the suite: everything the tests opened was closed. */
static void test_no_fd_leak(void)
{
    int now;

    wait_release_thread();      /* the thread's wait eventfd is kept on purpose */
    /* The held sends' thread keeps its wake-up eventfd for good. */
    now = ut_count_open_fds() - held_thread_fds();

    UT_CHECK(now == fds_at_start, "%d fds open before the suite, %d after", fds_at_start, now);
}

/* One Windows-layout control message (WSACMSGHDR on 64-bit). */
struct ws_message { uint64_t len; int32_t level, type; int32_t value; };

static const struct ws_message *find_ws_message(const uint8_t *control, uint32_t length, int level, int type)
{
    for (uint32_t at = 0; at + 16 <= length;)
    {
        const struct ws_message *m = (const struct ws_message *)(control + at);

        if (m->len < 16) return NULL;
        if (m->level == level && m->type == type) return m;
        at += (uint32_t)((m->len + 7) & ~(uint64_t)7);
    }
    return NULL;
}

/* WSARecvMsg's messages from Linux': the TOS byte a datagram was sent
 * with (ECN bits 2, ECT(0), and DSCP 0x28) comes as IP_TOS (3) and/or
 * IP_ECN (50), INTs of 16 + 4 bytes each taking 24, as the socket asked;
 * IP_PKTINFO (19) is the 8-byte IN_PKTINFO; too little room drops them
 * all and says so. */
static void test_recvmsg_control(void)
{
    int sender = ut_socket(2, SOCK_DGRAM), receiver = ut_socket(2, SOCK_DGRAM), length, on = 1, tos = 0xa2;
    struct ws2host_recvmsg_params p;
    struct ws2host_buffer in;
    struct ws2host_io_params out;
    struct ws2host_buffer one = { .data = (uintptr_t)"tos", .length = 3 };
    _Alignas(8) uint8_t control[128];
    const struct ws_message *m;
    uint8_t address[32];
    char received[8];
    unsigned int ret;
    static const struct { uint32_t asked, room; int tos, ecn, pktinfo, truncated; } cases[] =
    {
        { WS2HOST_RECV_TOS,                    128, 1, 0, 1, 0 },
        { WS2HOST_RECV_ECN,                    128, 0, 1, 1, 0 },
        { WS2HOST_RECV_TOS | WS2HOST_RECV_ECN, 128, 1, 1, 1, 0 },
        { WS2HOST_RECV_ECN,                    30,  0, 0, 0, 1 },
    };

    CU_ASSERT_FATAL(sender >= 0 && receiver >= 0);
    CU_ASSERT_EQUAL(setsockopt(sender, IPPROTO_IP, IP_TOS, &tos, sizeof(tos)), 0);
    CU_ASSERT_EQUAL(setsockopt(receiver, IPPROTO_IP, IP_RECVTOS, &on, sizeof(on)), 0);
    CU_ASSERT_EQUAL(setsockopt(receiver, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on)), 0);
    loopback_address(&families[0], 0, address);
    CU_ASSERT_EQUAL(linux_bind(&families[0], receiver, address), 0);
    CU_ASSERT_EQUAL(get_name(unix_getsockname, receiver, address, &length), 0);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
    {
        out = (struct ws2host_io_params){ .fd = sender, .buffers = (uintptr_t)&one, .count = 1, .timeout_ms = -1,
                                          .address_length = length };
        memcpy(out.address, address, sizeof(out.address));
        CU_ASSERT_EQUAL(unix_send(&out), 0);
        in = (struct ws2host_buffer){ .data = (uintptr_t)received, .length = sizeof(received) };
        memset(control, 0xcc, sizeof(control));
        p = (struct ws2host_recvmsg_params){ .io = { .fd = receiver, .buffers = (uintptr_t)&in, .count = 1,
                                                     .timeout_ms = -1 },
                                             .control = (uintptr_t)control, .control_length = cases[i].room,
                                             .asked = cases[i].asked };
        ret = unix_recvmsg(&p);
        UT_CHECK(ret == 0 && p.io.transferred == 3 && p.control_truncated == cases[i].truncated,
                 "case %zu: returned %u, %u bytes, truncated %d", i, ret, p.io.transferred, p.control_truncated);
        m = find_ws_message(control, p.control_length, 0, 3);
        UT_CHECK(cases[i].tos ? m && m->len == 20 && m->value == 0xa2 : !m, "case %zu: IP_TOS %s", i,
                 m ? "wrong" : "missing");
        m = find_ws_message(control, p.control_length, 0, 50);
        UT_CHECK(cases[i].ecn ? m && m->len == 20 && m->value == 2 : !m, "case %zu: IP_ECN %s", i,
                 m ? "wrong" : "missing");
        m = find_ws_message(control, p.control_length, 0, 19);
        UT_CHECK(cases[i].pktinfo ? m && m->len == 24 && !memcmp(&m->value, "\x7f\0\0\1", 4) : !m,
                 "case %zu: IP_PKTINFO %s", i, m ? "wrong" : "missing");
        UT_CHECK(cases[i].truncated ? !p.control_length : p.control_length == 24u * (cases[i].tos + cases[i].ecn + 1),
                 "case %zu: %u bytes of control data", i, p.control_length);
    }
    close(sender);
    close(receiver);
}

CU_TestInfo net_tests[] =
{
    { "TCP exchange over IPv4",                  test_exchange_ipv4 },
    { "TCP exchange over IPv6",                  test_exchange_ipv6 },
    { "unknown message flags",                   test_unknown_message_flags },
    { "send after close, no SIGPIPE",            test_send_after_close },
    { "not connected",                           test_not_connected },
    { "sendto address errors",                   test_sendto_address_errors },
    { "facts for Windows' answers",              test_facts_for_windows },
    { "buffers of a stream",                     test_buffers_stream },
    { "buffers of a datagram",                   test_buffers_datagram },
    { "WSARecvMsg's control messages",           test_recvmsg_control },
    { "partial sends over buffers",              test_buffers_partial_send },
    { "too many buffers",                        test_buffers_too_many },
    { "held rest of a non-blocking send",        test_held_send },
    { "wait results, eventfd reused",            test_wait_results },
    { "cancel does not leak into the next wait", test_wait_cancel_then_wait_again },
    { "cancel by the handle's key only",         test_wait_cancel_by_key },
    { "no fd leaked",                            test_no_fd_leak },
    CU_TEST_INFO_NULL,
};
