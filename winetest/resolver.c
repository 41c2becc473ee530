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

    {
        ADDRINFOEXW ex_hints = { .ai_flags = AI_NUMERICHOST, .ai_family = AF_INET6 }, *ex;

        ret = GetAddrInfoExW(L"::1", L"8443", NS_DNS, NULL, &ex_hints, &ex, NULL, NULL, NULL, NULL);
        ok(!ret && ex && ex->ai_family == AF_INET6 && ex->ai_addrlen == sizeof(SOCKADDR_IN6) &&
           ((SOCKADDR_IN6 *)ex->ai_addr)->sin6_port == htons(8443), "GetAddrInfoExW: %d\n", ret);
        if (!ret) FreeAddrInfoExW(ex);
        /* Not established for Windows; ws2host knows only NS_ALL and NS_DNS. */
        ret = GetAddrInfoExW(L"::1", NULL, 0xdead, NULL, NULL, &ex, NULL, NULL, NULL, NULL);
        if (harness_impl == impl_ws2host) ok(ret == WSAEINVAL, "GetAddrInfoExW in an unknown name space: %d\n", ret);
        else if (!ret) FreeAddrInfoExW(ex);
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

/* Text forms of addresses; none of these needs WSAStartup. */
static void test_address_text(void)
{
    static const struct { const char *text; ULONG address; } classic[] =
    {
        { "127.0.0.1", 0x7f000001 }, { "127.1", 0x7f000001 }, { "0x7f.1", 0x7f000001 },
        { "010.0.0.1", 0x08000001 }, { "4294967295", 0xffffffff }, { "1.2.3", 0x01020003 },
        { "1.2.3.256", INADDR_NONE }, { "1..2", INADDR_NONE }, { "", INADDR_NONE }, { "a.b.c.d", INADDR_NONE },
    };
    static const struct { const char *text; const char *formatted; } v6[] =
    {
        { "::1", "::1" }, { "fe80::1", "fe80::1" }, { "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1" },
        { "::ffff:1.2.3.4", "::ffff:1.2.3.4" }, { "1:0:0:2:0:0:0:3", "1:0:0:2::3" }, { "::", "::" },
    };
    static const char *const bad_v6[] = { ":::", "1:::2", "12345::", "1:2:3:4:5:6:7:8:9", "1.2.3.4", "" };
    struct in_addr in;
    IN6_ADDR in6;
    char text[64];
    WCHAR wide[64];
    int ret;

    for (size_t i = 0; i < ARRAYSIZE(classic); i++)
        ok(inet_addr(classic[i].text) == (classic[i].address == INADDR_NONE ? INADDR_NONE : htonl(classic[i].address)),
           "inet_addr(\"%s\") = %#lx\n", classic[i].text, (unsigned long)ntohl(inet_addr(classic[i].text)));

    in.s_addr = htonl(0xc0a80001);
    ok(!strcmp(inet_ntoa(in), "192.168.0.1"), "inet_ntoa gives %s\n", inet_ntoa(in));

    ok(inet_pton(AF_INET, "10.1.2.3", &in) == 1 && in.s_addr == htonl(0x0a010203), "inet_pton IPv4\n");
    ok(inet_pton(AF_INET, "127.1", &in) == 0, "inet_pton accepts the short form\n");
    for (size_t i = 0; i < ARRAYSIZE(v6); i++)
    {
        ret = inet_pton(AF_INET6, v6[i].text, &in6);
        ok(ret == 1, "inet_pton(\"%s\") = %d\n", v6[i].text, ret);
        ok(inet_ntop(AF_INET6, &in6, text, sizeof(text)) && !strcmp(text, v6[i].formatted),
           "inet_ntop of %s gives %s, expected %s\n", v6[i].text, text, v6[i].formatted);
    }
    for (size_t i = 0; i < ARRAYSIZE(bad_v6); i++)
        ok(inet_pton(AF_INET6, bad_v6[i], &in6) == 0, "inet_pton accepts \"%s\"\n", bad_v6[i]);
    SetLastError(0xdeadbeef);
    ok(inet_pton(0xdead, "1.2.3.4", &in) == -1 && WSAGetLastError() == WSAEAFNOSUPPORT, "bad family: error %d\n",
       WSAGetLastError());
    in.s_addr = htonl(INADDR_LOOPBACK);
    SetLastError(0xdeadbeef);
    ok(!inet_ntop(AF_INET, &in, text, 5), "inet_ntop wrote into too small a buffer\n");
    /* Documented as ERROR_INVALID_PARAMETER, but Windows leaves the NTSTATUS
     * STATUS_INVALID_PARAMETER (protocol.c test_addr_to_print). */
    ok(GetLastError() == (DWORD)STATUS_INVALID_PARAMETER, "inet_ntop into 5 bytes: error %#lx\n", GetLastError());
    ok(InetPtonW(AF_INET6, L"::1", &in6) == 1 && InetNtopW(AF_INET6, &in6, wide, ARRAYSIZE(wide)) &&
       !wcscmp(wide, L"::1"), "InetPtonW/InetNtopW round trip\n");
}

static void test_address_strings(void)
{
    static const struct { int family; const char *text; const char *back; } cases[] =
    {
        { AF_INET, "127.0.0.1", "127.0.0.1" },
        { AF_INET, "127.0.0.1:8080", "127.0.0.1:8080" },
        { AF_INET6, "::1", "::1" },
        { AF_INET6, "[::1]:443", "[::1]:443" },
        { AF_INET6, "fe80::1%2", "fe80::1%2" },
        { AF_INET6, "[fe80::1%2]:80", "[fe80::1%2]:80" },
    };
    static const struct { int family; const char *text; } bad[] =
    {
        { AF_INET, "1.2.3.256" }, { AF_INET, "1.2.3.4:70000" }, { AF_INET6, "[::1" }, { AF_INET6, "1:::2" },
        { 0xdead, "1.2.3.4" },
    };
    struct sockaddr_storage address;
    char text[80];
    WCHAR wide[80];
    DWORD text_length;
    int length, ret;

    for (size_t i = 0; i < ARRAYSIZE(cases); i++)
    {
        length = sizeof(address);
        ret = WSAStringToAddressA((char *)cases[i].text, cases[i].family, NULL, (struct sockaddr *)&address, &length);
        ok(!ret && address.ss_family == cases[i].family, "WSAStringToAddressA(\"%s\"): %d, error %d\n",
           cases[i].text, ret, WSAGetLastError());
        text_length = sizeof(text);
        ret = WSAAddressToStringA((struct sockaddr *)&address, length, NULL, text, &text_length);
        ok(!ret && !strcmp(text, cases[i].back) && text_length == strlen(text) + 1,
           "WSAAddressToStringA of \"%s\": \"%s\" (%lu)\n", cases[i].text, text, text_length);
    }
    for (size_t i = 0; i < ARRAYSIZE(bad); i++)
    {
        length = sizeof(address);
        SetLastError(0xdeadbeef);
        ret = WSAStringToAddressA((char *)bad[i].text, bad[i].family, NULL, (struct sockaddr *)&address, &length);
        ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "WSAStringToAddressA(\"%s\"): %d, error %d\n",
           bad[i].text, ret, WSAGetLastError());
    }

    /* Short buffers: WSAEFAULT and the size needed. */
    length = 4;
    ret = WSAStringToAddressA((char *)"127.0.0.1", AF_INET, NULL, (struct sockaddr *)&address, &length);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && length == sizeof(SOCKADDR_IN),
       "short address buffer: %d, error %d, length %d\n", ret, WSAGetLastError(), length);
    length = sizeof(address);
    WSAStringToAddressA((char *)"10.0.0.1:1", AF_INET, NULL, (struct sockaddr *)&address, &length);
    text_length = 3;
    ret = WSAAddressToStringA((struct sockaddr *)&address, length, NULL, text, &text_length);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && text_length == sizeof("10.0.0.1:1"),
       "short string buffer: %d, error %d, length %lu\n", ret, WSAGetLastError(), text_length);
    text_length = ARRAYSIZE(wide);
    ok(!WSAAddressToStringW((struct sockaddr *)&address, length, NULL, wide, &text_length) &&
       !wcscmp(wide, L"10.0.0.1:1"), "WSAAddressToStringW\n");
    length = sizeof(address);
    ok(!WSAStringToAddressW((WCHAR *)L"[::1]:2", AF_INET6, NULL, (struct sockaddr *)&address, &length) &&
       ((SOCKADDR_IN6 *)&address)->sin6_port == htons(2), "WSAStringToAddressW\n");
}

