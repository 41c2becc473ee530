/*
 * Socket creation and destruction: socket (WS2_32.23), WSASocketA/W
 * (WS2_32.94/95), closesocket (WS2_32.3).
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "ws2_32_private.h"
#include "catalog.h"
#include "ws2host/afd.h"

/* What Windows grants on a socket handle (winetest/attribute.c). */
#define SOCKET_ACCESS (FILE_GENERIC_READ | FILE_GENERIC_WRITE | WRITE_DAC)


struct creation
{
    int af, type, protocol;
    const WSAPROTOCOL_INFOW *info;
    GROUP group;
    DWORD flags;
    int opentype;
};

static BOOL has_security_privilege(void)
{
    PRIVILEGE_SET privileges = { .PrivilegeCount = 1, .Control = PRIVILEGE_SET_ALL_NECESSARY };
    BOOL enabled = FALSE;
    HANDLE token;

    if (!LookupPrivilegeValueW(NULL, L"SeSecurityPrivilege", &privileges.Privilege[0].Luid)) return FALSE;
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token) &&
        !OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return FALSE;
    if (!PrivilegeCheck(token, &privileges, &enabled)) enabled = FALSE;
    CloseHandle(token);
    return enabled;
}

/* The flags the provider cannot honour, and those that need more than
 * the provider's say. */
static int check_flags(const struct ws_catalog_entry *entry, DWORD flags)
{
    int err;

    if ((err = catalog_check_flags(entry, flags))) return err;
    /* Windows: "WSASocket will fail" without SE_SECURITY_NAME enabled. */
    if ((flags & WSA_FLAG_ACCESS_SYSTEM_SECURITY) && !has_security_privilege()) return WSAEACCES;
    if (flags & WSA_FLAG_REGISTERED_IO)
        FIXME_ONCE("WSA_FLAG_REGISTERED_IO: registered I/O functions are not available\n");
    return 0;
}

static void record_state(struct ws_socket_info *state, const struct ws_selection *selection,
                         const struct creation *c)
{
    memset(state, 0, sizeof(*state));
    state->family = selection->family;
    state->type = selection->type;
    state->protocol = selection->protocol;
    state->catalog_id = selection->entry->catalog_id;
    state->flags = c->flags;
    state->overlapped = !!(c->flags & WSA_FLAG_OVERLAPPED);
    state->opentype = c->opentype;
    state->v6only = 1;      /* what AF_INET sockets report for IPV6_V6ONLY */
    state->wait_key = ws_new_wait_key();
}

/* A socket made from WSADuplicateSocket's info: the handle is already in
 * this process; it becomes a socket here once, and only once. */
static int take_duplicate(const struct creation *c, SOCKET *out)
{
    SOCKET s = (SOCKET)(ULONG_PTR)c->info->dwProviderReserved;
    struct ws_socket_info state;
    struct ws_call duplicated;      /* verified without an fd: it holds none */
    DWORD inherit;

    if (!socket_table_lookup(s, &state) && !state.adopted)
    {
        WARN("protocol info for %#llx was already used\n", (ULONGLONG)s);
        return WSAEINVAL;
    }
    if (ws_call_begin(&duplicated, s, WS_CALL_VERIFIED)) return WSAEINVAL;
    state = duplicated.info;
    state.flags = c->flags;
    state.overlapped = !!(c->flags & WSA_FLAG_OVERLAPPED);
    state.opentype = c->opentype;
    state.adopted = 0;
    state.duplicated = 1;   /* the origin may still hold the object */
    state.wait_key = ws_new_wait_key();
    if (catalog_find_id(c->info->dwCatalogEntryId)) state.catalog_id = c->info->dwCatalogEntryId;
    if (socket_table_insert(s, &state)) return WSAENOBUFS;
    inherit = (c->flags & WSA_FLAG_NO_HANDLE_INHERIT) ? 0 : HANDLE_FLAG_INHERIT;
    SetHandleInformation((HANDLE)s, HANDLE_FLAG_INHERIT, inherit);
    *out = s;
    return 0;
}

