/*
 * TransmitPackets (memory and file elements, with and without an
 * OVERLAPPED, through a completion port), TF_DISCONNECT, and
 * TF_REUSE_SOCKET with AcceptEx taking the handle again (after
 * TransmitPackets, TransmitFile and DisconnectEx).
 *
 * Sources: Microsoft's documentation of LPFN_TRANSMITPACKETS,
 * TRANSMIT_PACKETS_ELEMENT, TransmitFile, DisconnectEx and AcceptEx
 * (the count of a completed transfer is every byte of every element; a
 * file element of length 0 sends the rest of the file, offset -1 starts
 * at the file pointer; TF_DISCONNECT shuts the connection down after the
 * data; after TF_REUSE_SOCKET the handle may be passed to AcceptEx), and
 * Wine's Windows-run sock.c test_TransmitFile (an unconnected socket
 * fails with WSAENOTCONN).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>
#include <stdlib.h>

#include "harness.h"
#include "util.h"
#include "overlapped.h"

static LPFN_TRANSMITPACKETS transmit_packets(SOCKET s)
{
    LPFN_TRANSMITPACKETS function = (LPFN_TRANSMITPACKETS)extension(s, (GUID)WSAID_TRANSMITPACKETS);

    /* Wine's builtin has none (extensions.c test_guids). */
    if (!function) skip("no TransmitPackets\n");
    return function;
}

static char pattern_byte(size_t i)
{
    return (char)(i * 7 + 3);
}

static char *pattern(size_t length)
{
    char *data = malloc(length);

    for (size_t i = 0; data && i < length; i++) data[i] = pattern_byte(i);
    return data;
}

/* Receives exactly length bytes (a second without data ends it). */
static DWORD receive_all(SOCKET s, char *buffer, DWORD length)
{
    DWORD timeout = 2000, got = 0;
    int n;

    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    while (got < length && (n = recv(s, buffer + got, length - got, 0)) > 0) got += n;
    return got;
}

/* Is the stream at its end (recv answers 0 within a second)? */
static BOOL at_end(SOCKET s)
{
    DWORD timeout = 1000;
    char byte;

    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));
    return recv(s, &byte, 1, 0) == 0;
}

static HANDLE pattern_file(size_t length)
{
    HANDLE file = make_temp_file();
    char *data = pattern(length);
    DWORD written = 0;

    WriteFile(file, data, (DWORD)length, &written, NULL);
    free(data);
    return file;
}

static TRANSMIT_PACKETS_ELEMENT memory_element(const void *data, ULONG length)
{
    TRANSMIT_PACKETS_ELEMENT element = { .dwElFlags = TP_ELEMENT_MEMORY, .cLength = length };

    element.pBuffer = (void *)data;
    return element;
}

static TRANSMIT_PACKETS_ELEMENT file_element(HANDLE file, LONGLONG offset, ULONG length)
{
    TRANSMIT_PACKETS_ELEMENT element = { .dwElFlags = TP_ELEMENT_FILE, .cLength = length };

    element.nFileOffset.QuadPart = offset;
    element.hFile = file;
    return element;
}

/* Memory elements without an OVERLAPPED: every byte, in order. */
static void test_memory_elements(void)
{
    enum { big = 100000 };
    char *data = pattern(big), *received = malloc(big + 10);
    TRANSMIT_PACKETS_ELEMENT elements[4];
    LPFN_TRANSMITPACKETS transmit;
    SOCKET client, server;
    BOOL ret;

    if (!tcp_pair(NULL, &client, &server)) return;
    if ((transmit = transmit_packets(server)))
    {
        elements[0] = memory_element("head:", 5);
        elements[1] = memory_element(data, big);
        elements[2] = memory_element(NULL, 0);
        elements[3] = memory_element(":tail", 5);
        ret = transmit(server, elements, 4, 0, NULL, 0);
        ok(ret, "TransmitPackets failed, error %d\n", WSAGetLastError());
        ok(receive_all(client, received, big + 10) == big + 10 && !memcmp(received, "head:", 5) &&
           !memcmp(received + 5, data, big) && !memcmp(received + 5 + big, ":tail", 5),
           "the memory elements did not arrive byte for byte\n");
    }
    free(data);
    free(received);
    closesocket(client);
    closesocket(server);
}

/* File elements (a range; from the file pointer to the end) between
 * memory ones, overlapped: the count is the whole. */
