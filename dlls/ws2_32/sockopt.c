/*
 * getsockopt (WS2_32.7) and setsockopt (WS2_32.21).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Windows checks, in order: the socket (WSAENOTSOCK, even with NULL
 * buffers), the level (WSAEINVAL), the option (WSAENOPROTOOPT), then the
 * buffers (WSAEFAULT). One table lists every option: its buffer format
 * (how Windows reads and writes optval for it, short lengths included:
 * docs/sockopt.md) and where its value lives (here, or in Linux through
 * the Linux side's table).
 */
#include <string.h>

#include "ws2_32_private.h"
#include "ws2host/afd.h"
#include "addressuse.h"
#include "catalog.h"

#include "ws2host/sockoptlist.h"

struct option_call
{
    struct ws_call frame;               /* handlers change its state; save_state stores it */
    struct ws_socket_info original;     /* as looked up, for socket_table_update */
    int level, option;
};

/* How Windows moves an option's value through optval/optlen. */
enum format
{
    fmt_int,            /* SOL_SOCKET int: 4 bytes; a negative set length counts as large */
    fmt_int_zeroed,     /* as fmt_int, but a short get buffer is zeroed before WSAEFAULT */
    fmt_bool,           /* SOL_SOCKET BOOL: 1 to 4 bytes read; length 0 sets nothing */
    fmt_byte,           /* a one-byte flag: one byte read, one byte written */
    fmt_ip_flag,        /* IP-level flag: 1 to 4 bytes read, 1 or 4 written */
    fmt_ip_small,       /* IP-level count 0..255: as fmt_ip_flag, not normalised */
    fmt_ip_int,         /* IP/TCP-level int: exactly 4 bytes; a short get sets *optlen 0 */
    fmt_ip_flag4,       /* as fmt_ip_int, normalised to 0/1 */
    fmt_raw,            /* only the raw handlers: they read and write optval themselves */
};

typedef int (*get_value)(struct option_call *call, int *value);
typedef int (*set_value)(struct option_call *call, int value);
typedef int (*get_raw)(struct option_call *call, char *optval, int *optlen);
typedef int (*set_raw)(struct option_call *call, const char *optval, int optlen);

static const int known_levels[] = { SOL_SOCKET, IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDP };

static BOOL level_known(int level)
{
    for (size_t i = 0; i < ARRAYSIZE(known_levels); i++)
        if (known_levels[i] == level) return TRUE;
    return FALSE;
}

/* Only the fields the handler changed are written, so a concurrent call
 * that changes others is not undone; a socket closed meanwhile stays gone. */
static int save_state(struct option_call *call)
{
    if (socket_table_update(call->frame.s, &call->original, &call->frame.info)) return WSAENOTSOCK;
    call->original = call->frame.info;
    return 0;
}

static int unix_option(struct option_call *call, int level, int option, int set, int *value)
{
    struct ws2host_sockopt_params params = { .fd = call->frame.fd, .level = level, .option = option, .set = set };
    int err;

    if (set) params.value = *value;
    if ((err = ws_unix_call(ws2host_call_sockopt, &params))) return err;
    if (!set) *value = params.value;
    return 0;
}

/* ------------------------------------------------ values kept in Linux */
static int get_linux(struct option_call *call, int *value)
{
    return unix_option(call, call->level, call->option, 0, value);
}

static int set_linux(struct option_call *call, int value)
{
    return unix_option(call, call->level, call->option, 1, &value);
}

/* IP_ADD/DROP_MEMBERSHIP (IP_MREQ) and IPV6_ADD/DROP_MEMBERSHIP
 * (IPV6_MREQ): Windows structures the Linux side translates. A short
 * length is WSAEINVAL, as Wine's builtin answers (docs/sockopt.md). */
static int set_membership(struct option_call *call, const char *optval, int optlen)
{
    struct ws2host_sockopt_params params =
        { .fd = call->frame.fd, .level = call->level, .option = call->option, .set = 1 };
    int size = call->level == IPPROTO_IP ? sizeof(IP_MREQ) : sizeof(IPV6_MREQ);

    if (optlen < size) return WSAEINVAL;
    if (!ws_readable(optval, size)) return WSAEFAULT;
    memcpy(params.data, optval, size);
    params.length = size;
    return ws_unix_call(ws2host_call_sockopt, &params);
}