static void test_name_info(void)
{
    SOCKADDR_IN in = { .sin_family = AF_INET, .sin_port = htons(80) };
    SOCKADDR_IN6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(443) };
    char host[NI_MAXHOST], service[NI_MAXSERV];
    WCHAR host_w[NI_MAXHOST], service_w[NI_MAXSERV];
    int ret;

    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    in6.sin6_addr = in6addr_loopback;
    ret = getnameinfo((struct sockaddr *)&in, sizeof(in), host, sizeof(host), service, sizeof(service),
                      NI_NUMERICHOST | NI_NUMERICSERV);
    ok(!ret && !strcmp(host, "127.0.0.1") && !strcmp(service, "80"), "numeric IPv4: %d %s %s\n", ret, host, service);
    ret = getnameinfo((struct sockaddr *)&in6, sizeof(in6), host, sizeof(host), service, sizeof(service),
                      NI_NUMERICHOST | NI_NUMERICSERV);
    ok(!ret && !strcmp(host, "::1") && !strcmp(service, "443"), "numeric IPv6: %d %s %s\n", ret, host, service);
    /* 127.0.0.1 has a name in every hosts file. */
    ret = getnameinfo((struct sockaddr *)&in, sizeof(in), host, sizeof(host), NULL, 0, NI_NUMERICSERV);
    ok(!ret && host[0], "name of 127.0.0.1: %d \"%s\"\n", ret, host);
    ret = GetNameInfoW((SOCKADDR *)&in, sizeof(in), host_w, ARRAYSIZE(host_w), service_w, ARRAYSIZE(service_w),
                       NI_NUMERICHOST | NI_NUMERICSERV);
    ok(!ret && !wcscmp(host_w, L"127.0.0.1") && !wcscmp(service_w, L"80"), "GetNameInfoW: %d\n", ret);

    ret = getnameinfo((struct sockaddr *)&in, 4, host, sizeof(host), NULL, 0, NI_NUMERICHOST);
    ok(ret == WSAEAFNOSUPPORT, "short address: %d\n", ret);
}

