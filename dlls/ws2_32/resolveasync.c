/*
 * Asynchronous GetAddrInfoExW: GetAddrInfoExW with an OVERLAPPED,
 * GetAddrInfoExOverlappedResult (WS2_32.28), GetAddrInfoExCancel (27).
 *
 * A query runs the synchronous lookup on a thread-pool thread and then
 * completes the way Windows does (Wine's test_GetAddrInfoExW, run on
 * Windows): Internal holds WSAEINPROGRESS, then the result code; Pointer
 * holds the caller's result pointer's address; the event is set, or the
 * completion routine called with (error, 0, overlapped).
 *
 * A lookup cannot be interrupted, so GetAddrInfoExCancel completes the
 * query at once with WSA_E_CANCELLED and the lookup's answer, when it
 * comes, is dropped. Queries live in one list under one lock; the handle
 * a caller gets is a number, never reused, looked up in that list.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"

/* Exports no MinGW header declares; prototypes per Microsoft's documentation. */
int WINAPI GetAddrInfoExOverlappedResult(OVERLAPPED *overlapped);
int WINAPI GetAddrInfoExCancel(HANDLE *handle);

/* MinGW declares the routine type as a plain pointer; this is its form. */
typedef void (CALLBACK *completion_routine)(DWORD error, DWORD bytes, LPWSAOVERLAPPED overlapped);

struct query
{
    struct query *next;
    ULONG_PTR id;               /* what the caller's handle holds */
    BOOL completed;             /* completed or cancelled: the caller was told */
    WCHAR *name, *service;
    ADDRINFOEXW hints;
    BOOL has_hints;
    ADDRINFOEXW **result;
    OVERLAPPED *overlapped;
    LPLOOKUPSERVICE_COMPLETION_ROUTINE completion;
};

static SRWLOCK lock = SRWLOCK_INIT;
static struct query *queries;
static ULONG_PTR last_id;           /* under lock; handles are never reused */

static WCHAR *copy_string(const WCHAR *text)
{
    WCHAR *copy;
    size_t size;

    if (!text) return NULL;
    size = (wcslen(text) + 1) * sizeof(WCHAR);
    if ((copy = malloc(size))) memcpy(copy, text, size);
    return copy;
}

static void free_query(struct query *query)
{
    free(query->name);
    free(query->service);
    free(query);
}

/* Takes the query out of the list; FALSE when it was not there. */
static BOOL unlink_query(struct query *query)
{
    for (struct query **q = &queries; *q; q = &(*q)->next)
    {
        if (*q != query) continue;
        *q = query->next;
        return TRUE;
    }
    return FALSE;
}

/* Tells the caller, once, after the result and the code are in place:
 * the event (read before Internal was set) or the routine. Called
 * without the lock held. */
static void notify(HANDLE event, LPLOOKUPSERVICE_COMPLETION_ROUTINE completion, OVERLAPPED *overlapped, int error)
{
    if (event) SetEvent(event);
    if (completion) ((completion_routine)completion)(error, 0, (LPWSAOVERLAPPED)overlapped);
}

static void CALLBACK run_query(PTP_CALLBACK_INSTANCE instance, void *context)
{
    struct query *query = context;
    ADDRINFOEXW *chain = NULL;
    LPLOOKUPSERVICE_COMPLETION_ROUTINE completion = query->completion;
    OVERLAPPED *overlapped = query->overlapped;
    HANDLE event = NULL;
    BOOL mine;
    int error;

    (void)instance;
    error = GetAddrInfoExW(query->name, query->service, NS_ALL, NULL, query->has_hints ? &query->hints : NULL,
                           &chain, NULL, NULL, NULL, NULL);
    AcquireSRWLockExclusive(&lock);
    unlink_query(query);
    mine = !query->completed;
    if (mine)
    {
        /* The caller may free the OVERLAPPED once Internal changes: read
         * what is needed first, and publish the result before the code. */
        event = overlapped->hEvent;
        *query->result = chain;
        InterlockedExchangePointer((void **)&overlapped->Internal, (void *)(ULONG_PTR)error);
    }
    ReleaseSRWLockExclusive(&lock);

    if (mine) notify(event, completion, overlapped, error);
    else FreeAddrInfoExW(chain);     /* cancelled: nobody wants it */
    free_query(query);
}

/* Runs a callback on the thread pool, which holds a reference to this DLL
 * while it runs (FreeLibrary cannot unmap the code under it). */