static void test_file_elements(void)
{
    enum { file_size = 200000, total = 1 + 5000 + 50000 + 1 };
    char *expected = pattern(file_size), *received = malloc(total);
    TRANSMIT_PACKETS_ELEMENT elements[4];
    WSAOVERLAPPED overlapped = { 0 };
    LPFN_TRANSMITPACKETS transmit;
    LARGE_INTEGER position = { .QuadPart = 150000 };
    SOCKET client, server;
    DWORD bytes = 0, flags = 0;
    HANDLE file;
    BOOL ret;

    if (!tcp_pair(NULL, &client, &server)) return;
    file = pattern_file(file_size);
    SetFilePointerEx(file, position, NULL, FILE_BEGIN);
    if ((transmit = transmit_packets(server)))
    {
        overlapped.hEvent = WSACreateEvent();
        elements[0] = memory_element("A", 1);
        elements[1] = file_element(file, 1000, 5000);
        elements[2] = file_element(file, -1, 0);
        elements[3] = memory_element("Z", 1);
        ret = transmit(server, elements, 4, 0, &overlapped, 0);
        ok(ret || WSAGetLastError() == ERROR_IO_PENDING, "TransmitPackets: error %d\n", WSAGetLastError());
        ok(receive_all(client, received, total) == total && received[0] == 'A' &&
           !memcmp(received + 1, expected + 1000, 5000) && !memcmp(received + 5001, expected + 150000, 50000) &&
           received[total - 1] == 'Z', "the file elements did not arrive byte for byte\n");
        ok(wait_overlapped(&overlapped), "TransmitPackets did not complete\n");
        ok(WSAGetOverlappedResult(server, &overlapped, &bytes, FALSE, &flags) && bytes == total,
           "TransmitPackets: %lu bytes, error %d\n", bytes, WSAGetLastError());
        WSACloseEvent(overlapped.hEvent);
    }
    CloseHandle(file);
    free(expected);
    free(received);
    closesocket(client);
    closesocket(server);
}

/* Through a completion port: one packet with the whole count and the
 * association's key. */
static void test_completion_port_packet(void)
{
    TRANSMIT_PACKETS_ELEMENT elements[2];
    WSAOVERLAPPED overlapped = { 0 }, *got = NULL;
    LPFN_TRANSMITPACKETS transmit;
    SOCKET client, server;
    ULONG_PTR key = 0;
    DWORD bytes = 0;
    char received[8];
    HANDLE port;
    BOOL ret;

    if (!tcp_pair(NULL, &client, &server)) return;
    port = CreateIoCompletionPort((HANDLE)server, NULL, 7, 0);
    if ((transmit = transmit_packets(server)))
    {
        elements[0] = memory_element("abc", 3);
        elements[1] = memory_element("defg", 4);
        ret = transmit(server, elements, 2, 0, &overlapped, 0);
        ok(ret || WSAGetLastError() == ERROR_IO_PENDING, "TransmitPackets: error %d\n", WSAGetLastError());
        ok(GetQueuedCompletionStatus(port, &bytes, &key, (OVERLAPPED **)&got, 1000) && bytes == 7 && key == 7 &&
           got == &overlapped, "packet: %lu bytes, key %lu, overlapped %p, error %lu\n", bytes, (unsigned long)key, got,
           GetLastError());
        ok(receive_all(client, received, 7) == 7 && !memcmp(received, "abcdefg", 7), "the data did not arrive\n");
    }
    CloseHandle(port);
    closesocket(client);
    closesocket(server);
}

/* Several megabytes from a file, pending while the peer does not read,
 * then an overlapped WSASend issued after it: the peer gets the file's
 * bytes first, every one. */
