/*
 * Tests of the Linux side's call entry points, called directly (as Wine's
 * __wine_unix_call would) on real sockets, none bound or connected.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <unistd.h>

#include <CUnit/CUnit.h>

#include "ws2host/unixlib.h"
#include "unix_private.h"
#include "unit_tests.h"
#include "wsvalues.h"

/* The loader's view of unixlib.c's table; no header declares it because
 * only Wine looks it up, by name. */
typedef unsigned int (*ws2host_entry)(void *args);
extern const ws2host_entry __wine_unix_call_funcs[];

static int get_sol_option(int fd, int option)
{
    int value = -12345;
    socklen_t len = sizeof(value);

    if (getsockopt(fd, SOL_SOCKET, option, &value, &len) < 0) return -12345;
    return value;
}

static int fd_is_closed(int fd)
{
    errno = 0;
    return fcntl(fd, F_GETFD) == -1 && errno == EBADF;
}

static unsigned int create(int family, int type, int protocol,
                           struct ws2host_socket_create_params *p)
{
    memset(p, 0, sizeof(*p));
    p->family = family;
    p->type = type;
    p->protocol = protocol;
    /* Poisoned so that a failure which leaves them alone is caught. */
    p->fd = 12345;
    p->inode = 0xdeadbeefULL;
    return unix_socket_create(p);
}

static unsigned int close_fd(int fd)
{
    struct ws2host_fd_close_params p = { .fd = fd, .reserved = 0 };
    return unix_fd_close(&p);
}

static unsigned int identify(int fd, struct ws2host_fd_identify_params *p)
{
    memset(p, 0x5a, sizeof(*p));
    p->fd = fd;
    p->details = 1;
    return unix_fd_identify(p);
}

static void test_abi_version(void)
{
    struct ws2host_abi_version_params p = { 0xffffffffu, 0xffffffffu };

    CU_ASSERT_EQUAL(unix_abi_version(&p), 0);
    CU_ASSERT_EQUAL(p.version, WS2HOST_ABI_VERSION);
    CU_ASSERT_EQUAL(p.call_count, ws2host_call_count);
}

static void test_call_table(void)
{
    struct ws2host_abi_version_params p = { 0, 0 };

    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_abi_version], unix_abi_version);
    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_socket_create], unix_socket_create);
    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_fd_close], unix_fd_close);
    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_fd_identify], unix_fd_identify);

    /* Called through the table the way the PE side's call lands. */
    CU_ASSERT_EQUAL(__wine_unix_call_funcs[ws2host_call_abi_version](&p), 0);
    CU_ASSERT_EQUAL(p.version, WS2HOST_ABI_VERSION);
}

