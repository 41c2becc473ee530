/*
 * Tests of Windows' address sharing rules (addressuse.c), against the
 * outcomes Windows itself gives: the pairs of binds of Wine's
 * test_reuseaddr, which runs on Windows (docs/addressuse.md).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <CUnit/CUnit.h>

#include "addressuse.h"
#include "unit_tests.h"

enum address_kind { v4_any, v4_loopback, v6_any, v6_loopback, v6_mapped_any, v6_mapped_loopback };

static const char *const kind_names[] =
{
    "0.0.0.0", "127.0.0.1", "::", "::1", "::ffff:0.0.0.0", "::ffff:127.0.0.1",
};

#define PORT 0x3930  /* any non-zero port, network order */

/* A bind of one kind of address; IPv6 sockets are dual-stack, as the
 * Windows test makes them (IPV6_V6ONLY 0). */
static struct ws_bind_request request_for(enum address_kind kind, int use)
{
    struct ws_bind_request request;

    memset(&request, 0, sizeof(request));
    request.port = PORT;
    request.use = use;
    switch (kind)
    {
    case v4_any:
        request.family = WS_AF_INET;
        break;
    case v4_loopback:
        request.family = WS_AF_INET;
        request.address[0] = 127;
        request.address[3] = 1;
        break;
    case v6_any:
    case v6_loopback:
    case v6_mapped_any:
    case v6_mapped_loopback:
        request.family = WS_AF_INET6;
        request.dual_stack = 1;
        if (kind == v6_loopback) request.address[15] = 1;
        if (kind == v6_mapped_any || kind == v6_mapped_loopback) request.address[10] = request.address[11] = 0xff;
        if (kind == v6_mapped_loopback)
        {
            request.address[12] = 127;
            request.address[15] = 1;
        }
        break;
    }
    return request;
}

static void reset(void)
{
    address_use_clear();
    CU_ASSERT_EQUAL_FATAL(address_use_count(), 0);
}

/* Windows' verdict on a second bind after a first succeeded. */
static int second_bind(enum address_kind first, int first_use, enum address_kind second, int second_use)
{
    struct ws_bind_request a = request_for(first, first_use), b = request_for(second, second_use);
    int verdict;

    reset();
    UT_CHECK(address_use_check(0, &a, NULL) == 0, "first bind %s refused", kind_names[first]);
    CU_ASSERT_EQUAL(address_use_add(1, 100, &a), 0);
    verdict = address_use_check(0, &b, NULL);
    reset();
    return verdict;
}

/* Wine's tests_exclusive table: which socket sets SO_EXCLUSIVEADDRUSE,
 * and what the second bind gets on Windows. */
static void test_exclusive_table(void)
{
    static const struct
    {
        enum address_kind first;
        int first_exclusive;
        enum address_kind second;
        int second_exclusive;
        int expected;
    }
    rows[] =
    {
        { v4_any, 1, v4_loopback, 0, WS_ADDRESS_DENIED },
        { v6_any, 1, v4_loopback, 0, WS_ADDRESS_DENIED },
        { v4_any, 0, v4_loopback, 1, 0 },
        { v4_any, 1, v4_loopback, 1, WS_ADDRESS_DENIED },
        { v4_loopback, 1, v4_any, 0, 0 },
        { v4_loopback, 0, v4_any, 1, WS_ADDRESS_IN_USE },
        { v4_loopback, 0, v6_any, 1, WS_ADDRESS_IN_USE },
        { v6_loopback, 0, v4_any, 1, 0 },
        { v6_loopback, 1, v4_loopback, 1, 0 },
        { v6_mapped_loopback, 0, v4_any, 1, WS_ADDRESS_IN_USE },
        { v6_any, 1, v4_any, 0, WS_ADDRESS_DENIED },
        { v6_any, 0, v4_any, 1, 0 },
        { v4_any, 0, v4_any, 1, WS_ADDRESS_IN_USE },
        { v4_any, 0, v4_any, 0, WS_ADDRESS_IN_USE },
        { v6_any, 0, v4_any, 0, 0 },
        { v6_mapped_any, 0, v4_any, 0, WS_ADDRESS_IN_USE },
        { v6_mapped_loopback, 0, v4_loopback, 0, WS_ADDRESS_IN_USE },
        { v4_loopback, 0, v6_mapped_loopback, 0, WS_ADDRESS_IN_USE },
        { v4_loopback, 1, v4_loopback, 0, WS_ADDRESS_IN_USE },
        { v4_loopback, 0, v4_loopback, 1, WS_ADDRESS_IN_USE },
    };

    for (unsigned int i = 0; i < UT_ARRAY_COUNT(rows); i++)
    {
        int verdict = second_bind(rows[i].first, rows[i].first_exclusive ? ws_use_exclusive : ws_use_default,
                                  rows[i].second, rows[i].second_exclusive ? ws_use_exclusive : ws_use_default);

        UT_CHECK(verdict == rows[i].expected, "row %u: %s%s then %s%s: got %d, expected %d", i,
                 kind_names[rows[i].first], rows[i].first_exclusive ? " (exclusive)" : "",
                 kind_names[rows[i].second], rows[i].second_exclusive ? " (exclusive)" : "",
                 verdict, rows[i].expected);
    }
}

