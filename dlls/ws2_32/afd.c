/*
 * Wine's socket objects: opening \Device\Afd, the control calls that
 * change a socket's state in Wine's server, and the startup self-test.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every socket is a Wine socket object, so the server knows it as a
 * socket: completion ports, AFD polls and the file modes behave as on
 * Windows. Its Linux fd still carries the data directly; every state
 * transition (bind, listen, connect, accept, shutdown, FIONBIO) goes
 * through the server, which otherwise stops watching the socket
 * (docs/design.md).
 */
#include <string.h>

#include "ws2_32_private.h"
#include <winternl.h>

#include "ws2host/afd.h"

#define STATUS_PENDING_VALUE 0x00000103L
#define STATUS_BUFFER_TOO_SMALL_VALUE ((NTSTATUS)0xc0000023)
#define FILE_SYNCHRONOUS_IO_ALERT_VALUE    0x00000010
#define FILE_SYNCHRONOUS_IO_NONALERT_VALUE 0x00000020
#define FILE_MODE_INFORMATION_CLASS 16

/* Threads waiting in a blocking server call (connect, accept): while
 * there are any, closesocket must cancel the socket's server calls. */
static LONG server_waits;

BOOL ws_afd_waits_pending(void)
{
    return __atomic_load_n(&server_waits, __ATOMIC_ACQUIRE) != 0;
}

/* The open options of a socket: Windows' file modes by overlapped
 * attribute and SO_OPENTYPE (docs/opentype.md). */
static ULONG open_options(BOOL overlapped, int opentype)
{
    if (overlapped) return 0;
    return opentype == SO_SYNCHRONOUS_ALERT ? FILE_SYNCHRONOUS_IO_ALERT_VALUE : FILE_SYNCHRONOUS_IO_NONALERT_VALUE;
}

static int create_on(const WCHAR *device, const struct ws_afd_create *create, BOOL overlapped, int opentype,
                     DWORD access, BOOL inherit, HANDLE *out)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES attributes;
    IO_STATUS_BLOCK io;
    HANDLE handle;
    NTSTATUS status;

    RtlInitUnicodeString(&name, device);
    InitializeObjectAttributes(&attributes, &name, inherit ? OBJ_INHERIT_VALUE : 0, NULL, NULL);
    status = NtOpenFile(&handle, access, &attributes, &io, 0, open_options(overlapped, opentype));
    if (status)
    {
        WARN("cannot open \\Device\\Afd: status %#lx\n", status);
        return ws_error_from_status(status);
    }
    status = NtDeviceIoControlFile(handle, NULL, NULL, NULL, &io, WS_IOCTL_AFD_WINE_CREATE, (void *)create,
                                   sizeof(*create), NULL, 0);
    if (status)
    {
        TRACE("create refused: status %#lx\n", status);
        NtClose(handle);
        return ws_error_from_status(status);
    }
    *out = handle;
    return 0;
}

int ws_afd_create(const struct ws_afd_create *create, BOOL overlapped, int opentype, DWORD access, BOOL inherit,
                  HANDLE *out)
{
    return create_on(L"\\Device\\Afd", create, overlapped, opentype, access, inherit, out);
}

/* The thread's event for calls that Wine answers later. */
HANDLE ws_thread_sync_event(void)
{
    struct ws_thread *thread = ws_thread_get();

    if (!thread) return NULL;
    if (!thread->sync_event) thread->sync_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    return thread->sync_event;
}

LONG ws_afd_ioctl(SOCKET s, DWORD code, const void *in, DWORD in_size, void *out, DWORD out_size,
                  ULONG_PTR *returned)
{
    IO_STATUS_BLOCK io = { 0 };
    HANDLE event = ws_thread_sync_event();
    NTSTATUS status;

    if (!event) return (LONG)0xc0000017; /* STATUS_NO_MEMORY */
    __atomic_add_fetch(&server_waits, 1, __ATOMIC_ACQ_REL);
    status = NtDeviceIoControlFile((HANDLE)s, event, NULL, NULL, &io, code, (void *)in, in_size, out, out_size);
    /* Overlapped sockets come back pending; synchronous ones wait in ntdll.
     * The wait is alertable, as Windows' blocking calls are: an APC queued
     * to the thread runs, and the call goes on waiting (Wine's Windows-run
     * sock.c test_accept, Wine 10: an APC runs during a blocking accept). */
    if (status == STATUS_PENDING_VALUE)
    {
        while (WaitForSingleObjectEx(event, INFINITE, TRUE) == WAIT_IO_COMPLETION);
        status = io.Status;
    }
    __atomic_sub_fetch(&server_waits, 1, __ATOMIC_ACQ_REL);
    if (returned) *returned = io.Information;
    return status;
}