/* SO_ERROR: Linux' pending error, unless the program set one. */
static int get_error(struct option_call *call, int *value)
{
    if (call->frame.info.error)
    {
        *value = call->frame.info.error;
        return 0;
    }
    return get_linux(call, value);
}

static int set_error(struct option_call *call, int value)
{
    call->frame.info.error = value;
    return save_state(call);
}

/* --------------------------------------------------- values kept here */
static int get_type(struct option_call *call, int *value)
{
    *value = call->frame.info.type;
    return 0;
}

/* Windows refuses to set SO_TYPE with WSAEINVAL on datagram sockets and
 * WSAENOPROTOOPT on stream sockets (winetest/creation.c). */
static int set_type(struct option_call *call, const char *optval, int optlen)
{
    return call->frame.info.type == SOCK_DGRAM ? WSAEINVAL : WSAENOPROTOOPT;
}

/* SO_PROTOCOL_INFO: a short buffer gets WSAEFAULT and the size needed; a
 * longer one keeps its length. */
static int get_protocol_info(struct option_call *call, char *optval, int *optlen, BOOL wide)
{
    const struct ws_catalog_entry *entry = catalog_find_id(call->frame.info.catalog_id);
    int size = wide ? sizeof(WSAPROTOCOL_INFOW) : sizeof(WSAPROTOCOL_INFOA);
    WSAPROTOCOL_INFOW info;

    if (*optlen < size)
    {
        *optlen = size;
        return WSAEFAULT;
    }
    if (!ws_writable(optval, size)) return WSAEFAULT;
    if (!entry) return WSAEINVAL;
    ws_protocol_info_w(entry, &info);
    if (wide) memcpy(optval, &info, size);
    else ws_protocol_info_a(&info, (WSAPROTOCOL_INFOA *)optval);
    return 0;
}

static int get_protocol_info_a(struct option_call *call, char *optval, int *optlen)
{
    return get_protocol_info(call, optval, optlen, FALSE);
}

static int get_protocol_info_w(struct option_call *call, char *optval, int *optlen)
{
    return get_protocol_info(call, optval, optlen, TRUE);
}

/* SO_DEBUG does nothing on Windows either; any non-zero value reads 1. */
static int get_debug(struct option_call *call, int *value)
{
    *value = call->frame.info.debug;
    return 0;
}

static int set_debug(struct option_call *call, int value)
{
    call->frame.info.debug = !!value;
    return save_state(call);
}

/* IPV6_V6ONLY on an AF_INET socket: Windows lets it be read (1 at first)
 * and set; Linux has no such option on IPv4 sockets. */
static int get_v6only(struct option_call *call, int *value)
{
    if (call->frame.info.family == AF_INET6) return get_linux(call, value);
    *value = call->frame.info.v6only;
    return 0;
}

/* Has the socket an address yet? Linux gives an unbound one port 0. */
static BOOL is_bound(struct option_call *call)
{
    struct ws2host_address_params params = { .fd = call->frame.fd, .length = sizeof(params.address) };

    if (ws_unix_call(ws2host_call_getsockname, &params)) return FALSE;
    return params.address[2] || params.address[3];
}

/* Windows refuses it once the socket is bound, on AF_INET sockets too
 * (Wine's Windows-run test_ipv6only, sock.c:7008, 7020); which error is
 * not known: WSAEINVAL, what Linux answers for AF_INET6. */
static int set_v6only(struct option_call *call, int value)
{
    if (call->frame.info.family == AF_INET6) return set_linux(call, value);
    if (is_bound(call)) return WSAEINVAL;
    call->frame.info.v6only = value;
    return save_state(call);
}

/* IP_HDRINCL: raw sockets only; the others get WSAEINVAL, set or get
 * (Wine's Windows-run test_set_getsockopt, sock.c:1744-1762). */
static int get_hdrincl(struct option_call *call, int *value)
{
    if (call->frame.info.type != SOCK_RAW) return WSAEINVAL;
    return get_linux(call, value);
}

