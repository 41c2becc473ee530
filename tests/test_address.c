/*
 * Tests of the address conversion between Windows layout (SOCKADDR_IN,
 * SOCKADDR_IN6) and Linux layout (address.c).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <CUnit/CUnit.h>

#include "address.h"
#include "unit_tests.h"
#include "wsvalues.h"


#define POISON 0xa5

/* Windows layout offsets: family (little-endian u16) at 0, port (network
 * order) at 2; SOCKADDR_IN's address at 4 and 8 bytes of padding, 16 in
 * all; SOCKADDR_IN6's flowinfo at 4, address at 8, scope_id at 24, 28 in
 * all. */
#define WS_IN_SIZE  16
#define WS_IN6_SIZE 28

struct family_row
{
    const char *name;
    uint16_t ws_family;
    int family;
    unsigned int size;
};

static const struct family_row families[] =
{
    { "AF_INET",  2,  AF_INET,  WS_IN_SIZE },
    { "AF_INET6", 23, AF_INET6, WS_IN6_SIZE },
};

/* A Windows address whose every byte after the family is distinct, so a
 * byte moved, dropped or zeroed shows. */
static void fill_windows(unsigned char *ws, unsigned int size, uint16_t ws_family)
{
    for (unsigned int i = 0; i < size; i++) ws[i] = (unsigned char)(0x11 + 7 * i);
    ws[0] = ws_family & 0xff;
    ws[1] = ws_family >> 8;
}

static int all_bytes(const void *buffer, size_t from, size_t to, unsigned char value)
{
    const unsigned char *p = buffer;

    for (size_t i = from; i < to; i++)
        if (p[i] != value) return 0;
    return 1;
}

/* Windows -> Linux -> Windows: only the family value changes. */
static void test_round_trip_from_windows(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(families); i++)
    {
        const struct family_row *f = &families[i];
        unsigned char ws[WS_IN6_SIZE + 4], back[32];
        struct sockaddr_storage linux_address;
        socklen_t linux_length = 12345;
        int ws_length = -1;
        unsigned int ret;

        fill_windows(ws, sizeof(ws), f->ws_family);
        memset(&linux_address, POISON, sizeof(linux_address));
        ret = address_to_linux(ws, f->size, &linux_address, &linux_length);
        UT_CHECK(ret == 0, "%s: address_to_linux returned %u", f->name, ret);
        if (ret) continue;
        UT_CHECK(linux_length == f->size, "%s: Linux length %u, expected %u", f->name,
                 (unsigned int)linux_length, f->size);
        UT_CHECK(linux_address.ss_family == f->family, "%s: Linux family %u, expected %d",
                 f->name, linux_address.ss_family, f->family);
        UT_CHECK(!memcmp((unsigned char *)&linux_address + 2, ws + 2, f->size - 2),
                 "%s: bytes after the family changed on the way to Linux", f->name);
        UT_CHECK(all_bytes(&linux_address, f->size, sizeof(linux_address), 0),
                 "%s: the rest of the sockaddr_storage is not zeroed", f->name);

        memset(back, POISON, sizeof(back));
        ret = address_to_windows(&linux_address, linux_length, back, sizeof(back), &ws_length);
        UT_CHECK(ret == 0, "%s: address_to_windows returned %u", f->name, ret);
        if (ret) continue;
        UT_CHECK(ws_length == (int)f->size, "%s: Windows length %d, expected %u", f->name,
                 ws_length, f->size);
        UT_CHECK(!memcmp(back, ws, f->size), "%s: round trip changed the address", f->name);
        UT_CHECK(all_bytes(back, f->size, sizeof(back), POISON),
                 "%s: wrote past the address's %u bytes", f->name, f->size);
    }
}

/* A longer Windows length is fine (Windows' namelen may exceed the
 * structure): only the structure is taken. */
static void test_longer_windows_length(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(families); i++)
    {
        const struct family_row *f = &families[i];
        unsigned char ws[64];
        struct sockaddr_storage linux_address;
        socklen_t linux_length = 0;
        unsigned int ret;

        fill_windows(ws, sizeof(ws), f->ws_family);
        ret = address_to_linux(ws, sizeof(ws), &linux_address, &linux_length);
        UT_CHECK(ret == 0, "%s: length %zu returned %u", f->name, sizeof(ws), ret);
        UT_CHECK(linux_length == f->size, "%s: Linux length %u, expected %u", f->name,
                 (unsigned int)linux_length, f->size);
        UT_CHECK(all_bytes(&linux_address, f->size, sizeof(linux_address), 0),
                 "%s: bytes past the structure were copied", f->name);
    }
}

