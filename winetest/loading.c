/*
 * Loading: which ws2_32 serves the process, and whether the system DLLs
 * that import ws2_32 bind every import to a real export of the loaded
 * ws2_32 (Wine binds a missing import to a crashing stub rather than
 * refusing to load, so "it loaded" alone proves nothing).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "implementation.h"

static void test_module_serving_socket(void)
{
    HMODULE ws2_32 = GetModuleHandleA("ws2_32.dll");
    const char *expect = getenv("WS2HOST_EXPECT");
    char path[MAX_PATH] = "", product[64] = "(none)", version[64] = "(none)";
    HMODULE serving;

    ok(ws2_32 != NULL, "ws2_32.dll is not loaded\n");
    serving = module_of((void *)GetProcAddress(ws2_32, "socket"));
    ok(serving == ws2_32, "socket is served by %p, not ws2_32 at %p\n", serving, ws2_32);
    GetModuleFileNameA(serving, path, sizeof(path));
    module_version_string(serving, "ProductName", product, sizeof(product));
    module_version_string(serving, "ProductVersion", version, sizeof(version));
    trace("socket is served by %s: product %s, version %s\n", path, product, version);

    /* The runner says what it set up; this proves it took effect. */
    if (!expect || !*expect)
    {
        skip("WS2HOST_EXPECT not set: nothing to compare against\n");
        return;
    }
    ok(!strcmp(expect, harness_impl_name(harness_impl)),
       "expected ws2_32 implementation %s, running %s (%s)\n",
       expect, harness_impl_name(harness_impl), path);
}

static const IMAGE_IMPORT_DESCRIPTOR *find_import(HMODULE module, const char *dll)
{
    const BYTE *base = (const BYTE *)module;
    const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
    const IMAGE_DATA_DIRECTORY *dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
    const IMAGE_IMPORT_DESCRIPTOR *desc;

    if (!dir->VirtualAddress) return NULL;
    for (desc = (const IMAGE_IMPORT_DESCRIPTOR *)(base + dir->VirtualAddress); desc->Name; desc++)
        if (!_stricmp((const char *)base + desc->Name, dll)) return desc;
    return NULL;
}

/* Every ws2_32 import of `module` must hold exactly what GetProcAddress
 * gives for the same name or ordinal. Returns how many were checked. */
static int check_imports(const char *dll_name, HMODULE module, HMODULE ws2_32)
{
    const BYTE *base = (const BYTE *)module;
    const IMAGE_IMPORT_DESCRIPTOR *desc = find_import(module, "ws2_32.dll");
    const IMAGE_THUNK_DATA *names, *bound;
    int checked = 0;

    if (!desc) return 0;
    names = (const IMAGE_THUNK_DATA *)(base + (desc->OriginalFirstThunk ? desc->OriginalFirstThunk
                                                                        : desc->FirstThunk));
    bound = (const IMAGE_THUNK_DATA *)(base + desc->FirstThunk);
    for (; names->u1.AddressOfData; names++, bound++)
    {
        char label[80];
        FARPROC expected;

        if (IMAGE_SNAP_BY_ORDINAL(names->u1.Ordinal))
        {
            WORD ordinal = IMAGE_ORDINAL(names->u1.Ordinal);
            expected = GetProcAddress(ws2_32, (const char *)(ULONG_PTR)ordinal);
            snprintf(label, sizeof(label), "ordinal %u", ordinal);
        }
        else
        {
            const IMAGE_IMPORT_BY_NAME *by_name = (const IMAGE_IMPORT_BY_NAME *)(base + names->u1.AddressOfData);
            expected = GetProcAddress(ws2_32, (const char *)by_name->Name);
            snprintf(label, sizeof(label), "%s", (const char *)by_name->Name);
        }
        ok(expected != NULL, "%s imports %s, which ws2_32 does not export\n", dll_name, label);
        ok((FARPROC)(ULONG_PTR)bound->u1.Function == expected,
           "%s: import %s bound to %p, ws2_32 exports %p\n", dll_name, label,
           (void *)(ULONG_PTR)bound->u1.Function, (void *)expected);
        checked++;
    }
    return checked;
}

static void test_dependent_dlls(void)
{
    static const char *const dlls[] = { "mswsock.dll", "wsock32.dll", "wininet.dll", "winhttp.dll", "netapi32.dll" };
    HMODULE ws2_32 = GetModuleHandleA("ws2_32.dll");

    for (size_t i = 0; i < ARRAYSIZE(dlls); i++)
    {
        HMODULE module;
        int checked;

        SetLastError(0xdeadbeef);
        module = LoadLibraryA(dlls[i]);
        ok(module != NULL, "LoadLibrary(%s) failed, error %lu\n", dlls[i], GetLastError());
        if (!module) continue;
        ok(GetModuleHandleA("ws2_32.dll") == ws2_32, "%s brought in another ws2_32\n", dlls[i]);
        checked = check_imports(dlls[i], module, ws2_32);
        /* Windows' builds may delay-load ws2_32 or reach it through API
         * sets; Wine's import it directly, and that is what we check. */
        if (harness_impl != impl_windows)
            ok(checked > 0, "%s has no ws2_32 imports to check\n", dlls[i]);
        trace("%s: %d ws2_32 imports bound correctly\n", dlls[i], checked);
        FreeLibrary(module);
    }
}

void run_loading_tests(void)
{
    test_module_serving_socket();
    test_dependent_dlls();
}
