/*
 * The data path on Linux: names, send, recv, readable bytes and poll.
 * Wine's server makes the state transitions (bind, connect, listen,
 * accept, shutdown); blocking data calls block here, in the calling
 * thread, as Windows' blocking sockets do.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE     /* IOV_MAX */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/filter.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "ws2host/unixlib.h"
#include "address.h"
#include "maps.h"
#include "unix_private.h"
#include "heldsend.h"
#include "waits.h"
#include "wsvalues.h"

static const struct value_pair message_flags[] =
{
    { WS_MSG_OOB,       MSG_OOB },
    { WS_MSG_PEEK,      MSG_PEEK },
    { WS_MSG_DONTROUTE, MSG_DONTROUTE },
    { WS_MSG_WAITALL,   MSG_WAITALL },
};

/* -1 when a bit has no Linux equivalent. */
static int map_message_flags(int ws_flags)
{
    int flags = 0;

    for (unsigned int i = 0; i < sizeof(message_flags) / sizeof(message_flags[0]); i++)
    {
        if (!(ws_flags & message_flags[i].windows)) continue;
        flags |= message_flags[i].linux_value;
        ws_flags &= ~message_flags[i].windows;
    }
    return ws_flags ? -1 : flags;
}

static unsigned int get_name(struct ws2host_address_params *params,
                             int (*query)(int, struct sockaddr *, socklen_t *))
{
    struct sockaddr_storage address;
    socklen_t length = sizeof(address);

    if (query(params->fd, (struct sockaddr *)&address, &length) < 0) return wsa_error_from_errno(errno);
    return address_to_windows(&address, length, params->address, sizeof(params->address), &params->length);
}

unsigned int unix_getsockname(void *args)
{
    return get_name(args, getsockname);
}

unsigned int unix_getpeername(void *args)
{
    return get_name(args, getpeername);
}

/* The PE side's buffers are iovecs as they are: no copy. */
_Static_assert(sizeof(struct ws2host_buffer) == sizeof(struct iovec) &&
               offsetof(struct iovec, iov_base) == offsetof(struct ws2host_buffer, data) &&
               offsetof(struct iovec, iov_len) == offsetof(struct ws2host_buffer, length), "iovec layout");
_Static_assert(WS2HOST_MAX_BUFFERS <= IOV_MAX, "one sendmsg or recvmsg takes every buffer");

/* A message over the caller's buffers, or -1 when there are too many. */
static int message(const struct ws2host_io_params *params, struct msghdr *msg)
{
    memset(msg, 0, sizeof(*msg));
    if (params->count > WS2HOST_MAX_BUFFERS) return -1;
    msg->msg_iov = (struct iovec *)(uintptr_t)params->buffers;
    msg->msg_iovlen = params->count;
    return 0;
}

/* Drops what a partial send took from the front of the buffers. */
static void consume(struct msghdr *msg, size_t sent)
{
    while (msg->msg_iovlen && sent >= msg->msg_iov->iov_len)
    {
        sent -= msg->msg_iov->iov_len;
        msg->msg_iov++;
        msg->msg_iovlen--;
    }
    if (!msg->msg_iovlen) return;
    msg->msg_iov->iov_base = (char *)msg->msg_iov->iov_base + sent;
    msg->msg_iov->iov_len -= sent;
}

/* Room for one IP_PKTINFO or IPV6_PKTINFO message and one IP_TOS or
 * IPV6_TCLASS message. */
