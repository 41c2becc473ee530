/*
 * Per-handle socket state: a thread-safe table keyed by the SOCKET value,
 * with O(1) lookup. Portable C (no windows.h) so the host tests can run it.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_SOCKETTABLE_H
#define WS2HOST_SOCKETTABLE_H

#include <stddef.h>
#include <stdint.h>

struct ws_socket_info
{
    int32_t family;             /* Windows AF_* */
    int32_t type;               /* Windows SOCK_* */
    int32_t protocol;           /* Windows IPPROTO_* as created */
    uint32_t catalog_id;        /* dwCatalogEntryId of its provider */
    uint32_t flags;             /* WSASocket dwFlags as given */
    int32_t overlapped;         /* the overlapped attribute */
    int32_t opentype;           /* caller's SO_OPENTYPE at creation */
    int32_t adopted;            /* not created here: inherited or duplicated */
    int32_t debug;              /* SO_DEBUG: kept here, it has no effect */
    int32_t v6only;             /* IPV6_V6ONLY as AF_INET sockets report it */
    int32_t nonblocking;        /* FIONBIO */
    uint32_t rcvtimeo;          /* SO_RCVTIMEO, ms; 0: none */
    uint32_t sndtimeo;          /* SO_SNDTIMEO, ms; 0: none */
    int32_t address_use;        /* enum ws_address_use: SO_REUSEADDR, SO_EXCLUSIVEADDRUSE */
    int32_t error;              /* SO_ERROR as set by the program; 0: Linux' */
    uint32_t kept;              /* WS_KEPT_*: values the program set, read back as set */
    int32_t rcvbuf, sndbuf;     /* SO_RCVBUF, SO_SNDBUF (Linux doubles them) */
    uint32_t linger;            /* SO_LINGER's LINGER bytes (Linux normalises l_onoff) */
    int32_t multicast_if;       /* IP_MULTICAST_IF as set (Linux forgets an index) */
    int32_t shut_down;          /* WS_SHUT_RECEIVE | WS_SHUT_SEND already done */
    int32_t connecting;         /* a non-blocking connect was started, outcome unseen */
    int32_t listening;          /* listen succeeded */
    int32_t async_issued;       /* an operation went to Wine with an OVERLAPPED */
    int32_t protection_level;   /* IPV6_PROTECTION_LEVEL as set; 0: never set */
    int32_t event_mask;         /* FD_* of WSAEventSelect/WSAAsyncSelect; 0: none */
    int32_t reusable;           /* disconnected with TF_REUSE_SOCKET: AcceptEx may take it */
    int32_t send_path;          /* enum ws_send_path: may an overlapped send end here? */
    uint32_t recv_control;      /* WS_RECV_*: the control messages asked for that share a
                                   Linux flag (IP_RECVTOS and IP_RECVECN...) */
    int32_t send_pended;        /* an overlapped send through Wine was left pending:
                                   a direct send could overtake it (sendnotify.c) */
    int32_t duplicated;         /* handed out by WSADuplicateSocket or made from its
                                   info: other handles may name the object
                                   (closesocket asks) */
    uint32_t wait_key;          /* names this registration to blocking waits, which
                                   closesocket releases (never reused) */
    int32_t peer_length;        /* stream sockets: size of peer; 0: not known yet,
                                   -1: asked Linux, who had none */
    uint8_t peer[28];           /* the peer's address (a SOCKADDR_IN or _IN6), which
                                   Windows still names after the connection ended */
    uint64_t connect_tick;      /* GetTickCount64 when connected; 0: not yet */
    uint64_t inode;             /* Linux identity, detects a reused handle; 0 until
                                   the fd is first fetched */
    uint64_t held_tick;         /* GetTickCount64 when ws2host first held the rest of
                                   a send (heldsend.c); 0: never, so sends through
                                   Wine, shutdown and closesocket need not ask */
};

/* Overlapped sends on a socket whose completion mode skips both the port
 * and the handle's signal on success may complete in user mode (see
 * sendatonce.c); once one went through Wine, they all do. */
enum ws_send_path
{
    ws_send_path_unknown = 0,   /* the completion mode not read yet */
    ws_send_path_at_once,       /* both SKIP flags set, nothing ever sent through Wine */
    ws_send_path_wine,          /* every overlapped send goes through Wine */
};

#define WS_KEPT_RCVBUF 0x1
#define WS_KEPT_SNDBUF 0x2
#define WS_KEPT_LINGER 0x4
#define WS_KEPT_MULTICAST_IF 0x8
/* Windows' receive options that share a Linux one (docs/sockopt.md). */
#define WS_RECV_TOS    WS2HOST_RECV_TOS       /* IP_RECVTOS: IP_TOS messages */
#define WS_RECV_ECN    WS2HOST_RECV_ECN       /* IP_RECVECN: IP_ECN messages */
#define WS_RECV_TCLASS WS2HOST_RECV_TCLASS    /* IPV6_RECVTCLASS: IPV6_TCLASS messages */
#define WS_RECV_ECN6   WS2HOST_RECV_ECN6      /* IPV6_RECVECN: IPV6_ECN messages */
#define WS_SHUT_RECEIVE 1
#define WS_SHUT_SEND    2

/* Handle values above this cannot be tracked (Wine's are far below). */
#define WS_SOCKET_TABLE_MAX_HANDLE ((uint64_t)4096 * 1024 * 4 - 4)

/* 0 on success, -1 when out of memory or the handle is out of range.
 * Replaces any entry left by a handle closed with CloseHandle. */
int socket_table_insert(uint64_t handle, const struct ws_socket_info *info);
/* Writes the fields that differ between before (a lookup's copy) and
 * after into the entry, if it still holds the socket of before (same
 * registration, by wait_key):
 * a concurrent update of other fields is kept, and the entry of a socket
 * closed meanwhile is not brought back. Of the bitmask fields (kept,
 * shut_down) only the bits set or cleared are applied, so a concurrent
 * change of other bits is kept too. 0, or -1 when the entry is gone. */
int socket_table_update(uint64_t handle, const struct ws_socket_info *before, const struct ws_socket_info *after);
/* 0 and a copy in *info when present, -1 otherwise. */
int socket_table_lookup(uint64_t handle, struct ws_socket_info *info);
/* 0 and the removed entry in *info (may be NULL) when present, -1 otherwise. */
int socket_table_remove(uint64_t handle, struct ws_socket_info *info);
struct ws_socket_entry
{
    uint64_t handle;
    struct ws_socket_info info;
};

/* Removes at most max entries, storing them in entries; returns how many. */
size_t socket_table_drain(struct ws_socket_entry *entries, size_t max);
size_t socket_table_count(void);
/* Up to max handles of entries, not adopted, whose inode is not known yet. */
size_t socket_table_unidentified(uint64_t *handles, size_t max);
/* Is there an entry other than `except` for this inode, not adopted? */
int socket_table_has_origin(uint64_t inode, uint64_t except);

#endif /* WS2HOST_SOCKETTABLE_H */
