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
#define WS2HOST_ABI_VERSION 29

enum ws2host_call
{
    ws2host_call_abi_version,
    ws2host_call_fd_close,
    ws2host_call_fd_identify,
    ws2host_call_sockopt,
    ws2host_call_getsockname,
    ws2host_call_getpeername,
    ws2host_call_send,
    ws2host_call_recv,
    ws2host_call_cancel,
    ws2host_call_readable,
    ws2host_call_poll,
    ws2host_call_getaddrinfo,
    ws2host_call_gethostname,
    ws2host_call_linger,
    ws2host_call_getnameinfo,
    ws2host_call_getservice,
    ws2host_call_disconnect,
    ws2host_call_first_listener,
    ws2host_call_send_at_once,
    ws2host_call_fds_from_handles,
    ws2host_call_fds_close,
    ws2host_call_recvmsg,
    ws2host_call_held,
    ws2host_call_count
};

struct ws2host_abi_version_params
{
    uint32_t version;           /* out */
    uint32_t call_count;        /* out */
};
WS2HOST_ABI_SIZE(struct ws2host_abi_version_params, 8);

struct ws2host_fd_close_params
{
    int32_t fd;                 /* in: closed, whatever the result */
    int32_t reserved;
};
WS2HOST_ABI_SIZE(struct ws2host_fd_close_params, 8);

/* What the fd is: used to check that a handle still refers to the socket
 * our per-handle state describes (one fstat), and, with details, to adopt
 * inherited sockets (three more calls: only when there is no state). */
struct ws2host_fd_identify_params
{
    int32_t fd;                 /* in */
    int32_t is_socket;          /* out: 1 for a socket, 0 otherwise */
    uint64_t inode;             /* out */
    int32_t family;             /* out with details: Windows AF_*, 0 if unknown */
    int32_t type;               /* out with details: Windows SOCK_*, 0 if unknown */
    int32_t protocol;           /* out with details: Windows IPPROTO_* */
    int32_t details;            /* in: also read family, type and protocol */
};
WS2HOST_ABI_SIZE(struct ws2host_fd_identify_params, 32);

/* Many handles' fds at once (select, WSAPoll): the unix side asks
 * ntdll.so's fd cache itself, so a call over N sockets costs one
 * transition instead of N fetches, N identifications and N closes. An
 * entry whose handle has no fd comes back with fd -1 and is_socket 0.
 * WSAEOPNOTSUPP when ntdll.so cannot be found: the PE side then fetches
 * one by one. */
#define WS2HOST_FETCH    0x1     /* the handle's fd into id.fd */
#define WS2HOST_IDENTIFY 0x2     /* id.fd's identity (fstat; with id.details, more) */

struct ws2host_handle_fd
{
    uint64_t handle;                        /* in (WS2HOST_FETCH) */
    struct ws2host_fd_identify_params id;   /* in: details, fd without FETCH; out: fd, identity */
    uint32_t what;                          /* in: WS2HOST_FETCH | WS2HOST_IDENTIFY */
    uint32_t reserved;
};
WS2HOST_ABI_SIZE(struct ws2host_handle_fd, 48);

/* The calling convention of ntdll.so's exports, which the PE side
 * knows from Wine's version: Windows' up to Wine 8, Linux' from Wine 9's
 * unix libraries on (measured on 8.0 and 10.0; 9.x is not). */
enum ws2host_convention
{
    ws2host_convention_unknown,     /* not fetched here: WSAEOPNOTSUPP */
    ws2host_convention_windows,
    ws2host_convention_linux,
};

struct ws2host_fds_from_handles_params
{
    uint64_t entries;           /* in/out: struct ws2host_handle_fd[count] */
    uint32_t count;             /* in */
    uint32_t convention;        /* in: enum ws2host_convention */
};
WS2HOST_ABI_SIZE(struct ws2host_fds_from_handles_params, 16);

struct ws2host_fds_close_params
{
    uint64_t fds;               /* in: int32_t[count]; negative ones skipped */
    uint32_t count;             /* in */
    uint32_t reserved;
};
WS2HOST_ABI_SIZE(struct ws2host_fds_close_params, 16);

#define WS2HOST_SOCKOPT_PROBE 2

/* Options the PE side sets for its own reasons, at a level no Windows
 * program can reach (the PE side refuses unknown levels first). */
