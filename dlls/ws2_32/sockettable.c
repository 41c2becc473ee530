/*
 * Per-handle socket state table.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Handles are multiples of 4, so handle / 4 indexes a two-level array:
 * a fixed directory of lazily allocated pages. Pages are never freed
 * while the process runs, so a reader never sees one disappear.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sockettable.h"

#ifdef _WIN32
#include <windows.h>
typedef SRWLOCK table_lock;
#define TABLE_LOCK_INIT SRWLOCK_INIT
#define lock_shared(l)     AcquireSRWLockShared(l)
#define unlock_shared(l)   ReleaseSRWLockShared(l)
#define lock_exclusive(l)  AcquireSRWLockExclusive(l)
#define unlock_exclusive(l) ReleaseSRWLockExclusive(l)
#else
#include <pthread.h>
typedef pthread_rwlock_t table_lock;
#define TABLE_LOCK_INIT PTHREAD_RWLOCK_INITIALIZER
#define lock_shared(l)     pthread_rwlock_rdlock(l)
#define unlock_shared(l)   pthread_rwlock_unlock(l)
#define lock_exclusive(l)  pthread_rwlock_wrlock(l)
#define unlock_exclusive(l) pthread_rwlock_unlock(l)
#endif

#define PAGE_ENTRIES 1024
#define DIRECTORY_PAGES 4096

struct table_slot
{
    int in_use;
    struct ws_socket_info info;
};

static struct table_slot *directory[DIRECTORY_PAGES];
static table_lock lock = TABLE_LOCK_INIT;
static size_t live_count;

static int split(uint64_t handle, size_t *page, size_t *slot)
{
    uint64_t index;

    if (!handle || (handle & 3) || handle > WS_SOCKET_TABLE_MAX_HANDLE) return -1;
    index = handle >> 2;
    *page = index / PAGE_ENTRIES;
    *slot = index % PAGE_ENTRIES;
    return 0;
}

int socket_table_insert(uint64_t handle, const struct ws_socket_info *info)
{
    size_t page, slot;
    struct table_slot *entry;

    if (split(handle, &page, &slot)) return -1;
    lock_exclusive(&lock);
    if (!directory[page] && !(directory[page] = calloc(PAGE_ENTRIES, sizeof(struct table_slot))))
    {
        unlock_exclusive(&lock);
        return -1;
    }
    entry = &directory[page][slot];
    if (!entry->in_use) live_count++;
    entry->in_use = 1;
    entry->info = *info;
    unlock_exclusive(&lock);
    return 0;
}

/* Every field of the state, for updates that change only some of them.
 * Bitmask fields are merged bit by bit: two calls that each set a
 * different bit of one field (SO_LINGER and SO_RCVBUF in kept, shutdown
 * of each direction) must both keep theirs. */
enum field_kind { whole_value, bitmask };
#define FIELD(name) { offsetof(struct ws_socket_info, name), sizeof(((struct ws_socket_info *)0)->name), whole_value }
#define BITS(name) { offsetof(struct ws_socket_info, name), sizeof(((struct ws_socket_info *)0)->name), bitmask }
static const struct { size_t offset, size; enum field_kind kind; } fields[] =
{
    FIELD(family), FIELD(type), FIELD(protocol), FIELD(catalog_id), FIELD(flags), FIELD(overlapped),
    FIELD(opentype), FIELD(adopted), FIELD(debug), FIELD(v6only), FIELD(nonblocking), FIELD(rcvtimeo),
    FIELD(sndtimeo), FIELD(address_use), FIELD(error), BITS(kept), FIELD(rcvbuf), FIELD(sndbuf),
    FIELD(linger), FIELD(multicast_if), BITS(shut_down), FIELD(connecting), FIELD(listening), FIELD(async_issued),
    FIELD(protection_level), FIELD(event_mask), FIELD(reusable), FIELD(send_path), BITS(recv_control), FIELD(send_pended), FIELD(duplicated),
    FIELD(wait_key), FIELD(peer_length), FIELD(peer), FIELD(connect_tick), FIELD(inode), FIELD(held_tick),
};
#undef FIELD
#undef BITS
_Static_assert(sizeof(fields) / sizeof(fields[0]) == 37, "a field of ws_socket_info is missing from fields[]");
_Static_assert(sizeof(struct ws_socket_info) == 33 * 4 + 28 + 3 * 8, "ws_socket_info has hidden padding");
_Static_assert(sizeof(((struct ws_socket_info *)0)->kept) == sizeof(uint32_t) &&
               sizeof(((struct ws_socket_info *)0)->shut_down) == sizeof(uint32_t) &&
               sizeof(((struct ws_socket_info *)0)->recv_control) == sizeof(uint32_t), "bitmask fields are 32 bits");

