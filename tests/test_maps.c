/*
 * Tests of the Linux side's value tables (maps.c) and of the errno to WSA
 * error table (errmap.c).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <CUnit/CUnit.h>

#include "maps.h"
#include "wsvalues.h"
#include "unit_tests.h"

struct known_pair
{
    int windows;
    int linux_value;
};

/* Each pair must map both ways, with the value seen on the other side. */
static void check_known_pairs(const char *name, const struct value_map *map,
                              const struct known_pair *pairs, size_t count)
{
    for (size_t i = 0; i < count; i++)
    {
        int out = -12345;

        UT_CHECK(map_to_linux(map, pairs[i].windows, &out) == 0 && out == pairs[i].linux_value,
                 "%s row %zu: Windows %d should map to Linux %d, got %d",
                 name, i, pairs[i].windows, pairs[i].linux_value, out);
        out = -12345;
        UT_CHECK(map_to_windows(map, pairs[i].linux_value, &out) == 0 && out == pairs[i].windows,
                 "%s row %zu: Linux %d should map to Windows %d, got %d",
                 name, i, pairs[i].linux_value, pairs[i].windows, out);
    }
}

/* Values with no entry are refused in both directions. */
static void check_unknown(const char *name, const struct value_map *map,
                          const int *windows, size_t nwin, const int *linux_values, size_t nlin)
{
    int out;

    for (size_t i = 0; i < nwin; i++)
        UT_CHECK(map_to_linux(map, windows[i], &out) == -1,
                 "%s: Windows value %d should have no Linux mapping", name, windows[i]);
    for (size_t i = 0; i < nlin; i++)
        UT_CHECK(map_to_windows(map, linux_values[i], &out) == -1,
                 "%s: Linux value %d should have no Windows mapping", name, linux_values[i]);
}

/* Every entry of the exported table round-trips; this needs both columns
 * free of duplicates, which is checked first so a failure says why. */
static void check_round_trips(const char *name, const struct value_map *map)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(map->pairs);
    CU_ASSERT_FATAL(map->count > 0);

    for (unsigned int i = 0; i < map->count; i++)
    {
        for (unsigned int j = i + 1; j < map->count; j++)
        {
            UT_CHECK(map->pairs[i].windows != map->pairs[j].windows,
                     "%s: entries %u and %u share Windows value %d", name, i, j,
                     map->pairs[i].windows);
            UT_CHECK(map->pairs[i].linux_value != map->pairs[j].linux_value,
                     "%s: entries %u and %u share Linux value %d", name, i, j,
                     map->pairs[i].linux_value);
        }
    }

    for (unsigned int i = 0; i < map->count; i++)
    {
        const struct value_pair *pair = &map->pairs[i];
        int to_linux = -12345, back = -12345;

        UT_CHECK(map_to_linux(map, pair->windows, &to_linux) == 0 && to_linux == pair->linux_value,
                 "%s entry %u: Windows %d -> %d, expected %d", name, i, pair->windows, to_linux,
                 pair->linux_value);
        UT_CHECK(map_to_windows(map, to_linux, &back) == 0 && back == pair->windows,
                 "%s entry %u: Windows %d -> Linux %d -> Windows %d", name, i, pair->windows,
                 to_linux, back);

        to_linux = back = -12345;
        UT_CHECK(map_to_windows(map, pair->linux_value, &back) == 0 && back == pair->windows,
                 "%s entry %u: Linux %d -> %d, expected %d", name, i, pair->linux_value, back,
                 pair->windows);
        UT_CHECK(map_to_linux(map, back, &to_linux) == 0 && to_linux == pair->linux_value,
                 "%s entry %u: Linux %d -> Windows %d -> Linux %d", name, i, pair->linux_value,
                 back, to_linux);
    }
}

static void test_family_map(void)
{
    static const struct known_pair pairs[] =
    {
        { WS_AF_UNSPEC, AF_UNSPEC },
        { WS_AF_UNIX,   AF_UNIX },
        { WS_AF_INET,   AF_INET },
        { WS_AF_INET6,  AF_INET6 },
    };
    /* Windows 10 is Linux' AF_INET6 and Linux 23 is Windows' AF_INET6: the
     * two value spaces must never be confused. */
    static const int bad_windows[] = { 10, 0xdead, -1, 24, 6 };
    static const int bad_linux[] = { 23, 0xdead, -1, AF_PACKET, AF_NETLINK };
    int out = 0;

    /* The values themselves, so a wrong constant in wsvalues.h shows up. */
    CU_ASSERT_EQUAL(WS_AF_INET6, 23);
    CU_ASSERT_EQUAL(AF_INET6, 10);
    CU_ASSERT_EQUAL(map_to_linux(&family_map, 23, &out), 0);
    CU_ASSERT_EQUAL(out, 10);
    CU_ASSERT_EQUAL(map_to_windows(&family_map, 10, &out), 0);
    CU_ASSERT_EQUAL(out, 23);

    check_known_pairs("family_map", &family_map, pairs, UT_ARRAY_COUNT(pairs));
    check_unknown("family_map", &family_map, bad_windows, UT_ARRAY_COUNT(bad_windows),
                  bad_linux, UT_ARRAY_COUNT(bad_linux));
    check_round_trips("family_map", &family_map);
}

