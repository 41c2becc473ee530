/*
 * Tests of the per-handle socket table (sockettable.c), built natively
 * with its pthread rwlock.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "sockettable.h"
#include "unit_tests.h"

/* The table is a process-wide singleton: every test starts from empty so
 * none depends on what ran before it. */
static void reset_table(void)
{
    struct ws_socket_entry entries[64];

    while (socket_table_drain(entries, UT_ARRAY_COUNT(entries))) {}
    CU_ASSERT_EQUAL_FATAL(socket_table_count(), 0);
}

int sockettable_suite_init(void)
{
    struct ws_socket_entry entries[64];

    while (socket_table_drain(entries, UT_ARRAY_COUNT(entries))) {}
    return socket_table_count() ? -1 : 0;
}

/* Every field different, so a copy that drops or swaps one is caught. */
static struct ws_socket_info make_info(uint32_t seed)
{
    struct ws_socket_info info;

    memset(&info, 0, sizeof(info));
    info.family = 23;
    info.type = 1;
    info.protocol = 6;
    info.catalog_id = 1000 + seed;
    info.flags = 0x80 | seed << 8;
    info.overlapped = 1;
    info.opentype = 0x20 + (int32_t)seed;
    info.adopted = (int32_t)(seed & 1);
    info.inode = 0x1234567800000000ULL + seed;
    info.wait_key = 0x100 + seed;
    return info;
}

static int same_info(const struct ws_socket_info *a, const struct ws_socket_info *b)
{
    return a->family == b->family && a->type == b->type && a->protocol == b->protocol &&
           a->catalog_id == b->catalog_id && a->flags == b->flags &&
           a->overlapped == b->overlapped && a->opentype == b->opentype &&
           a->adopted == b->adopted && a->inode == b->inode;
}

static void test_insert_lookup(void)
{
    struct ws_socket_info in = make_info(7), out;

    reset_table();
    CU_ASSERT_EQUAL(socket_table_insert(0x104, &in), 0);
    CU_ASSERT_EQUAL(socket_table_count(), 1);
    memset(&out, 0xcc, sizeof(out));
    CU_ASSERT_EQUAL_FATAL(socket_table_lookup(0x104, &out), 0);
    CU_ASSERT_TRUE(same_info(&in, &out));

    /* Lookups do not consume the entry. */
    memset(&out, 0xcc, sizeof(out));
    CU_ASSERT_EQUAL(socket_table_lookup(0x104, &out), 0);
    CU_ASSERT_TRUE(same_info(&in, &out));
    CU_ASSERT_EQUAL(socket_table_count(), 1);
    reset_table();
}

static void test_lookup_absent(void)
{
    struct ws_socket_info in = make_info(1), out;

    reset_table();
    CU_ASSERT_EQUAL(socket_table_lookup(0x104, &out), -1);
    CU_ASSERT_EQUAL_FATAL(socket_table_insert(0x104, &in), 0);
    /* Neighbours in the same page, and a page never allocated. */
    CU_ASSERT_EQUAL(socket_table_lookup(0x100, &out), -1);
    CU_ASSERT_EQUAL(socket_table_lookup(0x108, &out), -1);
    CU_ASSERT_EQUAL(socket_table_lookup(WS_SOCKET_TABLE_MAX_HANDLE, &out), -1);
    reset_table();
}

static void test_remove(void)
{
    struct ws_socket_info in = make_info(3), out;

    reset_table();
    CU_ASSERT_EQUAL_FATAL(socket_table_insert(0x200, &in), 0);
    CU_ASSERT_EQUAL_FATAL(socket_table_insert(0x204, &in), 0);
    CU_ASSERT_EQUAL(socket_table_count(), 2);

    memset(&out, 0xcc, sizeof(out));
    CU_ASSERT_EQUAL(socket_table_remove(0x200, &out), 0);
    CU_ASSERT_TRUE(same_info(&in, &out));
    CU_ASSERT_EQUAL(socket_table_lookup(0x200, &out), -1);
    CU_ASSERT_EQUAL(socket_table_count(), 1);
    CU_ASSERT_EQUAL(socket_table_remove(0x200, &out), -1);
    CU_ASSERT_EQUAL(socket_table_count(), 1);

    /* The neighbour is untouched; remove accepts a NULL info. */
    CU_ASSERT_EQUAL(socket_table_lookup(0x204, &out), 0);
    CU_ASSERT_EQUAL(socket_table_remove(0x204, NULL), 0);
    CU_ASSERT_EQUAL(socket_table_lookup(0x204, &out), -1);
    CU_ASSERT_EQUAL(socket_table_count(), 0);
    reset_table();
}

