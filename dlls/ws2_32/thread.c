/*
 * Per-thread state: allocated on a thread's first need, freed when the
 * thread ends (DLL_THREAD_DETACH), so threads that never call us cost
 * nothing.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>

#include "ws2_32_private.h"

static DWORD tls_index = TLS_OUT_OF_INDEXES;

void ws_thread_init(void)
{
    tls_index = TlsAlloc();
}

struct ws_thread *ws_thread_get(void)
{
    struct ws_thread *thread;
    DWORD saved = GetLastError();   /* TlsGetValue resets the last error */

    if (tls_index == TLS_OUT_OF_INDEXES) return NULL;
    if (!(thread = TlsGetValue(tls_index)) && (thread = calloc(1, sizeof(*thread))))
        TlsSetValue(tls_index, thread);
    SetLastError(saved);
    return thread;
}

int ws_thread_opentype(void)
{
    struct ws_thread *thread;
    DWORD saved = GetLastError();

    thread = tls_index == TLS_OUT_OF_INDEXES ? NULL : TlsGetValue(tls_index);
    SetLastError(saved);
    return thread ? thread->opentype : 0;
}

void ws_thread_detach(void)
{
    struct ws_thread *thread;

    if (tls_index == TLS_OUT_OF_INDEXES) return;
    if ((thread = TlsGetValue(tls_index)) && thread->sync_event) CloseHandle(thread->sync_event);
    free(thread);
    TlsSetValue(tls_index, NULL);
}

void ws_thread_shutdown(void)
{
    ws_thread_detach();
    if (tls_index != TLS_OUT_OF_INDEXES) TlsFree(tls_index);
    tls_index = TLS_OUT_OF_INDEXES;
}
