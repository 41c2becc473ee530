/*
 * Microsoft's extension functions, handed out by
 * SIO_GET_EXTENSION_FUNCTION_POINTER: AcceptEx, GetAcceptExSockaddrs,
 * ConnectEx, DisconnectEx, TransmitFile, TransmitPackets, WSARecvMsg and
 * WSASendMsg. The transfers go through Wine's socket device, which
 * completes them on the OVERLAPPED (asyncio.c).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Argument checks follow Wine's Windows-run tests (sock.c test_AcceptEx,
 * test_ConnectEx, test_DisconnectEx, test_TransmitFile). Each answers
 * as an overlapped call does (ws_call_end_bool): TRUE when done at once,
 * else FALSE with ERROR_IO_PENDING or the error.
 */
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"
#include "ws2host/afd.h"

/* Wine's server does not check the listener of an AcceptEx. A socket that
 * did not listen here (inherited, duplicated in, shared by libuv without
 * listen) is asked about once. */
static BOOL is_listening(SOCKET s, const struct ws_socket_info *info)
{
    struct ws_socket_info after = *info;
    int listening = 0;

    if (info->listening) return TRUE;
    if (ws_afd_call(s, WS_IOCTL_AFD_WINE_GET_SO_ACCEPTCONN, NULL, 0, &listening, sizeof(listening)) || !listening)
        return FALSE;
    after.listening = 1;
    socket_table_update(s, info, &after);
    return TRUE;
}

static void mark_pending(OVERLAPPED *overlapped)
{
    if (!overlapped || !ws_writable(overlapped, sizeof(*overlapped))) return;
    overlapped->Internal = 0x103; /* STATUS_PENDING */
    overlapped->InternalHigh = 0;
}

static BOOL WINAPI ws_AcceptEx(SOCKET listener, SOCKET acceptor, void *buffer, DWORD data_length, DWORD local_length,
                               DWORD remote_length, DWORD *received, OVERLAPPED *overlapped)
{
    struct ws_afd_accept_into params = { (ULONG)(ULONG_PTR)acceptor, data_length, local_length };
    struct ws_call call, target;    /* the acceptor's frame holds no fd */
    struct ws_socket_info swapped;
    int err;

    TRACE("listener %#llx, acceptor %#llx, buffer %p, lengths %lu/%lu/%lu, overlapped %p\n", (ULONGLONG)listener,
          (ULONGLONG)acceptor, buffer, data_length, local_length, remote_length, overlapped);
    /* Even a call refused at once leaves the OVERLAPPED pending (sock.c
     * test_AcceptEx). */
    mark_pending(overlapped);
    if ((err = ws_call_begin(&call, listener, WS_CALL_STATE))) return ws_call_end_bool(&call, err);
    if (!is_listening(listener, &call.info)) return ws_call_end_bool(&call, WSAEINVAL);
    if ((err = ws_call_begin(&target, acceptor, WS_CALL_STATE))) return ws_call_end_bool(&call, err);
    if (!overlapped) return ws_call_end_bool(&call, ERROR_INVALID_PARAMETER);
    if (!buffer || !remote_length) return ws_call_end_bool(&call, WSAEFAULT);
    if (!ws_writable(overlapped, sizeof(*overlapped)) ||
        !ws_writable(buffer, (SIZE_T)data_length + local_length + remote_length))
        return ws_call_end_bool(&call, WSAEFAULT);
    /* Wine puts the connection's fd under the acceptor's handle: its
     * identity is learnt again on first use. */
    swapped = target.info;
    swapped.inode = 0;
    /* A handle reused after TF_REUSE_SOCKET starts again. */
    swapped.shut_down = 0;
    swapped.reusable = 0;
    ws_peer_forget(&swapped);
    socket_table_update(acceptor, &target.info, &swapped);
    err = ws_async_call(listener, WS_IOCTL_AFD_WINE_ACCEPT_INTO, &params, sizeof(params), buffer,
                        data_length + local_length + remote_length, overlapped, NULL);
    if (received) *received = (DWORD)overlapped->InternalHigh;
    return ws_call_end_bool(&call, err);
}

