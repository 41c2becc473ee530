/*
 * winhttp over loopback: the system's winhttp.dll talks to a small
 * HTTP/1.1 server thread of this test on 127.0.0.1, and reaches the
 * network only through the ws2_32 under test. A GET with its status,
 * headers and body; a POST whose body the server echoes; a closed port;
 * a server that never answers; a 1 MiB body checked byte for byte; two
 * requests over one kept-alive connection; a GET from a process that
 * never called WSAStartup (winhttp needs none). Sources: Microsoft's
 * documentation of WinHttpSendRequest, WinHttpReceiveResponse,
 * WinHttpQueryHeaders, WinHttpReadData, WinHttpSetTimeouts, the
 * WINHTTP_OPTION_* values and the ERROR_WINHTTP_* codes; RFC 9112 for
 * what a client sends.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "util.h"
#include <winhttp.h>

#define BIG_SIZE (1024 * 1024)

static const char page[] = "<html><body>served over 127.0.0.1</body></html>\n";
static const char form[] = "name=ws2host&value=42";

/* ---------------------------------------------------------------- server */

struct request_head
{
    char line[128];             /* the request line */
    char text[4096];            /* the whole head */
    int content_length;
};

/* What the server does with a connection after answering a request. */
enum after
{
    after_close,                /* it said Connection: close */
    after_next_request,         /* it kept the connection: read another */
    after_hold,                 /* it never answers: keep it open */
};

struct server
{
    SOCKET listener;
    INTERNET_PORT port;
    HANDLE thread;
    LONG connections;           /* accepted so far */
    volatile LONG stopping;     /* set by stop_server */
    SOCKET silent;              /* a client never answered, closed at stop */
    struct request_head last;   /* the last request's head */
    char body[256];             /* and its body, when it had one */
};

/* The byte at `offset` of the big body: no period a misplaced copy hides. */
static char big_byte(DWORD offset)
{
    return (char)(offset * 31 + offset / 4099);
}

static BOOL send_all(SOCKET s, const char *data, int length)
{
    int sent;

    for (; length > 0; data += sent, length -= sent)
        if ((sent = send(s, data, length, 0)) <= 0) return FALSE;
    return TRUE;
}

static void respond(SOCKET s, const char *type, const char *body, int length, enum after after)
{
    char head[256];
    int head_length = snprintf(head, sizeof(head),
                               "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n"
                               "X-Ws2host: conformance\r\n%s\r\n", type, length,
                               after == after_close ? "Connection: close\r\n" : "");

    if (send_all(s, head, head_length)) send_all(s, body, length);
}

static void serve_page(struct server *server, SOCKET s, enum after after)
{
    respond(s, "text/html", page, strlen(page), after);
}

static void serve_echo(struct server *server, SOCKET s, enum after after)
{
    respond(s, "text/plain", server->body, server->last.content_length, after);
}

static void serve_big(struct server *server, SOCKET s, enum after after)
{
    char *body = malloc(BIG_SIZE);

    if (!body) return;
    for (DWORD i = 0; i < BIG_SIZE; i++) body[i] = big_byte(i);
    respond(s, "application/octet-stream", body, BIG_SIZE, after);
    free(body);
}

/* Reads the request and never answers: the client must time out. */
static void serve_nothing(struct server *server, SOCKET s, enum after after)
{
    if (server->silent != INVALID_SOCKET) closesocket(server->silent);
    server->silent = s;
}

static const struct route
{
    const char *line;
    void (*serve)(struct server *server, SOCKET s, enum after after);
    enum after after;
}
routes[] =
{
    { "GET /page HTTP/1.1", serve_page, after_close },
    { "POST /echo HTTP/1.1", serve_echo, after_close },
    { "GET /big HTTP/1.1", serve_big, after_close },
    { "GET /silent HTTP/1.1", serve_nothing, after_hold },
    { "GET /again HTTP/1.1", serve_page, after_next_request },
};

/* Reads a head up to its empty line, then a body of Content-Length. */
static BOOL read_request(SOCKET s, struct request_head *head, char *body, int body_size)
{
    const char *end, *length_field;
    int got = 0, ret, have;

    memset(head, 0, sizeof(*head));
    while (!(end = strstr(head->text, "\r\n\r\n")))
    {
        if (got >= (int)sizeof(head->text) - 1) return FALSE;
        if ((ret = recv(s, head->text + got, sizeof(head->text) - 1 - got, 0)) <= 0) return FALSE;
        got += ret;
    }
    sscanf(head->text, "%127[^\r\n]", head->line);
    if ((length_field = strstr(head->text, "\r\nContent-Length:")))
        head->content_length = atoi(length_field + strlen("\r\nContent-Length:"));
    if (head->content_length < 0 || head->content_length > body_size) return FALSE;
    /* Whatever came after the head is the start of the body. */
    have = min(got - (int)(end + 4 - head->text), head->content_length);
    memcpy(body, end + 4, have);
    while (have < head->content_length)
    {
        if ((ret = recv(s, body + have, head->content_length - have, 0)) <= 0) return FALSE;
        have += ret;
    }
    return TRUE;
}

