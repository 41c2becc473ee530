/*
 * WSADuplicateSocketA/W (WS2_32.45/46): hand a socket to a process.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The socket handle is duplicated into the target process at once, and
 * the protocol info carries its value there (dwProviderReserved, marked
 * in dwServiceFlags4); WSASocket in the target turns it into a socket of
 * its own ws2host, once. Both handles name one Linux socket, so the
 * endpoint is shared and survives closesocket of the original.
 */
#include "ws2_32_private.h"
#include "catalog.h"


/* On a frame begun with WS_CALL_VERIFIED. */
static int duplicate(const struct ws_call *call, DWORD pid, WSAPROTOCOL_INFOW *info, size_t info_size)
{
    const struct ws_catalog_entry *entry;
    HANDLE process, target;
    SOCKET s = call->s;

    if (!(process = OpenProcess(PROCESS_DUP_HANDLE, FALSE, pid))) return WSAEINVAL;
    if (!ws_writable(info, info_size))
    {
        CloseHandle(process);
        return WSAEFAULT;
    }
    if (!(entry = catalog_find_id(call->info.catalog_id)))
    {
        CloseHandle(process);
        return WSAEINVAL;
    }
    if (!DuplicateHandle(GetCurrentProcess(), (HANDLE)s, process, &target, 0, FALSE, DUPLICATE_SAME_ACCESS))
    {
        WARN("DuplicateHandle into process %lu failed, error %lu\n", pid, GetLastError());
        CloseHandle(process);
        return WSAEINVAL;
    }
    CloseHandle(process);
    if (!call->info.duplicated)
    {
        struct ws_socket_info after = call->info;

        after.duplicated = 1;
        socket_table_update(s, &call->info, &after);
    }
    ws_protocol_info_w(entry, info);
    info->dwServiceFlags4 = DUPLICATE_MARK;
    info->dwProviderReserved = (DWORD)(ULONG_PTR)target;
    TRACE("socket %#llx is %p in process %lu\n", (ULONGLONG)s, target, pid);
    return 0;
}

/***********************************************************************
 *      WSADuplicateSocketW (WS2_32.46)
 */
int WINAPI WSADuplicateSocketW(SOCKET s, DWORD pid, WSAPROTOCOL_INFOW *info)
{
    struct ws_call call;
    int err;

    TRACE("socket %#llx, pid %lu, info %p\n", (ULONGLONG)s, pid, info);
    if (!(err = ws_call_begin(&call, s, WS_CALL_VERIFIED))) err = duplicate(&call, pid, info, sizeof(*info));
    return ws_call_end(&call, err);
}

/***********************************************************************
 *      WSADuplicateSocketA (WS2_32.45)
 */
int WINAPI WSADuplicateSocketA(SOCKET s, DWORD pid, WSAPROTOCOL_INFOA *info)
{
    WSAPROTOCOL_INFOW info_w;
    struct ws_call call;
    int err;

    TRACE("socket %#llx, pid %lu, info %p\n", (ULONGLONG)s, pid, info);
    if (info && !ws_writable(info, sizeof(*info))) info = NULL;
    if (!(err = ws_call_begin(&call, s, WS_CALL_VERIFIED)) &&
        !(err = duplicate(&call, pid, info ? &info_w : NULL, sizeof(info_w))))
        ws_protocol_info_a(&info_w, info);
    return ws_call_end(&call, err);
}
