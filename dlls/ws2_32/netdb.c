/*
 * The Winsock 1 database functions: getprotobyname (WS2_32.53),
 * getprotobynumber (54), gethostbyname (52), gethostbyaddr (51),
 * getservbyname (55), getservbyport (56). Each
 * returns a structure in a buffer of the calling thread's, valid until
 * that thread's next call, as on Windows.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"

/* Windows' own protocol database (%SystemRoot%\system32\drivers\etc\protocol). */
static const struct
{
    const char *name;
    int number;
    const char *alias;
}
protocols[] =
{
    { "ip", 0, "IP" },          { "icmp", 1, "ICMP" },          { "ggp", 3, "GGP" },
    { "tcp", 6, "TCP" },        { "egp", 8, "EGP" },            { "pup", 12, "PUP" },
    { "udp", 17, "UDP" },       { "hmp", 20, "HMP" },           { "xns-idp", 22, "XNS-IDP" },
    { "rdp", 27, "RDP" },       { "ipv6", 41, "IPv6" },         { "ipv6-route", 43, "IPv6-Route" },
    { "ipv6-frag", 44, "IPv6-Frag" }, { "esp", 50, "ESP" },     { "ah", 51, "AH" },
    { "ipv6-icmp", 58, "IPv6-ICMP" }, { "ipv6-nonxt", 59, "IPv6-NoNxt" },
    { "ipv6-opts", 60, "IPv6-Opts" }, { "rvd", 66, "RVD" },
};

static void *fail_null(int error)
{
    SetLastError(error);
    return NULL;
}

static struct protoent *fill_protoent(size_t index)
{
    struct ws_thread *thread = ws_thread_get();

    if (!thread) return fail_null(WSAENOBUFS);
    thread->proto_aliases[0] = (char *)protocols[index].alias;
    thread->proto_aliases[1] = NULL;
    thread->proto.p_name = (char *)protocols[index].name;
    thread->proto.p_aliases = thread->proto_aliases;
    thread->proto.p_proto = (short)protocols[index].number;
    return &thread->proto;
}

struct protoent * WINAPI getprotobyname(const char *name)
{
    TRACE("name %s\n", ws_readable_string(name) ? name : "(bad)");
    if (!ws_is_started()) return fail_null(WSANOTINITIALISED);
    if (!ws_readable_string(name)) return fail_null(WSAEFAULT);
    for (size_t i = 0; i < ARRAYSIZE(protocols); i++)
        if (!_stricmp(protocols[i].name, name) || !_stricmp(protocols[i].alias, name)) return fill_protoent(i);
    SetLastError(WSANO_DATA);
    return NULL;
}

struct protoent * WINAPI getprotobynumber(int number)
{
    TRACE("number %d\n", number);
    if (!ws_is_started()) return fail_null(WSANOTINITIALISED);
    for (size_t i = 0; i < ARRAYSIZE(protocols); i++)
        if (protocols[i].number == number) return fill_protoent(i);
    SetLastError(WSANO_DATA);
    return NULL;
}

/* A hostent for IPv4 addresses, in the thread's buffer, each part right
 * after the one before. */
static struct hostent *fill_hostent(const char *name, const ADDRINFOA *addresses, const struct in_addr *single)
{
    struct ws_thread *thread = ws_thread_get();
    struct in_addr found[WS_MAX_HOST_ADDRESSES];
    struct hostent *host;
    char **aliases, **list, *end;
    struct in_addr *stored;
    int count = 0;

    if (!thread) return fail_null(WSAENOBUFS);
    if (single) found[count++] = *single;
    for (const ADDRINFOA *ai = addresses; ai && count < WS_MAX_HOST_ADDRESSES; ai = ai->ai_next)
        if (ai->ai_family == AF_INET) found[count++] = ((SOCKADDR_IN *)ai->ai_addr)->sin_addr;
    host = &thread->host.host;
    aliases = (char **)(host + 1);
    aliases[0] = NULL;
    list = aliases + 1;
    stored = (struct in_addr *)(list + count + 1);
    for (int i = 0; i < count; i++)
    {
        stored[i] = found[i];
        list[i] = (char *)&stored[i];
    }
    list[count] = NULL;
    end = thread->host.bytes + sizeof(thread->host.bytes);
    lstrcpynA((char *)(stored + count), name, end - (char *)(stored + count));
    host->h_name = (char *)(stored + count);
    host->h_aliases = aliases;
    host->h_addrtype = AF_INET;
    host->h_length = sizeof(struct in_addr);
    host->h_addr_list = list;
    SetLastError(0);
    return host;
}

