/*
 * Name services through the host's resolver: getaddrinfo (WS2_32.128),
 * GetAddrInfoW (30), freeaddrinfo (127), FreeAddrInfoW (26),
 * getnameinfo (129), GetNameInfoW (32), gethostname (57), GetHostNameW (31),
 * GetAddrInfoExW (29), FreeAddrInfoEx (24), FreeAddrInfoExW (25).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The getaddrinfo family returns its error and also leaves it as the
 * last error. Each result node is one heap block (node, address and, on
 * the first node, the canonical name), which freeaddrinfo releases.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"
#include "addrtext.h"

/* ADDRINFOA and ADDRINFOW differ only in ai_canonname's type. */
C_ASSERT(sizeof(ADDRINFOA) == sizeof(ADDRINFOW));
C_ASSERT(offsetof(ADDRINFOA, ai_next) == offsetof(ADDRINFOW, ai_next));

#ifndef AI_DNS_ONLY
#define AI_DNS_ONLY 0x0010
#endif

/* Flags that pick among Windows' name-space providers or steer its DNS
 * client: the host has one resolver, so they are accepted and change
 * nothing (protocol.c test_getaddrinfo asks with AI_DNS_ONLY). */
#define PROVIDER_FLAGS (AI_DNS_ONLY | AI_NON_AUTHORITATIVE | AI_SECURE | AI_RETURN_PREFERRED_NAMES | \
                        AI_FILESERVER | AI_DISABLE_IDN_ENCODING)

static int resolve(const char *node, const char *service, const ADDRINFOA *hints,
                   struct ws2host_getaddrinfo_params *params)
{
    int err;

    memset(params, 0, sizeof(*params));
    params->node = (ULONG_PTR)node;
    params->service = (ULONG_PTR)service;
    if (hints)
    {
        params->flags = hints->ai_flags & ~PROVIDER_FLAGS;
        params->family = hints->ai_family;
        params->socktype = hints->ai_socktype;
        params->protocol = hints->ai_protocol;
    }
    params->size = 4096;
    for (int attempt = 0; attempt < 2; attempt++)
    {
        if (!(params->buffer = (ULONG_PTR)malloc(params->size))) return WSA_NOT_ENOUGH_MEMORY;
        if ((err = ws_unix_call(ws2host_call_getaddrinfo, params)) != WSAENOBUFS) return err;
        free((void *)(ULONG_PTR)params->buffer);
        params->buffer = 0;
        params->size = params->needed;
    }
    return WSANO_RECOVERY;
}

/* The chain for the packed results: ADDRINFOA or, with wide, ADDRINFOW.
 * Windows hands back no flags (protocol.c test_getaddrinfo: AI_ALL |
 * AI_DNS_ONLY asked, ai_flags 0). */
static int build_chain(const struct ws2host_getaddrinfo_params *params, BOOL wide, ADDRINFOA **out)
{
    const struct ws2host_address_entry *entries = (const void *)(ULONG_PTR)params->buffer;
    const char *canonname = params->canonname_offset >= 0 ? (const char *)entries + params->canonname_offset : NULL;
    ADDRINFOA *head = NULL, **tail = &head;

    for (int i = 0; i < params->count; i++)
    {
        int name_size = 0;
        ADDRINFOA *ai;
        char *extra;

        if (!i && canonname)
            name_size = wide ? MultiByteToWideChar(CP_UTF8, 0, canonname, -1, NULL, 0) * (int)sizeof(WCHAR)
                             : (int)strlen(canonname) + 1;
        if (!(ai = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*ai) + entries[i].address_length + name_size)))
        {
            freeaddrinfo(head);
            return WSA_NOT_ENOUGH_MEMORY;
        }
        extra = (char *)(ai + 1);
        ai->ai_family = entries[i].family;
        ai->ai_socktype = entries[i].socktype;
        ai->ai_protocol = entries[i].protocol;
        ai->ai_addrlen = entries[i].address_length;
        ai->ai_addr = (struct sockaddr *)extra;
        memcpy(extra, entries[i].address, entries[i].address_length);
        if (name_size)
        {
            ai->ai_canonname = extra + entries[i].address_length;
            if (wide) MultiByteToWideChar(CP_UTF8, 0, canonname, -1, (WCHAR *)ai->ai_canonname, name_size / sizeof(WCHAR));
            else memcpy(ai->ai_canonname, canonname, name_size);
        }
        *tail = ai;
        tail = &ai->ai_next;
    }
    *out = head;
    return 0;
}