static int set_hdrincl(struct option_call *call, int value)
{
    if (call->frame.info.type != SOCK_RAW) return WSAEINVAL;
    return set_linux(call, value);
}

/* IP_OPTIONS: the IPv4 header options, up to 40 bytes, as Linux keeps them. */
static int get_ip_options(struct option_call *call, char *optval, int *optlen)
{
    struct ws2host_sockopt_params params = { .fd = call->frame.fd, .level = call->level, .option = call->option };
    int err;

    if ((err = ws_unix_call(ws2host_call_sockopt, &params))) return err;
    if (*optlen < (int)params.length) return WSAEFAULT;
    if (params.length && !ws_writable(optval, params.length)) return WSAEFAULT;
    memcpy(optval, params.data, params.length);
    *optlen = params.length;
    return 0;
}

static int set_ip_options(struct option_call *call, const char *optval, int optlen)
{
    struct ws2host_sockopt_params params =
        { .fd = call->frame.fd, .level = call->level, .option = call->option, .set = 1 };

    if (optlen < 0 || optlen > WS2HOST_SOCKOPT_DATA) return WSAEINVAL;
    if (optlen && !ws_readable(optval, optlen)) return WSAEFAULT;
    memcpy(params.data, optval, optlen);
    params.length = optlen;
    return ws_unix_call(ws2host_call_sockopt, &params);
}

/* SO_MAX_MSG_SIZE: the largest UDP payload, 65535 less the headers (Wine's
 * Windows-run test_extendedSocketOptions, sock.c:4873). What Windows
 * answers for other socket types is not known. */
static int get_max_msg_size(struct option_call *call, int *value)
{
    if (call->frame.info.type != SOCK_DGRAM)
    {
        FIXME_ONCE("SO_MAX_MSG_SIZE of a socket of type %d is not supported\n", call->frame.info.type);
        return WSAENOPROTOOPT;
    }
    *value = call->frame.info.family == AF_INET6 ? 65535 - 8 : 65535 - 20 - 8;
    return 0;
}

/* IPV6_PROTECTION_LEVEL: whether edge traversal (Teredo) may reach the
 * socket. Linux has no edge traversal, so the level is only kept and read
 * back; before any is set it reads PROTECTION_LEVEL_UNRESTRICTED, as
 * Wine's builtin answers (Windows' default is not known). */
static int get_protection_level(struct option_call *call, int *value)
{
    *value = call->frame.info.protection_level ? call->frame.info.protection_level : PROTECTION_LEVEL_UNRESTRICTED;
    return 0;
}

static int set_protection_level(struct option_call *call, int value)
{
    if (value != PROTECTION_LEVEL_UNRESTRICTED && value != PROTECTION_LEVEL_EDGERESTRICTED &&
        value != PROTECTION_LEVEL_RESTRICTED)
        return WSAEINVAL;
    call->frame.info.protection_level = value;
    return save_state(call);
}

/* SO_RCVTIMEO / SO_SNDTIMEO: a DWORD of milliseconds, kept here and
 * applied by the calls that wait (0: wait for ever). */
static int get_rcvtimeo(struct option_call *call, int *value)
{
    *value = call->frame.info.rcvtimeo;
    return 0;
}

static int get_sndtimeo(struct option_call *call, int *value)
{
    *value = call->frame.info.sndtimeo;
    return 0;
}

/* Kept here for the direct path, and told to Wine's server, which times
 * the calls it performs itself (ReadFile, receives of selecting sockets,
 * WSARecvMsg). */
static int set_rcvtimeo(struct option_call *call, int value)
{
    DWORD ms = value;
    int err;

    if ((err = ws_afd_call(call->frame.s, WS_IOCTL_AFD_WINE_SET_SO_RCVTIMEO, &ms, sizeof(ms), NULL, 0))) return err;
    call->frame.info.rcvtimeo = value;
    return save_state(call);
}

static int set_sndtimeo(struct option_call *call, int value)
{
    DWORD ms = value;
    int err;

    if ((err = ws_afd_call(call->frame.s, WS_IOCTL_AFD_WINE_SET_SO_SNDTIMEO, &ms, sizeof(ms), NULL, 0))) return err;
    call->frame.info.sndtimeo = value;
    return save_state(call);
}