/* Linux -> Windows from real structures: the Windows offsets. */
static void test_windows_layout(void)
{
    struct sockaddr_storage storage;
    struct sockaddr_in *sin = (struct sockaddr_in *)&storage;
    struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&storage;
    static const unsigned char v6[16] =
        { 0x20, 0x01, 0x0d, 0xb8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
    unsigned char ws[32];
    int ws_length = -1;
    uint32_t u32;

    memset(&storage, 0, sizeof(storage));
    sin->sin_family = AF_INET;
    sin->sin_port = htons(0x1234);
    sin->sin_addr.s_addr = htonl(0x7f000001);
    memset(ws, POISON, sizeof(ws));
    CU_ASSERT_EQUAL_FATAL(address_to_windows(&storage, sizeof(*sin), ws, sizeof(ws), &ws_length), 0);
    CU_ASSERT_EQUAL(ws_length, WS_IN_SIZE);
    CU_ASSERT(ws[0] == 2 && ws[1] == 0);
    CU_ASSERT(ws[2] == 0x12 && ws[3] == 0x34);
    CU_ASSERT(ws[4] == 127 && ws[5] == 0 && ws[6] == 0 && ws[7] == 1);
    CU_ASSERT(all_bytes(ws, 8, WS_IN_SIZE, 0));

    memset(&storage, 0, sizeof(storage));
    sin6->sin6_family = AF_INET6;
    sin6->sin6_port = htons(0xabcd);
    sin6->sin6_flowinfo = htonl(0x00012345);
    memcpy(&sin6->sin6_addr, v6, sizeof(v6));
    sin6->sin6_scope_id = 0x01020304;
    memset(ws, POISON, sizeof(ws));
    ws_length = -1;
    CU_ASSERT_EQUAL_FATAL(address_to_windows(&storage, sizeof(*sin6), ws, sizeof(ws), &ws_length), 0);
    CU_ASSERT_EQUAL(ws_length, WS_IN6_SIZE);
    CU_ASSERT(ws[0] == 23 && ws[1] == 0);
    CU_ASSERT(ws[2] == 0xab && ws[3] == 0xcd);
    memcpy(&u32, ws + 4, 4);
    CU_ASSERT_EQUAL(u32, htonl(0x00012345));
    CU_ASSERT(!memcmp(ws + 8, v6, 16));
    memcpy(&u32, ws + 24, 4);
    CU_ASSERT_EQUAL(u32, 0x01020304);
    CU_ASSERT(all_bytes(ws, WS_IN6_SIZE, sizeof(ws), POISON));

    /* And back: the Linux structure comes out as it went in. */
    {
        struct sockaddr_storage again;
        socklen_t length = 0;

        memset(&again, POISON, sizeof(again));
        CU_ASSERT_EQUAL_FATAL(address_to_linux(ws, (unsigned int)ws_length, &again, &length), 0);
        CU_ASSERT_EQUAL(length, sizeof(*sin6));
        CU_ASSERT(!memcmp(&again, &storage, sizeof(storage)));
    }
}

/* Too short for the family: WSAEFAULT, and nothing written. */
static void test_short_windows_length(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(families); i++)
    {
        const struct family_row *f = &families[i];

        for (unsigned int length = 0; length < f->size; length++)
        {
            unsigned char ws[WS_IN6_SIZE];
            struct sockaddr_storage linux_address, poisoned;
            socklen_t linux_length = 12345;
            unsigned int ret;

            fill_windows(ws, sizeof(ws), f->ws_family);
            memset(&linux_address, POISON, sizeof(linux_address));
            memset(&poisoned, POISON, sizeof(poisoned));
            ret = address_to_linux(ws, length, &linux_address, &linux_length);
            UT_CHECK(ret == WSAEFAULT, "%s length %u: returned %u, expected %u", f->name, length,
                     ret, WSAEFAULT);
            UT_CHECK(linux_length == 12345 && !memcmp(&linux_address, &poisoned, sizeof(poisoned)),
                     "%s length %u: output written on failure", f->name, length);
        }
    }
}

