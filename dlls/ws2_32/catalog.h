/*
 * The protocol catalog as data, and provider selection for socket
 * creation. Portable C (no Windows headers needed) so the host tests can
 * walk it.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_CATALOG_H
#define WS2HOST_CATALOG_H

#include <stddef.h>
#include <stdint.h>

#include "ws2host/wsvalues.h"

struct ws_guid
{
    uint32_t data1;
    uint16_t data2, data3;
    uint8_t data4[8];
};

struct ws_catalog_entry
{
    uint32_t catalog_id;            /* dwCatalogEntryId */
    struct ws_guid provider;        /* ProviderId */
    int32_t family;                 /* iAddressFamily */
    int32_t type;                   /* iSocketType */
    int32_t protocol;               /* iProtocol */
    int32_t protocol_max_offset;    /* iProtocolMaxOffset */
    int32_t min_sockaddr;           /* iMinSockAddr */
    int32_t max_sockaddr;           /* iMaxSockAddr */
    uint32_t service_flags1;        /* dwServiceFlags1 */
    uint32_t provider_flags;        /* dwProviderFlags */
    uint32_t message_size;          /* dwMessageSize */
    const char *name;               /* szProtocol (ASCII) */
};

extern const struct ws_catalog_entry ws_catalog[];
extern const size_t ws_catalog_count;

const struct ws_catalog_entry *catalog_find_id(uint32_t catalog_id);

/* What socket creation resolved to. */
struct ws_selection
{
    int32_t family, type, protocol;
    const struct ws_catalog_entry *entry;
};

/* Validates (af, type, protocol) and picks the provider, Windows' order of
 * checks included. with_info: the values came through an lpProtocolInfo
 * (FROM_PROTOCOL_INFO and 0 already replaced by the caller), which checks
 * the family first and does no AF_UNSPEC lookup. Returns 0 or the WSA
 * error code. */
int catalog_select(int32_t af, int32_t type, int32_t protocol, int with_info,
                   struct ws_selection *out);

/* WSASocket's dwFlags against what the provider supports: 0 or the WSA
 * error. Undefined bits are refused (Windows' answer is not known). */
int catalog_check_flags(const struct ws_catalog_entry *entry, uint32_t flags);

#endif
