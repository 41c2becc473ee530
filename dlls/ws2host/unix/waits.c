/*
 * Blocking on a socket that another thread may close. Every socket fd is
 * non-blocking; a call that must block polls the socket together with an
 * eventfd of its own, registered under the wait key of the handle it came through, so closesocket
 * (ws2host_call_cancel) can wake it. A cancel that comes before the waiter
 * registered is remembered for a while, so no wake-up is lost.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "ws2host/unixlib.h"
#include "maps.h"
#include "unix_private.h"
#include "waits.h"
#include "wsvalues.h"

struct waiter
{
    uint64_t wait_key;
    int eventfd;
    int signalled;              /* a cancel wrote to eventfd (under lock) */
    struct waiter *next;
};

#define RECENT_CANCELS 256

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct waiter *waiters;
/* Keys cancelled lately: keys are never reused. */
static uint64_t recent[RECENT_CANCELS];
static unsigned int recent_next;

static int cancelled_lately(uint64_t wait_key)
{
    if (!wait_key) return 0;   /* an empty slot, never a socket */
    for (unsigned int i = 0; i < RECENT_CANCELS; i++)
        if (recent[i] == wait_key) return 1;
    return 0;
}

static int64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Each thread keeps one eventfd for all its waits: making and closing
 * one per wait was two system calls on every blocking receive. */
static pthread_key_t eventfd_key;
static pthread_once_t eventfd_key_once = PTHREAD_ONCE_INIT;
static __thread int thread_eventfd = -1;

static void close_thread_eventfd(void *value)
{
    close((int)(intptr_t)value - 1);
}

static void make_eventfd_key(void)
{
    if (pthread_key_create(&eventfd_key, close_thread_eventfd)) eventfd_key = (pthread_key_t)-1;
}

static int get_thread_eventfd(void)
{
    if (thread_eventfd >= 0) return thread_eventfd;
    pthread_once(&eventfd_key_once, make_eventfd_key);
    if ((thread_eventfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0) return -1;
    /* Closed when the thread exits; stored + 1 as 0 means "none". */
    if (eventfd_key != (pthread_key_t)-1) pthread_setspecific(eventfd_key, (void *)(intptr_t)(thread_eventfd + 1));
    return thread_eventfd;
}

void wait_release_thread(void)
{
    if (thread_eventfd < 0) return;
    if (eventfd_key != (pthread_key_t)-1) pthread_setspecific(eventfd_key, NULL);
    close(thread_eventfd);
    thread_eventfd = -1;
}

/* Waits until one of fds[0..count-1] has an event, or a cancel names one
 * of the keys: 0 (fds' revents set), WSAETIMEDOUT, WSAEINTR, or an error.
 * fds must have room for one more entry, the thread's eventfd. */
static unsigned int wait_for_fds(struct pollfd *fds, unsigned int count, const uint64_t *keys, unsigned int nkeys,
                                 int timeout_ms)
{
    struct waiter local[4], *selves = nkeys <= 4 ? local : calloc(nkeys, sizeof(*selves));
    int64_t deadline = timeout_ms > 0 ? now_ms() + timeout_ms : 0;
    unsigned int err = 0;
    int eventfd, signalled = 0;
    uint64_t value;
    int ret;

    if (!selves) return wsa_error_from_errno(ENOMEM);
    if ((eventfd = get_thread_eventfd()) < 0)
    {
        err = wsa_error_from_errno(errno);
        if (selves != local) free(selves);
        return err;
    }
    pthread_mutex_lock(&lock);
    for (unsigned int i = 0; i < nkeys; i++)
    {
        selves[i] = (struct waiter){ .wait_key = keys[i], .eventfd = eventfd, .next = waiters };
        waiters = &selves[i];
        if (cancelled_lately(keys[i])) err = WSAEINTR;
    }
    pthread_mutex_unlock(&lock);

    fds[count] = (struct pollfd){ .fd = eventfd, .events = POLLIN };
    while (!err)
    {
        int wait = timeout_ms < 0 ? -1 : (int)(deadline - now_ms());

        if (timeout_ms > 0 && wait <= 0)
        {
            err = WSAETIMEDOUT;
            break;
        }
        ret = poll(fds, count + 1, wait);
        if (ret < 0 && errno == EINTR) continue;
        if (ret < 0) err = wsa_error_from_errno(errno);
        else if (fds[count].revents) err = WSAEINTR;
        else if (ret) break;
    }

    pthread_mutex_lock(&lock);
    for (unsigned int i = 0; i < nkeys; i++)
    {
        signalled |= selves[i].signalled;
        for (struct waiter **w = &waiters; *w; w = &(*w)->next)
        {
            if (*w != &selves[i]) continue;
            *w = selves[i].next;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    if (selves != local) free(selves);
    /* A cancel left a count behind: clear it for this thread's next wait. */
    if (signalled && read(eventfd, &value, sizeof(value)) < 0 && errno != EAGAIN)
        err = err ? err : wsa_error_from_errno(errno);
    return err;
}

unsigned int wait_for_socket(int fd, uint64_t wait_key, short events, int timeout_ms)
{
    struct pollfd pfds[2] = { { .fd = fd, .events = events } };

    if (!timeout_ms) return WSAEWOULDBLOCK;
    return wait_for_fds(pfds, 1, &wait_key, 1, timeout_ms);
}

unsigned int wait_for_any(struct pollfd *fds, unsigned int count, const uint64_t *keys, int timeout_ms)
{
    struct pollfd *all = malloc((count + 1) * sizeof(*all));
    unsigned int err;

    if (!all) return wsa_error_from_errno(ENOMEM);
    memcpy(all, fds, count * sizeof(*all));
    err = wait_for_fds(all, count, keys, count, timeout_ms);
    memcpy(fds, all, count * sizeof(*all));
    free(all);
    return err;
}

unsigned int unix_cancel(void *args)
{
    struct ws2host_cancel_params *params = args;
    static const uint64_t one = 1;

    pthread_mutex_lock(&lock);
    recent[recent_next++ % RECENT_CANCELS] = params->wait_key;
    for (struct waiter *w = waiters; w; w = w->next)
    {
        /* An eventfd write only fails when the counter would overflow. */
        if (w->wait_key != params->wait_key) continue;
        if (write(w->eventfd, &one, sizeof(one)) < 0) w->wait_key = 0;
        else w->signalled = 1;
    }
    pthread_mutex_unlock(&lock);
    return 0;
}