static void test_replace(void)
{
    struct ws_socket_info first = make_info(10), second = make_info(20), out;

    reset_table();
    CU_ASSERT_EQUAL_FATAL(socket_table_insert(0x300, &first), 0);
    CU_ASSERT_EQUAL_FATAL(socket_table_insert(0x300, &second), 0);
    CU_ASSERT_EQUAL(socket_table_count(), 1);
    CU_ASSERT_EQUAL_FATAL(socket_table_lookup(0x300, &out), 0);
    CU_ASSERT_TRUE(same_info(&second, &out));

    /* One remove takes it out entirely: the replaced state is gone too. */
    CU_ASSERT_EQUAL(socket_table_remove(0x300, NULL), 0);
    CU_ASSERT_EQUAL(socket_table_lookup(0x300, &out), -1);
    CU_ASSERT_EQUAL(socket_table_count(), 0);
    reset_table();
}

/* The SOCKET value is reused after CloseHandle, which never told the table:
 * the new socket's insert must win. */
static void test_handle_reuse(void)
{
    struct ws_socket_info info = make_info(0), out;
    const uint64_t handle = 0x7c;

    reset_table();
    info.inode = 1;
    CU_ASSERT_EQUAL_FATAL(socket_table_insert(handle, &info), 0);
    /* CloseHandle(handle): nothing reaches the table. */
    info.inode = 2;
    info.family = 2;
    CU_ASSERT_EQUAL_FATAL(socket_table_insert(handle, &info), 0);

    CU_ASSERT_EQUAL_FATAL(socket_table_lookup(handle, &out), 0);
    CU_ASSERT_EQUAL(out.inode, 2);
    CU_ASSERT_EQUAL(out.family, 2);
    CU_ASSERT_EQUAL(socket_table_count(), 1);
    reset_table();
}

static void test_bad_handles(void)
{
    static const uint64_t bad[] =
    {
        0, 1, 2, 3, 5, 6, 7, 0x102, 0x103,
        WS_SOCKET_TABLE_MAX_HANDLE + 4, WS_SOCKET_TABLE_MAX_HANDLE + 1,
        (uint64_t)1 << 32, UINT64_MAX, UINT64_MAX - 3,
    };
    struct ws_socket_info info = make_info(5), out;

    reset_table();
    for (size_t i = 0; i < UT_ARRAY_COUNT(bad); i++)
    {
        UT_CHECK(socket_table_insert(bad[i], &info) == -1, "handle %#llx accepted by insert",
                 (unsigned long long)bad[i]);
        UT_CHECK(socket_table_lookup(bad[i], &out) == -1, "handle %#llx found by lookup",
                 (unsigned long long)bad[i]);
        UT_CHECK(socket_table_remove(bad[i], &out) == -1, "handle %#llx removed",
                 (unsigned long long)bad[i]);
    }
    CU_ASSERT_EQUAL(socket_table_count(), 0);

    /* The edges that are valid. */
    CU_ASSERT_EQUAL(socket_table_insert(4, &info), 0);
    CU_ASSERT_EQUAL(socket_table_insert(WS_SOCKET_TABLE_MAX_HANDLE, &info), 0);
    CU_ASSERT_EQUAL(socket_table_lookup(WS_SOCKET_TABLE_MAX_HANDLE, &out), 0);
    CU_ASSERT_TRUE(same_info(&info, &out));
    CU_ASSERT_EQUAL(socket_table_count(), 2);
    reset_table();
}