static void test_type_map(void)
{
    static const struct known_pair pairs[] =
    {
        { 1, SOCK_STREAM },
        { 2, SOCK_DGRAM },
        { 3, SOCK_RAW },
        { 4, SOCK_RDM },
        { 5, SOCK_SEQPACKET },
    };
    /* Creation flags must not be accepted as part of a type. */
    static const int bad_windows[] = { 6, 0xdead, -1, 1 | 0x80000 };
    static const int bad_linux[] = { SOCK_STREAM | SOCK_CLOEXEC, SOCK_DGRAM | SOCK_NONBLOCK,
                                     SOCK_PACKET, 0xdead, -1 };

    CU_ASSERT_EQUAL(WS_SOCK_STREAM, 1);
    CU_ASSERT_EQUAL(WS_SOCK_DGRAM, 2);
    CU_ASSERT_EQUAL(WS_SOCK_RAW, 3);
    CU_ASSERT_EQUAL(WS_SOCK_RDM, 4);
    CU_ASSERT_EQUAL(WS_SOCK_SEQPACKET, 5);

    check_known_pairs("type_map", &type_map, pairs, UT_ARRAY_COUNT(pairs));
    check_unknown("type_map", &type_map, bad_windows, UT_ARRAY_COUNT(bad_windows),
                  bad_linux, UT_ARRAY_COUNT(bad_linux));
    check_round_trips("type_map", &type_map);
}

static void test_protocol_map(void)
{
    /* IANA numbers, identical on both systems. */
    static const struct known_pair pairs[] =
    {
        { 0,   IPPROTO_IP },
        { 1,   IPPROTO_ICMP },
        { 2,   IPPROTO_IGMP },
        { 6,   IPPROTO_TCP },
        { 17,  IPPROTO_UDP },
        { 41,  IPPROTO_IPV6 },
        { 58,  IPPROTO_ICMPV6 },
        { 255, IPPROTO_RAW },
    };
    static const int bad_windows[] = { 0xdead, -1, 256 };
    static const int bad_linux[] = { 0xdead, -1, 256 };

    CU_ASSERT_EQUAL(WS_IPPROTO_TCP, 6);
    CU_ASSERT_EQUAL(WS_IPPROTO_UDP, 17);
    CU_ASSERT_EQUAL(WS_IPPROTO_ICMPV6, 58);

    check_known_pairs("protocol_map", &protocol_map, pairs, UT_ARRAY_COUNT(pairs));
    check_unknown("protocol_map", &protocol_map, bad_windows, UT_ARRAY_COUNT(bad_windows),
                  bad_linux, UT_ARRAY_COUNT(bad_linux));
    check_round_trips("protocol_map", &protocol_map);
}

static void test_errno_known(void)
{
    static const struct
    {
        int err;
        unsigned int wsa;
    }
    rows[] =
    {
        { 0,               0 },
        { EMFILE,          WSAEMFILE },
        { ENFILE,          WSAEMFILE },
        { ENOBUFS,         WSAENOBUFS },
        { ENOMEM,          WSAENOBUFS },
        { EACCES,          WSAEACCES },
        { EPERM,           WSAEACCES },
        { EAFNOSUPPORT,    WSAEAFNOSUPPORT },
        { EPROTONOSUPPORT, WSAEPROTONOSUPPORT },
        { ESOCKTNOSUPPORT, WSAESOCKTNOSUPPORT },
        { EAGAIN,          WSAEWOULDBLOCK },
        { EWOULDBLOCK,     WSAEWOULDBLOCK },
        { ECONNREFUSED,    WSAECONNREFUSED },
        { EINTR,           WSAEINTR },
        { ENOTSOCK,        WSAENOTSOCK },
        { EINVAL,          WSAEINVAL },
        { EADDRINUSE,      WSAEADDRINUSE },
        { ECONNRESET,      WSAECONNRESET },
        { ETIMEDOUT,       WSAETIMEDOUT },
    };

    for (size_t i = 0; i < UT_ARRAY_COUNT(rows); i++)
    {
        unsigned int got = wsa_error_from_errno(rows[i].err);
        UT_CHECK(got == rows[i].wsa, "row %zu: errno %d gave %u, expected %u",
                 i, rows[i].err, got, rows[i].wsa);
    }
}

static void test_errno_unknown(void)
{
    /* Linux-only errnos are still failures, reported as WSAEINVAL. */
    CU_ASSERT_EQUAL(wsa_error_from_errno(4095), WSAEINVAL);
    CU_ASSERT_EQUAL(wsa_error_from_errno(ENOKEY), WSAEINVAL);
    CU_ASSERT_EQUAL(wsa_error_from_errno(EHWPOISON), WSAEINVAL);
    CU_ASSERT_EQUAL(wsa_error_from_errno(-1), WSAEINVAL);
}

static void test_errno_never_zero(void)
{
    /* A failed call must never look like success to the PE side, and what
     * it gets must be a WSA code (10000..11999), not a raw errno. */
    for (int err = 1; err <= 133; err++)
    {
        unsigned int got = wsa_error_from_errno(err);
        UT_CHECK(got != 0, "errno %d mapped to 0", err);
        UT_CHECK(got >= 10000 && got < 12000, "errno %d mapped to %u, not a WSA code", err, got);
    }
}

CU_TestInfo maps_tests[] =
{
    { "family_map",           test_family_map },
    { "type_map",             test_type_map },
    { "protocol_map",         test_protocol_map },
    { "errno known pairs",    test_errno_known },
    { "errno unknown values", test_errno_unknown },
    { "errno 1..133 never 0", test_errno_never_zero },
    CU_TEST_INFO_NULL,
};