static void test_large_pending(void)
{
    enum { file_size = 4 << 20 };
    char *expected = pattern(file_size), *received = malloc(file_size + 4);
    WSAOVERLAPPED overlapped = { 0 }, after = { 0 };
    TRANSMIT_PACKETS_ELEMENT element;
    LPFN_TRANSMITPACKETS transmit;
    WSABUF tail = { 4, (char *)"tail" };
    SOCKET client, server;
    DWORD bytes = 0, flags = 0, sent;
    HANDLE file;
    BOOL ret;
    int err;

    if (!tcp_pair(NULL, &client, &server)) return;
    file = pattern_file(file_size);
    if ((transmit = transmit_packets(server)))
    {
        overlapped.hEvent = WSACreateEvent();
        after.hEvent = WSACreateEvent();
        element = file_element(file, 0, 0);
        ret = transmit(server, &element, 1, 0, &overlapped, 0);
        err = ret ? 0 : WSAGetLastError();
        ok(!err || err == ERROR_IO_PENDING, "TransmitPackets: error %d\n", err);
        err = WSASend(server, &tail, 1, &sent, 0, &after, NULL) ? WSAGetLastError() : 0;
        ok(!err || err == WSA_IO_PENDING, "WSASend after it: error %d\n", err);
        ok(receive_all(client, received, file_size + 4) == file_size + 4 &&
           !memcmp(received, expected, file_size) && !memcmp(received + file_size, "tail", 4),
           "the file's bytes did not arrive in order\n");
        ok(wait_overlapped(&overlapped), "TransmitPackets did not complete\n");
        ok(WSAGetOverlappedResult(server, &overlapped, &bytes, FALSE, &flags) && bytes == file_size,
           "TransmitPackets: %lu bytes, error %d\n", bytes, WSAGetLastError());
        ok(wait_overlapped(&after), "WSASend did not complete\n");
        WSACloseEvent(overlapped.hEvent);
        WSACloseEvent(after.hEvent);
    }
    CloseHandle(file);
    free(expected);
    free(received);
    closesocket(client);
    closesocket(server);
}

static void test_bad_calls(void)
{
    TRANSMIT_PACKETS_ELEMENT element = memory_element("x", 1);
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    LPFN_TRANSMITPACKETS transmit = transmit_packets(s);
    BOOL ret;
    int err;

    if (transmit)
    {
        ret = transmit(INVALID_SOCKET, &element, 1, 0, NULL, 0);
        err = WSAGetLastError();
        ok(!ret && err == WSAENOTSOCK, "invalid socket: %d, error %d\n", ret, err);
        /* As TransmitFile (sock.c test_TransmitFile): not connected. */
        ret = transmit(s, &element, 1, 0, NULL, 0);
        err = WSAGetLastError();
        ok(!ret && err == WSAENOTCONN, "unconnected socket: %d, error %d\n", ret, err);
    }
    closesocket(s);
}

/* TF_DISCONNECT: the peer gets the data, then the end of the stream. */
static void test_disconnect(void)
{
    TRANSMIT_PACKETS_ELEMENT element = memory_element("last", 4);
    LPFN_TRANSMITPACKETS transmit;
    SOCKET client, server;
    char received[4];

    if (!tcp_pair(NULL, &client, &server)) return;
    if ((transmit = transmit_packets(server)))
    {
        ok(transmit(server, &element, 1, 0, NULL, TF_DISCONNECT), "TransmitPackets with TF_DISCONNECT failed\n");
        ok(receive_all(client, received, 4) == 4 && !memcmp(received, "last", 4), "the data did not arrive\n");
        ok(at_end(client), "the peer saw no end of stream\n");
    }
    closesocket(client);
    closesocket(server);
}

enum reuse_by { by_transmit_packets, by_transmit_file, by_disconnect_ex };

/* Ends the connection with TF_REUSE_SOCKET, then AcceptEx takes the same
 * handle for a new connection, which carries data both ways. */
