/*
 * Pointer checks: Windows answers WSAEFAULT for buffers outside the valid
 * address space instead of crashing, and MinGW's GCC has no __try, so we
 * ask the memory manager before touching caller memory.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ws2_32_private.h"

#define READ_PROTECTIONS  (PAGE_READONLY | PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READ | \
                           PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)
#define WRITE_PROTECTIONS (PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READWRITE | \
                           PAGE_EXECUTE_WRITECOPY)

static BOOL range_has_protection(const void *ptr, SIZE_T size, DWORD wanted)
{
    const char *cur = ptr, *end;
    MEMORY_BASIC_INFORMATION mbi;

    if (!ptr) return FALSE;
    if (!size) return TRUE;
    end = cur + size;
    if (end < cur) return FALSE;    /* wraps around the address space */
    while (cur < end)
    {
        if (!VirtualQuery(cur, &mbi, sizeof(mbi))) return FALSE;
        if (mbi.State != MEM_COMMIT) return FALSE;
        if (mbi.Protect & (PAGE_GUARD | PAGE_NOACCESS)) return FALSE;
        if (!(mbi.Protect & wanted)) return FALSE;
        cur = (const char *)mbi.BaseAddress + mbi.RegionSize;
    }
    return TRUE;
}

BOOL ws_readable(const void *ptr, SIZE_T size)
{
    return range_has_protection(ptr, size, READ_PROTECTIONS);
}

BOOL ws_writable(void *ptr, SIZE_T size)
{
    return range_has_protection(ptr, size, WRITE_PROTECTIONS);
}

/* Windows' pages are 4 KiB: a string is checked once per page it touches. */
#define PAGE_MASK ((ULONG_PTR)0xfff)

/* A terminated string of `unit`-byte characters, all of it readable. */
static BOOL string_has_terminator(const void *ptr, SIZE_T unit)
{
    const char *p = ptr;

    if (!ptr) return FALSE;
    for (;; p += unit)
    {
        /* Check each page the string reaches (a character may straddle two). */
        if (p == ptr || (((ULONG_PTR)p + unit - 1) & ~PAGE_MASK) != (((ULONG_PTR)p - 1) & ~PAGE_MASK))
            if (!ws_readable(p, unit)) return FALSE;
        if (unit == 1 ? !*p : !*(const WCHAR *)p) return TRUE;
    }
}

BOOL ws_readable_string(const char *text)
{
    return string_has_terminator(text, 1);
}

BOOL ws_readable_wstring(const WCHAR *text)
{
    return string_has_terminator(text, sizeof(WCHAR));
}
