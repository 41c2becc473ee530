/*
 * Sockets as the kernel objects Windows makes them: file modes of
 * accepted sockets, completion ports and completion modes by overlapped
 * attribute, the base handle, and AFD polls from another \Device\Afd
 * handle, as Rust's mio and libuv's uv_poll issue them.
 *
 * Sources: Microsoft's CreateIoCompletionPort documentation (the handle
 * must support overlapped I/O; a synchronous file object is refused with
 * ERROR_INVALID_PARAMETER), accept's documentation (the new socket has
 * the listener's properties), SIO_BASE_HANDLE's documentation, and Wine's
 * Windows-run tests, afd.c test_poll (what each AFD poll reports).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "harness.h"
#include "util.h"

#define IOCTL_AFD_POLL 0x00012024
#define AFD_POLL_READ       0x0001
#define AFD_POLL_WRITE      0x0004
#define AFD_POLL_HUP        0x0008
#define AFD_POLL_CLOSE      0x0020
#define AFD_POLL_CONNECT    0x0040
#define AFD_POLL_ACCEPT     0x0080
#define STATUS_PENDING_CODE 0x00000103
#define FILE_MODE_INFORMATION_CLASS 16
#define FILE_SYNCHRONOUS_IO_NONALERT_MODE 0x20

#pragma pack(push, 4)
struct afd_poll_socket
{
    ULONGLONG socket;
    int flags;
    int status;
};
struct afd_poll
{
    LONGLONG timeout;
    unsigned int count;
    BOOLEAN exclusive;
    BOOLEAN padding[3];
    struct afd_poll_socket sockets[1];
};
#pragma pack(pop)

static ULONG file_mode(SOCKET s)
{
    IO_STATUS_BLOCK io;
    ULONG mode = 0xdeadbeef;

    if (NtQueryInformationFile((HANDLE)s, &io, &mode, sizeof(mode), FILE_MODE_INFORMATION_CLASS)) return 0xdeadbeef;
    return mode;
}

static SOCKET listener_on(DWORD flags, struct sockaddr_in *address)
{
    int length = sizeof(*address);
    SOCKET s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, flags);

    memset(address, 0, sizeof(*address));
    address->sin_family = AF_INET;
    address->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s == INVALID_SOCKET || bind(s, (struct sockaddr *)address, sizeof(*address)) || listen(s, 8) ||
        getsockname(s, (struct sockaddr *)address, &length))
        ok(0, "listener: error %d\n", WSAGetLastError());
    return s;
}

static SOCKET accept_one(SOCKET listener, const struct sockaddr_in *address, SOCKET *client)
{
    *client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(*client, (const struct sockaddr *)address, sizeof(*address)), "connect: error %d\n",
       WSAGetLastError());
    return accept(listener, NULL, NULL);
}

/* accept: "the new socket has the same properties as s", its overlapped
 * attribute (so its file mode) included. */
static void test_accepted_mode(void)
{
    static const DWORD kinds[] = { WSA_FLAG_OVERLAPPED, 0 };

    for (size_t i = 0; i < ARRAYSIZE(kinds); i++)
    {
        struct sockaddr_in address;
        SOCKET listener = listener_on(kinds[i], &address), client, server;
        ULONG expected = kinds[i] ? 0 : FILE_SYNCHRONOUS_IO_NONALERT_MODE;

        server = accept_one(listener, &address, &client);
        ok(server != INVALID_SOCKET, "accept: error %d\n", WSAGetLastError());
        ok(file_mode(listener) == expected, "listener %#lx: mode %#lx\n", kinds[i], file_mode(listener));
        ok(file_mode(server) == expected, "accepted from %#lx: mode %#lx\n", kinds[i], file_mode(server));
        closesocket(server);
        closesocket(client);
        closesocket(listener);
    }
}

/* Completion ports and completion modes take overlapped sockets only.
 * CreateIoCompletionPort's refusal is documented (the handle must support
 * overlapped I/O); that SetFileCompletionNotificationModes refuses a
 * synchronous handle the same way is NT's rule for file objects opened
 * synchronous (FileIoCompletionNotificationInformation, as ntdll and Wine
 * answer it: STATUS_INVALID_PARAMETER) and is stated by the issue that
 * asked for these sockets; a run on Windows confirms or refutes it. */
