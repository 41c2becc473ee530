/*
 * IP addresses as text and back, as Windows' inet_addr, inet_pton and
 * inet_ntop read and write them. Portable C so the host tests can run it.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_ADDRTEXT_H
#define WS2HOST_ADDRTEXT_H

#include <stddef.h>
#include <stdint.h>

/* inet_addr's forms: a.b.c.d, a.b.c, a.b, a, each part decimal, octal
 * (leading 0) or hex (0x). 0 and the address in network order in *out,
 * -1 when the text is not one. */
int text_to_ipv4_classic(const char *text, uint32_t *out);
/* inet_pton's strict form: four decimal parts. 1 or 0. */
int text_to_ipv4(const char *text, uint8_t out[4]);
/* RFC 4291 text, with :: and an embedded IPv4 tail. 1 or 0. */
int text_to_ipv6(const char *text, uint8_t out[16]);
/* Writes the text (RFC 5952 for IPv6) and returns its length without the
 * NUL, or -1 when size is too small. */
int ipv4_to_text(const uint8_t address[4], char *out, size_t size);
int ipv6_to_text(const uint8_t address[16], char *out, size_t size);

#endif