static void test_create_and_identify(void)
{
    static const struct
    {
        int family, type, protocol;             /* Windows values in */
        int linux_family, linux_type, linux_protocol;
        int identified_protocol;                /* what fd_identify reports */
    }
    rows[] =
    {
        { 2,  1, 6,  AF_INET,  SOCK_STREAM, IPPROTO_TCP, 6 },
        { 2,  2, 17, AF_INET,  SOCK_DGRAM,  IPPROTO_UDP, 17 },
        { 23, 1, 6,  AF_INET6, SOCK_STREAM, IPPROTO_TCP, 6 },
        { 23, 2, 17, AF_INET6, SOCK_DGRAM,  IPPROTO_UDP, 17 },
        /* Protocol 0: the kernel picks the default, identify reports it. */
        { 2,  1, 0,  AF_INET,  SOCK_STREAM, IPPROTO_TCP, 6 },
        { 23, 2, 0,  AF_INET6, SOCK_DGRAM,  IPPROTO_UDP, 17 },
    };

    for (size_t i = 0; i < UT_ARRAY_COUNT(rows); i++)
    {
        struct ws2host_socket_create_params p;
        struct ws2host_fd_identify_params id;
        unsigned int ret = create(rows[i].family, rows[i].type, rows[i].protocol, &p);
        struct stat st;
        int flags;

        UT_CHECK(ret == 0, "row %zu (%d,%d,%d): create returned %u", i,
                 rows[i].family, rows[i].type, rows[i].protocol, ret);
        UT_CHECK(p.fd >= 0 && p.fd != 12345, "row %zu: fd %d", i, p.fd);
        if (ret || p.fd < 0 || p.fd == 12345) continue;

        flags = fcntl(p.fd, F_GETFD);
        UT_CHECK(flags >= 0 && (flags & FD_CLOEXEC), "row %zu: F_GETFD %#x, no FD_CLOEXEC", i,
                 flags);
        UT_CHECK(get_sol_option(p.fd, SO_DOMAIN) == rows[i].linux_family,
                 "row %zu: SO_DOMAIN %d, expected %d", i, get_sol_option(p.fd, SO_DOMAIN),
                 rows[i].linux_family);
        UT_CHECK(get_sol_option(p.fd, SO_TYPE) == rows[i].linux_type,
                 "row %zu: SO_TYPE %d, expected %d", i, get_sol_option(p.fd, SO_TYPE),
                 rows[i].linux_type);
        UT_CHECK(get_sol_option(p.fd, SO_PROTOCOL) == rows[i].linux_protocol,
                 "row %zu: SO_PROTOCOL %d, expected %d", i, get_sol_option(p.fd, SO_PROTOCOL),
                 rows[i].linux_protocol);

        UT_CHECK(fstat(p.fd, &st) == 0 && S_ISSOCK(st.st_mode), "row %zu: fstat: not a socket", i);
        UT_CHECK(p.inode != 0 && p.inode != 0xdeadbeefULL && p.inode == (uint64_t)st.st_ino,
                 "row %zu: inode %llu, fstat says %llu", i, (unsigned long long)p.inode,
                 (unsigned long long)st.st_ino);

        ret = identify(p.fd, &id);
        UT_CHECK(ret == 0, "row %zu: identify returned %u", i, ret);
        UT_CHECK(id.fd == p.fd, "row %zu: identify changed fd to %d", i, id.fd);
        UT_CHECK(id.is_socket == 1, "row %zu: is_socket %d", i, id.is_socket);
        UT_CHECK(id.family == rows[i].family && id.type == rows[i].type &&
                 id.protocol == rows[i].identified_protocol,
                 "row %zu: identify gave (%d,%d,%d), expected (%d,%d,%d)", i, id.family, id.type,
                 id.protocol, rows[i].family, rows[i].type, rows[i].identified_protocol);
        UT_CHECK(id.inode == p.inode, "row %zu: identify inode %llu, create said %llu", i,
                 (unsigned long long)id.inode, (unsigned long long)p.inode);
        /* The fd is only borrowed by identify. */
        UT_CHECK(!fd_is_closed(p.fd), "row %zu: identify closed the fd", i);

        ret = close_fd(p.fd);
        UT_CHECK(ret == 0, "row %zu: close returned %u", i, ret);
        UT_CHECK(fd_is_closed(p.fd), "row %zu: fd %d still open after close", i, p.fd);
    }
}

/* Two sockets at once get different fds and different inodes. */
static void test_distinct_inodes(void)
{
    struct ws2host_socket_create_params a, b;

    CU_ASSERT_EQUAL_FATAL(create(2, 1, 6, &a), 0);
    CU_ASSERT_EQUAL(create(2, 1, 6, &b), 0);
    CU_ASSERT_NOT_EQUAL(a.fd, b.fd);
    CU_ASSERT_NOT_EQUAL(a.inode, b.inode);
    CU_ASSERT_EQUAL(close_fd(a.fd), 0);
    if (b.fd >= 0) CU_ASSERT_EQUAL(close_fd(b.fd), 0);
}

static int read_bindv6only(void)
{
    FILE *f = fopen("/proc/sys/net/ipv6/bindv6only", "r");
    int value = -1;

    if (!f) return -1;
    if (fscanf(f, "%d", &value) != 1) value = -1;
    fclose(f);
    return value;
}