static void test_completion_port_by_kind(void)
{
    static const struct { int type; DWORD flags; BOOL overlapped; } kinds[] =
    {
        { SOCK_STREAM, WSA_FLAG_OVERLAPPED, TRUE },
        { SOCK_DGRAM,  WSA_FLAG_OVERLAPPED, TRUE },
        { SOCK_STREAM, 0, FALSE },
        { SOCK_DGRAM,  0, FALSE },
    };

    for (size_t i = 0; i < ARRAYSIZE(kinds); i++)
    {
        SOCKET s = WSASocketW(AF_INET, kinds[i].type, 0, NULL, 0, kinds[i].flags);
        HANDLE port;
        BOOL ret;

        SetLastError(0xdeadbeef);
        port = CreateIoCompletionPort((HANDLE)s, NULL, 0x1234, 0);
        if (kinds[i].overlapped)
            ok(port != NULL, "kind %u: CreateIoCompletionPort failed, error %lu\n", (unsigned)i, GetLastError());
        else
            ok(!port && GetLastError() == ERROR_INVALID_PARAMETER, "kind %u: port %p, error %lu\n", (unsigned)i,
               port, GetLastError());
        SetLastError(0xdeadbeef);
        ret = SetFileCompletionNotificationModes((HANDLE)s, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS |
                                                                FILE_SKIP_SET_EVENT_ON_HANDLE);
        if (kinds[i].overlapped)
            ok(ret, "kind %u: SetFileCompletionNotificationModes failed, error %lu\n", (unsigned)i, GetLastError());
        else
            ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "kind %u: modes %d, error %lu\n", (unsigned)i, ret,
               GetLastError());
        closesocket(s);
        if (port) CloseHandle(port);
    }
}

/* With no layered provider the base handle is the socket itself; it is
 * what AFD polls name. */
static void test_base_handle(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0), base = 0;
    DWORD size = 0;

    ok(!WSAIoctl(s, SIO_BASE_HANDLE, NULL, 0, &base, sizeof(base), &size, NULL, NULL),
       "SIO_BASE_HANDLE: error %d\n", WSAGetLastError());
    ok(base == s && size == sizeof(base), "base %#llx for %#llx, size %lu\n", (ULONGLONG)base, (ULONGLONG)s, size);
    closesocket(s);
}

static HANDLE open_afd(void)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES attributes;
    IO_STATUS_BLOCK io;
    HANDLE handle = NULL;
    NTSTATUS status;

    /* mio opens \Device\Afd\Mio: any name below the device will do. */
    RtlInitUnicodeString(&name, L"\\Device\\Afd\\Mio");
    InitializeObjectAttributes(&attributes, &name, 0, NULL, NULL);
    status = NtOpenFile(&handle, SYNCHRONIZE, &attributes, &io, FILE_SHARE_READ | FILE_SHARE_WRITE, 0);
    ok(!status, "NtOpenFile(\\Device\\Afd\\Mio): status %#lx\n", status);
    return status ? NULL : handle;
}

struct poll_call
{
    struct afd_poll in, out;
    IO_STATUS_BLOCK io;
    HANDLE event;
    NTSTATUS status;
};

/* Starts an AFD poll of one socket for events, for up to a second. */
static void start_poll(HANDLE afd, struct poll_call *call, SOCKET s, int events)
{
    memset(call, 0, sizeof(*call));
    call->event = CreateEventW(NULL, TRUE, FALSE, NULL);
    call->in.timeout = -10000000;      /* one second, relative */
    call->in.count = 1;
    call->in.sockets[0].socket = s;
    call->in.sockets[0].flags = events;
    call->status = NtDeviceIoControlFile(afd, call->event, NULL, NULL, &call->io, IOCTL_AFD_POLL, &call->in,
                                         sizeof(call->in), &call->out, sizeof(call->out));
}

/* The events the poll ended with; 0 when it timed out or failed. */
static int finish_poll(struct poll_call *call)
{
    int flags = 0;

    if (call->status == STATUS_PENDING_CODE && !WaitForSingleObject(call->event, 5000)) call->status = call->io.Status;
    if (!call->status && call->out.count == 1) flags = call->out.sockets[0].flags;
    CloseHandle(call->event);
    return flags;
}