/* Until the client closes (or 2 s pass), so closing sends no reset. */
static void drain(SOCKET s)
{
    DWORD timeout = 2000;
    char buffer[256];

    shutdown(s, SD_SEND);
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    while (recv(s, buffer, sizeof(buffer), 0) > 0);
}

static const struct route *find_route(const char *line)
{
    for (size_t i = 0; i < ARRAYSIZE(routes); i++)
        if (!strcmp(line, routes[i].line)) return &routes[i];
    return NULL;
}

/* Until the client sends, the connection closes or the server stops: a
 * kept-alive connection may idle in winhttp's pool for long. */
static BOOL wait_for_request(struct server *server, SOCKET s)
{
    struct timeval tick = { 0, 100 * 1000 };
    fd_set readable;

    while (!server->stopping)
    {
        FD_ZERO(&readable);
        FD_SET(s, &readable);
        if (select(0, &readable, NULL, NULL, &tick)) return TRUE;
    }
    return FALSE;
}

/* Serves connections one after the other until the listener is closed. */
static DWORD WINAPI server_thread(void *arg)
{
    struct server *server = arg;
    const struct route *route;
    enum after after;
    SOCKET s;

    while ((s = accept(server->listener, NULL, NULL)) != INVALID_SOCKET)
    {
        InterlockedIncrement(&server->connections);
        do
        {
            after = after_close;
            if (!wait_for_request(server, s) ||
                !read_request(s, &server->last, server->body, sizeof(server->body)))
                break;
            if (!(route = find_route(server->last.line))) break;
            route->serve(server, s, route->after);
            after = route->after;
        }
        while (after == after_next_request);
        if (after == after_hold) continue;
        drain(s);
        closesocket(s);
    }
    return 0;
}

static BOOL start_server(struct server *server)
{
    SOCKADDR_IN address = { .sin_family = AF_INET };
    int length = sizeof(address);

    memset(server, 0, sizeof(*server));
    server->silent = INVALID_SOCKET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    server->listener = socket(AF_INET, SOCK_STREAM, 0);
    if (!ok(server->listener != INVALID_SOCKET, "server socket failed, error %d\n", WSAGetLastError())) return FALSE;
    if (!ok(!bind(server->listener, (struct sockaddr *)&address, sizeof(address)) &&
            !getsockname(server->listener, (struct sockaddr *)&address, &length) &&
            !listen(server->listener, 4), "server setup failed, error %d\n", WSAGetLastError()))
    {
        closesocket(server->listener);
        return FALSE;
    }
    server->port = ntohs(address.sin_port);
    server->thread = CreateThread(NULL, 0, server_thread, server, 0, NULL);
    return TRUE;
}

static void stop_server(struct server *server)
{
    /* Closing the listener releases the thread from accept. */
    InterlockedExchange(&server->stopping, 1);
    closesocket(server->listener);
    if (!ok(WaitForSingleObject(server->thread, 10000) == WAIT_OBJECT_0, "the server thread did not stop\n"))
        TerminateThread(server->thread, 0);
    CloseHandle(server->thread);
    if (server->silent != INVALID_SOCKET) closesocket(server->silent);
}

/* ---------------------------------------------------------------- client */

struct exchange
{
    HINTERNET connection;
    HINTERNET request;
};

