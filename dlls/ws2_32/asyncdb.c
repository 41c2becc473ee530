/*
 * The Winsock 1 asynchronous database functions: WSAAsyncGetHostByAddr
 * (WS2_32.102), WSAAsyncGetHostByName (103), WSAAsyncGetProtoByNumber
 * (104), WSAAsyncGetProtoByName (105), WSAAsyncGetServByPort (106),
 * WSAAsyncGetServByName (107) and WSACancelAsyncRequest (108).
 *
 * As Microsoft documents them: the call returns a task handle at once
 * (its arguments are not checked then: protocol.c test_WSAAsyncGetServBy*,
 * run on Windows, starts one with no window and no buffer); the lookup
 * runs later, the synchronous function's answer is copied into the
 * caller's buffer as one packed structure (every pointer inside the
 * buffer), and the window gets the message with wParam the task handle
 * and lParam WSAMAKEASYNCREPLY(length, error). A buffer too small gets
 * WSAENOBUFS with the length it needs in the low word. A request
 * cancelled before it is answered writes nothing and posts nothing;
 * cancelling one answered already fails with WSAEALREADY, a handle never
 * given out with WSAEINVAL.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "ws2_32_private.h"

enum lookup
{
    HOST_BY_NAME,
    HOST_BY_ADDR,
    PROTO_BY_NAME,
    PROTO_BY_NUMBER,
    SERV_BY_NAME,
    SERV_BY_PORT,
};

struct request
{
    struct request *next;
    ULONG id;                   /* the task handle's value */
    BOOL cancelled;
    enum lookup lookup;
    HWND window;
    UINT message;
    char *buffer;
    int size;
    int error;                  /* an argument that could not be read: WSAEFAULT */
    int number;                 /* port, protocol number or address type */
    int length;                 /* of the address */
    char address[16];
    char *name, *protocol;      /* copies, or NULL */
};

static SRWLOCK lock = SRWLOCK_INIT;
static struct request *requests;    /* not answered yet */
static ULONG last_id;               /* under lock; ids are never reused */

/* PostMessageW, from user32, which a caller with a window has loaded. */
static BOOL post(HWND window, UINT message, WPARAM wparam, LPARAM lparam)
{
    static BOOL (WINAPI *post_message)(HWND, UINT, WPARAM, LPARAM);
    HMODULE user32;

    if (!post_message)
    {
        if (!(user32 = GetModuleHandleW(L"user32.dll")) && !(user32 = LoadLibraryW(L"user32.dll"))) return FALSE;
        post_message = (void *)GetProcAddress(user32, "PostMessageW");
        if (!post_message) return FALSE;
    }
    return post_message(window, message, wparam, lparam);
}

/* A caller's string, copied now: the lookup runs after the call returns. */
static int copy_argument(char **copy, const char *text)
{
    if (!text) return 0;
    if (!ws_readable_string(text)) return WSAEFAULT;
    return (*copy = _strdup(text)) ? 0 : WSAENOBUFS;
}

/*
 * Packing: a structure, then its pointer arrays, then what they point at,
 * as the synchronous functions lay theirs out (netdb.c). Every function
 * measures when `to` is NULL and writes otherwise.
 */
struct pack
{
    char *to;                   /* NULL: measure only */
    size_t used;
};

static void *reserve(struct pack *pack, size_t size)
{
    void *at = pack->to ? pack->to + pack->used : NULL;

    pack->used += size;
    return at;
}

static char *put_string(struct pack *pack, const char *text)
{
    size_t size = strlen(text) + 1;
    char *at = reserve(pack, size);

    if (at) memcpy(at, text, size);
    return at;
}

static size_t list_count(char **list)
{
    size_t count = 0;

    while (list && list[count]) count++;
    return count;
}

/* A NULL-terminated array for `count` entries. */
static char **put_array(struct pack *pack, size_t count)
{
    char **array = reserve(pack, (count + 1) * sizeof(char *));

    if (array) array[count] = NULL;
    return array;
}

static void put_strings(struct pack *pack, char **array, char **from, size_t count)
{
    for (size_t i = 0; i < count; i++)
    {
        char *at = put_string(pack, from[i]);

        if (array) array[i] = at;
    }
}

static void pack_hostent(struct pack *pack, const struct hostent *from)
{
    struct hostent *host = reserve(pack, sizeof(*host));
    size_t aliases = list_count(from->h_aliases), addresses = list_count(from->h_addr_list);
    char **alias_list = put_array(pack, aliases), **address_list = put_array(pack, addresses);

    for (size_t i = 0; i < addresses; i++)
    {
        char *at = reserve(pack, from->h_length);

        if (at) memcpy(at, from->h_addr_list[i], from->h_length);
        if (address_list) address_list[i] = at;
    }
    if (host)
    {
        host->h_name = put_string(pack, from->h_name);
        host->h_aliases = alias_list;
        host->h_addrtype = from->h_addrtype;
        host->h_length = from->h_length;
        host->h_addr_list = address_list;
    }
    else put_string(pack, from->h_name);
    put_strings(pack, alias_list, from->h_aliases, aliases);
}

