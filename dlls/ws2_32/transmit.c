/*
 * TransmitPackets, and what TransmitFile, TransmitPackets and
 * DisconnectEx do after their data: TF_DISCONNECT and TF_REUSE_SOCKET.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Wine has no TransmitPackets. The elements become one send through
 * Wine's socket device (IOCTL_AFD_WINE_SENDMSG, one buffer per element),
 * so the server keeps them in order with the socket's other sends, and
 * one completion carries the whole count, as Windows reports it
 * (Microsoft's LPFN_TRANSMITPACKETS). File elements are read first into
 * one staging block; with an OVERLAPPED the block lives until the
 * operation has ended, and is freed by a later call that sees it ended.
 */
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"
#include "ws2host/afd.h"

#define STATUS_PENDING_VALUE ((ULONG_PTR)0x103)
/* Linux takes at most this many buffers in one sendmsg (IOV_MAX). */
#define MAX_SEND_BUFFERS 1024

static void wait_ended(OVERLAPPED *overlapped);

/* TF_DISCONNECT: the sending side is shut once the data has gone (the
 * server defers its shutdown until its queued sends are done). With
 * TF_REUSE_SOCKET the handle may be given to AcceptEx afterwards
 * (Microsoft's TransmitFile, TransmitPackets and DisconnectEx), which
 * Wine's server allows, replacing the socket's fd. But Wine 8's server
 * never clears a socket object's shut-down and hung-up marks
 * (server/sock.c: only a new object starts without them) and never polls
 * a socket that has both, so the reused handle's receives would never
 * complete: the sending side is shut on the Linux fd alone, after the
 * transfer (still pending: waited for). */
/* Reuse works where ntdll does not cache a connected socket's fd. From
 * Wine 10 on (measured; 9 not measured) it does, and the cached fd of
 * the old connection stays under the handle after AcceptEx gave it a new
 * one: every later transfer, Wine's own included, would use the old
 * connection (Wine 10's builtin fails the same). */
int ws_check_reuse(struct ws_call *call, DWORD flags)
{
    const char *version = ws_wine_version();

    if (!(flags & TF_REUSE_SOCKET) || ws_wine_major() == 8) return 0;
    /* A socket with no connection gets Windows' answer for that first
     * (sock.c test_TransmitFile: WSAENOTCONN). */
    if (ws_call_need_fd(call) || !ws_fd_has_name(ws2host_call_getpeername, call->fd)) return WSAENOTCONN;
    FIXME_ONCE("TF_REUSE_SOCKET: Wine %s keeps the old connection's fd under a reused handle\n", version);
    return WSAEOPNOTSUPP;
}

int ws_transmit_disconnect(struct ws_call *call, DWORD flags, OVERLAPPED *pending)
{
    struct ws2host_disconnect_params params = { .send_side = 1 };
    struct ws_socket_info after = call->info;
    int how = SD_SEND, err;

    if (!(flags & (TF_DISCONNECT | TF_REUSE_SOCKET))) return 0;
    if (!(flags & TF_REUSE_SOCKET))
        err = ws_afd_call(call->s, WS_IOCTL_AFD_WINE_SHUTDOWN, &how, sizeof(how), NULL, 0);
    else if (!(err = ws_call_need_fd(call)))
    {
        if (pending) wait_ended(pending);
        params.fd = call->fd;
        err = ws_unix_call(ws2host_call_disconnect, &params);
    }
    if (err) return err;
    after.shut_down |= WS_SHUT_SEND;
    /* A socket to reuse has no peer any more. */
    if (flags & TF_REUSE_SOCKET)
    {
        after.reusable = 1;
        ws_peer_forget(&after);
    }
    socket_table_update(call->s, &call->info, &after);
    return 0;
}

/* Staging blocks of operations still pending, with their OVERLAPPED. */
struct staged
{
    struct staged *next;
    OVERLAPPED *overlapped;
    char *data;
};
static SRWLOCK staged_lock = SRWLOCK_INIT;
static struct staged *staged_list;

/* A program may free an OVERLAPPED once its operation has ended; an
 * unreadable one has ended too. */
static BOOL ended(OVERLAPPED *overlapped)
{
    return !ws_readable(overlapped, sizeof(*overlapped)) ||
           __atomic_load_n(&overlapped->Internal, __ATOMIC_ACQUIRE) != STATUS_PENDING_VALUE;
}

static void wait_ended(OVERLAPPED *overlapped)
{
    while (!ended(overlapped)) SleepEx(1, FALSE);
}

