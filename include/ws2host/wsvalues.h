/*
 * Windows constant values, spelled once for every part of ws2host: the
 * Linux side and the host tests (which have no Windows headers), the
 * portable files compiled for both, and the PE side, where each value
 * MinGW-w64 also defines is checked against MinGW's at build time.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every name X in the first two lists becomes the constant WS_X; the
 * WSA error codes keep their own names (WSAEINVAL), defined here only
 * where no Windows header defines them. Enumerations rather than macros,
 * so that one list makes both the constants and the checks.
 */
#ifndef WS2HOST_WSVALUES_H
#define WS2HOST_WSVALUES_H

/* Values MinGW-w64's headers (winsock2.h, ws2tcpip.h, mswsock.h, winnt.h)
 * define too. */
#define WS2HOST_WINDOWS_VALUES(X) \
    X(AF_UNSPEC, 0) \
    X(AF_UNIX, 1) \
    X(AF_INET, 2) \
    X(AF_INET6, 23) \
    X(SOCK_STREAM, 1) \
    X(SOCK_DGRAM, 2) \
    X(SOCK_RAW, 3) \
    X(SOCK_RDM, 4) \
    X(SOCK_SEQPACKET, 5) \
    X(IPPROTO_IP, 0) \
    X(IPPROTO_ICMP, 1) \
    X(IPPROTO_IGMP, 2) \
    X(IPPROTO_TCP, 6) \
    X(IPPROTO_UDP, 17) \
    X(IPPROTO_IPV6, 41) \
    X(IPPROTO_ICMPV6, 58) \
    X(IPPROTO_RAW, 255) \
    X(SOL_SOCKET, 0xffff) \
    X(SO_DEBUG, 0x0001) \
    X(SO_ACCEPTCONN, 0x0002) \
    X(SO_REUSEADDR, 0x0004) \
    X(SO_KEEPALIVE, 0x0008) \
    X(SO_DONTROUTE, 0x0010) \
    X(SO_BROADCAST, 0x0020) \
    X(SO_LINGER, 0x0080) \
    X(SO_OOBINLINE, 0x0100) \
    X(SO_DONTLINGER, ~0x0080) \
    X(SO_EXCLUSIVEADDRUSE, ~0x0004) \
    X(SO_SNDBUF, 0x1001) \
    X(SO_RCVBUF, 0x1002) \
    X(SO_SNDTIMEO, 0x1005) \
    X(SO_RCVTIMEO, 0x1006) \
    X(SO_ERROR, 0x1007) \
    X(SO_TYPE, 0x1008) \
    X(SO_PROTOCOL_INFOA, 0x2004) \
    X(SO_PROTOCOL_INFOW, 0x2005) \
    X(SO_MAX_MSG_SIZE, 0x2003) \
    X(SO_OPENTYPE, 0x7008) \
    X(SO_CONNECT_TIME, 0x700c) \
    X(TCP_NODELAY, 1) \
    X(IP_OPTIONS, 1) \
    X(IP_HDRINCL, 2) \
    X(IP_TOS, 3) \
    X(IP_TTL, 4) \
    X(IP_MULTICAST_IF, 9) \
    X(IP_MULTICAST_TTL, 10) \
    X(IP_MULTICAST_LOOP, 11) \
    X(IP_ADD_MEMBERSHIP, 12) \
    X(IP_DROP_MEMBERSHIP, 13) \
    X(IP_DONTFRAGMENT, 14) \
    X(IP_PKTINFO, 19) \
    X(IP_RECVTTL, 21) \
    X(IP_UNICAST_IF, 31) \
    X(IP_RECVTOS, 40) \
    X(IP_ECN, 50)                       /* the control message; the option is IP_RECVECN */ \
    X(IPV6_UNICAST_HOPS, 4) \
    X(IPV6_MULTICAST_IF, 9) \
    X(IPV6_MULTICAST_HOPS, 10) \
    X(IPV6_MULTICAST_LOOP, 11) \
    X(IPV6_ADD_MEMBERSHIP, 12) \
    X(IPV6_DROP_MEMBERSHIP, 13) \
    X(IPV6_DONTFRAG, 14) \
    X(IPV6_PKTINFO, 19) \
    X(IPV6_HOPLIMIT, 21) \
    X(IPV6_PROTECTION_LEVEL, 23) \
    X(IPV6_V6ONLY, 27) \
    X(IPV6_UNICAST_IF, 31) \
    X(IPV6_TCLASS, 39)                  /* the control message of IPV6_RECVTCLASS */ \
    X(IPV6_RECVTCLASS, 40) \
    X(IPV6_ECN, 50) \
    X(PROTECTION_LEVEL_UNRESTRICTED, 10) \
    X(PROTECTION_LEVEL_EDGERESTRICTED, 20) \
    X(PROTECTION_LEVEL_RESTRICTED, 30) \
    X(MSG_OOB, 0x1) \
    X(MSG_PEEK, 0x2) \
    X(MSG_DONTROUTE, 0x4) \
    X(MSG_WAITALL, 0x8) \
    X(SD_RECEIVE, 0) \
    X(SD_SEND, 1) \
    X(SD_BOTH, 2) \
    X(PFL_HIDDEN, 0x04) \
    X(PFL_MATCHES_PROTOCOL_ZERO, 0x08) \
    X(XP1_CONNECTIONLESS, 0x00000001) \
    X(XP1_GUARANTEED_DELIVERY, 0x00000002) \
    X(XP1_GUARANTEED_ORDER, 0x00000004) \
    X(XP1_MESSAGE_ORIENTED, 0x00000008) \
    X(XP1_GRACEFUL_CLOSE, 0x00000020) \
    X(XP1_EXPEDITED_DATA, 0x00000040) \
    X(XP1_SUPPORT_BROADCAST, 0x00000200) \
    X(XP1_SUPPORT_MULTIPOINT, 0x0400) \
    X(XP1_MULTIPOINT_CONTROL_PLANE, 0x0800) \
    X(XP1_MULTIPOINT_DATA_PLANE, 0x1000) \
    X(XP1_IFS_HANDLES, 0x00020000) \
    X(WSA_FLAG_OVERLAPPED, 0x001) \
    X(WSA_FLAG_MULTIPOINT_C_ROOT, 0x002) \
    X(WSA_FLAG_MULTIPOINT_C_LEAF, 0x004) \
    X(WSA_FLAG_MULTIPOINT_D_ROOT, 0x008) \
    X(WSA_FLAG_MULTIPOINT_D_LEAF, 0x010) \
    X(WSA_FLAG_ACCESS_SYSTEM_SECURITY, 0x040) \
    X(WSA_FLAG_NO_HANDLE_INHERIT, 0x080) \
    X(WSA_FLAG_REGISTERED_IO, 0x100) \
    X(AI_PASSIVE, 0x0001) \
    X(AI_CANONNAME, 0x0002) \
    X(AI_NUMERICHOST, 0x0004) \
    X(AI_NUMERICSERV, 0x0008) \
    X(AI_ALL, 0x0100) \
    X(AI_ADDRCONFIG, 0x0400) \
    X(AI_V4MAPPED, 0x0800) \
    X(NI_NOFQDN, 0x01) \
    X(NI_NUMERICHOST, 0x02) \
    X(NI_NAMEREQD, 0x04) \
    X(NI_NUMERICSERV, 0x08) \
    X(NI_DGRAM, 0x10) \
    X(STATUS_PENDING, 0x00000103) \
    X(STATUS_INVALID_HANDLE, 0xc0000008) \
    X(STATUS_INVALID_PARAMETER, 0xc000000d) \
    X(STATUS_NO_MEMORY, 0xc0000017)