/* SO_LINGER and SO_DONTLINGER: connection-oriented sockets only. The
 * LINGER structure (two u_shorts) travels as the int with its bytes. */
static int linger_call(struct option_call *call, struct ws2host_linger_params *params)
{
    if (call->frame.info.type != SOCK_STREAM) return WSAENOPROTOOPT;
    params->fd = call->frame.fd;
    return ws_unix_call(ws2host_call_linger, params);
}

/* Windows reads LINGER back as it was set, l_onoff unnormalised. */
static int get_linger(struct option_call *call, int *value)
{
    struct ws2host_linger_params params = { 0 };
    LINGER linger;
    int err;

    if ((err = linger_call(call, &params))) return err;
    if (call->frame.info.kept & WS_KEPT_LINGER)
    {
        *value = call->frame.info.linger;
        return 0;
    }
    linger.l_onoff = params.onoff;
    linger.l_linger = params.seconds;
    memcpy(value, &linger, sizeof(linger));
    return 0;
}

static int keep_linger(struct option_call *call, u_short onoff, u_short seconds)
{
    struct ws2host_linger_params params = { .set = 1, .onoff = onoff, .seconds = seconds };
    LINGER linger = { onoff, seconds };
    int err;

    if ((err = linger_call(call, &params))) return err;
    memcpy(&call->frame.info.linger, &linger, sizeof(linger));
    call->frame.info.kept |= WS_KEPT_LINGER;
    return save_state(call);
}

static int set_linger(struct option_call *call, int value)
{
    LINGER linger;

    memcpy(&linger, &value, sizeof(linger));
    return keep_linger(call, linger.l_onoff, linger.l_linger);
}

static int get_dontlinger(struct option_call *call, int *value)
{
    LINGER linger;
    int err, bytes;

    if ((err = get_linger(call, &bytes))) return err;
    memcpy(&linger, &bytes, sizeof(linger));
    *value = !linger.l_onoff;
    return 0;
}

static int set_dontlinger(struct option_call *call, int value)
{
    LINGER linger;
    int err, bytes;

    if ((err = get_linger(call, &bytes))) return err;
    memcpy(&linger, &bytes, sizeof(linger));
    return keep_linger(call, !value, linger.l_linger);
}

/* Values Linux changes or forgets, which Windows reads back exactly as
 * set: SO_RCVBUF / SO_SNDBUF (Linux doubles them and enforces a minimum),
 * IP_MULTICAST_IF (Linux reads an interface index back as 0.0.0.0). */
static int get_kept(struct option_call *call, int *value, uint32_t kept, int32_t stored)
{
    if (!(call->frame.info.kept & kept)) return get_linux(call, value);
    *value = stored;
    return 0;
}

static int set_kept(struct option_call *call, int value, uint32_t kept, int32_t *stored)
{
    int err;

    if ((err = set_linux(call, value))) return err;
    *stored = value;
    call->frame.info.kept |= kept;
    return save_state(call);
}

static int get_rcvbuf(struct option_call *call, int *value)
{
    return get_kept(call, value, WS_KEPT_RCVBUF, call->frame.info.rcvbuf);
}

static int get_sndbuf(struct option_call *call, int *value)
{
    return get_kept(call, value, WS_KEPT_SNDBUF, call->frame.info.sndbuf);
}

/* A stream socket's receive buffer never shrinks below what Linux has:
 * Windows' does not bound the data one receive finds the way Linux' does
 * (with SO_RCVBUF 1024, three non-blocking 4096-byte sends arrive as
 * three receives of 4096: Wine 10's Windows-run sock.c
 * test_set_getsockopt), while Linux cuts the window to its 2304-byte
 * minimum and delivers 2048 at a time. The value reads back as set. */
