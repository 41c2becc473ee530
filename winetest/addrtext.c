/*
 * Addresses as text the way Windows reads them: inet_addr, inet_pton,
 * InetPtonW, WSAStringToAddressA/W. Every fact here is an assertion of
 * Wine's Windows-run tests (dlls/ws2_32/tests/protocol.c: test_inet_addr,
 * test_inet_pton, test_WSAStringToAddress), restated in our own words.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "harness.h"

/* inet_addr reads up to the first white space; a lone space is 0. */
static void test_inet_addr_white_space(void)
{
    static const struct { const char *text; ULONG address; } cases[] =
    {
        { "1 2 3 4",    0x00000001 },
        { "1.2.3 .4",   0x01020003 },
        { "3.4.5.6  7", 0x03040506 },
        { "1.2.3\n",    0x01020003 },
        { " ",          0 },
        { "  ",         INADDR_NONE },
        { "\t",         INADDR_NONE },
        { "1.2.3. 4",   INADDR_NONE },
        { "1.2.3x",     INADDR_NONE },
    };

    for (size_t i = 0; i < ARRAYSIZE(cases); i++)
    {
        ULONG expected = cases[i].address == INADDR_NONE ? INADDR_NONE : htonl(cases[i].address);
        ULONG got;

        SetLastError(0xdeadbeef);
        got = inet_addr(cases[i].text);
        ok(got == expected, "inet_addr(\"%s\"): %#lx, expected %#lx\n", cases[i].text, got, expected);
        ok(GetLastError() == 0xdeadbeef, "inet_addr(\"%s\") set error %lu\n", cases[i].text, GetLastError());
    }
}

/* IPv4: an address read up to other text is stored (the call still
 * answers 0); one not read leaves the output alone. No leading zeros. */
static void test_inet_pton_ipv4(void)
{
    static const struct { const char *text; int ret; ULONG address; } cases[] =
    {
        { "1.1.1.1",             1, 0x01010101 },
        { "127.127.127.255:123", 0, 0x7f7f7fff },
        { "1.1.1.0a",            0, 0x01010100 },
        { "3.4.5.6 ",            0, 0x03040506 },
        { "1.1.1.010",           0, 0xdeadbeef },
        { "1.1.1.00",            0, 0xdeadbeef },
        { "1.1.1.0x",            0, 0xdeadbeef },
        { "127.127.127.256",     0, 0xdeadbeef },
        { "1.2",                 0, 0xdeadbeef },
        { "1.1.1.-2",            0, 0xdeadbeef },
    };

    for (size_t i = 0; i < ARRAYSIZE(cases); i++)
    {
        ULONG expected = cases[i].address == 0xdeadbeef ? 0xdeadbeef : htonl(cases[i].address), address;
        WCHAR wide[32];
        int ret;

        address = 0xdeadbeef;
        SetLastError(0xdeadbeef);
        ret = inet_pton(AF_INET, cases[i].text, &address);
        ok(ret == cases[i].ret && address == expected, "inet_pton(\"%s\"): %d, %#lx\n", cases[i].text, ret, address);
        ok(GetLastError() == 0xdeadbeef, "inet_pton(\"%s\") set error %lu\n", cases[i].text, GetLastError());

        MultiByteToWideChar(CP_ACP, 0, cases[i].text, -1, wide, ARRAYSIZE(wide));
        address = 0xdeadbeef;
        ret = InetPtonW(AF_INET, wide, &address);
        ok(ret == cases[i].ret && address == expected, "InetPtonW(\"%s\"): %d, %#lx\n", cases[i].text, ret, address);
    }
}

/* IPv6: Windows stores the groups it has read before the text fails. */
static void test_inet_pton_ipv6_partial(void)
{
    static const struct { const char *text; int ret; USHORT words[8]; } cases[] =
    {
        { "1111:2222:", 0, { 0x1111, 0x2222, 0xabab, 0xabab, 0xabab, 0xabab, 0xabab, 0xabab } },
        { "1.2.3.4", 0, { 0x0102, 0x03ab, 0xabab, 0xabab, 0xabab, 0xabab, 0xabab, 0xabab } },
        { "1::2::3", 0, { 0x0001, 0, 0, 0, 0, 0, 0, 0x0002 } },
        { "1111:2222:3333:4444:5555::0x88", 0, { 0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0, 0, 0x0088 } },
        { "::12345678", 0, { 0, 0xabab, 0xabab, 0xabab, 0xabab, 0xabab, 0xabab, 0xabab } },
        { "[::]", 0, { 0xabab, 0xabab, 0xabab, 0xabab, 0xabab, 0xabab, 0xabab, 0xabab } },
        { "1::1.2.3.4", 1, { 0x0001, 0, 0, 0, 0, 0, 0x0102, 0x0304 } },
    };

    for (size_t i = 0; i < ARRAYSIZE(cases); i++)
    {
        USHORT address[8];
        BOOL same = TRUE;
        int ret;

        memset(address, 0xab, sizeof(address));
        ret = inet_pton(AF_INET6, cases[i].text, address);
        for (int j = 0; j < 8; j++) same &= address[j] == htons(cases[i].words[j]);
        ok(ret == cases[i].ret && same, "inet_pton(AF_INET6, \"%s\"): %d, groups %s\n", cases[i].text, ret,
           same ? "as expected" : "differ");
    }
}

