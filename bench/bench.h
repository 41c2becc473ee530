/*
 * ws2host benchmarks: what the shared measurements (measure.c) need from
 * a platform. bench.c provides it for Windows (run under Wine, with the
 * builtin ws2_32 or with ws2host), bench-linux.c for plain Linux, so the
 * three implementations run the very same measured code.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_BENCH_H
#define WS2HOST_BENCH_H

#ifdef _WIN32
/* select() is measured over 65 sockets: more than Windows' default 64. */
# define FD_SETSIZE 128
# include <winsock2.h>
# include <ws2tcpip.h>
# include <windows.h>
# include <mswsock.h>
typedef SOCKET bench_socket;
# define BENCH_BAD_SOCKET INVALID_SOCKET
# define SHUT_WR SD_SEND
#else
# include <arpa/inet.h>
# include <netinet/in.h>
# include <netinet/tcp.h>
# include <sys/select.h>
# include <sys/socket.h>
# include <sys/time.h>
typedef int bench_socket;
# define BENCH_BAD_SOCKET (-1)
#endif

/* ---- provided by the platform file ---- */

/* Startup work every program does before its first socket. */
void platform_init(void);
/* "builtin", "ws2host" or "linux": which implementation serves us. */
const char *platform_implementation(void);
/* A monotonic clock, in microseconds. */
double platform_now_us(void);
void platform_sleep_ms(int ms);
int platform_last_error(void);

/* closesocket() on Windows, close() on Linux. */
void platform_close(bench_socket s);
/* WSASocketW for TCP with or without WSA_FLAG_OVERLAPPED; Linux: socket(). */
bench_socket platform_wsasocket_tcp(int overlapped);
/* Blocking receives give up after this long (fails rather than hangs). */
void platform_set_recv_timeout(bench_socket s, int ms);

struct platform_thread;
struct platform_thread *platform_thread_start(void (*body)(void *arg), void *arg);
void platform_thread_join(struct platform_thread *thread);

/* Process memory: private (committed/data) bytes and resident bytes. */
struct memory_sample
{
    double private_bytes;
    double resident_bytes;
};
void platform_memory(struct memory_sample *sample);

/* A request the wineserver trace shows with this name (no-op on Linux):
 * tools count the requests between two marks. */
void platform_mark(const char *name);

/* ---- completion-based I/O: IOCP on Windows, epoll on Linux ---- */

/* A completion port (Windows) or an epoll instance (Linux), used by one
 * thread with one operation in flight at a time. */
struct platform_port;
struct platform_port *platform_port_create(void);
/* Windows: fails if a packet is left, as one of an immediate success would be. */
void platform_port_close(struct platform_port *port);
/* Windows: associates an overlapped socket and sets
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS; Linux: non-blocking, in the epoll
 * set edge-triggered for both directions. */
void platform_port_add(struct platform_port *port, bench_socket s);

/* One transfer or accept in flight; `s` is the socket it is on (for an
 * accept, the listener), `accepted` an accept's new socket. */
struct platform_io
{
#ifdef _WIN32
    /* [1] for sends, [0] for receives and accepts: a packet of the
     * direction not waited for is caught. */
    WSAOVERLAPPED overlapped[2];
    char addresses[2 * (sizeof(struct sockaddr_in6) + 16)];   /* AcceptEx's */
#endif
    bench_socket s, accepted;
    char *buffer;
    int size, sending;
};

/* Starts a send or receive of io->size bytes at io->buffer on io->s:
 * returns the bytes moved if it completed at once (on Windows without a
 * completion packet), -1 if it is pending. Windows: overlapped WSASend or
 * WSARecv; Linux: send or recv, pending on EAGAIN. */
int platform_io_start(struct platform_io *io);
/* Waits for the pending operation io and returns its bytes. Windows:
 * GetQueuedCompletionStatus; Linux: epoll_wait, then the call again. */
int platform_io_wait(struct platform_port *port, struct platform_io *io);

/* Starts accepting a connection on `listener` (in the port): returns 1 if
 * one was accepted at once, 0 if pending. Windows: an overlapped socket
 * and AcceptEx (from SIO_GET_EXTENSION_FUNCTION_POINTER); Linux: nothing,
 * Linux has no accept in flight. */
int platform_accept_start(struct platform_io *io, bench_socket listener);
/* Ends the accept and returns the new socket. Windows: the completion
 * packet if pending, then SO_UPDATE_ACCEPT_CONTEXT; Linux: accept4, with
 * epoll_wait and again on EAGAIN. */
bench_socket platform_accept_finish(struct platform_port *port, struct platform_io *io, bench_socket listener,
                                    int pending);
/* Ends a pending accept that no connection will complete. Windows:
 * CancelIoEx, its packet taken, the socket closed; Linux: nothing. */
void platform_accept_cancel(struct platform_port *port, struct platform_io *io, bench_socket listener);

/* ---- readiness loops: one thread serving many connections ---- */

/* How the server learns which connection has data: event selection
 * (Windows: WSAEventSelect with an event per socket, WSAWaitForMultipleEvents,
 * WSAEnumNetworkEvents; Linux: epoll) or polling (Windows: WSAPoll;
 * Linux: poll). */
enum platform_ready_kind { READY_EVENTS, READY_POLL };
#define READY_MAX 64

struct platform_ready;
/* The sockets become non-blocking, as event selection makes them on Windows. */
struct platform_ready *platform_ready_create(enum platform_ready_kind kind, const bench_socket *sockets, int count);
/* Waits until some connections are readable or closed and puts their
 * indexes in `ready`: returns how many (at least one). */
int platform_ready_wait(struct platform_ready *ready_set, int *ready);
/* Stops watching connection `index` (its peer closed). */
void platform_ready_remove(struct platform_ready *ready_set, int index);
void platform_ready_close(struct platform_ready *ready_set);
/* Did the last receive fail only because nothing was there? */
int platform_would_block(void);

/* ---- provided by measure.c ---- */

/* Runs one mode ("all", a measurement's name, "memory", "roundtrips")
 * and prints "name value unit" lines; returns the exit status. */
int bench_main(int argc, char **argv);

#endif