static void test_drain(void)
{
    /* Spread over several pages, both ends of the range included. */
    static const uint64_t handles[] =
    {
        4, 8, 0x1000, 0x1004, 1024 * 4 * 7 + 12, WS_SOCKET_TABLE_MAX_HANDLE - 4,
        WS_SOCKET_TABLE_MAX_HANDLE,
    };
    enum { N = UT_ARRAY_COUNT(handles) };
    struct ws_socket_entry entries[N + 4];
    int seen[N] = { 0 };
    struct ws_socket_info out;
    size_t got;

    reset_table();
    for (size_t i = 0; i < N; i++)
    {
        struct ws_socket_info info = make_info((uint32_t)i);
        CU_ASSERT_EQUAL_FATAL(socket_table_insert(handles[i], &info), 0);
    }
    CU_ASSERT_EQUAL_FATAL(socket_table_count(), N);

    got = socket_table_drain(entries, UT_ARRAY_COUNT(entries));
    CU_ASSERT_EQUAL(got, N);
    for (size_t e = 0; e < got && e < UT_ARRAY_COUNT(entries); e++)
    {
        struct ws_socket_info expect;
        size_t i;

        for (i = 0; i < N; i++) if (entries[e].handle == handles[i]) break;
        UT_CHECK(i < N, "drain returned unknown handle %#llx",
                 (unsigned long long)entries[e].handle);
        if (i == N) continue;
        expect = make_info((uint32_t)i);
        UT_CHECK(!seen[i], "handle %#llx drained twice", (unsigned long long)handles[i]);
        seen[i] = 1;
        UT_CHECK(same_info(&entries[e].info, &expect), "handle %#llx drained with wrong info",
                 (unsigned long long)handles[i]);
    }
    for (size_t i = 0; i < N; i++)
    {
        UT_CHECK(seen[i], "handle %#llx not drained", (unsigned long long)handles[i]);
        UT_CHECK(socket_table_lookup(handles[i], &out) == -1, "handle %#llx still present",
                 (unsigned long long)handles[i]);
    }
    CU_ASSERT_EQUAL(socket_table_count(), 0);
    CU_ASSERT_EQUAL(socket_table_drain(entries, UT_ARRAY_COUNT(entries)), 0);
}

/* A drain bounded by max removes only what it returns. */
static void test_drain_partial(void)
{
    struct ws_socket_entry entries[8];
    struct ws_socket_info info = make_info(9), out;
    size_t first, second, present = 0;

    reset_table();
    for (uint64_t h = 4; h <= 20; h += 4)
        CU_ASSERT_EQUAL_FATAL(socket_table_insert(h, &info), 0);

    first = socket_table_drain(entries, 2);
    CU_ASSERT_EQUAL(first, 2);
    CU_ASSERT_EQUAL(socket_table_count(), 3);
    for (size_t e = 0; e < first && e < 2; e++)
        UT_CHECK(socket_table_lookup(entries[e].handle, &out) == -1,
                 "drained handle %#llx still present", (unsigned long long)entries[e].handle);
    for (uint64_t h = 4; h <= 20; h += 4)
        if (!socket_table_lookup(h, &out)) present++;
    CU_ASSERT_EQUAL(present, 3);

    second = socket_table_drain(entries, UT_ARRAY_COUNT(entries));
    CU_ASSERT_EQUAL(second, 3);
    CU_ASSERT_EQUAL(socket_table_count(), 0);
    CU_ASSERT_EQUAL(socket_table_drain(entries, 0), 0);
}

/* ------------------------------------------------------------ concurrency */

enum { THREADS = 8, PER_THREAD = 20000, HOT = 16 };

struct worker
{
    pthread_t thread;
    unsigned int index;
    uint32_t rng;
    /* Counted here, asserted by the main thread: CUnit is not thread-safe. */
    unsigned long own_errors;      /* own handle missing or with wrong data */
    unsigned long torn;            /* an entry whose fields do not agree */
    unsigned long api_errors;      /* insert/remove failed, or phantom hit */
    unsigned long cross_hits;
    unsigned long hot_hits;
    unsigned long cross_misses_live; /* miss in phase B, where all are live */
    size_t count_mid;              /* count seen between phases (one thread) */
};

