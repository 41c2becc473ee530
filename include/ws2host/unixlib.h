/*
 * ws2host: the one interface between the PE side (ws2_32.dll, built by
 * MinGW, LLP64) and the Linux side (ws2host.so, built by gcc, LP64).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rules:
 *  - every struct here uses fixed-width types only and has its size pinned
 *    by WS2HOST_ABI_SIZE, so both compilers must agree or the build fails;
 *  - pointers crossing the boundary are carried as uint64_t;
 *  - every call returns 0 on success or a Windows WSA error code (the errno
 *    to WSA mapping lives on the Linux side, where errno values exist);
 *  - socket arguments are Windows constant values (AF_INET6 is 23); the
 *    Linux side maps them with its tables;
 *  - an fd passed in is borrowed: the callee never closes it unless the
 *    call's name says so (ws2host_fd_close).
 */
#ifndef WS2HOST_UNIXLIB_H
#define WS2HOST_UNIXLIB_H

#include <stdint.h>

#define WS2HOST_ABI_SIZE(type, size) \
    _Static_assert(sizeof(type) == (size), "ABI size of " #type)

/* Bumped whenever a struct or the call list changes; checked at load. */
#define WS2HOST_ABI_VERSION 1

enum ws2host_call
{
    ws2host_call_abi_version,
    ws2host_call_socket_create,
    ws2host_call_fd_close,
    ws2host_call_fd_identify,
    ws2host_call_count
};

struct ws2host_abi_version_params
{
    uint32_t version;           /* out */
    uint32_t call_count;        /* out */
};
WS2HOST_ABI_SIZE(struct ws2host_abi_version_params, 8);

/* Creates a Linux socket for a validated Windows (family, type, protocol),
 * with SOCK_CLOEXEC and Windows' creation-time defaults applied. */
struct ws2host_socket_create_params
{
    int32_t family;             /* in: Windows AF_* */
    int32_t type;               /* in: Windows SOCK_* */
    int32_t protocol;           /* in: Windows IPPROTO_* */
    int32_t fd;                 /* out: the new fd, -1 on failure */
    uint64_t inode;             /* out: identity of the socket (sockfs inode) */
};
WS2HOST_ABI_SIZE(struct ws2host_socket_create_params, 24);

struct ws2host_fd_close_params
{
    int32_t fd;                 /* in: closed, whatever the result */
    int32_t reserved;
};
WS2HOST_ABI_SIZE(struct ws2host_fd_close_params, 8);

/* What the fd is: used to check that a handle still refers to the socket
 * our per-handle state describes, and to adopt inherited sockets. */
struct ws2host_fd_identify_params
{
    int32_t fd;                 /* in */
    int32_t is_socket;          /* out: 1 for a socket, 0 otherwise */
    uint64_t inode;             /* out */
    int32_t family;             /* out: Windows AF_*, 0 if unknown */
    int32_t type;               /* out: Windows SOCK_*, 0 if unknown */
    int32_t protocol;           /* out: Windows IPPROTO_* */
    int32_t reserved;
};
WS2HOST_ABI_SIZE(struct ws2host_fd_identify_params, 32);

#endif /* WS2HOST_UNIXLIB_H */
