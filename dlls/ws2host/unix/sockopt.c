/*
 * Int-valued socket options whose Windows meaning is the Linux one, by
 * table. Options whose meanings differ (SO_REUSEADDR, timeouts, linger)
 * are not here: they need their own translation.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include "ws2host/unixlib.h"
#include "maps.h"
#include "unix_private.h"
#include "wsvalues.h"

enum access { read_write, read_only };

struct option_pair
{
    int ws_level, ws_option;
    int level, option;
    enum access access;
};

static const struct option_pair int_options[] =
{
    { WS_SOL_SOCKET,     WS_SO_ACCEPTCONN,       SOL_SOCKET,   SO_ACCEPTCONN, read_only },
    { WS_SOL_SOCKET,     WS_SO_BROADCAST,        SOL_SOCKET,   SO_BROADCAST, read_write },
    { WS_SOL_SOCKET,     WS_SO_DONTROUTE,        SOL_SOCKET,   SO_DONTROUTE, read_write },
    { WS_SOL_SOCKET,     WS_SO_ERROR,            SOL_SOCKET,   SO_ERROR, read_only },
    { WS_SOL_SOCKET,     WS_SO_KEEPALIVE,        SOL_SOCKET,   SO_KEEPALIVE, read_write },
    { WS_SOL_SOCKET,     WS_SO_OOBINLINE,        SOL_SOCKET,   SO_OOBINLINE, read_write },
    { WS_SOL_SOCKET,     WS_SO_RCVBUF,           SOL_SOCKET,   SO_RCVBUF, read_write },
    { WS_SOL_SOCKET,     WS_SO_SNDBUF,           SOL_SOCKET,   SO_SNDBUF, read_write },
    { WS_IPPROTO_TCP,    WS_TCP_NODELAY,         IPPROTO_TCP,  TCP_NODELAY, read_write },
    { WS_IPPROTO_IP,     WS_IP_TOS,              IPPROTO_IP,   IP_TOS, read_write },
    { WS_IPPROTO_IP,     WS_IP_TTL,              IPPROTO_IP,   IP_TTL, read_write },
    { WS_IPPROTO_IP,     WS_IP_MULTICAST_TTL,    IPPROTO_IP,   IP_MULTICAST_TTL, read_write },
    { WS_IPPROTO_IP,     WS_IP_MULTICAST_LOOP,   IPPROTO_IP,   IP_MULTICAST_LOOP, read_write },
    { WS_IPPROTO_IPV6,   WS_IPV6_UNICAST_HOPS,   IPPROTO_IPV6, IPV6_UNICAST_HOPS, read_write },
    { WS_IPPROTO_IPV6,   WS_IPV6_MULTICAST_HOPS, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, read_write },
    { WS_IPPROTO_IPV6,   WS_IPV6_MULTICAST_LOOP, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, read_write },
    { WS_IPPROTO_IPV6,   WS_IPV6_V6ONLY,         IPPROTO_IPV6, IPV6_V6ONLY, read_write },
};

static const struct option_pair *find_int_option(int ws_level, int ws_option)
{
    for (unsigned int i = 0; i < sizeof(int_options) / sizeof(int_options[0]); i++)
        if (int_options[i].ws_level == ws_level && int_options[i].ws_option == ws_option)
            return &int_options[i];
    return NULL;
}

unsigned int unix_sockopt(void *args)
{
    struct ws2host_sockopt_params *params = args;
    const struct option_pair *pair = find_int_option(params->level, params->option);
    socklen_t len = sizeof(params->value);
    int value;

    if (!pair) return WSAENOPROTOOPT;
    if (params->set == WS2HOST_SOCKOPT_PROBE) return 0;
    if (params->set)
    {
        if (pair->access == read_only) return WSAENOPROTOOPT;
        if (setsockopt(params->fd, pair->level, pair->option, &params->value, len) < 0)
            return wsa_error_from_errno(errno);
        return 0;
    }
    if (getsockopt(params->fd, pair->level, pair->option, &value, &len) < 0)
        return wsa_error_from_errno(errno);
    /* Linux reports pending errors as errno values: Windows wants WSA codes. */
    if (pair->option == SO_ERROR && pair->level == SOL_SOCKET) value = (int)wsa_error_from_errno(value);
    params->value = value;
    return 0;
}

unsigned int unix_linger(void *args)
{
    struct ws2host_linger_params *params = args;
    struct linger value;
    socklen_t len = sizeof(value);

    if (params->set)
    {
        value.l_onoff = params->onoff;
        value.l_linger = params->seconds;
        if (setsockopt(params->fd, SOL_SOCKET, SO_LINGER, &value, len) < 0) return wsa_error_from_errno(errno);
        return 0;
    }
    if (getsockopt(params->fd, SOL_SOCKET, SO_LINGER, &value, &len) < 0) return wsa_error_from_errno(errno);
    params->onoff = value.l_onoff;
    params->seconds = value.l_linger;
    return 0;
}
