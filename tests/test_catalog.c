/*
 * Tests of the protocol catalog (catalog.c): its data, and provider
 * selection checked against what Windows' WSASocket does.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <CUnit/CUnit.h>

#include "catalog.h"
#include "unit_tests.h"

#define BAD 0xdead
/* The tail of a row: an error, or what succeeded. */
#define FAILS(err) err, 0, 0, 0, 0
#define GIVES(family, type, protocol, id) 0, family, type, protocol, id

struct select_row
{
    int32_t af, type, protocol;
    int with_info;
    int error;                  /* expected WSA error, 0 for success */
    int32_t family, sock_type, result_protocol;  /* on success */
    uint32_t catalog_id;        /* on success */
};

/* WSASocket(af, type, protocol, NULL, ...) on Windows, and the provider
 * it picks. */
static const struct select_row select_rows[] =
{
    /* Invalid values, and which check wins when several are. */
    { BAD, 1, 6,     0, FAILS(WSAEAFNOSUPPORT) },
    { -1, 1, 6,      0, FAILS(WSAEAFNOSUPPORT) },
    { 2, BAD, 6,     0, FAILS(WSAESOCKTNOSUPPORT) },
    { 2, -1, 6,      0, FAILS(WSAESOCKTNOSUPPORT) },
    { 2, 1, BAD,     0, FAILS(WSAEPROTONOSUPPORT) },
    { 2, 1, -1,      0, FAILS(WSAEPROTONOSUPPORT) },
    { BAD, BAD, 6,   0, FAILS(WSAESOCKTNOSUPPORT) },
    { BAD, 1, BAD,   0, FAILS(WSAEAFNOSUPPORT) },
    { 2, BAD, BAD,   0, FAILS(WSAESOCKTNOSUPPORT) },
    { BAD, 1, 17,    0, FAILS(WSAEAFNOSUPPORT) },
    /* AF_INET with zeros filled in from the catalog. */
    { 2, 1, 0,       0, GIVES(2, 1, 6, 1001) },
    { 2, 2, 0,       0, GIVES(2, 2, 17, 1002) },
    { 2, BAD, 0,     0, FAILS(WSAESOCKTNOSUPPORT) },
    { 2, 0, 6,       0, GIVES(2, 1, 6, 1001) },
    { 2, 0, 17,      0, GIVES(2, 2, 17, 1002) },
    { 2, 0, BAD,     0, FAILS(WSAEPROTONOSUPPORT) },
    { 2, 0, 0,       0, GIVES(2, 1, 6, 1001) },
    { 2, 1, 17,      0, FAILS(WSAEPROTONOSUPPORT) },
    { 2, 2, 6,       0, FAILS(WSAEPROTONOSUPPORT) },
    /* AF_UNSPEC: found through the protocol, never from nothing. */
    { 0, 1, 6,       0, GIVES(2, 1, 6, 1001) },
    { 0, 1, BAD,     0, FAILS(WSAEPROTONOSUPPORT) },
    { 0, BAD, 17,    0, FAILS(WSAESOCKTNOSUPPORT) },
    { 0, 1, 0,       0, FAILS(WSAEINVAL) },
    { 0, 2, 0,       0, FAILS(WSAEINVAL) },
    { 0, BAD, 0,     0, FAILS(WSAEINVAL) },
    { 0, 0, 6,       0, GIVES(2, 1, 6, 1001) },
    { 0, 0, 17,      0, GIVES(2, 2, 17, 1002) },
    { 0, 0, BAD,     0, FAILS(WSAEPROTONOSUPPORT) },
    { 0, 0, 0,       0, FAILS(WSAEINVAL) },
    /* AF_INET6. */
    { 23, 1, 0,      0, GIVES(23, 1, 6, 1004) },
    { 23, 2, 0,      0, GIVES(23, 2, 17, 1005) },
    { 23, 1, 6,      0, GIVES(23, 1, 6, 1004) },
    /* Raw: protocol 0 stays 0; others fall in the entry's 0..255 range. */
    { 2, 3, 0,       0, GIVES(2, 3, 0, 1003) },
    { 2, 3, 1,       0, GIVES(2, 3, 1, 1003) },
    { 0, 0, 255,     0, GIVES(2, 3, 255, 1003) },
    { 23, 3, 58,     0, GIVES(23, 3, 58, 1006) },
    /* Through a WSAPROTOCOL_INFO: the family is checked first, and there is
     * no AF_UNSPEC lookup. */
    { 0, 0, 17,      1, FAILS(WSAEAFNOSUPPORT) },
    { -1, -1, 17,    1, FAILS(WSAEAFNOSUPPORT) },
    { 2, 2, 17,      1, GIVES(2, 2, 17, 1002) },
};

