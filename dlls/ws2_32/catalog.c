/*
 * The protocol catalog and provider selection.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Field values and the order of checks are Windows' (docs/catalog.md has
 * the sources and what had to be chosen where Windows is not known).
 */
#include "catalog.h"

#define XP1_STREAM_FLAGS (WS_XP1_GUARANTEED_DELIVERY | WS_XP1_GUARANTEED_ORDER | WS_XP1_GRACEFUL_CLOSE | \
                          WS_XP1_EXPEDITED_DATA | WS_XP1_IFS_HANDLES)
#define XP1_DATAGRAM_FLAGS (WS_XP1_CONNECTIONLESS | WS_XP1_MESSAGE_ORIENTED | WS_XP1_SUPPORT_BROADCAST | \
                            WS_XP1_SUPPORT_MULTIPOINT | WS_XP1_IFS_HANDLES)

#define MSAFD_IPV4 { 0xe70f1aa0, 0xab8b, 0x11cf, { 0x8c, 0xa3, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92 } }
#define MSAFD_IPV6 { 0xf9eab0c0, 0x26d4, 0x11d0, { 0xbb, 0xbf, 0x00, 0xaa, 0x00, 0x6c, 0x34, 0xe4 } }

/* The fields each family and each socket type share. */
#define IPV4 .provider = MSAFD_IPV4, .family = WS_AF_INET, .min_sockaddr = 16, .max_sockaddr = 16
#define IPV6 .provider = MSAFD_IPV6, .family = WS_AF_INET6, .min_sockaddr = 28, .max_sockaddr = 28
#define TCP .type = WS_SOCK_STREAM, .protocol = WS_IPPROTO_TCP, .service_flags1 = XP1_STREAM_FLAGS, \
    .provider_flags = WS_PFL_MATCHES_PROTOCOL_ZERO
#define UDP .type = WS_SOCK_DGRAM, .protocol = WS_IPPROTO_UDP, .service_flags1 = XP1_DATAGRAM_FLAGS, \
    .provider_flags = WS_PFL_MATCHES_PROTOCOL_ZERO, .message_size = 65467
/* Hidden from enumeration; any protocol 0..255 (protocol_max_offset). */
#define RAW .type = WS_SOCK_RAW, .protocol = 0, .protocol_max_offset = 255, .service_flags1 = XP1_DATAGRAM_FLAGS, \
    .provider_flags = WS_PFL_MATCHES_PROTOCOL_ZERO | WS_PFL_HIDDEN, .message_size = 0x8000

const struct ws_catalog_entry ws_catalog[] =
{
    { .catalog_id = 1001, IPV4, TCP, .name = "MSAFD Tcpip [TCP/IP]" },
    { .catalog_id = 1002, IPV4, UDP, .name = "MSAFD Tcpip [UDP/IP]" },
    { .catalog_id = 1003, IPV4, RAW, .name = "MSAFD Tcpip [RAW/IP]" },
    { .catalog_id = 1004, IPV6, TCP, .name = "MSAFD Tcpip [TCP/IPv6]" },
    { .catalog_id = 1005, IPV6, UDP, .name = "MSAFD Tcpip [UDP/IPv6]" },
    { .catalog_id = 1006, IPV6, RAW, .name = "MSAFD Tcpip [RAW/IPv6]" },
};

#undef IPV4
#undef IPV6
#undef TCP
#undef UDP
#undef RAW

const size_t ws_catalog_count = sizeof(ws_catalog) / sizeof(ws_catalog[0]);

const struct ws_catalog_entry *catalog_find_id(uint32_t catalog_id)
{
    for (size_t i = 0; i < ws_catalog_count; i++)
        if (ws_catalog[i].catalog_id == catalog_id) return &ws_catalog[i];
    return NULL;
}

