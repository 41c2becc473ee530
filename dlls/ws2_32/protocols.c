/*
 * The catalog as Windows structures: WSAEnumProtocolsA/W (WS2_32.50/58)
 * and the WSAPROTOCOL_INFO of a catalog entry (also what SO_PROTOCOL_INFO
 * reports).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "ws2_32_private.h"
#include "catalog.h"

void ws_protocol_info_w(const struct ws_catalog_entry *entry, WSAPROTOCOL_INFOW *info)
{
    memset(info, 0, sizeof(*info));
    info->dwServiceFlags1 = entry->service_flags1;
    info->dwProviderFlags = entry->provider_flags;
    info->ProviderId.Data1 = entry->provider.data1;
    info->ProviderId.Data2 = entry->provider.data2;
    info->ProviderId.Data3 = entry->provider.data3;
    memcpy(info->ProviderId.Data4, entry->provider.data4, sizeof(info->ProviderId.Data4));
    info->dwCatalogEntryId = entry->catalog_id;
    info->ProtocolChain.ChainLen = BASE_PROTOCOL;
    info->iVersion = 2;
    info->iAddressFamily = entry->family;
    info->iMaxSockAddr = entry->max_sockaddr;
    info->iMinSockAddr = entry->min_sockaddr;
    info->iSocketType = entry->type;
    info->iProtocol = entry->protocol;
    info->iProtocolMaxOffset = entry->protocol_max_offset;
    info->iNetworkByteOrder = BIGENDIAN;
    info->iSecurityScheme = SECURITY_PROTOCOL_NONE;
    info->dwMessageSize = entry->message_size;
    for (size_t i = 0; entry->name[i] && i < WSAPROTOCOL_LEN; i++) info->szProtocol[i] = entry->name[i];
}

/* The A structure is the W one up to szProtocol, then the CP_ACP text. */
void ws_protocol_info_a(const WSAPROTOCOL_INFOW *info_w, WSAPROTOCOL_INFOA *info_a)
{
    memcpy(info_a, info_w, offsetof(WSAPROTOCOL_INFOA, szProtocol));
    if (!WideCharToMultiByte(CP_ACP, 0, info_w->szProtocol, -1, info_a->szProtocol,
                             sizeof(info_a->szProtocol), NULL, NULL))
        info_a->szProtocol[0] = 0;
}

/* Does the zero-terminated filter list name this protocol? A NULL list
 * matches everything; unknown values in it are simply never matched. */
static BOOL filter_matches(const int *protocols, int protocol)
{
    if (!protocols) return TRUE;
    for (; *protocols; protocols++)
        if (*protocols == protocol) return TRUE;
    return FALSE;
}

static BOOL filter_readable(const int *protocols)
{
    if (!protocols) return TRUE;
    for (;; protocols++)
    {
        if (!ws_readable(protocols, sizeof(*protocols))) return FALSE;
        if (!*protocols) return TRUE;
    }
}

/* Shared by the A and W versions: size is one entry's size. */
static int enum_protocols(const int *protocols, void *buffer, DWORD *length, size_t size,
                          BOOL wide)
{
    const struct ws_catalog_entry *matches[16];
    DWORD count = 0, needed;

    if (!ws_is_started()) return ws_fail(WSANOTINITIALISED);
    if (!ws_writable(length, sizeof(*length)) || !filter_readable(protocols)) return ws_fail(WSAEFAULT);

    for (size_t i = 0; i < ws_catalog_count && count < ARRAYSIZE(matches); i++)
    {
        const struct ws_catalog_entry *entry = &ws_catalog[i];
        if (entry->provider_flags & WS_PFL_HIDDEN) continue;
        if (!filter_matches(protocols, entry->protocol)) continue;
        matches[count++] = entry;
    }
    needed = count * size;
    if (!count) return 0;   /* nothing to store, so no buffer is too small */
    if (!buffer || *length < needed)
    {
        *length = needed;
        return ws_fail(WSAENOBUFS);
    }
    if (!ws_writable(buffer, needed)) return ws_fail(WSAEFAULT);

    for (DWORD i = 0; i < count; i++)
    {
        WSAPROTOCOL_INFOW info;

        ws_protocol_info_w(matches[i], &info);
        if (wide) ((WSAPROTOCOL_INFOW *)buffer)[i] = info;
        else ws_protocol_info_a(&info, (WSAPROTOCOL_INFOA *)buffer + i);
    }
    return count;
}

/***********************************************************************
 *      WSAEnumProtocolsW (WS2_32.58)
 */
int WINAPI WSAEnumProtocolsW(int *protocols, WSAPROTOCOL_INFOW *buffer, DWORD *length)
{
    TRACE("protocols %p, buffer %p, length %p\n", protocols, buffer, length);
    return enum_protocols(protocols, buffer, length, sizeof(*buffer), TRUE);
}

/***********************************************************************
 *      WSAEnumProtocolsA (WS2_32.50)
 */
int WINAPI WSAEnumProtocolsA(int *protocols, WSAPROTOCOL_INFOA *buffer, DWORD *length)
{
    TRACE("protocols %p, buffer %p, length %p\n", protocols, buffer, length);
    return enum_protocols(protocols, buffer, length, sizeof(*buffer), FALSE);
}
