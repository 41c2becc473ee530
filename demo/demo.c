/*
 * ws2host demo: a plain Windows program that shows which ws2_32 serves it,
 * creates sockets through it, exchanges data over TCP and UDP, and fetches
 * a page with winhttp (http.c). Exits 0 only when ws2host served every
 * call and each answer was Windows' answer.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "demo.h"

static int problems;

void expect(int good, const char *what)
{
    printf("  %-58s %s\n", what, good ? "ok" : "UNEXPECTED");
    if (!good) problems++;
}

BOOL version_string(HMODULE module, const char *key, char *out, DWORD size)
{
    char path[MAX_PATH], query[96], *value, *info;
    struct { WORD language, codepage; } *translation;
    DWORD ignored, info_size;
    UINT length;
    BOOL found = FALSE;

    GetModuleFileNameA(module, path, sizeof(path));
    if (!(info_size = GetFileVersionInfoSizeA(path, &ignored))) return FALSE;
    info = HeapAlloc(GetProcessHeap(), 0, info_size);
    if (GetFileVersionInfoA(path, 0, info_size, info) &&
        VerQueryValueA(info, "\\VarFileInfo\\Translation", (void **)&translation, &length))
    {
        snprintf(query, sizeof(query), "\\StringFileInfo\\%04x%04x\\%s",
                 translation->language, translation->codepage, key);
        if (VerQueryValueA(info, query, (void **)&value, &length) && length)
        {
            snprintf(out, size, "%s", value);
            found = TRUE;
        }
    }
    HeapFree(GetProcessHeap(), 0, info);
    return found;
}

static void show_provider(void)
{
    HMODULE serving = NULL;
    char path[MAX_PATH] = "?", product[64] = "(no version resource)", version[64] = "";

    GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (const char *)(void *)GetProcAddress(GetModuleHandleA("ws2_32.dll"), "socket"), &serving);
    GetModuleFileNameA(serving, path, sizeof(path));
    version_string(serving, "ProductName", product, sizeof(product));
    version_string(serving, "ProductVersion", version, sizeof(version));
    printf("socket() is served by %s\n  product: %s %s\n", path, product, version);
    expect(!strcmp(product, "ws2host"), "ws2_32 is ws2host's");
}

static void create_sockets(void)
{
    static const struct { int af, type; const char *name; } kinds[] =
    {
        { AF_INET, SOCK_STREAM, "TCP over IPv4" },
        { AF_INET, SOCK_DGRAM, "UDP over IPv4" },
        { AF_INET6, SOCK_STREAM, "TCP over IPv6" },
        { AF_INET6, SOCK_DGRAM, "UDP over IPv6" },
    };
    char line[128];

    printf("creating sockets:\n");
    for (size_t i = 0; i < ARRAYSIZE(kinds); i++)
    {
        SOCKET s = socket(kinds[i].af, kinds[i].type, 0);
        snprintf(line, sizeof(line), "%s: handle %#llx, file type %lu (pipe is 3)", kinds[i].name,
                 (unsigned long long)s, s == INVALID_SOCKET ? 0 : GetFileType((HANDLE)s));
        expect(s != INVALID_SOCKET && GetFileType((HANDLE)s) == FILE_TYPE_PIPE, line);
        if (s != INVALID_SOCKET) expect(!closesocket(s), "  closesocket");
    }
}

static DWORD WINAPI echo_server(void *arg)
{
    SOCKET listener = (SOCKET)arg, client = accept(listener, NULL, NULL);
    char buffer[64];
    int got = 0, ret;

    /* Read until the client is done sending, answer in upper case. */
    while ((ret = recv(client, buffer + got, sizeof(buffer) - got, 0)) > 0) got += ret;
    for (int i = 0; i < got; i++) buffer[i] = toupper((unsigned char)buffer[i]);
    send(client, buffer, got, 0);
    closesocket(client);
    return 0;
}