static int set_rcvbuf(struct option_call *call, int value)
{
    int linux_value;

    if (call->frame.info.type == SOCK_STREAM && !get_linux(call, &linux_value) && value >= 0 &&
        value < linux_value)
    {
        call->frame.info.rcvbuf = value;
        call->frame.info.kept |= WS_KEPT_RCVBUF;
        return save_state(call);
    }
    return set_kept(call, value, WS_KEPT_RCVBUF, &call->frame.info.rcvbuf);
}

static int set_sndbuf(struct option_call *call, int value)
{
    return set_kept(call, value, WS_KEPT_SNDBUF, &call->frame.info.sndbuf);
}

/* SO_CONNECT_TIME: seconds since the connection was made, 0xffffffff
 * while not connected. Connected sockets are noticed here the first time
 * they are asked, for connections finished in the background. */
static int get_connect_time(struct option_call *call, int *value)
{
    struct ws2host_address_params params = { .fd = call->frame.fd };
    ULONGLONG now = GetTickCount64();

    /* Datagram sockets are never "connected" for it, even after connect()
     * (Wine's Windows-run test_connect_time, sock.c:13558). */
    if (call->frame.info.type != SOCK_STREAM || ws_unix_call(ws2host_call_getpeername, &params))
    {
        *value = -1;
        return 0;
    }
    if (!call->frame.info.connect_tick)
    {
        call->frame.info.connect_tick = now;
        save_state(call);
    }
    *value = (int)((now - call->frame.info.connect_tick) / 1000);
    return 0;
}

/* IP_MULTICAST_IF: an address, or an interface index as 0.0.0.n. */
static int get_multicast_if(struct option_call *call, int *value)
{
    return get_kept(call, value, WS_KEPT_MULTICAST_IF, call->frame.info.multicast_if);
}

static int set_multicast_if(struct option_call *call, int value)
{
    return set_kept(call, value, WS_KEPT_MULTICAST_IF, &call->frame.info.multicast_if);
}

/* SO_REUSEADDR and SO_EXCLUSIVEADDRUSE exclude each other (WSAEINVAL).
 * Windows' sharing rules are kept at bind (addressuse.c); Linux is told
 * what it needs to let sharers in: SO_REUSEPORT for TCP, SO_REUSEADDR for
 * datagrams (docs/addressuse.md). */
static int get_reuseaddr(struct option_call *call, int *value)
{
    *value = call->frame.info.address_use == ws_use_reuse;
    return 0;
}

static int get_exclusiveaddruse(struct option_call *call, int *value)
{
    *value = call->frame.info.address_use == ws_use_exclusive;
    return 0;
}

static int set_reuseaddr(struct option_call *call, int value)
{
    int linux_option = call->frame.info.type == SOCK_STREAM ? WS2HOST_OPT_LINUX_REUSEPORT : WS2HOST_OPT_LINUX_REUSEADDR;
    int err;

    if (value && call->frame.info.address_use == ws_use_exclusive) return WSAEINVAL;
    if ((err = unix_option(call, WS2HOST_LEVEL_PRIVATE, linux_option, 1, &value))) return err;
    if (value) call->frame.info.address_use = ws_use_reuse;
    else if (call->frame.info.address_use == ws_use_reuse) call->frame.info.address_use = ws_use_default;
    return save_state(call);
}

static int set_exclusiveaddruse(struct option_call *call, int value)
{
    if (value && call->frame.info.address_use == ws_use_reuse) return WSAEINVAL;
    if (value) call->frame.info.address_use = ws_use_exclusive;
    else if (call->frame.info.address_use == ws_use_exclusive) call->frame.info.address_use = ws_use_default;
    return save_state(call);
}

/* IP_RECVTOS and IP_RECVECN (IPV6_RECVTCLASS and IPV6_RECVECN) ask for
 * different messages (the whole TOS byte; its ECN bits, Microsoft's
 * "Winsock explicit congestion notification") that Linux gives under one
 * flag, IP_RECVTOS (IPV6_RECVTCLASS). Each is kept here; Linux' flag is
 * on while either is, and the receive delivers what was asked for
 * (recvcontrol.c). */
