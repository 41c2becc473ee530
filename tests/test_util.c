/*
 * Helpers shared by the host tests.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <dirent.h>
#include <sys/socket.h>

#include "unit_tests.h"

int ut_count_open_fds(void)
{
    DIR *dir = opendir("/proc/self/fd");
    struct dirent *de;
    int count = 0;

    if (!dir) return -1;
    while ((de = readdir(dir)))
        if (de->d_name[0] != '.') count++;
    closedir(dir);
    return count - 1;   /* the descriptor opendir itself holds */
}

int ut_socket(int ws_family, int type)
{
    int family = ws_family == 23 ? AF_INET6 : ws_family == 2 ? AF_INET : -1;

    if (family < 0) return -1;
    return socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}
