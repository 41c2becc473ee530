/*
 * Declarations shared by the Windows-facing files of ws2_32.dll.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_WS2_32_PRIVATE_H
#define WS2HOST_WS2_32_PRIVATE_H

/* MinGW-w64 declares a timeout of these as "const PTIMEVAL" up to
 * version 11 and as Windows' SDK does ("const TIMEVAL *") from 12 on
 * (Debian 12 and 13): its declarations are put aside and Windows' own
 * stated below, so one definition builds with both. */
#define select ws_mingw_select
#define WSAConnectByNameA ws_mingw_WSAConnectByNameA
#define WSAConnectByNameW ws_mingw_WSAConnectByNameW
#define WSAConnectByList ws_mingw_WSAConnectByList
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#undef select
#undef WSAConnectByNameA
#undef WSAConnectByNameW
#undef WSAConnectByList
int WSAAPI select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const TIMEVAL *timeout);
BOOL PASCAL WSAConnectByNameA(SOCKET s, LPSTR nodename, LPSTR servicename, LPDWORD local_address_length,
                              LPSOCKADDR local_address, LPDWORD remote_address_length,
                              LPSOCKADDR remote_address, const TIMEVAL *timeout, LPWSAOVERLAPPED reserved);
BOOL PASCAL WSAConnectByNameW(SOCKET s, LPWSTR nodename, LPWSTR servicename, LPDWORD local_address_length,
                              LPSOCKADDR local_address, LPDWORD remote_address_length,
                              LPSOCKADDR remote_address, const TIMEVAL *timeout, LPWSAOVERLAPPED reserved);
BOOL PASCAL WSAConnectByList(SOCKET s, PSOCKET_ADDRESS_LIST list, LPDWORD local_address_length,
                             LPSOCKADDR local_address, LPDWORD remote_address_length, LPSOCKADDR remote_address,
                             const TIMEVAL *timeout, LPWSAOVERLAPPED reserved);

#include "ws2host/unixlib.h"
#include "ws2host/wsvalues.h"
#include "debug.h"
#include "sockettable.h"

/* Wine-only ntdll exports, resolved at run time (unixcall.c). */
struct wine_abi
{
    LONG (__cdecl *handle_to_fd)(HANDLE handle, unsigned int access, int *unix_fd, unsigned int *options);
};
extern struct wine_abi wine;

BOOL ws_unix_init(void);
const char *ws_wine_version(void);
int ws_wine_major(void);
unsigned int ws_unix_convention(void);      /* enum ws2host_convention */
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
    /* gethostby*'s result, laid out as Windows lays it out (protocol.c
     * test_dns): the hostent, its aliases, its address list, the
     * addresses, then the name. */
    union
    {
        struct hostent host;
        char bytes[sizeof(struct hostent) + (WS_MAX_HOST_ADDRESSES + 2) * sizeof(char *) +
                   WS_MAX_HOST_ADDRESSES * sizeof(struct in_addr) + 256];
    } host;
    struct servent service;             /* getservby*'s result */
    char service_name[64];
    char service_protocol[16];
    char *service_aliases[1];
    HANDLE sync_event;                  /* for server calls answered later (afd.c) */
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

/* handles.c: the lookups behind the call frame (callframe.c), which is
 * the only caller. */
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
/* Releases the threads blocked in calls made through this registration
 * of a socket (closesocket). */
void ws_cancel_waiters(uint32_t wait_key);
/* A new registration's wait key: never 0, never reused. */
uint32_t ws_new_wait_key(void);
/* The per-handle state of a socket object this process just got. */
void ws_state_from_info(struct ws_socket_info *state, int family, int type, int protocol);
/* Before the handle's close: cancels what Windows' close would end. */
void ws_cancel_before_close(SOCKET s, const struct ws_socket_info *info);
void ws_close_all_sockets(void);

/* afd.c: Wine's socket objects. ws_afd_create opens one with the open
 * options of its overlapped attribute and SO_OPENTYPE; ws_afd_ioctl
 * sends a control code to the server (waiting on the thread's event when
 * the answer comes later) and returns the NTSTATUS; ws_afd_call the same
 * as a WSA error. */