static void test_ipv6_v6only(void)
{
    static const int types[][2] = { { 1, 6 }, { 2, 17 } };
    int sysctl_value = read_bindv6only();
    int plain;

    /* What a socket gets without ws2host: the sysctl's value (0 by default),
     * which is what makes the check below meaningful. */
    plain = socket(AF_INET6, SOCK_STREAM, 0);
    CU_ASSERT_FATAL(plain >= 0);
    if (sysctl_value >= 0)
    {
        int value = -1;
        socklen_t len = sizeof(value);

        CU_ASSERT_EQUAL(getsockopt(plain, IPPROTO_IPV6, IPV6_V6ONLY, &value, &len), 0);
        CU_ASSERT_EQUAL(value, sysctl_value);
        if (sysctl_value)
            fprintf(stderr, "\n    note: bindv6only is %d on this host\n", sysctl_value);
    }
    close(plain);

    for (size_t i = 0; i < UT_ARRAY_COUNT(types); i++)
    {
        struct ws2host_socket_create_params p;
        socklen_t len;
        int value = -1;

        UT_CHECK(create(23, types[i][0], types[i][1], &p) == 0, "type %d: create failed",
                 types[i][0]);
        if (p.fd < 0 || p.fd == 12345) continue;
        len = sizeof(value);
        UT_CHECK(getsockopt(p.fd, IPPROTO_IPV6, IPV6_V6ONLY, &value, &len) == 0 && value == 1,
                 "type %d: IPV6_V6ONLY is %d, Windows' default is 1", types[i][0], value);
        CU_ASSERT_EQUAL(close_fd(p.fd), 0);
    }
}

/* Windows: IP_DONTFRAGMENT is 0 on UDP and 1 on TCP; Linux' default path
 * MTU discovery sets DF everywhere, so UDP must be switched off it. */
static void test_dontfragment_defaults(void)
{
    static const struct { int family, type, protocol, level, option, dont; } rows[] =
    {
        { 2,  2, 17, IPPROTO_IP,   IP_MTU_DISCOVER,   1 },
        { 23, 2, 17, IPPROTO_IPV6, IPV6_MTU_DISCOVER, 1 },
        { 2,  1, 6,  IPPROTO_IP,   IP_MTU_DISCOVER,   0 },
    };

    for (size_t i = 0; i < UT_ARRAY_COUNT(rows); i++)
    {
        struct ws2host_socket_create_params p;
        socklen_t len = sizeof(int);
        int value = -1;

        UT_CHECK(create(rows[i].family, rows[i].type, rows[i].protocol, &p) == 0, "row %u: create failed", (unsigned)i);
        if (p.fd < 0 || p.fd == 12345) continue;
        UT_CHECK(getsockopt(p.fd, rows[i].level, rows[i].option, &value, &len) == 0, "row %u: getsockopt", (unsigned)i);
        if (rows[i].dont)
            UT_CHECK(value == IP_PMTUDISC_DONT, "row %u: MTU discovery %d, expected DONT (no DF)", (unsigned)i, value);
        else
            UT_CHECK(value != IP_PMTUDISC_DONT, "row %u: MTU discovery off on TCP", (unsigned)i);
        CU_ASSERT_EQUAL(close_fd(p.fd), 0);
    }
}

