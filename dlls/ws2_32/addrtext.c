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

/* One part of the classic form; advances *text. -1 on no digits/overflow. */
static int classic_part(const char **text, uint32_t *out)
{
    const char *p = *text;
    unsigned int base = 10;
    uint64_t value = 0;
    int digits = 0, d;

    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) { base = 16; p += 2; }
    else if (p[0] == '0') { base = 8; }
    while ((d = digit_value(*p, base)) >= 0)
    {
        value = value * base + d;
        if (value > 0xffffffffu) return -1;
        p++;
        digits++;
    }
    if (!digits && base != 16) return -1;
    if (!digits) return -1;
    *out = (uint32_t)value;
    *text = p;
    return 0;
}

int text_to_ipv4_classic(const char *text, uint32_t *out)
{
    static const uint32_t last_part_max[] = { 0xffffffffu, 0xffffff, 0xffff, 0xff };
    uint32_t parts[4], value = 0;
    int count = 0;

    if (!text) return -1;
    for (;;)
    {
        if (count == 4 || classic_part(&text, &parts[count])) return -1;
        count++;
        if (*text != '.') break;
        text++;
    }
    while (*text == ' ' || *text == '\t') text++;
    if (*text) return -1;
    for (int i = 0; i < count - 1; i++)
    {
        if (parts[i] > 0xff) return -1;
        value |= parts[i] << (24 - 8 * i);
    }
    if (parts[count - 1] > last_part_max[count - 1]) return -1;
    value |= parts[count - 1];
    /* network order */
    *out = ((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >> 8) & 0xff00) | (value >> 24);
    return 0;
}

int text_to_ipv4(const char *text, uint8_t out[4])
{
    for (int i = 0; i < 4; i++)
    {
        unsigned int value = 0;
        int digits = 0;

        while (*text >= '0' && *text <= '9')
        {
            value = value * 10 + (*text++ - '0');
            if (++digits > 3 || value > 255) return 0;
        }
        if (!digits) return 0;
        out[i] = (uint8_t)value;
        if (i < 3 && *text++ != '.') return 0;
    }
    return *text == 0;
}

int text_to_ipv6(const char *text, uint8_t out[16])
{
    uint16_t words[8];
    int count = 0, gap = -1;

    if (text[0] == ':' && text[1] == ':') { gap = 0; text += 2; }
    else if (text[0] == ':') return 0;
    while (*text)
    {
        const char *start = text;
        unsigned int value = 0;
        int digits = 0, d;

        if (count == 8) return 0;
        /* A component with a dot is an IPv4 tail: the last two words. */
        const char *colon = strchr(text, ':'), *dot = strchr(text, '.');
        if (dot && (!colon || dot < colon))
        {
            uint8_t v4[4];
            if (count > 6 || !text_to_ipv4(text, v4)) return 0;
            words[count++] = (uint16_t)(v4[0] << 8 | v4[1]);
            words[count++] = (uint16_t)(v4[2] << 8 | v4[3]);
            break;
        }
        while ((d = digit_value(*text, 16)) >= 0)
        {
            value = value * 16 + d;
            if (++digits > 4) return 0;
            text++;
        }
        if (!digits || text == start) return 0;
        words[count++] = (uint16_t)value;
        if (!*text) break;
        if (*text++ != ':') return 0;
        if (*text == ':')
        {
            if (gap >= 0) return 0;
            gap = count;
            text++;
        }
        else if (!*text) return 0;
    }
    if (gap < 0 && count != 8) return 0;
    if (gap >= 0 && count > 7) return 0;
    memset(out, 0, 16);
    for (int i = 0, j = 0; i < count; i++, j++)
    {
        if (i == gap) j += 8 - count;
        out[2 * j] = words[i] >> 8;
        out[2 * j + 1] = words[i] & 0xff;
    }
    return 1;
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
