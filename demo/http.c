/*
 * ws2host demo, HTTP: a small HTTP/1.1 server thread on 127.0.0.1 serves
 * one page and Wine's winhttp fetches it. Both ends use the process's
 * ws2_32, so the page crosses ws2host twice; the demo first shows that
 * winhttp's ws2_32 imports are bound to ws2host's exports.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <string.h>

#include "demo.h"

static const char page[] = "<html><body><p>Hello from ws2host.</p></body></html>\n";

struct server
{
    SOCKET listener;
    char request_line[128];     /* the first line the client sent */
};

/* Reads a request head, up to and with the empty line. */
static void read_head(SOCKET s, char *head, int size)
{
    int got = 0, ret;

    head[0] = 0;
    while (got < size - 1 && !strstr(head, "\r\n\r\n"))
    {
        if ((ret = recv(s, head + got, size - 1 - got, 0)) <= 0) break;
        got += ret;
        head[got] = 0;
    }
}

/* Serves the page to one client, then closes the connection. */
static DWORD WINAPI serve_page(void *arg)
{
    struct server *server = arg;
    SOCKET client = accept(server->listener, NULL, NULL);
    char head[2048], response[256];
    int length;

    if (client == INVALID_SOCKET) return 1;
    read_head(client, head, sizeof(head));
    sscanf(head, "%127[^\r\n]", server->request_line);
    length = snprintf(response, sizeof(response),
                      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %u\r\n"
                      "Connection: close\r\n\r\n%s", (unsigned int)strlen(page), page);
    send(client, response, length, 0);
    shutdown(client, SD_SEND);
    closesocket(client);
    return 0;
}

/* How many of `module`'s ws2_32 imports there are, and how many hold
 * exactly what the loaded ws2_32 exports under that name or ordinal. */
static void count_bound_imports(HMODULE module, HMODULE ws2_32, int *imports, int *bound)
{
    const BYTE *base = (const BYTE *)module;
    const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
    const IMAGE_DATA_DIRECTORY *dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
    const IMAGE_IMPORT_DESCRIPTOR *desc;

    *imports = *bound = 0;
    if (!dir->VirtualAddress) return;
    for (desc = (const IMAGE_IMPORT_DESCRIPTOR *)(base + dir->VirtualAddress); desc->Name; desc++)
    {
        const IMAGE_THUNK_DATA *names, *slots;

        if (_stricmp((const char *)base + desc->Name, "ws2_32.dll")) continue;
        names = (const IMAGE_THUNK_DATA *)(base + (desc->OriginalFirstThunk ? desc->OriginalFirstThunk
                                                                            : desc->FirstThunk));
        for (slots = (const IMAGE_THUNK_DATA *)(base + desc->FirstThunk); names->u1.AddressOfData; names++, slots++)
        {
            const char *name = IMAGE_SNAP_BY_ORDINAL(names->u1.Ordinal)
                ? (const char *)(ULONG_PTR)IMAGE_ORDINAL(names->u1.Ordinal)
                : (const char *)((const IMAGE_IMPORT_BY_NAME *)(base + names->u1.AddressOfData))->Name;
            FARPROC exported = GetProcAddress(ws2_32, name);

            (*imports)++;
            if (exported && (ULONG_PTR)slots->u1.Function == (ULONG_PTR)exported) (*bound)++;
        }
    }
}

static void show_winhttp_binding(void)
{
    HMODULE winhttp = GetModuleHandleA("winhttp.dll"), ws2_32 = GetModuleHandleA("ws2_32.dll");
    char path[MAX_PATH] = "(not loaded)", product[64] = "", line[128];
    int imports = 0, bound = 0;

    if (winhttp) GetModuleFileNameA(winhttp, path, sizeof(path));
    printf("  winhttp.dll is %s\n", path);
    expect(winhttp != NULL, "winhttp.dll is loaded");
    expect(ws2_32 && version_string(ws2_32, "ProductName", product, sizeof(product)) && !strcmp(product, "ws2host"),
           "GetModuleHandle(\"ws2_32.dll\") is ws2host's ws2_32");
    if (winhttp && ws2_32) count_bound_imports(winhttp, ws2_32, &imports, &bound);
    snprintf(line, sizeof(line), "winhttp's %d ws2_32 imports are bound to ws2host's", imports);
    expect(imports > 0 && bound == imports, line);
}

/* GET http://127.0.0.1:port/hello with winhttp: the status and the body. */
static BOOL fetch(INTERNET_PORT port, DWORD *status, char *body, DWORD size, DWORD *received)
{
    HINTERNET session, connection = NULL, request = NULL;
    DWORD status_size = sizeof(*status), available, read;
    BOOL done = FALSE;

    *received = 0;
    session = WinHttpOpen(L"ws2host-demo/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME,
                          WINHTTP_NO_PROXY_BYPASS, 0);
    if (session) connection = WinHttpConnect(session, L"127.0.0.1", port, 0);
    if (connection)
        request = WinHttpOpenRequest(connection, L"GET", L"/hello", NULL, WINHTTP_NO_REFERER,
                                     WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    if (request && WinHttpSendRequest(request, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0) &&
        WinHttpReceiveResponse(request, NULL) &&
        WinHttpQueryHeaders(request, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER,
                            WINHTTP_HEADER_NAME_BY_INDEX, status, &status_size, WINHTTP_NO_HEADER_INDEX))
    {
        /* Read until winhttp says the body is over; a longer one fails. */
        while (WinHttpQueryDataAvailable(request, &available))
        {
            if (!available)
            {
                done = TRUE;
                break;
            }
            if (available > size - *received) break;
            if (!WinHttpReadData(request, body + *received, available, &read) || !read) break;
            *received += read;
        }
    }
    if (!done) printf("  winhttp failed: error %lu\n", GetLastError());
    if (request) WinHttpCloseHandle(request);
    if (connection) WinHttpCloseHandle(connection);
    if (session) WinHttpCloseHandle(session);
    return done;
}

void http_exchange(void)
{
    SOCKADDR_IN address = { .sin_family = AF_INET };
    struct server server = { .request_line = "" };
    int length = sizeof(address);
    DWORD status = 0, received = 0;
    char body[512] = "", line[128];
    HANDLE thread;
    BOOL fetched;

    printf("HTTP over 127.0.0.1 with winhttp:\n");
    show_winhttp_binding();
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    server.listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(server.listener, (struct sockaddr *)&address, sizeof(address));
    getsockname(server.listener, (struct sockaddr *)&address, &length);
    snprintf(line, sizeof(line), "HTTP: a server thread listens on 127.0.0.1:%u", ntohs(address.sin_port));
    expect(!listen(server.listener, 1), line);
    thread = CreateThread(NULL, 0, serve_page, &server, 0, NULL);

    printf("  winhttp: GET http://127.0.0.1:%u/hello\n", ntohs(address.sin_port));
    fetched = fetch(ntohs(address.sin_port), &status, body, sizeof(body) - 1, &received);
    /* Closing the listener releases a server that never got its client. */
    closesocket(server.listener);
    WaitForSingleObject(thread, 5000);
    CloseHandle(thread);
    printf("  the server was asked \"%s\"\n", server.request_line);
    expect(!strcmp(server.request_line, "GET /hello HTTP/1.1"), "HTTP: the request line is winhttp's GET");
    snprintf(line, sizeof(line), "HTTP: status %lu, %lu bytes", status, received);
    expect(fetched && status == HTTP_STATUS_OK, line);
    printf("  winhttp read: %.*s\n", (int)strcspn(body, "\n"), body);
    expect(received == strlen(page) && !memcmp(body, page, received), "HTTP: the body is the server's page");
}