static int string_to_address(BOOL wide, const char *text, int family, void *address, int *length)
{
    WCHAR text_w[64];

    if (!wide) return WSAStringToAddressA((char *)text, family, NULL, address, length);
    MultiByteToWideChar(CP_ACP, 0, text, -1, text_w, ARRAYSIZE(text_w));
    return WSAStringToAddressW(text_w, family, NULL, address, length);
}

/* Room is asked for before the text is read; a failure clears family and
 * port, keeps the part of the address read and leaves the length alone. */
static void test_string_to_address_ipv4(BOOL wide)
{
    static const struct { const char *text; ULONG address; USHORT port; int error; } cases[] =
    {
        { "127.127.127.127:123",    0x7f7f7f7f, 123, 0 },
        { "127.127.127.127:0xAbCd", 0x7f7f7f7f, 0xabcd, 0 },
        { "127.127.127.127:010",    0x7f7f7f7f, 8, 0 },
        { "1.2:1",                  0x01000002, 1, 0 },
        { "0x123456789",            0x23456789, 0, 0 },
        { "127.127.127.127:0",      0x7f7f7f7f, 0, WSAEINVAL },
        { "127.127.127.127:08",     0x7f7f7f7f, 0, WSAEINVAL },
        { "1.1.1.008",              0x01010100, 0, WSAEINVAL },
        { "3.4.5.6 ",               0x03040506, 0, WSAEINVAL },
        { "2001::1",                0x000007d1, 0, WSAEINVAL },
        { " 3.4.5.6",               0, 0, WSAEINVAL },
    };
    SOCKADDR_IN in;
    int length, ret;

    length = 0;
    WSASetLastError(0);
    ret = string_to_address(wide, "", AF_INET, &in, &length);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && length == sizeof(in),
       "wide %d, length 0: %d, error %d, length %d\n", wide, ret, WSAGetLastError(), length);

    for (size_t i = 0; i < ARRAYSIZE(cases); i++)
    {
        int expected_length = cases[i].error ? sizeof(in) + 10 : sizeof(in);

        memset(&in, 0xab, sizeof(in));
        length = sizeof(in) + 10;
        WSASetLastError(0);
        ret = string_to_address(wide, cases[i].text, AF_INET, &in, &length);
        ok(ret == (cases[i].error ? SOCKET_ERROR : 0) && WSAGetLastError() == cases[i].error,
           "wide %d, \"%s\": %d, error %d\n", wide, cases[i].text, ret, WSAGetLastError());
        ok(in.sin_family == (cases[i].error ? 0 : AF_INET) && in.sin_addr.s_addr == htonl(cases[i].address) &&
           in.sin_port == htons(cases[i].port), "wide %d, \"%s\": family %u, address %#lx, port %u\n", wide,
           cases[i].text, in.sin_family, (unsigned long)ntohl(in.sin_addr.s_addr), ntohs(in.sin_port));
        ok(length == expected_length, "wide %d, \"%s\": length %d\n", wide, cases[i].text, length);
    }
}

static void test_string_to_address_ipv6(BOOL wide)
{
    static const struct { const char *text; USHORT words[8]; USHORT port; int error; } cases[] =
    {
        { "[::1]:65535", { 0, 0, 0, 0, 0, 0, 0, 1 }, 65535, 0 },
        { "::1]:65535", { 0, 0, 0, 0, 0, 0, 0, 1 }, 0, WSAEINVAL },
        { "1.2.3.4", { 0x0102, 0x0300 }, 0, WSAEINVAL },
        { "1:2:3:", { 1, 2, 3 }, 0, WSAEINVAL },
    };
    SOCKADDR_IN6 in6;
    int length, ret;

    for (size_t i = 0; i < ARRAYSIZE(cases); i++)
    {
        BOOL same = TRUE;

        memset(&in6, 0xab, sizeof(in6));
        length = sizeof(in6) + 10;
        WSASetLastError(0);
        ret = string_to_address(wide, cases[i].text, AF_INET6, &in6, &length);
        for (int j = 0; j < 8; j++) same &= in6.sin6_addr.s6_words[j] == htons(cases[i].words[j]);
        ok(ret == (cases[i].error ? SOCKET_ERROR : 0) && WSAGetLastError() == cases[i].error,
           "wide %d, \"%s\": %d, error %d\n", wide, cases[i].text, ret, WSAGetLastError());
        ok(same && in6.sin6_family == (cases[i].error ? 0 : AF_INET6) && in6.sin6_port == htons(cases[i].port) &&
           !in6.sin6_scope_id && !in6.sin6_flowinfo, "wide %d, \"%s\": family %u, port %u, groups %s\n", wide,
           cases[i].text, in6.sin6_family, ntohs(in6.sin6_port), same ? "as expected" : "differ");
        ok(length == (cases[i].error ? (int)sizeof(in6) + 10 : (int)sizeof(in6)), "wide %d, \"%s\": length %d\n",
           wide, cases[i].text, length);
    }
}

void run_addrtext_tests(void)
{
    WSADATA data;

    test_inet_addr_white_space();
    test_inet_pton_ipv4();
    test_inet_pton_ipv6_partial();
    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    for (int wide = 0; wide < 2; wide++)
    {
        test_string_to_address_ipv4(wide);
        test_string_to_address_ipv6(wide);
    }
    WSACleanup();
}