static const struct
{
    int level, option;
    uint32_t bit, shared;       /* this option's bit; the bits under one Linux flag */
    int linux_option;
} recv_controls[] =
{
    { IPPROTO_IP,   WS_IP_RECVTOS,      WS_RECV_TOS,    WS_RECV_TOS | WS_RECV_ECN,     WS2HOST_OPT_LINUX_RECVTOS },
    { IPPROTO_IP,   WS_IP_RECVECN,      WS_RECV_ECN,    WS_RECV_TOS | WS_RECV_ECN,     WS2HOST_OPT_LINUX_RECVTOS },
    { IPPROTO_IPV6, WS_IPV6_RECVTCLASS, WS_RECV_TCLASS, WS_RECV_TCLASS | WS_RECV_ECN6, WS2HOST_OPT_LINUX_RECVTCLASS },
    { IPPROTO_IPV6, WS_IPV6_RECVECN,    WS_RECV_ECN6,   WS_RECV_TCLASS | WS_RECV_ECN6, WS2HOST_OPT_LINUX_RECVTCLASS },
};

static int find_recv_control(const struct option_call *call)
{
    for (size_t i = 0; i < ARRAYSIZE(recv_controls); i++)
        if (recv_controls[i].level == call->level && recv_controls[i].option == call->option) return (int)i;
    return -1;
}

static int get_recv_control(struct option_call *call, int *value)
{
    int i = find_recv_control(call);

    if (i < 0) return WSAENOPROTOOPT;
    *value = !!(call->frame.info.recv_control & recv_controls[i].bit);
    return 0;
}

static int set_recv_control(struct option_call *call, int value)
{
    int i = find_recv_control(call), on;
    uint32_t after;
    int err;

    if (i < 0) return WSAENOPROTOOPT;
    after = value ? call->frame.info.recv_control | recv_controls[i].bit
                  : call->frame.info.recv_control & ~recv_controls[i].bit;
    on = !!(after & recv_controls[i].shared);
    if ((err = unix_option(call, WS2HOST_LEVEL_PRIVATE, recv_controls[i].linux_option, 1, &on))) return err;
    call->frame.info.recv_control = after;
    return save_state(call);
}

/* --------------------------------------------------------- the table */
struct option
{
    int level, option;
    enum format format;
    get_value get;              /* NULL: cannot be read (WSAENOPROTOOPT) */
    set_value set;              /* NULL: cannot be set (WSAENOPROTOOPT) */
    get_raw get_raw;            /* when present, used instead of get or set */
    set_raw set_raw;
    BOOL not_on_stream;         /* WSAEINVAL on stream sockets */
};

/* The handling column of include/ws2host/sockoptlist.h. */
#define LINUX_VALUE .get = get_linux, .set = set_linux
#define LINUX_READ_ONLY .get = get_linux
#define HERE(get_handler, set_handler) .get = get_handler, .set = set_handler
#define HERE_RAW_SET(get_handler, set_handler) .get = get_handler, .set_raw = set_handler
#define RAW(get_handler, set_handler) .get_raw = get_handler, .set_raw = set_handler
/* Wine's Windows-run test_sockopt_validity (sock.c:12982, 12985). */
#define NOT_ON_STREAM(handling) handling, .not_on_stream = TRUE

/* The handling arrives expanded, commas and all: it goes last. */
#define OPTION_ROW(ws_level, ws_option, row_format, ...) \
    { .level = ws_level, .option = ws_option, .format = row_format, __VA_ARGS__ },
#define PE_ROW(ws_level, ws_option, row_format, handling) OPTION_ROW(ws_level, ws_option, row_format, handling)
#define LINUX_ROW(ws_level, ws_option, row_format, handling, linux_level, linux_option, access, shape) \
    OPTION_ROW(ws_level, ws_option, row_format, handling)
#define HOST_ROW(option, linux_level, linux_option)

static const struct option options[] =
{
    WS2HOST_SOCKET_OPTIONS(LINUX_ROW, PE_ROW, HOST_ROW)
};

static const struct option *find_option(int level, int option)
{
    for (size_t i = 0; i < ARRAYSIZE(options); i++)
        if (options[i].level == level && options[i].option == option) return &options[i];
    return NULL;
}