struct ws_afd_create;
int ws_afd_create(const struct ws_afd_create *create, BOOL overlapped, int opentype, DWORD access, BOOL inherit,
                  HANDLE *handle);
LONG ws_afd_ioctl(SOCKET s, DWORD code, const void *in, DWORD in_size, void *out, DWORD out_size,
                  ULONG_PTR *returned);
int ws_afd_call(SOCKET s, DWORD code, const void *in, DWORD in_size, void *out, DWORD out_size);
/* The same for a call answered at once, with no event (Wine 10's ntdll
 * would set one with a request). */
int ws_afd_query(SOCKET s, DWORD code, const void *in, DWORD in_size, void *out, DWORD out_size);
int ws_afd_file_mode(HANDLE handle, ULONG *mode);
BOOL ws_afd_check(void);
/* A socket object, as Wine's server says (one request, no fd). */
BOOL ws_afd_is_socket_object(SOCKET s);
/* The thread's event for calls Wine answers later (NULL without memory). */
HANDLE ws_thread_sync_event(void);
/* Is some thread waiting in a server call that closesocket must cancel? */
BOOL ws_afd_waits_pending(void);
/* asyncio.c: transfers through Wine's socket device. With an OVERLAPPED
 * they complete on it (0 at once, WSA_IO_PENDING later, or an error);
 * without one they block. */
int ws_async_call(SOCKET s, DWORD code, const void *in, DWORD in_size, void *out, DWORD out_size,
                  WSAOVERLAPPED *overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion);
int ws_wine_receive(SOCKET s, WSABUF *buffers, DWORD count, DWORD *received, DWORD *flags, struct sockaddr *from,
                    int *fromlen, WSABUF *control, WSAOVERLAPPED *overlapped,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE completion);
int ws_wine_send(SOCKET s, const WSABUF *buffers, DWORD count, DWORD *sent, DWORD flags, const struct sockaddr *to,
                 int tolen, WSAOVERLAPPED *overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE completion);
/* acceptcontext.c: SO_UPDATE_ACCEPT_CONTEXT, SO_UPDATE_CONNECT_CONTEXT,
 * on a frame begun with WS_CALL_STATE. */
struct ws_call;
BOOL ws_is_context_option(int level, int option);
int ws_set_context_option(struct ws_call *call, int option, const char *optval, int optlen);
/* select.c: SO_ERROR of a socket whose non-blocking connect has not been
 * seen to end, from Wine's server. */
int ws_connect_error(SOCKET s, char *optval, int *optlen);
/* extensions.c: the function a SIO_GET_EXTENSION_FUNCTION_POINTER GUID names. */
void *ws_extension_function(const GUID *guid);
/* transmit.c: TF_DISCONNECT and TF_REUSE_SOCKET after a transfer's data
 * (a frame begun with WS_CALL_STATE; pending: the transfer's OVERLAPPED
 * when it has not ended); 0 or a WSA error. */
int ws_transmit_disconnect(struct ws_call *call, DWORD flags, OVERLAPPED *pending);
/* 0, or for TF_REUSE_SOCKET where Wine cannot reuse WSAEOPNOTSUPP
 * (WSAENOTCONN first for a socket with no connection). */
int ws_check_reuse(struct ws_call *call, DWORD flags);
/* ntstatus.c */
int ws_error_from_status(LONG status);
/* What Windows reports for an operation that ended with this status. */
int ws_overlapped_error(LONG status);

/* resolveasync.c: GetAddrInfoExW with an OVERLAPPED; a WSA code, or
 * WSA_IO_PENDING when the query was started. */
int ws_getaddrinfoex_async(const WCHAR *name, const WCHAR *service, const ADDRINFOEXW *hints, ADDRINFOEXW **result,
                           OVERLAPPED *overlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE completion, HANDLE *handle);
/* ...and the thread pool both it and the WSAAsyncGet* lookups run on. */
BOOL ws_run_in_pool(PTP_SIMPLE_CALLBACK callback, void *context);

/* bindrules.c: bind with Windows' address sharing rules. */
int ws_bind_by_windows_rules(SOCKET s, const struct ws_socket_info *info, struct ws2host_address_params *params);
void ws_bind_forget(SOCKET s);
void ws_bind_forget_all(void);