#define WS2HOST_LEVEL_PRIVATE       0x77730000
#define WS2HOST_OPT_LINUX_REUSEADDR 1   /* Linux SO_REUSEADDR */
#define WS2HOST_OPT_LINUX_REUSEPORT 2   /* Linux SO_REUSEPORT */
#define WS2HOST_OPT_LINUX_RECVTOS   3   /* Linux IP_RECVTOS */
#define WS2HOST_OPT_LINUX_RECVTCLASS 4  /* Linux IPV6_RECVTCLASS */

#define WS2HOST_SOCKOPT_DATA 40     /* IP_OPTIONS: at most 40 bytes */

/* A socket option by its Windows level and name; the Linux side's table
 * says which exist (WSAENOPROTOOPT otherwise). Int options travel in
 * value; structure options (group memberships) in data, Windows layout;
 * byte strings (IP_OPTIONS) in data, length bytes, both ways. */
struct ws2host_sockopt_params
{
    int32_t fd;                 /* in */
    int32_t level;              /* in: Windows level (SOL_SOCKET is 0xffff) */
    int32_t option;             /* in: Windows option */
    int32_t set;                /* in: 1 to set value, 0 to read it, or
                                   WS2HOST_SOCKOPT_PROBE: does it exist? */
    int32_t value;              /* in (set) or out (get) */
    uint32_t length;            /* in (set): bytes of data; out (get) for byte strings */
    uint8_t data[WS2HOST_SOCKOPT_DATA];
};
WS2HOST_ABI_SIZE(struct ws2host_sockopt_params, 64);

/* A socket address in Windows layout (SOCKADDR_IN, SOCKADDR_IN6: the
 * family field holds Windows' AF_* value). */
#define WS2HOST_MAX_ADDRESS 28

/* Every socket fd is non-blocking; calls that may wait say how long:
 * timeout_ms -1 for ever, 0 not at all (WSAEWOULDBLOCK), else that many
 * milliseconds (WSAETIMEDOUT). A wait ends early with WSAEINTR when
 * ws2host_call_cancel names its wait key: the PE side's key of the
 * handle's registration (closesocket). */

/* getsockname and getpeername (out). The PE side's bind, which Wine's
 * server makes, carries its address in one too. */
struct ws2host_address_params
{
    int32_t fd;                 /* in */
    int32_t length;             /* in: bytes of address; out: bytes written */
    uint8_t address[32];        /* in or out */
};
WS2HOST_ABI_SIZE(struct ws2host_address_params, 40);

/* One piece of caller memory for send and recv, laid out as Linux'
 * struct iovec (the Linux side checks it at build time), so an array of
 * them is handed to sendmsg and recvmsg as it is. */
struct ws2host_buffer
{
    uint64_t data;              /* the caller's memory */
    uint64_t length;
};
WS2HOST_ABI_SIZE(struct ws2host_buffer, 16);

/* Buffers one call takes (Linux' UIO_MAXIOV); more: WSAENOBUFS. */
#define WS2HOST_MAX_BUFFERS 1024

/* What WSASendMsg's control messages choose for a datagram: its source
 * (IP_PKTINFO, IPV6_PKTINFO) and its ECN codepoint (IP_ECN, IPV6_ECN). */
struct ws2host_pktinfo
{
    int32_t family;             /* WS_AF_INET or WS_AF_INET6; 0: no source */
    uint32_t ifindex;           /* 0: any */
    uint8_t address[16];        /* network order; 4 bytes for AF_INET */
    int32_t ecn_family;         /* WS_AF_INET (IP_TOS) or WS_AF_INET6 (IPV6_TCLASS); 0: none */
    int32_t ecn;                /* the codepoint, 0..2 */
};
WS2HOST_ABI_SIZE(struct ws2host_pktinfo, 32);

/* send/sendto and recv/recvfrom; flags are Windows MSG_* values. Only
 * Linux' answers come back: what Windows makes of them (an unbound
 * datagram socket, a stream never connected) the PE side decides. The
 * buffers are checked by the PE side; a blocking send that goes on
 * after a partial one changes the entries (they are the PE side's). */