static void test_select_matrix(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(select_rows); i++)
    {
        const struct select_row *row = &select_rows[i];
        struct ws_selection sel;
        int ret;

        memset(&sel, 0, sizeof(sel));
        ret = catalog_select(row->af, row->type, row->protocol, row->with_info, &sel);
        UT_CHECK(ret == row->error, "row %zu (%#x,%#x,%#x,info=%d): returned %d, expected %d",
                 i, row->af, row->type, row->protocol, row->with_info, ret, row->error);
        if (row->error || ret) continue;

        UT_CHECK(sel.family == row->family && sel.type == row->sock_type &&
                 sel.protocol == row->result_protocol,
                 "row %zu (%#x,%#x,%#x): selected (%d,%d,%d), expected (%d,%d,%d)", i, row->af,
                 row->type, row->protocol, sel.family, sel.type, sel.protocol, row->family,
                 row->sock_type, row->result_protocol);
        UT_CHECK(sel.entry != NULL, "row %zu: no entry", i);
        if (!sel.entry) continue;
        UT_CHECK(sel.entry->catalog_id == row->catalog_id, "row %zu: entry %u, expected %u", i,
                 sel.entry->catalog_id, row->catalog_id);
        /* The selection and the entry it names agree. */
        UT_CHECK(sel.entry->family == sel.family && sel.entry->type == sel.type,
                 "row %zu: entry (%d,%d) but selection (%d,%d)", i, sel.entry->family,
                 sel.entry->type, sel.family, sel.type);
    }
}

/* What a raw entry looks like to the selection: protocol 0, offset 255. */
static void test_select_raw_entry(void)
{
    struct ws_selection sel;

    CU_ASSERT_EQUAL_FATAL(catalog_select(2, 3, 0, 0, &sel), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sel.entry);
    CU_ASSERT_EQUAL(sel.entry->catalog_id, 1003);
    CU_ASSERT_EQUAL(sel.entry->protocol, 0);
    CU_ASSERT_EQUAL(sel.entry->protocol_max_offset, 255);
}

static int is_tcp(const struct ws_catalog_entry *e) { return e->type == 1 && e->protocol == 6; }
static int is_udp(const struct ws_catalog_entry *e) { return e->type == 2 && e->protocol == 17; }
static int is_raw(const struct ws_catalog_entry *e) { return e->type == 3; }

static void test_catalog_enumerable(void)
{
    static const uint32_t expect[] = { 1001, 1002, 1004, 1005 };
    size_t n = 0;

    CU_ASSERT_EQUAL_FATAL(ws_catalog_count, 6);
    for (size_t i = 0; i < ws_catalog_count; i++)
    {
        if (ws_catalog[i].provider_flags & WS_PFL_HIDDEN) continue;
        UT_CHECK(n < UT_ARRAY_COUNT(expect) && ws_catalog[i].catalog_id == expect[n],
                 "enumerable entry %zu is %u, expected %u", n, ws_catalog[i].catalog_id,
                 n < UT_ARRAY_COUNT(expect) ? expect[n] : 0);
        n++;
    }
    CU_ASSERT_EQUAL(n, UT_ARRAY_COUNT(expect));
}

