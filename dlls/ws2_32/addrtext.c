/*
 * IP addresses as text and back.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "addrtext.h"

static int digit_value(char c, unsigned int base)
{
    unsigned int value;

    if (c >= '0' && c <= '9') value = c - '0';
    else if (c >= 'a' && c <= 'f') value = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') value = c - 'A' + 10;
    else return -1;
    return value < base ? (int)value : -1;
}

static int is_decimal(char c)
{
    return c >= '0' && c <= '9';
}

/* One number as Windows' RtlIpv4StringToAddress reads it: "0x" hex, a
 * leading 0 before a digit octal (neither when strict), else decimal.
 * Windows notices a 32-bit wrap only when it makes the value smaller
 * (protocol.c test_WSAStringToAddress: "0x123456789" is 0x23456789). */
static int read_number(const char **text, int strict, uint32_t *out)
{
    const char *p = *text;
    unsigned int base = 10;
    uint32_t value = 0;
    int digits = 0, d;

    if (!is_decimal(*p)) return -1;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) { base = 16; p += 2; }
    else if (p[0] == '0' && is_decimal(p[1])) { base = 8; p++; }
    if (strict && base != 10) return -1;
    while ((d = digit_value(*p, base)) >= 0)
    {
        uint32_t next = value * base + d;

        if (next < value) return -1;
        value = next;
        p++;
        digits++;
    }
    if (!digits) return -1;
    *out = value;
    *text = p;
    return 0;
}

int ipv4_parse(const char *text, int strict, const char **end, uint8_t out[4])
{
    /* The last part fills what the others leave. */
    static const uint32_t last_part_max[] = { 0xffffffffu, 0xffffff, 0xffff, 0xff };
    uint32_t parts[4], value = 0;
    int count = 0;

    for (;;)
    {
        if (read_number(&text, strict, &parts[count])) return -1;
        count++;
        if (*text != '.') break;
        if (count == 4) return -1;
        text++;
    }
    if (strict && count != 4) return -1;
    for (int i = 0; i < count - 1; i++)
    {
        if (parts[i] > 0xff) return -1;
        value |= parts[i] << (24 - 8 * i);
    }
    if (parts[count - 1] > last_part_max[count - 1]) return -1;
    value |= parts[count - 1];
    for (int i = 0; i < 4; i++) out[i] = (uint8_t)(value >> (24 - 8 * i));
    *end = text;
    return 0;
}

int port_parse(const char *text, uint16_t *port)
{
    uint32_t value;

    if (read_number(&text, 0, &value) || *text || !value || value > 0xffff) return -1;
    *port = (uint16_t)value;
    return 0;
}

/* inet_addr: Windows reads up to the first white space, and a lone space
 * is INADDR_ANY (protocol.c test_inet_addr). */
int text_to_ipv4_classic(const char *text, uint32_t *out)
{
    const char *end;

    if (!strcmp(text, " "))
    {
        *out = 0;
        return 0;
    }
    if (ipv4_parse(text, 0, &end, (uint8_t *)out)) return -1;
    return *end && !strchr(" \t\n\v\f\r", *end) ? -1 : 0;
}

int text_to_ipv4(const char *text, uint8_t out[4])
{
    const char *end;

    return !ipv4_parse(text, 1, &end, out) && !*end;
}

static void put_word(uint8_t *out, int index, unsigned int word)
{
    out[2 * index] = (uint8_t)(word >> 8);
    out[2 * index + 1] = (uint8_t)word;
}

/* The length of the hex digits at text, and the group's value: Windows
 * ends the group at the digits but takes the value of the whole hex
 * number, "0x" and all, as a signed 32-bit number that saturates
 * (protocol.c test_inet_pton: "::0x88" is ::88 and "::0x80000000" ::ffff). */
static int hex_group(const char *text, unsigned int *value)
{
    const char *p = text;
    uint64_t number = 0;
    int length = 0;

    while (digit_value(text[length], 16) >= 0) length++;
    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X') && digit_value(text[2], 16) >= 0) p += 2;
    for (; digit_value(*p, 16) >= 0; p++)
        if ((number = number * 16 + digit_value(*p, 16)) > 0x7fffffff) number = 0x7fffffff;
    *value = (unsigned int)number & 0xffff;
    return length;
}

static int all_decimal(const char *text, int length)
{
    for (int i = 0; i < length; i++)
        if (!is_decimal(text[i])) return 0;
    return 1;
}

/* An IPv4 tail: each part is stored once its dot is read, the last one
 * only when the whole address is valid. */
static int ipv4_tail(const char **text, uint8_t *out, uint8_t *last)
{
    const char *p = *text;

    for (int i = 0; i < 4; i++)
    {
        unsigned int value = 0;
        int digits = 0;

        for (; is_decimal(*p); p++)
            if (++digits > 3) return -1;
            else value = value * 10 + (*p - '0');
        if (!digits || value > 255) return -1;
        if (i == 3)
        {
            *last = (uint8_t)value;
            break;
        }
        if (*p++ != '.') return -1;
        out[i] = (uint8_t)value;
    }
    *text = p;
    return 0;
}