/* Wine's accept writes each address as an int length and the address. */
static void WINAPI ws_GetAcceptExSockaddrs(void *buffer, DWORD data_length, DWORD local_length, DWORD remote_length,
                                           struct sockaddr **local, int *local_size, struct sockaddr **remote,
                                           int *remote_size)
{
    char *next = (char *)buffer + data_length;

    TRACE("buffer %p, lengths %lu/%lu/%lu\n", buffer, data_length, local_length, remote_length);
    *local_size = *(int *)next;
    *local = (struct sockaddr *)(next + sizeof(int));
    next += local_length;
    *remote_size = *(int *)next;
    *remote = (struct sockaddr *)(next + sizeof(int));
}

static BOOL WINAPI ws_ConnectEx(SOCKET s, const struct sockaddr *name, int namelen, void *data, DWORD data_length,
                                DWORD *sent, OVERLAPPED *overlapped)
{
    struct ws_afd_connect *params;
    struct ws_call call;
    DWORD size;
    int err;

    TRACE("socket %#llx, name %p, namelen %d, data %p/%lu, overlapped %p\n", (ULONGLONG)s, name, namelen, data,
          data_length, overlapped);
    mark_pending(overlapped);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end_bool(&call, err);
    if (!overlapped) return ws_call_end_bool(&call, ERROR_INVALID_PARAMETER);
    if (namelen < (int)sizeof(short) || !ws_readable(name, namelen) || !ws_writable(overlapped, sizeof(*overlapped)) ||
        (data_length && !ws_readable(data, data_length)))
        return ws_call_end_bool(&call, WSAEFAULT);
    if (name->sa_family != call.info.family) return ws_call_end_bool(&call, WSAEAFNOSUPPORT);
    size = WS_AFD_CONNECT_HEADER + namelen + data_length;
    if (!(params = malloc(max(size, sizeof(*params))))) return ws_call_end_bool(&call, WSAENOBUFS);
    params->address_length = namelen;
    params->synchronous = 0;
    memcpy(params->address, name, namelen);
    if (data_length) memcpy((char *)params->address + namelen, data, data_length);
    err = ws_async_call(s, WS_IOCTL_AFD_WINE_CONNECT, params, size, NULL, 0, overlapped, NULL);
    free(params);
    if (sent) *sent = (DWORD)overlapped->InternalHigh;
    return ws_call_end_bool(&call, err);
}

/* A graceful close of the sending side, completed on the OVERLAPPED; with
 * TF_REUSE_SOCKET the handle may be given to AcceptEx afterwards
 * (Microsoft's DisconnectEx). */
static BOOL WINAPI ws_DisconnectEx(SOCKET s, OVERLAPPED *overlapped, DWORD flags, DWORD reserved)
{
    struct ws_socket_info after;
    struct ws_call call;
    LONG done = 0;
    int how = SD_SEND, err;

    TRACE("socket %#llx, overlapped %p, flags %#lx\n", (ULONGLONG)s, overlapped, flags);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end_bool(&call, err);
    if (overlapped && !ws_writable(overlapped, sizeof(*overlapped))) return ws_call_end_bool(&call, WSAEFAULT);
    /* Reuse shuts the fd's sending side itself (transmit.c), then
     * completes the OVERLAPPED. */
    if (flags & TF_REUSE_SOCKET)
    {
        if (!(err = ws_check_reuse(&call, flags)) && !(err = ws_transmit_disconnect(&call, TF_REUSE_SOCKET, NULL)) && overlapped &&
            !(err = ws_async_call(s, WS_IOCTL_AFD_WINE_COMPLETE_ASYNC, &done, sizeof(done), NULL, 0, overlapped,
                                  NULL)))
            err = WSA_IO_PENDING;
        return ws_call_end_bool(&call, err);
    }
    if (!overlapped) err = ws_afd_call(s, WS_IOCTL_AFD_WINE_SHUTDOWN, &how, sizeof(how), NULL, 0);
    /* Windows answers ERROR_IO_PENDING even when it is done at once
     * (sock.c test_DisconnectEx). */
    else if (!(err = ws_async_call(s, WS_IOCTL_AFD_WINE_SHUTDOWN, &how, sizeof(how), NULL, 0, overlapped, NULL)))
        err = WSA_IO_PENDING;
    if (!err || err == WSA_IO_PENDING)
    {
        after = call.info;
        after.shut_down |= WS_SHUT_SEND;
        socket_table_update(s, &call.info, &after);
    }
    return ws_call_end_bool(&call, err);
}

