/*
 * From a SOCKET to our per-handle state and the Linux fd behind it.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The fd is fetched from Wine for every call (wine_server_handle_to_fd,
 * served from ntdll's fd cache), so it always belongs to the object the
 * handle names *now*. The state is keyed by handle value, and carries the
 * socket's inode. Calls answered from the state, or that must not touch
 * another object (closesocket, duplication, options, ioctls, select),
 * compare it with the fd's: a program that closed a socket with
 * CloseHandle and got the same value back for something else gets
 * WSAENOTSOCK. The data calls trust the state (see socket_from_handle).
 */
#include <string.h>

#include "ws2_32_private.h"
#include "catalog.h"

static int identify_fd(int fd, BOOL details, struct ws2host_fd_identify_params *id)
{
    id->fd = fd;
    id->details = details;
    return ws_unix_call(ws2host_call_fd_identify, id) ? -1 : 0;
}

/* A socket we did not create in this process (inherited from a parent,
 * duplicated into us, or re-created at the same handle value). */
static void adopt(SOCKET s, const struct ws2host_fd_identify_params *id, struct ws_socket_info *info)
{
    struct ws_selection selection;

    memset(info, 0, sizeof(*info));
    info->family = id->family;
    info->type = id->type;
    info->protocol = id->protocol;
    if (!catalog_select(id->family, id->type, id->protocol, 0, &selection))
        info->catalog_id = selection.entry->catalog_id;
    info->overlapped = 1;       /* socket()'s default; the creator's choice is not visible */
    info->adopted = 1;
    info->inode = id->inode;
    if (socket_table_insert(s, info)) WARN("cannot track socket %#llx\n", (ULONGLONG)s);
    TRACE("adopted %#llx: family %d, type %d, protocol %d\n", (ULONGLONG)s,
          info->family, info->type, info->protocol);
}

/* The fd Wine holds for the handle, and our state for it. With verify,
 * or without state, the fd's identity (fstat) is checked against the
 * state: the handle may have been closed with CloseHandle and its value
 * reused. Without verify, known state is trusted: for the data calls,
 * whose Linux call fails by itself on an fd that is not a socket
 * (ENOTSOCK), and for which one system call less per call matters
 * (docs/benchmarks.md). */
static int socket_from_handle(SOCKET s, struct ws_socket_info *info, int *fd_out, BOOL verify)
{
    struct ws2host_fd_identify_params id;
    unsigned int options;
    BOOL known;
    int fd;

    if (s == INVALID_SOCKET || !s || !ws_unix_init()) return WSAENOTSOCK;
    if (wine.handle_to_fd((HANDLE)s, 0, &fd, &options)) return WSAENOTSOCK;
    known = !socket_table_lookup(s, info);
    if (known && !verify)
    {
        if (fd_out) *fd_out = fd;
        else ws_unix_close_fd(fd);
        return 0;
    }
    /* With state for the handle, only the socket's identity is read;
     * family, type and protocol only to adopt. */
    if (identify_fd(fd, !known, &id) || !id.is_socket ||
        (known && info->inode != id.inode && identify_fd(fd, TRUE, &id)))
    {
        ws_unix_close_fd(fd);
        return WSAENOTSOCK;
    }
    /* No state, or state of another socket that had this handle value. */
    if (!known || info->inode != id.inode) adopt(s, &id, info);

    if (fd_out) *fd_out = fd;
    else ws_unix_close_fd(fd);
    return 0;
}

int ws_socket_from_handle(SOCKET s, struct ws_socket_info *info, int *fd_out)
{
    return socket_from_handle(s, info, fd_out, FALSE);
}

int ws_socket_verified(SOCKET s, struct ws_socket_info *info, int *fd_out)
{
    return socket_from_handle(s, info, fd_out, TRUE);
}

/* Threads blocked on the socket return WSAEINTR, as on Windows when the
 * socket is closed under them. */
void ws_cancel_waiters(uint64_t inode)
{
    struct ws2host_cancel_params cancel = { .inode = inode };

    ws_unix_call(ws2host_call_cancel, &cancel);
}

int ws_registered_socket(SOCKET s, struct ws_socket_info *info)
{
    int err;

    if ((err = ws_socket_verified(s, info, NULL))) return err;
    /* Adopted, and its socket is registered under another handle here. */
    if (info->adopted && socket_table_has_origin(info->inode, s)) return WSAENOTSOCK;
    return 0;
}

/* wine_server_fd_to_handle's failures: out of fds on our side or the
 * wineserver's (it cannot receive the fd: STATUS_INVALID_HANDLE, seen
 * with `ulimit -n` lowered) is Windows' WSAEMFILE. */
static const struct
{
    LONG status;
    int error;
}
wrap_errors[] =
{
    { (LONG)0xc000011f /* STATUS_TOO_MANY_OPENED_FILES */, WSAEMFILE },
    { (LONG)0xc0000008 /* STATUS_INVALID_HANDLE */,        WSAEMFILE },
    { (LONG)0xc0000017 /* STATUS_NO_MEMORY */,             WSAENOBUFS },
};

int ws_wrap_fd(int fd, DWORD extra_access, BOOL inherit, HANDLE *handle)
{
    /* What Windows grants on a socket handle (winetest/attribute.c). */
    DWORD access = FILE_GENERIC_READ | FILE_GENERIC_WRITE | WRITE_DAC | extra_access;
    LONG status = wine.fd_to_handle(fd, access, inherit ? OBJ_INHERIT_VALUE : 0, handle);

    /* The wineserver keeps its own copy of the fd. */
    ws_unix_close_fd(fd);
    if (!status) return 0;
    WARN("wine_server_fd_to_handle failed, status %#lx\n", status);
    for (size_t i = 0; i < ARRAYSIZE(wrap_errors); i++)
    {
        if (wrap_errors[i].status != status) continue;
        if (wrap_errors[i].error == WSAEMFILE) DIAG("out of file descriptors: raise `ulimit -n`\n");
        return wrap_errors[i].error;
    }
    return WSAENOBUFS;
}

/* The final WSACleanup destroys every socket; a handle value whose socket
 * was already closed with CloseHandle may now name something else, which
 * must be left alone. */
void ws_close_all_sockets(void)
{
    struct ws_socket_entry entries[64];
    size_t count;

    ws_bind_forget_all();
    while ((count = socket_table_drain(entries, ARRAYSIZE(entries))))
    {
        for (size_t i = 0; i < count; i++)
        {
            struct ws2host_fd_identify_params id;
            HANDLE handle = (HANDLE)(ULONG_PTR)entries[i].handle;
            unsigned int options;
            int fd;

            if (wine.handle_to_fd(handle, 0, &fd, &options)) continue;
            if (!identify_fd(fd, FALSE, &id) && id.is_socket && id.inode == entries[i].info.inode)
            {
                ws_cancel_waiters(id.inode);
                CloseHandle(handle);
            }
            ws_unix_close_fd(fd);
        }
    }
}
