/*
 * Tests of the Linux side's call entry points, called directly (as Wine's
 * __wine_unix_call would) on real sockets, none bound or connected,
 * made with plain Linux calls as Wine's server makes them.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
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

static int fd_is_closed(int fd)
{
    errno = 0;
    return fcntl(fd, F_GETFD) == -1 && errno == EBADF;
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
    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_fd_close], unix_fd_close);
    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_fd_identify], unix_fd_identify);
    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_send], unix_send);
    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_recv], unix_recv);
    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_getservice], unix_getservice);
    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_fds_from_handles], unix_fds_from_handles);
    CU_ASSERT_PTR_EQUAL(__wine_unix_call_funcs[ws2host_call_fds_close], unix_fds_close);

    /* Called through the table the way the PE side's call lands. */
    CU_ASSERT_EQUAL(__wine_unix_call_funcs[ws2host_call_abi_version](&p), 0);
    CU_ASSERT_EQUAL(p.version, WS2HOST_ABI_VERSION);
}

/* fd_identify on sockets as Wine's server makes them: the Windows
 * triple, the inode, and the fd left open. */
static void test_identify(void)
{
    static const struct
    {
        int linux_family, linux_type, linux_protocol;   /* made with these */
        int family, type, protocol;                     /* Windows values reported */
    }
    rows[] =
    {
        { AF_INET,  SOCK_STREAM, IPPROTO_TCP, 2,  1, 6 },
        { AF_INET,  SOCK_DGRAM,  IPPROTO_UDP, 2,  2, 17 },
        { AF_INET6, SOCK_STREAM, IPPROTO_TCP, 23, 1, 6 },
        { AF_INET6, SOCK_DGRAM,  IPPROTO_UDP, 23, 2, 17 },
        /* Protocol 0: the kernel picks the default, identify reports it. */
        { AF_INET,  SOCK_STREAM, 0,           2,  1, 6 },
        { AF_INET6, SOCK_DGRAM,  0,           23, 2, 17 },
    };

    for (size_t i = 0; i < UT_ARRAY_COUNT(rows); i++)
    {
        struct ws2host_fd_identify_params id;
        int fd = socket(rows[i].linux_family, rows[i].linux_type | SOCK_NONBLOCK | SOCK_CLOEXEC,
                        rows[i].linux_protocol);
        unsigned int ret;
        struct stat st;

        UT_CHECK(fd >= 0, "row %zu: socket() failed with errno %d", i, errno);
        if (fd < 0) continue;
        CU_ASSERT_FATAL(fstat(fd, &st) == 0);

        ret = identify(fd, &id);
        UT_CHECK(ret == 0, "row %zu: identify returned %u", i, ret);
        UT_CHECK(id.fd == fd, "row %zu: identify changed fd to %d", i, id.fd);
        UT_CHECK(id.is_socket == 1, "row %zu: is_socket %d", i, id.is_socket);
        UT_CHECK(id.family == rows[i].family && id.type == rows[i].type && id.protocol == rows[i].protocol,
                 "row %zu: identify gave (%d,%d,%d), expected (%d,%d,%d)", i, id.family, id.type,
                 id.protocol, rows[i].family, rows[i].type, rows[i].protocol);
        UT_CHECK(id.inode != 0 && id.inode == (uint64_t)st.st_ino, "row %zu: identify inode %llu, fstat says %llu",
                 i, (unsigned long long)id.inode, (unsigned long long)st.st_ino);
        /* The fd is only borrowed by identify. */
        UT_CHECK(!fd_is_closed(fd), "row %zu: identify closed the fd", i);

        ret = close_fd(fd);
        UT_CHECK(ret == 0, "row %zu: close returned %u", i, ret);
        UT_CHECK(fd_is_closed(fd), "row %zu: fd %d still open after close", i, fd);
    }
}

/* Two sockets at once have different inodes: what tells a reused
 * handle from its old socket. */