static void free_ended_staging(void)
{
    struct staged **link, *done = NULL, *entry;

    AcquireSRWLockExclusive(&staged_lock);
    for (link = &staged_list; (entry = *link);)
    {
        if (!ended(entry->overlapped))
        {
            link = &entry->next;
            continue;
        }
        *link = entry->next;
        entry->next = done;
        done = entry;
    }
    ReleaseSRWLockExclusive(&staged_lock);
    while ((entry = done))
    {
        done = entry->next;
        free(entry->data);
        free(entry);
    }
}

static int keep_staging(OVERLAPPED *overlapped, char *data)
{
    struct staged *entry = malloc(sizeof(*entry));

    if (!entry) return WSAENOBUFS;
    entry->overlapped = overlapped;
    entry->data = data;
    AcquireSRWLockExclusive(&staged_lock);
    entry->next = staged_list;
    staged_list = entry;
    ReleaseSRWLockExclusive(&staged_lock);
    return 0;
}

static BOOL is_file_element(const TRANSMIT_PACKETS_ELEMENT *element)
{
    /* TP_ELEMENT_FILE is the default (Microsoft's TRANSMIT_PACKETS_ELEMENT). */
    return !(element->dwElFlags & TP_ELEMENT_MEMORY);
}

/* Where a file element starts and how long it is: offset -1 is the file
 * pointer, length 0 the rest of the file. */
static int file_extent(const TRANSMIT_PACKETS_ELEMENT *element, LONGLONG *offset, DWORD *length)
{
    LARGE_INTEGER size, position = { .QuadPart = 0 };

    if (element->nFileOffset.QuadPart == -1)
    {
        if (!SetFilePointerEx(element->hFile, position, &position, FILE_CURRENT)) return WSAEINVAL;
        *offset = position.QuadPart;
    }
    else if (element->nFileOffset.QuadPart < 0) return WSAEINVAL;
    else *offset = element->nFileOffset.QuadPart;
    *length = element->cLength;
    if (*length) return 0;
    if (!GetFileSizeEx(element->hFile, &size)) return WSAEINVAL;
    *length = size.QuadPart > *offset ? (DWORD)min(size.QuadPart - *offset, (LONGLONG)MAXDWORD) : 0;
    return 0;
}

/* Reads a file element at its offset (files opened for overlapped I/O
 * too); the file pointer moves past what was read when it was used. */
static int read_element(const TRANSMIT_PACKETS_ELEMENT *element, LONGLONG offset, char *data, DWORD length,
                        DWORD *got)
{
    OVERLAPPED at = { .Offset = (DWORD)offset, .OffsetHigh = (DWORD)(offset >> 32) };
    LARGE_INTEGER end = { .QuadPart = offset };

    *got = 0;
    if (!length) return 0;
    if (!(at.hEvent = ws_thread_sync_event())) return WSAENOBUFS;
    if (!ReadFile(element->hFile, data, length, got, &at) &&
        (GetLastError() != ERROR_IO_PENDING || !GetOverlappedResult(element->hFile, &at, got, TRUE)) &&
        GetLastError() != ERROR_HANDLE_EOF)
        return GetLastError() == ERROR_INVALID_HANDLE ? WSAEINVAL : WSAEFAULT;
    end.QuadPart += *got;
    if (element->nFileOffset.QuadPart == -1) SetFilePointerEx(element->hFile, end, NULL, FILE_BEGIN);
    return 0;
}

struct packets
{
    WSABUF *buffers;
    DWORD count;
    char *staging;      /* the file data, or every byte when there are too many buffers */
};

/* The elements as buffers; file data (and all of it when the elements
 * are more than one sendmsg takes) copied into one staging block. */
