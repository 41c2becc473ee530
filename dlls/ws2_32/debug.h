/*
 * Tracing through Wine's debug channels, so WINEDEBUG=+winsock works.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The channel struct and the three ntdll exports are Wine's ABI; they are
 * resolved at run time, so off Wine every trace is simply disabled.
 */
#ifndef WS2HOST_DEBUG_H
#define WS2HOST_DEBUG_H

enum ws_debug_class
{
    ws_dbcl_fixme,
    ws_dbcl_err,
    ws_dbcl_warn,
    ws_dbcl_trace,
};

/* Layout fixed by Wine: flags byte then a 15-char name. */
struct ws_debug_channel
{
    unsigned char flags;
    char name[15];
};

extern struct ws_debug_channel ws_channel_winsock;
extern struct ws_debug_channel ws_channel_winediag;

void ws_debug_init(void);
int ws_debug_enabled(enum ws_debug_class cls, struct ws_debug_channel *channel);
void ws_debug_log(enum ws_debug_class cls, struct ws_debug_channel *channel,
                  const char *function, const char *format, ...)
    __attribute__((format(gnu_printf, 4, 5)));

#define WS_LOG(cls, channel, ...) \
    do { if (ws_debug_enabled(cls, channel)) ws_debug_log(cls, channel, __func__, __VA_ARGS__); } while (0)

#define TRACE(...) WS_LOG(ws_dbcl_trace, &ws_channel_winsock, __VA_ARGS__)
#define WARN(...)  WS_LOG(ws_dbcl_warn,  &ws_channel_winsock, __VA_ARGS__)
#define FIXME(...) WS_LOG(ws_dbcl_fixme, &ws_channel_winsock, __VA_ARGS__)
#define ERR(...)   WS_LOG(ws_dbcl_err,   &ws_channel_winsock, __VA_ARGS__)
/* For failures the user can act on (permissions, limits, installation). */
#define DIAG(...)  WS_LOG(ws_dbcl_err,   &ws_channel_winediag, __VA_ARGS__)

/* A FIXME printed once per call site. */
#define FIXME_ONCE(...) \
    do { static volatile long once; \
         if (!__atomic_exchange_n(&once, 1, __ATOMIC_RELAXED)) FIXME(__VA_ARGS__); } while (0)

#endif /* WS2HOST_DEBUG_H */
