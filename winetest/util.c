/*
 * Helpers shared by the conformance suites.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "util.h"

BOOL tcp_pair(SOCKET (*make_client)(void), SOCKET *client, SOCKET *server)
{
    SOCKADDR_IN address = { .sin_family = AF_INET };
    int length = sizeof(address);
    SOCKET listener;

    *client = *server = INVALID_SOCKET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    listener = socket(AF_INET, SOCK_STREAM, 0);
    if (!ok(listener != INVALID_SOCKET, "listener: socket failed, error %d\n", WSAGetLastError())) return FALSE;
    if (!ok(!bind(listener, (struct sockaddr *)&address, sizeof(address)), "bind failed, error %d\n", WSAGetLastError()) ||
        !ok(!getsockname(listener, (struct sockaddr *)&address, &length), "getsockname failed, error %d\n", WSAGetLastError()) ||
        !ok(!listen(listener, 1), "listen failed, error %d\n", WSAGetLastError()))
    {
        closesocket(listener);
        return FALSE;
    }
    *client = make_client ? make_client() : socket(AF_INET, SOCK_STREAM, 0);
    if (!ok(*client != INVALID_SOCKET, "client: socket failed, error %d\n", WSAGetLastError()) ||
        !ok(!connect(*client, (struct sockaddr *)&address, sizeof(address)), "connect failed, error %d\n", WSAGetLastError()))
    {
        closesocket(listener);
        return FALSE;
    }
    *server = accept(listener, NULL, NULL);
    closesocket(listener);
    return ok(*server != INVALID_SOCKET, "accept failed, error %d\n", WSAGetLastError());
}

int socket_type(SOCKET s)
{
    int type = -1, size = sizeof(type);

    if (getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &size)) return -1;
    return type;
}

BOOL protocol_info(SOCKET s, WSAPROTOCOL_INFOW *info)
{
    int size = sizeof(*info);

    memset(info, 0xcc, sizeof(*info));
    return !getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOW, (char *)info, &size);
}

BOOL start_child(const char *name, const char *args, BOOL inherit, STARTUPINFOA *startup,
                 PROCESS_INFORMATION *process)
{
    char exe[MAX_PATH], command[MAX_PATH * 2];

    GetModuleFileNameA(NULL, exe, sizeof(exe));
    snprintf(command, sizeof(command), "\"%s\" child %s %s", exe, name, args ? args : "");
    startup->cb = sizeof(*startup);
    return CreateProcessA(exe, command, NULL, NULL, inherit, 0, NULL, NULL, startup, process);
}

DWORD wait_child(PROCESS_INFORMATION *process)
{
    DWORD code = 0xdead;

    if (WaitForSingleObject(process->hProcess, 30000) == WAIT_OBJECT_0)
        GetExitCodeProcess(process->hProcess, &code);
    else
        TerminateProcess(process->hProcess, 0xdead);
    CloseHandle(process->hProcess);
    CloseHandle(process->hThread);
    return code;
}
