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


/* Windows levels and options. */
#define WS_SOL_SOCKET       0xffff
#define WS_IPPROTO_IP       0
#define WS_IPPROTO_TCP      6
#define WS_IPPROTO_IPV6     41
#define WS_SO_ACCEPTCONN    0x0002
#define WS_SO_KEEPALIVE     0x0008
#define WS_SO_RCVBUF        0x1002
#define WS_SO_ERROR         0x1007
#define WS_TCP_NODELAY      1
#define WS_IP_TTL           4
#define WS_IPV6_V6ONLY      27

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

CU_ErrorCode register_sockopt_tests(void)
{
    CU_pSuite suite = CU_add_suite("sockopt", NULL, NULL);

    if (!suite) return CU_get_error();
    if (!CU_add_test(suite, "set and get round trip", test_roundtrip) ||
        !CU_add_test(suite, "read-only options", test_read_only) ||
        !CU_add_test(suite, "SO_ACCEPTCONN after listen", test_acceptconn) ||
        !CU_add_test(suite, "unknown options", test_unknown_option) ||
        !CU_add_test(suite, "probe", test_probe) ||
        !CU_add_test(suite, "closed fd", test_bad_fd) ||
        !CU_add_test(suite, "SO_ERROR is a WSA code", test_so_error))
        return CU_get_error();
    return CUE_SUCCESS;
}
