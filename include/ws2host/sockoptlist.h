/*
 * Every socket option ws2host knows, in one list that both sides build
 * their tables from: the PE side's (dlls/ws2_32/sockopt.c: the buffer
 * format and where the value lives) and the Linux side's
 * (dlls/ws2host/unix/sockopt.c: the Linux option it maps to). An option
 * cannot be added to one side and forgotten on the other.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A file that includes this defines the three row macros and expands
 * WS2HOST_SOCKET_OPTIONS; each side reads its own columns, so the names
 * in the other side's columns are never expanded there.
 *
 *   LINUX(ws_level, ws_option, format, handling, linux_level, linux_option, access, shape)
 *       the PE side handles it (format, handling) and asks Linux for the
 *       same Windows option, which the Linux side maps;
 *   PE(ws_level, ws_option, format, handling)
 *       the PE side alone: the value lives in ws2host or goes to Linux by
 *       another call (SO_LINGER) or a private option (SO_REUSEADDR);
 *   HOST(option, linux_level, linux_option)
 *       a Linux option the PE side sets for its own reasons, at
 *       WS2HOST_LEVEL_PRIVATE; no Windows program can name it.
 *
 * format: how Windows reads optval for setsockopt and writes it for
 * getsockopt (docs/sockopt.md); handling: the PE side's handlers;
 * access: what Linux allows; shape: how the value travels to Linux.
 */
#ifndef WS2HOST_SOCKOPTLIST_H
#define WS2HOST_SOCKOPTLIST_H

