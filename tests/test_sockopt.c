/*
 * Tests of the int-valued socket options (sockopt.c), on real sockets:
 * Windows levels and names in, the Linux option read back directly.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "ws2host/unixlib.h"
#include "unix_private.h"
#include "unit_tests.h"
#include "wsvalues.h"

#define UNSET_VALUE (-7777)

static unsigned int sockopt(int fd, int level, int option, int set, int32_t *value)
{
    struct ws2host_sockopt_params p;
    unsigned int ret;

    memset(&p, 0, sizeof(p));
    p.fd = fd;
    p.level = level;
    p.option = option;
    p.set = set;
    p.value = *value;
    ret = unix_sockopt(&p);
    *value = p.value;
    return ret;
}

static int linux_int_option(int fd, int level, int option)
{
    int value = UNSET_VALUE;
    socklen_t len = sizeof(value);

    if (getsockopt(fd, level, option, &value, &len) < 0) return UNSET_VALUE;
    return value;
}

static int tcp_socket(int family)
{
    return ut_socket(family, SOCK_STREAM);
}

/* Windows' (level, option) and the Linux option it must reach. */
struct roundtrip_row
{
    const char *name;
    int family;                 /* Windows AF_* of the socket */
    int level, option;
    int linux_level, linux_option;
    int values[3];              /* set in turn, each read back */
    int at_least;               /* the kernel may give more (buffer sizes) */
};

static const struct roundtrip_row roundtrip_rows[] =
{
    { "SO_KEEPALIVE", 2, WS_SOL_SOCKET, WS_SO_KEEPALIVE, SOL_SOCKET, SO_KEEPALIVE, { 1, 0, 1 }, 0 },
    { "SO_RCVBUF", 2, WS_SOL_SOCKET, WS_SO_RCVBUF, SOL_SOCKET, SO_RCVBUF,
      { 8192, 65536, 16384 }, 1 },
    { "TCP_NODELAY", 2, WS_IPPROTO_TCP, WS_TCP_NODELAY, IPPROTO_TCP, TCP_NODELAY, { 1, 0, 1 }, 0 },
    { "TCP_NODELAY (IPv6)", 23, WS_IPPROTO_TCP, WS_TCP_NODELAY, IPPROTO_TCP, TCP_NODELAY,
      { 1, 0, 1 }, 0 },
    { "IP_TTL", 2, WS_IPPROTO_IP, WS_IP_TTL, IPPROTO_IP, IP_TTL, { 77, 1, 255 }, 0 },
    { "IPV6_V6ONLY", 23, WS_IPPROTO_IPV6, WS_IPV6_V6ONLY, IPPROTO_IPV6, IPV6_V6ONLY,
      { 0, 1, 0 }, 0 },
};

static void test_roundtrip(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(roundtrip_rows); i++)
    {
        const struct roundtrip_row *row = &roundtrip_rows[i];
        int fd = tcp_socket(row->family);

        UT_CHECK(fd >= 0, "%s: no socket", row->name);
        if (fd < 0) continue;
        for (size_t j = 0; j < UT_ARRAY_COUNT(row->values); j++)
        {
            int32_t value = row->values[j];
            unsigned int ret = sockopt(fd, row->level, row->option, 1, &value);
            int direct = linux_int_option(fd, row->linux_level, row->linux_option);

            UT_CHECK(ret == 0, "%s: set %d returned %u", row->name, row->values[j], ret);
            UT_CHECK(row->at_least ? direct >= row->values[j] : direct == row->values[j],
                     "%s: set %d, the Linux option is %d", row->name, row->values[j], direct);

            value = UNSET_VALUE;
            ret = sockopt(fd, row->level, row->option, 0, &value);
            UT_CHECK(ret == 0, "%s: get returned %u", row->name, ret);
            UT_CHECK(row->at_least ? value >= row->values[j] : value == row->values[j],
                     "%s: set %d, read back %d", row->name, row->values[j], value);
            UT_CHECK(value == direct, "%s: read %d, the Linux option is %d", row->name, value,
                     direct);
        }
        close(fd);
    }
}

