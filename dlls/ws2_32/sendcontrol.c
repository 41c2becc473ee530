/*
 * WSASendMsg's control messages: the source address a datagram goes
 * from (IP_PKTINFO, IPV6_PKTINFO; Microsoft's WSASendMsg documentation:
 * "IP_PKTINFO/IPV6_PKTINFO: specifies the source IPv4/IPv6 address and
 * the interface") and its ECN codepoint (IP_ECN, IPV6_ECN). Wine 8's
 * send path carries none, so such a send goes direct on the fd
 * (wsabuf.c, dlls/ws2host/unix/net.c).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "ws2_32_private.h"

/* The messages a datagram may carry, per family: its source, and its ECN
 * codepoint (Microsoft's "Winsock explicit congestion notification": an
 * INT; the program may not send Congestion Encountered, 3: WSAEINVAL). */
enum send_message { source_message, ecn_message };

static const struct
{
    int family, level, type;
    enum send_message kind;
    size_t size, address_size;
} send_messages[] =
{
    { AF_INET,  IPPROTO_IP,   IP_PKTINFO,   source_message, sizeof(IN_PKTINFO),  sizeof(IN_ADDR) },
    { AF_INET6, IPPROTO_IPV6, IPV6_PKTINFO, source_message, sizeof(IN6_PKTINFO), sizeof(IN6_ADDR) },
    { AF_INET,  IPPROTO_IP,   IP_ECN,       ecn_message,    sizeof(INT),         0 },
    { AF_INET6, IPPROTO_IPV6, IPV6_ECN,     ecn_message,    sizeof(INT),         0 },
};

#define ECN_CONGESTION_ENCOUNTERED 3

static int take_message(const WSACMSGHDR *header, int family, struct ws2host_pktinfo *source)
{
    for (size_t i = 0; i < ARRAYSIZE(send_messages); i++)
    {
        const unsigned char *data = WSA_CMSG_DATA(header);
        ULONG ifindex;
        INT ecn;

        if (header->cmsg_level != send_messages[i].level || header->cmsg_type != send_messages[i].type)
            continue;
        /* An IPv4 message on an IPv6 socket is not Linux' to take either. */
        if (send_messages[i].family != family) return WSAEINVAL;
        if (header->cmsg_len < WSA_CMSG_LEN(send_messages[i].size)) return WSAEINVAL;
        if (send_messages[i].kind == ecn_message)
        {
            memcpy(&ecn, data, sizeof(ecn));
            if (ecn < 0 || ecn >= ECN_CONGESTION_ENCOUNTERED) return WSAEINVAL;
            source->ecn_family = family;
            source->ecn = ecn;
            return 0;
        }
        source->family = family;
        memset(source->address, 0, sizeof(source->address));
        memcpy(source->address, data, send_messages[i].address_size);
        memcpy(&ifindex, data + send_messages[i].address_size, sizeof(ifindex));
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
        if ((err = take_message(header, family, source))) return err;
        next += WSA_CMSGHDR_ALIGN(header->cmsg_len);
    }
    return 0;
}
