/*
 * Tests of WSAStartup's version negotiation (negotiate.c) against the
 * answers Windows gives for each requested version.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <CUnit/CUnit.h>

#include "negotiate.h"
#include "unit_tests.h"

#define MAKE_VER(major, minor) ((uint16_t)((major) | ((minor) << 8)))

static void test_negotiate_table(void)
{
    static const struct
    {
        unsigned int major, minor;
        uint16_t granted;
        int error;
    }
    rows[] =
    {
        { 0, 0,     0x0202, 10092 },
        { 0, 1,     0x0202, 10092 },
        { 0, 9,     0x0202, 10092 },
        { 1, 0,     0x0001, 0 },
        { 1, 1,     0x0101, 0 },
        { 1, 2,     0x0101, 0 },
        { 1, 15,    0x0101, 0 },
        { 1, 255,   0x0101, 0 },
        { 2, 0,     0x0002, 0 },
        { 2, 1,     0x0102, 0 },
        { 2, 2,     0x0202, 0 },
        { 2, 3,     0x0202, 0 },
        { 2, 15,    0x0202, 0 },
        { 2, 255,   0x0202, 0 },
        { 3, 0,     0x0202, 0 },
        { 3, 5,     0x0202, 0 },
        { 15, 255,  0x0202, 0 },
        { 255, 0,   0x0202, 0 },
        { 255, 255, 0x0202, 0 },
    };

    for (size_t i = 0; i < UT_ARRAY_COUNT(rows); i++)
    {
        uint16_t requested = MAKE_VER(rows[i].major, rows[i].minor);
        struct ws_negotiated out;
        int granted_v1 = !rows[i].error && (rows[i].granted & 0xff) == 1;

        memset(&out, 0xa5, sizeof(out));
        ws_negotiate_version(requested, &out);

        UT_CHECK(out.version == rows[i].granted,
                 "row %zu: %u.%u (%#06x) gave version %#06x, expected %#06x", i,
                 rows[i].major, rows[i].minor, requested, out.version, rows[i].granted);
        UT_CHECK(out.error == rows[i].error, "row %zu: %u.%u gave error %d, expected %d", i,
                 rows[i].major, rows[i].minor, out.error, rows[i].error);
        UT_CHECK(out.high_version == 0x0202, "row %zu: %u.%u gave high version %#06x", i,
                 rows[i].major, rows[i].minor, out.high_version);
        UT_CHECK(out.legacy == granted_v1, "row %zu: %u.%u gave legacy %d, expected %d", i,
                 rows[i].major, rows[i].minor, out.legacy, granted_v1);
        UT_CHECK(out.max_sockets == (granted_v1 ? 32767 : 0) &&
                 out.max_udp_dg == (granted_v1 ? 65467 : 0),
                 "row %zu: %u.%u gave iMaxSockets %u iMaxUdpDg %u", i, rows[i].major,
                 rows[i].minor, out.max_sockets, out.max_udp_dg);
    }
}

/* Every possible request: the invariants hold for all 65536, not only the
 * rows above. */
static void test_negotiate_all(void)
{
    unsigned long bad = 0;

    for (unsigned int v = 0; v <= 0xffff; v++)
    {
        unsigned int major = v & 0xff, minor = v >> 8;
        struct ws_negotiated out;
        uint16_t expect;
        int ok;

        ws_negotiate_version((uint16_t)v, &out);
        if (major == 1) expect = MAKE_VER(1, minor < 1 ? minor : 1);
        else if (major == 2) expect = MAKE_VER(2, minor < 2 ? minor : 2);
        else expect = 0x0202;
        ok = out.version == expect && out.high_version == 0x0202 &&
             out.error == (major ? 0 : 10092) && out.legacy == (major == 1) &&
             out.max_sockets == (major == 1 ? 32767 : 0) &&
             out.max_udp_dg == (major == 1 ? 65467 : 0);
        if (!ok && bad++ < 5)
            UT_CHECK(0, "%u.%u: version %#06x error %d legacy %d", major, minor, out.version,
                     out.error, out.legacy);
    }
    UT_CHECK(bad == 0, "%lu requested versions negotiated wrongly", bad);
}

CU_TestInfo negotiate_tests[] =
{
    { "Windows' table",     test_negotiate_table },
    { "all 65536 requests", test_negotiate_all },
    CU_TEST_INFO_NULL,
};