static int gather(const TRANSMIT_PACKETS_ELEMENT *elements, DWORD count, struct packets *out)
{
    LONGLONG *offsets;
    DWORD *lengths, i, staged = 0, got;
    BOOL copy_all = count > MAX_SEND_BUFFERS;
    char *next;
    int err = 0;

    memset(out, 0, sizeof(*out));
    offsets = calloc(count ? count : 1, sizeof(*offsets));
    lengths = calloc(count ? count : 1, sizeof(*lengths));
    out->buffers = calloc(count ? count : 1, sizeof(*out->buffers));
    if (!offsets || !lengths || !out->buffers) err = WSAENOBUFS;
    for (i = 0; !err && i < count; i++)
    {
        if ((elements[i].dwElFlags & (TP_ELEMENT_MEMORY | TP_ELEMENT_FILE)) == (TP_ELEMENT_MEMORY | TP_ELEMENT_FILE))
            err = WSAEINVAL;
        else if (!is_file_element(&elements[i]))
        {
            lengths[i] = elements[i].cLength;
            if (lengths[i] && !ws_readable(elements[i].pBuffer, lengths[i])) err = WSAEFAULT;
            else if (copy_all && (staged += lengths[i]) < lengths[i]) err = WSAENOBUFS;
        }
        else if (!(err = file_extent(&elements[i], &offsets[i], &lengths[i])) && (staged += lengths[i]) < lengths[i])
            err = WSAENOBUFS;   /* more than 4 GiB to stage */
    }
    if (!err && staged && !(out->staging = malloc(staged))) err = WSAENOBUFS;
    next = out->staging;
    for (i = 0; !err && i < count; i++)
    {
        WSABUF *buffer = &out->buffers[copy_all ? 0 : out->count];

        if (!is_file_element(&elements[i]) && !copy_all)
        {
            buffer->buf = elements[i].pBuffer;
            buffer->len = lengths[i];
            out->count++;
            continue;
        }
        if (is_file_element(&elements[i]))
            err = read_element(&elements[i], offsets[i], next, lengths[i], &got);
        else memcpy(next, elements[i].pBuffer, got = lengths[i]);
        if (!buffer->buf) buffer->buf = next;
        buffer->len += got;
        if (!copy_all || !out->count) out->count++;
        next += got;
    }
    free(offsets);
    free(lengths);
    return err;
}

BOOL WINAPI ws_TransmitPackets(SOCKET s, TRANSMIT_PACKETS_ELEMENT *elements, DWORD count, DWORD send_size,
                                      OVERLAPPED *overlapped, DWORD flags)
{
    struct packets packets;
    struct ws_call call;
    DWORD sent = 0;
    int err;

    TRACE("socket %#llx, elements %p, count %lu, send size %lu, overlapped %p, flags %#lx\n", (ULONGLONG)s,
          elements, count, send_size, overlapped, flags);
    free_ended_staging();
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end_bool(&call, err);
    if ((count && !ws_readable(elements, (SIZE_T)count * sizeof(*elements))) ||
        (overlapped && !ws_writable(overlapped, sizeof(*overlapped))))
        return ws_call_end_bool(&call, WSAEFAULT);
    /* A disconnect needs a connection (Microsoft's LPFN_TRANSMITPACKETS). */
    if ((flags & (TF_DISCONNECT | TF_REUSE_SOCKET)) && call.info.type != SOCK_STREAM)
        return ws_call_end_bool(&call, WSAENOTCONN);
    if ((err = ws_check_reuse(&call, flags))) return ws_call_end_bool(&call, err);
    /* Each datagram is one send: elements of several datagrams would need
     * several operations behind one OVERLAPPED. */
    if (call.info.type != SOCK_STREAM)
        for (DWORD i = 0; i + 1 < count; i++)
            if (elements[i].dwElFlags & TP_ELEMENT_EOP)
            {
                FIXME_ONCE("TransmitPackets: several datagrams in one call\n");
                return ws_call_end_bool(&call, WSAEOPNOTSUPP);
            }
    if ((err = gather(elements, count, &packets)))
    {
        free(packets.buffers);
        free(packets.staging);
        return ws_call_end_bool(&call, err);
    }
    err = ws_wine_send(s, packets.buffers, packets.count, &sent, 0, NULL, 0, overlapped, NULL);
    free(packets.buffers);
    if (err == WSA_IO_PENDING && packets.staging && keep_staging(overlapped, packets.staging))
    {
        /* Out of memory for the note: wait, so the block can go. */
        WSAGetOverlappedResult(s, overlapped, &sent, TRUE, NULL);
        err = ws_overlapped_error((LONG)overlapped->Internal);
    }
    else if (err != WSA_IO_PENDING) free(packets.staging);
    /* Wine's send on a stream socket without a connection fails as reset:
     * Windows says not connected (as sock.c test_TransmitFile). */
    if (err && err != WSA_IO_PENDING && call.info.type == SOCK_STREAM && !ws_call_need_fd(&call) &&
        !ws_fd_has_name(ws2host_call_getpeername, call.fd))
        err = WSAENOTCONN;
    /* A disconnect refused after the data went fails the call. */
    if (!err) err = ws_transmit_disconnect(&call, flags, NULL);
    else if (err == WSA_IO_PENDING) ws_transmit_disconnect(&call, flags, overlapped);
    return ws_call_end_bool(&call, err);
}
