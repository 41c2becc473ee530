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

    /* Windows: the empty string is no address (INADDR_NONE). */
    if (!text || !ws_readable(text, 1) || text_to_ipv4_classic(text, &address)) return INADDR_NONE;
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

static int text_to_address(int family, const char *text, void *address)
{
    if (family != AF_INET && family != AF_INET6)
    {
        SetLastError(WSAEAFNOSUPPORT);
        return -1;
    }
    if (!text || !address)
    {
        SetLastError(WSAEFAULT);
        return -1;
    }
    return family == AF_INET ? text_to_ipv4(text, address) : text_to_ipv6(text, address);
}

INT WINAPI inet_pton(INT family, const char *text, void *address)
{
    return text_to_address(family, text, address);
}

INT WINAPI InetPtonW(INT family, const WCHAR *text, void *address)
{
    char narrow[64];

    if (text && !WideCharToMultiByte(CP_ACP, 0, text, -1, narrow, sizeof(narrow), NULL, NULL))
        return family == AF_INET || family == AF_INET6 ? 0 : text_to_address(family, NULL, address);
    return text_to_address(family, text ? narrow : NULL, address);
}

/* The text into a local buffer; ERROR_INVALID_PARAMETER (documented) when
 * the caller's buffer cannot hold it. */
static const char *address_to_text(int family, const void *address, char *text, size_t size)
{
    if (family != AF_INET && family != AF_INET6)
    {
        SetLastError(WSAEAFNOSUPPORT);
        return NULL;
    }
    if (!address)
    {
        SetLastError(WSAEFAULT);
        return NULL;
    }
    if ((family == AF_INET ? ipv4_to_text(address, text, size) : ipv6_to_text(address, text, size)) < 0)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return text;
}

/* Both versions: the text into the caller's buffer, char or WCHAR. */
static void *address_to_buffer(int family, const void *address, void *buffer, size_t size, BOOL wide)
{
    char text[64];

    if (!address_to_text(family, address, text, sizeof(text))) return NULL;
    if (!buffer || strlen(text) + 1 > size)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (wide) MultiByteToWideChar(CP_ACP, 0, text, -1, buffer, size);
    else strcpy(buffer, text);
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
