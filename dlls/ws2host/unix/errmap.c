/*
 * The one table from Linux errno values to Windows WSA error codes.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>

#include "maps.h"
#include "wsvalues.h"

struct errno_pair
{
    int linux_errno;
    unsigned int wsa_error;
};

static const struct errno_pair errno_table[] =
{
    { EINTR,           WSAEINTR },
    { EBADF,           WSAENOTSOCK },
    { ENOTSOCK,        WSAENOTSOCK },
    { EPERM,           WSAEACCES },
    { EACCES,          WSAEACCES },
    { EFAULT,          WSAEFAULT },
    { EINVAL,          WSAEINVAL },
    { EMFILE,          WSAEMFILE },
    { ENFILE,          WSAEMFILE },
    { EAGAIN,          WSAEWOULDBLOCK },
    { EINPROGRESS,     WSAEINPROGRESS },
    { EALREADY,        WSAEALREADY },
    { EDESTADDRREQ,    WSAEDESTADDRREQ },
    { EMSGSIZE,        WSAEMSGSIZE },
    { EPROTOTYPE,      WSAEPROTOTYPE },
    { ENOPROTOOPT,     WSAENOPROTOOPT },
    { EPROTONOSUPPORT, WSAEPROTONOSUPPORT },
    { ESOCKTNOSUPPORT, WSAESOCKTNOSUPPORT },
    { EOPNOTSUPP,      WSAEOPNOTSUPP },
    { EPFNOSUPPORT,    WSAEPFNOSUPPORT },
    { EAFNOSUPPORT,    WSAEAFNOSUPPORT },
    { EADDRINUSE,      WSAEADDRINUSE },
    { EADDRNOTAVAIL,   WSAEADDRNOTAVAIL },
    { ENETDOWN,        WSAENETDOWN },
    { ENETUNREACH,     WSAENETUNREACH },
    { ENETRESET,       WSAENETRESET },
    { ECONNABORTED,    WSAECONNABORTED },
    { EPIPE,           WSAESHUTDOWN },
    { ECONNRESET,      WSAECONNRESET },
    { ENOBUFS,         WSAENOBUFS },
    { ENOMEM,          WSAENOBUFS },
    { EISCONN,         WSAEISCONN },
    { ENOTCONN,        WSAENOTCONN },
    { ESHUTDOWN,       WSAESHUTDOWN },
    { ETIMEDOUT,       WSAETIMEDOUT },
    { ECONNREFUSED,    WSAECONNREFUSED },
    { ELOOP,           WSAELOOP },
    { ENAMETOOLONG,    WSAENAMETOOLONG },
    { EHOSTDOWN,       WSAEHOSTDOWN },
    { EHOSTUNREACH,    WSAEHOSTUNREACH },
    { ENOTEMPTY,       WSAENOTEMPTY },
    { EDQUOT,          WSAEDQUOT },
    { ESTALE,          WSAESTALE },
};

unsigned int wsa_error_from_errno(int err)
{
    if (!err) return 0;
    for (unsigned int i = 0; i < sizeof(errno_table) / sizeof(errno_table[0]); i++)
        if (errno_table[i].linux_errno == err) return errno_table[i].wsa_error;
    /* Anything Linux-specific is still a failure the caller must see. */
    return WSAEINVAL;
}
