/*
 * Runs every host unit test suite; the exit status is non-zero when any
 * assertion failed or CUnit itself reported an error.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include <CUnit/Basic.h>

#include "unit_tests.h"

int main(void)
{
    static CU_SuiteInfo suites[] =
    {
        { .pName = "maps", .pTests = maps_tests },
        { .pName = "unix calls", .pTests = unix_calls_tests },
        { .pName = "socket table", .pInitFunc = sockettable_suite_init, .pTests = sockettable_tests },
        { .pName = "catalog", .pTests = catalog_tests },
        { .pName = "negotiate", .pTests = negotiate_tests },
        { .pName = "address", .pTests = address_tests },
        { .pName = "sockopt", .pTests = sockopt_tests },
        { .pName = "sockoptlist", .pTests = sockoptlist_tests },
        { .pName = "net", .pInitFunc = net_suite_init, .pTests = net_tests },
        { .pName = "address text", .pTests = addrtext_tests },
        { .pName = "address use", .pTests = addressuse_tests },
        CU_SUITE_INFO_NULL,
    };
    unsigned int failures;
    CU_ErrorCode err;

    if (CU_initialize_registry() != CUE_SUCCESS)
    {
        fprintf(stderr, "CU_initialize_registry: %s\n", CU_get_error_msg());
        return EXIT_FAILURE;
    }
    if ((err = CU_register_suites(suites)) != CUE_SUCCESS)
    {
        fprintf(stderr, "suite registration failed: %s\n", CU_get_error_msg());
        CU_cleanup_registry();
        return EXIT_FAILURE;
    }

    CU_basic_set_mode(CU_BRM_VERBOSE);
    err = CU_basic_run_tests();
    /* Read the results before cleanup resets them. A suite whose init
     * failed runs no assertion, so count those too. */
    failures = CU_get_number_of_failures() + CU_get_number_of_suites_failed();
    if (err == CUE_SUCCESS) err = CU_get_error();
    CU_cleanup_registry();

    if (err != CUE_SUCCESS)
    {
        fprintf(stderr, "CUnit error %d\n", (int)err);
        return EXIT_FAILURE;
    }
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
