/*
 * getsockopt (WS2_32.7) and setsockopt (WS2_32.21).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Windows checks, in order: the socket (WSAENOTSOCK, even with NULL
 * buffers), the level (WSAEINVAL), the option (WSAENOPROTOOPT), then the
 * buffers (WSAEFAULT). Options answered here are in option_table; every
 * other int option goes to the Linux side's table, which refuses what it
 * does not know with WSAENOPROTOOPT.
 */
#include <string.h>

#include "ws2_32_private.h"
#include "catalog.h"


struct option_call
{
    SOCKET s;
    struct ws_socket_info info;
    int fd;
};

typedef int (*get_handler)(struct option_call *call, char *optval, int *optlen);
typedef int (*set_handler)(struct option_call *call, const char *optval, int optlen);

static const int known_levels[] = { SOL_SOCKET, IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDP };

static BOOL level_known(int level)
{
    for (size_t i = 0; i < ARRAYSIZE(known_levels); i++)
        if (known_levels[i] == level) return TRUE;
    return FALSE;
}

static int put_int(int value, char *optval, int *optlen)
{
    if (*optlen < (int)sizeof(int)) return WSAEFAULT;
    if (!ws_writable(optval, sizeof(int))) return WSAEFAULT;
    *(int *)optval = value;
    *optlen = sizeof(int);
    return 0;
}

static int take_int(const char *optval, int optlen, int *value)
{
    if (optlen < (int)sizeof(int) || !ws_readable(optval, sizeof(int))) return WSAEFAULT;
    *value = *(const int *)optval;
    return 0;
}

static int save_state(struct option_call *call)
{
    return socket_table_insert(call->s, &call->info) ? WSAENOBUFS : 0;
}

static int get_type(struct option_call *call, char *optval, int *optlen)
{
    return put_int(call->info.type, optval, optlen);
}

static int set_read_only(struct option_call *call, const char *optval, int optlen)
{
    return WSAENOPROTOOPT;
}

/* Windows refuses to set SO_TYPE with WSAEINVAL on datagram sockets and
 * WSAENOPROTOOPT on stream sockets (winetest/creation.c). */
static int set_type(struct option_call *call, const char *optval, int optlen)
{
    return call->info.type == SOCK_DGRAM ? WSAEINVAL : WSAENOPROTOOPT;
}

/* SO_PROTOCOL_INFO: a short buffer gets WSAEFAULT and the size needed; a
 * longer one keeps its length. */