static pthread_barrier_t barrier;

static uint64_t thread_handle(unsigned int thread, unsigned int i)
{
    return ((uint64_t)thread * PER_THREAD + i + 1) * 4;
}

/* A few handles per thread, rewritten over and over in phase B while the
 * other threads read them: where a torn copy would show. They live above
 * the ranges other_handle() picks from. */
static uint64_t hot_handle(unsigned int thread, unsigned int k)
{
    return thread_handle(THREADS + 1 + thread, k);
}

/* All fields derived from (handle, generation), so a torn copy, or one
 * from a different handle, fails check_entry. */
static struct ws_socket_info entry_for(uint64_t handle, int32_t gen)
{
    struct ws_socket_info info;
    uint64_t owner = (handle / 4 - 1) / PER_THREAD;

    info.family = (int32_t)owner;
    info.type = gen;
    info.protocol = (int32_t)(handle ^ 0x55555555u);
    info.catalog_id = (uint32_t)(handle * 2654435761u) + (uint32_t)gen;
    info.flags = ~(uint32_t)handle - (uint32_t)gen * 977u;
    info.overlapped = (int32_t)(gen * 7 + (int32_t)owner);
    info.opentype = (int32_t)(handle >> 2) + gen;
    info.adopted = (int32_t)(handle & 0xff) ^ gen;
    info.inode = handle << 20 | (uint64_t)gen;
    return info;
}

static int check_entry(uint64_t handle, const struct ws_socket_info *info)
{
    struct ws_socket_info expect;

    if (info->type < 1 || info->type > 3) return 0;
    expect = entry_for(handle, info->type);
    return same_info(&expect, info);
}

static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* A handle of another thread, or (one time in 9) of a range nobody owns. */
static uint64_t other_handle(struct worker *w, unsigned int *owner)
{
    unsigned int t = next_random(&w->rng) % (THREADS + 1);
    unsigned int i = next_random(&w->rng) % PER_THREAD;

    if (t == w->index) t = THREADS;
    *owner = t;
    return thread_handle(t, i);
}

static void cross_lookup(struct worker *w, int all_live)
{
    struct ws_socket_info info;
    unsigned int owner;
    uint64_t handle = other_handle(w, &owner);

    if (socket_table_lookup(handle, &info) == 0)
    {
        w->cross_hits++;
        if (owner == THREADS) w->api_errors++;
        else if (!check_entry(handle, &info)) w->torn++;
    }
    else if (all_live && owner != THREADS) w->cross_misses_live++;
}

static void hot_lookup(struct worker *w)
{
    struct ws_socket_info info;
    unsigned int t = next_random(&w->rng) % THREADS;
    uint64_t handle;

    if (t == w->index) t = (t + 1) % THREADS;
    handle = hot_handle(t, next_random(&w->rng) % HOT);
    if (socket_table_lookup(handle, &info) == 0)
    {
        w->hot_hits++;
        if (!check_entry(handle, &info)) w->torn++;
    }
}