static int host_name(char *buffer, int size);

/* "[v6]" and "[v6]:port" name the address inside (protocol.c
 * test_getaddrinfo; Wine's wininet passes URL hosts that way). */
static void strip_brackets(char *node)
{
    char *close = strchr(node, ']');
    const char *end;
    uint8_t address[16];

    if (node[0] != '[' || !close || (close[1] && close[1] != ':')) return;
    *close = 0;
    if (!ipv6_parse(node + 1, &end, address) && (!*end || *end == '%')) memmove(node, node + 1, close - node);
    else *close = ']';
}

static char *utf8_from_wide(const WCHAR *text)
{
    int size;
    char *out;

    if (!text) return NULL;
    size = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
    if (!(out = malloc(size))) return NULL;
    WideCharToMultiByte(CP_UTF8, 0, text, -1, out, size, NULL, NULL);
    return out;
}

static BOOL is_ascii(const WCHAR *text)
{
    for (; *text; text++)
        if (*text >= 0x80) return FALSE;
    return TRUE;
}

/* The host name for the Linux side, UTF-8, in *out. Windows 8 and later
 * look a non-ASCII name up by its IDNA (punycode) form; with
 * AI_DISABLE_IDN_ENCODING such a name is not found (protocol.c
 * test_GetAddrInfoW), as no DNS server has it. An empty name is the
 * local host, as the computer's name is (test_getaddrinfo). */
static int node_for_lookup(const WCHAR *node, int flags, char **out)
{
    WCHAR ascii[256];           /* a DNS name has at most 255 characters */
    char local[256];

    *out = NULL;
    if (!node) return 0;
    if (!*node)
    {
        if (host_name(local, sizeof(local))) return WSAHOST_NOT_FOUND;
        return (*out = strdup(local)) ? 0 : WSA_NOT_ENOUGH_MEMORY;
    }
    if (!is_ascii(node))
    {
        if (flags & AI_DISABLE_IDN_ENCODING) return WSAHOST_NOT_FOUND;
        if (!IdnToAscii(0, node, -1, ascii, ARRAYSIZE(ascii))) return WSAHOST_NOT_FOUND;
        node = ascii;
    }
    if (!(*out = utf8_from_wide(node))) return WSA_NOT_ENOUGH_MEMORY;
    strip_brackets(*out);
    return 0;
}

/* Both versions after their strings are wide: the checks in Windows'
 * order, then the lookup. string_error is what reading the caller's
 * strings gave (WSAEFAULT for one that cannot be read). */
static int lookup(const WCHAR *node, const WCHAR *service, const ADDRINFOA *hints, BOOL wide, ADDRINFOA **result,
                  int string_error, const void *caller)
{
    struct ws2host_getaddrinfo_params params;
    char *node_a = NULL, *service_a = NULL;
    int err;

    if (!ws_may_resolve(caller)) return WSANOTINITIALISED;
    if (!ws_writable(result, sizeof(*result))) return WSAEFAULT;
    *result = NULL;
    if (!node && !service) return WSAHOST_NOT_FOUND;
    if (hints && !ws_readable(hints, sizeof(*hints))) return WSAEFAULT;
    if (string_error) return string_error;
    if (!(err = node_for_lookup(node, hints ? hints->ai_flags : 0, &node_a)) && service &&
        !(service_a = utf8_from_wide(service)))
        err = WSA_NOT_ENOUGH_MEMORY;
    if (!err)
    {
        err = resolve(node_a, service_a, hints, &params);
        if (!err) err = build_chain(&params, wide, result);
        free((void *)(ULONG_PTR)params.buffer);
    }
    free(node_a);
    free(service_a);
    return err;
}