static void test_catalog_fields(void)
{
    unsigned int tcp = 0, udp = 0, raw = 0;

    for (size_t i = 0; i < ws_catalog_count; i++)
    {
        const struct ws_catalog_entry *e = &ws_catalog[i];
        int32_t addr_len = e->family == 23 ? 28 : 16;

        UT_CHECK(e->family == 2 || e->family == 23, "entry %u: family %d", e->catalog_id,
                 e->family);
        UT_CHECK(e->name && e->name[0], "entry %u: empty name", e->catalog_id);
        UT_CHECK(e->min_sockaddr == addr_len && e->max_sockaddr == addr_len,
                 "entry %u: sockaddr sizes %d..%d, expected %d", e->catalog_id, e->min_sockaddr,
                 e->max_sockaddr, addr_len);
        for (size_t j = i + 1; j < ws_catalog_count; j++)
            UT_CHECK(ws_catalog[j].catalog_id != e->catalog_id, "catalog id %u used twice",
                     e->catalog_id);

        if (is_tcp(e))
        {
            tcp++;
            UT_CHECK(e->service_flags1 == 0x20066, "TCP entry %u: service flags %#x",
                     e->catalog_id, e->service_flags1);
            UT_CHECK(e->provider_flags == WS_PFL_MATCHES_PROTOCOL_ZERO,
                     "TCP entry %u: provider flags %#x", e->catalog_id, e->provider_flags);
            UT_CHECK(e->protocol_max_offset == 0, "TCP entry %u: offset %d", e->catalog_id,
                     e->protocol_max_offset);
        }
        else if (is_udp(e))
        {
            udp++;
            UT_CHECK(e->service_flags1 == 0x20609, "UDP entry %u: service flags %#x",
                     e->catalog_id, e->service_flags1);
            UT_CHECK(e->provider_flags == WS_PFL_MATCHES_PROTOCOL_ZERO,
                     "UDP entry %u: provider flags %#x", e->catalog_id, e->provider_flags);
            UT_CHECK(e->message_size == 65467, "UDP entry %u: message size %u", e->catalog_id,
                     e->message_size);
        }
        else if (is_raw(e))
        {
            raw++;
            UT_CHECK(e->provider_flags == 0x0c, "raw entry %u: provider flags %#x", e->catalog_id,
                     e->provider_flags);
            UT_CHECK(e->protocol == 0 && e->protocol_max_offset == 255,
                     "raw entry %u: protocol %d offset %d", e->catalog_id, e->protocol,
                     e->protocol_max_offset);
        }
        else
            UT_CHECK(0, "entry %u: unexpected type %d protocol %d", e->catalog_id, e->type,
                     e->protocol);
    }
    CU_ASSERT_EQUAL(tcp, 2);
    CU_ASSERT_EQUAL(udp, 2);
    CU_ASSERT_EQUAL(raw, 2);
    CU_ASSERT_EQUAL(WS_PFL_HIDDEN, 4);
    CU_ASSERT_EQUAL(WS_PFL_MATCHES_PROTOCOL_ZERO, 8);
}

static void test_catalog_find_id(void)
{
    const struct ws_catalog_entry *e = catalog_find_id(1002);

    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->catalog_id, 1002);
    CU_ASSERT_EQUAL(e->family, 2);
    CU_ASSERT_EQUAL(e->type, 2);
    CU_ASSERT_EQUAL(e->protocol, 17);

    CU_ASSERT_PTR_NULL(catalog_find_id(9999));
    CU_ASSERT_PTR_NULL(catalog_find_id(0));

    /* Every entry is found by its own id, and the pointer is into the table. */
    for (size_t i = 0; i < ws_catalog_count; i++)
        UT_CHECK(catalog_find_id(ws_catalog[i].catalog_id) == &ws_catalog[i],
                 "catalog_find_id(%u) is not entry %zu", ws_catalog[i].catalog_id, i);
}

/* WSASocket's dwFlags. */
#define FLAG_OVERLAPPED     0x001
#define FLAG_C_ROOT         0x002
#define FLAG_C_LEAF         0x004
#define FLAG_D_ROOT         0x008
#define FLAG_D_LEAF         0x010
#define FLAG_ACCESS_SYSTEM  0x040
#define FLAG_NO_INHERIT     0x080
#define FLAG_REGISTERED_IO  0x100
#define FLAGS_DEFINED       0x1df

/* dwServiceFlags1 bits the multipoint rules look at. */
#define XP1_SUPPORT_MULTIPOINT        0x0400
#define XP1_MULTIPOINT_CONTROL_PLANE  0x0800
#define XP1_MULTIPOINT_DATA_PLANE     0x1000

struct flags_row
{
    uint32_t catalog_id;
    uint32_t flags;
    int error;
};

/* The catalog's own entries: TCP has no multipoint support, UDP has it
 * without a control or data plane (so only the leaf roles fit). */
