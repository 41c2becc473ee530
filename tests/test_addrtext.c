/*
 * Addresses as text (dlls/ws2_32/addrtext.c), checked against glibc's
 * inet_aton/inet_pton/inet_ntop, which follow the same rules.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <arpa/inet.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "addrtext.h"
#include "unit_tests.h"

static const char *const ipv6_texts[] =
{
    "::", "::1", "fe80::1", "2001:db8::", "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4", "1::2:3", "::1.2.3.4",
    "1:0:0:2:0:0:0:3", "0:0:1::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "1:2:3:4:5:6:1.2.3.4",
    ":::", "1:::2", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1::", "1::2::3", "g::", "", "1.2.3.4",
    "::1.2.3", "::1.2.3.256", "1:2:3:4:5:6:7:1.2.3.4",
};

static void test_ipv6_against_glibc(void)
{
    for (size_t i = 0; i < UT_ARRAY_COUNT(ipv6_texts); i++)
    {
        uint8_t ours[16], theirs[16];
        char ours_text[64], theirs_text[64];
        int ret = text_to_ipv6(ipv6_texts[i], ours), expected = inet_pton(AF_INET6, ipv6_texts[i], theirs);

        UT_CHECK(ret == expected, "\"%s\": parsed %d, glibc %d", ipv6_texts[i], ret, expected);
        if (ret != 1 || expected != 1) continue;
        UT_CHECK(!memcmp(ours, theirs, 16), "\"%s\": bytes differ", ipv6_texts[i]);
        ipv6_to_text(ours, ours_text, sizeof(ours_text));
        inet_ntop(AF_INET6, theirs, theirs_text, sizeof(theirs_text));
        UT_CHECK(!strcmp(ours_text, theirs_text), "\"%s\": formatted %s, glibc %s", ipv6_texts[i], ours_text,
                 theirs_text);
    }
}

static void test_ipv4_forms(void)
{
    static const char *const texts[] =
    {
        "127.0.0.1", "127.1", "0x7f.1", "010.0.0.1", "1.2.3", "4294967295", "0", "0xffffffff", "1.2.3.4 ",
        "1.2.3.256", "1..2", "", "a", "1.2.3.4.5", "4294967296", "0x", "08", "1.2.0x10000",
    };

    for (size_t i = 0; i < UT_ARRAY_COUNT(texts); i++)
    {
        struct in_addr theirs;
        uint32_t ours = 0;
        int ret = text_to_ipv4_classic(texts[i], &ours), expected = inet_aton(texts[i], &theirs) ? 0 : -1;

        /* glibc's inet_aton accepts trailing text after white space, as
         * inet_addr does: compare only where it decided. */
        UT_CHECK(ret == expected, "\"%s\": parsed %d, inet_aton %d", texts[i], ret, expected);
        if (!ret && !expected) UT_CHECK(ours == theirs.s_addr, "\"%s\": %08x, inet_aton %08x", texts[i], ours,
                                        theirs.s_addr);
    }
}

static void test_ipv4_strict_and_small_buffers(void)
{
    uint8_t address[4];
    char text[16];

    CU_ASSERT_EQUAL(text_to_ipv4("10.1.2.3", address), 1);
    CU_ASSERT(address[0] == 10 && address[3] == 3);
    CU_ASSERT_EQUAL(text_to_ipv4("127.1", address), 0);
    CU_ASSERT_EQUAL(text_to_ipv4("1.2.3.4 ", address), 0);
    CU_ASSERT_EQUAL(text_to_ipv4("01.2.3.4", address), 1);
    CU_ASSERT_EQUAL(ipv4_to_text((const uint8_t[]){ 255, 255, 255, 255 }, text, 16), 15);
    CU_ASSERT_EQUAL(ipv4_to_text((const uint8_t[]){ 255, 255, 255, 255 }, text, 15), -1);
    CU_ASSERT_EQUAL(ipv6_to_text((const uint8_t[16]){ [15] = 1 }, text, 4), 3);
    CU_ASSERT_EQUAL(ipv6_to_text((const uint8_t[16]){ [15] = 1 }, text, 3), -1);
}

CU_TestInfo addrtext_tests[] =
{
    { "IPv6 text against glibc",           test_ipv6_against_glibc },
    { "inet_addr forms against inet_aton", test_ipv4_forms },
    { "strict IPv4, short buffers",        test_ipv4_strict_and_small_buffers },
    CU_TEST_INFO_NULL,
};
