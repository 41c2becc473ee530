/*
 * The protocol catalog: WSAEnumProtocolsA/W. Sources: Wine's protocol.c
 * tests that run on Windows, Microsoft's WSAEnumProtocols documentation
 * (../shared/docs/winsock-creation-spec.md §3).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define STREAM_XP1 (XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | \
                    XP1_EXPEDITED_DATA | XP1_IFS_HANDLES)
#define DGRAM_XP1  (XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST | \
                    XP1_SUPPORT_MULTIPOINT | XP1_IFS_HANDLES)

static void test_sizes(void)
{
    WSAPROTOCOL_INFOW one;
    DWORD length;
    int ret;

    length = 0;
    SetLastError(0xdeadbeef);
    ret = WSAEnumProtocolsW(NULL, NULL, &length);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS, "(NULL, NULL, 0): %d, error %d\n", ret, WSAGetLastError());
    ok(length >= 2 * sizeof(WSAPROTOCOL_INFOW), "required length %lu\n", length);

    length = 0;
    ret = WSAEnumProtocolsW(NULL, &one, &length);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS, "(NULL, buf, 0): %d, error %d\n", ret, WSAGetLastError());

    length = sizeof(one);
    ret = WSAEnumProtocolsW(NULL, NULL, &length);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS, "(NULL, NULL, len): %d, error %d\n", ret, WSAGetLastError());
    ok(length > sizeof(one), "length not updated: %lu\n", length);

    length = sizeof(one);
    ret = WSAEnumProtocolsW(NULL, &one, &length);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS, "one entry's room: %d, error %d\n", ret, WSAGetLastError());

    /* Documented WSAEFAULT; Wine's builtin crashes on a NULL length. */
    if (harness_impl == impl_wine_builtin) skip("NULL length crashes Wine's builtin\n");
    else
    {
        SetLastError(0xdeadbeef);
        ret = WSAEnumProtocolsW(NULL, &one, NULL);
        ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "NULL length: %d, error %d\n", ret, WSAGetLastError());
    }
}

static int enumerate(const int *filter, WSAPROTOCOL_INFOW **out)
{
    DWORD length = 0;
    int count;

    WSAEnumProtocolsW((int *)filter, NULL, &length);
    *out = malloc(length ? length : 1);
    count = WSAEnumProtocolsW((int *)filter, *out, &length);
    ok(count != SOCKET_ERROR, "WSAEnumProtocolsW failed, error %d\n", WSAGetLastError());
    return count == SOCKET_ERROR ? 0 : count;
}

static void test_entries(void)
{
    WSAPROTOCOL_INFOW *entries;
    BOOL tcp4 = FALSE, udp4 = FALSE, tcp6 = FALSE, udp6 = FALSE;
    int count = enumerate(NULL, &entries);

    ok(count >= 4, "only %d entries\n", count);
    for (int i = 0; i < count; i++)
    {
        WSAPROTOCOL_INFOW *e = &entries[i];

        ok(!(e->dwProviderFlags & PFL_HIDDEN), "entry %d (%d/%d/%d) is hidden\n", i,
           e->iAddressFamily, e->iSocketType, e->iProtocol);
        ok(e->ProtocolChain.ChainLen != LAYERED_PROTOCOL, "entry %d is a layer\n", i);
        ok(e->szProtocol[0], "entry %d has no name\n", i);
        if (e->iVersion != 2 || (e->iAddressFamily != AF_INET && e->iAddressFamily != AF_INET6)) continue;
        if (e->iSocketType == SOCK_STREAM && e->iProtocol == IPPROTO_TCP)
        {
            ok((e->dwServiceFlags1 & ~XP1_QOS_SUPPORTED) == STREAM_XP1, "entry %d: TCP flags %#lx\n", i, e->dwServiceFlags1);
            if (e->iAddressFamily == AF_INET) tcp4 = TRUE; else tcp6 = TRUE;
        }
        if (e->iSocketType == SOCK_DGRAM && e->iProtocol == IPPROTO_UDP)
        {
            ok((e->dwServiceFlags1 & ~XP1_QOS_SUPPORTED) == DGRAM_XP1, "entry %d: UDP flags %#lx\n", i, e->dwServiceFlags1);
            if (e->iAddressFamily == AF_INET) udp4 = TRUE; else udp6 = TRUE;
        }
    }
    ok(tcp4 && udp4 && tcp6 && udp6, "missing entries: tcp4 %d udp4 %d tcp6 %d udp6 %d\n", tcp4, udp4, tcp6, udp6);
    free(entries);
}