/* Values of Windows' mstcpip.h, ws2ipdef.h, ntstatus.h and ntdef.h that the headers
 * ws2_32.dll includes lack: this is their only spelling. */
#define WS2HOST_WINDOWS_VALUES_MINGW_LACKS(X) \
    X(TCP_KEEPALIVE, 3)                 /* idle seconds before the first probe */ \
    X(TCP_KEEPCNT, 16) \
    X(TCP_KEEPINTVL, 17) \
    X(IP_RECVECN, 50)                   /* Microsoft's "Winsock explicit congestion notification" */ \
    X(IPV6_RECVECN, 50) \
    X(SIO_IDEAL_SEND_BACKLOG_QUERY, 0x4004747b) /* _IOR('t', 123, ULONG), ws2ipdef.h */ \
    X(OBJ_INHERIT, 0x00000002) \
    X(STATUS_BUFFER_OVERFLOW, 0x80000005) \
    X(STATUS_INSUFFICIENT_RESOURCES, 0xc000009a) \
    X(STATUS_IO_TIMEOUT, 0xc00000b5) \
    X(STATUS_TOO_MANY_OPENED_FILES, 0xc000011f) \
    X(STATUS_CANCELLED, 0xc0000120) \
    X(STATUS_CONNECTION_RESET, 0xc000020d) \
    X(STATUS_CONNECTION_REFUSED, 0xc0000236) \
    X(STATUS_CONNECTION_ABORTED, 0xc0000241)

