/*
 * Helpers shared by the overlapped I/O suites (overlapped.c, extensions.c).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_WINETEST_OVERLAPPED_H
#define WS2HOST_WINETEST_OVERLAPPED_H

#include "harness.h"

/* Two UDP sockets on 127.0.0.1: a bound, b connected to a. */
BOOL udp_pair(SOCKET *a, SOCKET *b);
/* Waits up to a second for an OVERLAPPED's event. */
BOOL wait_overlapped(WSAOVERLAPPED *overlapped);
/* The function SIO_GET_EXTENSION_FUNCTION_POINTER gives for a GUID, or NULL. */
void *extension(SOCKET s, GUID guid);
void run_extension_tests(void);
void run_transmit_tests(void);

#endif
