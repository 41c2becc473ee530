/*
 * The fds of many handles in one call, from Wine's fd cache in ntdll.so,
 * for the calls that look at many sockets at once (select, WSAPoll).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Fetched from the PE side, every socket costs a transition into ntdll's
 * unix side for its fd, then one into ours to identify it and one to
 * close it; here the fetch, the fstat and the close are plain calls.
 * ntdll.so is already loaded (it loaded us); it is found by its soname.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <unistd.h>

#include "ws2host/unixlib.h"
#include "unix_private.h"
#include "wsvalues.h"

/* ntdll.so's wine_server_handle_to_fd: an NTSTATUS, a dup of the cached
 * fd (or one the server sends) that the caller closes. Wine builds its
 * CDECL functions with Windows' calling convention, on the unix side too. */
typedef unsigned int (__attribute__((ms_abi)) *handle_to_fd_fn)(void *handle, unsigned int access, int *fd,
                                                                 unsigned int *options);

static handle_to_fd_fn handle_to_fd;
static pthread_once_t find_once = PTHREAD_ONCE_INIT;

static void find_handle_to_fd(void)
{
    void *ntdll = dlopen("ntdll.so", RTLD_NOW | RTLD_NOLOAD);

    if (ntdll) handle_to_fd = (handle_to_fd_fn)dlsym(ntdll, "wine_server_handle_to_fd");
}

unsigned int unix_fds_from_handles(void *args)
{
    struct ws2host_fds_from_handles_params *params = args;
    struct ws2host_handle_fd *entries = (struct ws2host_handle_fd *)(uintptr_t)params->entries;

    pthread_once(&find_once, find_handle_to_fd);
    if (!handle_to_fd) return WSAEOPNOTSUPP;
    for (uint32_t i = 0; i < params->count; i++)
    {
        struct ws2host_fd_identify_params *id = &entries[i].id;
        unsigned int options;
        int fd;

        id->fd = -1;
        id->is_socket = 0;
        if (handle_to_fd((void *)(uintptr_t)entries[i].handle, 0, &fd, &options)) continue;
        id->fd = fd;
        if (identify_fd(id)) id->is_socket = 0;
    }
    return 0;
}

unsigned int unix_fds_close(void *args)
{
    struct ws2host_fds_close_params *params = args;
    const int32_t *fds = (const int32_t *)(uintptr_t)params->fds;

    /* Linux closes the fd even when close() reports EINTR: never retry. */
    for (uint32_t i = 0; i < params->count; i++)
        if (fds[i] >= 0) close(fds[i]);
    return 0;
}
