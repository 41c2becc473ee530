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

BOOL WINAPI WSAGetOverlappedResult(SOCKET s, WSAOVERLAPPED *overlapped, DWORD *transferred,
                                   BOOL wait, DWORD *flags)
{
    struct ws_call call;
    ULONG_PTR status;
    int err;

    TRACE("socket %#llx, overlapped %p, transferred %p, wait %d, flags %p\n", (ULONGLONG)s, overlapped,
          transferred, wait, flags);
    /* Success leaves the last error, as Wine's builtin does. */
    if ((err = ws_call_begin(&call, s, WS_CALL_REGISTERED | WS_CALL_KEEP_ERROR))) return ws_call_end_bool(&call, err);
    if (!ws_writable(overlapped, sizeof(*overlapped)) || !ws_writable(transferred, sizeof(*transferred)) ||
        (flags && !ws_writable(flags, sizeof(*flags))))
        return ws_call_end_bool(&call, WSAEFAULT);

    status = overlapped->Internal;
    if (status == (ULONG)WS_STATUS_PENDING)
    {
        if (!wait) return ws_call_end_bool(&call, WSA_IO_INCOMPLETE);
        WaitForSingleObject(overlapped->hEvent ? overlapped->hEvent : (HANDLE)s, INFINITE);
        status = overlapped->Internal;
    }
    *transferred = overlapped->InternalHigh;
    /* Programs pass no flags (sock.c test_TransmitFile, test_ip_pktinfo). */
    if (flags) *flags = overlapped->Offset;
    /* Windows' answer for the status (sock.c test_WSAGetOverlappedResult):
     * TRUE for any success, and since Windows 10 1809 its error as the
     * last error too; FALSE with the error else. */
    err = ws_overlapped_error((LONG)status);
    if ((LONG)status < 0) return ws_call_end_bool(&call, err);
    ws_call_end_bool(&call, 0);
    SetLastError(err);
    return TRUE;
}
