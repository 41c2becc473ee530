/*
 * Socket options whose Windows meaning has a Linux equivalent, by table
 * (built from include/ws2host/sockoptlist.h): int options (the value as
 * it is, or spelled Linux' way), group memberships and multicast
 * interfaces (Windows' structures translated), IP_OPTIONS' bytes. Options
 * whose meanings differ (SO_REUSEADDR, timeouts, linger) are not here:
 * the PE side translates them, using the private level for the Linux
 * flags it needs.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include "ws2host/unixlib.h"
#include "ws2host/sockoptlist.h"
#include "maps.h"
#include "unix_private.h"
#include "wsvalues.h"

enum access { read_write, read_only, write_only };

/* How the value travels: an int as it is, one of Windows' structures, or
 * a value Linux spells differently. */
enum shape
{
    int_value,
    ipv4_membership,
    ipv6_membership,
    ipv4_interface,
    dont_fragment,      /* Windows' flag; Linux' path MTU discovery mode */
    host_order_index,   /* Windows: host order; Linux: network order */
    byte_string,        /* IP_OPTIONS: bytes in data, length of them */
};

struct option_pair
{
    int ws_level, ws_option;
    int level, option;
    enum access access;
    enum shape shape;
};

#define LINUX_ROW(ws_level_value, ws_option_value, format, handling, linux_level, linux_option, pair_access, pair_shape) \
    { .ws_level = ws_level_value, .ws_option = ws_option_value, .level = linux_level, .option = linux_option, \
      .access = pair_access, .shape = pair_shape },
#define PE_ROW(ws_level, ws_option, format, handling)
#define HOST_ROW(private_option, linux_level, linux_option) \
    LINUX_ROW(WS2HOST_LEVEL_PRIVATE, private_option, , , linux_level, linux_option, read_write, int_value)

/* From include/ws2host/sockoptlist.h, the PE side's list too. */
static const struct option_pair options[] =
{
    WS2HOST_SOCKET_OPTIONS(LINUX_ROW, PE_ROW, HOST_ROW)
};

const unsigned int unix_sockopt_count = sizeof(options) / sizeof(options[0]);

/* The Windows level and option of row i, for the tests that compare the
 * two sides' tables. */
void unix_sockopt_row(unsigned int i, int *ws_level, int *ws_option)
{
    *ws_level = options[i].ws_level;
    *ws_option = options[i].ws_option;
}

static const struct option_pair *find_option(int ws_level, int ws_option)
{
    for (unsigned int i = 0; i < unix_sockopt_count; i++)
        if (options[i].ws_level == ws_level && options[i].ws_option == ws_option)
            return &options[i];
    return NULL;
}

/* Windows names an IPv4 interface by its address, or by its index
 * written as an address in 0.0.0.0/8 (network order, as RFC 3678). */
static void ipv4_interface_to_linux(const uint8_t address[4], struct ip_mreqn *linux_form)
{
    uint32_t value;

    memcpy(&value, address, sizeof(value));
    value = ntohl(value);
    if (value && value < 0x01000000) linux_form->imr_ifindex = (int)value;
    else memcpy(&linux_form->imr_address, address, 4);
}

static unsigned int set_structure(const struct option_pair *pair, const struct ws2host_sockopt_params *params)
{
    struct ip_mreqn mreqn;
    struct ipv6_mreq mreq6;
    const void *value = &mreqn;
    socklen_t len = sizeof(mreqn);

    memset(&mreqn, 0, sizeof(mreqn));
    switch (pair->shape)
    {
    case ipv4_membership:       /* IP_MREQ: group, interface */
        if (params->length < 8) return WSAEFAULT;
        memcpy(&mreqn.imr_multiaddr, params->data, 4);
        ipv4_interface_to_linux(params->data + 4, &mreqn);
        break;
    case ipv4_interface:        /* an IN_ADDR, carried in value */
        ipv4_interface_to_linux((const uint8_t *)&params->value, &mreqn);
        break;
    case ipv6_membership:       /* IPV6_MREQ: group, interface index */
        if (params->length < 20) return WSAEFAULT;
        memcpy(&mreq6.ipv6mr_multiaddr, params->data, 16);
        memcpy(&mreq6.ipv6mr_interface, params->data + 16, 4);
        value = &mreq6;
        len = sizeof(mreq6);
        break;
    case byte_string:
        if (params->length > sizeof(params->data)) return WSAEINVAL;
        value = params->data;
        len = params->length;
        break;
    case int_value:
    case dont_fragment:
    case host_order_index:
        return WSAEINVAL;
    }
    if (setsockopt(params->fd, pair->level, pair->option, value, len) < 0) return wsa_error_from_errno(errno);
    return 0;
}

