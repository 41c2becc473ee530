/*
 * WSAIoctl (WS2_32.70) and ioctlsocket (WS2_32.10): the control codes, by
 * table. Codes not in the tables fail with WSAEOPNOTSUPP.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ioctl.h"
#include "ws2host/afd.h"
#include "ws2host/wsconstants.h"


/* No layered providers here: the base (and BSP) handle is the socket. */
static int base_handle(struct ioctl_call *call)
{
    if (call->out_size < sizeof(SOCKET) || !ws_writable(call->out, sizeof(SOCKET))) return WSAEFAULT;
    *(SOCKET *)call->out = call->frame->s;
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

/* ioctlsocket's commands work on a u_long. FIONBIO is the server's too:
 * it decides whether its own calls (accept, connect, ReadFile) wait, and
 * refuses blocking mode while events are selected. */
static int set_nonblocking(struct ws_call *call, u_long *arg)
{
    struct ws_socket_info after = call->info;
    int value = *arg != 0, err;

    if ((err = ws_afd_call(call->s, WS_IOCTL_AFD_WINE_FIONBIO, &value, sizeof(value), NULL, 0))) return err;
    after.nonblocking = value;
    return socket_table_update(call->s, &call->info, &after) ? WSAENOTSOCK : 0;
}

static int bytes_readable(struct ws_call *call, u_long *arg)
{
    struct ws2host_readable_params params = { .fd = call->fd };
    int err;

    if ((err = ws_unix_call(ws2host_call_readable, &params))) return err;
    *arg = params.bytes;
    return 0;
}

/* SIOCATMARK: TRUE when no out-of-band data waits to be read. */
static int no_oob_waiting(struct ws_call *call, u_long *arg)
{
    struct ws2host_readable_params params = { .fd = call->fd };
    int err;

    if ((err = ws_unix_call(ws2host_call_readable, &params))) return err;
    *arg = !params.oob_waiting;
    return 0;
}

static const struct
{
    long command;
    int (*handler)(struct ws_call *call, u_long *arg);
}
command_table[] =
{
    { FIONBIO,  set_nonblocking },
    { FIONREAD, bytes_readable },
    { SIOCATMARK, no_oob_waiting },
};

/* ioctlsocket's commands through WSAIoctl: a u_long in (FIONBIO) or out. */
static int command_call(struct ioctl_call *call, int (*handler)(struct ws_call *, u_long *), BOOL input)
{
    u_long value = 0;
    int err;

    if (input && (call->in_size < sizeof(value) || !ws_readable(call->in, sizeof(value)))) return WSAEFAULT;
    if (!input && (call->out_size < sizeof(value) || !ws_writable(call->out, sizeof(value)))) return WSAEFAULT;
    if (input) value = *(const u_long *)call->in;
    /* WSAIoctl's end gives the fd back. */
    if ((err = ws_call_need_fd(call->frame)) || (err = handler(call->frame, &value))) return err;
    if (!input) *(u_long *)call->out = value;
    *call->returned = input ? 0 : sizeof(value);
    return 0;
}

static int fionbio_call(struct ioctl_call *call) { return command_call(call, set_nonblocking, TRUE); }
static int fionread_call(struct ioctl_call *call) { return command_call(call, bytes_readable, FALSE); }
static int siocatmark_call(struct ioctl_call *call) { return command_call(call, no_oob_waiting, FALSE); }

/* How a code meets an OVERLAPPED: answered at once and completed on it;
 * not at all (SYNC_ONLY: sock.c test_base_handle, it fails on it with
 * STATUS_NOT_SUPPORTED); or by the handler, which hands it to Wine's
 * server (ASYNC: the answer comes later, and the count is left alone). */
enum overlapped_use { AT_ONCE, SYNC_ONLY, ASYNC };

static const struct
{
    DWORD code;
    int (*handler)(struct ioctl_call *call);
    enum overlapped_use use;
}
ioctl_table[] =
{
    { SIO_GET_EXTENSION_FUNCTION_POINTER, extension_function, AT_ONCE },
    { SIO_BASE_HANDLE,              base_handle, SYNC_ONLY },
    { SIO_BSP_HANDLE,               base_handle, SYNC_ONLY },
    { SIO_BSP_HANDLE_SELECT,        base_handle, SYNC_ONLY },
    { SIO_BSP_HANDLE_POLL,          base_handle, SYNC_ONLY },
    { FIONBIO,                      fionbio_call, AT_ONCE },
    { FIONREAD,                     fionread_call, AT_ONCE },
    { SIOCATMARK,                   siocatmark_call, AT_ONCE },
    { SIO_KEEPALIVE_VALS,           ws_ioctl_keepalive, AT_ONCE },
    { SIO_UDP_CONNRESET,            ws_ioctl_udp_connreset, AT_ONCE },
    { SIO_LOOPBACK_FAST_PATH,       ws_ioctl_loopback_fast_path, AT_ONCE },
    { SIO_GET_INTERFACE_LIST,       ws_ioctl_interface_list, ASYNC },
    { SIO_ADDRESS_LIST_QUERY,       ws_ioctl_address_list, AT_ONCE },
    { SIO_ROUTING_INTERFACE_QUERY,  ws_ioctl_routing_interface, AT_ONCE },
    { SIO_ADDRESS_LIST_CHANGE,      ws_ioctl_address_list_change, ASYNC },
    { SIO_IDEAL_SEND_BACKLOG_QUERY, ws_ioctl_send_backlog, AT_ONCE },
    { SIO_ENABLE_CIRCULAR_QUEUEING, ws_ioctl_circular_queueing, AT_ONCE },
};

/* With an OVERLAPPED, a code answered at once completes on it as well:
 * status block, event, routine and port (Wine's ntdll posts it). */
static int complete_overlapped(SOCKET s, LONG status, WSAOVERLAPPED *overlapped,
                               LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    return ws_async_call(s, WS_IOCTL_AFD_WINE_COMPLETE_ASYNC, &status, sizeof(status), NULL, 0, overlapped,
                         completion);
}

int WINAPI WSAIoctl(SOCKET s, DWORD code, void *in_buffer, DWORD in_size, void *out_buffer,
                    DWORD out_size, DWORD *returned, WSAOVERLAPPED *overlapped,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    struct ws_call frame;
    struct ioctl_call call = { &frame, in_buffer, in_size, out_buffer, out_size, returned, NULL, NULL };
    int err;

    TRACE("socket %#llx, code %#lx, in %p/%lu, out %p/%lu, overlapped %p\n", (ULONGLONG)s, code,
          in_buffer, in_size, out_buffer, out_size, overlapped);
    if ((err = ws_call_begin(&frame, s, WS_CALL_VERIFIED))) return ws_call_end(&frame, err);
    /* Without somewhere to put the count, nothing is done (sock.c
     * test_unsupported_ioctls, test_keepalive_vals). */
    if (!ws_writable(returned, sizeof(*returned)) || (overlapped && !ws_writable(overlapped, sizeof(*overlapped))))
        return ws_call_end(&frame, WSAEFAULT);
    if (!frame.info.overlapped) overlapped = NULL;
    /* The count is written with an OVERLAPPED too (sock.c test_fionbio,
     * test_get_extension_func, test_sioRoutingInterfaceQuery). */
    call.overlapped = overlapped;
    call.completion = completion;
    for (size_t i = 0; i < ARRAYSIZE(ioctl_table); i++)
    {
        if (ioctl_table[i].code != code || (overlapped && ioctl_table[i].use == SYNC_ONLY)) continue;
        if (ioctl_table[i].use == ASYNC) return ws_call_end(&frame, ioctl_table[i].handler(&call));
        if (!(err = ioctl_table[i].handler(&call)) && overlapped)
            err = complete_overlapped(s, 0, overlapped, completion);
        return ws_call_end(&frame, err);
    }
    /* An unknown code fails, and with an OVERLAPPED it fails on it. */
    if (overlapped)
    {
        complete_overlapped(s, (LONG)0xc00000bb /* STATUS_NOT_SUPPORTED */, overlapped, completion);
        return ws_call_end(&frame, WSA_IO_PENDING);
    }
    FIXME_ONCE("control code %#lx not supported\n", code);
    *returned = 0;
    return ws_call_end(&frame, WSAEOPNOTSUPP);
}

int WINAPI ioctlsocket(SOCKET s, long command, u_long *arg)
{
    struct ws_call call;
    int err;

    TRACE("socket %#llx, command %#lx, arg %p\n", (ULONGLONG)s, command, arg);
    if ((err = ws_call_begin(&call, s, WS_CALL_VERIFIED_FD))) return ws_call_end(&call, err);
    err = WSAEOPNOTSUPP;
    for (size_t i = 0; i < ARRAYSIZE(command_table); i++)
    {
        if (command_table[i].command != command) continue;
        err = ws_writable(arg, sizeof(*arg)) ? command_table[i].handler(&call, arg) : WSAEFAULT;
        break;
    }
    if (err == WSAEOPNOTSUPP) FIXME_ONCE("command %#lx not supported\n", command);
    return ws_call_end(&call, err);
}
