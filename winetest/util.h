/*
 * Helpers shared by the conformance suites: connected pairs, child
 * processes, option reads.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_WINETEST_UTIL_H
#define WS2HOST_WINETEST_UTIL_H

#include "harness.h"

/* A TCP connection over 127.0.0.1: *client made by make_client (NULL:
 * socket()), *server accepted. FALSE (with a failed ok) if it cannot. */
BOOL tcp_pair(SOCKET (*make_client)(void), SOCKET *client, SOCKET *server);
/* A temporary file (not a socket), deleted when closed. */
HANDLE make_temp_file(void);
int socket_type(SOCKET s);              /* SO_TYPE, or -1 */
BOOL protocol_info(SOCKET s, WSAPROTOCOL_INFOW *info);
/* Starts this test program as a child running child entry `name` with
 * `args`; inherit says whether handles are inherited. */
BOOL start_child(const char *name, const char *args, BOOL inherit, STARTUPINFOA *startup,
                 PROCESS_INFORMATION *process);
/* Waits for a child and returns its exit code (or 0xdead on timeout). */
DWORD wait_child(PROCESS_INFORMATION *process);

/* Our Linux process under Wine (found by its command line), or -1. */
int find_unix_pid(void);
/* Open fds of that process (Wine only; -1 when they cannot be counted). */
int count_fds(int unix_pid);

/* Child entries, run when the program is started as `exe child NAME ...`. */
struct child_entry
{
    const char *name;
    int (*run)(int argc, char **argv);
};

#endif
