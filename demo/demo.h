/*
 * ws2host demo: what the parts of the demo share.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_DEMO_H
#define WS2HOST_DEMO_H

#include <winsock2.h>
#include <windows.h>

/* Prints one result line; a bad one makes the demo exit nonzero. */
void expect(int good, const char *what);
/* The version resource's string `key` of a module, FALSE when it has none. */
BOOL version_string(HMODULE module, const char *key, char *out, DWORD size);
/* http.c: a winhttp client fetches a page from a server thread. */
void http_exchange(void);

#endif
