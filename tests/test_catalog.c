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

#define WSAEINVAL           10022
#define WSAEPROTONOSUPPORT  10043
#define WSAESOCKTNOSUPPORT  10044
#define WSAEAFNOSUPPORT     10047

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

CU_ErrorCode register_catalog_tests(void)
{
    CU_pSuite suite = CU_add_suite("catalog", NULL, NULL);

    if (!suite) return CU_get_error();
    if (!CU_add_test(suite, "catalog_select matrix", test_select_matrix) ||
        !CU_add_test(suite, "raw entry selected", test_select_raw_entry) ||
        !CU_add_test(suite, "enumerable entries", test_catalog_enumerable) ||
        !CU_add_test(suite, "entry fields", test_catalog_fields) ||
        !CU_add_test(suite, "catalog_find_id", test_catalog_find_id))
        return CU_get_error();
    return CUE_SUCCESS;
}
