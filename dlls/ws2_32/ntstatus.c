/*
 * NTSTATUS to Winsock error, in two layers: what Windows reports for an
 * operation's status (WSAGetOverlappedResult, completion routines), and
 * on top the answers Wine's server gives to the calls ws2host makes.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first table is Windows' (Wine's Windows-run tests, sock.c
 * test_WSAGetOverlappedResult, which checks every status of eight
 * ranges): a status it lists maps to its error, any other success status
 * to its Win32 error, any other failure to WSAEINVAL.
 */
#include <winternl.h>

#include "ws2_32_private.h"

struct status_error
{
    ULONG status;
    int error;
};

static const struct status_error windows_errors[] =
{
    /* Still pending after WSAGetOverlappedResult waited (its event was
     * set early): TRUE, and ERROR_IO_PENDING as the last error (Wine
     * 10's Windows-run sock.c test_WSAGetOverlappedResult). */
    { 0x00000103 /* STATUS_PENDING */,                    WSA_IO_PENDING },
    { 0x80000005 /* STATUS_BUFFER_OVERFLOW */,            WSAEMSGSIZE },
    { 0xc0000002 /* STATUS_NOT_IMPLEMENTED */,            WSAEOPNOTSUPP },
    { 0xc0000005 /* STATUS_ACCESS_VIOLATION */,           WSAEFAULT },
    { 0xc0000007 /* STATUS_PAGEFILE_QUOTA */,             WSAENOBUFS },
    { 0xc0000008 /* STATUS_INVALID_HANDLE */,             WSAENOTSOCK },
    { 0xc000000e /* STATUS_NO_SUCH_DEVICE */,             WSAENETDOWN },
    { 0xc000000f /* STATUS_NO_SUCH_FILE */,               WSAENETDOWN },
    { 0xc0000017 /* STATUS_NO_MEMORY */,                  WSAENOBUFS },
    { 0xc0000018 /* STATUS_CONFLICTING_ADDRESSES */,      WSAENOBUFS },
    { 0xc0000022 /* STATUS_ACCESS_DENIED */,              WSAEACCES },
    { 0xc0000023 /* STATUS_BUFFER_TOO_SMALL */,           WSAEFAULT },
    { 0xc0000024 /* STATUS_OBJECT_TYPE_MISMATCH */,       WSAENOTSOCK },
    { 0xc0000034 /* STATUS_OBJECT_NAME_NOT_FOUND */,      WSAENETDOWN },
    { 0xc000003a /* STATUS_OBJECT_PATH_NOT_FOUND */,      WSAENETDOWN },
    { 0xc0000043 /* STATUS_SHARING_VIOLATION */,          WSAEADDRINUSE },
    { 0xc0000044 /* STATUS_QUOTA_EXCEEDED */,             WSAENOBUFS },
    { 0xc0000097 /* STATUS_TOO_MANY_PAGING_FILES */,      WSAENOBUFS },
    { 0xc000009a /* STATUS_INSUFFICIENT_RESOURCES */,     WSAENOBUFS },
    { 0xc00000a1 /* STATUS_WORKING_SET_QUOTA */,          WSAENOBUFS },
    { 0xc00000a3 /* STATUS_DEVICE_NOT_READY */,           WSAEWOULDBLOCK },
    { 0xc00000b0 /* STATUS_PIPE_DISCONNECTED */,          WSAESHUTDOWN },
    { 0xc00000b5 /* STATUS_IO_TIMEOUT */,                 WSAETIMEDOUT },
    { 0xc00000bb /* STATUS_NOT_SUPPORTED */,              WSAEOPNOTSUPP },
    { 0xc00000bc /* STATUS_REMOTE_NOT_LISTENING */,       WSAECONNREFUSED },
    { 0xc00000be /* STATUS_BAD_NETWORK_PATH */,           WSAENETUNREACH },
    { 0xc00000bf /* STATUS_NETWORK_BUSY */,               WSAENETDOWN },
    { 0xc00000c3 /* STATUS_INVALID_NETWORK_RESPONSE */,   WSAENETDOWN },
    { 0xc00000c4 /* STATUS_UNEXPECTED_NETWORK_ERROR */,   WSAENETDOWN },
    { 0xc00000d0 /* STATUS_REQUEST_NOT_ACCEPTED */,       WSAEWOULDBLOCK },
    { 0xc0000120 /* STATUS_CANCELLED */,                  WSA_OPERATION_ABORTED },
    { 0xc000012d /* STATUS_COMMITMENT_LIMIT */,           WSAENOBUFS },
    { 0xc000013b /* STATUS_LOCAL_DISCONNECT */,           WSAECONNABORTED },
    { 0xc000013c /* STATUS_REMOTE_DISCONNECT */,          WSAECONNRESET },
    { 0xc000013d /* STATUS_REMOTE_RESOURCES */,           WSAENOBUFS },
    { 0xc000013e /* STATUS_LINK_FAILED */,                WSAECONNRESET },
    { 0xc000013f /* STATUS_LINK_TIMEOUT */,               WSAETIMEDOUT },
    { 0xc0000140 /* STATUS_INVALID_CONNECTION */,         WSAENOTCONN },
    { 0xc0000141 /* STATUS_INVALID_ADDRESS */,            WSAEADDRNOTAVAIL },
    { 0xc0000206 /* STATUS_INVALID_BUFFER_SIZE */,        WSAEMSGSIZE },
    { 0xc0000207 /* STATUS_INVALID_ADDRESS_COMPONENT */,  WSAEADDRNOTAVAIL },
    { 0xc0000209 /* STATUS_TOO_MANY_ADDRESSES */,         WSAENOBUFS },
    { 0xc000020a /* STATUS_ADDRESS_ALREADY_EXISTS */,     WSAEADDRINUSE },
    { 0xc000020c /* STATUS_CONNECTION_DISCONNECTED */,    WSAECONNRESET },
    { 0xc000020d /* STATUS_CONNECTION_RESET */,           WSAECONNRESET },
    { 0xc000020f /* STATUS_TRANSACTION_ABORTED */,        WSAECONNABORTED },
    { 0xc0000236 /* STATUS_CONNECTION_REFUSED */,         WSAECONNREFUSED },
    { 0xc0000237 /* STATUS_GRACEFUL_DISCONNECT */,        WSAEDISCON },
    { 0xc000023b /* STATUS_CONNECTION_ACTIVE */,          WSAEISCONN },
    { 0xc000023c /* STATUS_NETWORK_UNREACHABLE */,        WSAENETUNREACH },
    { 0xc000023d /* STATUS_HOST_UNREACHABLE */,           WSAEHOSTUNREACH },
    { 0xc000023e /* STATUS_PROTOCOL_UNREACHABLE */,       WSAENETUNREACH },
    { 0xc000023f /* STATUS_PORT_UNREACHABLE */,           WSAECONNRESET },
    { 0xc0000240 /* STATUS_REQUEST_ABORTED */,            WSAEINTR },
    { 0xc0000241 /* STATUS_CONNECTION_ABORTED */,         WSAECONNABORTED },
    { 0xc00002c5 /* STATUS_DATATYPE_MISALIGNMENT_ERROR */, WSAEFAULT },
    { 0xc0000350 /* STATUS_HOST_DOWN */,                  WSAEHOSTDOWN },
    { 0x80070000 | ERROR_IO_INCOMPLETE,                   ERROR_IO_INCOMPLETE },
    { 0xc0010000 | ERROR_IO_INCOMPLETE,                   ERROR_IO_INCOMPLETE },
    { 0xc0070000 | ERROR_IO_INCOMPLETE,                   ERROR_IO_INCOMPLETE },
};

