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
    static CU_ErrorCode (*const registrations[])(void) =
    {
        register_maps_tests,
        register_unix_calls_tests,
        register_sockettable_tests,
        register_catalog_tests,
        register_negotiate_tests,
        register_address_tests,
        register_sockopt_tests,
        register_sockoptlist_tests,
        register_net_tests,
        register_addrtext_tests,
        register_addressuse_tests,
    };
    unsigned int failures;
    CU_ErrorCode err;

    if (CU_initialize_registry() != CUE_SUCCESS)
    {
        fprintf(stderr, "CU_initialize_registry: %s\n", CU_get_error_msg());
        return EXIT_FAILURE;
    }
    for (size_t i = 0; i < UT_ARRAY_COUNT(registrations); i++)
    {
        if ((err = registrations[i]()) != CUE_SUCCESS)
        {
            fprintf(stderr, "suite registration %zu failed: %s\n", i, CU_get_error_msg());
            CU_cleanup_registry();
            return EXIT_FAILURE;
        }
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