union source_control
{
    char bytes[CMSG_SPACE(sizeof(struct in6_pktinfo)) + CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
};

/* Windows' IP_ECN / IPV6_ECN set a datagram's ECN bits, Linux' IP_TOS /
 * IPV6_TCLASS the whole byte: the rest (DSCP) stays 0, which is what
 * Windows sends (it ignores IP_TOS set as an option). */
static const struct { int family, level, type; } ecn_messages[] =
{
    { WS_AF_INET,  IPPROTO_IP,   IP_TOS },
    { WS_AF_INET6, IPPROTO_IPV6, IPV6_TCLASS },
};

/* Appends one control message after those msg already has. */
static void put_control(struct msghdr *msg, union source_control *control, int level, int type, const void *data,
                        size_t size)
{
    struct cmsghdr *header = (struct cmsghdr *)(control->bytes + msg->msg_controllen);

    header->cmsg_level = level;
    header->cmsg_type = type;
    header->cmsg_len = CMSG_LEN(size);
    memcpy(CMSG_DATA(header), data, size);
    msg->msg_controllen += CMSG_SPACE(size);
    msg->msg_control = control->bytes;
}

static unsigned int add_ecn(const struct ws2host_pktinfo *source, struct msghdr *msg, union source_control *control)
{
    if (!source->ecn_family) return 0;
    for (size_t i = 0; i < sizeof(ecn_messages) / sizeof(ecn_messages[0]); i++)
    {
        if (ecn_messages[i].family != source->ecn_family) continue;
        put_control(msg, control, ecn_messages[i].level, ecn_messages[i].type, &source->ecn, sizeof(int));
        return 0;
    }
    return WSAEINVAL;
}

/* WSASendMsg's chosen source as the control message Linux reads. */
static unsigned int add_source(const struct ws2host_pktinfo *source, struct msghdr *msg,
                               union source_control *control)
{
    memset(control, 0, sizeof(*control));
    msg->msg_controllen = 0;
    if (source->family == WS_AF_INET)
    {
        struct in_pktinfo info = { .ipi_ifindex = (int)source->ifindex };

        memcpy(&info.ipi_spec_dst, source->address, 4);
        put_control(msg, control, IPPROTO_IP, IP_PKTINFO, &info, sizeof(info));
    }
    else if (source->family == WS_AF_INET6)
    {
        struct in6_pktinfo info = { .ipi6_ifindex = source->ifindex };

        memcpy(&info.ipi6_addr, source->address, 16);
        put_control(msg, control, IPPROTO_IPV6, IPV6_PKTINFO, &info, sizeof(info));
    }
    else if (source->family) return WSAEINVAL;
    return add_ecn(source, msg, control);
}

/* What a send gives sendmsg: the buffers, a datagram's destination and
 * WSASendMsg's chosen source, in storage the caller keeps. */
struct send_message
{
    struct msghdr msg;
    struct sockaddr_storage address;
    union source_control control;
    int flags;
};

static unsigned int prepare_send(const struct ws2host_io_params *params, struct send_message *send)
{
    socklen_t address_length = 0;
    unsigned int err;

    if ((send->flags = map_message_flags(params->flags)) < 0) return WSAEOPNOTSUPP;
    if (message(params, &send->msg)) return WSAENOBUFS;
    if (params->address_length &&
        (err = address_to_linux(params->address, params->address_length, &send->address, &address_length)))
        return err;
    if (address_length)
    {
        send->msg.msg_name = &send->address;
        send->msg.msg_namelen = address_length;
    }
    /* Windows has no SIGPIPE: a write to a closed connection is an error. */
    send->flags |= MSG_NOSIGNAL;
    return add_source(&params->source, &send->msg, &send->control);
}

static uint32_t message_size(const struct msghdr *msg)
{
    size_t total = 0;

    for (size_t i = 0; i < msg->msg_iovlen; i++) total += msg->msg_iov[i].iov_len;
    return total;
}

/* Does the connection carry data both ways or to the peer still? A
 * connecting socket's send fails as it did (Linux: EAGAIN). */
static int connected(int fd)
{
    struct tcp_info info;
    socklen_t length = sizeof(info);

    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) < 0) return 0;
    return info.tcpi_state == TCP_ESTABLISHED || info.tcpi_state == TCP_CLOSE_WAIT;
}

/* A socket holding the rest of an earlier send (heldsend.c): nothing
 * may go to the fd before it. A non-blocking send joins it or fails; a
 * blocking one waits until it went. -1: nothing held, go on. */
