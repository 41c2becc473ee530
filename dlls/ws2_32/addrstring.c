/*
 * WSAAddressToStringA/W (WS2_32.38/39) and WSAStringToAddressA/W
 * (WS2_32.96/97): socket addresses as "a.b.c.d:port" and
 * "[v6%scope]:port" text, and back.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"
#include "addrtext.h"

/* The text of an address in *text (64 chars is enough), or a WSA error:
 * documented WSAEINVAL for a missing address or one that is not a valid
 * socket address, WSAEFAULT for one not in the address space. */
static int address_text(const struct sockaddr *address, DWORD length, char *text)
{
    char host[64];
    int n;

    if (!address || !length) return WSAEINVAL;
    if (!ws_readable(address, sizeof(address->sa_family))) return WSAEFAULT;
    if (address->sa_family == AF_INET)
    {
        const SOCKADDR_IN *in = (const SOCKADDR_IN *)address;

        if (length < sizeof(*in)) return WSAEINVAL;
        if (!ws_readable(in, sizeof(*in))) return WSAEFAULT;
        ipv4_to_text((const uint8_t *)&in->sin_addr, host, sizeof(host));
        n = in->sin_port ? sprintf(text, "%s:%u", host, ntohs(in->sin_port)) : sprintf(text, "%s", host);
    }
    else if (address->sa_family == AF_INET6)
    {
        const SOCKADDR_IN6 *in6 = (const SOCKADDR_IN6 *)address;

        if (length < sizeof(*in6)) return WSAEINVAL;
        if (!ws_readable(in6, sizeof(*in6))) return WSAEFAULT;
        ipv6_to_text((const uint8_t *)&in6->sin6_addr, host, sizeof(host));
        if (in6->sin6_scope_id) sprintf(host + strlen(host), "%%%lu", (unsigned long)in6->sin6_scope_id);
        n = in6->sin6_port ? sprintf(text, "[%s]:%u", host, ntohs(in6->sin6_port)) : sprintf(text, "%s", host);
    }
    else return WSAEINVAL;
    return n > 0 ? 0 : WSAEINVAL;
}

/* Both versions: the string in the caller's buffer, char or WCHAR. */
static int address_to_string(struct sockaddr *address, DWORD length, void *string, DWORD *string_length, BOOL wide)
{
    char text[80];
    DWORD needed;
    int err;

    if (!ws_is_started()) return WSANOTINITIALISED;
    if (!string_length) return WSAEINVAL;
    if ((err = address_text(address, length, text))) return err;
    needed = strlen(text) + 1;
    if (!ws_writable(string_length, sizeof(*string_length))) return WSAEFAULT;
    if (*string_length < needed || !ws_writable(string, needed * (wide ? sizeof(WCHAR) : 1)))
    {
        *string_length = needed;
        return WSAEFAULT;
    }
    if (wide) MultiByteToWideChar(CP_ACP, 0, text, -1, string, needed);
    else memcpy(string, text, needed);
    *string_length = needed;
    return 0;
}

INT WINAPI WSAAddressToStringA(struct sockaddr *address, DWORD length, WSAPROTOCOL_INFOA *info, char *string,
                               DWORD *string_length)
{
    int err;

    TRACE("address %p, length %lu, string %p, string_length %p\n", address, length, string, string_length);
    if ((err = address_to_string(address, length, string, string_length, FALSE))) return ws_fail(err);
    SetLastError(0);
    return 0;
}

INT WINAPI WSAAddressToStringW(struct sockaddr *address, DWORD length, WSAPROTOCOL_INFOW *info, WCHAR *string,
                               DWORD *string_length)
{
    int err;

    TRACE("address %p, length %lu, string %p, string_length %p\n", address, length, string, string_length);
    if ((err = address_to_string(address, length, string, string_length, TRUE))) return ws_fail(err);
    SetLastError(0);
    return 0;
}

/* "a.b.c.d[:port]" as RtlIpv4StringToAddressEx reads it: the address is
 * stored as soon as it is read, even when the port then fails. */
