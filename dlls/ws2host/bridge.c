/*
 * ws2host.dll: the builtin-marked bridge module. It holds no code of its
 * own; Wine attaches ws2host.so to it because the file carries Wine's
 * builtin marker, and ws2_32.dll reaches the .so through its module base.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH) DisableThreadLibraryCalls(instance);
    return TRUE;
}
