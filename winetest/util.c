/*
 * Helpers shared by the conformance suites.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
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

/* Under Wine, paths are opened by the wineserver, so Z:\proc\self is the
 * server. Our own Linux process is the one whose command line is ours. */
static BOOL same_arguments(const char *args, const char *end)
{
    for (int i = 1; i < harness_argc; i++)
    {
        if (args >= end || strcmp(args, harness_argv[i])) return FALSE;
        args += strlen(args) + 1;
    }
    while (args < end && !*args) args++;    /* Wine pads the area with NULs */
    return args >= end;
}

int find_unix_pid(void)
{
    char path[MAX_PATH], cmdline[4096], exe[MAX_PATH], *name;
    WIN32_FIND_DATAA entry;
    HANDLE find, file;
    int found = -1, matches = 0;
    DWORD got;

    GetModuleFileNameA(NULL, exe, sizeof(exe));
    name = strrchr(exe, '\\') ? strrchr(exe, '\\') + 1 : exe;
    if ((find = FindFirstFileA("Z:\\proc\\*", &entry)) == INVALID_HANDLE_VALUE) return -1;
    do
    {
        if (entry.cFileName[0] < '1' || entry.cFileName[0] > '9') continue;
        snprintf(path, sizeof(path), "Z:\\proc\\%s\\cmdline", entry.cFileName);
        file = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        if (file == INVALID_HANDLE_VALUE) continue;
        got = 0;
        ReadFile(file, cmdline, sizeof(cmdline) - 1, &got, NULL);
        CloseHandle(file);
        cmdline[got] = 0;
        /* argv[0] must be this program (not a shell that started it). */
        if (strlen(cmdline) < strlen(name) || _stricmp(cmdline + strlen(cmdline) - strlen(name), name)) continue;
        if (!same_arguments(cmdline + strlen(cmdline) + 1, cmdline + got)) continue;
        found = atoi(entry.cFileName);
        matches++;
    }
    while (FindNextFileA(find, &entry));
    FindClose(find);
    if (matches != 1) trace("%d processes run this program with our arguments\n", matches);
    return matches == 1 ? found : -1;
}

/* Open fds of this process (Wine only; -1 when they cannot be counted). */
int count_fds(int unix_pid)
{
    WIN32_FIND_DATAA entry;
    char pattern[64];
    HANDLE find;
    int count = 0;

    if (unix_pid < 0) return -1;
    snprintf(pattern, sizeof(pattern), "Z:\\proc\\%d\\fd\\*", unix_pid);
    if ((find = FindFirstFileA(pattern, &entry)) == INVALID_HANDLE_VALUE) return -1;
    do if (entry.cFileName[0] != '.') count++;
    while (FindNextFileA(find, &entry));
    FindClose(find);
    return count;
}

/* A temporary file, deleted when its handle is closed. */
HANDLE make_temp_file(void)
{
    char dir[MAX_PATH], path[MAX_PATH];

    GetTempPathA(sizeof(dir), dir);
    GetTempFileNameA(dir, "ws2", 0, path);
    return CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                       FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, NULL);
}