static void test_create_errors(void)
{
    static const struct
    {
        int family, type, protocol;
        unsigned int error;
    }
    rows[] =
    {
        { 0xdead, 1, 6, WSAEAFNOSUPPORT },
        { -1, 1, 6, WSAEAFNOSUPPORT },
        /* Linux' AF_INET6 is not a Windows family. */
        { 10, 1, 6, WSAEAFNOSUPPORT },
        { 2, 0xdead, 6, WSAESOCKTNOSUPPORT },
        { 2, -1, 6, WSAESOCKTNOSUPPORT },
        { 2, 1, 0xdead, WSAEPROTONOSUPPORT },
        { 2, 1, -1, WSAEPROTONOSUPPORT },
        /* Mapped values the kernel refuses together. */
        { 2, 1, 17, WSAEPROTONOSUPPORT },
        { 2, 2, 6, WSAEPROTONOSUPPORT },
        /* Raw sockets take any IP protocol number, and nothing else; the
         * range is checked before privilege matters. */
        { 2, 3, 256, WSAEPROTONOSUPPORT },
        { 2, 3, -1, WSAEPROTONOSUPPORT },
        { 23, 3, 256, WSAEPROTONOSUPPORT },
        { 23, 3, 0x10006, WSAEPROTONOSUPPORT },
    };

    for (size_t i = 0; i < UT_ARRAY_COUNT(rows); i++)
    {
        struct ws2host_socket_create_params p;
        unsigned int ret = create(rows[i].family, rows[i].type, rows[i].protocol, &p);

        UT_CHECK(ret == rows[i].error, "row %zu (%#x,%#x,%#x): returned %u, expected %u", i,
                 rows[i].family, rows[i].type, rows[i].protocol, ret, rows[i].error);
        UT_CHECK(p.fd == -1 && p.inode == 0, "row %zu: failure left fd %d inode %llu", i, p.fd,
                 (unsigned long long)p.inode);
        if (!ret && p.fd >= 0 && p.fd != 12345) close(p.fd);
    }
}

static void check_not_socket(const char *what, int fd)
{
    struct ws2host_fd_identify_params id;
    struct stat st;
    unsigned int ret = identify(fd, &id);

    UT_CHECK(ret == 0, "%s: identify returned %u", what, ret);
    UT_CHECK(id.is_socket == 0, "%s: is_socket %d", what, id.is_socket);
    UT_CHECK(id.family == 0 && id.type == 0 && id.protocol == 0,
             "%s: reported (%d,%d,%d) for a non-socket", what, id.family, id.type, id.protocol);
    UT_CHECK(fstat(fd, &st) == 0 && id.inode == (uint64_t)st.st_ino,
             "%s: inode %llu, fstat says %llu", what, (unsigned long long)id.inode,
             (unsigned long long)st.st_ino);
    UT_CHECK(!fd_is_closed(fd), "%s: identify closed the fd", what);
}

static void test_identify_not_socket(void)
{
    int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int pipefd[2];

    CU_ASSERT_FATAL(fd >= 0);
    check_not_socket("/dev/null", fd);
    close(fd);

    CU_ASSERT_FATAL(pipe(pipefd) == 0);
    check_not_socket("pipe read end", pipefd[0]);
    check_not_socket("pipe write end", pipefd[1]);
    close(pipefd[0]);
    close(pipefd[1]);
}

static void test_identify_closed(void)
{
    struct ws2host_fd_identify_params id;
    int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
    CU_ASSERT_FATAL(fd_is_closed(fd));
    CU_ASSERT_NOT_EQUAL(identify(fd, &id), 0);
    CU_ASSERT_EQUAL(id.is_socket, 0);
    CU_ASSERT_NOT_EQUAL(identify(-1, &id), 0);
    CU_ASSERT_EQUAL(id.is_socket, 0);
}

static void test_close(void)
{
    struct ws2host_socket_create_params p;
    int fd;

    CU_ASSERT_EQUAL_FATAL(create(2, 2, 17, &p), 0);
    CU_ASSERT_FALSE(fd_is_closed(p.fd));
    CU_ASSERT_EQUAL(close_fd(p.fd), 0);
    CU_ASSERT_TRUE(fd_is_closed(p.fd));
    /* A second close of the same number is an error, not a silent success. */
    CU_ASSERT_NOT_EQUAL(close_fd(p.fd), 0);

    /* fd_close closes any fd, not only sockets. */
    fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_EQUAL(close_fd(fd), 0);
    CU_ASSERT_TRUE(fd_is_closed(fd));
}

/* Raw sockets need root or CAP_NET_RAW, on Windows (administrator) too;
 * without it the kernel's EPERM must come back as WSAEACCES. */
