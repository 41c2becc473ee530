/*
 * The ws2_32 exports that are not implemented yet.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each keeps the prototype the SDK headers declare, so the compiler checks
 * it, logs one FIXME (Wine's log header names the function) and fails the
 * way Windows fails an operation it does not support: WSANOTINITIALISED
 * before WSAStartup where Windows requires it, WSAENOTSOCK for a handle
 * that is not a socket, then WSAEOPNOTSUPP. Nothing pretends to succeed.
 * The name-service functions still here (WSALookupService* and the
 * service classes) fail with WSAEOPNOTSUPP as well.
 */
#include "ws2_32_private.h"
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <sporder.h>

/* Exports that no MinGW header declares; prototypes per Microsoft's
 * documentation (WSApSetPostRoutine is undocumented: it receives the
 * routine used to post WSAAsyncSelect messages). */
int WINAPI WSApSetPostRoutine(LPWPUPOSTMESSAGE post_routine);

/* Logged once per function; the header of the log line names it. */
#define STUB() FIXME_ONCE("stub\n")

/* The error of a stub that needs WSAStartup. */
static int unsupported(void)
{
    return ws_is_started() ? WSAEOPNOTSUPP : WSANOTINITIALISED;
}

/* The same for an operation on a socket, which Windows checks next: the
 * frame the stub ends. */
static int unsupported_on(struct ws_call *call, SOCKET s)
{
    int err = ws_call_begin(call, s, WS_CALL_FD);

    return err ? err : WSAEOPNOTSUPP;
}

/* Service provider functions report through an lpErrno argument. */
static int fail_errno(LPINT errno_out, int error)
{
    if (ws_writable(errno_out, sizeof(*errno_out))) *errno_out = error;
    return SOCKET_ERROR;
}

/*
 * Socket operations (Winsock 2)
 */

/* WSAGetQOSByName (WS2_32.61) */
BOOL WINAPI WSAGetQOSByName(SOCKET s, LPWSABUF qos_name, LPQOS qos)
{
    struct ws_call call;

    STUB();
    return ws_call_end_bool(&call, unsupported_on(&call, s));
}

/* WSAJoinLeaf (WS2_32.71) */
SOCKET WINAPI WSAJoinLeaf(SOCKET s, const struct sockaddr *name, int namelen,
                          LPWSABUF caller_data, LPWSABUF callee_data, LPQOS sqos, LPQOS gqos,
                          DWORD flags)
{
    struct ws_call call;

    STUB();
    return ws_call_end_socket(&call, unsupported_on(&call, s), INVALID_SOCKET);
}

/*
 * Protocol catalog
 */

/* WSAProviderConfigChange (WS2_32.81): SOCKET_ERROR and the last error,
 * as documented. */
INT WINAPI WSAProviderConfigChange(LPHANDLE notification, LPWSAOVERLAPPED overlapped,
                                   LPWSAOVERLAPPED_COMPLETION_ROUTINE completion)
{
    STUB();
    return ws_fail(unsupported());
}

/*
 * Name spaces and services
 */

/* WSAEnumNameSpaceProvidersA (WS2_32.47) */
INT WINAPI WSAEnumNameSpaceProvidersA(LPDWORD buffer_length, LPWSANAMESPACE_INFOA buffer)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSAEnumNameSpaceProvidersW (WS2_32.48) */
INT WINAPI WSAEnumNameSpaceProvidersW(LPDWORD buffer_length, LPWSANAMESPACE_INFOW buffer)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSAGetServiceClassInfoA (WS2_32.62) */
INT WINAPI WSAGetServiceClassInfoA(LPGUID provider_id, LPGUID class_id, LPDWORD size,
                                   LPWSASERVICECLASSINFOA info)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSAGetServiceClassInfoW (WS2_32.63) */
INT WINAPI WSAGetServiceClassInfoW(LPGUID provider_id, LPGUID class_id, LPDWORD size,
                                   LPWSASERVICECLASSINFOW info)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSAGetServiceClassNameByClassIdA (WS2_32.64) */
INT WINAPI WSAGetServiceClassNameByClassIdA(LPGUID class_id, LPSTR name, LPDWORD length)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSAGetServiceClassNameByClassIdW (WS2_32.65) */
INT WINAPI WSAGetServiceClassNameByClassIdW(LPGUID class_id, LPWSTR name, LPDWORD length)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSAInstallServiceClassA (WS2_32.68) */
INT WINAPI WSAInstallServiceClassA(LPWSASERVICECLASSINFOA info)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSAInstallServiceClassW (WS2_32.69) */
INT WINAPI WSAInstallServiceClassW(LPWSASERVICECLASSINFOW info)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSALookupServiceBeginA (WS2_32.72) */
INT WINAPI WSALookupServiceBeginA(LPWSAQUERYSETA restrictions, DWORD flags, LPHANDLE lookup)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSALookupServiceBeginW (WS2_32.73) */
INT WINAPI WSALookupServiceBeginW(LPWSAQUERYSETW restrictions, DWORD flags, LPHANDLE lookup)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSALookupServiceEnd (WS2_32.74) */
INT WINAPI WSALookupServiceEnd(HANDLE lookup)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSALookupServiceNextA (WS2_32.75) */
INT WINAPI WSALookupServiceNextA(HANDLE lookup, DWORD flags, LPDWORD buffer_length,
                                 LPWSAQUERYSETA results)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSALookupServiceNextW (WS2_32.76) */
INT WINAPI WSALookupServiceNextW(HANDLE lookup, DWORD flags, LPDWORD buffer_length,
                                 LPWSAQUERYSETW results)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSANSPIoctl (WS2_32.77) */
