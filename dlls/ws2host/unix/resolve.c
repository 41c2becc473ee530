/*
 * Name services through the host's resolver: getaddrinfo and gethostname.
 * Windows' AI_* flags and EAI_* codes by table.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE     /* EAI_NODATA, EAI_SYSTEM */
#include <errno.h>
#include <netdb.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ws2host/unixlib.h"
#include "address.h"
#include "maps.h"
#include "unix_private.h"
#include "wsvalues.h"

static const struct value_pair ai_flags[] =
{
    { WS_AI_PASSIVE,      AI_PASSIVE },
    { WS_AI_CANONNAME,    AI_CANONNAME },
    { WS_AI_NUMERICHOST,  AI_NUMERICHOST },
    { WS_AI_NUMERICSERV,  AI_NUMERICSERV },
    { WS_AI_ALL,          AI_ALL },
    { WS_AI_ADDRCONFIG,   AI_ADDRCONFIG },
    { WS_AI_V4MAPPED,     AI_V4MAPPED },
};

static const struct value_pair ni_flags[] =
{
    { WS_NI_NOFQDN,       NI_NOFQDN },
    { WS_NI_NUMERICHOST,  NI_NUMERICHOST },
    { WS_NI_NAMEREQD,     NI_NAMEREQD },
    { WS_NI_NUMERICSERV,  NI_NUMERICSERV },
    { WS_NI_DGRAM,        NI_DGRAM },
};

static const struct value_pair eai_errors[] =
{
    { WSATRY_AGAIN,          EAI_AGAIN },
    { WSAEINVAL,             EAI_BADFLAGS },
    { WSANO_RECOVERY,        EAI_FAIL },
    { WSAEAFNOSUPPORT,       EAI_FAMILY },
    { WSA_NOT_ENOUGH_MEMORY, EAI_MEMORY },
    { WSAHOST_NOT_FOUND,     EAI_NONAME },
    /* A numeric address of the other family (protocol.c test_getaddrinfo:
     * "[beef::cafe]" with AF_INET). */
    { WSAHOST_NOT_FOUND,     EAI_ADDRFAMILY },
    { WSANO_DATA,            EAI_NODATA },
    { WSATYPE_NOT_FOUND,     EAI_SERVICE },
    { WSAESOCKTNOSUPPORT,    EAI_SOCKTYPE },
    /* A buffer too small for the name: Winsock's answer for short buffers. */
    { WSAEFAULT,             EAI_OVERFLOW },
};

static unsigned int wsa_from_eai(int eai)
{
    if (eai == EAI_SYSTEM) return wsa_error_from_errno(errno);
    for (unsigned int i = 0; i < sizeof(eai_errors) / sizeof(eai_errors[0]); i++)
        if (eai_errors[i].linux_value == eai) return eai_errors[i].windows;
    return WSANO_RECOVERY;
}

/* -1 when a flag has no Linux meaning we can give it. */
static int map_flags(const struct value_pair *table, unsigned int count, int ws_flags)
{
    int flags = 0;

    for (unsigned int i = 0; i < count; i++)
    {
        if (!(ws_flags & table[i].windows)) continue;
        flags |= table[i].linux_value;
        ws_flags &= ~table[i].windows;
    }
    return ws_flags ? -1 : flags;
}

/* Windows answers one entry per address, with the hint's type and
 * protocol as they were asked, even a pair that does not match
 * (protocol.c test_getaddrinfo's hint table); glibc answers an entry per
 * type and refuses such pairs, so it is asked for the type alone. */
static int same_address(const struct addrinfo *a, const struct addrinfo *b)
{
    return a->ai_family == b->ai_family && a->ai_addrlen == b->ai_addrlen && !memcmp(a->ai_addr, b->ai_addr, a->ai_addrlen);
}

static int wanted(const struct addrinfo *result, const struct addrinfo *ai)
{
    if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6) return 0;
    for (const struct addrinfo *earlier = result; earlier != ai; earlier = earlier->ai_next)
        if ((earlier->ai_family == AF_INET || earlier->ai_family == AF_INET6) && same_address(earlier, ai)) return 0;
    return 1;
}