static BOOL open_exchange(HINTERNET session, INTERNET_PORT port, const WCHAR *verb, const WCHAR *path,
                          struct exchange *x)
{
    x->request = NULL;
    x->connection = WinHttpConnect(session, L"127.0.0.1", port, 0);
    if (!ok(x->connection != NULL, "WinHttpConnect failed, error %lu\n", GetLastError())) return FALSE;
    x->request = WinHttpOpenRequest(x->connection, verb, path, NULL, WINHTTP_NO_REFERER,
                                    WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    return ok(x->request != NULL, "WinHttpOpenRequest failed, error %lu\n", GetLastError());
}

static void close_exchange(struct exchange *x)
{
    if (x->request) WinHttpCloseHandle(x->request);
    if (x->connection) WinHttpCloseHandle(x->connection);
}

static DWORD number_header(HINTERNET request, DWORD query)
{
    DWORD value = 0, size = sizeof(value);

    if (!WinHttpQueryHeaders(request, query | WINHTTP_QUERY_FLAG_NUMBER, WINHTTP_HEADER_NAME_BY_INDEX, &value,
                             &size, WINHTTP_NO_HEADER_INDEX))
        return 0;
    return value;
}

/* A header as text, "" when absent; `name` for WINHTTP_QUERY_CUSTOM. */
static const WCHAR *text_header(HINTERNET request, DWORD query, const WCHAR *name, WCHAR *out, DWORD out_size)
{
    DWORD size = out_size;

    out[0] = 0;
    if (!WinHttpQueryHeaders(request, query, name ? name : WINHTTP_HEADER_NAME_BY_INDEX, out, &size,
                             WINHTTP_NO_HEADER_INDEX))
        out[0] = 0;
    return out;
}

/* The whole body through WinHttpQueryDataAvailable and WinHttpReadData;
 * NULL (with a failed ok) when a call fails or it exceeds `limit`. */
static char *read_body(HINTERNET request, DWORD limit, DWORD *length)
{
    char *body = malloc(limit);
    DWORD available, read;

    *length = 0;
    while (body && WinHttpQueryDataAvailable(request, &available))
    {
        if (!available) return body;
        if (available > limit - *length)
        {
            ok(FALSE, "body longer than %lu bytes\n", limit);
            free(body);
            return NULL;
        }
        if (!WinHttpReadData(request, body + *length, available, &read) || !read) break;
        *length += read;
    }
    ok(FALSE, "reading the body failed after %lu bytes, error %lu\n", *length, GetLastError());
    free(body);
    return NULL;
}

/* --------------------------------------------------------------- tests */

static void test_get(HINTERNET session, struct server *server)
{
    char expected_host[64];
    WCHAR text[128];
    struct exchange x;
    DWORD length;
    char *body;

    if (!open_exchange(session, server->port, L"GET", L"/page", &x)) return;
    ok(WinHttpSendRequest(x.request, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0),
       "WinHttpSendRequest failed, error %lu\n", GetLastError());
    ok(WinHttpReceiveResponse(x.request, NULL), "WinHttpReceiveResponse failed, error %lu\n", GetLastError());

    ok(number_header(x.request, WINHTTP_QUERY_STATUS_CODE) == HTTP_STATUS_OK, "status %lu\n",
       number_header(x.request, WINHTTP_QUERY_STATUS_CODE));
    ok(!wcscmp(text_header(x.request, WINHTTP_QUERY_STATUS_TEXT, NULL, text, sizeof(text)), L"OK"),
       "status text %ls\n", text);
    ok(!wcscmp(text_header(x.request, WINHTTP_QUERY_VERSION, NULL, text, sizeof(text)), L"HTTP/1.1"),
       "version %ls\n", text);
    ok(number_header(x.request, WINHTTP_QUERY_CONTENT_LENGTH) == strlen(page), "Content-Length %lu\n",
       number_header(x.request, WINHTTP_QUERY_CONTENT_LENGTH));
    ok(!wcscmp(text_header(x.request, WINHTTP_QUERY_CONTENT_TYPE, NULL, text, sizeof(text)), L"text/html"),
       "Content-Type %ls\n", text);
    ok(!wcscmp(text_header(x.request, WINHTTP_QUERY_CUSTOM, L"X-Ws2host", text, sizeof(text)), L"conformance"),
       "X-Ws2host %ls\n", text);

    body = read_body(x.request, 4096, &length);
    ok(body && length == strlen(page) && !memcmp(body, page, length), "body of %lu bytes differs\n", length);
    free(body);
    close_exchange(&x);

    /* What the server was sent: the request line and a Host header with
     * the port, as HTTP/1.1 requires. */
    ok(!strcmp(server->last.line, "GET /page HTTP/1.1"), "request line %s\n", server->last.line);
    snprintf(expected_host, sizeof(expected_host), "\r\nHost: 127.0.0.1:%u\r\n", server->port);
    ok(strstr(server->last.text, expected_host) != NULL, "no Host header with the port in:\n%s", server->last.text);
}

static void test_post(HINTERNET session, struct server *server)
{
    struct exchange x;
    DWORD length;
    char *body;

    if (!open_exchange(session, server->port, L"POST", L"/echo", &x)) return;
    ok(WinHttpSendRequest(x.request, L"Content-Type: application/x-www-form-urlencoded\r\n", (DWORD)-1,
                          (void *)form, strlen(form), strlen(form), 0),
       "WinHttpSendRequest failed, error %lu\n", GetLastError());
    ok(WinHttpReceiveResponse(x.request, NULL), "WinHttpReceiveResponse failed, error %lu\n", GetLastError());
    ok(number_header(x.request, WINHTTP_QUERY_STATUS_CODE) == HTTP_STATUS_OK, "status %lu\n",
       number_header(x.request, WINHTTP_QUERY_STATUS_CODE));
    body = read_body(x.request, 4096, &length);
    ok(body && length == strlen(form) && !memcmp(body, form, length), "echo of %lu bytes: %.*s\n", length,
       body ? (int)length : 0, body ? body : "");
    free(body);
    close_exchange(&x);
    ok(!strcmp(server->last.line, "POST /echo HTTP/1.1"), "request line %s\n", server->last.line);
    ok(server->last.content_length == (int)strlen(form), "the server was sent Content-Length %d\n",
       server->last.content_length);
}

/* A port nobody listens on: bound once, then closed. */
static void test_closed_port(HINTERNET session)
{
    SOCKADDR_IN address = { .sin_family = AF_INET };
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    int length = sizeof(address);
    struct exchange x;
    BOOL ret;

    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)&address, sizeof(address));
    getsockname(s, (struct sockaddr *)&address, &length);
    closesocket(s);

    if (!open_exchange(session, ntohs(address.sin_port), L"GET", L"/", &x)) return;
    SetLastError(0xdeadbeef);
    ret = WinHttpSendRequest(x.request, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0);
    ok(!ret && GetLastError() == ERROR_WINHTTP_CANNOT_CONNECT, "closed port: %d, error %lu\n", ret, GetLastError());
    close_exchange(&x);
}