/* Generation a handle has after phase A (1, or 2 when re-inserted). */
static int32_t gen_after_a(unsigned int i)
{
    return i % 4 == 0 ? 2 : 1;
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct ws_socket_info info, out;

    /* Phase A: insert everything; every 4th handle again, as a reused
     * handle would be, while the others read. */
    for (unsigned int i = 0; i < PER_THREAD; i++)
    {
        uint64_t h = thread_handle(w->index, i);

        info = entry_for(h, 1);
        if (socket_table_insert(h, &info)) w->api_errors++;
        if (socket_table_lookup(h, &out) || !same_info(&info, &out)) w->own_errors++;
        if (gen_after_a(i) == 2)
        {
            info = entry_for(h, 2);
            if (socket_table_insert(h, &info)) w->api_errors++;
        }
        cross_lookup(w, 0);
    }
    pthread_barrier_wait(&barrier);

    /* Phase B: everything is live; replace some entries while others look
     * them up, and check all of ours are intact. */
    for (unsigned int i = 0; i < PER_THREAD; i++)
    {
        uint64_t h = thread_handle(w->index, i);
        int32_t gen = gen_after_a(i);

        info = entry_for(h, gen);
        if (socket_table_lookup(h, &out) || !same_info(&info, &out)) w->own_errors++;
        if (i % 3 == 0)
        {
            info = entry_for(h, 3);
            if (socket_table_insert(h, &info)) w->api_errors++;
            if (socket_table_lookup(h, &out) || !same_info(&info, &out)) w->own_errors++;
        }
        cross_lookup(w, 1);

        info = entry_for(hot_handle(w->index, i % HOT), (int32_t)(i % 3) + 1);
        if (socket_table_insert(hot_handle(w->index, i % HOT), &info)) w->api_errors++;
        hot_lookup(w);
        hot_lookup(w);
    }
    if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD)
        w->count_mid = socket_table_count();
    else
        w->count_mid = (size_t)-1;
    pthread_barrier_wait(&barrier);

    /* Phase C: remove ours, each returning our latest data. */
    for (unsigned int i = 0; i < PER_THREAD; i++)
    {
        uint64_t h = thread_handle(w->index, i);

        info = entry_for(h, i % 3 == 0 ? 3 : gen_after_a(i));
        if (socket_table_remove(h, &out) || !same_info(&info, &out)) w->own_errors++;
        if (!socket_table_lookup(h, &out)) w->own_errors++;
        cross_lookup(w, 0);
    }
    for (unsigned int k = 0; k < HOT; k++)
    {
        /* Last written in phase B's final pass over k. */
        unsigned int last = (PER_THREAD - 1) - ((PER_THREAD - 1 - k) % HOT);

        info = entry_for(hot_handle(w->index, k), (int32_t)(last % 3) + 1);
        if (socket_table_remove(hot_handle(w->index, k), &out) || !same_info(&info, &out))
            w->own_errors++;
    }
    return NULL;
}

static void test_concurrency(void)
{
    static struct worker workers[THREADS];
    unsigned long own = 0, torn = 0, api = 0, hits = 0, misses = 0, hot_hits = 0;
    size_t count_mid = (size_t)-1;
    unsigned int started = 0;

    reset_table();
    CU_ASSERT_EQUAL_FATAL(pthread_barrier_init(&barrier, NULL, THREADS), 0);
    memset(workers, 0, sizeof(workers));
    for (unsigned int t = 0; t < THREADS; t++)
    {
        workers[t].index = t;
        workers[t].rng = 0x9e3779b9u * (t + 1);
        if (pthread_create(&workers[t].thread, NULL, worker_main, &workers[t])) break;
        started++;
    }
    /* The barrier needs all of them; a missing thread would hang the rest. */
    CU_ASSERT_EQUAL_FATAL(started, THREADS);
    for (unsigned int t = 0; t < THREADS; t++)
    {
        pthread_join(workers[t].thread, NULL);
        own += workers[t].own_errors;
        torn += workers[t].torn;
        api += workers[t].api_errors;
        hits += workers[t].cross_hits;
        hot_hits += workers[t].hot_hits;
        misses += workers[t].cross_misses_live;
        if (workers[t].count_mid != (size_t)-1) count_mid = workers[t].count_mid;
    }
    pthread_barrier_destroy(&barrier);

    UT_CHECK(own == 0, "%lu lookups/removes of a thread's own handle gave wrong data", own);
    UT_CHECK(torn == 0, "%lu torn entries seen by other threads", torn);
    UT_CHECK(api == 0, "%lu failed inserts or hits in the unowned range", api);
    UT_CHECK(misses == 0, "%lu lookups of live handles missed", misses);
    UT_CHECK(hits > 0, "no lookup of another thread's handle ever hit");
    UT_CHECK(hot_hits > 0, "no lookup of a contended handle ever hit");
    UT_CHECK(count_mid == (size_t)THREADS * (PER_THREAD + HOT),
             "count %zu with all handles live, expected %u", count_mid,
             THREADS * (PER_THREAD + HOT));
    CU_ASSERT_EQUAL(socket_table_count(), 0);
    reset_table();
}