static int report(int err)
{
    SetLastError(err);
    return err;
}

/* The caller's ANSI string as WCHAR in *out: 0, WSAEFAULT for one that
 * cannot be read, or WSA_NOT_ENOUGH_MEMORY. */
static int wide_from_ansi(const char *text, WCHAR **out)
{
    int size;

    *out = NULL;
    if (!text) return 0;
    if (!ws_readable_string(text)) return WSAEFAULT;
    size = MultiByteToWideChar(CP_ACP, 0, text, -1, NULL, 0);
    if (!(*out = malloc(size * sizeof(WCHAR)))) return WSA_NOT_ENOUGH_MEMORY;
    MultiByteToWideChar(CP_ACP, 0, text, -1, *out, size);
    return 0;
}

int WINAPI getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **result)
{
    WCHAR *node_w, *service_w;
    int err;

    TRACE("node %s, service %s, hints %p, result %p\n", ws_readable_string(node) ? node : "(null or bad)",
          ws_readable_string(service) ? service : "(null or bad)", hints, result);
    if (!(err = wide_from_ansi(node, &node_w))) err = wide_from_ansi(service, &service_w);
    else service_w = NULL;
    err = lookup(node ? node_w ? node_w : L"" : NULL, service ? service_w ? service_w : L"" : NULL, hints, FALSE,
                 result, err, __builtin_return_address(0));
    free(node_w);
    free(service_w);
    return report(err);
}

void WINAPI freeaddrinfo(struct addrinfo *info)
{
    while (info)
    {
        struct addrinfo *next = info->ai_next;
        HeapFree(GetProcessHeap(), 0, info);
        info = next;
    }
}

int WINAPI GetAddrInfoW(const WCHAR *node, const WCHAR *service, const ADDRINFOW *hints, ADDRINFOW **result)
{
    int string_error = 0;

    TRACE("node %p, service %p, hints %p, result %p\n", node, service, hints, result);
    if ((node && !ws_readable_wstring(node)) || (service && !ws_readable_wstring(service))) string_error = WSAEFAULT;
    /* lookup reads the strings only when string_error is 0. */
    return report(lookup(node, service, (const ADDRINFOA *)hints, TRUE, (ADDRINFOA **)result, string_error,
                         __builtin_return_address(0)));
}

void WINAPI FreeAddrInfoW(ADDRINFOW *info)
{
    freeaddrinfo((struct addrinfo *)info);
}

/* The ADDRINFOEXW chain for an ADDRINFOW one (one heap block per node). */
static int extend_chain(const ADDRINFOW *chain, ADDRINFOEXW **out)
{
    ADDRINFOEXW *head = NULL, **tail = &head;

    for (const ADDRINFOW *ai = chain; ai; ai = ai->ai_next)
    {
        size_t name_size = ai->ai_canonname ? (wcslen(ai->ai_canonname) + 1) * sizeof(WCHAR) : 0;
        ADDRINFOEXW *ex = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*ex) + ai->ai_addrlen + name_size);

        if (!ex)
        {
            FreeAddrInfoExW(head);
            return WSA_NOT_ENOUGH_MEMORY;
        }
        ex->ai_flags = ai->ai_flags;
        ex->ai_family = ai->ai_family;
        ex->ai_socktype = ai->ai_socktype;
        ex->ai_protocol = ai->ai_protocol;
        ex->ai_addrlen = ai->ai_addrlen;
        ex->ai_addr = (struct sockaddr *)(ex + 1);
        memcpy(ex + 1, ai->ai_addr, ai->ai_addrlen);
        if (name_size)
        {
            WCHAR *canonname = (WCHAR *)((char *)(ex + 1) + ai->ai_addrlen);

            memcpy(canonname, ai->ai_canonname, name_size);
            ex->ai_canonname = canonname;
        }
        *tail = ex;
        /* MinGW declares ai_next with another struct tag: same layout. */
        tail = (ADDRINFOEXW **)&ex->ai_next;
    }
    *out = head;
    return 0;
}

