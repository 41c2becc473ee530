/*
 * The conformance suites, run one per process by the runner
 * (`ws2host-tests.exe NAME`) or all in one (`ws2host-tests.exe`), and the
 * helper processes some of them start (`ws2host-tests.exe child NAME`).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "harness.h"
#include "util.h"

void run_addrtext_tests(void);
void run_asyncdb_tests(void);
void run_attribute_tests(void);
void run_badinput_tests(void);
void run_catalog_tests(void);
void run_connend_tests(void);
void run_creation_tests(void);
void run_duplicate_tests(void);
void run_fdlimit_tests(void);
void run_getaddrinfo_tests(void);
void run_handles_tests(void);
void run_lifecycle_tests(void);
void run_loading_tests(void);
void run_opentype_tests(void);
void run_socketobject_tests(void);
void run_overlapped_tests(void);
void run_wsaioctl_tests(void);
void run_readiness_tests(void);
void run_resolver_tests(void);
void run_resources_tests(void);
void run_sendbuffer_tests(void);
void run_sockopt_tests(void);
void run_startup_tests(void);
void run_winhttp_tests(void);
void run_wsabuf_tests(void);

int child_duplicate(int argc, char **argv);
int child_startup_answer(int argc, char **argv);
int child_echo(int argc, char **argv);
int child_probe(int argc, char **argv);
int child_winhttp_get(int argc, char **argv);

const struct suite suites[] =
{
    { "loading", run_loading_tests },
    { "startup", run_startup_tests },
    { "catalog", run_catalog_tests },
    { "creation", run_creation_tests },
    { "opentype", run_opentype_tests },
    { "socketobject", run_socketobject_tests },
    { "overlapped", run_overlapped_tests },
    { "wsaioctl", run_wsaioctl_tests },
    { "readiness", run_readiness_tests },
    { "handles", run_handles_tests },
    { "attribute", run_attribute_tests },
    { "duplicate", run_duplicate_tests },
    { "lifecycle", run_lifecycle_tests },
    { "connend", run_connend_tests },
    { "sockopt", run_sockopt_tests },
    { "wsabuf", run_wsabuf_tests },
    { "sendbuffer", run_sendbuffer_tests },
    { "winhttp", run_winhttp_tests },
    { "resolver", run_resolver_tests },
    { "asyncdb", run_asyncdb_tests },
    { "addrtext", run_addrtext_tests },
    { "getaddrinfo", run_getaddrinfo_tests },
    { "badinput", run_badinput_tests },
    { "resources", run_resources_tests },
    { "fdlimit", run_fdlimit_tests },
    { NULL, NULL },
};

const struct child_entry child_entries[] =
{
    { "duplicate", child_duplicate },
    { "startup-answer", child_startup_answer },
    { "echo", child_echo },
    { "probe", child_probe },
    { "winhttp-get", child_winhttp_get },
    { NULL, NULL },
};