static void test_filters(void)
{
    static const int mixed[] = { 0xdead, IPPROTO_TCP, 0xcafe, IPPROTO_UDP, 0xbeef, 0 };
    static const int tcp_only[] = { IPPROTO_TCP, IPPROTO_IP };
    static const int nothing[] = { 0xdead, 0 };
    WSAPROTOCOL_INFOW *entries;
    DWORD length = 0;
    int count;

    count = enumerate(mixed, &entries);
    ok(count >= 2, "mixed filter: %d entries\n", count);
    for (int i = 0; i < count; i++)
        ok(entries[i].iProtocol == IPPROTO_TCP || entries[i].iProtocol == IPPROTO_UDP,
           "mixed filter gave protocol %d\n", entries[i].iProtocol);
    free(entries);

    count = enumerate(tcp_only, &entries);
    ok(count >= 1, "TCP filter: %d entries\n", count);
    for (int i = 0; i < count; i++) ok(entries[i].iProtocol == IPPROTO_TCP, "TCP filter gave %d\n", entries[i].iProtocol);
    free(entries);

    /* Nothing matches: Windows' answer is not known; ws2host reports zero
     * entries (nothing is missing from the buffer), Wine WSAENOBUFS. */
    count = WSAEnumProtocolsW((int *)nothing, NULL, &length);
    if (harness_impl == impl_ws2host) ok(count == 0, "empty filter result: %d, error %d\n", count, WSAGetLastError());
    else trace("empty filter result: %d, error %d, length %lu\n", count, WSAGetLastError(), length);
}

static void test_a_and_w(void)
{
    WSAPROTOCOL_INFOW *wide;
    WSAPROTOCOL_INFOA *narrow;
    DWORD length = 0;
    int count_w = enumerate(NULL, &wide), count_a;

    WSAEnumProtocolsA(NULL, NULL, &length);
    narrow = malloc(length);
    count_a = WSAEnumProtocolsA(NULL, narrow, &length);
    ok(count_a == count_w, "A gives %d entries, W %d\n", count_a, count_w);
    for (int i = 0; i < count_a && i < count_w; i++)
    {
        char converted[WSAPROTOCOL_LEN + 1];

        ok(!memcmp(&narrow[i], &wide[i], offsetof(WSAPROTOCOL_INFOA, szProtocol)), "entry %d: A and W differ\n", i);
        WideCharToMultiByte(CP_ACP, 0, wide[i].szProtocol, -1, converted, sizeof(converted), NULL, NULL);
        ok(!strcmp(converted, narrow[i].szProtocol), "entry %d: A name %s, W name %s\n", i, narrow[i].szProtocol, converted);
    }
    free(narrow);
    free(wide);
}

/* The first PFL_MATCHES_PROTOCOL_ZERO entry decides (AF_INET, 0, 0); the
 * first entry of a protocol decides (0, 0, protocol). */
static void test_selection_follows_order(void)
{
    static const int protocols[] = { IPPROTO_TCP, IPPROTO_UDP };
    WSAPROTOCOL_INFOW *entries;
    int count = enumerate(NULL, &entries), type, size;
    SOCKET s;

    s = WSASocketA(AF_INET, 0, 0, NULL, 0, 0);
    size = sizeof(type);
    getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &size);
    for (int i = 0; i < count; i++)
    {
        if (!(entries[i].dwProviderFlags & PFL_MATCHES_PROTOCOL_ZERO) || entries[i].iAddressFamily != AF_INET) continue;
        ok(type == entries[i].iSocketType, "(AF_INET, 0, 0): type %d, first entry's %d\n", type, entries[i].iSocketType);
        break;
    }
    closesocket(s);

    for (size_t p = 0; p < ARRAYSIZE(protocols); p++)
    {
        s = WSASocketA(0, 0, protocols[p], NULL, 0, 0);
        size = sizeof(type);
        getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &size);
        for (int i = 0; i < count; i++)
        {
            if (entries[i].iProtocol != protocols[p]) continue;
            ok(type == entries[i].iSocketType, "(0, 0, %d): type %d, first entry's %d\n", protocols[p], type,
               entries[i].iSocketType);
            break;
        }
        closesocket(s);
    }
    free(entries);
}

void run_catalog_tests(void)
{
    WSADATA data;
    DWORD length = 0;
    int ret;

    /* Documented: WSANOTINITIALISED; Wine's builtin answers the size. */
    SetLastError(0xdeadbeef);
    ret = WSAEnumProtocolsW(NULL, NULL, &length);
    todo_builtin ok(ret == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED,
                    "before WSAStartup: %d, error %d\n", ret, WSAGetLastError());

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_sizes();
    test_entries();
    test_filters();
    test_a_and_w();
    test_selection_follows_order();
    WSACleanup();
}
