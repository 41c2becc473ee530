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
 * fd (or one the server sends) that the caller closes. Wine 8 builds its
 * CDECL functions with Windows' calling convention on the unix side too;
 * Wine 10 with Linux' (include/windef.h under WINE_UNIX_LIB). */
typedef unsigned int (*windows_handle_to_fd)(void *handle, unsigned int access, int *fd, unsigned int *options)
    __attribute__((ms_abi));
typedef unsigned int (*linux_handle_to_fd)(void *handle, unsigned int access, int *fd, unsigned int *options);

/* One pointer of each type: GCC 12 merges two calls through one pointer
 * cast to either type, losing the convention of one (measured). */
static windows_handle_to_fd windows_fetch;
static linux_handle_to_fd linux_fetch;
static pthread_once_t find_once = PTHREAD_ONCE_INIT;

static void find_handle_to_fd(void)
{
    void *ntdll = dlopen("ntdll.so", RTLD_NOW | RTLD_NOLOAD);
    void *found = ntdll ? dlsym(ntdll, "wine_server_handle_to_fd") : NULL;

    windows_fetch = (windows_handle_to_fd)found;
    linux_fetch = (linux_handle_to_fd)found;
}

static unsigned int fetch(uint32_t convention, uint64_t handle, int *fd)
{
    unsigned int options;

    if (convention == ws2host_convention_windows) return windows_fetch((void *)(uintptr_t)handle, 0, fd, &options);
    return linux_fetch((void *)(uintptr_t)handle, 0, fd, &options);
}

unsigned int unix_fds_from_handles(void *args)
{
    struct ws2host_fds_from_handles_params *params = args;
    struct ws2host_handle_fd *entries = (struct ws2host_handle_fd *)(uintptr_t)params->entries;

    if (params->convention != ws2host_convention_windows && params->convention != ws2host_convention_linux)
        return WSAEOPNOTSUPP;
    pthread_once(&find_once, find_handle_to_fd);
    if (!linux_fetch) return WSAEOPNOTSUPP;
    for (uint32_t i = 0; i < params->count; i++)
    {
        struct ws2host_fd_identify_params *id = &entries[i].id;
        int fd;

        if (entries[i].what & WS2HOST_FETCH)
        {
            id->fd = -1;
            id->is_socket = 0;
            if (fetch(params->convention, entries[i].handle, &fd)) continue;
            id->fd = fd;
        }
        if ((entries[i].what & WS2HOST_IDENTIFY) && identify_fd(id)) id->is_socket = 0;
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
