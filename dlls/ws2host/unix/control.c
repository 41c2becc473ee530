/*
 * WSARecvMsg's control messages: Linux' as Windows lays them out, one
 * table. Windows keeps apart what Linux gives under one flag: the TOS
 * byte (traffic class) is IP_TOS (IPV6_TCLASS) for IP_RECVTOS
 * (IPV6_RECVTCLASS) and its low two bits IP_ECN (IPV6_ECN, Microsoft's
 * "Winsock explicit congestion notification") for IP_RECVECN
 * (IPV6_RECVECN), so a row may depend on what the socket asked for.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE     /* struct in6_pktinfo */
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include "ws2host/unixlib.h"
#include "ws2host/wsvalues.h"
#include "unix_private.h"

/* Windows' WSACMSGHDR on 64-bit: data at 16, each message padded to 8. */
struct ws_cmsghdr
{
    uint64_t len;
    int32_t level;
    int32_t type;
};
#define WS_CMSG_ALIGN(length) (((length) + 7) & ~(size_t)7)
#define WS_CMSG_LEN(length) (sizeof(struct ws_cmsghdr) + (length))
#define WS_CMSG_SPACE(length) (sizeof(struct ws_cmsghdr) + WS_CMSG_ALIGN(length))

/* What a row writes: the Windows data, from Linux' and its length. */
typedef size_t (*convert)(const unsigned char *data, size_t length, unsigned char *out);

static size_t pktinfo4(const unsigned char *data, size_t length, unsigned char *out)
{
    struct in_pktinfo info;
    uint32_t ifindex;

    if (length < sizeof(info)) return 0;
    memcpy(&info, data, sizeof(info));
    ifindex = info.ipi_ifindex;
    memcpy(out, &info.ipi_addr, 4);             /* IN_PKTINFO: the destination, then the index */
    memcpy(out + 4, &ifindex, 4);
    return 8;
}

static size_t pktinfo6(const unsigned char *data, size_t length, unsigned char *out)
{
    struct in6_pktinfo info;
    uint32_t ifindex;

    if (length < sizeof(info)) return 0;
    memcpy(&info, data, sizeof(info));
    ifindex = info.ipi6_ifindex;
    memcpy(out, &info.ipi6_addr, 16);           /* IN6_PKTINFO */
    memcpy(out + 16, &ifindex, 4);
    return 20;
}

/* Linux gives IP_TOS as one byte, the others as an int; Windows an INT. */
static int32_t small_value(const unsigned char *data, size_t length)
{
    int value = 0;

    if (length == 1) return data[0];
    memcpy(&value, data, length < sizeof(value) ? length : sizeof(value));
    return value;
}

static size_t whole_int(const unsigned char *data, size_t length, unsigned char *out)
{
    int32_t value = small_value(data, length);

    memcpy(out, &value, sizeof(value));
    return sizeof(value);
}

#define ECN_MASK 0x3    /* the low two bits of the TOS byte (RFC 3168) */

static size_t ecn_bits(const unsigned char *data, size_t length, unsigned char *out)
{
    int32_t value = small_value(data, length) & ECN_MASK;

    memcpy(out, &value, sizeof(value));
    return sizeof(value);
}

static const struct
{
    int level, type;            /* Linux' message */
    uint32_t asked;             /* WS2HOST_RECV_* it needs; 0: always (its option is Linux' own) */
    int ws_level, ws_type;
    convert data;
} messages[] =
{
    { IPPROTO_IP,   IP_PKTINFO,    0,                   WS_IPPROTO_IP,   WS_IP_PKTINFO,   pktinfo4 },
    { IPPROTO_IP,   IP_TTL,        0,                   WS_IPPROTO_IP,   WS_IP_TTL,       whole_int },
    { IPPROTO_IP,   IP_TOS,        WS2HOST_RECV_TOS,    WS_IPPROTO_IP,   WS_IP_TOS,       whole_int },
    { IPPROTO_IP,   IP_TOS,        WS2HOST_RECV_ECN,    WS_IPPROTO_IP,   WS_IP_ECN,       ecn_bits },
    { IPPROTO_IPV6, IPV6_PKTINFO,  0,                   WS_IPPROTO_IPV6, WS_IPV6_PKTINFO, pktinfo6 },
    { IPPROTO_IPV6, IPV6_HOPLIMIT, 0,                   WS_IPPROTO_IPV6, WS_IPV6_HOPLIMIT, whole_int },
    { IPPROTO_IPV6, IPV6_TCLASS,   WS2HOST_RECV_TCLASS, WS_IPPROTO_IPV6, WS_IPV6_TCLASS,  whole_int },
    { IPPROTO_IPV6, IPV6_TCLASS,   WS2HOST_RECV_ECN6,   WS_IPPROTO_IPV6, WS_IPV6_ECN,     ecn_bits },
};

/* The Windows messages into `out` (room bytes); -1 when they do not fit. */
static ptrdiff_t convert_messages(struct msghdr *msg, uint32_t asked, unsigned char *out, size_t room)
{
    size_t used = 0;

    for (struct cmsghdr *header = CMSG_FIRSTHDR(msg); header; header = CMSG_NXTHDR(msg, header))
    {
        size_t length = header->cmsg_len - CMSG_LEN(0);

        for (size_t i = 0; i < sizeof(messages) / sizeof(messages[0]); i++)
        {
            unsigned char data[32];
            struct ws_cmsghdr ws;
            size_t size;

            if (messages[i].level != header->cmsg_level || messages[i].type != header->cmsg_type ||
                (messages[i].asked && !(asked & messages[i].asked)))
                continue;
            if (!(size = messages[i].data(CMSG_DATA(header), length, data))) continue;
            if (room - used < WS_CMSG_SPACE(size) || room < used) return -1;
            ws = (struct ws_cmsghdr){ .len = WS_CMSG_LEN(size), .level = messages[i].ws_level,
                                      .type = messages[i].ws_type };
            memset(out + used, 0, WS_CMSG_SPACE(size));
            memcpy(out + used, &ws, sizeof(ws));
            memcpy(out + used + sizeof(ws), data, size);
            used += WS_CMSG_SPACE(size);
        }
    }
    return (ptrdiff_t)used;
}

unsigned int unix_recvmsg(void *args)
{
    struct ws2host_recvmsg_params *params = args;
    union { struct cmsghdr align; unsigned char bytes[512]; } control;
    struct msghdr msg = { .msg_control = control.bytes };
    ptrdiff_t written;
    unsigned int err;

    params->control_truncated = 0;
    if ((err = unix_receive(&params->io, control.bytes, sizeof(control.bytes), &msg.msg_controllen)))
    {
        params->control_length = 0;
        return err;
    }
    written = convert_messages(&msg, params->asked, (unsigned char *)(uintptr_t)params->control,
                               params->control_length);
    params->control_truncated = written < 0;
    params->control_length = written < 0 ? 0 : (uint32_t)written;
    return 0;
}