/* Lookups in the default name spaces; with an OVERLAPPED the query runs
 * in the background (resolveasync.c). A timeout is not supported yet. */
int WINAPI GetAddrInfoExW(const WCHAR *name, const WCHAR *service, DWORD namespace, GUID *provider,
                          const ADDRINFOEXW *hints, ADDRINFOEXW **result, struct timeval *timeout,
                          OVERLAPPED *overlapped, LPLOOKUPSERVICE_COMPLETION_ROUTINE completion, HANDLE *handle)
{
    ADDRINFOW plain_hints = { 0 }, *chain = NULL;
    int err;

    TRACE("name %p, service %p, namespace %lu, hints %p, result %p, overlapped %p\n", name, service, namespace,
          hints, result, overlapped);
    if (timeout)
    {
        FIXME_ONCE("GetAddrInfoExW with a timeout is not supported\n");
        return report(WSAEOPNOTSUPP);
    }
    if (!ws_is_started()) return report(WSANOTINITIALISED);
    if (namespace != NS_ALL && namespace != NS_DNS) return report(WSAEINVAL);
    if (provider) FIXME_ONCE("name space provider ids are ignored\n");
    if (!ws_writable(result, sizeof(*result))) return report(WSAEFAULT);
    if (hints && !ws_readable(hints, sizeof(*hints))) return report(WSAEFAULT);
    if (overlapped) return report(ws_getaddrinfoex_async(name, service, hints, result, overlapped, completion, handle));
    if (completion) return report(WSAEINVAL);
    *result = NULL;
    if (hints)
    {
        plain_hints.ai_flags = hints->ai_flags;
        plain_hints.ai_family = hints->ai_family;
        plain_hints.ai_socktype = hints->ai_socktype;
        plain_hints.ai_protocol = hints->ai_protocol;
    }
    if ((err = GetAddrInfoW(name, service, hints ? &plain_hints : NULL, &chain))) return report(err);
    err = extend_chain(chain, result);
    FreeAddrInfoW(chain);
    return report(err);
}

void WINAPI FreeAddrInfoExW(ADDRINFOEXW *info)
{
    while (info)
    {
        ADDRINFOEXW *next = (ADDRINFOEXW *)info->ai_next;
        HeapFree(GetProcessHeap(), 0, info);
        info = next;
    }
}

void WINAPI FreeAddrInfoEx(ADDRINFOEXA *info)
{
    FreeAddrInfoExW((ADDRINFOEXW *)info);
}

static int name_info(const struct sockaddr *address, socklen_t length, char *host, DWORD host_size,
                     char *service, DWORD service_size, int flags, const void *caller)
{
    struct ws2host_getnameinfo_params params = { .flags = flags };

    if (!ws_may_resolve(caller)) return WSANOTINITIALISED;
    if (!ws_readable(address, sizeof(address->sa_family)) || length <= 0 || length > (int)sizeof(params.address) ||
        !ws_readable(address, length))
        return WSAEFAULT;
    if ((host && !ws_writable(host, host_size)) || (service && !ws_writable(service, service_size))) return WSAEFAULT;
    if (!host && !service) return WSAHOST_NOT_FOUND;
    /* Documented (EAI_BADFLAGS): asked for, with no room at all. */
    if ((host && !host_size) || (service && !service_size)) return WSAEINVAL;
    /* A length that does not fit the family is EAI_FAMILY, as documented. */
    if ((address->sa_family == AF_INET && length < (int)sizeof(SOCKADDR_IN)) ||
        (address->sa_family == AF_INET6 && length < (int)sizeof(SOCKADDR_IN6)))
        return WSAEAFNOSUPPORT;
    memcpy(params.address, address, length);
    params.length = length;
    params.host = (ULONG_PTR)host;
    params.host_size = host ? host_size : 0;
    params.service = (ULONG_PTR)service;
    params.service_size = service ? service_size : 0;
    return ws_unix_call(ws2host_call_getnameinfo, &params);
}

