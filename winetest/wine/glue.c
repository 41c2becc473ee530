/* Build glue for Wine's dlls/ws2_32/tests, compiled with them by
 * winetest/wine/build: the test list (as Wine's makedep would generate it)
 * and the selector that lets one process run one top-level test function.
 * Nothing here is Wine's: the test files themselves are compiled unchanged.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* Wine 10's windef.h leaves stdarg.h to its includer, as Wine's own files do. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <windef.h>
#include <winbase.h>
#include <wincon.h>

/* wine/test.h brings its main() and runner only with STANDALONE. */
#define STANDALONE
#include "wine/test.h"

extern void func_afd(void);
extern void func_protocol(void);
extern void func_sock(void);

const struct test winetest_testlist[] =
{
    { "afd", func_afd },
    { "protocol", func_protocol },
    { "sock", func_sock },
    { 0, 0 }
};

/* The generated selection header routes each call in START_TEST through
 * here: with WS2HOST_WINE_TEST unset every function runs, as in Wine. */
int ws2host_selected(const char *name)
{
    const char *only = getenv("WS2HOST_WINE_TEST");

    return !only || !*only || !strcmp(only, name);
}
