/*
 * Windows constants (ws2ipdef.h, mstcpip.h) that MinGW-w64's headers
 * lack, for ws2_32.dll and the conformance suites alike.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_WSCONSTANTS_H
#define WS2HOST_WSCONSTANTS_H

#ifndef TCP_KEEPALIVE
#define TCP_KEEPALIVE 3         /* idle seconds before the first probe */
#endif
#ifndef TCP_KEEPCNT
#define TCP_KEEPCNT 16
#endif
#ifndef TCP_KEEPINTVL
#define TCP_KEEPINTVL 17
#endif
#ifndef IP_RECVTOS
#define IP_RECVTOS 40
#endif
#ifndef IPV6_RECVTCLASS
#define IPV6_RECVTCLASS 40
#endif

#endif /* WS2HOST_WSCONSTANTS_H */
