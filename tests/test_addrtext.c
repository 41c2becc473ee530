/*
 * Addresses as text (dlls/ws2_32/addrtext.c), checked against glibc's
 * inet_aton/inet_pton/inet_ntop, which follow the same rules.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <arpa/inet.h>
#include <stdio.h>
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
    /* Windows' inet_pton takes no leading zeros (protocol.c test_inet_pton). */
    CU_ASSERT_EQUAL(text_to_ipv4("01.2.3.4", address), 0);
    CU_ASSERT_EQUAL(ipv4_to_text((const uint8_t[]){ 255, 255, 255, 255 }, text, 16), 15);
    CU_ASSERT_EQUAL(ipv4_to_text((const uint8_t[]){ 255, 255, 255, 255 }, text, 15), -1);
    CU_ASSERT_EQUAL(ipv6_to_text((const uint8_t[16]){ [15] = 1 }, text, 4), 3);
    CU_ASSERT_EQUAL(ipv6_to_text((const uint8_t[16]){ [15] = 1 }, text, 3), -1);
}

/* The facts below are Windows' answers in Wine's Windows-run tests
 * (protocol.c test_inet_addr, test_inet_pton, test_WSAStringToAddress). */
static void test_ipv4_windows_reading(void)
{
    static const struct
    {
        const char *text;
        int strict;
        int ret;            /* 0 read, -1 no address */
        uint32_t address;   /* host order */
        int end;            /* where reading stopped */
    }
    cases[] =
    {
        { "1.2.3.4", 0, 0, 0x01020304, 7 },     { "3.4.5.6 ", 0, 0, 0x03040506, 7 },
        { "1.2.3", 0, 0, 0x01020003, 5 },       { "0x123456789", 0, 0, 0x23456789, 11 },
        { "1.1.1.008", 0, 0, 0x01010100, 8 },   { "1.1.1.08", 0, -1, 0, 0 },
        { "0x00010Q03", 0, 0, 0x10, 7 },        { "1.1.1.0x100000000", 0, -1, 0, 0 },
        { "255.255.255.4294967296", 0, -1, 0, 0 },    { "3.4.5.6.7", 0, -1, 0, 0 },
        { "1.2.", 0, -1, 0, 0 },                      { " 3.4.5.6", 0, -1, 0, 0 },
        { "1.1.1.010", 1, -1, 0, 0 },                 { "1.1.1.00", 1, -1, 0, 0 },
        { "1.1.1.0a", 1, 0, 0x01010100, 7 },    { "1.2.3", 1, -1, 0, 0 },
        { "127.127.127.255:123", 1, 0, 0x7f7f7fff, 15 },
    };

    for (size_t i = 0; i < UT_ARRAY_COUNT(cases); i++)
    {
        uint8_t out[4] = { 0xab, 0xab, 0xab, 0xab };
        const char *end = NULL;
        int ret = ipv4_parse(cases[i].text, cases[i].strict, &end, out);
        uint32_t value = (uint32_t)out[0] << 24 | out[1] << 16 | out[2] << 8 | out[3];

        UT_CHECK(ret == cases[i].ret, "\"%s\" strict %d: %d", cases[i].text, cases[i].strict, ret);
        if (ret) UT_CHECK(value == 0xabababab, "\"%s\": written on failure", cases[i].text);
        else UT_CHECK(value == cases[i].address && end - cases[i].text == cases[i].end, "\"%s\": %08x, end %d",
                      cases[i].text, value, (int)(end - cases[i].text));
    }
}

static void test_inet_addr_white_space(void)
{
    uint32_t address;

    CU_ASSERT(!text_to_ipv4_classic("1 2 3 4", &address) && address == htonl(1));
    CU_ASSERT(!text_to_ipv4_classic("1.2.3\t", &address) && address == htonl(0x01020003));
    CU_ASSERT(!text_to_ipv4_classic(" ", &address) && address == 0);
    CU_ASSERT_EQUAL(text_to_ipv4_classic("  ", &address), -1);
    CU_ASSERT_EQUAL(text_to_ipv4_classic("1.2.3x", &address), -1);
    CU_ASSERT_EQUAL(port_parse("0xAbCd", &(uint16_t){ 0 }), 0);
    CU_ASSERT_EQUAL(port_parse("0", &(uint16_t){ 0 }), -1);
    CU_ASSERT_EQUAL(port_parse("008", &(uint16_t){ 0 }), -1);
}

/* What an IPv6 reading leaves in the output, written out as eight 16-bit
 * groups in hex; "abab" is a group not touched. */
static void test_ipv6_windows_reading(void)
{
    static const struct
    {
        const char *text;
        int ret;
        const char *groups;
    }
    cases[] =
    {
        { "1.2.3.4",      -1, "0102 03ab abab abab abab abab abab abab" },
        { "1111::5555:",  -1, "1111 5555 abab abab abab abab abab abab" },
        { "::01234",      -1, "0000 abab abab abab abab abab abab abab" },
        { "1::1.2.3",     -1, "0001 0102 abab abab abab abab abab abab" },
        { "1111:2222:::",  0, "1111 2222 0000 0000 0000 0000 0000 0000" },
        { "1::2::3",       0, "0001 0000 0000 0000 0000 0000 0000 0002" },
        { "::0x80000000",  0, "0000 0000 0000 0000 0000 0000 0000 ffff" },
        { "1:2:3:4::5:0x012345678", 0, "0001 0002 0003 0004 0000 0000 0005 5678" },
        { "1:2:3:4:5:6::1.2.3.4",   0, "0001 0002 0003 0004 0005 0006 0000 0001" },
        { "1::1.2.3.4",    0, "0001 0000 0000 0000 0000 0000 0102 0304" },
        { "::0:a:b:c:d:e:f", 0, "0000 0000 000a 000b 000c 000d 000e 000f" },
    };

    for (size_t i = 0; i < UT_ARRAY_COUNT(cases); i++)
    {
        uint8_t out[16];
        char groups[8 * 5];
        const char *end;
        int ret;

        memset(out, 0xab, sizeof(out));
        ret = ipv6_parse(cases[i].text, &end, out);
        for (int j = 0; j < 8; j++) sprintf(groups + 5 * j, "%02x%02x%s", out[2 * j], out[2 * j + 1], j < 7 ? " " : "");
        UT_CHECK(ret == cases[i].ret && !strcmp(groups, cases[i].groups), "\"%s\": %d, %s", cases[i].text, ret,
                 groups);
    }
}

CU_TestInfo addrtext_tests[] =
{
    { "IPv6 text against glibc",               test_ipv6_against_glibc },
    { "inet_addr forms against inet_aton",     test_ipv4_forms },
    { "strict IPv4, short buffers",            test_ipv4_strict_and_small_buffers },
    { "IPv4 read as Windows reads it",         test_ipv4_windows_reading },
    { "inet_addr stops at white space; ports", test_inet_addr_white_space },
    { "IPv6 read as Windows reads it",         test_ipv6_windows_reading },
    CU_TEST_INFO_NULL,
};
