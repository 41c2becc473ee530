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


static int duplicate(SOCKET s, DWORD pid, WSAPROTOCOL_INFOW *info, size_t info_size)
{
    const struct ws_catalog_entry *entry;
    struct ws_socket_info state;
    HANDLE process, target;
    int err;

    if (!ws_is_started()) return WSANOTINITIALISED;
    if ((err = ws_socket_verified(s, &state, NULL))) return err;
    if (!(process = OpenProcess(PROCESS_DUP_HANDLE, FALSE, pid))) return WSAEINVAL;
    if (!ws_writable(info, info_size))
    {
        CloseHandle(process);
        return WSAEFAULT;
    }
    if (!(entry = catalog_find_id(state.catalog_id)))
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
    int err;

    TRACE("socket %#llx, pid %lu, info %p\n", (ULONGLONG)s, pid, info);
    if ((err = duplicate(s, pid, info, sizeof(*info)))) return ws_fail(err);
    SetLastError(0);
    return 0;
}

/***********************************************************************
 *      WSADuplicateSocketA (WS2_32.45)
 */
int WINAPI WSADuplicateSocketA(SOCKET s, DWORD pid, WSAPROTOCOL_INFOA *info)
{
    WSAPROTOCOL_INFOW info_w;
    int err;

    TRACE("socket %#llx, pid %lu, info %p\n", (ULONGLONG)s, pid, info);
    if (info && !ws_writable(info, sizeof(*info))) info = NULL;
    if ((err = duplicate(s, pid, info ? &info_w : NULL, sizeof(info_w)))) return ws_fail(err);
    ws_protocol_info_a(&info_w, info);
    SetLastError(0);
    return 0;
}
