/*
 * Which ws2_32 serves this process: Windows', Wine's builtin, or ws2host.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_IMPLEMENTATION_H
#define WS2HOST_IMPLEMENTATION_H

#include "harness.h"

enum implementation detect_implementation(void);
/* Wine's major version from ntdll's wine_get_version ("10.0" is 10); 0
 * off Wine. */
int detect_wine_major(void);
/* The module that holds `address`, or NULL. */
HMODULE module_of(const void *address);
/* The version resource's string `key` (e.g. "ProductName") of a module,
 * or FALSE when there is none. */
BOOL module_version_string(HMODULE module, const char *key, char *out, DWORD size);

#endif
