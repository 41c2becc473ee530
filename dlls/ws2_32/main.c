/*
 * DllMain: process and thread bookkeeping for ws2_32.dll.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ws2_32_private.h"

void ws_startup_init(void);

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    switch (reason)
    {
    case DLL_PROCESS_ATTACH:
        (void)instance;
        ws_debug_init();
        ws_thread_init();
        ws_startup_init();
        break;
    case DLL_THREAD_DETACH:
        ws_thread_detach();
        break;
    case DLL_PROCESS_DETACH:
        /* At process exit (reserved != NULL) other threads are gone and
         * the kernel reclaims everything; only tidy up on FreeLibrary. */
        if (reserved) break;
        ws_thread_shutdown();
        ws_memcheck_shutdown();
        break;
    }
    return TRUE;
}