struct hostent * WINAPI gethostbyname(const char *name)
{
    ADDRINFOA hints = { .ai_flags = AI_CANONNAME, .ai_family = AF_INET, .ai_socktype = SOCK_STREAM }, *result;
    char local[256];
    struct hostent *host;
    int err;

    TRACE("name %s\n", ws_readable_string(name) ? name : "(bad)");
    if (!ws_is_started()) return fail_null(WSANOTINITIALISED);
    if (name && !ws_readable_string(name)) return fail_null(WSAEFAULT);
    /* Windows: NULL (or "") names the local host. */
    if (!name || !*name)
    {
        if (gethostname(local, sizeof(local))) return NULL;
        name = local;
    }
    if ((err = getaddrinfo(name, NULL, &hints, &result)))
        return fail_null(err == WSAHOST_NOT_FOUND ? WSAHOST_NOT_FOUND : err);
    host = fill_hostent(result->ai_canonname ? result->ai_canonname : name, result, NULL);
    freeaddrinfo(result);
    return host;
}

struct hostent * WINAPI gethostbyaddr(const char *address, int length, int type)
{
    SOCKADDR_IN in = { .sin_family = AF_INET };
    char name[NI_MAXHOST];
    int err;

    TRACE("address %p, length %d, type %d\n", address, length, type);
    if (!ws_is_started()) return fail_null(WSANOTINITIALISED);
    if (type != AF_INET)
    {
        FIXME_ONCE("type %d not supported\n", type);
        return fail_null(WSAEAFNOSUPPORT);
    }
    if (length < (int)sizeof(in.sin_addr) || !ws_readable(address, sizeof(in.sin_addr)))
        return fail_null(WSAEFAULT);
    memcpy(&in.sin_addr, address, sizeof(in.sin_addr));
    if ((err = getnameinfo((struct sockaddr *)&in, sizeof(in), name, sizeof(name), NULL, 0, NI_NAMEREQD)))
        return fail_null(WSAHOST_NOT_FOUND);
    return fill_hostent(name, NULL, &in.sin_addr);
}

/* The host's services database answers; the result in the thread's buffer. */
static struct servent *service_lookup(struct ws2host_getservice_params *params)
{
    struct ws_thread *thread;
    int err;

    if ((err = ws_unix_call(ws2host_call_getservice, params))) return fail_null(err);
    if (!(thread = ws_thread_get())) return fail_null(WSAENOBUFS);
    memcpy(thread->service_name, params->name, sizeof(thread->service_name));
    memcpy(thread->service_protocol, params->protocol, sizeof(thread->service_protocol));
    thread->service_aliases[0] = NULL;
    thread->service.s_name = thread->service_name;
    thread->service.s_aliases = thread->service_aliases;
    thread->service.s_proto = thread->service_protocol;
    thread->service.s_port = (short)params->port;
    SetLastError(0);
    return &thread->service;
}

/* A name or protocol for the Linux side: 0, WSAEFAULT for one that
 * cannot be read, WSANO_DATA for one too long to be in the database. */
static int copy_text(char *out, size_t size, const char *text)
{
    if (!text) return 0;
    if (!ws_readable_string(text)) return WSAEFAULT;
    if (strlen(text) >= size) return WSANO_DATA;
    strcpy(out, text);
    return 0;
}

struct servent * WINAPI getservbyname(const char *name, const char *protocol)
{
    struct ws2host_getservice_params params = { .by_name = 1 };
    int err;

    TRACE("name %p, protocol %p\n", name, protocol);
    if (!ws_is_started()) return fail_null(WSANOTINITIALISED);
    if (!name) return fail_null(WSANO_DATA);
    if ((err = copy_text(params.name, sizeof(params.name), name)) ||
        (err = copy_text(params.protocol, sizeof(params.protocol), protocol)))
        return fail_null(err);
    return service_lookup(&params);
}

struct servent * WINAPI getservbyport(int port, const char *protocol)
{
    struct ws2host_getservice_params params = { .port = port };
    int err;

    TRACE("port %d, protocol %p\n", ntohs(port), protocol);
    if (!ws_is_started()) return fail_null(WSANOTINITIALISED);
    if ((err = copy_text(params.protocol, sizeof(params.protocol), protocol))) return fail_null(err);
    return service_lookup(&params);
}