static void test_reuse(enum reuse_by by)
{
    static const char *names[] = { "TransmitPackets", "TransmitFile", "DisconnectEx" };
    struct sockaddr_in address = { .sin_family = AF_INET };
    TRANSMIT_PACKETS_ELEMENT element = memory_element("bye", 3);
    TRANSMIT_FILE_BUFFERS head = { (void *)"bye", 3, NULL, 0 };
    WSAOVERLAPPED overlapped = { 0 };
    SOCKET listener, client, server, second;
    LPFN_TRANSMITPACKETS transmit_p;
    LPFN_TRANSMITFILE transmit_f;
    LPFN_DISCONNECTEX disconnect;
    LPFN_ACCEPTEX accept_ex;
    char buffer[128], received[4];
    int length = sizeof(address);
    DWORD bytes = 0, flags = 0;
    BOOL ret = FALSE, sent_bye = by != by_disconnect_ex;

    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(listener, (struct sockaddr *)&address, sizeof(address));
    getsockname(listener, (struct sockaddr *)&address, &length);
    listen(listener, 2);
    client = socket(AF_INET, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *)&address, sizeof(address));
    server = accept(listener, NULL, NULL);
    transmit_p = (LPFN_TRANSMITPACKETS)extension(server, (GUID)WSAID_TRANSMITPACKETS);
    transmit_f = (LPFN_TRANSMITFILE)extension(server, (GUID)WSAID_TRANSMITFILE);
    disconnect = (LPFN_DISCONNECTEX)extension(server, (GUID)WSAID_DISCONNECTEX);
    accept_ex = (LPFN_ACCEPTEX)extension(listener, (GUID)WSAID_ACCEPTEX);
    overlapped.hEvent = WSACreateEvent();
    if (by == by_transmit_packets && !transmit_p) skip("no TransmitPackets\n");
    else if (by == by_transmit_packets) ret = transmit_p(server, &element, 1, 0, NULL, TF_DISCONNECT | TF_REUSE_SOCKET);
    else if (by == by_transmit_file) ret = transmit_f(server, NULL, 0, 0, NULL, &head, TF_DISCONNECT | TF_REUSE_SOCKET);
    else
    {
        ret = disconnect(server, &overlapped, TF_REUSE_SOCKET, 0);
        if (!ret && WSAGetLastError() == ERROR_IO_PENDING) ret = wait_overlapped(&overlapped);
    }
    if (by == by_transmit_packets && !transmit_p) goto done;
    /* From Wine 10 on ntdll caches a connected socket's fd, and the old
     * connection's stays under the handle after AcceptEx reuses it:
     * ws2host refuses reuse there (docs/wine10.md). */
    if (!ret && WSAGetLastError() == WSAEOPNOTSUPP && harness_impl == impl_ws2host && harness_wine_major >= 10)
    {
        skip("%s(TF_REUSE_SOCKET): refused on Wine %d\n", names[by], harness_wine_major);
        closesocket(client);
        goto done;
    }
    ok(ret, "%s(TF_REUSE_SOCKET): error %d\n", names[by], WSAGetLastError());
    if (sent_bye)
        ok(receive_all(client, received, 3) == 3 && !memcmp(received, "bye", 3), "%s: no data\n", names[by]);
    /* Wine's builtin TransmitFile does not disconnect. */
    todo_if(harness_impl == impl_wine_builtin && by == by_transmit_file)
    ok(at_end(client), "%s: the peer saw no end of stream\n", names[by]);
    /* The old peer stays open until AcceptEx has taken the handle: on
     * Wine 8 a peer that closed first leaves the socket object marked
     * aborted, and it is never polled again (docs/design.md). */

    ResetEvent(overlapped.hEvent);
    ret = accept_ex(listener, server, buffer, 4, sizeof(address) + 16, sizeof(address) + 16, &bytes, &overlapped);
    ok(!ret && WSAGetLastError() == ERROR_IO_PENDING, "%s: AcceptEx into the reused socket: %d, error %d\n",
       names[by], ret, WSAGetLastError());
    second = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(second, (struct sockaddr *)&address, sizeof(address)), "connect failed\n");
    ok(send(second, "new!", 4, 0) == 4, "send failed\n");
    ok(wait_overlapped(&overlapped), "%s: AcceptEx did not complete\n", names[by]);
    ok(WSAGetOverlappedResult(listener, &overlapped, &bytes, FALSE, &flags) && bytes == 4 &&
       !memcmp(buffer, "new!", 4), "%s: AcceptEx: %lu bytes, error %d\n", names[by], bytes, WSAGetLastError());
    ok(!setsockopt(server, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (char *)&listener, sizeof(listener)),
       "SO_UPDATE_ACCEPT_CONTEXT: error %d\n", WSAGetLastError());
    /* Wine's builtin DisconnectEx leaves the server's shutdown mark,
     * which refuses the reused socket's sends; from Wine 10 on its sends
     * go to the old connection's cached fd. */
    todo_if(harness_impl == impl_wine_builtin && (by == by_disconnect_ex || harness_wine_major >= 10))
    ok(send(server, "back", 4, 0) == 4 && receive_all(second, received, 4) == 4 && !memcmp(received, "back", 4),
       "%s: the reused socket does not send, error %d\n", names[by], WSAGetLastError());
    closesocket(second);
    closesocket(client);
done:
    WSACloseEvent(overlapped.hEvent);
    closesocket(server);
    closesocket(listener);
}

void run_transmit_tests(void)
{
    test_memory_elements();
    test_file_elements();
    test_completion_port_packet();
    test_large_pending();
    test_bad_calls();
    test_disconnect();
    test_reuse(by_transmit_packets);
    test_reuse(by_transmit_file);
    test_reuse(by_disconnect_ex);
}