/* A control call the answer of which is never late (GET_EVENTS): no
 * event, since Wine 10's ntdll completes such calls itself and would set
 * it with a request of its own. Should one pend after all, the handle is
 * waited on. */
int ws_afd_query(SOCKET s, DWORD code, const void *in, DWORD in_size, void *out, DWORD out_size)
{
    IO_STATUS_BLOCK io = { 0 };
    NTSTATUS status;

    status = NtDeviceIoControlFile((HANDLE)s, NULL, NULL, NULL, &io, code, (void *)in, in_size, out, out_size);
    if (status == STATUS_PENDING_VALUE)
    {
        WaitForSingleObject((HANDLE)s, INFINITE);
        status = io.Status;
    }
    if (status) TRACE("socket %#llx, code %#lx: status %#lx\n", (ULONGLONG)s, code, status);
    return status ? ws_error_from_status(status) : 0;
}

int ws_afd_call(SOCKET s, DWORD code, const void *in, DWORD in_size, void *out, DWORD out_size)
{
    LONG status = ws_afd_ioctl(s, code, in, in_size, out, out_size, NULL);

    if (status) TRACE("socket %#llx, code %#lx: status %#lx\n", (ULONGLONG)s, code, status);
    return status ? ws_error_from_status(status) : 0;
}

int ws_afd_file_mode(HANDLE handle, ULONG *mode)
{
    IO_STATUS_BLOCK io;
    NTSTATUS status = NtQueryInformationFile(handle, &io, mode, sizeof(*mode), FILE_MODE_INFORMATION_CLASS);

    return status ? ws_error_from_status(status) : 0;
}

/* Whether Wine's server holds a socket object for the handle: one
 * request, no fd passed. Asked for its family without room for the
 * answer, the server refuses only a socket with STATUS_BUFFER_TOO_SMALL
 * (the check at startup makes sure); a file, a pipe or a closed handle
 * get other errors. An error costs no wait, a success would. */
BOOL ws_afd_is_socket_object(SOCKET s)
{
    IO_STATUS_BLOCK io;

    return NtDeviceIoControlFile((HANDLE)s, NULL, NULL, NULL, &io, WS_IOCTL_AFD_WINE_GET_INFO, NULL, 0, NULL, 0) ==
           STATUS_BUFFER_TOO_SMALL_VALUE;
}

/* The interface check at startup: a socket object is made, read back,
 * and its fd is a Linux socket. Wine's private interface has no promise
 * of stability; a Wine that changed it is named and refused. */
static BOOL CALLBACK check_interface(INIT_ONCE *once, void *param, void **context)
{
    static const struct ws_afd_create probe = { AF_INET, SOCK_DGRAM, IPPROTO_UDP, 0 };
    WCHAR device[64] = L"\\Device\\Afd";
    struct ws2host_fd_identify_params id = { .fd = -1 };
    BOOL *ok = param;
    struct ws_afd_info info = { 0 };
    unsigned int options;
    HANDLE handle;
    ULONG mode = ~0u;
    int err, fd;

    (void)once; (void)context;
    *ok = FALSE;
    /* The suites point the probe elsewhere to see the refusal. */
    GetEnvironmentVariableW(L"WS2HOST_TEST_AFD_DEVICE", device, ARRAYSIZE(device));
    if ((err = create_on(device, &probe, TRUE, 0, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, FALSE, &handle)))
        goto fail;
    err = ws_afd_call((SOCKET)handle, WS_IOCTL_AFD_WINE_GET_INFO, NULL, 0, &info, sizeof(info));
    if (!err) err = ws_afd_file_mode(handle, &mode);
    if (!err && !ws_afd_is_socket_object((SOCKET)handle)) err = WSASYSNOTREADY;
    if (!err && !wine.handle_to_fd(handle, 0, &fd, &options))
    {
        id.fd = fd;
        if (ws_unix_call(ws2host_call_fd_identify, &id)) id.is_socket = 0;
        ws_unix_close_fd(fd);
    }
    NtClose(handle);
    if (!err && info.family == AF_INET && info.type == SOCK_DGRAM && info.protocol == IPPROTO_UDP && !mode &&
        id.is_socket)
    {
        *ok = TRUE;
        return TRUE;
    }
fail:
    DIAG("Wine %s: its socket objects do not behave as ws2host needs (error %d, family %d, type %d, mode %#lx, "
         "socket %d); ws2host is tested on Wine 8.0 and 10.0\n", ws_wine_version(), err, info.family, info.type, mode,
         id.is_socket);
    return TRUE;
}

BOOL ws_afd_check(void)
{
    static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
    static BOOL ok;

    InitOnceExecuteOnce(&once, check_interface, &ok, NULL);
    return ok;
}