/* The bits the caller set and cleared, applied to what the entry holds now. */
static void merge_bits(char *entry_field, const char *old, const char *new)
{
    uint32_t before, after, current;

    memcpy(&before, old, sizeof(before));
    memcpy(&after, new, sizeof(after));
    memcpy(&current, entry_field, sizeof(current));
    current = (current | (after & ~before)) & ~(before & ~after);
    memcpy(entry_field, &current, sizeof(current));
}

int socket_table_update(uint64_t handle, const struct ws_socket_info *before, const struct ws_socket_info *after)
{
    size_t page, slot;
    struct table_slot *entry;
    int ret = -1;

    if (split(handle, &page, &slot)) return -1;
    lock_exclusive(&lock);
    entry = directory[page] ? &directory[page][slot] : NULL;
    if (entry && entry->in_use && entry->info.wait_key == before->wait_key)
    {
        for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        {
            const char *old = (const char *)before + fields[i].offset, *new = (const char *)after + fields[i].offset;

            char *current = (char *)&entry->info + fields[i].offset;

            if (!memcmp(old, new, fields[i].size)) continue;
            if (fields[i].kind == bitmask) merge_bits(current, old, new);
            else memcpy(current, new, fields[i].size);
        }
        ret = 0;
    }
    unlock_exclusive(&lock);
    return ret;
}

int socket_table_lookup(uint64_t handle, struct ws_socket_info *info)
{
    size_t page, slot;
    int ret = -1;

    if (split(handle, &page, &slot)) return -1;
    lock_shared(&lock);
    if (directory[page] && directory[page][slot].in_use)
    {
        *info = directory[page][slot].info;
        ret = 0;
    }
    unlock_shared(&lock);
    return ret;
}

int socket_table_remove(uint64_t handle, struct ws_socket_info *info)
{
    size_t page, slot;
    int ret = -1;

    if (split(handle, &page, &slot)) return -1;
    lock_exclusive(&lock);
    if (directory[page] && directory[page][slot].in_use)
    {
        if (info) *info = directory[page][slot].info;
        memset(&directory[page][slot], 0, sizeof(directory[page][slot]));
        live_count--;
        ret = 0;
    }
    unlock_exclusive(&lock);
    return ret;
}

size_t socket_table_drain(struct ws_socket_entry *entries, size_t max)
{
    size_t found = 0;

    lock_exclusive(&lock);
    for (size_t page = 0; page < DIRECTORY_PAGES && found < max && live_count; page++)
    {
        if (!directory[page]) continue;
        for (size_t slot = 0; slot < PAGE_ENTRIES && found < max; slot++)
        {
            struct table_slot *entry = &directory[page][slot];
            if (!entry->in_use) continue;
            entries[found].handle = ((uint64_t)page * PAGE_ENTRIES + slot) << 2;
            entries[found++].info = entry->info;
            memset(entry, 0, sizeof(*entry));
            live_count--;
        }
    }
    unlock_exclusive(&lock);
    return found;
}

size_t socket_table_count(void)
{
    size_t count;

    lock_shared(&lock);
    count = live_count;
    unlock_shared(&lock);
    return count;
}

size_t socket_table_unidentified(uint64_t *handles, size_t max)
{
    size_t count = 0;

    lock_shared(&lock);
    for (size_t page = 0; page < DIRECTORY_PAGES && count < max; page++)
    {
        if (!directory[page]) continue;
        for (size_t slot = 0; slot < PAGE_ENTRIES && count < max; slot++)
        {
            const struct table_slot *entry = &directory[page][slot];

            if (entry->in_use && !entry->info.adopted && !entry->info.inode)
                handles[count++] = ((uint64_t)page * PAGE_ENTRIES + slot) << 2;
        }
    }
    unlock_shared(&lock);
    return count;
}

int socket_table_has_origin(uint64_t inode, uint64_t except)
{
    int found = 0;

    lock_shared(&lock);
    for (size_t page = 0; page < DIRECTORY_PAGES && !found; page++)
    {
        if (!directory[page]) continue;
        for (size_t slot = 0; slot < PAGE_ENTRIES && !found; slot++)
        {
            const struct table_slot *entry = &directory[page][slot];
            uint64_t handle = ((uint64_t)page * PAGE_ENTRIES + slot) << 2;
            found = entry->in_use && !entry->info.adopted && entry->info.inode == inode && handle != except;
        }
    }
    unlock_shared(&lock);
    return found;
}