static void exchanges(void)
{
    SOCKADDR_IN address = { .sin_family = AF_INET }, from;
    int length = sizeof(address), from_length = sizeof(from), got = 0, ret;
    SOCKET listener, client, a, b;
    char buffer[64] = "";
    HANDLE thread;

    printf("exchanges over 127.0.0.1:\n");
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(listener, (struct sockaddr *)&address, sizeof(address));
    getsockname(listener, (struct sockaddr *)&address, &length);
    listen(listener, 1);
    thread = CreateThread(NULL, 0, echo_server, (void *)listener, 0, NULL);
    client = socket(AF_INET, SOCK_STREAM, 0);
    expect(!connect(client, (struct sockaddr *)&address, sizeof(address)), "TCP: connect to the server thread");
    send(client, "hello, ws2host", 14, 0);
    shutdown(client, SD_SEND);
    while ((ret = recv(client, buffer + got, sizeof(buffer) - 1 - got, 0)) > 0) got += ret;
    printf("  TCP: sent \"hello, ws2host\", the server answered \"%s\"\n", buffer);
    expect(got == 14 && !strcmp(buffer, "HELLO, WS2HOST"), "TCP: the answer came back upper-cased");
    WaitForSingleObject(thread, 5000);
    CloseHandle(thread);
    closesocket(client);
    closesocket(listener);

    a = socket(AF_INET, SOCK_DGRAM, 0);
    b = socket(AF_INET, SOCK_DGRAM, 0);
    address.sin_port = 0;
    bind(b, (struct sockaddr *)&address, sizeof(address));
    length = sizeof(address);
    getsockname(b, (struct sockaddr *)&address, &length);
    sendto(a, "datagram", 8, 0, (struct sockaddr *)&address, sizeof(address));
    memset(buffer, 0, sizeof(buffer));
    ret = recvfrom(b, buffer, sizeof(buffer), 0, (struct sockaddr *)&from, &from_length);
    printf("  UDP: received \"%s\" from port %u\n", buffer, ntohs(from.sin_port));
    expect(ret == 8 && !strcmp(buffer, "datagram"), "UDP: the datagram arrived");
    closesocket(a);
    closesocket(b);
}

static void bad_input(void)
{
    WSADATA data;
    SOCKET s;

    printf("bad input gets Windows' errors:\n");
    s = socket(AF_UNSPEC, SOCK_STREAM, 0);
    expect(s == INVALID_SOCKET && WSAGetLastError() == WSAEINVAL, "socket(AF_UNSPEC, SOCK_STREAM, 0) -> WSAEINVAL");
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_UDP);
    expect(s == INVALID_SOCKET && WSAGetLastError() == WSAEPROTONOSUPPORT,
           "socket(AF_INET, SOCK_STREAM, IPPROTO_UDP) -> WSAEPROTONOSUPPORT");
    s = socket(0xdead, 0xdead, IPPROTO_TCP);
    expect(s == INVALID_SOCKET && WSAGetLastError() == WSAESOCKTNOSUPPORT,
           "socket(0xdead, 0xdead, IPPROTO_TCP) -> WSAESOCKTNOSUPPORT");
    expect(closesocket(INVALID_SOCKET) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
           "closesocket(INVALID_SOCKET) -> WSAENOTSOCK");
    expect(WSAStartup(MAKEWORD(2, 2), NULL) == WSAEFAULT, "WSAStartup(2.2, NULL) -> WSAEFAULT");
    expect(WSAStartup(MAKEWORD(0, 1), &data) == WSAVERNOTSUPPORTED, "WSAStartup(0.1) -> WSAVERNOTSUPPORTED");
}

int main(void)
{
    WSADATA data;
    int ret;

    printf("ws2host demo\n");
    ret = WSAStartup(MAKEWORD(2, 2), &data);
    printf("WSAStartup: %d, version %u.%u, \"%s\", \"%s\"\n", ret, LOBYTE(data.wVersion),
           HIBYTE(data.wVersion), data.szDescription, data.szSystemStatus);
    if (ret) return 1;
    show_provider();
    create_sockets();
    exchanges();
    http_exchange();
    bad_input();
    WSACleanup();
    printf(problems ? "demo: %d unexpected results\n" : "demo: everything as Windows does it\n", problems);
    return problems ? 1 : 0;
}