static BOOL WINAPI ws_TransmitFile(SOCKET s, HANDLE file, DWORD file_length, DWORD buffer_size,
                                   OVERLAPPED *overlapped, TRANSMIT_FILE_BUFFERS *buffers, DWORD flags)
{
    struct ws_afd_transmit params = { .offset = -2 /* the file pointer */ };
    struct ws_call call;
    int err;

    TRACE("socket %#llx, file %p, length %lu, overlapped %p, buffers %p, flags %#lx\n", (ULONGLONG)s, file,
          file_length, overlapped, buffers, flags);
    if ((err = ws_call_begin(&call, s, WS_CALL_STATE))) return ws_call_end_bool(&call, err);
    if ((buffers && !ws_readable(buffers, sizeof(*buffers))) ||
        (overlapped && !ws_writable(overlapped, sizeof(*overlapped))))
        return ws_call_end_bool(&call, WSAEFAULT);
    if ((err = ws_check_reuse(&call, flags))) return ws_call_end_bool(&call, err);
    params.file = (ULONG)(ULONG_PTR)file;
    params.file_length = file_length;
    params.buffer_size = buffer_size;
    params.flags = flags;
    if (buffers)
    {
        params.head = (ULONG_PTR)buffers->Head;
        params.head_length = buffers->HeadLength;
        params.tail = (ULONG_PTR)buffers->Tail;
        params.tail_length = buffers->TailLength;
    }
    /* Held bytes of an earlier send go first (heldsend.c). */
    err = ws_wait_held(s);
    if (!err && overlapped)
    {
        params.offset = (int64_t)overlapped->OffsetHigh << 32 | overlapped->Offset;
        err = ws_async_call(s, WS_IOCTL_AFD_WINE_TRANSMIT, &params, sizeof(params), NULL, 0, overlapped, NULL);
    }
    /* Without an OVERLAPPED it blocks until the whole file went, on the
     * thread's event and with no completion packet owed. */
    else if (!err) err = ws_afd_call(s, WS_IOCTL_AFD_WINE_TRANSMIT, &params, sizeof(params), NULL, 0);
    /* Wine's transmit ignores TF_DISCONNECT and TF_REUSE_SOCKET. */
    if (!err) err = ws_transmit_disconnect(&call, flags, NULL);
    else if (err == WSA_IO_PENDING) ws_transmit_disconnect(&call, flags, overlapped);
    return ws_call_end_bool(&call, err);
}

BOOL WINAPI ws_TransmitPackets(SOCKET s, TRANSMIT_PACKETS_ELEMENT *elements, DWORD count, DWORD send_size,
                               OVERLAPPED *overlapped, DWORD flags);
int WINAPI ws_WSARecvMsg(SOCKET s, WSAMSG *msg, DWORD *received, WSAOVERLAPPED *overlapped,
                         LPWSAOVERLAPPED_COMPLETION_ROUTINE completion);

static const struct
{
    GUID guid;
    void *function;
}
extension_functions[] =
{
    { WSAID_ACCEPTEX,             ws_AcceptEx },
    { WSAID_CONNECTEX,            ws_ConnectEx },
    { WSAID_DISCONNECTEX,         ws_DisconnectEx },
    { WSAID_GETACCEPTEXSOCKADDRS, ws_GetAcceptExSockaddrs },
    { WSAID_TRANSMITFILE,         ws_TransmitFile },
    { WSAID_TRANSMITPACKETS,      ws_TransmitPackets },
    { WSAID_WSARECVMSG,           ws_WSARecvMsg },
    { WSAID_WSASENDMSG,           WSASendMsg },
};

void *ws_extension_function(const GUID *guid)
{
    for (size_t i = 0; i < ARRAYSIZE(extension_functions); i++)
        if (!memcmp(&extension_functions[i].guid, guid, sizeof(*guid))) return extension_functions[i].function;
    return NULL;
}
