/*
 * WSAStartup's version negotiation.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Windows' answers (see winetest/startup.c): major 0 fails; 1.0 and 1.1
 * are granted, 1.x above is lowered to 1.1; 2.0-2.2 are granted, 2.x
 * above and any major of 3 or more get 2.2.
 */
#include "negotiate.h"

#define MAKE_VERSION(major, minor) ((uint16_t)((major) | ((minor) << 8)))

struct version_rule
{
    unsigned int major;         /* requested major this rule covers */
    unsigned int highest_minor; /* minors above are lowered to this */
};

static const struct version_rule rules[] =
{
    { 1, 1 },
    { 2, 2 },
};

void ws_negotiate_version(uint16_t requested, struct ws_negotiated *out)
{
    unsigned int major = requested & 0xff, minor = requested >> 8;

    out->high_version = WS_HIGHEST_VERSION;
    out->version = WS_HIGHEST_VERSION;
    out->error = major ? 0 : WSAVERNOTSUPPORTED;
    for (unsigned int i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
    {
        if (rules[i].major != major) continue;
        out->version = MAKE_VERSION(major, minor < rules[i].highest_minor ? minor : rules[i].highest_minor);
    }
    out->legacy = !out->error && (out->version & 0xff) == 1;
    out->max_sockets = out->legacy ? 32767 : 0;
    out->max_udp_dg = out->legacy ? 65467 : 0;
}
