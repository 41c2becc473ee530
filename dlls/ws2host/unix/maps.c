/*
 * Windows <-> Linux constant tables.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <sys/socket.h>
#include <netinet/in.h>

#include "maps.h"
#include "wsvalues.h"

#define ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAP_OF(pairs) { pairs, ARRAY_COUNT(pairs) }

static const struct value_pair family_pairs[] =
{
    { WS_AF_UNSPEC, AF_UNSPEC },
    { WS_AF_UNIX,   AF_UNIX },
    { WS_AF_INET,   AF_INET },
    { WS_AF_INET6,  AF_INET6 },
};

static const struct value_pair type_pairs[] =
{
    { WS_SOCK_STREAM,    SOCK_STREAM },
    { WS_SOCK_DGRAM,     SOCK_DGRAM },
    { WS_SOCK_RAW,       SOCK_RAW },
    { WS_SOCK_RDM,       SOCK_RDM },
    { WS_SOCK_SEQPACKET, SOCK_SEQPACKET },
};

/* The IP protocol numbers are IANA's on both systems; listed so that an
 * unknown value is refused rather than passed through blindly. */
static const struct value_pair protocol_pairs[] =
{
    { WS_IPPROTO_IP,     IPPROTO_IP },
    { WS_IPPROTO_ICMP,   IPPROTO_ICMP },
    { WS_IPPROTO_IGMP,   IPPROTO_IGMP },
    { WS_IPPROTO_TCP,    IPPROTO_TCP },
    { WS_IPPROTO_UDP,    IPPROTO_UDP },
    { WS_IPPROTO_IPV6,   IPPROTO_IPV6 },
    { WS_IPPROTO_ICMPV6, IPPROTO_ICMPV6 },
    { WS_IPPROTO_RAW,    IPPROTO_RAW },
};

const struct value_map family_map = MAP_OF(family_pairs);
const struct value_map type_map = MAP_OF(type_pairs);
const struct value_map protocol_map = MAP_OF(protocol_pairs);

int map_to_linux(const struct value_map *map, int windows, int *out)
{
    for (unsigned int i = 0; i < map->count; i++)
    {
        if (map->pairs[i].windows == windows)
        {
            *out = map->pairs[i].linux_value;
            return 0;
        }
    }
    return -1;
}

int map_to_windows(const struct value_map *map, int linux_value, int *out)
{
    for (unsigned int i = 0; i < map->count; i++)
    {
        if (map->pairs[i].linux_value == linux_value)
        {
            *out = map->pairs[i].windows;
            return 0;
        }
    }
    return -1;
}