/* Winsock's error codes (winerror.h). */
#define WS2HOST_WSA_ERRORS(X) \
    X(WSA_NOT_ENOUGH_MEMORY, 8) \
    X(WSA_OPERATION_ABORTED, 995) \
    X(WSAEINTR, 10004) \
    X(WSAEBADF, 10009) \
    X(WSAEACCES, 10013) \
    X(WSAEFAULT, 10014) \
    X(WSAEINVAL, 10022) \
    X(WSAEMFILE, 10024) \
    X(WSAEWOULDBLOCK, 10035) \
    X(WSAEINPROGRESS, 10036) \
    X(WSAEALREADY, 10037) \
    X(WSAENOTSOCK, 10038) \
    X(WSAEDESTADDRREQ, 10039) \
    X(WSAEMSGSIZE, 10040) \
    X(WSAEPROTOTYPE, 10041) \
    X(WSAENOPROTOOPT, 10042) \
    X(WSAEPROTONOSUPPORT, 10043) \
    X(WSAESOCKTNOSUPPORT, 10044) \
    X(WSAEOPNOTSUPP, 10045) \
    X(WSAEPFNOSUPPORT, 10046) \
    X(WSAEAFNOSUPPORT, 10047) \
    X(WSAEADDRINUSE, 10048) \
    X(WSAEADDRNOTAVAIL, 10049) \
    X(WSAENETDOWN, 10050) \
    X(WSAENETUNREACH, 10051) \
    X(WSAENETRESET, 10052) \
    X(WSAECONNABORTED, 10053) \
    X(WSAECONNRESET, 10054) \
    X(WSAENOBUFS, 10055) \
    X(WSAEISCONN, 10056) \
    X(WSAENOTCONN, 10057) \
    X(WSAESHUTDOWN, 10058) \
    X(WSAETIMEDOUT, 10060) \
    X(WSAECONNREFUSED, 10061) \
    X(WSAELOOP, 10062) \
    X(WSAENAMETOOLONG, 10063) \
    X(WSAEHOSTDOWN, 10064) \
    X(WSAEHOSTUNREACH, 10065) \
    X(WSAENOTEMPTY, 10066) \
    X(WSAEDQUOT, 10069) \
    X(WSAESTALE, 10070) \
    X(WSAVERNOTSUPPORTED, 10092) \
    X(WSATYPE_NOT_FOUND, 10109) \
    X(WSAHOST_NOT_FOUND, 11001) \
    X(WSATRY_AGAIN, 11002) \
    X(WSANO_RECOVERY, 11003) \
    X(WSANO_DATA, 11004)

#define WS2HOST_PREFIXED_VALUE(name, value) WS_##name = (int)(value),
#define WS2HOST_PLAIN_VALUE(name, value) name = (value),

enum ws_windows_value
{
    WS2HOST_WINDOWS_VALUES(WS2HOST_PREFIXED_VALUE)
    WS2HOST_WINDOWS_VALUES_MINGW_LACKS(WS2HOST_PREFIXED_VALUE)
};

#ifdef _WIN32
/* MinGW's headers must agree with the values above. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>

#define WS2HOST_SAME_AS_MINGW(name, value) \
    _Static_assert(WS_##name == (int)(name), "Windows value of " #name);
#define WS2HOST_ERROR_SAME_AS_MINGW(name, value) \
    _Static_assert((int)(name) == (value), "Windows value of " #name);
WS2HOST_WINDOWS_VALUES(WS2HOST_SAME_AS_MINGW)
WS2HOST_WSA_ERRORS(WS2HOST_ERROR_SAME_AS_MINGW)
#undef WS2HOST_SAME_AS_MINGW
#undef WS2HOST_ERROR_SAME_AS_MINGW
#else
/* Without Windows headers, the error codes go by their own names. */
enum ws_wsa_error
{
    WS2HOST_WSA_ERRORS(WS2HOST_PLAIN_VALUE)
};
#endif

#undef WS2HOST_PREFIXED_VALUE
#undef WS2HOST_PLAIN_VALUE

#endif /* WS2HOST_WSVALUES_H */