static void test_databases(void)
{
    struct protoent *proto;
    struct hostent *host;
    struct in_addr loopback = { .s_addr = htonl(INADDR_LOOPBACK) };

    proto = getprotobyname("tcp");
    ok(proto && proto->p_proto == IPPROTO_TCP && !strcmp(proto->p_name, "tcp"), "getprotobyname(tcp)\n");
    proto = getprotobyname("UDP");
    ok(proto && proto->p_proto == IPPROTO_UDP, "getprotobyname(UDP)\n");
    proto = getprotobynumber(58);
    ok(proto && !strcmp(proto->p_name, "ipv6-icmp"), "getprotobynumber(58): %s\n", proto ? proto->p_name : "NULL");
    SetLastError(0xdeadbeef);
    ok(!getprotobynumber(200) && WSAGetLastError() == WSANO_DATA, "getprotobynumber(200): error %d\n",
       WSAGetLastError());

    host = gethostbyname("127.0.0.1");
    ok(host && host->h_addrtype == AF_INET && host->h_length == 4 && host->h_addr_list[0] &&
       !memcmp(host->h_addr_list[0], &loopback, 4), "gethostbyname(127.0.0.1)\n");
    host = gethostbyname("localhost");
    ok(host && host->h_addr_list[0] && host->h_name[0], "gethostbyname(localhost)\n");
    /* Services come from the system's database, on Linux /etc/services. */
    {
        struct servent *service = getservbyname("http", "tcp");
        ok(service && service->s_port == htons(80) && !strcmp(service->s_proto, "tcp"), "getservbyname(http)\n");
        service = getservbyport(htons(22), "tcp");
        ok(service && !strcmp(service->s_name, "ssh"), "getservbyport(22): %s\n", service ? service->s_name : "NULL");
        SetLastError(0xdeadbeef);
        ok(!getservbyname("no-such-service-here", NULL) && WSAGetLastError() == WSANO_DATA,
           "unknown service: error %d\n", WSAGetLastError());
    }
    host = gethostbyaddr((const char *)&loopback, 4, AF_INET);
    ok(host && host->h_name[0] && !memcmp(host->h_addr_list[0], &loopback, 4), "gethostbyaddr(127.0.0.1)\n");
}