/* SO_REUSEADDR: shared only when both ask; asking alone is an access
 * error, not asking against a sharer is "in use". */
static void test_reuse(void)
{
    static const enum address_kind kinds[] = { v4_loopback, v6_loopback };

    for (unsigned int i = 0; i < UT_ARRAY_COUNT(kinds); i++)
    {
        UT_CHECK(second_bind(kinds[i], ws_use_default, kinds[i], ws_use_reuse) == WS_ADDRESS_DENIED,
                 "%s: reuse after plain", kind_names[kinds[i]]);
        UT_CHECK(second_bind(kinds[i], ws_use_reuse, kinds[i], ws_use_default) == WS_ADDRESS_IN_USE,
                 "%s: plain after reuse", kind_names[kinds[i]]);
        UT_CHECK(second_bind(kinds[i], ws_use_reuse, kinds[i], ws_use_reuse) == 0,
                 "%s: reuse after reuse", kind_names[kinds[i]]);
    }
    /* A wildcard and a specific address of the same port do not meet. */
    CU_ASSERT_EQUAL(second_bind(v4_any, ws_use_default, v4_loopback, ws_use_default), 0);
    CU_ASSERT_EQUAL(second_bind(v4_loopback, ws_use_default, v4_any, ws_use_default), 0);
    CU_ASSERT_EQUAL(second_bind(v4_any, ws_use_default, v4_any, ws_use_default), WS_ADDRESS_IN_USE);
}

/* Four sharers, then each leaves: the rest keep the address. */
static void test_many_sharers_and_removal(void)
{
    struct ws_bind_request shared = request_for(v4_loopback, ws_use_reuse);
    struct ws_bind_request plain = request_for(v4_loopback, ws_use_default);

    reset();
    for (uint64_t handle = 1; handle <= 4; handle++)
    {
        CU_ASSERT_EQUAL(address_use_check(0, &shared, NULL), 0);
        CU_ASSERT_EQUAL(address_use_add(handle, handle, &shared), 0);
    }
    CU_ASSERT_EQUAL(address_use_count(), 4);
    for (uint64_t handle = 1; handle <= 4; handle++)
    {
        CU_ASSERT_EQUAL(address_use_check(0, &plain, NULL), WS_ADDRESS_IN_USE);
        address_use_remove(handle);
    }
    CU_ASSERT_EQUAL(address_use_count(), 0);
    CU_ASSERT_EQUAL(address_use_check(0, &plain, NULL), 0);
    reset();
}