/* The server reads the request and never answers: past the timeout the
 * request fails, on Windows with ERROR_WINHTTP_TIMEOUT from
 * WinHttpReceiveResponse. Waiting for the response headers is bounded by
 * the receive-response timeout (documented default 90 s; Wine's winhttp
 * uses only this one there), so both it and the receive timeout are
 * made short. */
static void test_receive_timeout(HINTERNET session, struct server *server)
{
    DWORD elapsed, error, expected, response_timeout = 500;
    struct exchange x;
    ULONGLONG start;
    BOOL ret;

    if (!open_exchange(session, server->port, L"GET", L"/silent", &x)) return;
    ok(WinHttpSetTimeouts(x.request, 0, 5000, 5000, 500), "WinHttpSetTimeouts failed, error %lu\n", GetLastError());
    ok(WinHttpSetOption(x.request, WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT, &response_timeout,
                        sizeof(response_timeout)), "WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT failed, error %lu\n",
       GetLastError());
    start = GetTickCount64();
    SetLastError(0xdeadbeef);
    /* Wine's winhttp reads the response headers inside WinHttpSendRequest. */
    ret = WinHttpSendRequest(x.request, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0) &&
          WinHttpReceiveResponse(x.request, NULL);
    error = GetLastError();
    elapsed = (DWORD)(GetTickCount64() - start);
    /* Wine 8.0's winhttp hands the socket's error on unchanged: recv's
     * WSAETIMEDOUT after SO_RCVTIMEO, which is what ws2_32 must give. */
    expected = harness_impl == impl_windows ? ERROR_WINHTTP_TIMEOUT : WSAETIMEDOUT;
    ok(!ret && error == expected, "silent server: %d, error %lu\n", ret, error);
    ok(elapsed >= 400 && elapsed < 5000, "gave up after %lu ms, the timeouts are 500\n", elapsed);
    close_exchange(&x);
}

static void test_big_body(HINTERNET session, struct server *server)
{
    struct exchange x;
    DWORD length, wrong = 0;
    char *body;

    if (!open_exchange(session, server->port, L"GET", L"/big", &x)) return;
    ok(WinHttpSendRequest(x.request, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0),
       "WinHttpSendRequest failed, error %lu\n", GetLastError());
    ok(WinHttpReceiveResponse(x.request, NULL), "WinHttpReceiveResponse failed, error %lu\n", GetLastError());
    ok(number_header(x.request, WINHTTP_QUERY_CONTENT_LENGTH) == BIG_SIZE, "Content-Length %lu\n",
       number_header(x.request, WINHTTP_QUERY_CONTENT_LENGTH));
    body = read_body(x.request, BIG_SIZE, &length);
    ok(body && length == BIG_SIZE, "body of %lu bytes, not %u\n", length, BIG_SIZE);
    for (DWORD i = 0; body && i < length; i++)
        if (body[i] != big_byte(i) && !wrong++) ok(FALSE, "first wrong byte at offset %lu\n", i);
    ok(body && !wrong, "%lu wrong bytes\n", wrong);
    free(body);
    close_exchange(&x);
}

