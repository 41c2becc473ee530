/*
 * Linux socket creation, identification and closing.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <unistd.h>

#include "ws2host/unixlib.h"
#include "maps.h"
#include "unix_private.h"
#include "wsvalues.h"

/* Options whose Windows default differs from Linux', set before the socket
 * is handed out so no caller can observe the Linux value. */
struct default_option
{
    int family, type;           /* 0: any */
    int level, option, value;
};

static const struct default_option windows_defaults[] =
{
    /* Windows lets a TCP socket bind a port whose old connections are in
     * TIME_WAIT; Linux needs SO_REUSEADDR for that. Windows' own sharing
     * rules are kept by the PE side (docs/addressuse.md). */
    { AF_INET,  SOCK_STREAM, SOL_SOCKET,   SO_REUSEADDR, 1 },
    { AF_INET6, SOCK_STREAM, SOL_SOCKET,   SO_REUSEADDR, 1 },
    /* IPV6_V6ONLY is 1 on Windows (Linux: the sysctl, 0). Linux refuses
     * the option on raw sockets, which carry no IPv4 anyway. */
    { AF_INET6, SOCK_STREAM, IPPROTO_IPV6, IPV6_V6ONLY, 1 },
    { AF_INET6, SOCK_DGRAM,  IPPROTO_IPV6, IPV6_V6ONLY, 1 },
    /* IP_DONTFRAGMENT is 0 on Windows' UDP and raw sockets (1 on TCP, as
     * Linux' path MTU discovery already does). */
    { AF_INET,  SOCK_DGRAM,  IPPROTO_IP,   IP_MTU_DISCOVER,   IP_PMTUDISC_DONT },
    { AF_INET,  SOCK_RAW,    IPPROTO_IP,   IP_MTU_DISCOVER,   IP_PMTUDISC_DONT },
    { AF_INET6, SOCK_DGRAM,  IPPROTO_IPV6, IPV6_MTU_DISCOVER, IPV6_PMTUDISC_DONT },
    { AF_INET6, SOCK_RAW,    IPPROTO_IPV6, IPV6_MTU_DISCOVER, IPV6_PMTUDISC_DONT },
};

static int apply_windows_defaults(int fd, int family, int type)
{
    for (unsigned int i = 0; i < sizeof(windows_defaults) / sizeof(windows_defaults[0]); i++)
    {
        const struct default_option *d = &windows_defaults[i];

        if ((d->family && d->family != family) || (d->type && d->type != type)) continue;
        if (setsockopt(fd, d->level, d->option, &d->value, sizeof(d->value)) < 0) return errno;
    }
    return 0;
}

unsigned int unix_socket_create(void *args)
{
    struct ws2host_socket_create_params *params = args;
    int family, type, protocol, fd, err;
    struct stat st;

    params->fd = -1;
    params->inode = 0;
    if (map_to_linux(&family_map, params->family, &family)) return WSAEAFNOSUPPORT;
    if (map_to_linux(&type_map, params->type, &type)) return WSAESOCKTNOSUPPORT;
    if (type == SOCK_RAW)
    {
        /* Any IP protocol number (IANA's on both systems). Linux refuses
         * protocol 0 for raw sockets; IPPROTO_RAW is the nearest. */
        if (params->protocol < 0 || params->protocol > 255) return WSAEPROTONOSUPPORT;
        protocol = params->protocol ? params->protocol : IPPROTO_RAW;
    }
    else if (map_to_linux(&protocol_map, params->protocol, &protocol)) return WSAEPROTONOSUPPORT;

    fd = socket(family, type | SOCK_CLOEXEC | SOCK_NONBLOCK, protocol);
    if (fd < 0) return wsa_error_from_errno(errno);

    if ((err = apply_windows_defaults(fd, family, type)) || (fstat(fd, &st) < 0 && (err = errno)))
    {
        close(fd);
        return wsa_error_from_errno(err);
    }
    params->fd = fd;
    params->inode = st.st_ino;
    return 0;
}

unsigned int unix_fd_close(void *args)
{
    struct ws2host_fd_close_params *params = args;

    /* Linux closes the fd even when close() reports EINTR: never retry. */
    if (close(params->fd) < 0 && errno != EINTR) return wsa_error_from_errno(errno);
    return 0;
}

static int get_int_option(int fd, int option, int *value)
{
    socklen_t len = sizeof(*value);
    return getsockopt(fd, SOL_SOCKET, option, value, &len);
}

unsigned int unix_fd_identify(void *args)
{
    struct ws2host_fd_identify_params *params = args;
    int family, type, protocol;
    struct stat st;

    params->is_socket = 0;
    params->inode = 0;
    params->family = params->type = params->protocol = 0;
    if (fstat(params->fd, &st) < 0) return wsa_error_from_errno(errno);
    params->inode = st.st_ino;
    if (!S_ISSOCK(st.st_mode)) return 0;

    params->is_socket = 1;
    if (!params->details) return 0;
    if (!get_int_option(params->fd, SO_DOMAIN, &family))
        map_to_windows(&family_map, family, &params->family);
    if (!get_int_option(params->fd, SO_TYPE, &type))
        map_to_windows(&type_map, type, &params->type);
    if (!get_int_option(params->fd, SO_PROTOCOL, &protocol))
        map_to_windows(&protocol_map, protocol, &params->protocol);
    return 0;
}