struct ipv6_reader
{
    uint8_t *out;
    int count;          /* groups read */
    int gap;            /* the group "::" stands before, or -1 */
    int pending;        /* the last group is not stored yet: */
    unsigned int word;  /* its value, */
    int tail;           /* or it ends an IPv4 tail, */
    uint8_t tail_last;  /* whose last byte this is */
};

/* Groups still to read: "::" stands for at least one. */
static int ipv6_room(const struct ipv6_reader *r)
{
    return (r->gap >= 0 ? 7 : 8) - r->count;
}

/* One group or IPv4 tail at *text. 1 read, 0 none there, -1 invalid. */
static int ipv6_component(struct ipv6_reader *r, const char **text)
{
    int room = ipv6_room(r);
    unsigned int word;
    int length = hex_group(*text, &word);

    if (!length) return 0;
    if ((*text)[length] == '.' && all_decimal(*text, length) && room >= 2)
    {
        if (ipv4_tail(text, r->out + 2 * r->count, &r->tail_last)) return -1;
        r->count += 2;
        r->tail = 1;
        return 1;
    }
    if (length > 4) return -1;
    *text += length;
    r->word = word;
    r->pending = 1;
    r->count++;
    return 1;
}

/* Stores the last group and moves the groups after "::" to the end. */
static void ipv6_finish(struct ipv6_reader *r)
{
    int after, shift;

    if (r->tail) r->out[2 * r->count - 1] = r->tail_last;
    else if (r->pending) put_word(r->out, r->count - 1, r->word);
    if (r->gap < 0) return;
    after = r->count - r->gap;
    shift = 8 - r->count;
    memmove(r->out + 2 * (r->gap + shift), r->out + 2 * r->gap, 2 * after);
    memset(r->out + 2 * r->gap, 0, 2 * shift);
}

int ipv6_parse(const char *text, const char **end, uint8_t out[16])
{
    struct ipv6_reader r = { .out = out, .gap = -1 };
    int after_gap = 0, ret;

    if (text[0] == ':' && text[1] != ':') return -1;
    if (text[0] == ':')
    {
        /* Windows stores a zero group for a leading "::" at once. */
        put_word(out, 0, 0);
        r.gap = 0;
        text += 2;
        after_gap = 1;
    }
    for (;;)
    {
        if (!ipv6_room(&r)) break;
        /* Nothing readable ends the address after "::"; after ':' or at the start, it is invalid. */
        if ((ret = ipv6_component(&r, &text)) < 0 || (!ret && !after_gap)) return -1;
        if (!ret || r.tail || !ipv6_room(&r) || text[0] != ':') break;
        if (text[1] == ':' && r.gap >= 0) break;
        put_word(out, r.count - 1, r.word);
        r.pending = 0;
        after_gap = text[1] == ':';
        if (after_gap) r.gap = r.count;
        text += after_gap ? 2 : 1;
    }
    if (r.gap < 0 && r.count != 8) return -1;
    ipv6_finish(&r);
    *end = text;
    return 0;
}

int text_to_ipv6(const char *text, uint8_t out[16])
{
    const char *end;

    return !ipv6_parse(text, &end, out) && !*end;
}

int ipv4_to_text(const uint8_t a[4], char *out, size_t size)
{
    char text[16];
    int length = snprintf(text, sizeof(text), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);

    if ((size_t)length + 1 > size) return -1;
    memcpy(out, text, length + 1);
    return length;
}

int ipv6_to_text(const uint8_t a[16], char *out, size_t size)
{
    static const uint8_t mapped_prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    static const uint8_t zero_prefix[12] = { 0 };
    char text[64], *p = text;
    int best = -1, best_length = 0;
    uint16_t words[8];

    for (int i = 0; i < 8; i++) words[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
    /* The longest run of two or more zero words becomes "::". */
    for (int i = 0; i < 8;)
    {
        int j = i;
        while (j < 8 && !words[j]) j++;
        if (j - i > best_length && j - i >= 2) { best = i; best_length = j - i; }
        i = j > i ? j : i + 1;
    }
    /* IPv4-mapped and IPv4-compatible addresses end in dotted form (not
     * ::1 and ::, whose last 32 bits start with a zero word). */
    if (!memcmp(a, mapped_prefix, sizeof(mapped_prefix)))
        p += sprintf(p, "::ffff:%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
    else if (!memcmp(a, zero_prefix, sizeof(zero_prefix)) && words[6])
        p += sprintf(p, "::%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
    else
    {
        for (int i = 0; i < 8; i++)
        {
            if (i == best)
            {
                p += sprintf(p, "::");
                i += best_length - 1;
                continue;
            }
            if (p > text && p[-1] != ':') *p++ = ':';
            p += sprintf(p, "%x", words[i]);
        }
    }
    *p = 0;
    if ((size_t)(p - text) + 1 > size) return -1;
    memcpy(out, text, p - text + 1);
    return (int)(p - text);
}
