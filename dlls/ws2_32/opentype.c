/*
 * SO_OPENTYPE (0x7008): the calling thread's default for the overlapped
 * attribute of sockets made by socket(). Not a socket option at all: the
 * handle argument is ignored (INVALID_SOCKET or a file handle work).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Windows compares optlen as an unsigned value, so -1 passes where 0, 1
 * and 2 give WSAEFAULT (winetest/creation.c test_opentype).
 */
#include "ws2_32_private.h"

int ws_get_opentype(char *optval, int *optlen)
{
    if (!ws_writable(optlen, sizeof(*optlen))) return WSAEFAULT;
    if ((unsigned int)*optlen < sizeof(int)) return WSAEFAULT;
    if (!ws_writable(optval, sizeof(int))) return WSAEFAULT;
    *(int *)optval = ws_thread_opentype();
    *optlen = sizeof(int);
    return 0;
}

int ws_set_opentype(const char *optval, int optlen)
{
    struct ws_thread *thread;

    if ((unsigned int)optlen < sizeof(int)) return WSAEFAULT;
    if (!ws_readable(optval, sizeof(int))) return WSAEFAULT;
    if (!(thread = ws_thread_get())) return WSAENOBUFS;
    thread->opentype = *(const int *)optval;
    TRACE("thread opentype now %#x\n", thread->opentype);
    return 0;
}
