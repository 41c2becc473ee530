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
#include <stdlib.h>
#include <string.h>
#include <winternl.h>

#include "ws2_32_private.h"
#include "catalog.h"

static int identify_fd(int fd, BOOL details, struct ws2host_fd_identify_params *id)
{
    id->fd = fd;
    id->details = details;
    return ws_unix_call(ws2host_call_fd_identify, id) ? -1 : 0;
}

/* Registrations are told apart by a key of their own, so closing one
 * handle of a socket releases only the calls made through that handle. */
static LONG last_wait_key;

uint32_t ws_new_wait_key(void)
{
    uint32_t key;

    while (!(key = (uint32_t)__atomic_add_fetch(&last_wait_key, 1, __ATOMIC_RELAXED)));
    return key;
}

/* A socket we did not create in this process (inherited from a parent,
 * duplicated into us, or re-created at the same handle value). Its file
 * mode tells its overlapped attribute. */
static void adopt(SOCKET s, const struct ws2host_fd_identify_params *id, struct ws_socket_info *info)
{
    struct ws_selection selection;
    ULONG mode = 0;

    memset(info, 0, sizeof(*info));
    info->family = id->family;
    info->type = id->type;
    info->protocol = id->protocol;
    if (!catalog_select(id->family, id->type, id->protocol, 0, &selection))
        info->catalog_id = selection.entry->catalog_id;
    ws_afd_file_mode((HANDLE)s, &mode);
    info->overlapped = !mode;
    info->opentype = mode & 0x10 ? SO_SYNCHRONOUS_ALERT : mode ? SO_SYNCHRONOUS_NONALERT : 0;
    info->adopted = 1;
    info->inode = id->inode;
    info->wait_key = ws_new_wait_key();
    if (socket_table_insert(s, info)) WARN("cannot track socket %#llx\n", (ULONGLONG)s);
    TRACE("adopted %#llx: family %d, type %d, protocol %d, mode %#lx\n", (ULONGLONG)s,
          info->family, info->type, info->protocol, mode);
}

/* The fd Wine holds for the handle, and our state for it. With verify,
 * or without state, the fd's identity (fstat) is checked against the
 * state: the handle may have been closed with CloseHandle and its value
 * reused. A socket whose fd was never fetched has no inode yet: the
 * first verified call records it. Without verify, known state is
 * trusted: for the data calls, whose Linux call fails by itself on an fd
 * that is not a socket (ENOTSOCK), and for which one system call less
 * per call matters (docs/benchmarks.md). */
/* What a verified fetch learnt of the fd (its identity in id, with
 * details when there was no state): refused if it is no socket; else the
 * state records the inode, or is made anew for a socket it did not
 * describe. */
static int settle_identity(SOCKET s, struct ws_socket_info *info, BOOL known, int fd,
                           struct ws2host_fd_identify_params *id)
{
    if (!id->is_socket) return WSAENOTSOCK;
    if (known && info->inode && info->inode != id->inode && identify_fd(fd, TRUE, id)) return WSAENOTSOCK;
    if (known && !info->inode)
    {
        struct ws_socket_info identified = *info;

        identified.inode = id->inode;
        socket_table_update(s, info, &identified);
        *info = identified;
    }
    /* No state, or state of another socket that had this handle value. */
    else if (!known || info->inode != id->inode) adopt(s, id, info);
    return 0;
}