static int behind_held(struct ws2host_io_params *params, const struct msghdr *msg)
{
    int err;

    if (!held_any()) return -1;
    if (!params->timeout_ms)
    {
        if ((err = held_join(params->fd, msg)) < 0) return -1;
        params->held = 1;
        if (!err) params->transferred = message_size(msg);
        return err;
    }
    if ((err = held_wait(params->fd, params->wait_key, params->timeout_ms))) return err;
    return -1;
}

/* A blocking send returns once everything is queued, as on Windows; a
 * non-blocking stream send Linux takes part of is taken whole (hold). */
unsigned int unix_send(void *args)
{
    struct ws2host_io_params *params = args;
    struct send_message send;
    struct msghdr *msg = &send.msg;
    unsigned int err;
    ssize_t sent;
    int behind;

    params->transferred = 0;
    params->held = 0;
    if ((err = prepare_send(params, &send))) return err;
    if (params->hold && (behind = behind_held(params, msg)) >= 0) return behind;
    do
    {
        sent = sendmsg(params->fd, msg, send.flags);
        if (sent >= 0)
        {
            params->transferred += sent;
            consume(msg, sent);
        }
        else if (errno == EINTR) continue;
        else if (errno != EAGAIN) return params->transferred ? 0 : wsa_error_from_errno(errno);
        else if (params->hold && !params->timeout_ms) break;
        else if ((err = wait_for_socket(params->fd, params->wait_key, POLLOUT, params->timeout_ms)))
            return params->transferred ? 0 : err;
    }
    while (msg->msg_iovlen && params->timeout_ms);
    if (params->hold && !params->timeout_ms && msg->msg_iovlen)
    {
        uint32_t rest = message_size(msg);

        /* Not held: Linux' short count, or WSAEWOULDBLOCK. Linux took
         * part, so there is a connection; or it took none, and then only
         * a connection that carries data may hold. */
        if ((!params->transferred && !connected(params->fd)) || held_add(params->fd, msg))
            return params->transferred ? 0 : WSAEWOULDBLOCK;
        params->transferred += rest;
        params->held = 1;
    }
    return 0;
}

/* Linux queues a stream send while the queued memory (payload and its
 * buffers' overhead) is below the send buffer's size; this much more than
 * the payload stands for the overhead of the buffers a send adds. */
#define SEND_OVERHEAD(bytes) ((bytes) + 4096)

static int has_room(int fd, size_t bytes)
{
    uint32_t memory[SK_MEMINFO_VARS];
    socklen_t length = sizeof(memory);

    if (getsockopt(fd, SOL_SOCKET, SO_MEMINFO, memory, &length) < 0 || length < sizeof(memory)) return 0;
    return (uint64_t)memory[SK_MEMINFO_WMEM_QUEUED] + bytes + SEND_OVERHEAD(bytes) <= memory[SK_MEMINFO_SNDBUF];
}

/* An overlapped send that completes in user mode: all of it at once, or
 * WSAEWOULDBLOCK and nothing sent (the caller then hands it to Wine). A
 * stream send goes only when the buffer has room for all of it; should
 * Linux still take less (memory pressure), the rest follows as a blocking
 * send would, so the count reported is the whole. */
