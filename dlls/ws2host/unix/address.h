/*
 * Socket addresses between Windows layout and Linux layout.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_ADDRESS_H
#define WS2HOST_ADDRESS_H

#include <sys/socket.h>

/* 0, WSAEFAULT (too short for its family) or WSAEAFNOSUPPORT. */
unsigned int address_to_linux(const unsigned char *ws, unsigned int ws_length,
                              struct sockaddr_storage *out, socklen_t *out_length);
unsigned int address_to_windows(const struct sockaddr_storage *address, socklen_t length,
                                unsigned char *ws, unsigned int ws_size, int *ws_length);

#endif