/* Keep-alive is WinHTTP's default (WINHTTP_DISABLE_KEEP_ALIVE turns it
 * off): the second request reuses the first one's connection, after
 * winhttp checked that the pooled socket is still open. Last, because the
 * server reads that connection until the session is closed. */
static void test_keep_alive(struct server *server)
{
    HINTERNET session = WinHttpOpen(L"ws2host-tests/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME,
                                    WINHTTP_NO_PROXY_BYPASS, 0);
    LONG before = server->connections;
    struct exchange x;
    DWORD length;
    char *body;

    for (int i = 0; i < 2; i++)
    {
        if (!open_exchange(session, server->port, L"GET", L"/again", &x)) break;
        ok(WinHttpSendRequest(x.request, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0) &&
           WinHttpReceiveResponse(x.request, NULL), "request %d failed, error %lu\n", i, GetLastError());
        ok(number_header(x.request, WINHTTP_QUERY_STATUS_CODE) == HTTP_STATUS_OK, "request %d: status %lu\n", i,
           number_header(x.request, WINHTTP_QUERY_STATUS_CODE));
        body = read_body(x.request, 4096, &length);
        ok(body && length == strlen(page) && !memcmp(body, page, length), "request %d: body of %lu bytes\n", i,
           length);
        free(body);
        close_exchange(&x);
    }
    ok(server->connections - before == 1, "two requests took %ld connections\n", server->connections - before);
    WinHttpCloseHandle(session);
}

/* `child winhttp-get PORT`: GET /page from 127.0.0.1:PORT in a process
 * that never calls WSAStartup, as programs that only use winhttp do.
 * Exits with the status code, or with the error of the call that failed. */
int child_winhttp_get(int argc, char **argv)
{
    HINTERNET session = WinHttpOpen(L"ws2host-tests/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME,
                                    WINHTTP_NO_PROXY_BYPASS, 0);
    HINTERNET connection = NULL, request = NULL;
    DWORD result = 0;

    if (argc < 1) return 0xbad;
    if (session) connection = WinHttpConnect(session, L"127.0.0.1", (INTERNET_PORT)atoi(argv[0]), 0);
    if (connection)
        request = WinHttpOpenRequest(connection, L"GET", L"/page", NULL, WINHTTP_NO_REFERER,
                                     WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    if (request && WinHttpSendRequest(request, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0) &&
        WinHttpReceiveResponse(request, NULL))
        result = number_header(request, WINHTTP_QUERY_STATUS_CODE);
    else
        result = GetLastError();
    if (request) WinHttpCloseHandle(request);
    if (connection) WinHttpCloseHandle(connection);
    if (session) WinHttpCloseHandle(session);
    return result;
}

/* winhttp needs no WSAStartup from the program that uses it. */
static void test_without_startup(struct server *server)
{
    PROCESS_INFORMATION process;
    STARTUPINFOA startup = { 0 };
    char port[8];
    DWORD code;

    snprintf(port, sizeof(port), "%u", server->port);
    if (!ok(start_child("winhttp-get", port, FALSE, &startup, &process), "CreateProcess failed, error %lu\n",
            GetLastError()))
        return;
    code = wait_child(&process);
    ok(code == HTTP_STATUS_OK, "GET from a process without WSAStartup: %lu\n", code);
}

void run_winhttp_tests(void)
{
    struct server server;
    HINTERNET session;
    WSADATA data;

    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    if (!start_server(&server))
    {
        WSACleanup();
        return;
    }
    session = WinHttpOpen(L"ws2host-tests/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME,
                          WINHTTP_NO_PROXY_BYPASS, 0);
    if (ok(session != NULL, "WinHttpOpen failed, error %lu\n", GetLastError()))
    {
        test_get(session, &server);
        test_post(session, &server);
        test_closed_port(session);
        test_receive_timeout(session, &server);
        test_big_body(session, &server);
        test_without_startup(&server);
        WinHttpCloseHandle(session);
        test_keep_alive(&server);
    }
    stop_server(&server);
    WSACleanup();
}
