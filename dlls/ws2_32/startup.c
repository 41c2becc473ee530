/*
 * WSAStartup / WSACleanup (WS2_32.115, WS2_32.116) and the legacy
 * blocking-hook functions whose answers depend on the negotiated version.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "ws2_32_private.h"
#include "negotiate.h"

static CRITICAL_SECTION startup_lock;
static LONG startup_count;
static BOOL legacy_semantics;       /* some active startup asked for 1.x */

void ws_startup_init(void)
{
    InitializeCriticalSection(&startup_lock);
}

BOOL ws_is_started(void)
{
    return __atomic_load_n(&startup_count, __ATOMIC_ACQUIRE) > 0;
}

static void fill_wsadata(WSADATA *data, const struct ws_negotiated *negotiated)
{
    data->wVersion = negotiated->version;
    data->wHighVersion = negotiated->high_version;
    data->iMaxSockets = negotiated->max_sockets;
    data->iMaxUdpDg = negotiated->max_udp_dg;
    /* lpVendorInfo is left alone, as Windows does. */
    strcpy(data->szDescription, "WinSock 2.0");
    strcpy(data->szSystemStatus, "Running");
}

/***********************************************************************
 *      WSAStartup (WS2_32.115)
 */
int WINAPI WSAStartup(WORD version, WSADATA *data)
{
    struct ws_negotiated negotiated;
    BOOL data_ok;

    TRACE("version %#x, data %p\n", version, data);
    ws_negotiate_version(version, &negotiated);
    data_ok = ws_writable(data, sizeof(*data));
    /* Windows fills WSADATA even when refusing the version. */
    if (data_ok) fill_wsadata(data, &negotiated);
    if (negotiated.error || !data_ok)
    {
        SetLastError(WSANOTINITIALISED);
        return negotiated.error ? negotiated.error : WSAEFAULT;
    }
    /* Wine's socket objects must behave as ws2host needs (afd.c). */
    if (!ws_unix_init() || !ws_afd_check())
    {
        SetLastError(WSANOTINITIALISED);
        return WSASYSNOTREADY;
    }

    EnterCriticalSection(&startup_lock);
    if (negotiated.legacy) legacy_semantics = TRUE;
    __atomic_add_fetch(&startup_count, 1, __ATOMIC_RELEASE);
    LeaveCriticalSection(&startup_lock);

    TRACE("granted %#x\n", negotiated.version);
    SetLastError(0);
    return 0;
}

/***********************************************************************
 *      WSACleanup (WS2_32.116)
 */
int WINAPI WSACleanup(void)
{
    BOOL last;

    TRACE("\n");
    EnterCriticalSection(&startup_lock);
    if (!startup_count)
    {
        LeaveCriticalSection(&startup_lock);
        return ws_fail(WSANOTINITIALISED);
    }
    last = __atomic_sub_fetch(&startup_count, 1, __ATOMIC_RELEASE) == 0;
    if (last) legacy_semantics = FALSE;
    /* Closing under the lock keeps a racing WSAStartup from seeing sockets
     * that are about to disappear. */
    if (last) ws_close_all_sockets();
    LeaveCriticalSection(&startup_lock);

    SetLastError(0);
    return 0;
}

/***********************************************************************
 *      WSACancelBlockingCall (WS2_32.113)
 *
 * Blocking hooks are gone since Winsock 2: with a 2.x startup Windows
 * answers WSAEOPNOTSUPP, with a 1.x one WSAEINVAL (no call to cancel).
 */
int WINAPI WSACancelBlockingCall(void)
{
    if (!ws_is_started()) return ws_fail(WSANOTINITIALISED);
    return ws_fail(legacy_semantics ? WSAEINVAL : WSAEOPNOTSUPP);
}

/***********************************************************************
 *      WSAIsBlocking (WS2_32.114)
 */
BOOL WINAPI WSAIsBlocking(void)
{
    return FALSE;   /* no Winsock 1 blocking call can be in progress */
}

/***********************************************************************
 *      WSASetBlockingHook (WS2_32.109)
 */
FARPROC WINAPI WSASetBlockingHook(FARPROC hook)
{
    (void)hook;
    if (!ws_is_started()) SetLastError(WSANOTINITIALISED);
    else SetLastError(legacy_semantics ? WSAEINVAL : WSAEOPNOTSUPP);
    return NULL;
}

/***********************************************************************
 *      WSAUnhookBlockingHook (WS2_32.110)
 */
int WINAPI WSAUnhookBlockingHook(void)
{
    if (!ws_is_started()) return ws_fail(WSANOTINITIALISED);
    return ws_fail(legacy_semantics ? WSAEINVAL : WSAEOPNOTSUPP);
}