/* Windows' don't-fragment flag as Linux' path MTU discovery mode. Every
 * mode but "don't" sets DF; TCP starts in "want", so it reads 1, as on
 * Windows. */
static int dont_fragment_to_linux(const struct option_pair *pair, int value)
{
    if (pair->level == IPPROTO_IP) return value ? IP_PMTUDISC_DO : IP_PMTUDISC_DONT;
    return value ? IPV6_PMTUDISC_DO : IPV6_PMTUDISC_DONT;
}

static int int_to_linux(const struct option_pair *pair, int value)
{
    switch (pair->shape)
    {
    case dont_fragment: return dont_fragment_to_linux(pair, value);
    case host_order_index: return (int)htonl((uint32_t)value);
    default: return value;
    }
}

static int int_from_linux(const struct option_pair *pair, int value)
{
    switch (pair->shape)
    {
    case dont_fragment: return value != (pair->level == IPPROTO_IP ? IP_PMTUDISC_DONT : IPV6_PMTUDISC_DONT);
    case host_order_index: return (int)ntohl((uint32_t)value);
    default: return value;
    }
}

static unsigned int get_bytes(const struct option_pair *pair, struct ws2host_sockopt_params *params)
{
    socklen_t len = sizeof(params->data);

    if (getsockopt(params->fd, pair->level, pair->option, params->data, &len) < 0) return wsa_error_from_errno(errno);
    params->length = len;
    return 0;
}

static unsigned int get_value(const struct option_pair *pair, struct ws2host_sockopt_params *params)
{
    socklen_t len;
    int value;

    if (pair->shape == byte_string) return get_bytes(pair, params);

    if (pair->shape == ipv4_interface)
    {
        struct in_addr address;

        len = sizeof(address);
        if (getsockopt(params->fd, pair->level, pair->option, &address, &len) < 0) return wsa_error_from_errno(errno);
        memcpy(&params->value, &address, sizeof(params->value));
        return 0;
    }
    len = sizeof(value);
    if (getsockopt(params->fd, pair->level, pair->option, &value, &len) < 0) return wsa_error_from_errno(errno);
    /* Linux reports pending errors as errno values: Windows wants WSA codes. */
    if (pair->option == SO_ERROR && pair->level == SOL_SOCKET) value = (int)wsa_error_from_errno(value);
    /* Some Linux options are a single byte. */
    if (len == 1) value = *(unsigned char *)&value;
    params->value = int_from_linux(pair, value);
    return 0;
}

static unsigned int set_value(const struct option_pair *pair, const struct ws2host_sockopt_params *params)
{
    int value;

    if (pair->shape != int_value && pair->shape != dont_fragment && pair->shape != host_order_index)
        return set_structure(pair, params);
    value = int_to_linux(pair, params->value);
    if (setsockopt(params->fd, pair->level, pair->option, &value, sizeof(value)) < 0) return wsa_error_from_errno(errno);
    return 0;
}

unsigned int unix_sockopt(void *args)
{
    struct ws2host_sockopt_params *params = args;
    const struct option_pair *pair = find_option(params->level, params->option);

    if (!pair) return WSAENOPROTOOPT;
    if (params->set == WS2HOST_SOCKOPT_PROBE) return 0;
    if (params->set)
    {
        if (pair->access == read_only) return WSAENOPROTOOPT;
        return set_value(pair, params);
    }
    if (pair->access == write_only) return WSAENOPROTOOPT;
    return get_value(pair, params);
}

unsigned int unix_linger(void *args)
{
    struct ws2host_linger_params *params = args;
    struct linger value;
    socklen_t len = sizeof(value);

    if (params->set)
    {
        value.l_onoff = params->onoff;
        value.l_linger = params->seconds;
        if (setsockopt(params->fd, SOL_SOCKET, SO_LINGER, &value, len) < 0) return wsa_error_from_errno(errno);
        return 0;
    }
    if (getsockopt(params->fd, SOL_SOCKET, SO_LINGER, &value, &len) < 0) return wsa_error_from_errno(errno);
    params->onoff = value.l_onoff;
    params->seconds = value.l_linger;
    return 0;
}