struct ws2host_io_params
{
    int32_t fd;                 /* in */
    int32_t flags;              /* in */
    uint64_t buffers;           /* in: struct ws2host_buffer[count] */
    uint32_t count;             /* in */
    uint32_t transferred;       /* out */
    uint64_t wait_key;          /* in */
    int32_t timeout_ms;         /* in */
    int32_t address_length;     /* in (sendto; 0: none), out (recvfrom; 0: none) */
    uint8_t address[32];        /* in (sendto) or out (recvfrom), Windows layout */
    int32_t truncated;          /* out: the datagram was longer than the buffers */
    int32_t whole;              /* in (send_at_once): a stream send, refused unless the
                                   send buffer has room for all of it */
    struct ws2host_pktinfo source;  /* in (send, send_at_once) */
    int32_t hold;               /* in (send): a non-blocking stream send that Linux
                                   takes only part of is taken whole, the rest held
                                   and sent in the background (heldsend.c) */
    int32_t held;               /* out (send, send_at_once): the socket holds bytes of
                                   an earlier send (WSAEWOULDBLOCK: too many) */
};
WS2HOST_ABI_SIZE(struct ws2host_io_params, 120);

/* WSARecvMsg: a receive with its control messages, written in Windows'
 * layout (WSACMSGHDR, 64-bit) from Linux' by the Linux side's table. The
 * messages Windows keeps apart and Linux gives under one flag are told
 * apart by what the socket asked for (WS2HOST_RECV_*). */
#define WS2HOST_RECV_TOS    0x1     /* IP_RECVTOS: IP_TOS */
#define WS2HOST_RECV_ECN    0x2     /* IP_RECVECN: IP_ECN */
#define WS2HOST_RECV_TCLASS 0x4     /* IPV6_RECVTCLASS: IPV6_TCLASS */
#define WS2HOST_RECV_ECN6   0x8     /* IPV6_RECVECN: IPV6_ECN */

struct ws2host_recvmsg_params
{
    struct ws2host_io_params io;    /* in/out as for recv */
    uint64_t control;               /* in: the caller's control buffer */
    uint32_t control_length;        /* in: its size; out: bytes written */
    uint32_t asked;                 /* in: WS2HOST_RECV_* */
    int32_t control_truncated;      /* out: the messages did not fit (none written) */
    int32_t reserved;
};
WS2HOST_ABI_SIZE(struct ws2host_recvmsg_params, 144);

/* What a socket holding the rest of a send (heldsend.c) needs at the
 * calls that must not overtake it or cut it short. */
enum ws2host_held_action
{
    ws2host_held_wait,          /* wait until all of it went (a send through Wine) */
    ws2host_held_shut,          /* SHUT_WR after the rest: `deferred` says if it waits */
    ws2host_held_close,         /* closesocket: drop the rest if the socket lingers
                                   abortively (SO_LINGER on, 0 s) */
};

struct ws2host_held_params
{
    int32_t fd;                 /* in */
    int32_t action;             /* in: enum ws2host_held_action */
    uint64_t wait_key;          /* in (wait) */
    int32_t timeout_ms;         /* in (wait): < 0 for ever */
    int32_t deferred;           /* out (shut, close): something was held */
};
WS2HOST_ABI_SIZE(struct ws2host_held_params, 24);

/* Dissolves a datagram socket's association (connect to AF_UNSPEC), or
 * with send_side shuts a connection's sending side on the fd alone. */
struct ws2host_disconnect_params
{
    int32_t fd;                 /* in */
    int32_t send_side;          /* in: shutdown(SHUT_WR) instead */
};
WS2HOST_ABI_SIZE(struct ws2host_disconnect_params, 8);

/* Makes the first listener of a shared TCP address take every connection,
 * as Windows delivers them (Linux' SO_REUSEPORT would spread them). */
struct ws2host_first_listener_params
{
    int32_t fd;                 /* in: a listening socket of the group */
    int32_t reserved;
};
WS2HOST_ABI_SIZE(struct ws2host_first_listener_params, 8);

/* Wakes every call waiting under this key (they fail with WSAEINTR). */
struct ws2host_cancel_params
{
    uint64_t wait_key;          /* in */
};
WS2HOST_ABI_SIZE(struct ws2host_cancel_params, 8);

/* FIONREAD: bytes one recv could return now; and whether urgent (OOB)
 * data waits, for SIOCATMARK. */
