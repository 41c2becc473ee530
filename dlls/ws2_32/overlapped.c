/*
 * WSAGetOverlappedResult (WS2_32.60): the outcome an OVERLAPPED holds.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Internal holds the NTSTATUS and InternalHigh the byte count, as
 * Windows keeps them; Offset carries the result flags of a receive.
 */
#include "ws2_32_private.h"

#define STATUS_PENDING_VALUE ((ULONG_PTR)WS_STATUS_PENDING)

static BOOL fail(int error)
{
    SetLastError(error);
    return FALSE;
}

BOOL WINAPI WSAGetOverlappedResult(SOCKET s, WSAOVERLAPPED *overlapped, DWORD *transferred,
                                   BOOL wait, DWORD *flags)
{
    struct ws_socket_info info;
    ULONG_PTR status;
    int err;

    TRACE("socket %#llx, overlapped %p, transferred %p, wait %d, flags %p\n", (ULONGLONG)s, overlapped,
          transferred, wait, flags);
    if (!ws_is_started()) return fail(WSANOTINITIALISED);
    if ((err = ws_registered_socket(s, &info))) return fail(err);
    if (!ws_writable(overlapped, sizeof(*overlapped)) || !ws_writable(transferred, sizeof(*transferred)) ||
        !ws_writable(flags, sizeof(*flags)))
        return fail(WSAEFAULT);

    status = overlapped->Internal;
    if (status == (ULONG)WS_STATUS_PENDING)
    {
        if (!wait) return fail(WSA_IO_INCOMPLETE);
        WaitForSingleObject(overlapped->hEvent ? overlapped->hEvent : (HANDLE)s, INFINITE);
        status = overlapped->Internal;
    }
    *transferred = overlapped->InternalHigh;
    *flags = overlapped->Offset;
    /* Windows' answer for the status (sock.c test_WSAGetOverlappedResult):
     * TRUE for any success, with its error; FALSE with the error else. */
    err = ws_overlapped_error((LONG)status);
    SetLastError(err);
    return (LONG)status >= 0;
}
