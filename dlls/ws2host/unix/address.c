/*
 * Socket addresses between Windows layout and Linux layout. SOCKADDR_IN
 * and SOCKADDR_IN6 have the Linux layout byte for byte; only the family
 * value differs (AF_INET6 is 23 on Windows, 10 on Linux).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include "address.h"
#include "maps.h"
#include "wsvalues.h"

struct address_layout
{
    int ws_family;
    int family;
    unsigned int size;      /* the structure's full size on both systems */
};

static const struct address_layout layouts[] =
{
    { WS_AF_INET,  AF_INET,  sizeof(struct sockaddr_in) },
    { WS_AF_INET6, AF_INET6, sizeof(struct sockaddr_in6) },
};

static const struct address_layout *layout_of(int ws_family, int family)
{
    for (unsigned int i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
        if (layouts[i].ws_family == ws_family || layouts[i].family == family) return &layouts[i];
    return NULL;
}

static unsigned short family_field(const unsigned char *address)
{
    unsigned short family;

    memcpy(&family, address, sizeof(family));
    return family;
}

unsigned int address_to_linux(const unsigned char *ws, unsigned int ws_length,
                              struct sockaddr_storage *out, socklen_t *out_length)
{
    const struct address_layout *layout;
    unsigned short family;

    if (ws_length < sizeof(unsigned short)) return WSAEFAULT;
    if (!(layout = layout_of(family_field(ws), -1))) return WSAEAFNOSUPPORT;
    if (ws_length < layout->size) return WSAEFAULT;
    memset(out, 0, sizeof(*out));
    memcpy(out, ws, layout->size);
    family = (unsigned short)layout->family;
    memcpy(out, &family, sizeof(family));
    *out_length = layout->size;
    return 0;
}

unsigned int address_to_windows(const struct sockaddr_storage *address, socklen_t length,
                                unsigned char *ws, unsigned int ws_size, int *ws_length)
{
    const struct address_layout *layout = layout_of(-1, address->ss_family);
    unsigned short family;

    if (!layout || length < layout->size) return WSAEAFNOSUPPORT;
    if (ws_size < layout->size) return WSAEFAULT;
    memcpy(ws, address, layout->size);
    family = (unsigned short)layout->ws_family;
    memcpy(ws, &family, sizeof(family));
    *ws_length = layout->size;
    return 0;
}