static void check_raw(int family, int protocol, int linux_family, int linux_protocol)
{
    struct ws2host_socket_create_params p;
    int direct, direct_errno, allowed, fds_before;
    unsigned int ret;

    /* Whether this process may open raw sockets is the kernel's decision;
     * ask it directly so both outcomes are tested where they apply. */
    direct = socket(linux_family, SOCK_RAW, linux_protocol);
    direct_errno = errno;
    allowed = direct >= 0;
    if (direct >= 0) close(direct);
    UT_CHECK(allowed || direct_errno == EPERM || direct_errno == EACCES,
             "raw (%d,%d): socket() failed with errno %d", family, protocol, direct_errno);
    if (geteuid() == 0 && !allowed)
        fprintf(stderr, "\n    note: euid 0 without CAP_NET_RAW\n");

    fds_before = ut_count_open_fds();
    ret = create(family, 3, protocol, &p);
    if (allowed)
    {
        UT_CHECK(ret == 0 && p.fd >= 0, "raw (%d,%d) with privilege: create returned %u fd %d",
                 family, protocol, ret, p.fd);
        /* A creation that failed after socket() must not leave the fd. */
        if (ret || p.fd < 0 || p.fd == 12345)
        {
            UT_CHECK(ut_count_open_fds() == fds_before, "raw (%d,%d): failed creation leaked an fd",
                     family, protocol);
            return;
        }
        CU_ASSERT_EQUAL(get_sol_option(p.fd, SO_DOMAIN), linux_family);
        CU_ASSERT_EQUAL(get_sol_option(p.fd, SO_TYPE), SOCK_RAW);
        CU_ASSERT_EQUAL(get_sol_option(p.fd, SO_PROTOCOL), linux_protocol);
        CU_ASSERT_NOT_EQUAL(p.inode, 0);
        CU_ASSERT_EQUAL(close_fd(p.fd), 0);
    }
    else
    {
        UT_CHECK(ret == WSAEACCES, "raw (%d,%d) without privilege: returned %u, expected %u",
                 family, protocol, ret, WSAEACCES);
        UT_CHECK(p.fd == -1, "raw (%d,%d): fd %d on failure", family, protocol, p.fd);
        UT_CHECK(ut_count_open_fds() == fds_before, "raw (%d,%d): failed creation leaked an fd",
                 family, protocol);
    }
}

static void test_raw_ipv4(void)
{
    check_raw(2, 1, AF_INET, IPPROTO_ICMP);
}

/* The AF_INET6 defaults must not get in the way of raw sockets. */
static void test_raw_ipv6(void)
{
    check_raw(23, 58, AF_INET6, IPPROTO_ICMPV6);
}

/* Protocol 0 has no raw meaning on Linux: it becomes IPPROTO_RAW. */
static void test_raw_protocol_zero(void)
{
    check_raw(2, 0, AF_INET, IPPROTO_RAW);
    check_raw(23, 0, AF_INET6, IPPROTO_RAW);
}

/* Any protocol number passes through unchanged, mapped or not. */
static void test_raw_any_protocol(void)
{
    check_raw(2, 50, AF_INET, 50);
    check_raw(2, 255, AF_INET, 255);
    check_raw(23, 50, AF_INET6, 50);
}

static void test_no_fd_leak(void)
{
    static const int combos[][3] =
    {
        { 2, 1, 6 }, { 2, 2, 17 }, { 23, 1, 6 }, { 23, 2, 17 },
    };
    enum { BATCH = 100, TOTAL = 1000 };
    int fds[BATCH];
    int before = ut_count_open_fds(), after;
    unsigned int create_failures = 0, close_failures = 0, identify_failures = 0;

    CU_ASSERT_FATAL(before > 0);
    /* In batches, so many fds are open at once and each close matters. */
    for (int done = 0; done < TOTAL; done += BATCH)
    {
        for (int i = 0; i < BATCH; i++)
        {
            struct ws2host_socket_create_params p;
            struct ws2host_fd_identify_params id;
            const int *c = combos[(done + i) % UT_ARRAY_COUNT(combos)];

            fds[i] = -1;
            if (create(c[0], c[1], c[2], &p)) { create_failures++; continue; }
            fds[i] = p.fd;
            if (identify(p.fd, &id) || !id.is_socket) identify_failures++;
            /* Failing creations must not leave anything behind either. */
            create(2, 1, 17, &p);
            create(0xdead, 1, 6, &p);
        }
        for (int i = 0; i < BATCH; i++)
            if (fds[i] >= 0 && close_fd(fds[i])) close_failures++;
    }
    after = ut_count_open_fds();

    CU_ASSERT_EQUAL(create_failures, 0);
    CU_ASSERT_EQUAL(identify_failures, 0);
    CU_ASSERT_EQUAL(close_failures, 0);
    UT_CHECK(after == before, "%d fds open before, %d after %d sockets", before, after, TOTAL);
}

