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

/* "digits" as a port, or -1. */
static int parse_port(const char *text)
{
    char *end;
    unsigned long port;

    if (!*text) return -1;
    port = strtoul(text, &end, 10);
    return *end || port > 0xffff ? -1 : (int)port;
}

static int parse_address(const char *text, int family, struct sockaddr_storage *out, int *size)
{
    char host[80], *p;
    int port = 0;

    if (strlen(text) >= sizeof(host)) return WSAEINVAL;
    strcpy(host, text);
    memset(out, 0, sizeof(*out));
    if (family == AF_INET)
    {
        SOCKADDR_IN *in = (SOCKADDR_IN *)out;
        uint32_t address;

        if ((p = strchr(host, ':')))
        {
            *p++ = 0;
            if ((port = parse_port(p)) < 0) return WSAEINVAL;
        }
        if (text_to_ipv4_classic(host, &address)) return WSAEINVAL;
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = address;
        in->sin_port = htons(port);
        *size = sizeof(*in);
        return 0;
    }
    if (family == AF_INET6)
    {
        SOCKADDR_IN6 *in6 = (SOCKADDR_IN6 *)out;
        char *start = host, *scope;

        if (host[0] == '[')
        {
            if (!(p = strchr(host, ']'))) return WSAEINVAL;
            *p++ = 0;
            start = host + 1;
            if (*p == ':' && (port = parse_port(p + 1)) < 0) return WSAEINVAL;
            if (*p && *p != ':') return WSAEINVAL;
        }
        if ((scope = strchr(start, '%')))
        {
            char *end;
            *scope++ = 0;
            in6->sin6_scope_id = strtoul(scope, &end, 10);
            if (*end || !*scope) return WSAEINVAL;
        }
        if (!text_to_ipv6(start, (uint8_t *)&in6->sin6_addr)) return WSAEINVAL;
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        *size = sizeof(*in6);
        return 0;
    }
    return WSAEINVAL;
}

static int string_to_address(const char *text, int family, struct sockaddr *address, int *length)
{
    struct sockaddr_storage parsed;
    int size, err;

    if (!ws_is_started()) return WSANOTINITIALISED;
    /* No string is no address; one that cannot be read, or no room for
     * the length, is a bad pointer. */
    if (!text) return WSAEINVAL;
    if (!ws_readable_string(text) || !ws_writable(length, sizeof(*length))) return WSAEFAULT;
    if ((err = parse_address(text, family, &parsed, &size))) return err;
    if (*length < size || !ws_writable(address, size))
    {
        *length = size;
        return WSAEFAULT;
    }
    memcpy(address, &parsed, size);
    *length = size;
    return 0;
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
    if (string && !WideCharToMultiByte(CP_ACP, 0, string, -1, text, sizeof(text), NULL, NULL))
        return ws_fail(WSAEINVAL);
    if ((err = string_to_address(string ? text : NULL, family, address, length))) return ws_fail(err);
    SetLastError(0);
    return 0;
}