struct ws2host_readable_params
{
    int32_t fd;                 /* in */
    uint32_t bytes;             /* out */
    int32_t oob_waiting;        /* out */
    int32_t reserved;
};
WS2HOST_ABI_SIZE(struct ws2host_readable_params, 16);

/* poll(2) over many sockets, for select. Entries have struct pollfd's
 * layout and its event bits, which the Linux side checks at build time. */
#define WS2HOST_POLLIN  0x001
#define WS2HOST_POLLPRI 0x002
#define WS2HOST_POLLOUT 0x004
#define WS2HOST_POLLERR 0x008
#define WS2HOST_POLLHUP 0x010

struct ws2host_poll_entry
{
    int32_t fd;
    int16_t events;
    int16_t revents;
};
WS2HOST_ABI_SIZE(struct ws2host_poll_entry, 8);

struct ws2host_poll_params
{
    uint64_t entries;           /* in/out: struct ws2host_poll_entry[count] */
    uint32_t count;             /* in */
    int32_t timeout_ms;         /* in: -1 for ever */
    int32_t ready;              /* out: entries with revents */
    int32_t cancelled;          /* out: closesocket named one of the keys */
    uint64_t wait_keys;         /* in: uint64_t[count], each entry's key, or 0 */
};
WS2HOST_ABI_SIZE(struct ws2host_poll_params, 32);

/* getaddrinfo through the host's resolver. The results are packed into
 * the caller's buffer as `count` ws2host_address_entry records followed
 * by the canonical name (UTF-8); a buffer that is too small gets
 * WSAENOBUFS and `needed`. Errors are Windows' EAI_* (WSA) values. */
struct ws2host_address_entry
{
    int32_t family;             /* Windows AF_* */
    int32_t socktype;           /* Windows SOCK_* */
    int32_t protocol;
    int32_t address_length;
    uint8_t address[32];        /* Windows layout */
};
WS2HOST_ABI_SIZE(struct ws2host_address_entry, 48);

struct ws2host_getaddrinfo_params
{
    uint64_t node;              /* in: UTF-8 or 0 */
    uint64_t service;           /* in: UTF-8 or 0 */
    int32_t flags;              /* in: Windows AI_* */
    int32_t family;             /* in: Windows AF_* */
    int32_t socktype;           /* in */
    int32_t protocol;           /* in */
    uint64_t buffer;            /* in/out */
    uint32_t size;              /* in */
    uint32_t needed;            /* out */
    int32_t count;              /* out */
    int32_t canonname_offset;   /* out: -1 when none */
};
WS2HOST_ABI_SIZE(struct ws2host_getaddrinfo_params, 56);

struct ws2host_gethostname_params
{
    uint64_t buffer;            /* out: UTF-8, NUL-terminated */
    uint32_t size;              /* in */
    uint32_t needed;            /* out: length with the NUL */
};
WS2HOST_ABI_SIZE(struct ws2host_gethostname_params, 16);

/* SO_LINGER, whose Windows structure (two u_short) differs from Linux'. */
struct ws2host_linger_params
{
    int32_t fd;                 /* in */
    int32_t set;                /* in: 1 to set, 0 to read */
    int32_t onoff;              /* in or out */
    int32_t seconds;            /* in or out */
};
WS2HOST_ABI_SIZE(struct ws2host_linger_params, 16);

/* getnameinfo through the host's resolver; flags are Windows NI_*. */
struct ws2host_getnameinfo_params
{
    uint8_t address[32];        /* in: Windows layout */
    int32_t length;             /* in */
    int32_t flags;              /* in */
    uint64_t host;              /* out: UTF-8, or 0 */
    uint32_t host_size;         /* in */
    uint32_t service_size;      /* in */
    uint64_t service;           /* out: UTF-8, or 0 */
};
WS2HOST_ABI_SIZE(struct ws2host_getnameinfo_params, 64);

/* The host's services database, by name (name set) or by port. */
struct ws2host_getservice_params
{
    char name[64];              /* in (by name) / out */
    char protocol[16];          /* in ("" for any) / out */
    int32_t port;               /* in (by port, network order) / out */
    int32_t by_name;            /* in */
};
WS2HOST_ABI_SIZE(struct ws2host_getservice_params, 88);

#endif /* WS2HOST_UNIXLIB_H */