/* Asynchronous GetAddrInfoExW, as Wine's test_GetAddrInfoExW shows
 * Windows doing it (only localhost and numeric names here). */
typedef int (WINAPI *overlapped_result_fn)(OVERLAPPED *overlapped);
typedef int (WINAPI *cancel_fn)(HANDLE *handle);

static struct
{
    OVERLAPPED *overlapped;
    ADDRINFOEXW **result;
    DWORD error;
    HANDLE done;
    LONG calls;
    BOOL args_right, pointer_right;
    DWORD got_error;
    ULONG_PTR got_internal;
} routine;

static void CALLBACK lookup_done(DWORD error, DWORD bytes, LPWSAOVERLAPPED overlapped)
{
    routine.args_right = error == routine.error && !bytes && overlapped == (LPWSAOVERLAPPED)routine.overlapped &&
                         overlapped->Internal == routine.error && !overlapped->hEvent;
    routine.pointer_right = overlapped->Pointer == routine.result;
    routine.got_error = error;
    routine.got_internal = overlapped->Internal;
    InterlockedIncrement(&routine.calls);
    SetEvent(routine.done);
}

static void test_async_lookups(void)
{
    HMODULE ws2 = GetModuleHandleA("ws2_32.dll");
    overlapped_result_fn overlapped_result = (overlapped_result_fn)(void *)GetProcAddress(ws2, "GetAddrInfoExOverlappedResult");
    cancel_fn cancel = (cancel_fn)(void *)GetProcAddress(ws2, "GetAddrInfoExCancel");
    HANDLE event = CreateEventA(NULL, TRUE, FALSE, NULL), query = (HANDLE)0xdeadbeef;
    ADDRINFOEXW *result, hints;
    OVERLAPPED overlapped;
    int ret;

    /* With an event. */
    result = (ADDRINFOEXW *)0xdeadbeef;
    memset(&overlapped, 0xcc, sizeof(overlapped));
    overlapped.hEvent = event;
    ret = GetAddrInfoExW(L"localhost", L"80", NS_DNS, NULL, NULL, &result, NULL, &overlapped, NULL, NULL);
    ok(ret == ERROR_IO_PENDING && WSAGetLastError() == ERROR_IO_PENDING, "async lookup: %d, error %d\n",
       ret, WSAGetLastError());
    ok(WaitForSingleObject(event, 5000) == WAIT_OBJECT_0, "the event was not set\n");
    ok(!overlapped_result(&overlapped), "overlapped result %d\n", overlapped_result(&overlapped));
    ok(overlapped.Internal == 0 && overlapped.Pointer == &result && overlapped.hEvent == event,
       "Internal %#lx, Pointer %p, hEvent %p\n", (unsigned long)overlapped.Internal, overlapped.Pointer, overlapped.hEvent);
    ok(result && result != (ADDRINFOEXW *)0xdeadbeef && result->ai_addr, "no result\n");
    if (result && result != (ADDRINFOEXW *)0xdeadbeef) FreeAddrInfoExW(result);

    /* No name: answered at once, no completion. */
    ResetEvent(event);
    result = (ADDRINFOEXW *)0xdeadbeef;
    memset(&overlapped, 0xcc, sizeof(overlapped));
    overlapped.hEvent = event;
    ret = GetAddrInfoExW(NULL, NULL, NS_DNS, NULL, NULL, &result, NULL, &overlapped, NULL, NULL);
    todo_builtin ok(ret == WSAHOST_NOT_FOUND, "no name: %d\n", ret);
    todo_builtin ok(WaitForSingleObject(event, 200) == WAIT_TIMEOUT, "the event was set\n");

    /* An event and a completion routine are one too many. */
    memset(&overlapped, 0, sizeof(overlapped));
    overlapped.hEvent = event;
    ret = GetAddrInfoExW(L"localhost", NULL, NS_DNS, NULL, NULL, &result, NULL, &overlapped, lookup_done, NULL);
    ok(ret == WSAEINVAL, "event and routine: %d\n", ret);

    /* A completion routine, success and failure (a numeric-only lookup
     * of a name fails without asking any DNS server: WSAHOST_NOT_FOUND, as
     * Wine's Windows-run test_getaddrinfo shows for AI_NUMERICHOST). */
    routine.done = CreateEventA(NULL, FALSE, FALSE, NULL);
    for (int fail = 0; fail < 2; fail++)
    {
        memset(&hints, 0, sizeof(hints));
        hints.ai_flags = fail ? AI_NUMERICHOST : 0;
        memset(&overlapped, 0, sizeof(overlapped));
        result = (ADDRINFOEXW *)0xdeadbeef;
        routine.overlapped = &overlapped;
        routine.result = &result;
        routine.error = fail ? WSAHOST_NOT_FOUND : 0;
        routine.calls = 0;
        ret = GetAddrInfoExW(L"localhost", NULL, NS_DNS, NULL, &hints, &result, NULL, &overlapped, lookup_done, &query);
        ok(ret == ERROR_IO_PENDING, "routine %d: %d\n", fail, ret);
        ok(WaitForSingleObject(routine.done, 5000) == WAIT_OBJECT_0, "routine %d was not called\n", fail);
        ok(routine.calls == 1 && routine.args_right, "routine %d: %ld calls, arguments right %d (error %lu, Internal %lu)\n",
           fail, routine.calls, routine.args_right, routine.got_error, (unsigned long)routine.got_internal);
        todo_if(harness_impl == impl_wine_builtin && fail)
        ok(routine.pointer_right, "routine %d: Pointer is not the result's address\n", fail);
        ok(overlapped_result(&overlapped) == (int)routine.error, "routine %d: overlapped result %d\n", fail,
           overlapped_result(&overlapped));
        ok(fail ? !result : result && result != (ADDRINFOEXW *)0xdeadbeef, "routine %d: result %p\n", fail, result);
        if (!fail && result && result != (ADDRINFOEXW *)0xdeadbeef) FreeAddrInfoExW(result);
    }

    /* Documented: WSA_INVALID_HANDLE for a handle that names no query. */
    query = (HANDLE)0xdeadbeef;
    ok(cancel(&query) == WSA_INVALID_HANDLE, "cancel of a bogus handle\n");
    ok(cancel(NULL) == WSA_INVALID_HANDLE, "cancel of NULL\n");
    /* Documented: WSAEINVAL when lpOverlapped is NULL. */
    ok(overlapped_result(NULL) == WSAEINVAL, "overlapped result of NULL: %d\n", overlapped_result(NULL));
    CloseHandle(routine.done);
    CloseHandle(event);
}