unsigned int unix_send_at_once(void *args)
{
    struct ws2host_io_params *params = args;
    struct send_message send;
    struct msghdr *msg = &send.msg;
    size_t total = 0;
    unsigned int err;
    ssize_t sent;

    params->transferred = 0;
    params->held = 0;
    if ((err = prepare_send(params, &send))) return err;
    /* Wine's path waits for held bytes (the PE side asks, ws2host_held_wait). */
    if (held_any() && held_wait(params->fd, 0, 0) == WSAEWOULDBLOCK)
    {
        params->held = 1;
        return WSAEWOULDBLOCK;
    }
    for (size_t i = 0; i < msg->msg_iovlen; i++) total += msg->msg_iov[i].iov_len;
    if (params->whole && !has_room(params->fd, total)) return WSAEWOULDBLOCK;
    do sent = sendmsg(params->fd, msg, send.flags | MSG_DONTWAIT);
    while (sent < 0 && errno == EINTR);
    if (sent < 0) return errno == EAGAIN ? WSAEWOULDBLOCK : wsa_error_from_errno(errno);
    params->transferred = sent;
    if (!params->whole) return 0;
    consume(msg, sent);
    while (msg->msg_iovlen)
    {
        sent = sendmsg(params->fd, msg, send.flags | MSG_DONTWAIT);
        if (sent >= 0)
        {
            params->transferred += sent;
            consume(msg, sent);
        }
        else if (errno == EINTR) continue;
        else if (errno != EAGAIN) return 0;   /* the error shows on the next call */
        else if (wait_for_socket(params->fd, params->wait_key, POLLOUT, -1)) return 0;
    }
    return 0;
}

/* Wine keeps a write-watched page read-only until the program writes to
 * it, so Linux fails a receive into one with EFAULT, leaving a stream's
 * data queued (a datagram is lost, as it is under Wine's own receive).
 * The PE side's probe found the buffers writable and marked them, as
 * Windows marks them when it locks them; a GetWriteWatch reset during the
 * wait re-arms them, and Windows then writes the data without marking
 * them again (sock.c test_write_watch). So the receive goes into a buffer
 * of ours and the data into the caller's pages through /proc/self/mem,
 * which writes past the protection without a fault Wine would count. */
struct bounce
{
    struct iovec one;
    const struct iovec *caller;
    size_t count;
};

#define BOUNCE_MAX (1u << 20)

static int start_bounce(struct msghdr *msg, struct bounce *bounce)
{
    size_t total = 0;

    for (size_t i = 0; i < msg->msg_iovlen; i++) total += msg->msg_iov[i].iov_len;
    if (total > BOUNCE_MAX) total = BOUNCE_MAX;
    if (!(bounce->one.iov_base = malloc(total ? total : 1))) return -1;
    bounce->one.iov_len = total;
    bounce->caller = msg->msg_iov;
    bounce->count = msg->msg_iovlen;
    msg->msg_iov = &bounce->one;
    msg->msg_iovlen = 1;
    return 0;
}

/* 0, or -1 when a page went away meanwhile. */
static int finish_bounce(struct bounce *bounce, size_t received)
{
    const char *data = bounce->one.iov_base;
    int fd = open("/proc/self/mem", O_WRONLY | O_CLOEXEC), ret = 0;

    if (fd < 0) ret = -1;
    for (size_t i = 0; !ret && received && i < bounce->count; i++)
    {
        size_t length = bounce->caller[i].iov_len < received ? bounce->caller[i].iov_len : received;

        if (length && pwrite(fd, data, length, (off_t)(uintptr_t)bounce->caller[i].iov_base) != (ssize_t)length)
            ret = -1;
        data += length;
        received -= length;
    }
    if (fd >= 0) close(fd);
    free(bounce->one.iov_base);
    return ret;
}

unsigned int unix_recv(void *args)
{
    return unix_receive(args, NULL, 0, NULL);
}

