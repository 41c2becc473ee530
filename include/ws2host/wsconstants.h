/*
 * Windows constants (mstcpip.h, ws2ipdef.h) that MinGW-w64's headers lack, under
 * their Windows names, for ws2_32.dll and the conformance suites alike.
 * The values are in wsvalues.h.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_WSCONSTANTS_H
#define WS2HOST_WSCONSTANTS_H

#include "ws2host/wsvalues.h"

#ifndef TCP_KEEPALIVE
#define TCP_KEEPALIVE WS_TCP_KEEPALIVE
#endif
#ifndef TCP_KEEPCNT
#define TCP_KEEPCNT WS_TCP_KEEPCNT
#endif
#ifndef TCP_KEEPINTVL
#define TCP_KEEPINTVL WS_TCP_KEEPINTVL
#endif

#ifndef SIO_IDEAL_SEND_BACKLOG_QUERY
#define SIO_IDEAL_SEND_BACKLOG_QUERY WS_SIO_IDEAL_SEND_BACKLOG_QUERY
#endif

#endif /* WS2HOST_WSCONSTANTS_H */
