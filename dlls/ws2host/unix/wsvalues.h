/*
 * Windows constant values the Linux side needs, spelled WS_* so they can
 * never be confused with the Linux constants of the same names.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_WSVALUES_H
#define WS2HOST_WSVALUES_H

#define WS_AF_UNSPEC        0
#define WS_AF_UNIX          1
#define WS_AF_INET          2
#define WS_AF_INET6         23

#define WS_SOCK_STREAM      1
#define WS_SOCK_DGRAM       2
#define WS_SOCK_RAW         3
#define WS_SOCK_RDM         4
#define WS_SOCK_SEQPACKET   5

#define WS_IPPROTO_IP       0
#define WS_IPPROTO_ICMP     1
#define WS_IPPROTO_IGMP     2
#define WS_IPPROTO_TCP      6
#define WS_IPPROTO_UDP      17
#define WS_IPPROTO_IPV6     41
#define WS_IPPROTO_ICMPV6   58
#define WS_IPPROTO_RAW      255

#define WS_SOL_SOCKET       0xffff
#define WS_SO_DEBUG         0x0001
#define WS_SO_ACCEPTCONN    0x0002
#define WS_SO_KEEPALIVE     0x0008
#define WS_SO_DONTROUTE     0x0010
#define WS_SO_BROADCAST     0x0020
#define WS_SO_OOBINLINE     0x0100
#define WS_SO_SNDBUF        0x1001
#define WS_SO_RCVBUF        0x1002
#define WS_SO_ERROR         0x1007
#define WS_SO_TYPE          0x1008

#define WS_TCP_NODELAY      1
#define WS_TCP_KEEPALIVE    3
#define WS_TCP_KEEPCNT      16
#define WS_TCP_KEEPINTVL    17

#define WS_IP_TOS           3
#define WS_IP_TTL           4
#define WS_IP_MULTICAST_IF  9
#define WS_IP_MULTICAST_TTL 10
#define WS_IP_MULTICAST_LOOP 11
#define WS_IP_ADD_MEMBERSHIP  12
#define WS_IP_DROP_MEMBERSHIP 13
#define WS_IP_PKTINFO       19
#define WS_IP_RECVTTL       21
#define WS_IP_RECVTOS       40

#define WS_IPV6_UNICAST_HOPS   4
#define WS_IPV6_MULTICAST_IF   9
#define WS_IPV6_MULTICAST_HOPS 10
#define WS_IPV6_MULTICAST_LOOP 11
#define WS_IPV6_ADD_MEMBERSHIP 12
#define WS_IPV6_DROP_MEMBERSHIP 13
#define WS_IPV6_DONTFRAG       14
#define WS_IPV6_PKTINFO        19
#define WS_IPV6_HOPLIMIT       21
#define WS_IPV6_V6ONLY         27
#define WS_IPV6_RECVTCLASS     40

#define WSAEINTR            10004
#define WSAEBADF            10009
#define WSAEACCES           10013
#define WSAEFAULT           10014
#define WSAEINVAL           10022
#define WSAEMFILE           10024
#define WSAEWOULDBLOCK      10035
#define WSAEINPROGRESS      10036
#define WSAEALREADY         10037
#define WSAENOTSOCK         10038
#define WSAEDESTADDRREQ     10039
#define WSAEMSGSIZE         10040
#define WSAEPROTOTYPE       10041
#define WSAENOPROTOOPT      10042
#define WSAEPROTONOSUPPORT  10043
#define WSAESOCKTNOSUPPORT  10044
#define WSAEOPNOTSUPP       10045
#define WSAEPFNOSUPPORT     10046
#define WSAEAFNOSUPPORT     10047
#define WSAEADDRINUSE       10048
#define WSAEADDRNOTAVAIL    10049
#define WSAENETDOWN         10050
#define WSAENETUNREACH      10051
#define WSAENETRESET        10052
#define WSAECONNABORTED     10053
#define WSAECONNRESET       10054
#define WSAENOBUFS          10055
#define WSAEISCONN          10056
#define WSAENOTCONN         10057
#define WSAESHUTDOWN        10058
#define WSAETIMEDOUT        10060
#define WSAECONNREFUSED     10061
#define WSAELOOP            10062
#define WSAENAMETOOLONG     10063
#define WSAEHOSTDOWN        10064
#define WSAEHOSTUNREACH     10065
#define WSAENOTEMPTY        10066
#define WSAEDQUOT           10069
#define WSAESTALE           10070

#endif /* WS2HOST_WSVALUES_H */
