/*
 * Host-native CUnit tests for the portable parts of ws2host: one suite
 * registration function per unit, and a checking helper for table-driven
 * tests.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_UNIT_TESTS_H
#define WS2HOST_UNIT_TESTS_H

#include <stdarg.h>
#include <stdio.h>

#include <CUnit/CUnit.h>

/* Each adds its suite to the registry; returns CUE_SUCCESS or the CUnit
 * error that stopped it. */
CU_ErrorCode register_maps_tests(void);
CU_ErrorCode register_unix_calls_tests(void);
CU_ErrorCode register_sockettable_tests(void);
CU_ErrorCode register_catalog_tests(void);
CU_ErrorCode register_negotiate_tests(void);
CU_ErrorCode register_address_tests(void);
CU_ErrorCode register_sockopt_tests(void);
CU_ErrorCode register_net_tests(void);
CU_ErrorCode register_addrtext_tests(void);
CU_ErrorCode register_addressuse_tests(void);

/* A CUnit assertion with a printf-style message, for loops over tables:
 * CU_ASSERT only shows the expression text, which is the same for every
 * row. The message is built only when the check fails, and also printed
 * to stderr so it shows next to the test that failed. */
static inline __attribute__((format(printf, 4, 5)))
void ut_check(int ok, const char *file, unsigned int line, const char *fmt, ...)
{
    char message[512];
    va_list ap;

    if (ok)
    {
        CU_assertImplementation(CU_TRUE, line, "ut_check", file, "", CU_FALSE);
        return;
    }
    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n    %s:%u: %s\n", file, line, message);
    CU_assertImplementation(CU_FALSE, line, message, file, "", CU_FALSE);
}

#define UT_CHECK(cond, ...) ut_check(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

#define UT_ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Open descriptors of this process (test_util.c), -1 without /proc. */
int ut_count_open_fds(void);
/* A socket as the unix side gets it from Wine's server: non-blocking,
 * close-on-exec. ws_family is Windows' AF_INET (2) or AF_INET6 (23),
 * type Linux' SOCK_*; -1 on failure. */
int ut_socket(int ws_family, int type);

#endif /* WS2HOST_UNIT_TESTS_H */
