/*
 * Windows' rules for sharing a local TCP address, as Windows' own results
 * show them (the Windows-run tables in docs/addressuse.md):
 *  - an address is "taken" by a bound socket; a new bind conflicts with an
 *    entry of the same family and port when the addresses are equal, or
 *    when either side is an SO_EXCLUSIVEADDRUSE socket on the wildcard
 *    address (it claims every address of the port);
 *  - a conflict is allowed only when both sockets set SO_REUSEADDR;
 *  - otherwise the error is WSAEACCES when the newcomer asked to share
 *    or the holder is an exclusive wildcard, else WSAEADDRINUSE;
 *  - a dual-stack IPv6 socket also holds the IPv4 address it covers: its
 *    v4-mapped address, and for an exclusive socket on :: the IPv4
 *    wildcard too.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "addressuse.h"

struct bound_entry
{
    uint64_t handle, inode;
    int32_t family;
    uint16_t port;
    uint8_t address[16];
    int32_t use;
    int32_t exclusive_wildcard;
};

static struct bound_entry *entries;
static unsigned int entry_count, entry_capacity;

static unsigned int address_size(int32_t family)
{
    return family == WS_AF_INET6 ? 16 : 4;
}

static int is_wildcard(int32_t family, const uint8_t *address)
{
    static const uint8_t zero[16];

    return !memcmp(address, zero, address_size(family));
}

/* One address a bind holds: the family and address it was asked for,
 * or the IPv4 view of a dual-stack one. */
struct view
{
    int32_t family;
    uint8_t address[16];
};

static unsigned int views_of(const struct ws_bind_request *request, struct view views[2])
{
    static const uint8_t v4_mapped_prefix[12] = { 0,0,0,0, 0,0,0,0, 0,0,0xff,0xff };
    unsigned int count = 1;

    views[0].family = request->family;
    memcpy(views[0].address, request->address, sizeof(views[0].address));
    if (request->family != WS_AF_INET6 || !request->dual_stack) return count;

    memset(&views[1], 0, sizeof(views[1]));
    views[1].family = WS_AF_INET;
    if (!memcmp(request->address, v4_mapped_prefix, sizeof(v4_mapped_prefix)))
    {
        memcpy(views[1].address, request->address + 12, 4);
        count++;
    }
    else if (request->use == ws_use_exclusive && is_wildcard(WS_AF_INET6, request->address))
        count++;
    return count;
}

static int overlaps(const struct bound_entry *entry, const struct view *view, uint16_t port, int exclusive_wildcard)
{
    if (entry->family != view->family || entry->port != port) return 0;
    if (entry->exclusive_wildcard || exclusive_wildcard) return 1;
    return !memcmp(entry->address, view->address, address_size(view->family));
}

static void remove_at(unsigned int index)
{
    entries[index] = entries[--entry_count];
}

int address_use_check(uint64_t handle, const struct ws_bind_request *request, ws_bound_alive alive)
{
    struct view views[2];
    unsigned int count = views_of(request, views);

    if (!request->port) return 0;
    for (unsigned int v = 0; v < count; v++)
    {
        int exclusive_wildcard = request->use == ws_use_exclusive && is_wildcard(views[v].family, views[v].address);

        for (unsigned int i = 0; i < entry_count; i++)
        {
            const struct bound_entry *entry = &entries[i];

            if (entry->handle == handle || !overlaps(entry, &views[v], request->port, exclusive_wildcard)) continue;
            if (alive && !alive(entry->handle, entry->inode))
            {
                remove_at(i--);
                continue;
            }
            if (entry->use == ws_use_reuse && request->use == ws_use_reuse) continue;
            return request->use == ws_use_reuse || entry->exclusive_wildcard ? WS_ADDRESS_DENIED : WS_ADDRESS_IN_USE;
        }
    }
    return 0;
}

int address_use_add(uint64_t handle, uint64_t inode, const struct ws_bind_request *request)
{
    struct view views[2];
    unsigned int count = views_of(request, views);

    if (entry_count + count > entry_capacity)
    {
        unsigned int capacity = entry_capacity ? entry_capacity * 2 : 16;
        struct bound_entry *grown = realloc(entries, capacity * sizeof(*grown));

        if (!grown) return -1;
        entries = grown;
        entry_capacity = capacity;
    }
    for (unsigned int v = 0; v < count; v++)
    {
        struct bound_entry *entry = &entries[entry_count++];

        memset(entry, 0, sizeof(*entry));
        entry->handle = handle;
        entry->inode = inode;
        entry->family = views[v].family;
        entry->port = request->port;
        memcpy(entry->address, views[v].address, sizeof(entry->address));
        entry->use = request->use;
        entry->exclusive_wildcard = request->use == ws_use_exclusive && is_wildcard(views[v].family, views[v].address);
    }
    return 0;
}

void address_use_remove(uint64_t handle)
{
    for (unsigned int i = 0; i < entry_count; i++)
        if (entries[i].handle == handle) remove_at(i--);
}

void address_use_clear(void)
{
    free(entries);
    entries = NULL;
    entry_count = entry_capacity = 0;
}

unsigned int address_use_count(void)
{
    return entry_count;
}
