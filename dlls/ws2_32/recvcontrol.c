/*
 * WSARecvMsg's ECN messages (IP_ECN, IPV6_ECN; Microsoft's "Winsock
 * explicit congestion notification": level IPPROTO_IP or IPPROTO_IPV6,
 * the codepoint as an INT, on datagram sockets that set IP_RECVECN or
 * IPV6_RECVECN). Linux has no such message: it gives the whole TOS byte
 * (traffic class) under IP_RECVTOS (IPV6_RECVTCLASS), and Wine's
 * receive, which WSARecvMsg takes, delivers that as IP_TOS
 * (IPV6_TCLASS). So a completed receive's messages are made what the
 * socket asked for: the ECN bits alone where only ECN was asked for,
 * both messages where both were.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "ws2_32_private.h"

#define ECN_MASK 0x3    /* the low two bits of the TOS byte (RFC 3168) */

static const struct
{
    int level, delivered;       /* the message Wine delivers */
    uint32_t asked, ecn_asked;  /* WS_RECV_* of its own option and of ECN's */
    int ecn_type;
} ecn_sources[] =
{
    { IPPROTO_IP,   IP_TOS,      WS_RECV_TOS,    WS_RECV_ECN,  IP_ECN },
    { IPPROTO_IPV6, IPV6_TCLASS, WS_RECV_TCLASS, WS_RECV_ECN6, IPV6_ECN },
};

/* Appends an INT message if it fits in `room` bytes of control data. */
static BOOL append(WSABUF *control, ULONG room, int level, int type, INT value)
{
    WSACMSGHDR *header = (WSACMSGHDR *)(control->buf + control->len);

    if (room < control->len || room - control->len < WSA_CMSG_SPACE(sizeof(INT))) return FALSE;
    memset(header, 0, WSA_CMSG_SPACE(sizeof(INT)));
    header->cmsg_len = WSA_CMSG_LEN(sizeof(INT));
    header->cmsg_level = level;
    header->cmsg_type = type;
    memcpy(WSA_CMSG_DATA(header), &value, sizeof(value));
    control->len += WSA_CMSG_SPACE(sizeof(INT));
    return TRUE;
}

void ws_recv_control_ecn(WSABUF *control, ULONG room, DWORD *flags, uint32_t asked)
{
    struct { int level, type; INT value; } extra[ARRAYSIZE(ecn_sources)];
    size_t extras = 0;
    char *next = control->buf, *end = control->buf + control->len;

    if (!(asked & (WS_RECV_ECN | WS_RECV_ECN6)) || !control->buf) return;
    while (end - next >= (ptrdiff_t)sizeof(WSACMSGHDR))
    {
        WSACMSGHDR *header = (WSACMSGHDR *)next;
        INT value;

        if (header->cmsg_len < WSA_CMSG_LEN(0) || header->cmsg_len > (size_t)(end - next)) break;
        for (size_t i = 0; i < ARRAYSIZE(ecn_sources); i++)
        {
            if (header->cmsg_level != ecn_sources[i].level || header->cmsg_type != ecn_sources[i].delivered ||
                header->cmsg_len < WSA_CMSG_LEN(sizeof(INT)) || !(asked & ecn_sources[i].ecn_asked))
                continue;
            memcpy(&value, WSA_CMSG_DATA(header), sizeof(value));
            value &= ECN_MASK;
            if (!(asked & ecn_sources[i].asked))
            {
                /* Only ECN was asked for: this message becomes it. */
                header->cmsg_type = ecn_sources[i].ecn_type;
                memcpy(WSA_CMSG_DATA(header), &value, sizeof(value));
            }
            else if (extras < ARRAYSIZE(extra))
                extra[extras++] = (typeof(extra[0])){ ecn_sources[i].level, ecn_sources[i].ecn_type, value };
        }
        next += WSA_CMSGHDR_ALIGN(header->cmsg_len);
    }
    for (size_t i = 0; i < extras; i++)
        if (!append(control, room, extra[i].level, extra[i].type, extra[i].value)) *flags |= MSG_CTRUNC;
}
