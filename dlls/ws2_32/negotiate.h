/*
 * WSAStartup's version negotiation, as data Windows reports for each
 * requested version. Portable C so the host tests can walk it.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_NEGOTIATE_H
#define WS2HOST_NEGOTIATE_H

#include <stdint.h>

#include "ws2host/wsvalues.h"

#define WS_HIGHEST_VERSION 0x0202       /* MAKEWORD(2, 2) */

struct ws_negotiated
{
    uint16_t version;       /* wVersion */
    uint16_t high_version;  /* wHighVersion */
    uint16_t max_sockets;   /* iMaxSockets */
    uint16_t max_udp_dg;    /* iMaxUdpDg */
    int legacy;             /* a 1.x version: 1.x blocking-hook semantics */
    int error;              /* 0 or WSAVERNOTSUPPORTED */
};

void ws_negotiate_version(uint16_t requested, struct ws_negotiated *out);

#endif