#define WS2HOST_SOCKET_OPTIONS(LINUX, PE, HOST) \
    LINUX(WS_SOL_SOCKET,   WS_SO_ACCEPTCONN,        fmt_int,        LINUX_READ_ONLY,                        SOL_SOCKET,   SO_ACCEPTCONN,       read_only,  int_value) \
    LINUX(WS_SOL_SOCKET,   WS_SO_BROADCAST,         fmt_bool,       LINUX_VALUE,                            SOL_SOCKET,   SO_BROADCAST,        read_write, int_value) \
    PE   (WS_SOL_SOCKET,   WS_SO_CONNECT_TIME,      fmt_int,        HERE(get_connect_time, NULL)) \
    PE   (WS_SOL_SOCKET,   WS_SO_DEBUG,             fmt_int,        HERE(get_debug, set_debug)) \
    PE   (WS_SOL_SOCKET,   WS_SO_DONTLINGER,        fmt_bool,       HERE(get_dontlinger, set_dontlinger)) \
    LINUX(WS_SOL_SOCKET,   WS_SO_DONTROUTE,         fmt_byte,       LINUX_VALUE,                            SOL_SOCKET,   SO_DONTROUTE,        read_write, int_value) \
    LINUX(WS_SOL_SOCKET,   WS_SO_ERROR,             fmt_int,        HERE(get_error, set_error),             SOL_SOCKET,   SO_ERROR,            read_only,  int_value) \
    PE   (WS_SOL_SOCKET,   WS_SO_EXCLUSIVEADDRUSE,  fmt_bool,       HERE(get_exclusiveaddruse, set_exclusiveaddruse)) \
    LINUX(WS_SOL_SOCKET,   WS_SO_KEEPALIVE,         fmt_byte,       LINUX_VALUE,                            SOL_SOCKET,   SO_KEEPALIVE,        read_write, int_value) \
    PE   (WS_SOL_SOCKET,   WS_SO_LINGER,            fmt_int_zeroed, HERE(get_linger, set_linger)) \
    PE   (WS_SOL_SOCKET,   WS_SO_MAX_MSG_SIZE,      fmt_int,        HERE(get_max_msg_size, NULL)) \
    LINUX(WS_SOL_SOCKET,   WS_SO_OOBINLINE,         fmt_bool,       LINUX_VALUE,                            SOL_SOCKET,   SO_OOBINLINE,        read_write, int_value) \
    PE   (WS_SOL_SOCKET,   WS_SO_PROTOCOL_INFOA,    fmt_raw,        RAW(get_protocol_info_a, NULL)) \
    PE   (WS_SOL_SOCKET,   WS_SO_PROTOCOL_INFOW,    fmt_raw,        RAW(get_protocol_info_w, NULL)) \
    LINUX(WS_SOL_SOCKET,   WS_SO_RCVBUF,            fmt_int_zeroed, HERE(get_rcvbuf, set_rcvbuf),           SOL_SOCKET,   SO_RCVBUF,           read_write, int_value) \
    PE   (WS_SOL_SOCKET,   WS_SO_RCVTIMEO,          fmt_int,        HERE(get_rcvtimeo, set_rcvtimeo)) \
    PE   (WS_SOL_SOCKET,   WS_SO_REUSEADDR,         fmt_bool,       HERE(get_reuseaddr, set_reuseaddr)) \
    LINUX(WS_SOL_SOCKET,   WS_SO_SNDBUF,            fmt_int_zeroed, HERE(get_sndbuf, set_sndbuf),           SOL_SOCKET,   SO_SNDBUF,           read_write, int_value) \
    PE   (WS_SOL_SOCKET,   WS_SO_SNDTIMEO,          fmt_int,        HERE(get_sndtimeo, set_sndtimeo)) \
    PE   (WS_SOL_SOCKET,   WS_SO_TYPE,              fmt_int,        HERE_RAW_SET(get_type, set_type)) \
    LINUX(WS_IPPROTO_TCP,  WS_TCP_NODELAY,          fmt_byte,       LINUX_VALUE,                            IPPROTO_TCP,  TCP_NODELAY,         read_write, int_value) \
    /* Windows' TCP_KEEPALIVE is the idle time, Linux' TCP_KEEPIDLE. */ \
    LINUX(WS_IPPROTO_TCP,  WS_TCP_KEEPALIVE,        fmt_ip_int,     LINUX_VALUE,                            IPPROTO_TCP,  TCP_KEEPIDLE,        read_write, int_value) \
    LINUX(WS_IPPROTO_TCP,  WS_TCP_KEEPCNT,          fmt_ip_int,     LINUX_VALUE,                            IPPROTO_TCP,  TCP_KEEPCNT,         read_write, int_value) \
    LINUX(WS_IPPROTO_TCP,  WS_TCP_KEEPINTVL,        fmt_ip_int,     LINUX_VALUE,                            IPPROTO_TCP,  TCP_KEEPINTVL,       read_write, int_value) \
    LINUX(WS_IPPROTO_IP,   WS_IP_OPTIONS,           fmt_raw,        RAW(get_ip_options, set_ip_options),    IPPROTO_IP,   IP_OPTIONS,          read_write, byte_string) \
    /* Raw sockets only: WSAEINVAL on the others. */ \
    LINUX(WS_IPPROTO_IP,   WS_IP_HDRINCL,           fmt_ip_flag4,   HERE(get_hdrincl, set_hdrincl),         IPPROTO_IP,   IP_HDRINCL,          read_write, int_value) \
    LINUX(WS_IPPROTO_IP,   WS_IP_TOS,               fmt_ip_small,   LINUX_VALUE,                            IPPROTO_IP,   IP_TOS,              read_write, int_value) \
    LINUX(WS_IPPROTO_IP,   WS_IP_TTL,               fmt_ip_small,   LINUX_VALUE,                            IPPROTO_IP,   IP_TTL,              read_write, int_value) \
    LINUX(WS_IPPROTO_IP,   WS_IP_MULTICAST_IF,      fmt_ip_int,     NOT_ON_STREAM(HERE(get_multicast_if, set_multicast_if)), IPPROTO_IP, IP_MULTICAST_IF, read_write, ipv4_interface) \
    LINUX(WS_IPPROTO_IP,   WS_IP_MULTICAST_TTL,     fmt_ip_small,   NOT_ON_STREAM(LINUX_VALUE),             IPPROTO_IP,   IP_MULTICAST_TTL,    read_write, int_value) \
    LINUX(WS_IPPROTO_IP,   WS_IP_MULTICAST_LOOP,    fmt_ip_flag,    NOT_ON_STREAM(LINUX_VALUE),             IPPROTO_IP,   IP_MULTICAST_LOOP,   read_write, int_value) \
    LINUX(WS_IPPROTO_IP,   WS_IP_ADD_MEMBERSHIP,    fmt_raw,        RAW(NULL, set_membership),              IPPROTO_IP,   IP_ADD_MEMBERSHIP,   write_only, ipv4_membership) \
    LINUX(WS_IPPROTO_IP,   WS_IP_DROP_MEMBERSHIP,   fmt_raw,        RAW(NULL, set_membership),              IPPROTO_IP,   IP_DROP_MEMBERSHIP,  write_only, ipv4_membership) \
    /* Windows' don't-fragment flag is Linux' path MTU discovery. */ \
    LINUX(WS_IPPROTO_IP,   WS_IP_DONTFRAGMENT,      fmt_ip_flag,    LINUX_VALUE,                            IPPROTO_IP,   IP_MTU_DISCOVER,     read_write, dont_fragment) \
    /* The "deliver this with each datagram" flags; not on stream sockets. */ \
    LINUX(WS_IPPROTO_IP,   WS_IP_PKTINFO,           fmt_ip_flag4,   NOT_ON_STREAM(LINUX_VALUE),             IPPROTO_IP,   IP_PKTINFO,          read_write, int_value) \
    LINUX(WS_IPPROTO_IP,   WS_IP_RECVTTL,           fmt_ip_flag4,   NOT_ON_STREAM(LINUX_VALUE),             IPPROTO_IP,   IP_RECVTTL,          read_write, int_value) \
    /* IP_RECVTOS and IP_RECVECN both need Linux' IP_RECVTOS: each is kept \
     * here, Linux' flag is on while either is (sockopt.c). */ \
    PE   (WS_IPPROTO_IP,   WS_IP_RECVTOS,           fmt_ip_flag4,   NOT_ON_STREAM(HERE(get_recv_control, set_recv_control))) \
    PE   (WS_IPPROTO_IP,   WS_IP_RECVECN,           fmt_ip_flag4,   NOT_ON_STREAM(HERE(get_recv_control, set_recv_control))) \
    /* The outgoing interface's index, in network order on both systems. */ \
    LINUX(WS_IPPROTO_IP,   WS_IP_UNICAST_IF,        fmt_ip_int,     LINUX_VALUE,                            IPPROTO_IP,   IP_UNICAST_IF,       read_write, int_value) \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_UNICAST_HOPS,    fmt_ip_small,   LINUX_VALUE,                            IPPROTO_IPV6, IPV6_UNICAST_HOPS,   read_write, int_value) \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_MULTICAST_IF,    fmt_ip_int,     NOT_ON_STREAM(LINUX_VALUE),             IPPROTO_IPV6, IPV6_MULTICAST_IF,   read_write, int_value) \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_MULTICAST_HOPS,  fmt_ip_small,   NOT_ON_STREAM(LINUX_VALUE),             IPPROTO_IPV6, IPV6_MULTICAST_HOPS, read_write, int_value) \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_MULTICAST_LOOP,  fmt_ip_flag,    NOT_ON_STREAM(LINUX_VALUE),             IPPROTO_IPV6, IPV6_MULTICAST_LOOP, read_write, int_value) \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_ADD_MEMBERSHIP,  fmt_raw,        RAW(NULL, set_membership),              IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, write_only, ipv6_membership) \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_DROP_MEMBERSHIP, fmt_raw,        RAW(NULL, set_membership),              IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, write_only, ipv6_membership) \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_DONTFRAG,        fmt_ip_flag,    LINUX_VALUE,                            IPPROTO_IPV6, IPV6_DONTFRAG,       read_write, int_value) \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_PKTINFO,         fmt_ip_flag4,   NOT_ON_STREAM(LINUX_VALUE),             IPPROTO_IPV6, IPV6_RECVPKTINFO,    read_write, int_value) \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_HOPLIMIT,        fmt_ip_flag4,   NOT_ON_STREAM(LINUX_VALUE),             IPPROTO_IPV6, IPV6_RECVHOPLIMIT,   read_write, int_value) \
    PE   (WS_IPPROTO_IPV6, WS_IPV6_RECVTCLASS,      fmt_ip_flag4,   NOT_ON_STREAM(HERE(get_recv_control, set_recv_control))) \
    PE   (WS_IPPROTO_IPV6, WS_IPV6_RECVECN,         fmt_ip_flag4,   NOT_ON_STREAM(HERE(get_recv_control, set_recv_control))) \
    /* Windows takes this index in host order, Linux in network order. */ \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_UNICAST_IF,      fmt_ip_int,     LINUX_VALUE,                            IPPROTO_IPV6, IPV6_UNICAST_IF,     read_write, host_order_index) \
    PE   (WS_IPPROTO_IPV6, WS_IPV6_PROTECTION_LEVEL, fmt_ip_int,    HERE(get_protection_level, set_protection_level)) \
    LINUX(WS_IPPROTO_IPV6, WS_IPV6_V6ONLY,          fmt_byte,       HERE(get_v6only, set_v6only),           IPPROTO_IPV6, IPV6_V6ONLY,         read_write, int_value) \
    /* Address sharing (docs/addressuse.md). */ \
    HOST (WS2HOST_OPT_LINUX_REUSEADDR, SOL_SOCKET, SO_REUSEADDR) \
    HOST (WS2HOST_OPT_LINUX_REUSEPORT, SOL_SOCKET, SO_REUSEPORT) \
    /* Under IP_RECVTOS/IP_RECVECN and IPV6_RECVTCLASS/IPV6_RECVECN. */ \
    HOST (WS2HOST_OPT_LINUX_RECVTOS, IPPROTO_IP, IP_RECVTOS) \
    HOST (WS2HOST_OPT_LINUX_RECVTCLASS, IPPROTO_IPV6, IPV6_RECVTCLASS)

#endif /* WS2HOST_SOCKOPTLIST_H */
