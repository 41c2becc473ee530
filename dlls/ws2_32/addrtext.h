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

/* As Windows' RtlIpv4StringToAddress: a.b.c.d, a.b.c, a.b or a, each
 * part decimal, octal (leading 0) or hex (0x); strict: four decimal
 * parts. 0 with the address in out and *end at the first character not
 * read; -1 when the text starts with no address (out untouched). */
int ipv4_parse(const char *text, int strict, const char **end, uint8_t out[4]);
/* As RtlIpv6StringToAddress: RFC 4291 text with "::" and an IPv4 tail.
 * Groups are stored as their separators are read, so an invalid text
 * leaves those in out, as on Windows. 0 with *end, or -1. */
int ipv6_parse(const char *text, const char **end, uint8_t out[16]);
/* A port after ':' as Windows reads it: one number, 1 to 65535. 0 or -1. */
int port_parse(const char *text, uint16_t *port);
/* inet_addr: the address in network order, up to the first white space.
 * 0, or -1 when the text is not one. */
int text_to_ipv4_classic(const char *text, uint32_t *out);
/* inet_pton: the whole text must be the address. 1 or 0. */
int text_to_ipv4(const char *text, uint8_t out[4]);
int text_to_ipv6(const char *text, uint8_t out[16]);
/* Writes the text (RFC 5952 for IPv6) and returns its length without the
 * NUL, or -1 when size is too small. */
int ipv4_to_text(const uint8_t address[4], char *out, size_t size);
int ipv6_to_text(const uint8_t address[16], char *out, size_t size);

#endif