unsigned int unix_receive(struct ws2host_io_params *params, void *control, size_t control_size,
                          size_t *control_length)
{
    struct bounce bounce = { .caller = NULL };
    int flags = map_message_flags(params->flags);
    struct sockaddr_storage address;
    struct msghdr msg;
    unsigned int err;
    ssize_t received;

    params->transferred = 0;
    params->truncated = 0;
    if (flags < 0) return WSAEOPNOTSUPP;
    if (message(params, &msg)) return WSAENOBUFS;
    for (;;)
    {
        msg.msg_name = &address;
        msg.msg_namelen = sizeof(address);
        msg.msg_control = control;
        msg.msg_controllen = control_size;
        received = recvmsg(params->fd, &msg, flags);
        if (received >= 0) break;
        if (errno == EINTR) continue;
        if (errno == EFAULT && !bounce.caller && !start_bounce(&msg, &bounce)) continue;
        if (errno != EAGAIN) err = wsa_error_from_errno(errno);
        else err = wait_for_socket(params->fd, params->wait_key, flags & MSG_OOB ? POLLPRI : POLLIN,
                                   params->timeout_ms);
        if (err)
        {
            if (bounce.caller) free(bounce.one.iov_base);
            return err;
        }
    }
    if (bounce.caller && finish_bounce(&bounce, received)) return WSAEFAULT;
    params->transferred = received;
    params->truncated = !!(msg.msg_flags & MSG_TRUNC);
    if (control_length) *control_length = msg.msg_controllen;
    params->address_length = 0;
    if (msg.msg_namelen &&
        address_to_windows(&address, msg.msg_namelen, params->address, sizeof(params->address),
                           &params->address_length))
        params->address_length = 0;
    return 0;
}

unsigned int unix_readable(void *args)
{
    struct ws2host_readable_params *params = args;
    int bytes = 0;

    char oob;

    if (ioctl(params->fd, FIONREAD, &bytes) < 0) return wsa_error_from_errno(errno);
    params->bytes = bytes;
    /* Only a peek: the urgent byte stays for the recv(MSG_OOB) to come. */
    params->oob_waiting = recv(params->fd, &oob, 1, MSG_OOB | MSG_PEEK | MSG_DONTWAIT) == 1;
    return 0;
}

_Static_assert(sizeof(struct ws2host_poll_entry) == sizeof(struct pollfd), "pollfd layout");
_Static_assert(WS2HOST_POLLIN == POLLIN && WS2HOST_POLLPRI == POLLPRI && WS2HOST_POLLOUT == POLLOUT &&
               WS2HOST_POLLERR == POLLERR && WS2HOST_POLLHUP == POLLHUP, "poll event bits");

unsigned int unix_poll(void *args)
{
    struct ws2host_poll_params *params = args;
    struct pollfd *fds = (struct pollfd *)(uintptr_t)params->entries;
    const uint64_t *keys = (const uint64_t *)(uintptr_t)params->wait_keys;
    unsigned int err;
    int ret;

    params->cancelled = 0;
    /* A wait closesocket can end: each entry's key registered. */
    if (keys && params->timeout_ms)
    {
        err = wait_for_any(fds, params->count, keys, params->timeout_ms);
        if (err == WSAEINTR) params->cancelled = 1;
        else if (err && err != WSAETIMEDOUT) return err;
        ret = 0;
        for (unsigned int i = 0; !err && i < params->count; i++) ret += !!fds[i].revents;
        params->ready = ret;
        return 0;
    }
    do ret = poll(fds, params->count, params->timeout_ms);
    while (ret < 0 && errno == EINTR);
    if (ret < 0) return wsa_error_from_errno(errno);
    params->ready = ret;
    return 0;
}

unsigned int unix_disconnect(void *args)
{
    struct ws2host_disconnect_params *params = args;
    struct sockaddr unspecified = { .sa_family = AF_UNSPEC };

    if (params->send_side)
    {
        if (shutdown(params->fd, SHUT_WR) < 0) return wsa_error_from_errno(errno);
        return 0;
    }
    if (connect(params->fd, &unspecified, sizeof(unspecified)) < 0) return wsa_error_from_errno(errno);
    return 0;
}

/* Sockets sharing a port through SO_REUSEPORT form a group, indexed in the
 * order they began listening; a program that picks index 0 hands every
 * connection to the first listener while it lives. */
unsigned int unix_first_listener(void *args)
{
    struct ws2host_first_listener_params *params = args;
    struct sock_filter first = BPF_STMT(BPF_RET | BPF_K, 0);
    struct sock_fprog program = { .len = 1, .filter = &first };

    if (setsockopt(params->fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &program, sizeof(program)) < 0)
        return wsa_error_from_errno(errno);
    return 0;
}