/* SO_ACCEPTCONN and SO_ERROR can be read, never set. */
static void test_read_only(void)
{
    static const int options[] = { WS_SO_ACCEPTCONN, WS_SO_ERROR };
    int fd = tcp_socket(2);

    CU_ASSERT_FATAL(fd >= 0);
    for (size_t i = 0; i < UT_ARRAY_COUNT(options); i++)
    {
        int32_t value = 1;
        unsigned int ret = sockopt(fd, WS_SOL_SOCKET, options[i], 1, &value);

        UT_CHECK(ret == WSAENOPROTOOPT, "option %#x: set returned %u, expected %u", options[i],
                 ret, WSAENOPROTOOPT);
        value = UNSET_VALUE;
        ret = sockopt(fd, WS_SOL_SOCKET, options[i], 0, &value);
        UT_CHECK(ret == 0 && value == 0, "option %#x: get returned %u value %d", options[i], ret,
                 value);
        ret = sockopt(fd, WS_SOL_SOCKET, options[i], WS2HOST_SOCKOPT_PROBE, &value);
        UT_CHECK(ret == 0, "option %#x: probe returned %u", options[i], ret);
    }
    close(fd);
}

/* SO_ACCEPTCONN follows listen(). */
static void test_acceptconn(void)
{
    struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = 0,
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    int fd = tcp_socket(2);
    int32_t value = UNSET_VALUE;

    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_EQUAL(sockopt(fd, WS_SOL_SOCKET, WS_SO_ACCEPTCONN, 0, &value), 0);
    CU_ASSERT_EQUAL(value, 0);
    CU_ASSERT_EQUAL(bind(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
    CU_ASSERT_EQUAL(listen(fd, 1), 0);
    value = UNSET_VALUE;
    CU_ASSERT_EQUAL(sockopt(fd, WS_SOL_SOCKET, WS_SO_ACCEPTCONN, 0, &value), 0);
    CU_ASSERT_EQUAL(value, 1);
    close(fd);
}

static void test_unknown_option(void)
{
    static const int unknown[][2] =
    {
        { WS_SOL_SOCKET, 0x7777 },
        /* A Linux level and option that Windows does not spell this way. */
        { SOL_SOCKET, SO_KEEPALIVE },
        { WS_IPPROTO_TCP, 0x7777 },
        { 0x1234, WS_SO_KEEPALIVE },
        /* The right option at the wrong level. */
        { WS_IPPROTO_IP, WS_SO_KEEPALIVE },
    };
    int fd = tcp_socket(2);

    CU_ASSERT_FATAL(fd >= 0);
    for (size_t i = 0; i < UT_ARRAY_COUNT(unknown); i++)
    {
        static const int sets[] = { 0, 1, WS2HOST_SOCKOPT_PROBE };

        for (size_t j = 0; j < UT_ARRAY_COUNT(sets); j++)
        {
            int32_t value = UNSET_VALUE;
            unsigned int ret = sockopt(fd, unknown[i][0], unknown[i][1], sets[j], &value);

            UT_CHECK(ret == WSAENOPROTOOPT, "(%#x,%#x) set=%d: returned %u, expected %u",
                     unknown[i][0], unknown[i][1], sets[j], ret, WSAENOPROTOOPT);
            UT_CHECK(value == UNSET_VALUE, "(%#x,%#x) set=%d: value changed to %d",
                     unknown[i][0], unknown[i][1], sets[j], value);
        }
    }
    close(fd);
}

/* A probe answers from the table: it never touches the socket, so it
 * works on no socket at all and leaves a real one alone. */
static void test_probe(void)
{
    static const int known[][2] =
    {
        { WS_SOL_SOCKET, WS_SO_KEEPALIVE }, { WS_SOL_SOCKET, WS_SO_RCVBUF },
        { WS_SOL_SOCKET, WS_SO_ERROR }, { WS_IPPROTO_TCP, WS_TCP_NODELAY },
        { WS_IPPROTO_IP, WS_IP_TTL }, { WS_IPPROTO_IPV6, WS_IPV6_V6ONLY },
    };
    int fd = tcp_socket(2);

    CU_ASSERT_FATAL(fd >= 0);
    for (size_t i = 0; i < UT_ARRAY_COUNT(known); i++)
    {
        int32_t value = 1;
        unsigned int ret = sockopt(-1, known[i][0], known[i][1], WS2HOST_SOCKOPT_PROBE, &value);

        UT_CHECK(ret == 0, "(%#x,%#x): probe on fd -1 returned %u", known[i][0], known[i][1],
                 ret);
        value = 1;
        ret = sockopt(fd, known[i][0], known[i][1], WS2HOST_SOCKOPT_PROBE, &value);
        UT_CHECK(ret == 0, "(%#x,%#x): probe returned %u", known[i][0], known[i][1], ret);
    }
    /* The probes with value 1 did not switch keepalive on. */
    CU_ASSERT_EQUAL(linux_int_option(fd, SOL_SOCKET, SO_KEEPALIVE), 0);
    close(fd);
}

/* A known option on a bad descriptor is the kernel's error, as a WSA code. */
static void test_bad_fd(void)
{
    int fd = tcp_socket(2);
    int32_t value = UNSET_VALUE;
    unsigned int ret;

    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
    ret = sockopt(fd, WS_SOL_SOCKET, WS_SO_KEEPALIVE, 0, &value);
    UT_CHECK(ret == WSAENOTSOCK, "get on a closed fd returned %u, expected %u", ret, WSAENOTSOCK);
    CU_ASSERT_EQUAL(value, UNSET_VALUE);
    value = 1;
    ret = sockopt(fd, WS_SOL_SOCKET, WS_SO_KEEPALIVE, 1, &value);
    UT_CHECK(ret == WSAENOTSOCK, "set on a closed fd returned %u, expected %u", ret, WSAENOTSOCK);
}

/* A port on 127.0.0.1 where nothing listens: bound, read, released. */
static int closed_port(void)
{
    struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof(sin);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int port = -1;

    if (fd < 0) return -1;
    if (!bind(fd, (struct sockaddr *)&sin, sizeof(sin)) &&
        !getsockname(fd, (struct sockaddr *)&sin, &len))
        port = ntohs(sin.sin_port);
    close(fd);
    return port;
}

/* A refused non-blocking connect leaves ECONNREFUSED pending; SO_ERROR
 * must report it as WSAECONNREFUSED, and clear it. */
static void test_so_error(void)
{
    struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    struct pollfd pfd;
    int port = closed_port(), fd = tcp_socket(2), ret, flags, connect_errno;
    int32_t value = UNSET_VALUE;
    unsigned int err;

    CU_ASSERT_FATAL(port > 0);
    CU_ASSERT_FATAL(fd >= 0);
    flags = fcntl(fd, F_GETFL);
    CU_ASSERT(flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0);
    sin.sin_port = htons(port);
    ret = connect(fd, (struct sockaddr *)&sin, sizeof(sin));
    connect_errno = errno;
    UT_CHECK(ret < 0 && connect_errno == EINPROGRESS,
             "non-blocking connect returned %d errno %d, expected EINPROGRESS", ret,
             connect_errno);
    if (ret < 0 && connect_errno == EINPROGRESS)
    {
        pfd.fd = fd;
        pfd.events = POLLOUT;
        pfd.revents = 0;
        ret = poll(&pfd, 1, 5000);
        UT_CHECK(ret == 1 && (pfd.revents & POLLOUT), "poll returned %d revents %#x", ret,
                 pfd.revents);

        err = sockopt(fd, WS_SOL_SOCKET, WS_SO_ERROR, 0, &value);
        UT_CHECK(err == 0, "get SO_ERROR returned %u", err);
        UT_CHECK(value == WSAECONNREFUSED, "SO_ERROR is %d, expected %d (not errno %d)", value,
                 WSAECONNREFUSED, ECONNREFUSED);

        /* Reading it cleared it. */
        value = UNSET_VALUE;
        err = sockopt(fd, WS_SOL_SOCKET, WS_SO_ERROR, 0, &value);
        UT_CHECK(err == 0 && value == 0, "second SO_ERROR read returned %u value %d", err, value);
    }
    close(fd);
}

/* Windows' don't-fragment flag reaches Linux as IPv4's path MTU discovery
 * mode (any mode that sets DF reads back as 1) and as IPv6's own flag,
 * the options Wine's server sets at creation. */
static void test_dont_fragment(void)
{
    static const struct { int family, level, option, linux_level, linux_option, linux_dont, linux_do, tcp_default; } rows[] =
    {
        { WS_AF_INET, WS_IPPROTO_IP, WS_IP_DONTFRAGMENT, IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DONT, IP_PMTUDISC_DO, 1 },
        /* Linux' IPv6 flag starts off; Wine's server turns it on for TCP. */
        { WS_AF_INET6, WS_IPPROTO_IPV6, WS_IPV6_DONTFRAG, IPPROTO_IPV6, IPV6_DONTFRAG, 0, 1, 0 },
    };

    for (size_t i = 0; i < UT_ARRAY_COUNT(rows); i++)
    {
        /* Windows' value set, Linux' mode it becomes, what reads back. */
        const struct { int32_t set; int linux_mode, reads; } steps[] =
        {
            { 0, rows[i].linux_dont, 0 },
            { 0x100, rows[i].linux_do, 1 },
        };
        int fd = tcp_socket(rows[i].family);
        int32_t value = UNSET_VALUE;

        CU_ASSERT_FATAL(fd >= 0);
        /* IPv4: Linux' default for TCP, "want", sets DF: Windows' TCP reads 1. */
        CU_ASSERT_EQUAL(sockopt(fd, rows[i].level, rows[i].option, 0, &value), 0);
        UT_CHECK(value == rows[i].tcp_default, "row %zu: a new TCP socket reads %d", i, value);
        for (size_t j = 0; j < UT_ARRAY_COUNT(steps); j++)
        {
            value = steps[j].set;
            CU_ASSERT_EQUAL(sockopt(fd, rows[i].level, rows[i].option, 1, &value), 0);
            UT_CHECK(linux_int_option(fd, rows[i].linux_level, rows[i].linux_option) == steps[j].linux_mode,
                     "row %zu: %#x did not become Linux' mode %d", i, steps[j].set, steps[j].linux_mode);
            value = UNSET_VALUE;
            CU_ASSERT_EQUAL(sockopt(fd, rows[i].level, rows[i].option, 0, &value), 0);
            UT_CHECK(value == steps[j].reads, "row %zu: reads %d after %#x", i, value, steps[j].set);
        }
        close(fd);
    }
}

/* IPV6_UNICAST_IF: Windows' host-order index is Linux' network order;
 * IP_UNICAST_IF is in network order on both. Interface 1 is loopback. */
static void test_unicast_if(void)
{
    int fd6 = tcp_socket(WS_AF_INET6), fd4 = tcp_socket(WS_AF_INET);
    int32_t value;

    CU_ASSERT_FATAL(fd6 >= 0 && fd4 >= 0);
    value = 1;
    CU_ASSERT_EQUAL(sockopt(fd6, WS_IPPROTO_IPV6, WS_IPV6_UNICAST_IF, 1, &value), 0);
    CU_ASSERT_EQUAL(linux_int_option(fd6, IPPROTO_IPV6, IPV6_UNICAST_IF), (int)htonl(1));
    value = UNSET_VALUE;
    CU_ASSERT_EQUAL(sockopt(fd6, WS_IPPROTO_IPV6, WS_IPV6_UNICAST_IF, 0, &value), 0);
    CU_ASSERT_EQUAL(value, 1);

    value = (int32_t)htonl(1);
    CU_ASSERT_EQUAL(sockopt(fd4, WS_IPPROTO_IP, WS_IP_UNICAST_IF, 1, &value), 0);
    CU_ASSERT_EQUAL(linux_int_option(fd4, IPPROTO_IP, IP_UNICAST_IF), (int)htonl(1));
    value = UNSET_VALUE;
    CU_ASSERT_EQUAL(sockopt(fd4, WS_IPPROTO_IP, WS_IP_UNICAST_IF, 0, &value), 0);
    CU_ASSERT_EQUAL(value, (int32_t)htonl(1));
    close(fd6);
    close(fd4);
}

/* IP_OPTIONS travels as bytes: none at first, then what was set. */
static void test_ip_options(void)
{
    static const uint8_t three_noops[4] = { 1, 1, 1, 0 };   /* IPOPT_NOP x3, IPOPT_END */
    struct ws2host_sockopt_params p = { .level = WS_IPPROTO_IP, .option = WS_IP_OPTIONS };
    int fd = tcp_socket(WS_AF_INET);

    CU_ASSERT_FATAL(fd >= 0);
    p.fd = fd;
    p.length = 99;
    CU_ASSERT_EQUAL(unix_sockopt(&p), 0);
    CU_ASSERT_EQUAL(p.length, 0);

    p.set = 1;
    memcpy(p.data, three_noops, sizeof(three_noops));
    p.length = sizeof(three_noops);
    CU_ASSERT_EQUAL(unix_sockopt(&p), 0);
    memset(p.data, 0xcc, sizeof(p.data));
    p.set = 0;
    CU_ASSERT_EQUAL(unix_sockopt(&p), 0);
    CU_ASSERT_EQUAL(p.length, sizeof(three_noops));
    CU_ASSERT(!memcmp(p.data, three_noops, sizeof(three_noops)));

    p.set = 1;
    p.length = sizeof(p.data) + 1;
    CU_ASSERT_EQUAL(unix_sockopt(&p), WSAEINVAL);
    close(fd);
}

CU_TestInfo sockopt_tests[] =
{
    { "set and get round trip",     test_roundtrip },
    { "read-only options",          test_read_only },
    { "SO_ACCEPTCONN after listen", test_acceptconn },
    { "unknown options",            test_unknown_option },
    { "probe",                      test_probe },
    { "closed fd",                  test_bad_fd },
    { "SO_ERROR is a WSA code",     test_so_error },
    { "don't-fragment flag",        test_dont_fragment },
    { "unicast interface index",    test_unicast_if },
    { "IP_OPTIONS bytes",           test_ip_options },
    CU_TEST_INFO_NULL,
};