static const struct flags_row flags_rows[] =
{
    /* The flags that need nothing from the provider. */
    { 1001, 0,                                       0 },
    { 1001, FLAG_OVERLAPPED,                         0 },
    { 1001, FLAG_ACCESS_SYSTEM,                      0 },
    { 1001, FLAG_NO_INHERIT,                         0 },
    { 1001, FLAG_REGISTERED_IO,                      0 },
    { 1001, FLAG_OVERLAPPED | FLAG_NO_INHERIT | FLAG_REGISTERED_IO | FLAG_ACCESS_SYSTEM, 0 },
    { 1004, FLAG_OVERLAPPED | FLAG_NO_INHERIT,       0 },
    { 1002, FLAG_OVERLAPPED | FLAG_REGISTERED_IO,    0 },
    { 1005, FLAG_NO_INHERIT,                         0 },
    /* TCP: every multipoint role is refused. */
    { 1001, FLAG_C_ROOT,                             WSAEINVAL },
    { 1001, FLAG_C_LEAF,                             WSAEINVAL },
    { 1001, FLAG_D_ROOT,                             WSAEINVAL },
    { 1001, FLAG_D_LEAF,                             WSAEINVAL },
    { 1004, FLAG_C_LEAF,                             WSAEINVAL },
    { 1004, FLAG_D_LEAF | FLAG_OVERLAPPED,           WSAEINVAL },
    /* UDP: leaves yes, roots (which need a plane) no. */
    { 1002, FLAG_C_LEAF,                             0 },
    { 1002, FLAG_D_LEAF,                             0 },
    { 1002, FLAG_C_LEAF | FLAG_D_LEAF,               0 },
    { 1002, FLAG_C_LEAF | FLAG_D_LEAF | FLAG_OVERLAPPED, 0 },
    { 1005, FLAG_C_LEAF | FLAG_D_LEAF | FLAG_NO_INHERIT, 0 },
    { 1002, FLAG_C_ROOT,                             WSAEINVAL },
    { 1002, FLAG_D_ROOT,                             WSAEINVAL },
    { 1005, FLAG_C_ROOT | FLAG_OVERLAPPED,           WSAEINVAL },
    { 1005, FLAG_D_ROOT | FLAG_C_LEAF,               WSAEINVAL },
    /* Both roles of one plane, whatever the provider. */
    { 1002, FLAG_C_ROOT | FLAG_C_LEAF,               WSAEINVAL },
    { 1002, FLAG_D_ROOT | FLAG_D_LEAF,               WSAEINVAL },
    /* A valid flag does not excuse an undefined one. */
    { 1001, FLAG_OVERLAPPED | 0x20,                  WSAEINVAL },
    { 1002, FLAG_C_LEAF | 0x200,                     WSAEINVAL },
    { 1005, FLAGS_DEFINED & ~(FLAG_C_ROOT | FLAG_D_ROOT), 0 },
    { 1005, 0xffffffffu,                             WSAEINVAL },
};

static void test_check_flags(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(flags_rows); i++)
    {
        const struct flags_row *row = &flags_rows[i];
        const struct ws_catalog_entry *e = catalog_find_id(row->catalog_id);
        int ret;

        UT_CHECK(e != NULL, "row %zu: no entry %u", i, row->catalog_id);
        if (!e) continue;
        ret = catalog_check_flags(e, row->flags);
        UT_CHECK(ret == row->error, "row %zu: entry %u flags %#x: returned %d, expected %d", i,
                 row->catalog_id, row->flags, ret, row->error);
    }
}

/* Each bit outside the defined ones is refused on its own, for every entry
 * (raw ones included), and so is each defined bit added to it. */
static void test_check_flags_undefined_bits(void)
{
    for (size_t i = 0; i < ws_catalog_count; i++)
    {
        const struct ws_catalog_entry *e = &ws_catalog[i];

        for (unsigned int bit = 0; bit < 32; bit++)
        {
            uint32_t flag = 1u << bit;
            int ret = catalog_check_flags(e, flag);

            if (flag & FLAGS_DEFINED) continue;
            UT_CHECK(ret == WSAEINVAL, "entry %u: flag %#x returned %d, expected %d",
                     e->catalog_id, flag, ret, WSAEINVAL);
            ret = catalog_check_flags(e, flag | FLAG_OVERLAPPED);
            UT_CHECK(ret == WSAEINVAL, "entry %u: flags %#x returned %d, expected %d",
                     e->catalog_id, flag | FLAG_OVERLAPPED, ret, WSAEINVAL);
        }
    }
}

/* The multipoint rules themselves, on made-up providers that have the
 * planes none of ours has. */
