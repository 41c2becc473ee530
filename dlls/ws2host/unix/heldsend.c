/*
 * The rest of a non-blocking stream send, sent in the background.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Windows takes a non-blocking stream send whole when the socket's
 * buffer has any room, however large the send, and sends it later; the
 * next send fails with WSAEWOULDBLOCK while the buffer is over (Wine 10's
 * Windows-run sock.c test_send_buffering, test_set_getsockopt,
 * test_write_events). Linux takes only what fits. So when a non-blocking
 * send is short, the rest is copied here and one thread of ours writes
 * it as room appears, on a dup of the fd: the bytes still go after a
 * closesocket (graceful close: the connection ends once they went) or
 * the issuing thread's exit, and no Wine operation exists that CancelIo
 * could end. Later sends of the socket never overtake them: a direct
 * send joins the held bytes while they are fewer than the socket's send
 * buffer and fails with WSAEWOULDBLOCK beyond; a send through Wine
 * waits until they went (ws2host_held_wait); shutdown's SHUT_WR comes
 * after them (ws2host_held_shut).
 *
 * Nothing is held on the common path: a send Linux takes whole costs one
 * atomic read more. Held bytes are lost at process exit (Windows' kernel
 * would still send them).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ws2host/unixlib.h"
#include "heldsend.h"
#include "maps.h"
#include "unix_private.h"
#include "waits.h"
#include "wsvalues.h"

struct held
{
    dev_t dev;                  /* the socket, as fstat names it */
    ino_t ino;
    int fd;                     /* our dup: keeps the connection until the rest went */
    int done;                   /* eventfd, readable once the entry is gone */
    int shut_after;             /* shutdown(SHUT_WR) once the rest went */
    char *data;
    size_t offset, length;      /* data[offset..length) still to go */
    size_t capacity;
    struct held *next;
};

/* Windows' measure of a full buffer: what it holds, whatever the size of
 * the send that comes. Its ideal send backlog on loopback is 64 KiB
 * (SIO_IDEAL_SEND_BACKLOG_QUERY), so that much is held beyond Linux'
 * buffer before a send fails. */
#define HELD_ROOM 65536

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct held *entries;
static int held_sockets;        /* entries listed; read without the lock first */
static int wake = -1;           /* eventfd: the sender thread looks at the list again */
static int sender_started;

static int identify(int fd, dev_t *dev, ino_t *ino)
{
    struct stat st;

    if (fstat(fd, &st) < 0) return -1;
    *dev = st.st_dev;
    *ino = st.st_ino;
    return 0;
}

/* The entry of fd's socket, under the lock; NULL when none. */
static struct held *find(int fd)
{
    dev_t dev;
    ino_t ino;

    if (identify(fd, &dev, &ino)) return NULL;
    for (struct held *e = entries; e; e = e->next)
        if (e->dev == dev && e->ino == ino) return e;
    return NULL;
}

/* Under the lock: unlists, ends the connection's sending side if asked,
 * and tells the waiters. */
static void finish(struct held *e)
{
    static const uint64_t one = 1;

    for (struct held **p = &entries; *p; p = &(*p)->next)
    {
        if (*p != e) continue;
        *p = e->next;
        break;
    }
    __atomic_store_n(&held_sockets, held_sockets - 1, __ATOMIC_RELEASE);
    if (e->shut_after) shutdown(e->fd, SHUT_WR);
    close(e->fd);
    if (write(e->done, &one, sizeof(one)) < 0) { /* waiters time out or are cancelled */ }
    close(e->done);
    free(e->data);
    free(e);
}

/* Under the lock: as much as Linux takes now. An error (the peer went)
 * drops the rest, as the connection can carry none of it. */
static void push(struct held *e)
{
    while (e->offset < e->length)
    {
        ssize_t sent = send(e->fd, e->data + e->offset, e->length - e->offset, MSG_DONTWAIT | MSG_NOSIGNAL);

        if (sent < 0 && errno == EINTR) continue;
        if (sent < 0 && errno == EAGAIN) return;
        if (sent < 0) break;
        e->offset += sent;
    }
    finish(e);
}