/* The hostent is laid out as Windows lays it out: aliases right after the
 * structure, the address list right after them, the first address right
 * after the list (Wine's Windows-run tests, protocol.c test_dns). */
static void test_hostent_layout(void)
{
    struct hostent *host = gethostbyname("localhost");
    char *next, **entry;

    ok(host != NULL, "gethostbyname(localhost): error %d\n", WSAGetLastError());
    if (!host) return;
    next = (char *)(host + 1);
    ok((char *)host->h_aliases == next, "aliases at %p, not %p\n", host->h_aliases, next);
    for (entry = host->h_aliases; *entry; entry++);
    next = (char *)(entry + 1);
    ok((char *)host->h_addr_list == next, "address list at %p, not %p\n", host->h_addr_list, next);
    for (entry = host->h_addr_list; *entry; entry++);
    next = (char *)(entry + 1);
    ok(host->h_addr_list[0] == next, "first address at %p, not %p\n", host->h_addr_list[0], next);
}

void run_resolver_tests(void)
{
    WSADATA data;
    ADDRINFOA *result;
    int ret;

    SetLastError(0xdeadbeef);
    ok(!gethostbyname("localhost") && WSAGetLastError() == WSANOTINITIALISED, "gethostbyname before WSAStartup\n");

    /* Documented: a successful WSAStartup must come first. */
    ret = getaddrinfo("127.0.0.1", NULL, NULL, &result);
    todo_builtin ok(ret == WSANOTINITIALISED, "before WSAStartup: %d\n", ret);
    if (!ret) freeaddrinfo(result);

    test_address_text();
    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_numeric();
    test_hostent_layout();
    test_local();
    test_errors();
    test_wide();
    test_address_strings();
    test_name_info();
    test_databases();
    test_async_lookups();
    WSACleanup();
}
