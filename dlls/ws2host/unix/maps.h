/*
 * Tables between Windows and Linux values, and the errno to WSA error table.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef WS2HOST_MAPS_H
#define WS2HOST_MAPS_H

struct value_pair
{
    int windows;
    int linux_value;
};

struct value_map
{
    const struct value_pair *pairs;
    unsigned int count;
};

extern const struct value_map family_map;
extern const struct value_map type_map;
extern const struct value_map protocol_map;

/* Both return 0 and set *out on success, -1 when the value has no mapping. */
int map_to_linux(const struct value_map *map, int windows, int *out);
int map_to_windows(const struct value_map *map, int linux_value, int *out);

/* The WSA error for a Linux errno: 0 for 0, and never 0 for a failure
 * (an errno with no entry gives WSAEINVAL). */
unsigned int wsa_error_from_errno(int err);

#endif /* WS2HOST_MAPS_H */
