/*
 * WSAGetLastError / WSASetLastError (WS2_32.111, WS2_32.112): the
 * thread's Win32 last error itself, as on Windows, not a copy of it.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ws2_32_private.h"

int WINAPI WSAGetLastError(void)
{
    return GetLastError();
}

void WINAPI WSASetLastError(int error)
{
    SetLastError(error);
}
