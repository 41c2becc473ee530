// Copyright 2026 the ws2host authors
// SPDX-License-Identifier: LGPL-2.1-or-later

// Message i of an echo run: its number, then bytes that depend on it, 8 to
// 1400 long, the same as programs/go/echo.go sends.
'use strict';

function message(i) {
  const m = Buffer.alloc(8 + (i * 37) % 1393);
  m.writeBigUInt64BE(BigInt(i), 0);
  for (let j = 8; j < m.length; j++) m[j] = (i * 131 + j * 7) & 0xff;
  return m;
}

module.exports = { message };