static int make_socket(struct creation *c, SOCKET *out)
{
    struct ws_afd_create create;
    struct ws_selection selection;
    struct ws_socket_info state;
    HANDLE handle;
    int err;

    if (c->info)
    {
        if (!ws_readable(c->info, sizeof(*c->info))) return WSAEFAULT;
        if (c->info->dwServiceFlags4 == DUPLICATE_MARK) return take_duplicate(c, out);
        /* The info names the provider; Windows refuses one it does not have. */
        if (!catalog_find_id(c->info->dwCatalogEntryId)) return WSAEINVAL;
        if (c->af == FROM_PROTOCOL_INFO || !c->af) c->af = c->info->iAddressFamily;
        if (c->type == FROM_PROTOCOL_INFO || !c->type) c->type = c->info->iSocketType;
        if (c->protocol == FROM_PROTOCOL_INFO || !c->protocol) c->protocol = c->info->iProtocol;
    }
    if ((err = catalog_select(c->af, c->type, c->protocol, c->info != NULL, &selection))) return err;
    if (c->group)
    {
        FIXME_ONCE("socket groups (g %#x) are not supported\n", c->group);
        return WSAEINVAL;
    }
    if ((err = check_flags(selection.entry, c->flags))) return err;

    /* Wine's server applies Windows' creation defaults (IPV6_V6ONLY,
     * don't-fragment, Linux SO_REUSEADDR on TCP) before the socket can
     * be seen. Linux refuses protocol 0 on raw sockets: IPPROTO_RAW is
     * the nearest. */
    create.family = selection.family;
    create.type = selection.type;
    create.protocol = selection.type == SOCK_RAW && !selection.protocol ? IPPROTO_RAW : selection.protocol;
    create.flags = c->flags & ~(WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    err = ws_afd_create(&create, !!(c->flags & WSA_FLAG_OVERLAPPED), c->opentype,
                        SOCKET_ACCESS | SYNCHRONIZE |
                            ((c->flags & WSA_FLAG_ACCESS_SYSTEM_SECURITY) ? ACCESS_SYSTEM_SECURITY : 0),
                        !(c->flags & WSA_FLAG_NO_HANDLE_INHERIT), &handle);
    if (err)
    {
        if (err == WSAEACCES)
            DIAG("raw sockets need CAP_NET_RAW for this process (family %d, protocol %d)\n",
                 selection.family, selection.protocol);
        if (err == WSAEMFILE) DIAG("out of file descriptors: raise `ulimit -n`\n");
        if (err == WSAEPROTONOSUPPORT && selection.type == SOCK_RAW)
            FIXME_ONCE("Wine's server makes no raw sockets of protocol %d\n", selection.protocol);
        return err;
    }

    record_state(&state, &selection, c);
    if (socket_table_insert((ULONG_PTR)handle, &state))
    {
        CloseHandle(handle);
        return WSAENOBUFS;
    }
    *out = (SOCKET)handle;
    return 0;
}

static SOCKET create_and_report(int af, int type, int protocol, const WSAPROTOCOL_INFOW *info,
                                GROUP group, DWORD flags, int opentype)
{
    struct creation c = { af, type, protocol, info, group, flags, opentype };
    SOCKET s = INVALID_SOCKET;
    struct ws_call call;
    int err;

    if (!(err = ws_call_begin(&call, INVALID_SOCKET, WS_CALL_STARTED))) err = make_socket(&c, &s);
    if (err) TRACE("failed, error %d\n", err);
    else TRACE("returning %#llx\n", (ULONGLONG)s);
    return ws_call_end_socket(&call, err, s);
}

/***********************************************************************
 *      WSASocketW (WS2_32.95)
 */
SOCKET WINAPI WSASocketW(int af, int type, int protocol, WSAPROTOCOL_INFOW *info,
                         GROUP group, DWORD flags)
{
    TRACE("af %d, type %d, protocol %d, info %p, group %#x, flags %#lx\n",
          af, type, protocol, info, group, flags);
    return create_and_report(af, type, protocol, info, group, flags, 0);
}

/***********************************************************************
 *      WSASocketA (WS2_32.94)
 */
SOCKET WINAPI WSASocketA(int af, int type, int protocol, WSAPROTOCOL_INFOA *info,
                         GROUP group, DWORD flags)
{
    WSAPROTOCOL_INFOW info_w;
    struct ws_call call;

    TRACE("af %d, type %d, protocol %d, info %p, group %#x, flags %#lx\n",
          af, type, protocol, info, group, flags);
    if (!info) return create_and_report(af, type, protocol, NULL, group, flags, 0);
    /* These come before WSAStartup's check; the creation has its frame. */
    ws_call_begin(&call, INVALID_SOCKET, WS_CALL_NOTHING);
    if (!ws_readable(info, sizeof(*info))) return ws_call_end_socket(&call, WSAEFAULT, INVALID_SOCKET);

    /* The structures agree up to szProtocol. */
    memcpy(&info_w, info, offsetof(WSAPROTOCOL_INFOA, szProtocol));
    if (!MultiByteToWideChar(CP_ACP, 0, info->szProtocol, -1, info_w.szProtocol,
                             ARRAYSIZE(info_w.szProtocol)))
        return ws_call_end_socket(&call, WSAEINVAL, INVALID_SOCKET);
    return create_and_report(af, type, protocol, &info_w, group, flags, 0);
}

/***********************************************************************
 *      socket (WS2_32.23)
 *
 * Overlapped unless this thread's SO_OPENTYPE says otherwise.
 */
SOCKET WINAPI socket(int af, int type, int protocol)
{
    int opentype = ws_thread_opentype();

    TRACE("af %d, type %d, protocol %d, opentype %#x\n", af, type, protocol, opentype);
    return create_and_report(af, type, protocol, NULL, 0,
                             opentype ? 0 : WSA_FLAG_OVERLAPPED, opentype);
}

/***********************************************************************
 *      closesocket (WS2_32.3)
 */
int WINAPI closesocket(SOCKET s)
{
    struct ws_call call;
    struct ws_socket_info removed;
    int err;

    TRACE("socket %#llx\n", (ULONGLONG)s);
    /* A handle that is not one of our sockets is refused and left open.
     * Success leaves the last error, as Wine's builtin does. */
    if ((err = ws_call_begin(&call, s, WS_CALL_SOCKET_OBJECT | WS_CALL_KEEP_ERROR))) return ws_call_end(&call, err);
    /* The removed entry is the latest: an operation issued meanwhile counts. */
    if (!socket_table_remove(s, &removed)) call.info = removed;
    ws_bind_forget(s);
    ws_cancel_waiters(call.info.wait_key);
    ws_cancel_before_close(s, &call.info);
    ws_close_held(s, &call.info);
    return ws_call_end(&call, CloseHandle((HANDLE)s) ? 0 : WSAENOTSOCK);
}