static void fill_entry(struct ws2host_address_entry *e, const struct ws2host_getaddrinfo_params *params,
                       const struct addrinfo *ai)
{
    struct sockaddr_storage address;

    memset(e, 0, sizeof(*e));
    map_to_windows(&family_map, ai->ai_family, &e->family);
    e->socktype = params->socktype;
    e->protocol = params->protocol;
    memset(&address, 0, sizeof(address));
    memcpy(&address, ai->ai_addr, ai->ai_addrlen);
    address_to_windows(&address, ai->ai_addrlen, e->address, sizeof(e->address), &e->address_length);
}

unsigned int unix_getaddrinfo(void *args)
{
    struct ws2host_getaddrinfo_params *params = args;
    struct ws2host_address_entry *entries = (struct ws2host_address_entry *)(uintptr_t)params->buffer;
    struct addrinfo hints = { 0 }, *result, *ai;
    unsigned int err = 0, count = 0, needed;
    size_t name_length = 0;
    int ret;

    params->count = 0;
    params->needed = 0;
    params->canonname_offset = -1;
    if ((hints.ai_flags = map_flags(ai_flags, sizeof(ai_flags) / sizeof(ai_flags[0]), params->flags)) < 0)
        return WSAEINVAL;
    if (params->family && map_to_linux(&family_map, params->family, &hints.ai_family)) return WSAEAFNOSUPPORT;
    if (params->socktype && map_to_linux(&type_map, params->socktype, &hints.ai_socktype)) return WSAESOCKTNOSUPPORT;

    ret = getaddrinfo((const char *)(uintptr_t)params->node, (const char *)(uintptr_t)params->service, &hints, &result);
    if (ret) return wsa_from_eai(ret);

    for (ai = result; ai; ai = ai->ai_next)
        if (wanted(result, ai)) count++;
    if (result->ai_canonname) name_length = strlen(result->ai_canonname) + 1;
    needed = count * sizeof(*entries) + name_length;
    params->needed = needed;
    if (!count) err = WSANO_DATA;
    else if (params->size < needed) err = WSAENOBUFS;
    else
    {
        unsigned int i = 0;

        for (ai = result; ai; ai = ai->ai_next)
            if (wanted(result, ai)) fill_entry(&entries[i++], params, ai);
        if (name_length)
        {
            params->canonname_offset = count * sizeof(*entries);
            memcpy((char *)entries + params->canonname_offset, result->ai_canonname, name_length);
        }
        params->count = count;
    }
    freeaddrinfo(result);
    return err;
}

unsigned int unix_gethostname(void *args)
{
    struct ws2host_gethostname_params *params = args;
    char name[256];

    if (gethostname(name, sizeof(name)) < 0) return wsa_error_from_errno(errno);
    name[sizeof(name) - 1] = 0;
    params->needed = strlen(name) + 1;
    if (params->size < params->needed) return WSAEFAULT;
    memcpy((void *)(uintptr_t)params->buffer, name, params->needed);
    return 0;
}

unsigned int unix_getnameinfo(void *args)
{
    struct ws2host_getnameinfo_params *params = args;
    int flags = map_flags(ni_flags, sizeof(ni_flags) / sizeof(ni_flags[0]), params->flags), ret;
    struct sockaddr_storage address;
    socklen_t length;
    unsigned int err;

    if (flags < 0) return WSAEINVAL;
    if ((err = address_to_linux(params->address, params->length, &address, &length))) return err;
    ret = getnameinfo((struct sockaddr *)&address, length, (char *)(uintptr_t)params->host, params->host_size,
                      (char *)(uintptr_t)params->service, params->service_size, flags);
    return ret ? wsa_from_eai(ret) : 0;
}

unsigned int unix_getservice(void *args)
{
    struct ws2host_getservice_params *params = args;
    const char *protocol = params->protocol[0] ? params->protocol : NULL;
    struct servent entry, *found = NULL;
    char buffer[1024];

    if (params->by_name)
    {
        params->name[sizeof(params->name) - 1] = 0;
        getservbyname_r(params->name, protocol, &entry, buffer, sizeof(buffer), &found);
    }
    else getservbyport_r(params->port, protocol, &entry, buffer, sizeof(buffer), &found);
    if (!found) return WSANO_DATA;
    snprintf(params->name, sizeof(params->name), "%s", found->s_name);
    snprintf(params->protocol, sizeof(params->protocol), "%s", found->s_proto);
    params->port = found->s_port;
    return 0;
}