static void pack_protoent(struct pack *pack, const struct protoent *from)
{
    struct protoent *proto = reserve(pack, sizeof(*proto));
    size_t aliases = list_count(from->p_aliases);
    char **alias_list = put_array(pack, aliases);
    char *name = put_string(pack, from->p_name);

    put_strings(pack, alias_list, from->p_aliases, aliases);
    if (!proto) return;
    proto->p_name = name;
    proto->p_aliases = alias_list;
    proto->p_proto = from->p_proto;
}

static void pack_servent(struct pack *pack, const struct servent *from)
{
    struct servent *service = reserve(pack, sizeof(*service));
    size_t aliases = list_count(from->s_aliases);
    char **alias_list = put_array(pack, aliases);
    char *name = put_string(pack, from->s_name), *protocol = put_string(pack, from->s_proto);

    put_strings(pack, alias_list, from->s_aliases, aliases);
    if (!service) return;
    service->s_name = name;
    service->s_aliases = alias_list;
    service->s_proto = protocol;
    service->s_port = from->s_port;
}

/* The synchronous lookup, on the pool thread: its result lives in this
 * thread's buffers until its next lookup. */
static const void *look_up(const struct request *request)
{
    switch (request->lookup)
    {
    case HOST_BY_NAME: return gethostbyname(request->name);
    case HOST_BY_ADDR: return gethostbyaddr(request->address, request->length, request->number);
    case PROTO_BY_NAME: return getprotobyname(request->name);
    case PROTO_BY_NUMBER: return getprotobynumber(request->number);
    case SERV_BY_NAME: return getservbyname(request->name, request->protocol);
    case SERV_BY_PORT: return getservbyport(request->number, request->protocol);
    }
    return NULL;
}

static void pack_result(const struct request *request, struct pack *pack, const void *result)
{
    switch (request->lookup)
    {
    case HOST_BY_NAME:
    case HOST_BY_ADDR: pack_hostent(pack, result); break;
    case PROTO_BY_NAME:
    case PROTO_BY_NUMBER: pack_protoent(pack, result); break;
    case SERV_BY_NAME:
    case SERV_BY_PORT: pack_servent(pack, result); break;
    }
}

static void free_request(struct request *request)
{
    free(request->name);
    free(request->protocol);
    free(request);
}

static void unlink_request(struct request *request)
{
    for (struct request **r = &requests; *r; r = &(*r)->next)
        if (*r == request)
        {
            *r = request->next;
            return;
        }
}

static void CALLBACK answer(PTP_CALLBACK_INSTANCE instance, void *context)
{
    struct request *request = context;
    struct pack pack = { NULL, 0 };
    const void *result = NULL;
    int error = request->error;
    BOOL cancelled;

    (void)instance;
    if (!error && !(result = look_up(request))) error = GetLastError();
    if (result) pack_result(request, &pack, result);

    /* Under the lock, so a cancel either comes first (nothing written,
     * nothing posted) or finds the request answered. */
    AcquireSRWLockExclusive(&lock);
    unlink_request(request);
    cancelled = request->cancelled;
    if (!cancelled && result)
    {
        if (pack.used > (size_t)(request->size > 0 ? request->size : 0)) error = WSAENOBUFS;
        else if (!ws_writable(request->buffer, pack.used)) error = WSAEFAULT;
        else
        {
            pack.to = request->buffer;
            pack.used = 0;
            pack_result(request, &pack, result);
        }
    }
    ReleaseSRWLockExclusive(&lock);

    TRACE("task %lu: error %d, length %u%s\n", request->id, error, (unsigned)pack.used, cancelled ? ", cancelled" : "");
    if (!cancelled)
        post(request->window, request->message, (WPARAM)(ULONG_PTR)request->id,
             WSAMAKEASYNCREPLY(pack.used > 0xffff ? 0xffff : pack.used, error));
    free_request(request);
}

/* Starts the lookup; takes the request. NULL and the last error when the
 * task cannot start. */
static HANDLE start(struct request *request, HWND window, UINT message, char *buffer, int size)
{
    ULONG id;

    request->window = window;
    request->message = message;
    request->buffer = buffer;
    request->size = size;
    AcquireSRWLockExclusive(&lock);
    if (!++last_id) ++last_id;      /* 0 is never a task handle */
    id = request->id = last_id;
    request->next = requests;
    requests = request;
    ReleaseSRWLockExclusive(&lock);

    if (!ws_run_in_pool(answer, request))
    {
        AcquireSRWLockExclusive(&lock);
        unlink_request(request);
        ReleaseSRWLockExclusive(&lock);
        free_request(request);
        SetLastError(WSAEWOULDBLOCK);   /* Microsoft: cannot be scheduled now */
        return NULL;
    }
    TRACE("task %lu started\n", id);
    return (HANDLE)(ULONG_PTR)id;
}