/* callframe.c: every Winsock function on a socket runs in a frame.
 * ws_call_begin makes the checks and lookups `flags` ask for and returns
 * 0 or a WSA error; whatever it returns, one ws_call_end* ends the call:
 * it gives the fd back, sets the last error (0 on success) and returns
 * the function's shape of result. A frame inside another call (a second
 * socket, select's sockets) ends with ws_call_release, which leaves the
 * last error to the outer frame; one begun without an fd holds nothing
 * to release. */
enum
{
    /* One of: */
    WS_CALL_NOTHING,        /* nothing: for checks Windows makes before its own */
    WS_CALL_STARTED,        /* Winsock started; no socket (creation, select) */
    WS_CALL_STATE,          /* and s's state: Wine's server does the work, no fd */
    WS_CALL_FD,             /* and the Linux fd; known state trusted (data calls) */
    WS_CALL_VERIFIED,       /* the state, the handle's identity checked (handles.c) */
    WS_CALL_VERIFIED_FD,    /* the same, and the fd */
    WS_CALL_REGISTERED,     /* state; an adopted handle verified and not a DuplicateHandle copy */
    WS_CALL_SOCKET_OBJECT,  /* state, and Wine's server still holds a socket at s (no fd) */
    WS_CALL_NEEDS = 0xff,
    /* And: success leaves the last error as it was (closesocket,
     * WSAGetOverlappedResult, WSAHtonl and its kin, as Wine's builtin). */
    WS_CALL_KEEP_ERROR = 0x100,
    WS_CALL_UNVERIFIED = 0x200,     /* fd held, identity not checked yet (ws_call_verify_many) */
};

struct ws_call
{
    SOCKET s;
    struct ws_socket_info info;         /* as looked up */
    int fd;                             /* -1: none held */
    unsigned int flags;
    const struct ws2host_pktinfo *source;   /* a datagram's source (WSASendMsg); NULL: none */
};

int ws_call_begin(struct ws_call *call, SOCKET s, unsigned int flags);
/* The fd too, for a frame begun without one. */
int ws_call_need_fd(struct ws_call *call);
void ws_call_release(struct ws_call *call);
int ws_call_end(struct ws_call *call, int err);                      /* 0 or SOCKET_ERROR */
int ws_call_end_count(struct ws_call *call, int err, int count);     /* count or SOCKET_ERROR */
SOCKET ws_call_end_socket(struct ws_call *call, int err, SOCKET result);  /* or INVALID_SOCKET */
BOOL ws_call_end_bool(struct ws_call *call, int err);                /* TRUE or FALSE */
/* Frames of many sockets begun at once as WS_CALL_VERIFIED_FD (select),
 * each calls[i].s set by the caller: their fds fetched on the unix side
 * in one call. With `later`, known sockets' identity checks wait for
 * ws_call_verify_many, for those the caller names (WS_CALL_UNVERIFIED
 * until then). On failure no frame holds an fd and *failed is the first
 * refused. ws_call_release_many gives the fds back in one call. */
int ws_call_begin_many(struct ws_call *calls, unsigned int count, BOOL later, unsigned int *failed);
int ws_call_verify_many(struct ws_call *calls, unsigned int count, const BOOL *wanted, unsigned int *failed);
void ws_call_release_many(struct ws_call *calls, unsigned int count);
/* handles.c, behind them: WSAEOPNOTSUPP when the unix side cannot fetch. */
int ws_sockets_verified(struct ws_call *calls, unsigned int count, BOOL later, unsigned int *failed);
int ws_sockets_verify(struct ws_call *calls, unsigned int count, const BOOL *wanted, unsigned int *failed);
void ws_fds_close(struct ws_call *calls, unsigned int count);

/* connection.c: ws_send_on and ws_receive_on move the data on a frame
 * with an fd; they return 0 or a WSA error and leave the last error
 * alone. A datagram longer than the buffer fills it: WSAEMSGSIZE, with
 * the count. The buffers (at most WS2HOST_MAX_BUFFERS) are checked by
 * the caller, before anything moves; a blocking send may change the
 * entries. */
int ws_send_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
               const struct sockaddr *to, int tolen, BOOL connected_only, DWORD *sent);