int WINAPI getnameinfo(const struct sockaddr *address, socklen_t length, char *host, DWORD host_size,
                       char *service, DWORD service_size, int flags)
{
    TRACE("address %p, length %d, host %p/%lu, service %p/%lu, flags %#x\n", address, length, host, host_size,
          service, service_size, flags);
    return report(name_info(address, length, host, host_size, service, service_size, flags,
                            __builtin_return_address(0)));
}

int WINAPI GetNameInfoW(const SOCKADDR *address, socklen_t length, WCHAR *host, DWORD host_size,
                        WCHAR *service, DWORD service_size, int flags)
{
    char host_a[NI_MAXHOST], service_a[NI_MAXSERV];
    int err;

    TRACE("address %p, length %d, host %p/%lu, service %p/%lu, flags %#x\n", address, length, host, host_size,
          service, service_size, flags);
    /* The answer is made in local buffers: check the caller's first. */
    if ((host && host_size > INT_MAX / sizeof(WCHAR)) || (service && service_size > INT_MAX / sizeof(WCHAR)) ||
        (host && !ws_writable(host, host_size * sizeof(WCHAR))) ||
        (service && !ws_writable(service, service_size * sizeof(WCHAR))))
        return report(WSAEFAULT);
    /* A size of 0 stays 0 (an error); otherwise whether the name fits is
     * known once it is converted. */
    err = name_info(address, length, host ? host_a : NULL, host && host_size ? sizeof(host_a) : 0,
                    service ? service_a : NULL, service && service_size ? sizeof(service_a) : 0, flags,
                    __builtin_return_address(0));
    if (!err && host && !MultiByteToWideChar(CP_UTF8, 0, host_a, -1, host, host_size)) err = WSAEFAULT;
    if (!err && service && !MultiByteToWideChar(CP_UTF8, 0, service_a, -1, service, service_size)) err = WSAEFAULT;
    return report(err);
}

static int host_name(char *buffer, int size)
{
    struct ws2host_gethostname_params params = { .buffer = (ULONG_PTR)buffer, .size = size };

    if (!ws_is_started()) return WSANOTINITIALISED;
    return ws_unix_call(ws2host_call_gethostname, &params);
}

int WINAPI gethostname(char *name, int namelen)
{
    char buffer[256];
    int err;

    TRACE("name %p, namelen %d\n", name, namelen);
    if ((err = host_name(buffer, sizeof(buffer)))) return ws_fail(err);
    if (namelen <= (int)strlen(buffer) || !ws_writable(name, strlen(buffer) + 1)) return ws_fail(WSAEFAULT);
    strcpy(name, buffer);
    SetLastError(0);
    return 0;
}

int WINAPI GetHostNameW(WCHAR *name, int namelen)
{
    char buffer[256];
    int err, needed;

    TRACE("name %p, namelen %d\n", name, namelen);
    if ((err = host_name(buffer, sizeof(buffer)))) return ws_fail(err);
    needed = MultiByteToWideChar(CP_UTF8, 0, buffer, -1, NULL, 0);
    if (namelen < needed || !ws_writable(name, needed * sizeof(WCHAR))) return ws_fail(WSAEFAULT);
    MultiByteToWideChar(CP_UTF8, 0, buffer, -1, name, namelen);
    SetLastError(0);
    return 0;
}
