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

/* ---- provided by measure.c ---- */

/* Runs one mode ("all", a measurement's name, "memory", "roundtrips")
 * and prints "name value unit" lines; returns the exit status. */
int bench_main(int argc, char **argv);

#endif
