/*
 * Wine's socket device (\Device\Afd): the control codes and structures
 * ws2host uses on Wine's socket objects. This is Wine's private interface
 * (Wine 8.0's include/wine/afd.h and server/sock.c are the facts behind
 * it): the only file that spells it, with every structure's size pinned,
 * so a Wine that changed it fails the build or the startup self-test
 * rather than a program.
 *
 * The real Windows AFD codes (FILE_DEVICE_BEEP, the same numbers Windows
 * uses) and Wine's own (FILE_DEVICE_NETWORK, functions 200 and up, kept
 * unchanged from 8.0 to 10.x) are kept apart.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_AFD_H
#define WS2HOST_AFD_H

#include <stdint.h>

#define WS_AFD_CODE(device, function, method) (((device) << 16) | ((function) << 2) | (method))
#define WS_AFD_DEVICE_BEEP    0x0001
#define WS_AFD_DEVICE_NETWORK 0x0012
#define WS_AFD_BUFFERED 0
#define WS_AFD_NEITHER  3

/* Windows' own AFD codes. */
#define WS_IOCTL_AFD_BIND        WS_AFD_CODE(WS_AFD_DEVICE_BEEP, 0x800, WS_AFD_NEITHER)    /* 0x12003 */
#define WS_IOCTL_AFD_LISTEN      WS_AFD_CODE(WS_AFD_DEVICE_BEEP, 0x802, WS_AFD_NEITHER)    /* 0x1200b */
#define WS_IOCTL_AFD_POLL        WS_AFD_CODE(WS_AFD_DEVICE_BEEP, 0x809, WS_AFD_BUFFERED)   /* 0x12024 */
#define WS_IOCTL_AFD_GETSOCKNAME WS_AFD_CODE(WS_AFD_DEVICE_BEEP, 0x80b, WS_AFD_NEITHER)    /* 0x1202f */
#define WS_IOCTL_AFD_EVENT_SELECT WS_AFD_CODE(WS_AFD_DEVICE_BEEP, 0x821, WS_AFD_NEITHER)   /* 0x12087 */
#define WS_IOCTL_AFD_GET_EVENTS  WS_AFD_CODE(WS_AFD_DEVICE_BEEP, 0x822, WS_AFD_NEITHER)    /* 0x1208b */

/* Wine's private codes. */
#define WS_AFD_WINE(function) WS_AFD_CODE(WS_AFD_DEVICE_NETWORK, function, WS_AFD_BUFFERED)
#define WS_IOCTL_AFD_WINE_CREATE         WS_AFD_WINE(200)
#define WS_IOCTL_AFD_WINE_ACCEPT         WS_AFD_WINE(201)
#define WS_IOCTL_AFD_WINE_ACCEPT_INTO    WS_AFD_WINE(202)
#define WS_IOCTL_AFD_WINE_CONNECT        WS_AFD_WINE(203)
#define WS_IOCTL_AFD_WINE_SHUTDOWN       WS_AFD_WINE(204)
#define WS_IOCTL_AFD_WINE_RECVMSG        WS_AFD_WINE(205)
#define WS_IOCTL_AFD_WINE_SENDMSG        WS_AFD_WINE(206)
#define WS_IOCTL_AFD_WINE_TRANSMIT       WS_AFD_WINE(207)
#define WS_IOCTL_AFD_WINE_FIONBIO        WS_AFD_WINE(209)
#define WS_IOCTL_AFD_WINE_COMPLETE_ASYNC WS_AFD_WINE(210)
#define WS_IOCTL_AFD_WINE_MESSAGE_SELECT WS_AFD_WINE(215)
/* in: the handle (32 bits) of a socket just accepted from this listener,
 * which the server keeps and hands out at its next accept */
#define WS_IOCTL_AFD_WINE_DEFER          WS_AFD_WINE(217)
#define WS_IOCTL_AFD_WINE_GET_INFO       WS_AFD_WINE(218)
#define WS_IOCTL_AFD_WINE_GET_SO_ACCEPTCONN WS_AFD_WINE(219)
#define WS_IOCTL_AFD_WINE_GET_SO_ERROR   WS_AFD_WINE(222)
#define WS_IOCTL_AFD_WINE_SET_SO_RCVTIMEO WS_AFD_WINE(231)
#define WS_IOCTL_AFD_WINE_SET_SO_REUSEADDR WS_AFD_WINE(234)
#define WS_IOCTL_AFD_WINE_SET_SO_SNDTIMEO WS_AFD_WINE(238)
#define WS_IOCTL_AFD_WINE_SET_SO_EXCLUSIVEADDRUSE WS_AFD_WINE(298)

/* AFD poll events (IOCTL_AFD_POLL flags and results). */
#define WS_AFD_POLL_READ        0x0001
#define WS_AFD_POLL_OOB         0x0002
#define WS_AFD_POLL_WRITE       0x0004
#define WS_AFD_POLL_HUP         0x0008
#define WS_AFD_POLL_RESET       0x0010
#define WS_AFD_POLL_CLOSE       0x0020
#define WS_AFD_POLL_CONNECT     0x0040
#define WS_AFD_POLL_ACCEPT      0x0080
#define WS_AFD_POLL_CONNECT_ERR 0x0100

#define WS_AFD_ASSERT(type, size) _Static_assert(sizeof(type) == (size), "Wine AFD size of " #type)