int ws_receive_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                  struct sockaddr *from, int *fromlen, DWORD *received);
int ws_receive_message_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                          struct sockaddr *from, int *fromlen, WSABUF *control, BOOL *control_truncated,
                          DWORD *received);
/* wsabuf.c: WSARecvMsg direct on the fd (no OVERLAPPED, a datagram
 * socket without event selection). */
int ws_receive_message(struct ws_call *call, WSAMSG *msg, DWORD *received);
int ws_send_whole_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count,
                     const struct sockaddr *to, int tolen, DWORD *sent);
int ws_send_overlapped_on(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                          const struct sockaddr *to, int tolen, DWORD *sent);
/* sendnotify.c: an overlapped send with control data, sent and completed
 * here (0) or failed with the error Windows gives at once. */
int ws_send_control_overlapped(struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, DWORD flags,
                               const struct sockaddr *to, int tolen, WSAOVERLAPPED *overlapped,
                               LPWSAOVERLAPPED_COMPLETION_ROUTINE completion, DWORD *sent);
/* wsabuf.c: WSASend's checks and paths for WSASendMsg with a chosen
 * source (non-overlapped, or an overlapped one completed at once). */
int ws_send_from_source(SOCKET s, const WSABUF *buffers, DWORD count, DWORD *sent, DWORD flags,
                        const struct sockaddr *to, int tolen, WSAOVERLAPPED *overlapped,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE completion, const struct ws2host_pktinfo *source);
/* sendcontrol.c: WSASendMsg's control messages as the source they choose:
 * 0, WSAEINVAL for a malformed list, WSAEOPNOTSUPP for one not supported. */
int ws_send_control_source(const WSABUF *control, int family, struct ws2host_pktinfo *source);
/* recvcontrol.c: a completed WSARecvMsg's messages as IP_RECVECN and
 * IPV6_RECVECN ask (`room`: the control buffer's size as given). */
void ws_recv_control_ecn(WSABUF *control, ULONG room, DWORD *flags, uint32_t asked);
/* sendatonce.c: an overlapped send completed here (0), or WSAEWOULDBLOCK:
 * hand it to Wine (asyncio.c then keeps the socket's sends there). */
int ws_send_at_once(struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, DWORD flags,
                    const struct sockaddr *to, int tolen, WSAOVERLAPPED *overlapped,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE completion, DWORD *sent);
/* Has the fd a name of this kind (ws2host_call_getsockname,
 * ws2host_call_getpeername)? Yes when it cannot be told. */
BOOL ws_fd_has_name(enum ws2host_call query, int fd);
/* heldsend.c: a socket whose send's rest the unix side holds (held_tick
 * set). ws_note_held records it; the rest keep its bytes in order. */
void ws_note_held(const struct ws_call *call);
int ws_wait_held(SOCKET s);
BOOL ws_shut_after_held(const struct ws_call *call);
void ws_close_held(SOCKET s, const struct ws_socket_info *info);
void ws_rearm_write(const struct ws_call *call);
/* peername.c: the peer of a stream connection, remembered in the state
 * (Windows names it after the connection ended, Linux does not). */
void ws_peer_remember(struct ws_socket_info *info, const struct sockaddr *name, int length);
void ws_peer_forget(struct ws_socket_info *info);
void ws_peer_learn(SOCKET s, struct ws_socket_info *info, int fd);
BOOL ws_was_connected(SOCKET s, const struct ws_socket_info *info);
int ws_peer_answer(SOCKET s, const struct ws_socket_info *info, struct ws2host_address_params *name);
/* eventselect.c: the same through Wine's socket device, for sockets with
 * an event selection (the server re-enables events only then). */
int ws_selected_send(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                     const struct sockaddr *to, int tolen, DWORD *sent);
int ws_selected_receive(const struct ws_call *call, struct ws2host_buffer *buffers, DWORD count, int flags,
                        struct sockaddr *from, int *fromlen, DWORD *received);

/* Sets the thread's last error and returns what Winsock functions return:
 * for the functions that take no socket (name services, startup); those
 * on a socket end through their frame. */
static inline int ws_fail(int error)
{
    SetLastError(error);
    return SOCKET_ERROR;
}

#endif /* WS2HOST_WS2_32_PRIVATE_H */
