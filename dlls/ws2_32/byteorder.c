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
 * somewhere to store the result. 0 or the WSA error. */
static int check_conversion(SOCKET s, void *out, SIZE_T size)
{
    struct ws_socket_info info;
    int err;

    if (!ws_is_started()) return WSANOTINITIALISED;
    if ((err = ws_socket_from_handle(s, &info, NULL))) return err;
    if (!ws_writable(out, size)) return WSAEFAULT;
    return 0;
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
    int err;

    TRACE("socket %#llx, value %#lx, out %p\n", (ULONGLONG)s, hostlong, lpnetlong);
    if ((err = check_conversion(s, lpnetlong, sizeof(*lpnetlong)))) return ws_fail(err);
    *lpnetlong = swap_long(hostlong);
    return 0;
}

/***********************************************************************
 *      WSAHtons (WS2_32.67)
 */
int WINAPI WSAHtons(SOCKET s, u_short hostshort, u_short *lpnetshort)
{
    int err;

    TRACE("socket %#llx, value %#x, out %p\n", (ULONGLONG)s, hostshort, lpnetshort);
    if ((err = check_conversion(s, lpnetshort, sizeof(*lpnetshort)))) return ws_fail(err);
    *lpnetshort = swap_short(hostshort);
    return 0;
}

/***********************************************************************
 *      WSANtohl (WS2_32.78)
 */
int WINAPI WSANtohl(SOCKET s, u_long netlong, u_long *lphostlong)
{
    int err;

    TRACE("socket %#llx, value %#lx, out %p\n", (ULONGLONG)s, netlong, lphostlong);
    if ((err = check_conversion(s, lphostlong, sizeof(*lphostlong)))) return ws_fail(err);
    *lphostlong = swap_long(netlong);
    return 0;
}

/***********************************************************************
 *      WSANtohs (WS2_32.79)
 */
int WINAPI WSANtohs(SOCKET s, u_short netshort, u_short *lphostshort)
{
    int err;

    TRACE("socket %#llx, value %#x, out %p\n", (ULONGLONG)s, netshort, lphostshort);
    if ((err = check_conversion(s, lphostshort, sizeof(*lphostshort)))) return ws_fail(err);
    *lphostshort = swap_short(netshort);
    return 0;
}
