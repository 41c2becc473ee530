/*
 * Host-native CUnit tests for the portable parts of ws2host: one table
 * of tests per unit, and a checking helper for table-driven tests.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_UNIT_TESTS_H
#define WS2HOST_UNIT_TESTS_H

#include <stdarg.h>
#include <stdio.h>

#include <CUnit/CUnit.h>

/* Each file's tests, NULL-terminated; test_main.c registers them. */
extern CU_TestInfo maps_tests[];
extern CU_TestInfo unix_calls_tests[];
extern CU_TestInfo sockettable_tests[];
extern CU_TestInfo catalog_tests[];
extern CU_TestInfo negotiate_tests[];
extern CU_TestInfo address_tests[];
extern CU_TestInfo sockopt_tests[];
extern CU_TestInfo sockoptlist_tests[];
extern CU_TestInfo net_tests[];
extern CU_TestInfo addrtext_tests[];
extern CU_TestInfo addressuse_tests[];

/* Suite setup, for the suites that need it. */
int sockettable_suite_init(void);
int net_suite_init(void);

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