/* Threads that each set and clear their own bit of one bitmask field
 * (kept, shut_down) through lookup / change / update, as the option and
 * shutdown calls do: no bit may be lost or brought back by another
 * thread's update of the same field. */
#define BIT_THREADS 6
#define BIT_ROUNDS 100000
#define BIT_HANDLE 0x80

struct bit_worker
{
    pthread_t thread;
    int shut_down_field;        /* else kept */
    uint32_t bit;
    unsigned long lost, revived, api_errors;
};

static uint32_t *bit_field(struct ws_socket_info *info, const struct bit_worker *w)
{
    return w->shut_down_field ? (uint32_t *)&info->shut_down : &info->kept;
}

static void change_bit(struct bit_worker *w, int on)
{
    struct ws_socket_info before, after;

    if (socket_table_lookup(BIT_HANDLE, &before))
    {
        w->api_errors++;
        return;
    }
    after = before;
    if (on) *bit_field(&after, w) |= w->bit;
    else *bit_field(&after, w) &= ~w->bit;
    if (socket_table_update(BIT_HANDLE, &before, &after)) w->api_errors++;
}

static int bit_is_set(struct bit_worker *w)
{
    struct ws_socket_info now;

    if (socket_table_lookup(BIT_HANDLE, &now))
    {
        w->api_errors++;
        return 0;
    }
    return !!(*bit_field(&now, w) & w->bit);
}

static void *bit_worker_main(void *arg)
{
    struct bit_worker *w = arg;

    pthread_barrier_wait(&barrier);
    for (unsigned int round = 0; round < BIT_ROUNDS; round++)
    {
        change_bit(w, 1);
        if (!bit_is_set(w)) w->lost++;
        change_bit(w, 0);
        if (bit_is_set(w)) w->revived++;
    }
    /* Leave the bit set, so the end state shows every thread's. */
    change_bit(w, 1);
    return NULL;
}

static void test_bitmask_updates(void)
{
    static struct bit_worker workers[BIT_THREADS];
    struct ws_socket_info info = make_info(9), now;
    unsigned long lost = 0, revived = 0, api = 0;
    unsigned int started = 0;

    reset_table();
    CU_ASSERT_EQUAL_FATAL(socket_table_insert(BIT_HANDLE, &info), 0);
    CU_ASSERT_EQUAL_FATAL(pthread_barrier_init(&barrier, NULL, BIT_THREADS), 0);
    memset(workers, 0, sizeof(workers));
    for (unsigned int t = 0; t < BIT_THREADS; t++)
    {
        /* Four threads on kept's bits, two on shut_down's. */
        workers[t].shut_down_field = t >= 4;
        workers[t].bit = t >= 4 ? (t == 4 ? WS_SHUT_RECEIVE : WS_SHUT_SEND) : 1u << t;
        if (pthread_create(&workers[t].thread, NULL, bit_worker_main, &workers[t])) break;
        started++;
    }
    CU_ASSERT_EQUAL_FATAL(started, BIT_THREADS);
    for (unsigned int t = 0; t < BIT_THREADS; t++)
    {
        pthread_join(workers[t].thread, NULL);
        lost += workers[t].lost;
        revived += workers[t].revived;
        api += workers[t].api_errors;
    }
    pthread_barrier_destroy(&barrier);

    UT_CHECK(api == 0, "%lu lookups or updates failed", api);
    UT_CHECK(lost == 0, "%lu bits set by their thread were gone when it looked again", lost);
    UT_CHECK(revived == 0, "%lu bits cleared by their thread came back", revived);
    CU_ASSERT_EQUAL(socket_table_lookup(BIT_HANDLE, &now), 0);
    UT_CHECK(now.kept == 0xf, "kept is %#x at the end, expected 0xf", now.kept);
    UT_CHECK(now.shut_down == (WS_SHUT_RECEIVE | WS_SHUT_SEND), "shut_down is %#x at the end, expected %#x",
             now.shut_down, WS_SHUT_RECEIVE | WS_SHUT_SEND);
    /* The other fields are as inserted. */
    CU_ASSERT(same_info(&now, &info));
    reset_table();
}