static void test_check_flags_rules(void)
{
    static const uint32_t MP = XP1_SUPPORT_MULTIPOINT, CP = XP1_MULTIPOINT_CONTROL_PLANE,
        DP = XP1_MULTIPOINT_DATA_PLANE;
    static const struct
    {
        uint32_t service_flags;
        uint32_t flags;
        int error;
    }
    rows[] =
    {
        /* C_ROOT: multipoint and a control plane. */
        { MP | CP,      FLAG_C_ROOT, 0 },
        { MP | CP | DP, FLAG_C_ROOT, 0 },
        { CP,           FLAG_C_ROOT, WSAEINVAL },
        { MP,           FLAG_C_ROOT, WSAEINVAL },
        { MP | DP,      FLAG_C_ROOT, WSAEINVAL },
        /* C_LEAF: multipoint without a control plane. */
        { MP,           FLAG_C_LEAF, 0 },
        { MP | DP,      FLAG_C_LEAF, 0 },
        { MP | CP,      FLAG_C_LEAF, WSAEINVAL },
        { 0,            FLAG_C_LEAF, WSAEINVAL },
        { DP,           FLAG_C_LEAF, WSAEINVAL },
        /* D_ROOT: multipoint and a data plane. */
        { MP | DP,      FLAG_D_ROOT, 0 },
        { MP | CP | DP, FLAG_D_ROOT, 0 },
        { DP,           FLAG_D_ROOT, WSAEINVAL },
        { MP,           FLAG_D_ROOT, WSAEINVAL },
        { MP | CP,      FLAG_D_ROOT, WSAEINVAL },
        /* D_LEAF: multipoint without a data plane. */
        { MP,           FLAG_D_LEAF, 0 },
        { MP | CP,      FLAG_D_LEAF, 0 },
        { MP | DP,      FLAG_D_LEAF, WSAEINVAL },
        { 0,            FLAG_D_LEAF, WSAEINVAL },
        { CP,           FLAG_D_LEAF, WSAEINVAL },
        /* One role per plane, the two planes independent. */
        { MP | CP | DP, FLAG_C_ROOT | FLAG_D_ROOT, 0 },
        { MP | CP,      FLAG_C_ROOT | FLAG_D_LEAF, 0 },
        { MP | DP,      FLAG_C_LEAF | FLAG_D_ROOT, 0 },
        { MP | CP | DP, FLAG_C_ROOT | FLAG_C_LEAF, WSAEINVAL },
        { MP | CP | DP, FLAG_D_ROOT | FLAG_D_LEAF, WSAEINVAL },
        { MP,           FLAG_C_ROOT | FLAG_C_LEAF, WSAEINVAL },
        { MP,           FLAG_D_ROOT | FLAG_D_LEAF, WSAEINVAL },
        { MP | CP | DP, FLAG_C_ROOT | FLAG_C_LEAF | FLAG_D_ROOT | FLAG_D_LEAF, WSAEINVAL },
        /* The other flags need nothing. */
        { 0,            FLAG_OVERLAPPED | FLAG_ACCESS_SYSTEM | FLAG_NO_INHERIT | FLAG_REGISTERED_IO, 0 },
        { MP | CP | DP, FLAG_C_ROOT | FLAG_D_ROOT | FLAG_OVERLAPPED | FLAG_REGISTERED_IO, 0 },
        { MP | CP | DP, FLAG_C_ROOT | 0x20, WSAEINVAL },
        { MP | CP | DP, 0x80000000u, WSAEINVAL },
    };

    const struct ws_catalog_entry *base = catalog_find_id(1002);

    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    for (size_t i = 0; i < UT_ARRAY_COUNT(rows); i++)
    {
        struct ws_catalog_entry entry = *base;
        int ret;

        entry.service_flags1 = rows[i].service_flags;
        ret = catalog_check_flags(&entry, rows[i].flags);
        UT_CHECK(ret == rows[i].error, "row %zu: service flags %#x, flags %#x: returned %d, "
                 "expected %d", i, rows[i].service_flags, rows[i].flags, ret, rows[i].error);
    }
}

CU_TestInfo catalog_tests[] =
{
    { "catalog_select matrix",                test_select_matrix },
    { "raw entry selected",                   test_select_raw_entry },
    { "enumerable entries",                   test_catalog_enumerable },
    { "entry fields",                         test_catalog_fields },
    { "catalog_find_id",                      test_catalog_find_id },
    { "catalog_check_flags",                  test_check_flags },
    { "catalog_check_flags undefined bits",   test_check_flags_undefined_bits },
    { "catalog_check_flags multipoint rules", test_check_flags_rules },
    CU_TEST_INFO_NULL,
};
