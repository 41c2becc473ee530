/*
 * Tests that the two sides' option tables agree: every row of the shared
 * list (include/ws2host/sockoptlist.h) that the PE side sends to Linux
 * has its Linux mapping, no PE-only row has one, and every row of the
 * Linux side's table is a row of the list.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdint.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <CUnit/CUnit.h>

#include "ws2host/unixlib.h"
#include "ws2host/sockoptlist.h"
#include "unix_private.h"
#include "unit_tests.h"
#include "wsvalues.h"

/* The list as the tests see it: which side each row is for. */
enum row_kind { row_linux, row_pe, row_host };

struct list_row
{
    int level, option;
    enum row_kind kind;
    const char *name;
};

#define TEST_LINUX_ROW(ws_level, ws_option, format, handling, linux_level, linux_option, access, shape) \
    { .level = ws_level, .option = ws_option, .kind = row_linux, .name = #ws_option },
#define TEST_PE_ROW(ws_level, ws_option, format, handling) \
    { .level = ws_level, .option = ws_option, .kind = row_pe, .name = #ws_option },
#define TEST_HOST_ROW(private_option, linux_level, linux_option) \
    { .level = WS2HOST_LEVEL_PRIVATE, .option = private_option, .kind = row_host, .name = #private_option },

static const struct list_row list[] =
{
    WS2HOST_SOCKET_OPTIONS(TEST_LINUX_ROW, TEST_PE_ROW, TEST_HOST_ROW)
};

static unsigned int probe(int level, int option)
{
    struct ws2host_sockopt_params params = { .fd = -1, .level = level, .option = option,
                                             .set = WS2HOST_SOCKOPT_PROBE };

    return unix_sockopt(&params);
}

static const struct list_row *list_find(int level, int option)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(list); i++)
        if (list[i].level == level && list[i].option == option) return &list[i];
    return NULL;
}

/* A row the PE side sends to Linux must be mapped there; a PE-only row
 * must not be, or the PE side would be ignoring a mapping. */
static void test_every_list_row_on_its_side(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(list); i++)
    {
        unsigned int ret = probe(list[i].level, list[i].option);
        unsigned int expected = list[i].kind == row_pe ? WSAENOPROTOOPT : 0;

        UT_CHECK(ret == expected, "%s (level %#x option %#x): the Linux side answers %u, expected %u",
                 list[i].name, list[i].level, list[i].option, ret, expected);
    }
}

static void test_every_linux_row_in_list(void)
{
    size_t mapped = 0;

    for (unsigned int i = 0; i < unix_sockopt_count; i++)
    {
        const struct list_row *row;
        int level, option;

        unix_sockopt_row(i, &level, &option);
        row = list_find(level, option);
        UT_CHECK(row && row->kind != row_pe, "Linux row %u (level %#x option %#x) is %s", i, level, option,
                 row ? "PE-only in the list" : "not in the list");
    }
    for (size_t i = 0; i < UT_ARRAY_COUNT(list); i++) mapped += list[i].kind != row_pe;
    UT_CHECK(mapped == unix_sockopt_count, "%zu rows of the list go to Linux, the Linux table has %u",
             mapped, unix_sockopt_count);
}

/* The PE side finds the first row for an option: a second would be dead. */
static void test_no_option_twice(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(list); i++)
        UT_CHECK(list_find(list[i].level, list[i].option) == &list[i], "%s (level %#x option %#x) is listed twice",
                 list[i].name, list[i].level, list[i].option);
}

/* Windows' levels only, except for the private one, which no program can
 * reach because the PE side refuses unknown levels first. */
static void test_levels(void)
{
    static const int windows_levels[] = { WS_SOL_SOCKET, WS_IPPROTO_IP, WS_IPPROTO_IPV6, WS_IPPROTO_TCP, WS_IPPROTO_UDP };

    for (size_t i = 0; i < UT_ARRAY_COUNT(list); i++)
    {
        int windows = 0;

        for (size_t j = 0; j < UT_ARRAY_COUNT(windows_levels); j++) windows |= list[i].level == windows_levels[j];
        UT_CHECK(list[i].kind == row_host ? list[i].level == WS2HOST_LEVEL_PRIVATE : windows,
                 "%s: level %#x", list[i].name, list[i].level);
    }
}

CU_TestInfo sockoptlist_tests[] =
{
    { "every list row on its side",  test_every_list_row_on_its_side },
    { "every Linux row in the list", test_every_linux_row_in_list },
    { "no option twice",             test_no_option_twice },
    { "levels",                      test_levels },
    CU_TEST_INFO_NULL,
};
