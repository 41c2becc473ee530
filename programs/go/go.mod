// Copyright 2026 the ws2host authors
// SPDX-License-Identifier: LGPL-2.1-or-later

module ws2host/programs

go 1.19
