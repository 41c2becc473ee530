/*
 * Byte order conversion: htonl, htons, ntohl, ntohs (WS2_32.8, 9, 14, 15)
 * and their socket-checking forms WSAHtonl, WSAHtons, WSANtohl, WSANtohs
 * (WS2_32.66, 67, 78, 79).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ws2_32_private.h"

/* Network order is big-endian; every Windows target is little-endian, but
 * say so rather than assume it. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
static inline u_long swap_long(u_long value) { return value; }
static inline u_short swap_short(u_short value) { return value; }
#else
static inline u_long swap_long(u_long value) { return __builtin_bswap32(value); }
static inline u_short swap_short(u_short value) { return __builtin_bswap16(value); }
#endif

/* The checks the WSA forms make, in Windows' order: started, a socket,
 * somewhere to store the result. A success leaves the last error. */
static int check_conversion(struct ws_call *call, SOCKET s, void *out, SIZE_T size)
{
    int err;

    if ((err = ws_call_begin(call, s, WS_CALL_FD | WS_CALL_KEEP_ERROR))) return err;
    return ws_writable(out, size) ? 0 : WSAEFAULT;
}

/***********************************************************************
 *      htonl (WS2_32.8)
 */
u_long WINAPI htonl(u_long hostlong)
{
    return swap_long(hostlong);
}

/***********************************************************************
 *      htons (WS2_32.9)
 */
u_short WINAPI htons(u_short hostshort)
{
    return swap_short(hostshort);
}

/***********************************************************************
 *      ntohl (WS2_32.14)
 */
u_long WINAPI ntohl(u_long netlong)
{
    return swap_long(netlong);
}

/***********************************************************************
 *      ntohs (WS2_32.15)
 */
u_short WINAPI ntohs(u_short netshort)
{
    return swap_short(netshort);
}

/***********************************************************************
 *      WSAHtonl (WS2_32.66)
 */
int WINAPI WSAHtonl(SOCKET s, u_long hostlong, u_long *lpnetlong)
{
    struct ws_call call;
    int err;

    TRACE("socket %#llx, value %#lx, out %p\n", (ULONGLONG)s, hostlong, lpnetlong);
    if (!(err = check_conversion(&call, s, lpnetlong, sizeof(*lpnetlong)))) *lpnetlong = swap_long(hostlong);
    return ws_call_end(&call, err);
}

/***********************************************************************
 *      WSAHtons (WS2_32.67)
 */
int WINAPI WSAHtons(SOCKET s, u_short hostshort, u_short *lpnetshort)
{
    struct ws_call call;
    int err;

    TRACE("socket %#llx, value %#x, out %p\n", (ULONGLONG)s, hostshort, lpnetshort);
    if (!(err = check_conversion(&call, s, lpnetshort, sizeof(*lpnetshort)))) *lpnetshort = swap_short(hostshort);
    return ws_call_end(&call, err);
}

/***********************************************************************
 *      WSANtohl (WS2_32.78)
 */
int WINAPI WSANtohl(SOCKET s, u_long netlong, u_long *lphostlong)
{
    struct ws_call call;
    int err;

    TRACE("socket %#llx, value %#lx, out %p\n", (ULONGLONG)s, netlong, lphostlong);
    if (!(err = check_conversion(&call, s, lphostlong, sizeof(*lphostlong)))) *lphostlong = swap_long(netlong);
    return ws_call_end(&call, err);
}

/***********************************************************************
 *      WSANtohs (WS2_32.79)
 */
int WINAPI WSANtohs(SOCKET s, u_short netshort, u_short *lphostshort)
{
    struct ws_call call;
    int err;

    TRACE("socket %#llx, value %#x, out %p\n", (ULONGLONG)s, netshort, lphostshort);
    if (!(err = check_conversion(&call, s, lphostshort, sizeof(*lphostshort)))) *lphostshort = swap_short(netshort);
    return ws_call_end(&call, err);
}