/* Answers of Wine's server and ntdll to ws2host's own calls, where the
 * call's Windows error is not the operation-status one. */
static const struct status_error wine_answers[] =
{
    { 0x00000103 /* STATUS_PENDING */,                    WSA_IO_PENDING },
    { 0xc000000d /* STATUS_INVALID_PARAMETER */,          WSAEINVAL },
    { 0xc0000010 /* STATUS_INVALID_DEVICE_REQUEST */,     WSAENOTSOCK },
    { 0xc000011f /* STATUS_TOO_MANY_OPENED_FILES */,      WSAEMFILE },
    { 0xc0000238 /* STATUS_ADDRESS_ALREADY_ASSOCIATED */, WSAEALREADY },
    { 0x8000000a /* STATUS_HANDLES_CLOSED */,             WSA_OPERATION_ABORTED },
    { 0x80000011 /* STATUS_DEVICE_BUSY */,                WSAEWOULDBLOCK },
    { 0x000000c0 /* STATUS_USER_APC */,                   WSAEINTR },
};

#define FACILITY_WIN32_STATUS 0xc0010000u

static const struct status_error *find(const struct status_error *table, size_t count, ULONG status)
{
    for (size_t i = 0; i < count; i++)
        if (table[i].status == status) return &table[i];
    return NULL;
}

int ws_overlapped_error(LONG status)
{
    const struct status_error *found = find(windows_errors, ARRAYSIZE(windows_errors), (ULONG)status);

    if (found) return found->error;
    if (status >= 0) return RtlNtStatusToDosError(status);
    return WSAEINVAL;
}

int ws_error_from_status(LONG status)
{
    const struct status_error *found;
    ULONG value = (ULONG)status;

    if (!value) return 0;
    if ((found = find(wine_answers, ARRAYSIZE(wine_answers), value))) return found->error;
    /* A Win32 error carried as a status (the server's set_win32_error). */
    if ((value & 0xffff0000u) == FACILITY_WIN32_STATUS) return value & 0xffff;
    if ((found = find(windows_errors, ARRAYSIZE(windows_errors), value))) return found->error;
    WARN("no Winsock error for status %#lx\n", value);
    return WSAEINVAL;
}