/* IOCTL_AFD_WINE_CREATE, in: Windows' family, type and protocol values,
 * and WSASocket's flags without the two ws2_32 keeps to itself
 * (WSA_FLAG_OVERLAPPED is the open option, NO_HANDLE_INHERIT the
 * handle's attribute). */
struct ws_afd_create
{
    int32_t family, type, protocol;
    uint32_t flags;
};
WS_AFD_ASSERT(struct ws_afd_create, 16);

/* IOCTL_AFD_WINE_GET_INFO, out. */
struct ws_afd_info
{
    int32_t family, type, protocol;
};
WS_AFD_ASSERT(struct ws_afd_info, 12);

/* IOCTL_AFD_BIND, in: a word Windows leaves unexplained, then the
 * address; out: the address bound. */
struct ws_afd_bind
{
    int32_t unknown;
    uint8_t address[28];        /* SOCKADDR_IN6 at most */
};
WS_AFD_ASSERT(struct ws_afd_bind, 32);

/* IOCTL_AFD_LISTEN, in. */
struct ws_afd_listen
{
    int32_t unknown1;
    int32_t backlog;
    int32_t unknown2;
};
WS_AFD_ASSERT(struct ws_afd_listen, 12);

/* IOCTL_AFD_WINE_CONNECT, in: this header, then the address (and for
 * ConnectEx, data to send). synchronous: connect(), which may bind
 * implicitly and says WSAEALREADY while a connect is in progress. */
struct ws_afd_connect
{
    int32_t address_length;
    int32_t synchronous;
    uint8_t address[28];
};
WS_AFD_ASSERT(struct ws_afd_connect, 36);
#define WS_AFD_CONNECT_HEADER 8

/* IOCTL_AFD_WINE_ACCEPT_INTO, in, on the listener; out: recv_len bytes
 * of data, then local_len bytes (an int length and the local address),
 * then the rest (an int length and the peer's address). */
struct ws_afd_accept_into
{
    uint32_t accept_handle;
    uint32_t recv_len, local_len;
};
WS_AFD_ASSERT(struct ws_afd_accept_into, 12);

/* IOCTL_AFD_WINE_RECVMSG, in: pointers to the caller's WSABUFs, address,
 * its length, the MSG_* flags (read at issue, written at completion) and
 * control buffer; handled by ntdll, which completes through the status
 * block, the event, the APC and the completion port. */
struct ws_afd_recvmsg
{
    uint64_t control;           /* WSABUF * or 0 */
    uint64_t address;           /* struct sockaddr * or 0 */
    uint64_t address_length;    /* int * or 0 */
    uint64_t flags;             /* DWORD * */
    int32_t force_async;        /* overlapped: never complete inline */
    uint32_t count;
    uint64_t buffers;           /* WSABUF[count] */
};
WS_AFD_ASSERT(struct ws_afd_recvmsg, 48);

struct ws_afd_sendmsg
{
    uint64_t address;           /* const struct sockaddr * or 0 */
    uint32_t address_length;
    uint32_t flags;             /* MSG_* */
    int32_t force_async;
    uint32_t count;
    uint64_t buffers;           /* const WSABUF[count] */
};
WS_AFD_ASSERT(struct ws_afd_sendmsg, 32);

/* IOCTL_AFD_WINE_TRANSMIT, in. */
struct ws_afd_transmit
{
    int64_t offset;             /* in the file; -2: its file pointer */
    uint64_t head, tail;        /* buffers to send before and after */
    uint32_t head_length, tail_length;
    uint32_t file;              /* handle or 0 */
    uint32_t file_length;       /* 0: to the end */
    uint32_t buffer_size;
    uint32_t flags;             /* TF_* */
};
WS_AFD_ASSERT(struct ws_afd_transmit, 48);

/* IOCTL_AFD_EVENT_SELECT, in (64-bit layout): AFD_POLL_* events that
 * set the event; both 0 to stop. */
struct ws_afd_event_select
{
    uint64_t event;
    int32_t mask;
    int32_t padding;
};
WS_AFD_ASSERT(struct ws_afd_event_select, 16);

/* IOCTL_AFD_GET_EVENTS, out: the events seen since the last call (they
 * are cleared) and an NTSTATUS per AFD_POLL bit. */
#define WS_AFD_POLL_BITS 13
struct ws_afd_events
{
    int32_t flags;
    int32_t status[WS_AFD_POLL_BITS];
};
WS_AFD_ASSERT(struct ws_afd_events, 56);

/* IOCTL_AFD_WINE_MESSAGE_SELECT, in: the server posts the message to the
 * window itself. */
struct ws_afd_message_select
{
    uint32_t handle;
    uint32_t window;
    uint32_t message;
    int32_t mask;
};
WS_AFD_ASSERT(struct ws_afd_message_select, 16);

/* IOCTL_AFD_POLL, in and out (64-bit layout, packed to 4). */
#pragma pack(push, 4)
struct ws_afd_poll_socket
{
    uint64_t socket;
    int32_t flags;              /* in: WS_AFD_POLL_* wanted; out: those seen */
    int32_t status;             /* out: NTSTATUS of a failed connect */
};
struct ws_afd_poll
{
    int64_t timeout;            /* NT time: negative relative, INT64_MAX for ever */
    uint32_t count;
    uint8_t exclusive;
    uint8_t padding[3];
    struct ws_afd_poll_socket sockets[1];
};
#pragma pack(pop)
WS_AFD_ASSERT(struct ws_afd_poll_socket, 16);
WS_AFD_ASSERT(struct ws_afd_poll, 32);

#endif /* WS2HOST_AFD_H */
