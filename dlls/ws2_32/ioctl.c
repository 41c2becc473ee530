/*
 * WSAIoctl (WS2_32.70) and ioctlsocket (WS2_32.10): the control codes, by
 * table. Codes not in the tables fail with WSAEOPNOTSUPP.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ws2_32_private.h"
#include "ws2host/afd.h"

struct ioctl_call
{
    SOCKET s;
    const void *in;
    DWORD in_size;
    void *out;
    DWORD out_size;
    DWORD *returned;
};

/* No layered providers here: the base (and BSP) handle is the socket. */
static int base_handle(struct ioctl_call *call)
{
    if (call->out_size < sizeof(SOCKET) || !ws_writable(call->out, sizeof(SOCKET))) return WSAEFAULT;
    *(SOCKET *)call->out = call->s;
    *call->returned = sizeof(SOCKET);
    return 0;
}

/* Microsoft's extension functions, by GUID (extensions.c). */
static int extension_function(struct ioctl_call *call)
{
    void *function;

    if (call->in_size < sizeof(GUID) || !ws_readable(call->in, sizeof(GUID))) return WSAEFAULT;
    if (!(function = ws_extension_function(call->in)))
    {
        FIXME_ONCE("no extension function for this GUID\n");
        return WSAEINVAL;
    }
    if (call->out_size < sizeof(function) || !ws_writable(call->out, sizeof(function))) return WSAEFAULT;
    *(void **)call->out = function;
    *call->returned = sizeof(function);
    return 0;
}

static const struct
{
    DWORD code;
    int (*handler)(struct ioctl_call *call);
}
ioctl_table[] =
{
    { SIO_GET_EXTENSION_FUNCTION_POINTER, extension_function },
    { SIO_BASE_HANDLE,       base_handle },
    { SIO_BSP_HANDLE,        base_handle },
    { SIO_BSP_HANDLE_SELECT, base_handle },
    { SIO_BSP_HANDLE_POLL,   base_handle },
};

int WINAPI WSAIoctl(SOCKET s, DWORD code, void *in_buffer, DWORD in_size, void *out_buffer,
                    DWORD out_size, DWORD *returned, WSAOVERLAPPED *overlapped,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    struct ioctl_call call = { s, in_buffer, in_size, out_buffer, out_size, returned };
    struct ws_socket_info info;
    int err;

    TRACE("socket %#llx, code %#lx, in %p/%lu, out %p/%lu, overlapped %p\n", (ULONGLONG)s, code,
          in_buffer, in_size, out_buffer, out_size, overlapped);
    if (!ws_is_started()) return ws_fail(WSANOTINITIALISED);
    if ((err = ws_socket_verified(s, &info, NULL))) return ws_fail(err);
    for (size_t i = 0; i < ARRAYSIZE(ioctl_table); i++)
    {
        if (ioctl_table[i].code != code) continue;
        if (overlapped || completion)
        {
            FIXME_ONCE("overlapped WSAIoctl %#lx\n", code);
            return ws_fail(WSAEOPNOTSUPP);
        }
        if (!ws_writable(returned, sizeof(*returned))) return ws_fail(WSAEFAULT);
        if ((err = ioctl_table[i].handler(&call))) return ws_fail(err);
        SetLastError(0);
        return 0;
    }
    FIXME_ONCE("control code %#lx not supported\n", code);
    return ws_fail(WSAEOPNOTSUPP);
}

/* ioctlsocket's commands work on a u_long. FIONBIO is the server's too:
 * it decides whether its own calls (accept, connect, ReadFile) wait, and
 * refuses blocking mode while events are selected. */
static int set_nonblocking(SOCKET s, struct ws_socket_info *info, int fd, u_long *arg)
{
    struct ws_socket_info after = *info;
    int value = *arg != 0, err;

    if ((err = ws_afd_call(s, WS_IOCTL_AFD_WINE_FIONBIO, &value, sizeof(value), NULL, 0))) return err;
    after.nonblocking = value;
    return socket_table_update(s, info, &after) ? WSAENOTSOCK : 0;
}

static int bytes_readable(SOCKET s, struct ws_socket_info *info, int fd, u_long *arg)
{
    struct ws2host_readable_params params = { .fd = fd };
    int err;

    if ((err = ws_unix_call(ws2host_call_readable, &params))) return err;
    *arg = params.bytes;
    return 0;
}

/* SIOCATMARK: TRUE when no out-of-band data waits to be read. */
static int no_oob_waiting(SOCKET s, struct ws_socket_info *info, int fd, u_long *arg)
{
    struct ws2host_readable_params params = { .fd = fd };
    int err;

    if ((err = ws_unix_call(ws2host_call_readable, &params))) return err;
    *arg = !params.oob_waiting;
    return 0;
}

static const struct
{
    long command;
    int (*handler)(SOCKET s, struct ws_socket_info *info, int fd, u_long *arg);
}
command_table[] =
{
    { FIONBIO,  set_nonblocking },
    { FIONREAD, bytes_readable },
    { SIOCATMARK, no_oob_waiting },
};

int WINAPI ioctlsocket(SOCKET s, long command, u_long *arg)
{
    struct ws_socket_info info;
    int fd, err = WSAEOPNOTSUPP;

    TRACE("socket %#llx, command %#lx, arg %p\n", (ULONGLONG)s, command, arg);
    if (!ws_is_started()) return ws_fail(WSANOTINITIALISED);
    if ((err = ws_socket_verified(s, &info, &fd))) return ws_fail(err);
    err = WSAEOPNOTSUPP;
    for (size_t i = 0; i < ARRAYSIZE(command_table); i++)
    {
        if (command_table[i].command != command) continue;
        err = ws_writable(arg, sizeof(*arg)) ? command_table[i].handler(s, &info, fd, arg) : WSAEFAULT;
        break;
    }
    if (err == WSAEOPNOTSUPP) FIXME_ONCE("command %#lx not supported\n", command);
    ws_unix_close_fd(fd);
    if (err) return ws_fail(err);
    SetLastError(0);
    return 0;
}
