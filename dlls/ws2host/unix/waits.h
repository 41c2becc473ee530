/*
 * Blocking on a socket that another thread may close.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_WAITS_H
#define WS2HOST_WAITS_H

#include <stdint.h>

/* Waits until fd has `events` (POLLIN, POLLOUT): 0 when it has,
 * WSAEWOULDBLOCK for timeout_ms 0 (a non-blocking socket), WSAETIMEDOUT
 * when timeout_ms > 0 passed, WSAEINTR when the socket was closed
 * (ws2host_call_cancel for its inode). timeout_ms < 0 waits for ever. */
unsigned int wait_for_socket(int fd, uint64_t wait_key, short events, int timeout_ms);
/* The same over many fds, each with the key it came through: 0 when any
 * has an event (their revents set), WSAETIMEDOUT, or WSAEINTR when a
 * cancel named one of the keys. */
struct pollfd;
unsigned int wait_for_any(struct pollfd *fds, unsigned int count, const uint64_t *keys, int timeout_ms);
/* Closes the calling thread's wait eventfd now rather than at its exit
 * (it is made again on the next wait). */
void wait_release_thread(void);

#endif