BOOL ws_run_in_pool(PTP_SIMPLE_CALLBACK callback, void *context)
{
    TP_CALLBACK_ENVIRON environment;
    HMODULE self;
    BOOL ok;

    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                            (const WCHAR *)(void *)ws_run_in_pool, &self))
        return FALSE;
    InitializeThreadpoolEnvironment(&environment);
    SetThreadpoolCallbackLibrary(&environment, self);
    ok = TrySubmitThreadpoolCallback(callback, context, &environment);
    DestroyThreadpoolEnvironment(&environment);
    return ok;
}

int ws_getaddrinfoex_async(const WCHAR *name, const WCHAR *service, const ADDRINFOEXW *hints, ADDRINFOEXW **result,
                           OVERLAPPED *overlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE completion, HANDLE *handle)
{
    struct query *query;
    ULONG_PTR id;

    if (!ws_writable(overlapped, sizeof(*overlapped))) return WSAEFAULT;
    if (overlapped->hEvent && completion) return WSAEINVAL;
    if (handle && !ws_writable(handle, sizeof(*handle))) return WSAEFAULT;
    /* No name and no service is answered at once, as the synchronous
     * call would answer it, with the result cleared (protocol.c
     * test_GetAddrInfoExW): no completion follows. */
    *result = NULL;
    if (!name && !service) return WSAHOST_NOT_FOUND;
    if ((name && !ws_readable_wstring(name)) || (service && !ws_readable_wstring(service))) return WSAEFAULT;

    if (!(query = calloc(1, sizeof(*query)))) return WSA_NOT_ENOUGH_MEMORY;
    query->name = copy_string(name);
    query->service = copy_string(service);
    if ((name && !query->name) || (service && !query->service))
    {
        free_query(query);
        return WSA_NOT_ENOUGH_MEMORY;
    }
    if (hints)
    {
        query->hints.ai_flags = hints->ai_flags;
        query->hints.ai_family = hints->ai_family;
        query->hints.ai_socktype = hints->ai_socktype;
        query->hints.ai_protocol = hints->ai_protocol;
        query->has_hints = TRUE;
    }
    query->result = result;
    query->overlapped = overlapped;
    query->completion = completion;

    *result = NULL;
    overlapped->Internal = WSAEINPROGRESS;
    overlapped->Pointer = result;
    AcquireSRWLockExclusive(&lock);
    id = query->id = ++last_id;
    query->next = queries;
    queries = query;
    ReleaseSRWLockExclusive(&lock);

    if (!ws_run_in_pool(run_query, query))
    {
        AcquireSRWLockExclusive(&lock);
        unlink_query(query);
        ReleaseSRWLockExclusive(&lock);
        free_query(query);
        overlapped->Internal = WSA_NOT_ENOUGH_MEMORY;
        return WSA_NOT_ENOUGH_MEMORY;
    }
    /* The query may be over already: only its number is written. */
    if (handle) *handle = (HANDLE)id;
    TRACE("query %llu started\n", (ULONGLONG)id);
    return WSA_IO_PENDING;
}

/***********************************************************************
 *      GetAddrInfoExOverlappedResult (WS2_32.28)
 */
int WINAPI GetAddrInfoExOverlappedResult(OVERLAPPED *overlapped)
{
    TRACE("overlapped %p\n", overlapped);
    if (!overlapped) return WSAEINVAL;
    if (!ws_readable(overlapped, sizeof(*overlapped))) return WSAEFAULT;
    return (int)overlapped->Internal;
}

/***********************************************************************
 *      GetAddrInfoExCancel (WS2_32.27)
 */
int WINAPI GetAddrInfoExCancel(HANDLE *handle)
{
    OVERLAPPED *overlapped = NULL;
    LPLOOKUPSERVICE_COMPLETION_ROUTINE completion = NULL;
    struct query *found = NULL;
    HANDLE event = NULL;

    TRACE("handle %p\n", handle);
    if (!handle || !ws_readable(handle, sizeof(*handle))) return WSA_INVALID_HANDLE;
    AcquireSRWLockExclusive(&lock);
    for (struct query *q = queries; q; q = q->next)
    {
        if ((HANDLE)q->id != *handle || q->completed) continue;
        found = q;
        found->completed = TRUE;
        overlapped = found->overlapped;
        completion = found->completion;
        event = overlapped->hEvent;
        InterlockedExchangePointer((void **)&overlapped->Internal, (void *)(ULONG_PTR)WSA_E_CANCELLED);
        break;
    }
    ReleaseSRWLockExclusive(&lock);
    if (!found) return WSA_INVALID_HANDLE;

    /* The thread-pool callback still owns the query and frees it. */
    notify(event, completion, overlapped, WSA_E_CANCELLED);
    return 0;
}
