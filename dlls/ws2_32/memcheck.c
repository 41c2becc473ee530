/*
 * Pointer checks: Windows answers WSAEFAULT for buffers outside the valid
 * address space instead of crashing. MinGW's GCC has no __try, so each
 * page of a range is touched by a probe instruction, and a vectored
 * exception handler turns a fault at that instruction into "no".
 *
 * Why not VirtualQuery: under Wine every query takes the virtual memory
 * lock with signals blocked, two sigprocmask system calls, and a buffer
 * check is on every send and receive. A probe costs nothing when the
 * memory is there, which it almost always is.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ws2_32_private.h"

#define PROBE_STRIDE 4096   /* pages are never smaller */

/* Each probe returns 1 after touching the byte at its argument, or 0 when
 * the touch faulted: the handler moves execution to probe_failed. The
 * write probe adds zero with a locked instruction, so a value another
 * thread writes at the same moment is never lost. */
__asm__(
    ".text\n"
    ".p2align 4\n"
    "probe_read:\n"
    "probe_read_touch:\n"
    "    movb (%rcx), %al\n"
    "    movl $1, %eax\n"
    "    ret\n"
    "probe_write:\n"
    "probe_write_touch:\n"
    "    lock addb $0, (%rcx)\n"
    "    movl $1, %eax\n"
    "    ret\n"
    "probe_failed:\n"
    "    xorl %eax, %eax\n"
    "    ret\n");

int probe_read(const volatile void *address);
int probe_write(volatile void *address);
extern const char probe_read_touch[], probe_write_touch[], probe_failed[];

static PVOID handler_cookie;

static LONG CALLBACK probe_fault(EXCEPTION_POINTERS *exception)
{
    DWORD code = exception->ExceptionRecord->ExceptionCode;
    DWORD64 at = exception->ContextRecord->Rip;

    /* Unmapped or protected, a guard page, or a mapped file cut short. */
    if (code != EXCEPTION_ACCESS_VIOLATION && code != STATUS_GUARD_PAGE_VIOLATION && code != EXCEPTION_IN_PAGE_ERROR)
        return EXCEPTION_CONTINUE_SEARCH;
    if (at != (DWORD64)probe_read_touch && at != (DWORD64)probe_write_touch) return EXCEPTION_CONTINUE_SEARCH;
    exception->ContextRecord->Rip = (DWORD64)probe_failed;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static BOOL CALLBACK install_handler(INIT_ONCE *once, void *param, void **context)
{
    (void)once; (void)param; (void)context;
    handler_cookie = AddVectoredExceptionHandler(TRUE, probe_fault);
    return TRUE;
}

static BOOL range_probe(const char *start, SIZE_T size, BOOL write)
{
    static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
    const char *end = start + size, *page;

    if (!start) return FALSE;
    if (!size) return TRUE;
    if (end < start) return FALSE;     /* wraps around the address space */
    InitOnceExecuteOnce(&once, install_handler, NULL, NULL);
    if (!handler_cookie) return FALSE;
    /* The first byte, the first byte of every later page, the last byte. */
    for (page = start; page < end; page = (const char *)(((ULONG_PTR)page | (PROBE_STRIDE - 1)) + 1))
        if (!(write ? probe_write((volatile void *)page) : probe_read(page))) return FALSE;
    return write ? probe_write((volatile void *)(end - 1)) : probe_read(end - 1);
}

BOOL ws_readable(const void *ptr, SIZE_T size)
{
    return range_probe(ptr, size, FALSE);
}

BOOL ws_writable(void *ptr, SIZE_T size)
{
    return range_probe(ptr, size, TRUE);
}

void ws_memcheck_shutdown(void)
{
    if (handler_cookie) RemoveVectoredExceptionHandler(handler_cookie);
    handler_cookie = NULL;
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
