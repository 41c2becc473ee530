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

/* What Windows grants on a socket handle (winetest: handle access). */
#define SOCKET_ACCESS (FILE_GENERIC_READ | FILE_GENERIC_WRITE | WRITE_DAC)
#define WS_OBJ_INHERIT 0x00000002

/* Flags with a meaning we implement; the rest fail until they have one. */
#define SUPPORTED_FLAGS (WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT)

static int make_socket(int af, int type, int protocol, const WSAPROTOCOL_INFOW *info,
                       GROUP group, DWORD flags, int opentype, SOCKET *out)
{
    struct ws2host_socket_create_params create;
    struct ws_selection selection;
    struct ws_socket_info state;
    HANDLE handle;
    LONG status;
    int err;

    if (!ws_is_started()) return WSANOTINITIALISED;
    if (info)
    {
        if (!ws_readable(info, sizeof(*info))) return WSAEFAULT;
        if (af == FROM_PROTOCOL_INFO || !af) af = info->iAddressFamily;
        if (type == FROM_PROTOCOL_INFO || !type) type = info->iSocketType;
        if (protocol == FROM_PROTOCOL_INFO || !protocol) protocol = info->iProtocol;
    }
    if ((err = catalog_select(af, type, protocol, info != NULL, &selection))) return err;
    if (group)
    {
        FIXME_ONCE("socket groups (g %#x) are not supported\n", group);
        return WSAEINVAL;
    }
    if (flags & ~SUPPORTED_FLAGS)
    {
        FIXME_ONCE("dwFlags %#lx not supported\n", flags & ~SUPPORTED_FLAGS);
        return WSAEINVAL;
    }

    create.family = selection.family;
    create.type = selection.type;
    create.protocol = selection.protocol;
    if ((err = ws_unix_call(ws2host_call_socket_create, &create)))
    {
        if (err == WSAEACCES)
            DIAG("raw sockets need CAP_NET_RAW for this process (family %d, protocol %d)\n",
                 selection.family, selection.protocol);
        if (err == WSAEMFILE) DIAG("out of file descriptors: raise `ulimit -n`\n");
        return err;
    }

    status = wine.fd_to_handle(create.fd, SOCKET_ACCESS,
                               (flags & WSA_FLAG_NO_HANDLE_INHERIT) ? 0 : WS_OBJ_INHERIT, &handle);
    /* The wineserver keeps its own copy of the fd. */
    ws_unix_close_fd(create.fd);
    if (status)
    {
        WARN("wine_server_fd_to_handle failed, status %#lx\n", status);
        return WSAENOBUFS;
    }

    memset(&state, 0, sizeof(state));
    state.family = selection.family;
    state.type = selection.type;
    state.protocol = selection.protocol;
    state.catalog_id = selection.entry->catalog_id;
    state.flags = flags;
    state.overlapped = !!(flags & WSA_FLAG_OVERLAPPED);
    state.opentype = opentype;
    state.inode = create.inode;
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
    SOCKET s = INVALID_SOCKET;
    int err = make_socket(af, type, protocol, info, group, flags, opentype, &s);

    if (err)
    {
        TRACE("failed, error %d\n", err);
        return ws_fail_socket(err);
    }
    TRACE("returning %#llx\n", (ULONGLONG)s);
    SetLastError(0);
    return s;
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

    TRACE("af %d, type %d, protocol %d, info %p, group %#x, flags %#lx\n",
          af, type, protocol, info, group, flags);
    if (!info) return create_and_report(af, type, protocol, NULL, group, flags, 0);
    if (!ws_readable(info, sizeof(*info))) return ws_fail_socket(WSAEFAULT);

    /* The structures agree up to szProtocol. */
    memcpy(&info_w, info, offsetof(WSAPROTOCOL_INFOA, szProtocol));
    if (!MultiByteToWideChar(CP_ACP, 0, info->szProtocol, -1, info_w.szProtocol,
                             ARRAYSIZE(info_w.szProtocol)))
        return ws_fail_socket(WSAEINVAL);
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
    struct ws_socket_info info;
    int err;

    TRACE("socket %#llx\n", (ULONGLONG)s);
    if (!ws_is_started()) return ws_fail(WSANOTINITIALISED);
    /* A handle that is not one of our sockets is refused and left open. */
    if ((err = ws_socket_from_handle(s, &info, NULL))) return ws_fail(err);
    socket_table_remove(s, NULL);
    if (!CloseHandle((HANDLE)s)) return ws_fail(WSAENOTSOCK);
    return 0;
}