static void test_afd_poll(void)
{
    HANDLE afd = open_afd();
    struct sockaddr_in address;
    struct poll_call call;
    SOCKET listener, client, server;
    char byte;
    int flags;

    if (!afd) return;
    listener = listener_on(WSA_FLAG_OVERLAPPED, &address);

    /* A listener: pending until a connection comes, then AFD_POLL_ACCEPT. */
    start_poll(afd, &call, listener, AFD_POLL_ACCEPT);
    ok(call.status == STATUS_PENDING_CODE, "accept poll: status %#lx\n", call.status);
    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(client, (struct sockaddr *)&address, sizeof(address)), "connect: error %d\n", WSAGetLastError());
    flags = finish_poll(&call);
    ok(flags == AFD_POLL_ACCEPT, "accept poll: flags %#x\n", flags);
    server = accept(listener, NULL, NULL);
    ok(server != INVALID_SOCKET, "accept: error %d\n", WSAGetLastError());

    /* Connected, nothing to read: pending; then data comes. */
    start_poll(afd, &call, server, AFD_POLL_READ);
    ok(call.status == STATUS_PENDING_CODE, "read poll: status %#lx\n", call.status);
    ok(send(client, "x", 1, 0) == 1, "send: error %d\n", WSAGetLastError());
    flags = finish_poll(&call);
    ok(flags == AFD_POLL_READ, "read poll: flags %#x\n", flags);

    /* Data read directly: the poll waits again (level-triggered). */
    ok(recv(server, &byte, 1, 0) == 1, "recv: error %d\n", WSAGetLastError());
    start_poll(afd, &call, server, AFD_POLL_READ);
    ok(call.status == STATUS_PENDING_CODE, "read poll after the data was read: status %#lx\n", call.status);
    ok(send(client, "y", 1, 0) == 1, "send: error %d\n", WSAGetLastError());
    flags = finish_poll(&call);
    ok(flags == AFD_POLL_READ, "second read poll: flags %#x\n", flags);
    ok(recv(server, &byte, 1, 0) == 1, "recv: error %d\n", WSAGetLastError());

    /* Writable and connected at once. */
    start_poll(afd, &call, client, AFD_POLL_WRITE | AFD_POLL_CONNECT);
    flags = finish_poll(&call);
    ok(flags == (AFD_POLL_WRITE | AFD_POLL_CONNECT), "write poll: flags %#x\n", flags);

    /* The peer's graceful close: AFD_POLL_HUP. */
    start_poll(afd, &call, server, AFD_POLL_HUP);
    ok(call.status == STATUS_PENDING_CODE, "hang-up poll: status %#lx\n", call.status);
    ok(!shutdown(client, SD_SEND), "shutdown: error %d\n", WSAGetLastError());
    flags = finish_poll(&call);
    ok(flags == AFD_POLL_HUP, "hang-up poll: flags %#x\n", flags);

    /* Closing a polled socket: AFD_POLL_CLOSE, asked for or not. */
    start_poll(afd, &call, client, 0);
    ok(call.status == STATUS_PENDING_CODE, "close poll: status %#lx\n", call.status);
    closesocket(client);
    flags = finish_poll(&call);
    ok(flags == AFD_POLL_CLOSE, "close poll: flags %#x\n", flags);

    closesocket(server);
    closesocket(listener);
    CloseHandle(afd);
}

/* Child: WSAStartup's answer, as the exit code. */
int child_startup_answer(int argc, char **argv)
{
    WSADATA data;
    int ret = WSAStartup(MAKEWORD(2, 2), &data);

    if (!ret) WSACleanup();
    return ret;
}

/* ws2host checks Wine's socket objects at startup and refuses to start
 * on a Wine whose objects do not behave (a probe pointed at a device
 * that is not Wine's socket device stands in for such a Wine). */
static void test_startup_guard(void)
{
    PROCESS_INFORMATION process;
    STARTUPINFOA startup = { 0 };
    DWORD code;

    if (harness_impl != impl_ws2host) return;
    SetEnvironmentVariableA("WS2HOST_TEST_AFD_DEVICE", "\\Device\\Null");
    ok(start_child("startup-answer", NULL, FALSE, &startup, &process), "child: error %lu\n", GetLastError());
    SetEnvironmentVariableA("WS2HOST_TEST_AFD_DEVICE", NULL);
    code = wait_child(&process);
    ok(code == WSASYSNOTREADY, "WSAStartup with a broken socket device: %lu\n", code);
    ok(start_child("startup-answer", NULL, FALSE, &startup, &process), "child: error %lu\n", GetLastError());
    code = wait_child(&process);
    ok(code == 0, "WSAStartup: %lu\n", code);
}

void run_socketobject_tests(void)
{
    WSADATA data;

    test_startup_guard();
    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_accepted_mode();
    test_completion_port_by_kind();
    test_base_handle();
    test_afd_poll();
    WSACleanup();
}