static void test_unknown_families(void)
{
    /* Windows values: AF_UNSPEC, AF_UNIX, Linux' AF_INET6 (10, which is
     * not Windows' value), AF_IPX, AF_NETBIOS, AF_IRDA, AF_BTH, 0xffff. */
    static const uint16_t ws_families[] = { 0, 1, 10, 6, 17, 26, 32, 0xffff };
    /* Linux values: AF_UNSPEC, AF_UNIX, AF_PACKET, AF_NETLINK, and
     * Windows' AF_INET6 (23, which is not Linux' value). */
    static const int linux_families[] = { AF_UNSPEC, AF_UNIX, AF_PACKET, AF_NETLINK, 23 };

    for (size_t i = 0; i < UT_ARRAY_COUNT(ws_families); i++)
    {
        unsigned char ws[32];
        struct sockaddr_storage linux_address;
        socklen_t linux_length = 12345;
        unsigned int ret;

        fill_windows(ws, sizeof(ws), ws_families[i]);
        ret = address_to_linux(ws, sizeof(ws), &linux_address, &linux_length);
        UT_CHECK(ret == WSAEAFNOSUPPORT, "Windows family %u: returned %u, expected %u",
                 ws_families[i], ret, WSAEAFNOSUPPORT);
        UT_CHECK(linux_length == 12345, "Windows family %u: length written on failure",
                 ws_families[i]);
    }

    for (size_t i = 0; i < UT_ARRAY_COUNT(linux_families); i++)
    {
        struct sockaddr_storage linux_address;
        unsigned char ws[32];
        int ws_length = -1;
        unsigned int ret;

        memset(&linux_address, 0x22, sizeof(linux_address));
        linux_address.ss_family = (sa_family_t)linux_families[i];
        memset(ws, POISON, sizeof(ws));
        ret = address_to_windows(&linux_address, sizeof(linux_address), ws, sizeof(ws),
                                 &ws_length);
        UT_CHECK(ret == WSAEAFNOSUPPORT, "Linux family %d: returned %u, expected %u",
                 linux_families[i], ret, WSAEAFNOSUPPORT);
        UT_CHECK(ws_length == -1 && all_bytes(ws, 0, sizeof(ws), POISON),
                 "Linux family %d: output written on failure", linux_families[i]);
    }
}

/* A Windows buffer too small for the address: WSAEFAULT, nothing written;
 * exactly the structure's size is enough. */
static void test_small_windows_buffer(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(families); i++)
    {
        const struct family_row *f = &families[i];
        struct sockaddr_storage linux_address;
        unsigned char ws[32];

        memset(&linux_address, 0, sizeof(linux_address));
        linux_address.ss_family = (sa_family_t)f->family;
        for (unsigned int size = 0; size <= f->size; size++)
        {
            int ws_length = -1;
            unsigned int ret;

            memset(ws, POISON, sizeof(ws));
            ret = address_to_windows(&linux_address, f->size, ws, size, &ws_length);
            if (size < f->size)
            {
                UT_CHECK(ret == WSAEFAULT, "%s buffer %u: returned %u, expected %u", f->name,
                         size, ret, WSAEFAULT);
                UT_CHECK(ws_length == -1 && all_bytes(ws, 0, sizeof(ws), POISON),
                         "%s buffer %u: output written on failure", f->name, size);
            }
            else
            {
                UT_CHECK(ret == 0 && ws_length == (int)f->size,
                         "%s buffer %u: returned %u length %d", f->name, size, ret, ws_length);
                UT_CHECK(all_bytes(ws, f->size, sizeof(ws), POISON),
                         "%s buffer %u: wrote past it", f->name, size);
            }
        }
    }
}

/* A Linux length shorter than its family's structure is refused without
 * reading past it or writing anything. */
static void test_short_linux_length(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(families); i++)
    {
        const struct family_row *f = &families[i];
        struct sockaddr_storage linux_address;
        unsigned char ws[32];

        memset(&linux_address, 0, sizeof(linux_address));
        linux_address.ss_family = (sa_family_t)f->family;
        for (unsigned int length = 0; length < f->size; length++)
        {
            int ws_length = -1;
            unsigned int ret;

            memset(ws, POISON, sizeof(ws));
            ret = address_to_windows(&linux_address, length, ws, sizeof(ws), &ws_length);
            UT_CHECK(ret != 0, "%s Linux length %u: accepted", f->name, length);
            UT_CHECK(ws_length == -1 && all_bytes(ws, 0, sizeof(ws), POISON),
                     "%s Linux length %u: output written on failure", f->name, length);
        }
    }
}

CU_TestInfo address_tests[] =
{
    { "round trip from Windows layout", test_round_trip_from_windows },
    { "longer Windows length",          test_longer_windows_length },
    { "Windows layout offsets",         test_windows_layout },
    { "short Windows length",           test_short_windows_length },
    { "unknown families",               test_unknown_families },
    { "small Windows buffer",           test_small_windows_buffer },
    { "short Linux length",             test_short_linux_length },
    CU_TEST_INFO_NULL,
};