static int get_protocol_info(struct option_call *call, char *optval, int *optlen, BOOL wide)
{
    const struct ws_catalog_entry *entry = catalog_find_id(call->info.catalog_id);
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
static int get_debug(struct option_call *call, char *optval, int *optlen)
{
    return put_int(call->info.debug, optval, optlen);
}

static int set_debug(struct option_call *call, const char *optval, int optlen)
{
    int value, err;

    if ((err = take_int(optval, optlen, &value))) return err;
    call->info.debug = !!value;
    return save_state(call);
}

/* IPV6_V6ONLY on an AF_INET socket: Windows lets it be read (1 at first)
 * and set; Linux has no such option on IPv4 sockets. */
static int unix_int(struct option_call *call, int level, int option, int set, int *value);

static int get_v6only(struct option_call *call, char *optval, int *optlen)
{
    int value, err;

    if (call->info.family != AF_INET6) return put_int(call->info.v6only, optval, optlen);
    if ((err = unix_int(call, IPPROTO_IPV6, IPV6_V6ONLY, 0, &value))) return err;
    return put_int(value, optval, optlen);
}

static int set_v6only(struct option_call *call, const char *optval, int optlen)
{
    int value, err;

    if ((err = take_int(optval, optlen, &value))) return err;
    if (call->info.family == AF_INET6) return unix_int(call, IPPROTO_IPV6, IPV6_V6ONLY, 1, &value);
    call->info.v6only = !!value;
    return save_state(call);
}

/* SO_RCVTIMEO / SO_SNDTIMEO: a DWORD of milliseconds, kept here and
 * applied by the calls that wait (0: wait for ever). */
static int set_timeout(struct option_call *call, const char *optval, int optlen, uint32_t *field)
{
    int value, err;

    if ((err = take_int(optval, optlen, &value))) return err;
    *field = value;
    return save_state(call);
}

static int get_rcvtimeo(struct option_call *call, char *optval, int *optlen)
{
    return put_int(call->info.rcvtimeo, optval, optlen);
}

static int get_sndtimeo(struct option_call *call, char *optval, int *optlen)
{
    return put_int(call->info.sndtimeo, optval, optlen);
}

static int set_rcvtimeo(struct option_call *call, const char *optval, int optlen)
{
    return set_timeout(call, optval, optlen, &call->info.rcvtimeo);
}

static int set_sndtimeo(struct option_call *call, const char *optval, int optlen)
{
    return set_timeout(call, optval, optlen, &call->info.sndtimeo);
}

/* SO_LINGER and SO_DONTLINGER: connection-oriented sockets only. */
static int linger_call(struct option_call *call, struct ws2host_linger_params *params)
{
    if (call->info.type != SOCK_STREAM) return WSAENOPROTOOPT;
    params->fd = call->fd;
    return ws_unix_call(ws2host_call_linger, params);
}

static int get_linger(struct option_call *call, char *optval, int *optlen)
{
    struct ws2host_linger_params params = { 0 };
    struct linger *value = (struct linger *)optval;
    int err;

    if ((err = linger_call(call, &params))) return err;
    if (*optlen < (int)sizeof(*value) || !ws_writable(optval, sizeof(*value))) return WSAEFAULT;
    value->l_onoff = params.onoff;
    value->l_linger = params.seconds;
    *optlen = sizeof(*value);
    return 0;
}

static int set_linger(struct option_call *call, const char *optval, int optlen)
{
    struct ws2host_linger_params params = { .set = 1 };
    const struct linger *value = (const struct linger *)optval;

    if (call->info.type != SOCK_STREAM) return WSAENOPROTOOPT;
    if (optlen < (int)sizeof(*value) || !ws_readable(optval, sizeof(*value))) return WSAEFAULT;
    params.onoff = value->l_onoff;
    params.seconds = value->l_linger;
    return linger_call(call, &params);
}

static int get_dontlinger(struct option_call *call, char *optval, int *optlen)
{
    struct ws2host_linger_params params = { 0 };
    int err;

    if ((err = linger_call(call, &params))) return err;
    return put_int(!params.onoff, optval, optlen);
}

static int set_dontlinger(struct option_call *call, const char *optval, int optlen)
{
    struct ws2host_linger_params params = { 0 };
    int value, err;

    if ((err = take_int(optval, optlen, &value))) return err;
    if ((err = linger_call(call, &params))) return err;
    params.set = 1;
    params.onoff = !value;
    return linger_call(call, &params);
}

/* SO_CONNECT_TIME: seconds since the connection was made, 0xffffffff
 * while not connected. Connected sockets are noticed here the first time
 * they are asked, for connections finished in the background. */
static int get_connect_time(struct option_call *call, char *optval, int *optlen)
{
    struct ws2host_address_params params = { .fd = call->fd };
    ULONGLONG now = GetTickCount64();

    if (ws_unix_call(ws2host_call_getpeername, &params)) return put_int(-1, optval, optlen);
    if (!call->info.connect_tick)
    {
        call->info.connect_tick = now;
        save_state(call);
    }
    return put_int((int)((now - call->info.connect_tick) / 1000), optval, optlen);
}

static const struct
{
    int level, option;
    get_handler get;
    set_handler set;
}
option_table[] =
{
    { SOL_SOCKET,   SO_TYPE,           get_type,            set_type },
    { SOL_SOCKET,   SO_PROTOCOL_INFOA, get_protocol_info_a, set_read_only },
    { SOL_SOCKET,   SO_PROTOCOL_INFOW, get_protocol_info_w, set_read_only },
    { SOL_SOCKET,   SO_DEBUG,          get_debug,           set_debug },
    { SOL_SOCKET,   SO_RCVTIMEO,       get_rcvtimeo,        set_rcvtimeo },
    { SOL_SOCKET,   SO_LINGER,         get_linger,          set_linger },
    { SOL_SOCKET,   SO_DONTLINGER,     get_dontlinger,      set_dontlinger },
    { SOL_SOCKET,   SO_CONNECT_TIME,   get_connect_time,    set_read_only },
    { SOL_SOCKET,   SO_SNDTIMEO,       get_sndtimeo,        set_sndtimeo },
    { IPPROTO_IPV6, IPV6_V6ONLY,       get_v6only,          set_v6only },
};

static int unix_int(struct option_call *call, int level, int option, int set, int *value)
{
    struct ws2host_sockopt_params params = { .fd = call->fd, .level = level, .option = option, .set = set };
    int err;

    if (set == 1) params.value = *value;
    if ((err = ws_unix_call(ws2host_call_sockopt, &params))) return err;
    if (!set) *value = params.value;
    return 0;
}

static int find_option(int level, int option)
{
    for (size_t i = 0; i < ARRAYSIZE(option_table); i++)
        if (option_table[i].level == level && option_table[i].option == option) return i;
    return -1;
}

static int get_option(struct option_call *call, int level, int option, char *optval, int *optlen)
{
    int index = find_option(level, option), value, err;

    /* An unknown option is reported before any buffer is looked at. */
    if (index < 0 && (err = unix_int(call, level, option, WS2HOST_SOCKOPT_PROBE, &value)))
    {
        FIXME_ONCE("level %#x option %#x not supported\n", level, option);
        return err;
    }
    if (!optval || !ws_writable(optlen, sizeof(*optlen))) return WSAEFAULT;
    if (index >= 0) return option_table[index].get(call, optval, optlen);
    if (*optlen < (int)sizeof(int)) return WSAEFAULT;
    if ((err = unix_int(call, level, option, 0, &value))) return err;
    return put_int(value, optval, optlen);
}

static int set_option(struct option_call *call, int level, int option, const char *optval, int optlen)
{
    int index = find_option(level, option), value, err;

    if (index >= 0) return option_table[index].set(call, optval, optlen);
    if ((err = unix_int(call, level, option, WS2HOST_SOCKOPT_PROBE, &value)))
    {
        FIXME_ONCE("level %#x option %#x not supported\n", level, option);
        return err;
    }
    if ((err = take_int(optval, optlen, &value))) return err;
    return unix_int(call, level, option, 1, &value);
}

static int begin_call(SOCKET s, int level, struct option_call *call)
{
    int err;

    if (!ws_is_started()) return WSANOTINITIALISED;
    call->s = s;
    if ((err = ws_socket_from_handle(s, &call->info, &call->fd))) return err;
    if (!level_known(level))
    {
        ws_unix_close_fd(call->fd);
        return WSAEINVAL;
    }
    return 0;
}

static int finish(int err)
{
    if (err) return ws_fail(err);
    SetLastError(0);
    return 0;
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
    if (level == SOL_SOCKET && option == SO_OPENTYPE) return finish(ws_get_opentype(optval, optlen));
    if ((err = begin_call(s, level, &call))) return ws_fail(err);

    err = get_option(&call, level, option, optval, optlen);
    ws_unix_close_fd(call.fd);
    return finish(err);
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
    if (level == SOL_SOCKET && option == SO_OPENTYPE) return finish(ws_set_opentype(optval, optlen));
    if ((err = begin_call(s, level, &call))) return ws_fail(err);

    err = set_option(&call, level, option, optval, optlen);
    ws_unix_close_fd(call.fd);
    return finish(err);
}
