/*
 * The conformance suites, run one per process by the runner
 * (`ws2host-tests.exe NAME`) or all in one (`ws2host-tests.exe`).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "harness.h"

void run_loading_tests(void);
void run_startup_tests(void);
void run_handles_tests(void);

const struct suite suites[] =
{
    { "loading", run_loading_tests },
    { "startup", run_startup_tests },
    { "handles", run_handles_tests },
    { NULL, NULL },
};
