/*
 * WSASendMsg's control messages: the source address a datagram goes
 * from (IP_PKTINFO, IPV6_PKTINFO; Microsoft's WSASendMsg documentation:
 * "IP_PKTINFO/IPV6_PKTINFO: specifies the source IPv4/IPv6 address and
 * the interface"). Wine 8's send path carries none, so such a send goes
 * direct on the fd (wsabuf.c, dlls/ws2host/unix/net.c).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "ws2_32_private.h"

/* The one kind of message per family, with its data's size. */
static const struct
{
    int family, level, type;
    size_t size, address_size;
} source_messages[] =
{
    { AF_INET,  IPPROTO_IP,   IP_PKTINFO,   sizeof(IN_PKTINFO),  sizeof(IN_ADDR) },
    { AF_INET6, IPPROTO_IPV6, IPV6_PKTINFO, sizeof(IN6_PKTINFO), sizeof(IN6_ADDR) },
};

static int take_source(const WSACMSGHDR *header, int family, struct ws2host_pktinfo *source)
{
    for (size_t i = 0; i < ARRAYSIZE(source_messages); i++)
    {
        const unsigned char *data = WSA_CMSG_DATA(header);
        ULONG ifindex;

        if (header->cmsg_level != source_messages[i].level || header->cmsg_type != source_messages[i].type)
            continue;
        /* An IPv4 source on an IPv6 socket is not Linux' to take either. */
        if (source_messages[i].family != family) return WSAEINVAL;
        if (header->cmsg_len < WSA_CMSG_LEN(source_messages[i].size)) return WSAEINVAL;
        memset(source, 0, sizeof(*source));
        source->family = family;
        memcpy(source->address, data, source_messages[i].address_size);
        memcpy(&ifindex, data + source_messages[i].address_size, sizeof(ifindex));
        source->ifindex = ifindex;
        return 0;
    }
    FIXME_ONCE("WSASendMsg control message level %d type %d is not supported\n", header->cmsg_level,
               header->cmsg_type);
    return WSAEOPNOTSUPP;
}

int ws_send_control_source(const WSABUF *control, int family, struct ws2host_pktinfo *source)
{
    const char *next = control->buf, *end;
    int err;

    memset(source, 0, sizeof(*source));
    if (!control->len) return 0;
    if (!ws_readable(control->buf, control->len)) return WSAEFAULT;
    end = control->buf + control->len;
    while (end - next >= (ptrdiff_t)sizeof(WSACMSGHDR))
    {
        const WSACMSGHDR *header = (const WSACMSGHDR *)next;

        if (header->cmsg_len < sizeof(WSACMSGHDR) || header->cmsg_len > (size_t)(end - next)) return WSAEINVAL;
        if ((err = take_source(header, family, source))) return err;
        next += WSA_CMSGHDR_ALIGN(header->cmsg_len);
    }
    return 0;
}
