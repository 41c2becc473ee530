/*
 * The rest of a non-blocking stream send, sent in the background
 * (heldsend.c).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_HELDSEND_H
#define WS2HOST_HELDSEND_H

#include <stdint.h>

struct msghdr;

/* Does any socket hold bytes? One atomic read. */
int held_any(void);
/* A non-blocking send on fd while its socket holds bytes: -1 when it
 * holds none (send as usual), 0 when msg joined them (all of it is
 * taken), WSAEWOULDBLOCK when they fill the send buffer already. */
int held_join(int fd, const struct msghdr *msg);
/* After a short non-blocking send: holds what msg still carries. */
unsigned int held_add(int fd, const struct msghdr *msg);
/* Waits until fd's socket holds nothing (0 at once when it holds none):
 * wait_for_socket's answers. */
unsigned int held_wait(int fd, uint64_t wait_key, int timeout_ms);
/* The fds the sending thread keeps for the process' life (0 or 1). */
int held_thread_fds(void);

#endif