/* ------------------------------------------------ the buffer formats */
/* Reads `size` little-endian bytes. */
static int read_bytes(const char *optval, int size, int *value)
{
    unsigned int result = 0;

    if (!ws_readable(optval, size)) return WSAEFAULT;
    for (int i = size - 1; i >= 0; i--) result = (result << 8) | (unsigned char)optval[i];
    *value = (int)result;
    return 0;
}

/* setsockopt's optval as the option's value. *nothing is set when
 * Windows accepts the call but there is no value to apply. */
static int read_value(enum format format, int level, const char *optval, int optlen, int *value, BOOL *nothing)
{
    int err;

    *nothing = FALSE;
    if (optlen < 0)
    {
        /* Only SOL_SOCKET's four-byte options take it as "large". */
        if (level != SOL_SOCKET || format == fmt_byte) return WSAENOBUFS;
        optlen = sizeof(int);
    }
    switch (format)
    {
    case fmt_int:
    case fmt_int_zeroed:
    case fmt_ip_int:
    case fmt_ip_flag4:
        if (optlen < (int)sizeof(int)) return WSAEFAULT;
        if ((err = read_bytes(optval, sizeof(int), value))) return err;
        if (format == fmt_ip_flag4) *value = !!*value;
        return 0;
    case fmt_bool:
        if (!optlen)
        {
            /* Wine's Windows-run test_set_getsockopt, sock.c:1338. */
            if (!optval) return WSAEFAULT;
            *nothing = TRUE;
            return 0;
        }
        if ((err = read_bytes(optval, min(optlen, (int)sizeof(int)), value))) return err;
        *value = !!*value;
        return 0;
    case fmt_byte:
        if (!optlen) return WSAEFAULT;
        if ((err = read_bytes(optval, 1, value))) return err;
        *value = !!*value;
        return 0;
    case fmt_ip_flag:
    case fmt_ip_small:
        if (!optlen) return WSAEFAULT;
        if ((err = read_bytes(optval, min(optlen, (int)sizeof(int)), value))) return err;
        if (format == fmt_ip_flag) *value = !!*value;
        else if ((unsigned int)*value > 255) return WSAEINVAL;
        return 0;
    case fmt_raw:
        break;
    }
    return WSAEINVAL;
}

static int write_bytes(char *optval, int size, int value, int *optlen, int reported)
{
    if (!ws_writable(optval, size)) return WSAEFAULT;
    memcpy(optval, &value, size);
    *optlen = reported;
    return 0;
}

/* The option's value into getsockopt's optval, *optlen already readable. */
static int write_value(enum format format, int value, char *optval, int *optlen)
{
    int length = *optlen;

    if (length <= 0) return WSAEFAULT;
    switch (format)
    {
    case fmt_int:
        if (length < (int)sizeof(int)) return WSAEFAULT;
        return write_bytes(optval, sizeof(int), value, optlen, sizeof(int));
    case fmt_int_zeroed:
        if (length < (int)sizeof(int))
        {
            if (ws_writable(optval, length)) memset(optval, 0, length);
            return WSAEFAULT;
        }
        return write_bytes(optval, sizeof(int), value, optlen, sizeof(int));
    case fmt_ip_int:
    case fmt_ip_flag4:
        if (length < (int)sizeof(int))
        {
            *optlen = 0;
            return WSAEFAULT;
        }
        return write_bytes(optval, sizeof(int), value, optlen, sizeof(int));
    case fmt_bool:
        /* Windows reports one byte for any short buffer, but fills two. */
        if (length >= (int)sizeof(int)) return write_bytes(optval, sizeof(int), value, optlen, sizeof(int));
        return write_bytes(optval, min(length, 2), value, optlen, 1);
    case fmt_byte:
        return write_bytes(optval, 1, value, optlen, 1);
    case fmt_ip_flag:
    case fmt_ip_small:
        if (length >= (int)sizeof(int)) return write_bytes(optval, sizeof(int), value, optlen, sizeof(int));
        return write_bytes(optval, 1, value, optlen, 1);
    case fmt_raw:
        break;
    }
    return WSAEINVAL;
}