static int parse_ipv4(const char *text, SOCKADDR_IN *in)
{
    const char *end;
    uint16_t port = 0;

    if (ipv4_parse(text, 0, &end, (uint8_t *)&in->sin_addr)) return WSAEINVAL;
    if (*end == ':' && port_parse(end + 1, &port)) return WSAEINVAL;
    if (*end && *end != ':') return WSAEINVAL;
    in->sin_family = AF_INET;
    in->sin_port = htons(port);
    return 0;
}

/* A scope id: decimal digits up to 2^32 - 1. */
static int parse_scope(const char **text, ULONG *scope)
{
    const char *p = *text;
    uint64_t value = 0;

    if (*p < '0' || *p > '9') return -1;
    for (; *p >= '0' && *p <= '9'; p++)
        if ((value = value * 10 + (*p - '0')) > 0xffffffffu) return -1;
    *scope = (ULONG)value;
    *text = p;
    return 0;
}

/* "v6[%scope]" or "[v6[%scope]][:port]" as RtlIpv6StringToAddressEx
 * reads it; the groups read stay in the address when the text fails. */
static int parse_ipv6(const char *text, SOCKADDR_IN6 *in6)
{
    BOOL bracket = *text == '[';
    ULONG scope = 0;
    uint16_t port = 0;
    const char *end;

    if (ipv6_parse(text + bracket, &end, (uint8_t *)&in6->sin6_addr)) return WSAEINVAL;
    if (*end == '%' && (++end, parse_scope(&end, &scope))) return WSAEINVAL;
    if (bracket)
    {
        if (*end++ != ']') return WSAEINVAL;
        if (*end == ':' && port_parse(end + 1, &port)) return WSAEINVAL;
        if (*end && *end != ':') return WSAEINVAL;
    }
    else if (*end) return WSAEINVAL;
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(port);
    in6->sin6_scope_id = scope;
    return 0;
}

/* Windows asks for room first (WSAEFAULT and the size, even for text
 * that is no address), then clears the structure, so a failure leaves
 * family and port 0 and the part of the address read (protocol.c
 * test_WSAStringToAddress). */
static int string_to_address(const char *text, int family, struct sockaddr *address, int *length)
{
    int size, err;

    if (!ws_is_started()) return WSANOTINITIALISED;
    /* No string is no address; one that cannot be read, or no room for
     * the length, is a bad pointer. */
    if (!text) return WSAEINVAL;
    if (!ws_readable_string(text) || !ws_writable(length, sizeof(*length))) return WSAEFAULT;
    if (family == AF_INET) size = sizeof(SOCKADDR_IN);
    else if (family == AF_INET6) size = sizeof(SOCKADDR_IN6);
    else return WSAEINVAL;
    if (*length < size || !ws_writable(address, size))
    {
        *length = size;
        return WSAEFAULT;
    }
    memset(address, 0, size);
    err = family == AF_INET ? parse_ipv4(text, (SOCKADDR_IN *)address) : parse_ipv6(text, (SOCKADDR_IN6 *)address);
    if (!err) *length = size;
    return err;
}

INT WINAPI WSAStringToAddressA(char *string, INT family, WSAPROTOCOL_INFOA *info, struct sockaddr *address,
                               INT *length)
{
    int err;

    TRACE("string %p, family %d, address %p, length %p\n", string, family, address, length);
    if ((err = string_to_address(string, family, address, length))) return ws_fail(err);
    SetLastError(0);
    return 0;
}

INT WINAPI WSAStringToAddressW(WCHAR *string, INT family, WSAPROTOCOL_INFOW *info, struct sockaddr *address,
                               INT *length)
{
    char text[80];
    int err;

    TRACE("string %p, family %d, address %p, length %p\n", string, family, address, length);
    if (string && !ws_readable_wstring(string)) return ws_fail(WSAEFAULT);
    /* Too long for the buffer is too long to be an address. */
    if (string && !WideCharToMultiByte(CP_ACP, 0, string, -1, text, sizeof(text), NULL, NULL)) text[0] = 0;
    if ((err = string_to_address(string ? text : NULL, family, address, length))) return ws_fail(err);
    SetLastError(0);
    return 0;
}
