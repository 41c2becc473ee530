/*
 * The Linux side's files include "wsvalues.h": the values themselves are
 * in include/ws2host/wsvalues.h, shared with the PE side.
 *
 * Copyright 2026 the ws2host authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "ws2host/wsvalues.h"
