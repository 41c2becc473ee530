/*
 * Declarations shared by the Windows-facing files of ws2_32.dll.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_WS2_32_PRIVATE_H
#define WS2HOST_WS2_32_PRIVATE_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>

#include "ws2host/unixlib.h"
#include "ws2host/wsvalues.h"
#include "debug.h"
#include "sockettable.h"

/* Wine-only ntdll exports, resolved at run time (unixcall.c). */
struct wine_abi
{
    LONG (__cdecl *fd_to_handle)(int fd, unsigned int access, unsigned int attributes, HANDLE *handle);
    LONG (__cdecl *handle_to_fd)(HANDLE handle, unsigned int access, int *unix_fd, unsigned int *options);
};
extern struct wine_abi wine;

BOOL ws_unix_init(void);
unsigned int ws_unix_call(enum ws2host_call code, void *params);
void ws_unix_close_fd(int fd);

/* startup.c */
BOOL ws_is_started(void);
/* winecaller.c: may a name lookup called from `caller` (a return address)
 * run? After WSAStartup always; before it only for Wine's own DLLs. */
BOOL ws_may_resolve(const void *caller);

/* thread.c: per-thread state, created on first use, freed at thread exit. */
#define WS_MAX_HOST_ADDRESSES 16

struct ws_thread
{
    int opentype;                       /* SO_OPENTYPE of this thread */
    char ntoa[16];                      /* inet_ntoa's result */
    struct protoent proto;              /* getprotoby*'s result */
    char *proto_aliases[2];
    struct hostent host;                /* gethostby*'s result */
    char host_name[256];
    char *host_aliases[1];
    char *host_address_list[WS_MAX_HOST_ADDRESSES + 1];
    struct in_addr host_addresses[WS_MAX_HOST_ADDRESSES];
    struct servent service;             /* getservby*'s result */
    char service_name[64];
    char service_protocol[16];
    char *service_aliases[1];
};
struct ws_thread *ws_thread_get(void);  /* NULL only when out of memory */
int ws_thread_opentype(void);           /* 0 without allocating */
void ws_thread_init(void);
void ws_thread_detach(void);
void ws_thread_shutdown(void);

/* memcheck.c: can this range be read / written without a fault? */
BOOL ws_readable(const void *ptr, SIZE_T size);
BOOL ws_writable(void *ptr, SIZE_T size);
void ws_memcheck_shutdown(void);
/* ...and a NUL-terminated string, terminator included, be read? */
BOOL ws_readable_string(const char *text);
BOOL ws_readable_wstring(const WCHAR *text);

/* protocols.c: a catalog entry as Windows structures. */
struct ws_catalog_entry;
void ws_protocol_info_w(const struct ws_catalog_entry *entry, WSAPROTOCOL_INFOW *info);
void ws_protocol_info_a(const WSAPROTOCOL_INFOW *info_w, WSAPROTOCOL_INFOA *info_a);

/* opentype.c: SO_OPENTYPE, which needs no socket. */
int ws_get_opentype(char *optval, int *optlen);
int ws_set_opentype(const char *optval, int optlen);

/* What WSADuplicateSocket leaves in the protocol info it fills:
 * dwServiceFlags4 says "ours", dwProviderReserved holds the handle
 * already duplicated into the target process. */
#define DUPLICATE_MARK 0x77733268

/* handles.c */
#define OBJ_INHERIT_VALUE WS_OBJ_INHERIT
int ws_socket_from_handle(SOCKET s, struct ws_socket_info *info, int *fd);
/* The same, always checking that the handle still names the socket its
 * state describes: for calls that must not touch another object that took
 * a closed socket's handle value, or that answer from the state alone
 * (closing, duplicating, options, ioctls, select). */
int ws_socket_verified(SOCKET s, struct ws_socket_info *info, int *fd);
/* As ws_socket_from_handle, but for functions that go by Windows' socket
 * registry: a DuplicateHandle copy of a socket of this process is not a
 * socket to them (WSAENOTSOCK). */
int ws_registered_socket(SOCKET s, struct ws_socket_info *info);
void ws_cancel_waiters(uint64_t inode);
/* Wraps (and closes) a Linux socket fd in a new NT handle: 0 or a WSA error. */
int ws_wrap_fd(int fd, DWORD extra_access, BOOL inherit, HANDLE *handle);
void ws_close_all_sockets(void);

/* resolveasync.c: GetAddrInfoExW with an OVERLAPPED; a WSA code, or
 * WSA_IO_PENDING when the query was started. */
int ws_getaddrinfoex_async(const WCHAR *name, const WCHAR *service, const ADDRINFOEXW *hints, ADDRINFOEXW **result,
                           OVERLAPPED *overlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE completion, HANDLE *handle);

/* bindrules.c: bind with Windows' address sharing rules. */
int ws_bind_by_windows_rules(SOCKET s, const struct ws_socket_info *info, struct ws2host_address_params *params);
void ws_bind_forget(SOCKET s);
void ws_bind_forget_all(void);

/* connection.c: a call on a socket starts with ws_socket_call (Winsock
 * started, s a socket: its state, and an fd to give back with
 * ws_unix_close_fd); ws_send_on and ws_receive_on move the data. All
 * three return 0 or a WSA error and leave the last error alone. A
 * datagram longer than the buffer fills it: WSAEMSGSIZE, with the count. */
int ws_socket_call(SOCKET s, struct ws_socket_info *info, int *fd);
/* Ends such a call: gives the fd back, sets the last error (0 on
 * success) and returns 0 or SOCKET_ERROR. */
int ws_socket_done(int fd, int err);
int ws_send_on(const struct ws_socket_info *info, int fd, const char *buffer, DWORD length, int flags,
               const struct sockaddr *to, int tolen, BOOL connected_only, DWORD *sent);
int ws_receive_on(const struct ws_socket_info *info, int fd, char *buffer, DWORD length, int flags,
                  struct sockaddr *from, int *fromlen, DWORD *received);

/* Sets the thread's last error and returns what Winsock functions return. */
static inline int ws_fail(int error)
{
    SetLastError(error);
    return SOCKET_ERROR;
}

static inline SOCKET ws_fail_socket(int error)
{
    SetLastError(error);
    return INVALID_SOCKET;
}

#endif /* WS2HOST_WS2_32_PRIVATE_H */
