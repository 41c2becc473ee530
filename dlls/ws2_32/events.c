/*
 * Event objects and small helpers: WSACreateEvent (WS2_32.44),
 * WSACloseEvent (WS2_32.40), __WSAFDIsSet (WS2_32.151), WEP (WS2_32.500).
 * WSASetEvent, WSAResetEvent and WSAWaitForMultipleEvents are forwarded
 * to kernel32 by the .def.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ws2_32_private.h"

/***********************************************************************
 *      WSACreateEvent (WS2_32.44)
 *
 * A manual-reset, initially unsignaled, unnamed event. On failure the
 * last error is the one CreateEvent left.
 */
WSAEVENT WINAPI WSACreateEvent(void)
{
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);

    TRACE("returning %p\n", event);
    if (!event) return WSA_INVALID_EVENT;
    return event;
}

/***********************************************************************
 *      WSACloseEvent (WS2_32.40)
 */
BOOL WINAPI WSACloseEvent(WSAEVENT event)
{
    TRACE("event %p\n", event);
    if (!CloseHandle(event))
    {
        SetLastError(WSA_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

/***********************************************************************
 *      __WSAFDIsSet (WS2_32.151)
 *
 * What FD_ISSET expands to. Programs may define a larger FD_SETSIZE than
 * ours, so the caller's fd_count is the only bound. A set that cannot be
 * read, count or entries, holds no socket (our choice, docs/lifecycle.md).
 */
int WINAPI __WSAFDIsSet(SOCKET s, fd_set *set)
{
    if (!set || !ws_readable(&set->fd_count, sizeof(set->fd_count))) return 0;
    if (!ws_readable(set->fd_array, (SIZE_T)set->fd_count * sizeof(set->fd_array[0]))) return 0;
    for (u_int i = 0; i < set->fd_count; i++)
        if (set->fd_array[i] == s) return 1;
    return 0;
}

/***********************************************************************
 *      WEP (WS2_32.500)
 *
 * The Windows Exit Procedure that 16-bit Windows called before unloading
 * a DLL. Winsock 1 DLLs had to export it and ws2_32 keeps the export for
 * compatibility, but nothing on Win32 calls it: DllMain does the cleanup.
 * It does nothing and returns 0.
 */
int WINAPI WEP(void)
{
    return 0;
}
