/*
 * Windows' rules for sharing a local TCP address (SO_REUSEADDR,
 * SO_EXCLUSIVEADDRUSE), over the addresses this process's sockets have
 * bound. Portable C (no windows.h) so the host tests can run it; the
 * caller serialises calls. See docs/addressuse.md.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_ADDRESSUSE_H
#define WS2HOST_ADDRESSUSE_H

#include <stdint.h>

#include "ws2host/wsvalues.h"

enum ws_address_use
{
    ws_use_default = 0,         /* neither option */
    ws_use_reuse = 1,           /* SO_REUSEADDR */
    ws_use_exclusive = 2,       /* SO_EXCLUSIVEADDRUSE */
};

/* The verdicts, as Windows reports them. */
#define WS_ADDRESS_DENIED WSAEACCES
#define WS_ADDRESS_IN_USE WSAEADDRINUSE

struct ws_bind_request
{
    int32_t family;             /* WS_ADDRESS_FAMILY_* */
    uint16_t port;              /* network order; 0 is never checked */
    uint8_t address[16];        /* 4 bytes used for IPv4 */
    int32_t use;                /* enum ws_address_use */
    int32_t dual_stack;         /* IPv6 socket with IPV6_V6ONLY off */
};

/* Is the socket that registered an address still open? */
typedef int (*ws_bound_alive)(uint64_t handle, uint64_t inode);

/* 0 when Windows would let the socket `handle` bind the request, else
 * WS_ADDRESS_DENIED or WS_ADDRESS_IN_USE. The socket's own entries are
 * not in its way (binding twice is Linux' EINVAL to report); entries
 * whose socket is gone are dropped. */
int address_use_check(uint64_t handle, const struct ws_bind_request *request, ws_bound_alive alive);
/* Records a successful bind (with the port actually bound): 0, or -1
 * when out of memory. */
int address_use_add(uint64_t handle, uint64_t inode, const struct ws_bind_request *request);
void address_use_remove(uint64_t handle);
void address_use_clear(void);
unsigned int address_use_count(void);

#endif /* WS2HOST_ADDRESSUSE_H */