static int socket_from_handle(SOCKET s, struct ws_socket_info *info, int *fd_out, BOOL verify)
{
    struct ws2host_fd_identify_params id;
    unsigned int options;
    BOOL known;
    int fd;

    if (s == INVALID_SOCKET || !s || !ws_unix_init()) return WSAENOTSOCK;
    if (wine.handle_to_fd((HANDLE)s, 0, &fd, &options)) return WSAENOTSOCK;
    known = !socket_table_lookup(s, info);
    /* A connection's peer is read once, while Linux still names it. */
    if (known && !info->peer_length && info->connect_tick) ws_peer_learn(s, info, fd);
    if (known && !verify)
    {
        if (fd_out) *fd_out = fd;
        else ws_unix_close_fd(fd);
        return 0;
    }
    /* With state for the handle, only the socket's identity is read;
     * family, type and protocol only to adopt. */
    if (identify_fd(fd, !known, &id) || settle_identity(s, info, known, fd, &id))
    {
        ws_unix_close_fd(fd);
        return WSAENOTSOCK;
    }
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

/* ws_socket_verified for many sockets, their fds fetched and identified
 * on the unix side in one call. With `later`, sockets whose state knows
 * their inode are only fetched, and marked WS_CALL_UNVERIFIED for
 * ws_sockets_verify to check those that matter (select: the ready ones;
 * an idle socket is never reported, so its fstat can wait). On failure
 * none is held and *failed is the first refused; WSAEOPNOTSUPP when the
 * unix side cannot fetch. */
int ws_sockets_verified(struct ws_call *calls, unsigned int count, BOOL later, unsigned int *failed)
{
    struct ws2host_fds_from_handles_params params = { .count = count, .convention = ws_unix_convention() };
    struct ws2host_handle_fd local[16], *entries = local;
    int err = 0;

    *failed = 0;
    if (!ws_unix_init()) return WSAENOTSOCK;
    if (count > ARRAYSIZE(local) && !(entries = malloc(count * sizeof(*entries)))) return WSAENOBUFS;
    for (unsigned int i = 0; i < count; i++)
    {
        BOOL known = calls[i].s != INVALID_SOCKET && calls[i].s && !socket_table_lookup(calls[i].s, &calls[i].info);

        /* A handle without state is fetched too, and adopted if a socket. */
        entries[i].handle = calls[i].s == INVALID_SOCKET ? 0 : (ULONG_PTR)calls[i].s;
        entries[i].id.details = !known;
        entries[i].what = WS2HOST_FETCH;
        if (later && known && calls[i].info.inode) calls[i].flags |= WS_CALL_UNVERIFIED;
        else entries[i].what |= WS2HOST_IDENTIFY;
    }
    params.entries = (ULONG_PTR)entries;
    if ((err = ws_unix_call(ws2host_call_fds_from_handles, &params))) goto done;
    for (unsigned int i = 0; i < count; i++)
    {
        calls[i].fd = entries[i].id.fd;
        if (err) continue;
        if (calls[i].fd < 0 || ((entries[i].what & WS2HOST_IDENTIFY) &&
                                settle_identity(calls[i].s, &calls[i].info, !entries[i].id.details,
                                                calls[i].fd, &entries[i].id)))
        {
            err = WSAENOTSOCK;
            *failed = i;
        }
    }
    if (err) ws_fds_close(calls, count);
done:
    if (entries != local) free(entries);
    return err;
}

/* The identity check ws_sockets_verified left for later, for the frames
 * marked WS_CALL_UNVERIFIED whose `wanted` is set: one call; the first
 * that names no socket is WSAENOTSOCK and *failed. Fds stay held. */
int ws_sockets_verify(struct ws_call *calls, unsigned int count, const BOOL *wanted, unsigned int *failed)
{
    struct ws2host_fds_from_handles_params params = { .convention = ws_unix_convention() };
    struct ws2host_handle_fd local[16], *entries = local;
    unsigned int n = 0, *index, index_local[16];
    int err = 0;

    *failed = 0;
    for (unsigned int i = 0; i < count; i++)
        if ((calls[i].flags & WS_CALL_UNVERIFIED) && wanted[i]) n++;
    if (!n) return 0;
    index = index_local;
    if (n > ARRAYSIZE(local) &&
        (!(entries = malloc(n * sizeof(*entries))) || !(index = malloc(n * sizeof(*index)))))
    {
        free(entries == local ? NULL : entries);
        return WSAENOBUFS;
    }
    n = 0;
    for (unsigned int i = 0; i < count; i++)
    {
        if (!(calls[i].flags & WS_CALL_UNVERIFIED) || !wanted[i]) continue;
        memset(&entries[n], 0, sizeof(entries[n]));
        entries[n].id.fd = calls[i].fd;
        entries[n].what = WS2HOST_IDENTIFY;
        index[n++] = i;
    }
    params.entries = (ULONG_PTR)entries;
    params.count = n;
    if (!(err = ws_unix_call(ws2host_call_fds_from_handles, &params)))
    {
        for (unsigned int k = 0; k < n && !err; k++)
        {
            struct ws_call *call = &calls[index[k]];

            call->flags &= ~WS_CALL_UNVERIFIED;
            if (settle_identity(call->s, &call->info, TRUE, call->fd, &entries[k].id))
            {
                err = WSAENOTSOCK;
                *failed = index[k];
            }
        }
    }
    if (entries != local) free(entries);
    if (index != index_local) free(index);
    return err;
}

/* The fds of many frames back in one call. */
void ws_fds_close(struct ws_call *calls, unsigned int count)
{
    int32_t local[64], *fds = count <= ARRAYSIZE(local) ? local : malloc(count * sizeof(*fds));
    struct ws2host_fds_close_params params = { .fds = (ULONG_PTR)fds, .count = count };

    if (!count) return;
    if (!fds)
    {
        for (unsigned int i = 0; i < count; i++) ws_call_release(&calls[i]);
        return;
    }
    for (unsigned int i = 0; i < count; i++)
    {
        fds[i] = calls[i].fd;
        calls[i].fd = -1;
    }
    ws_unix_call(ws2host_call_fds_close, &params);
    if (fds != local) free(fds);
}

/* Threads blocked on the socket return WSAEINTR, as on Windows when the
 * socket is closed under them. */
void ws_cancel_waiters(uint32_t wait_key)
{
    struct ws2host_cancel_params cancel = { .wait_key = wait_key };

    ws_unix_call(ws2host_call_cancel, &cancel);
}

int ws_registered_socket(SOCKET s, struct ws_socket_info *info)
{
    int err;

    /* A socket this process made is trusted, as for the data calls:
     * programs on completion ports call WSAGetOverlappedResult after
     * every completion (Go does), and an fd fetch is a server request
     * for an accepted socket on Wine 8. */
    if (s != INVALID_SOCKET && s && !socket_table_lookup(s, info) && !info->adopted) return 0;
    if ((err = ws_socket_verified(s, info, NULL))) return err;
    if (!info->adopted) return 0;
    /* Adopted, and its socket is registered under another handle here?
     * Sockets whose inode is not known yet are identified first (rare:
     * only for a handle this process did not make itself). */
    if (!socket_table_has_origin(info->inode, s))
    {
        uint64_t handles[64];
        size_t count = socket_table_unidentified(handles, ARRAYSIZE(handles));
        struct ws_socket_info other;

        for (size_t i = 0; i < count; i++) ws_socket_verified((SOCKET)handles[i], &other, NULL);
    }
    if (socket_table_has_origin(info->inode, s)) return WSAENOTSOCK;
    return 0;
}

/* Windows ends a socket's pending operations when its last handle closes
 * (sock.c test_completion_port: closing one of two handles leaves an
 * AcceptEx pending, closing the other aborts it). Wine's server aborts
 * accepts and connects then, but ends receives and sends with its own
 * close status, so ws2host cancels them first. A socket no other handle
 * can name (neither duplicated nor adopted) is its last handle; for the
 * others the server counts the handles (one request). */
static BOOL is_last_handle(SOCKET s, const struct ws_socket_info *info)
{
    PUBLIC_OBJECT_BASIC_INFORMATION basic;

    if (!info->duplicated && !info->adopted) return TRUE;
    if (NtQueryObject((HANDLE)s, ObjectBasicInformation, &basic, sizeof(basic), NULL)) return TRUE;
    TRACE("socket %#llx: %lu handles\n", (ULONGLONG)s, basic.HandleCount);
    return basic.HandleCount <= 1;
}

/* Server calls in other threads (connect, accept) end as on Windows,
 * and the pending overlapped operations of the last handle with
 * WSA_OPERATION_ABORTED; a socket that never had one through this handle
 * and cannot have had one through another skips the round trip. */
void ws_cancel_before_close(SOCKET s, const struct ws_socket_info *info)
{
    if (ws_afd_waits_pending() ||
        ((info->async_issued || info->duplicated || info->adopted) && is_last_handle(s, info)))
        CancelIoEx((HANDLE)s, NULL);
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
            if (!identify_fd(fd, FALSE, &id) && id.is_socket &&
                (!entries[i].info.inode || id.inode == entries[i].info.inode))
            {
                ws_cancel_waiters(entries[i].info.wait_key);
                ws_cancel_before_close(entries[i].handle, &entries[i].info);
                CloseHandle(handle);
            }
            ws_unix_close_fd(fd);
        }
    }
}
