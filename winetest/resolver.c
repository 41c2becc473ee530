/*
 * Name services: getaddrinfo, GetAddrInfoW, gethostname, GetHostNameW,
 * with numeric hosts, localhost from the hosts file and numeric services
 * only (nothing here may reach a DNS server). Sources: Microsoft's
 * getaddrinfo and gethostname documentation.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"

static void test_numeric(void)
{
    ADDRINFOA hints = { .ai_flags = AI_NUMERICHOST, .ai_family = AF_INET, .ai_socktype = SOCK_STREAM }, *result;
    SOCKADDR_IN6 *in6;
    int ret;

    ret = getaddrinfo("127.0.0.1", "8080", &hints, &result);
    ok(!ret && result, "127.0.0.1: error %d\n", ret);
    if (!ret)
    {
        SOCKADDR_IN *in = (SOCKADDR_IN *)result->ai_addr;
        ok(result->ai_family == AF_INET && result->ai_socktype == SOCK_STREAM && result->ai_addrlen == sizeof(*in),
           "family %d type %d length %u\n", result->ai_family, result->ai_socktype, (unsigned)result->ai_addrlen);
        ok(in->sin_family == AF_INET && in->sin_addr.s_addr == htonl(INADDR_LOOPBACK) && in->sin_port == htons(8080),
           "address %#lx port %u\n", (unsigned long)ntohl(in->sin_addr.s_addr), ntohs(in->sin_port));
        freeaddrinfo(result);
    }

    hints.ai_family = AF_INET6;
    ret = getaddrinfo("::1", "443", &hints, &result);
    ok(!ret && result, "::1: error %d\n", ret);
    if (!ret)
    {
        in6 = (SOCKADDR_IN6 *)result->ai_addr;
        ok(result->ai_family == AF_INET6 && in6->sin6_family == AF_INET6 && result->ai_addrlen == sizeof(*in6),
           "family %d/%d length %u\n", result->ai_family, in6->sin6_family, (unsigned)result->ai_addrlen);
        ok(!memcmp(&in6->sin6_addr, &in6addr_loopback, sizeof(in6addr_loopback)) && in6->sin6_port == htons(443),
           "not [::1]:443\n");
        freeaddrinfo(result);
    }

    /* A name where only numbers are allowed: no lookup, not found. */
    hints.ai_family = AF_UNSPEC;
    SetLastError(0xdeadbeef);
    ret = getaddrinfo("localhost", NULL, &hints, &result);
    ok(ret == WSAHOST_NOT_FOUND && WSAGetLastError() == ret, "AI_NUMERICHOST with a name: %d, last error %d\n", ret,
       WSAGetLastError());
}

static void test_local(void)
{
    ADDRINFOA hints = { .ai_family = AF_INET, .ai_flags = AI_CANONNAME }, passive = { .ai_flags = AI_PASSIVE, .ai_family = AF_INET };
    ADDRINFOA *result;
    BOOL loopback = FALSE;
    int ret;

    ret = getaddrinfo("localhost", NULL, &hints, &result);
    ok(!ret && result, "localhost: error %d\n", ret);
    if (!ret)
    {
        for (ADDRINFOA *ai = result; ai; ai = ai->ai_next)
            if (((SOCKADDR_IN *)ai->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK)) loopback = TRUE;
        ok(loopback, "localhost is not 127.0.0.1\n");
        ok(result->ai_canonname && result->ai_canonname[0], "no canonical name with AI_CANONNAME\n");
        freeaddrinfo(result);
    }

    ret = getaddrinfo(NULL, "9000", &passive, &result);
    ok(!ret && result, "passive: error %d\n", ret);
    if (!ret)
    {
        SOCKADDR_IN *in = (SOCKADDR_IN *)result->ai_addr;
        ok(in->sin_addr.s_addr == htonl(INADDR_ANY) && in->sin_port == htons(9000), "passive address %#lx:%u\n",
           (unsigned long)ntohl(in->sin_addr.s_addr), ntohs(in->sin_port));
        freeaddrinfo(result);
    }
    passive.ai_flags = 0;
    ret = getaddrinfo(NULL, "9000", &passive, &result);
    ok(!ret && result && ((SOCKADDR_IN *)result->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK),
       "NULL node without AI_PASSIVE is not loopback (error %d)\n", ret);
    if (!ret) freeaddrinfo(result);
}

static void test_errors(void)
{
    ADDRINFOA hints = { .ai_family = 0xdead }, *result = (ADDRINFOA *)0xdeadbeef;
    int ret;

    ret = getaddrinfo(NULL, NULL, NULL, &result);
    ok(ret == WSAHOST_NOT_FOUND, "NULL node and service: %d\n", ret);
    ret = getaddrinfo("127.0.0.1", NULL, &hints, &result);
    ok(ret == WSAEAFNOSUPPORT, "bad family: %d\n", ret);
}

static void test_wide(void)
{
    ADDRINFOW hints = { .ai_flags = AI_NUMERICHOST | AI_CANONNAME, .ai_family = AF_INET }, *result;
    WCHAR name[256];
    char name_a[256];
    int ret;

    ret = GetAddrInfoW(L"127.0.0.1", L"80", &hints, &result);
    ok(!ret && result, "GetAddrInfoW: error %d\n", ret);
    if (!ret)
    {
        SOCKADDR_IN *in = (SOCKADDR_IN *)result->ai_addr;
        ok(in->sin_addr.s_addr == htonl(INADDR_LOOPBACK) && in->sin_port == htons(80), "GetAddrInfoW address\n");
        FreeAddrInfoW(result);
    }

    ok(!gethostname(name_a, sizeof(name_a)) && name_a[0], "gethostname failed, error %d\n", WSAGetLastError());
    SetLastError(0xdeadbeef);
    ok(gethostname(name_a, 1) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "short gethostname: error %d\n",
       WSAGetLastError());
    ok(!GetHostNameW(name, ARRAYSIZE(name)) && name[0], "GetHostNameW failed, error %d\n", WSAGetLastError());
    if (name[0] && name_a[0])
    {
        char converted[256];
        WideCharToMultiByte(CP_UTF8, 0, name, -1, converted, sizeof(converted), NULL, NULL);
        ok(!strcmp(converted, name_a), "GetHostNameW %s, gethostname %s\n", converted, name_a);
    }
}

void run_resolver_tests(void)
{
    WSADATA data;
    ADDRINFOA *result;
    int ret;

    /* Documented: a successful WSAStartup must come first. */
    ret = getaddrinfo("127.0.0.1", NULL, NULL, &result);
    todo_builtin ok(ret == WSANOTINITIALISED, "before WSAStartup: %d\n", ret);
    if (!ret) freeaddrinfo(result);

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_numeric();
    test_local();
    test_errors();
    test_wide();
    WSACleanup();
}