/* Port 0 asks the system for a free port: never a conflict. */
static void test_port_zero(void)
{
    struct ws_bind_request request = request_for(v4_loopback, ws_use_default);

    reset();
    CU_ASSERT_EQUAL(address_use_add(1, 1, &request), 0);
    request.port = 0;
    CU_ASSERT_EQUAL(address_use_check(0, &request, NULL), 0);
    reset();
}

/* A dual-stack socket holds its IPv4 view, an IPv6-only one does not. */
static void test_dual_stack_views(void)
{
    struct ws_bind_request mapped = request_for(v6_mapped_loopback, ws_use_default);
    struct ws_bind_request v4 = request_for(v4_loopback, ws_use_default);

    reset();
    CU_ASSERT_EQUAL(address_use_add(1, 1, &mapped), 0);
    CU_ASSERT_EQUAL(address_use_count(), 2);
    CU_ASSERT_EQUAL(address_use_check(0, &v4, NULL), WS_ADDRESS_IN_USE);
    reset();
    mapped.dual_stack = 0;
    CU_ASSERT_EQUAL(address_use_add(1, 1, &mapped), 0);
    CU_ASSERT_EQUAL(address_use_count(), 1);
    CU_ASSERT_EQUAL(address_use_check(0, &v4, NULL), 0);
    reset();
}

static uint64_t dead_handle;

static int alive_unless_dead(uint64_t handle, uint64_t inode)
{
    (void)inode;
    return handle != dead_handle;
}

/* A socket closed behind our back (CloseHandle) must not keep the
 * address: the check asks whether the holder is alive. */
static void test_dead_holder_dropped(void)
{
    struct ws_bind_request request = request_for(v4_loopback, ws_use_default);

    reset();
    CU_ASSERT_EQUAL(address_use_add(7, 70, &request), 0);
    CU_ASSERT_EQUAL(address_use_add(8, 80, &request), 0);
    dead_handle = 7;
    CU_ASSERT_EQUAL(address_use_check(0, &request, alive_unless_dead), WS_ADDRESS_IN_USE);
    CU_ASSERT_EQUAL(address_use_count(), 1);
    dead_handle = 8;
    CU_ASSERT_EQUAL(address_use_check(0, &request, alive_unless_dead), 0);
    CU_ASSERT_EQUAL(address_use_count(), 0);
    reset();
}

/* A socket is not in its own way: binding it twice is Linux' to refuse. */
static void test_own_entry_ignored(void)
{
    struct ws_bind_request request = request_for(v4_loopback, ws_use_default);

    reset();
    CU_ASSERT_EQUAL(address_use_add(5, 50, &request), 0);
    CU_ASSERT_EQUAL(address_use_check(5, &request, NULL), 0);
    CU_ASSERT_EQUAL(address_use_check(6, &request, NULL), WS_ADDRESS_IN_USE);
    reset();
}

/* Growth past the first allocation keeps every entry. */
static void test_growth(void)
{
    struct ws_bind_request request = request_for(v4_loopback, ws_use_default);

    reset();
    for (unsigned int i = 0; i < 1000; i++)
    {
        request.port = (uint16_t)(i + 1);
        CU_ASSERT_EQUAL_FATAL(address_use_add(i + 1, i, &request), 0);
    }
    CU_ASSERT_EQUAL(address_use_count(), 1000);
    request.port = 500;
    CU_ASSERT_EQUAL(address_use_check(0, &request, NULL), WS_ADDRESS_IN_USE);
    reset();
}

CU_TestInfo addressuse_tests[] =
{
    { "SO_EXCLUSIVEADDRUSE pairs as on Windows", test_exclusive_table },
    { "SO_REUSEADDR pairs as on Windows",        test_reuse },
    { "four sharers, then removal",              test_many_sharers_and_removal },
    { "port 0 never conflicts",                  test_port_zero },
    { "dual-stack IPv4 views",                   test_dual_stack_views },
    { "closed holders are dropped",              test_dead_holder_dropped },
    { "a socket's own entry",                    test_own_entry_ignored },
    { "growth",                                  test_growth },
    CU_TEST_INFO_NULL,
};