static void test_emfile(void)
{
    enum { MAX_TRIES = 64 };
    struct rlimit saved, low;
    int fds[MAX_TRIES];
    int created = 0, open_fds = ut_count_open_fds(), restored;
    unsigned int fail_ret = 0;
    int fail_fd = 0;
    uint64_t fail_inode = 1;
    struct ws2host_socket_create_params p;

    CU_ASSERT_FATAL(open_fds > 0);
    CU_ASSERT_EQUAL_FATAL(getrlimit(RLIMIT_NOFILE, &saved), 0);
    low = saved;
    low.rlim_cur = (rlim_t)open_fds + 3;
    CU_ASSERT_FATAL(low.rlim_cur <= saved.rlim_cur);
    CU_ASSERT_EQUAL_FATAL(setrlimit(RLIMIT_NOFILE, &low), 0);

    /* Nothing else between here and the restore opens a descriptor. */
    while (created < MAX_TRIES)
    {
        unsigned int ret = create(2, 1, 6, &p);
        if (ret)
        {
            fail_ret = ret;
            fail_fd = p.fd;
            fail_inode = p.inode;
            break;
        }
        fds[created++] = p.fd;
    }
    for (int i = 0; i < created; i++) close_fd(fds[i]);
    restored = setrlimit(RLIMIT_NOFILE, &saved);

    CU_ASSERT_EQUAL_FATAL(restored, 0);
    /* At least limit - open count numbers below the limit were free. */
    UT_CHECK(created >= 3 && created < MAX_TRIES, "%d sockets created under a limit of %llu",
             created, (unsigned long long)low.rlim_cur);
    UT_CHECK(fail_ret == WSAEMFILE, "creation at the limit returned %u, expected %u", fail_ret,
             WSAEMFILE);
    CU_ASSERT_EQUAL(fail_fd, -1);
    CU_ASSERT_EQUAL(fail_inode, 0);
    CU_ASSERT_EQUAL(ut_count_open_fds(), open_fds);

    /* And the limit really is back. */
    CU_ASSERT_EQUAL(create(2, 1, 6, &p), 0);
    if (p.fd >= 0 && p.fd != 12345) CU_ASSERT_EQUAL(close_fd(p.fd), 0);
}

CU_TestInfo unix_calls_tests[] =
{
    { "abi_version",                  test_abi_version },
    { "__wine_unix_call_funcs",       test_call_table },
    { "socket_create + fd_identify",  test_create_and_identify },
    { "distinct inodes",              test_distinct_inodes },
    { "IPV6_V6ONLY default",          test_ipv6_v6only },
    { "DF defaults",                  test_dontfragment_defaults },
    { "socket_create errors",         test_create_errors },
    { "fd_identify non-sockets",      test_identify_not_socket },
    { "fd_identify closed fd",        test_identify_closed },
    { "fd_close",                     test_close },
    { "raw IPv4 socket",              test_raw_ipv4 },
    { "raw IPv6 socket",              test_raw_ipv6 },
    { "raw socket, protocol 0",       test_raw_protocol_zero },
    { "raw socket, any protocol",     test_raw_any_protocol },
    { "no fd leak over 1000 sockets", test_no_fd_leak },
    { "EMFILE",                       test_emfile },
    CU_TEST_INFO_NULL,
};