static void *sender_main(void *arg)
{
    struct pollfd *fds = NULL;
    unsigned int room = 0, count;
    uint64_t value;

    (void)arg;
    for (;;)
    {
        pthread_mutex_lock(&lock);
        count = 1;
        for (struct held *e = entries; e; e = e->next) count++;
        if (count > room)
        {
            struct pollfd *more = realloc(fds, count * sizeof(*fds));

            if (more)
            {
                fds = more;
                room = count;
            }
        }
        count = 0;
        if (room) fds[count++] = (struct pollfd){ .fd = wake, .events = POLLIN };
        for (struct held *e = entries; e && count < room; e = e->next)
            fds[count++] = (struct pollfd){ .fd = e->fd, .events = POLLOUT };
        pthread_mutex_unlock(&lock);

        if (!count) { usleep(10000); continue; }
        if (poll(fds, count, -1) < 0 && errno != EINTR) usleep(10000);
        if (fds[0].revents && read(wake, &value, sizeof(value)) < 0) { /* nothing written yet */ }

        /* Entries may have come or gone meanwhile: each one still listed
         * just tries (a socket without room answers EAGAIN). */
        pthread_mutex_lock(&lock);
        for (struct held *e = entries, *next; e; e = next)
        {
            next = e->next;
            push(e);
        }
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

/* Under the lock. The thread takes no signal: Wine's handlers expect
 * threads of its own. */
static int start_sender(void)
{
    sigset_t all, old;
    pthread_t thread;
    int err;

    if (sender_started) return 0;
    if (wake < 0 && (wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0) return -1;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    err = pthread_create(&thread, NULL, sender_main, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (err) return -1;
    pthread_detach(thread);
    sender_started = 1;
    return 0;
}

static void wake_sender(void)
{
    static const uint64_t one = 1;

    if (write(wake, &one, sizeof(one)) < 0) { /* a wake-up is pending already */ }
}

/* Appends what msg still carries to the entry's data, which grows by
 * doubling (many small sends must not copy the held bytes each time). */
static int append(struct held *e, const struct msghdr *msg)
{
    size_t more = 0, kept = e->length - e->offset;

    for (size_t i = 0; i < msg->msg_iovlen; i++) more += msg->msg_iov[i].iov_len;
    if (e->offset && kept + more > e->capacity - e->offset)
    {
        memmove(e->data, e->data + e->offset, kept);
        e->offset = 0;
        e->length = kept;
    }
    if (e->length + more > e->capacity)
    {
        size_t capacity = e->capacity ? e->capacity : 4096;
        char *data;

        while (capacity < e->length + more) capacity *= 2;
        if (!(data = realloc(e->data, capacity))) return -1;
        e->data = data;
        e->capacity = capacity;
    }
    for (size_t i = 0; i < msg->msg_iovlen; i++)
    {
        memcpy(e->data + e->length, msg->msg_iov[i].iov_base, msg->msg_iov[i].iov_len);
        e->length += msg->msg_iov[i].iov_len;
    }
    return 0;
}

int held_thread_fds(void)
{
    return wake >= 0;
}

int held_any(void)
{
    return __atomic_load_n(&held_sockets, __ATOMIC_ACQUIRE) != 0;
}

int held_join(int fd, const struct msghdr *msg)
{
    struct held *e;
    int result = -1;

    if (!held_any()) return -1;
    pthread_mutex_lock(&lock);
    if ((e = find(fd)))
    {
        result = WSAEWOULDBLOCK;
        if (e->length - e->offset < HELD_ROOM && !append(e, msg)) result = 0;
    }
    pthread_mutex_unlock(&lock);
    return result;
}

unsigned int held_add(int fd, const struct msghdr *msg)
{
    struct held *e = calloc(1, sizeof(*e));
    unsigned int err = 0;

    struct held *listed;

    if (!e) return WSAENOBUFS;
    e->fd = e->done = -1;
    pthread_mutex_lock(&lock);
    /* Another thread's send held bytes of the socket meanwhile. */
    if ((listed = find(fd)))
    {
        if (append(listed, msg)) err = WSAENOBUFS;
        pthread_mutex_unlock(&lock);
        free(e);
        return err;
    }
    if (identify(fd, &e->dev, &e->ino) || start_sender() || append(e, msg) ||
        (e->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0 || (e->done = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0)
    {
        err = wsa_error_from_errno(errno ? errno : ENOMEM);
        if (e->fd >= 0) close(e->fd);
        free(e->data);
        free(e);
    }
    else
    {
        e->next = entries;
        entries = e;
        __atomic_store_n(&held_sockets, held_sockets + 1, __ATOMIC_RELEASE);
        wake_sender();
    }
    pthread_mutex_unlock(&lock);
    return err;
}

/* Waits until fd's socket holds nothing: a dup of the entry's eventfd,
 * so the wait outlives the entry and closesocket can end it. */
static unsigned int wait_drained(int fd, uint64_t wait_key, int timeout_ms)
{
    struct held *e;
    unsigned int err;
    int done = -1;

    pthread_mutex_lock(&lock);
    if ((e = find(fd)) && (done = fcntl(e->done, F_DUPFD_CLOEXEC, 0)) < 0) done = -2;
    pthread_mutex_unlock(&lock);
    if (done == -1) return 0;
    if (done == -2) return wsa_error_from_errno(errno);
    err = wait_for_socket(done, wait_key, POLLIN, timeout_ms);
    close(done);
    return err;
}

unsigned int held_wait(int fd, uint64_t wait_key, int timeout_ms)
{
    if (!held_any()) return 0;
    return wait_drained(fd, wait_key, timeout_ms);
}

/* An abortive close (Windows: SO_LINGER on with 0 s) resets the
 * connection and drops what was not sent yet. */
static int lingers_abortively(int fd)
{
    struct linger value;
    socklen_t length = sizeof(value);

    return !getsockopt(fd, SOL_SOCKET, SO_LINGER, &value, &length) && value.l_onoff && !value.l_linger;
}

unsigned int unix_held(void *args)
{
    struct ws2host_held_params *params = args;
    struct held *e;

    params->deferred = 0;
    if (params->action == ws2host_held_wait) return held_wait(params->fd, params->wait_key, params->timeout_ms);
    if (params->action != ws2host_held_shut && params->action != ws2host_held_close) return WSAEINVAL;
    if (!held_any()) return 0;
    pthread_mutex_lock(&lock);
    if ((e = find(params->fd)))
    {
        params->deferred = 1;
        if (params->action == ws2host_held_shut) e->shut_after = 1;
        else if (lingers_abortively(e->fd)) finish(e);
    }
    pthread_mutex_unlock(&lock);
    return 0;
}