/* An update writes only the fields it changed, keeps what another call
 * changed meanwhile, and never revives a removed entry or another
 * socket's. Every field must be copyable (a field missing from the
 * update's list would stay unchanged here). */
static void test_update(void)
{
    struct ws_socket_info before = make_info(5), after, mine, theirs, now;

    reset_table();
    CU_ASSERT_EQUAL_FATAL(socket_table_insert(0x40, &before), 0);
    memset(&after, 0xab, sizeof(after));
    after.wait_key = before.wait_key;
    CU_ASSERT_EQUAL(socket_table_update(0x40, &before, &after), 0);
    CU_ASSERT_EQUAL(socket_table_lookup(0x40, &now), 0);
    CU_ASSERT(!memcmp(&now, &after, sizeof(now)));

    /* Two calls that started from the same copy change different fields. */
    mine = theirs = now;
    mine.rcvtimeo = 111;
    theirs.shut_down = 3;
    CU_ASSERT_EQUAL(socket_table_update(0x40, &now, &theirs), 0);
    CU_ASSERT_EQUAL(socket_table_update(0x40, &now, &mine), 0);
    CU_ASSERT_EQUAL(socket_table_lookup(0x40, &now), 0);
    CU_ASSERT_EQUAL(now.rcvtimeo, 111);
    CU_ASSERT_EQUAL(now.shut_down, 3);

    /* The inode is learnt late (on the first verified call): a copy taken
     * before that still updates the same registration. */
    mine = now;
    mine.inode = 0x5555;
    CU_ASSERT_EQUAL(socket_table_update(0x40, &now, &mine), 0);
    theirs = now;
    theirs.debug = !now.debug;
    CU_ASSERT_EQUAL(socket_table_update(0x40, &now, &theirs), 0);
    CU_ASSERT_EQUAL(socket_table_lookup(0x40, &now), 0);
    CU_ASSERT_EQUAL(now.inode, 0x5555);
    CU_ASSERT_EQUAL(now.debug, theirs.debug);

    /* Removed meanwhile, or another socket at the value: not written. */
    CU_ASSERT_EQUAL(socket_table_remove(0x40, NULL), 0);
    CU_ASSERT_EQUAL(socket_table_update(0x40, &now, &mine), -1);
    CU_ASSERT_EQUAL(socket_table_lookup(0x40, &now), -1);
    before.wait_key = 77;
    CU_ASSERT_EQUAL_FATAL(socket_table_insert(0x40, &before), 0);
    after = before;
    after.wait_key = 78;
    after.debug = !before.debug;
    mine = after;
    CU_ASSERT_EQUAL(socket_table_update(0x40, &after, &mine), -1);
    CU_ASSERT_EQUAL(socket_table_lookup(0x40, &now), 0);
    CU_ASSERT_EQUAL(now.debug, before.debug);
    reset_table();
}

CU_TestInfo sockettable_tests[] =
{
    { "insert + lookup",                       test_insert_lookup },
    { "lookup absent",                         test_lookup_absent },
    { "remove",                                test_remove },
    { "insert replaces",                       test_replace },
    { "update writes only what changed",       test_update },
    { "handle value reused after CloseHandle", test_handle_reuse },
    { "bad handles refused",                   test_bad_handles },
    { "drain",                                 test_drain },
    { "drain bounded by max",                  test_drain_partial },
    { "8 threads x 20000 handles",             test_concurrency },
    { "bits of one field set by many threads", test_bitmask_updates },
    CU_TEST_INFO_NULL,
};
