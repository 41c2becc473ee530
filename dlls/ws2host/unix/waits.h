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
/* Closes the calling thread's wait eventfd now rather than at its exit
 * (it is made again on the next wait). */
void wait_release_thread(void);

#endif
