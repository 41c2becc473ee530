/*
 * Addresses as text: inet_addr (WS2_32.11), inet_ntoa (12), inet_pton
 * (131), inet_ntop (130), InetPtonW (34), InetNtopW (33). None needs
 * WSAStartup. The parsing and formatting is in addrtext.c.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "ws2_32_private.h"
#include "addrtext.h"

unsigned __LONG32 WINAPI inet_addr(const char *text)
{
    uint32_t address;

    /* No string is WSAEFAULT (protocol.c test_inet_addr); text that is no
     * address, the empty string included, only INADDR_NONE. */
    if (!ws_readable_string(text))
    {
        SetLastError(WSAEFAULT);
        return INADDR_NONE;
    }
    if (text_to_ipv4_classic(text, &address)) return INADDR_NONE;
    return address;
}

/* Windows returns a buffer of the calling thread's, valid until its next
 * call. */
char * WINAPI inet_ntoa(struct in_addr address)
{
    struct ws_thread *thread = ws_thread_get();

    if (!thread)
    {
        SetLastError(WSAENOBUFS);
        return NULL;
    }
    ipv4_to_text((const uint8_t *)&address, thread->ntoa, sizeof(thread->ntoa));
    return thread->ntoa;
}

static int fail_minus_one(int error)
{
    SetLastError(error);
    return -1;
}

/* The string is checked before the family (protocol.c test_inet_pton). */
static int text_to_address(int family, const char *text, void *address)
{
    if (!ws_readable_string(text)) return fail_minus_one(WSAEFAULT);
    if (family != AF_INET && family != AF_INET6) return fail_minus_one(WSAEAFNOSUPPORT);
    if (!ws_writable(address, family == AF_INET ? 4 : 16)) return fail_minus_one(WSAEFAULT);
    return family == AF_INET ? text_to_ipv4(text, address) : text_to_ipv6(text, address);
}

INT WINAPI inet_pton(INT family, const char *text, void *address)
{
    return text_to_address(family, text, address);
}

/* As inet_pton, but text that is no address also sets WSAEINVAL
 * (test_inet_pton). */
INT WINAPI InetPtonW(INT family, const WCHAR *text, void *address)
{
    char narrow[64];
    int ret;

    if (!ws_readable_wstring(text)) return fail_minus_one(WSAEFAULT);
    if (!WideCharToMultiByte(CP_ACP, 0, text, -1, narrow, sizeof(narrow), NULL, NULL))
    {
        /* Too long for the buffer is too long to be an address. */
        if (family != AF_INET && family != AF_INET6) return fail_minus_one(WSAEAFNOSUPPORT);
        SetLastError(WSAEINVAL);
        return 0;
    }
    if (!(ret = text_to_address(family, narrow, address))) SetLastError(WSAEINVAL);
    return ret;
}

static void *fail_null(DWORD error)
{
    SetLastError(error);
    return NULL;
}

/* Windows' inet_ntop passes on RtlIpv4/6AddressToStringEx's status as the
 * last error: STATUS_INVALID_PARAMETER for a missing address or a buffer
 * that is missing or too small (protocol.c test_addr_to_print). */
static const char *address_to_text(int family, const void *address, char *text, size_t size)
{
    if (family != AF_INET && family != AF_INET6) return fail_null(WSAEAFNOSUPPORT);
    if (!ws_readable(address, family == AF_INET ? 4 : 16)) return fail_null(STATUS_INVALID_PARAMETER);
    if ((family == AF_INET ? ipv4_to_text(address, text, size) : ipv6_to_text(address, text, size)) < 0)
        return fail_null(STATUS_INVALID_PARAMETER);
    return text;
}

/* Both versions: the text into the caller's buffer, char or WCHAR. */
static void *address_to_buffer(int family, const void *address, void *buffer, size_t size, BOOL wide)
{
    size_t unit = wide ? sizeof(WCHAR) : 1, needed;
    char text[64];

    if (!address_to_text(family, address, text, sizeof(text))) return NULL;
    needed = strlen(text) + 1;
    if (!buffer || needed > size || !ws_writable(buffer, needed * unit)) return fail_null(STATUS_INVALID_PARAMETER);
    if (wide) MultiByteToWideChar(CP_ACP, 0, text, -1, buffer, needed);
    else memcpy(buffer, text, needed);
    return buffer;
}

const char * WINAPI inet_ntop(INT family, const void *address, char *buffer, size_t size)
{
    return address_to_buffer(family, address, buffer, size, FALSE);
}

const WCHAR * WINAPI InetNtopW(INT family, const void *address, WCHAR *buffer, size_t size)
{
    return address_to_buffer(family, address, buffer, size, TRUE);
}