/* A new request, or NULL and the last error. */
static struct request *new_request(enum lookup lookup, const char *name, const char *protocol)
{
    struct request *request;
    int err;

    if (!ws_is_started())
    {
        SetLastError(WSANOTINITIALISED);
        return NULL;
    }
    if (!(request = calloc(1, sizeof(*request))))
    {
        SetLastError(WSAEWOULDBLOCK);
        return NULL;
    }
    request->lookup = lookup;
    /* An argument that cannot be read is the answer's WSAEFAULT. */
    if ((err = copy_argument(&request->name, name)) || (err = copy_argument(&request->protocol, protocol)))
    {
        if (err != WSAEFAULT)
        {
            free_request(request);
            SetLastError(WSAEWOULDBLOCK);
            return NULL;
        }
        request->error = err;
    }
    return request;
}

HANDLE WINAPI WSAAsyncGetHostByAddr(HWND window, u_int message, const char *address, int length, int type,
                                    char *buffer, int size)
{
    struct request *request;

    TRACE("window %p, message %#x, address %p, length %d, type %d, buffer %p, size %d\n", window, message, address,
          length, type, buffer, size);
    if (!(request = new_request(HOST_BY_ADDR, NULL, NULL))) return NULL;
    request->number = type;
    request->length = length;
    /* gethostbyaddr reads what its family needs; more is not kept. */
    if (length > 0 && !ws_readable(address, min(length, (int)sizeof(request->address)))) request->error = WSAEFAULT;
    else if (length > 0) memcpy(request->address, address, min(length, (int)sizeof(request->address)));
    return start(request, window, message, buffer, size);
}

HANDLE WINAPI WSAAsyncGetHostByName(HWND window, u_int message, const char *name, char *buffer, int size)
{
    struct request *request;

    TRACE("window %p, message %#x, name %p, buffer %p, size %d\n", window, message, name, buffer, size);
    if (!(request = new_request(HOST_BY_NAME, name, NULL))) return NULL;
    return start(request, window, message, buffer, size);
}

HANDLE WINAPI WSAAsyncGetProtoByNumber(HWND window, u_int message, int number, char *buffer, int size)
{
    struct request *request;

    TRACE("window %p, message %#x, number %d, buffer %p, size %d\n", window, message, number, buffer, size);
    if (!(request = new_request(PROTO_BY_NUMBER, NULL, NULL))) return NULL;
    request->number = number;
    return start(request, window, message, buffer, size);
}

HANDLE WINAPI WSAAsyncGetProtoByName(HWND window, u_int message, const char *name, char *buffer, int size)
{
    struct request *request;

    TRACE("window %p, message %#x, name %p, buffer %p, size %d\n", window, message, name, buffer, size);
    if (!(request = new_request(PROTO_BY_NAME, name, NULL))) return NULL;
    return start(request, window, message, buffer, size);
}

HANDLE WINAPI WSAAsyncGetServByPort(HWND window, u_int message, int port, const char *protocol, char *buffer,
                                    int size)
{
    struct request *request;

    TRACE("window %p, message %#x, port %d, protocol %p, buffer %p, size %d\n", window, message, ntohs(port),
          protocol, buffer, size);
    if (!(request = new_request(SERV_BY_PORT, NULL, protocol))) return NULL;
    request->number = port;
    return start(request, window, message, buffer, size);
}

HANDLE WINAPI WSAAsyncGetServByName(HWND window, u_int message, const char *name, const char *protocol,
                                    char *buffer, int size)
{
    struct request *request;

    TRACE("window %p, message %#x, name %p, protocol %p, buffer %p, size %d\n", window, message, name, protocol,
          buffer, size);
    if (!(request = new_request(SERV_BY_NAME, name, protocol))) return NULL;
    return start(request, window, message, buffer, size);
}

int WINAPI WSACancelAsyncRequest(HANDLE task)
{
    ULONG_PTR id = (ULONG_PTR)task;
    int err = WSAEINVAL;

    TRACE("task %p\n", task);
    if (!ws_is_started()) return ws_fail(WSANOTINITIALISED);
    AcquireSRWLockExclusive(&lock);
    for (struct request *r = requests; r; r = r->next)
        if (r->id == id && !r->cancelled)
        {
            r->cancelled = TRUE;
            err = 0;
            break;
        }
    /* A handle given out earlier was answered (or cancelled) already. */
    if (err && id && id <= last_id) err = WSAEALREADY;
    ReleaseSRWLockExclusive(&lock);
    if (err) return ws_fail(err);
    return 0;
}