INT WINAPI WSANSPIoctl(HANDLE lookup, DWORD code, LPVOID in_buffer, DWORD in_size,
                       LPVOID out_buffer, DWORD out_size, LPDWORD returned,
                       LPWSACOMPLETION completion)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSARemoveServiceClass (WS2_32.85) */
INT WINAPI WSARemoveServiceClass(LPGUID class_id)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSASetServiceA (WS2_32.92) */
INT WINAPI WSASetServiceA(LPWSAQUERYSETA info, WSAESETSERVICEOP operation, DWORD flags)
{
    STUB();
    return ws_fail(unsupported());
}

/* WSASetServiceW (WS2_32.93) */
INT WINAPI WSASetServiceW(LPWSAQUERYSETW info, WSAESETSERVICEOP operation, DWORD flags)
{
    STUB();
    return ws_fail(unsupported());
}

/*
 * Service provider interface: catalog configuration (no WSAStartup
 * needed) and upcalls
 */

/* WSApSetPostRoutine (WS2_32.35) */
int WINAPI WSApSetPostRoutine(LPWPUPOSTMESSAGE post_routine)
{
    STUB();
    return ws_fail(WSAEOPNOTSUPP);
}

/* WPUCompleteOverlappedRequest (WS2_32.36) */
int WINAPI WPUCompleteOverlappedRequest(SOCKET s, LPWSAOVERLAPPED overlapped, DWORD error,
                                        DWORD transferred, LPINT lpErrno)
{
    STUB();
    return fail_errno(lpErrno, WSAEOPNOTSUPP);
}

/* WSCDeinstallProvider (WS2_32.99) */
int WINAPI WSCDeinstallProvider(LPGUID provider_id, LPINT lpErrno)
{
    STUB();
    return fail_errno(lpErrno, WSAEOPNOTSUPP);
}

/* WSCEnableNSProvider (WS2_32.100) */
INT WINAPI WSCEnableNSProvider(LPGUID provider_id, BOOL enable)
{
    STUB();
    return ws_fail(WSAEOPNOTSUPP);
}

/* WSCEnumProtocols (WS2_32.117) */
int WINAPI WSCEnumProtocols(LPINT protocols, LPWSAPROTOCOL_INFOW buffer, LPDWORD buffer_length,
                            LPINT lpErrno)
{
    STUB();
    return fail_errno(lpErrno, WSAEOPNOTSUPP);
}

/* WSCGetProviderInfo (WS2_32.118) */
int WINAPI WSCGetProviderInfo(LPGUID provider_id, WSC_PROVIDER_INFO_TYPE info_type, PBYTE info,
                              size_t *info_size, DWORD flags, LPINT lpErrno)
{
    STUB();
    return fail_errno(lpErrno, WSAEOPNOTSUPP);
}

/* WSCGetProviderPath (WS2_32.119) */
int WINAPI WSCGetProviderPath(LPGUID provider_id, WCHAR *path, LPINT path_length, LPINT lpErrno)
{
    STUB();
    return fail_errno(lpErrno, WSAEOPNOTSUPP);
}

/* WSCInstallNameSpace (WS2_32.120) */
INT WINAPI WSCInstallNameSpace(LPWSTR identifier, LPWSTR path, DWORD namespace, DWORD version,
                               LPGUID provider_id)
{
    STUB();
    return ws_fail(WSAEOPNOTSUPP);
}

/* WSCInstallProvider (WS2_32.121) */
int WINAPI WSCInstallProvider(LPGUID provider_id, const WCHAR *path,
                              const LPWSAPROTOCOL_INFOW protocol_info, DWORD count,
                              LPINT lpErrno)
{
    STUB();
    return fail_errno(lpErrno, WSAEOPNOTSUPP);
}

/* WSCGetApplicationCategory (WS2_32.132): exported from Wine 10 on. */
int WINAPI WSCGetApplicationCategory(LPCWSTR path, DWORD path_length, LPCWSTR extra,
                                     DWORD extra_length, DWORD *categories, LPINT lpErrno)
{
    STUB();
    return fail_errno(lpErrno, WSAEOPNOTSUPP);
}

/* WSCSetApplicationCategory (WS2_32.122) */
int WINAPI WSCSetApplicationCategory(LPCWSTR path, DWORD path_length, LPCWSTR extra,
                                     DWORD extra_length, DWORD categories,
                                     DWORD *previous_categories, LPINT lpErrno)
{
    STUB();
    return fail_errno(lpErrno, WSAEOPNOTSUPP);
}

/* WSCUnInstallNameSpace (WS2_32.123) */
INT WINAPI WSCUnInstallNameSpace(LPGUID provider_id)
{
    STUB();
    return ws_fail(WSAEOPNOTSUPP);
}

/* WSCUpdateProvider (WS2_32.124) */
int WINAPI WSCUpdateProvider(LPGUID provider_id, const WCHAR *path,
                             const LPWSAPROTOCOL_INFOW protocol_info, DWORD count, LPINT lpErrno)
{
    STUB();
    return fail_errno(lpErrno, WSAEOPNOTSUPP);
}

/* WSCWriteNameSpaceOrder (WS2_32.125): returns its error */
int WINAPI WSCWriteNameSpaceOrder(LPGUID provider_ids, DWORD count)
{
    STUB();
    return WSAEOPNOTSUPP;
}

/* WSCWriteProviderOrder (WS2_32.126): returns its error */
int WINAPI WSCWriteProviderOrder(LPDWORD catalog_ids, DWORD count)
{
    STUB();
    return WSAEOPNOTSUPP;
}
