/*
 * Linux socket identification and closing. Wine's server creates the
 * sockets (with Windows' creation defaults); this side only looks at them.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ws2host/unixlib.h"
#include "maps.h"
#include "unix_private.h"
#include "wsvalues.h"

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
    return identify_fd(args);
}

unsigned int identify_fd(struct ws2host_fd_identify_params *params)
{
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