static void test_distinct_inodes(void)
{
    struct ws2host_fd_identify_params a, b;
    int first = ut_socket(2, SOCK_STREAM), second = ut_socket(2, SOCK_STREAM);

    CU_ASSERT_FATAL(first >= 0 && second >= 0);
    CU_ASSERT_EQUAL(identify(first, &a), 0);
    CU_ASSERT_EQUAL(identify(second, &b), 0);
    CU_ASSERT_NOT_EQUAL(a.inode, b.inode);
    CU_ASSERT_EQUAL(close_fd(first), 0);
    CU_ASSERT_EQUAL(close_fd(second), 0);
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
    int fd = ut_socket(2, SOCK_DGRAM);

    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_FALSE(fd_is_closed(fd));
    CU_ASSERT_EQUAL(close_fd(fd), 0);
    CU_ASSERT_TRUE(fd_is_closed(fd));
    /* A second close of the same number is an error, not a silent success. */
    CU_ASSERT_NOT_EQUAL(close_fd(fd), 0);

    /* fd_close closes any fd, not only sockets. */
    fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_EQUAL(close_fd(fd), 0);
    CU_ASSERT_TRUE(fd_is_closed(fd));
}

/* The batch close closes every fd it is given and skips negative ones. */
static void test_fds_close(void)
{
    int32_t fds[4] = { ut_socket(2, SOCK_DGRAM), -1, ut_socket(2, SOCK_STREAM), open("/dev/null", O_RDONLY) };
    struct ws2host_fds_close_params p = { .fds = (uintptr_t)fds, .count = 4 };

    CU_ASSERT_FATAL(fds[0] >= 0 && fds[2] >= 0 && fds[3] >= 0);
    CU_ASSERT_EQUAL(unix_fds_close(&p), 0);
    CU_ASSERT_TRUE(fd_is_closed(fds[0]));
    CU_ASSERT_TRUE(fd_is_closed(fds[2]));
    CU_ASSERT_TRUE(fd_is_closed(fds[3]));
}

/* Outside Wine there is no ntdll.so to ask: the batch fetch says so
 * (WSAEOPNOTSUPP, for the PE side to fetch one by one) and hands out no fd. */
static void test_fds_from_handles_without_wine(void)
{
    struct ws2host_handle_fd entries[2] = { { .handle = 4 }, { .handle = 8 } };
    struct ws2host_fds_from_handles_params p = { .entries = (uintptr_t)entries, .count = 2 };
    int before = ut_count_open_fds();

    entries[0].id.fd = entries[1].id.fd = 12345;
    for (uint32_t convention = ws2host_convention_unknown; convention <= ws2host_convention_linux + 1; convention++)
    {
        p.convention = convention;
        CU_ASSERT_EQUAL(unix_fds_from_handles(&p), WSAEOPNOTSUPP);
        CU_ASSERT_EQUAL(entries[0].id.fd, 12345);
    }
    CU_ASSERT_EQUAL(ut_count_open_fds(), before);
}

static void test_no_fd_leak(void)
{
    static const int combos[][2] =
    {
        { 2, SOCK_STREAM }, { 2, SOCK_DGRAM }, { 23, SOCK_STREAM }, { 23, SOCK_DGRAM },
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
            struct ws2host_fd_identify_params id;
            const int *c = combos[(done + i) % UT_ARRAY_COUNT(combos)];

            if ((fds[i] = ut_socket(c[0], c[1])) < 0) { create_failures++; continue; }
            if (identify(fds[i], &id) || !id.is_socket) identify_failures++;
            /* A failing identify must not leave anything behind either. */
            identify(-1, &id);
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

CU_TestInfo unix_calls_tests[] =
{
    { "abi_version",                  test_abi_version },
    { "__wine_unix_call_funcs",       test_call_table },
    { "fd_identify",                  test_identify },
    { "distinct inodes",              test_distinct_inodes },
    { "fd_identify non-sockets",      test_identify_not_socket },
    { "fd_identify closed fd",        test_identify_closed },
    { "fd_close",                     test_close },
    { "fds_close",                    test_fds_close },
    { "fds_from_handles without Wine", test_fds_from_handles_without_wine },
    { "no fd leak over 1000 sockets", test_no_fd_leak },
    CU_TEST_INFO_NULL,
};