static int matches_protocol(const struct ws_catalog_entry *entry, int32_t protocol)
{
    if (!protocol) return !!(entry->provider_flags & WS_PFL_MATCHES_PROTOCOL_ZERO);
    return protocol >= entry->protocol &&
           (int64_t)protocol <= (int64_t)entry->protocol + entry->protocol_max_offset;
}

static int any_entry_has_type(int32_t type)
{
    for (size_t i = 0; i < ws_catalog_count; i++)
        if (ws_catalog[i].type == type) return 1;
    return 0;
}

/* Is there an entry of this family (and of this type, when type != 0)? */
static int any_entry_has_family(int32_t af, int32_t type)
{
    for (size_t i = 0; i < ws_catalog_count; i++)
        if (ws_catalog[i].family == af && (!type || ws_catalog[i].type == type)) return 1;
    return 0;
}

int catalog_select(int32_t af, int32_t type, int32_t protocol, int with_info,
                   struct ws_selection *out)
{
    if (with_info)
    {
        if (!af || !any_entry_has_family(af, 0)) return WSAEAFNOSUPPORT;
    }
    else if (!af && !protocol) return WSAEINVAL;

    if (type && !any_entry_has_type(type)) return WSAESOCKTNOSUPPORT;
    if (af && !any_entry_has_family(af, type)) return WSAEAFNOSUPPORT;

    for (size_t i = 0; i < ws_catalog_count; i++)
    {
        const struct ws_catalog_entry *entry = &ws_catalog[i];

        if (af && entry->family != af) continue;
        if (type && entry->type != type) continue;
        if (!matches_protocol(entry, protocol)) continue;
        out->entry = entry;
        out->family = entry->family;
        out->type = entry->type;
        out->protocol = protocol ? protocol : entry->protocol;
        return 0;
    }
    return WSAEPROTONOSUPPORT;
}

/* Each WSASocket flag, and the XP1_ service flags its provider must have
 * and must lack (the multipoint rules of the WSASocket documentation). */
static const struct
{
    uint32_t flag;
    uint32_t needs;
    uint32_t forbids;
}
flag_rules[] =
{
    { .flag = WS_WSA_FLAG_OVERLAPPED },
    { .flag = WS_WSA_FLAG_MULTIPOINT_C_ROOT, .needs = WS_XP1_SUPPORT_MULTIPOINT | WS_XP1_MULTIPOINT_CONTROL_PLANE },
    { .flag = WS_WSA_FLAG_MULTIPOINT_C_LEAF, .needs = WS_XP1_SUPPORT_MULTIPOINT,
      .forbids = WS_XP1_MULTIPOINT_CONTROL_PLANE },
    { .flag = WS_WSA_FLAG_MULTIPOINT_D_ROOT, .needs = WS_XP1_SUPPORT_MULTIPOINT | WS_XP1_MULTIPOINT_DATA_PLANE },
    { .flag = WS_WSA_FLAG_MULTIPOINT_D_LEAF, .needs = WS_XP1_SUPPORT_MULTIPOINT,
      .forbids = WS_XP1_MULTIPOINT_DATA_PLANE },
    { .flag = WS_WSA_FLAG_ACCESS_SYSTEM_SECURITY },
    { .flag = WS_WSA_FLAG_NO_HANDLE_INHERIT },
    { .flag = WS_WSA_FLAG_REGISTERED_IO },
};

int catalog_check_flags(const struct ws_catalog_entry *entry, uint32_t flags)
{
    uint32_t known = 0;

    /* The rules also keep a root and a leaf of one plane apart: no
     * provider can both have and lack that plane. */
    for (size_t i = 0; i < sizeof(flag_rules) / sizeof(flag_rules[0]); i++)
    {
        known |= flag_rules[i].flag;
        if (!(flags & flag_rules[i].flag)) continue;
        if ((entry->service_flags1 & flag_rules[i].needs) != flag_rules[i].needs) return WSAEINVAL;
        if (entry->service_flags1 & flag_rules[i].forbids) return WSAEINVAL;
    }
    return (flags & ~known) ? WSAEINVAL : 0;
}
