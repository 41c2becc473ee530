/*
 * Which ws2_32 serves this process, told from the version resource of the
 * module that holds `socket`: ws2host's names itself; Wine's builtin does
 * not; off Wine, ntdll has no wine_get_version.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "implementation.h"

HMODULE module_of(const void *address)
{
    HMODULE module = NULL;

    if (!GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                            GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, address, &module))
        return NULL;
    return module;
}

BOOL module_version_string(HMODULE module, const char *key, char *out, DWORD size)
{
    char path[MAX_PATH], query[128];
    struct { WORD language, codepage; } *translation;
    UINT length;
    DWORD ignored, info_size;
    char *value, *info;
    BOOL found = FALSE;

    if (!GetModuleFileNameA(module, path, sizeof(path))) return FALSE;
    if (!(info_size = GetFileVersionInfoSizeA(path, &ignored))) return FALSE;
    if (!(info = malloc(info_size))) return FALSE;
    if (GetFileVersionInfoA(path, 0, info_size, info) &&
        VerQueryValueA(info, "\\VarFileInfo\\Translation", (void **)&translation, &length) &&
        length >= sizeof(*translation))
    {
        snprintf(query, sizeof(query), "\\StringFileInfo\\%04x%04x\\%s",
                 translation->language, translation->codepage, key);
        if (VerQueryValueA(info, query, (void **)&value, &length) && length)
        {
            snprintf(out, size, "%s", value);
            found = TRUE;
        }
    }
    free(info);
    return found;
}

enum implementation detect_implementation(void)
{
    HMODULE ws2_32 = GetModuleHandleA("ws2_32.dll");
    char product[64];

    if (!GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version")) return impl_windows;
    if (ws2_32 && module_version_string(module_of((void *)GetProcAddress(ws2_32, "socket")),
                                        "ProductName", product, sizeof(product)) &&
        !strcmp(product, "ws2host"))
        return impl_ws2host;
    return impl_wine_builtin;
}

int detect_wine_major(void)
{
    const char *(__cdecl *get_version)(void);

    get_version = (void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version");
    return get_version ? atoi(get_version()) : 0;
}
