/*
 * The Linux side's entry points, one per enum ws2host_call value.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_UNIX_PRIVATE_H
#define WS2HOST_UNIX_PRIVATE_H

#include <stddef.h>
#include "ws2host/unixlib.h"

/* Each takes its params struct from ws2host/unixlib.h and returns 0 or a
 * WSA error code. */
unsigned int unix_abi_version(void *args);
unsigned int unix_fd_close(void *args);
unsigned int unix_fd_identify(void *args);
unsigned int unix_fds_from_handles(void *args);
/* fstat (and with details three getsockopt) of params->fd: a WSA error or 0. */
unsigned int identify_fd(struct ws2host_fd_identify_params *params);
unsigned int unix_fds_close(void *args);
unsigned int unix_sockopt(void *args);
unsigned int unix_getsockname(void *args);
unsigned int unix_getpeername(void *args);
unsigned int unix_send(void *args);
unsigned int unix_recv(void *args);
unsigned int unix_cancel(void *args);
unsigned int unix_readable(void *args);
unsigned int unix_poll(void *args);
unsigned int unix_disconnect(void *args);
unsigned int unix_first_listener(void *args);
unsigned int unix_send_at_once(void *args);
unsigned int unix_recvmsg(void *args);

/* net.c's receive, with room for Linux' control messages (or none). */
unsigned int unix_receive(struct ws2host_io_params *params, void *control, size_t control_size,
                          size_t *control_length);

unsigned int unix_held(void *args);
unsigned int unix_getaddrinfo(void *args);
unsigned int unix_gethostname(void *args);
unsigned int unix_linger(void *args);
unsigned int unix_getnameinfo(void *args);
unsigned int unix_getservice(void *args);

/* sockopt.c's table, for the tests that compare it with the PE side's. */
extern const unsigned int unix_sockopt_count;
void unix_sockopt_row(unsigned int i, int *ws_level, int *ws_option);

#endif