/* ------------------------------------------------------------ calls */
static int get_option(struct option_call *call, const struct option *option, char *optval, int *optlen)
{
    int value = 0, err;

    if (!option || !(option->get || option->get_raw))
    {
        FIXME_ONCE("getting level %#x option %#x is not supported\n", call->level, call->option);
        return WSAENOPROTOOPT;
    }
    if (option->not_on_stream && call->frame.info.type == SOCK_STREAM) return WSAEINVAL;
    if (!optval || !ws_writable(optlen, sizeof(*optlen))) return WSAEFAULT;
    /* A negative length is refused and left as it is, for every option. */
    if (*optlen < 0) return WSAEFAULT;
    if (option->get_raw) return option->get_raw(call, optval, optlen);
    if (!*optlen) return WSAEFAULT;
    if ((err = option->get(call, &value))) return err;
    return write_value(option->format, value, optval, optlen);
}

static int set_option(struct option_call *call, const struct option *option, const char *optval, int optlen)
{
    BOOL nothing;
    int value, err;

    if (!option || !(option->set || option->set_raw))
    {
        if (!option) FIXME_ONCE("setting level %#x option %#x is not supported\n", call->level, call->option);
        return WSAENOPROTOOPT;
    }
    if (option->not_on_stream && call->frame.info.type == SOCK_STREAM) return WSAEINVAL;
    if (option->set_raw) return option->set_raw(call, optval, optlen);
    if ((err = read_value(option->format, call->level, optval, optlen, &value, &nothing))) return err;
    if (nothing) return 0;
    return option->set(call, value);
}

/* The handlers read and write the option's value on the fd, and check
 * the identity: a verified frame. */
static int begin_call(SOCKET s, int level, int option, struct option_call *call)
{
    int err;

    call->level = level;
    call->option = option;
    if ((err = ws_call_begin(&call->frame, s, WS_CALL_VERIFIED_FD))) return err;
    call->original = call->frame.info;
    return level_known(level) ? 0 : WSAEINVAL;
}

/***********************************************************************
 *      getsockopt (WS2_32.7)
 */
int WINAPI getsockopt(SOCKET s, int level, int option, char *optval, int *optlen)
{
    struct option_call call;
    int err;

    TRACE("socket %#llx, level %#x, option %#x, optval %p, optlen %p\n",
          (ULONGLONG)s, level, option, optval, optlen);
    /* No socket for SO_OPENTYPE, and no WSAStartup either. */
    if (level == SOL_SOCKET && option == SO_OPENTYPE)
    {
        ws_call_begin(&call.frame, s, WS_CALL_NOTHING);
        return ws_call_end(&call.frame, ws_get_opentype(optval, optlen));
    }
    if ((err = begin_call(s, level, option, &call))) return ws_call_end(&call.frame, err);

    /* Wine's server took a failed non-blocking connect's error from Linux. */
    if (level == SOL_SOCKET && option == SO_ERROR && call.frame.info.connecting && !call.frame.info.error)
        err = ws_connect_error(s, optval, optlen);
    else
        err = get_option(&call, find_option(level, option), optval, optlen);
    return ws_call_end(&call.frame, err);
}

/***********************************************************************
 *      setsockopt (WS2_32.21)
 */
int WINAPI setsockopt(SOCKET s, int level, int option, const char *optval, int optlen)
{
    struct option_call call;
    int err;

    TRACE("socket %#llx, level %#x, option %#x, optval %p, optlen %d\n",
          (ULONGLONG)s, level, option, optval, optlen);
    if (level == SOL_SOCKET && option == SO_OPENTYPE)
    {
        ws_call_begin(&call.frame, s, WS_CALL_NOTHING);
        return ws_call_end(&call.frame, ws_set_opentype(optval, optlen));
    }
    /* The context options change only our state: no fd. */
    if (ws_is_context_option(level, option))
    {
        if (!(err = ws_call_begin(&call.frame, s, WS_CALL_STATE)))
            err = ws_set_context_option(&call.frame, option, optval, optlen);
        return ws_call_end(&call.frame, err);
    }
    if ((err = begin_call(s, level, option, &call))) return ws_call_end(&call.frame, err);
    return ws_call_end(&call.frame, set_option(&call, find_option(level, option), optval, optlen));
}
