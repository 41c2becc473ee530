// Copyright 2026 the ws2host authors
// SPDX-License-Identifier: LGPL-2.1-or-later

// node tcp-echo.js PORT N: N round trips to an echo server on
// 127.0.0.1:PORT, each reply compared byte for byte; prints
// "echoed M of N round trips (tcp)" and fails unless M == N.
'use strict';
const net = require('net');
const { message } = require('./message');

const port = Number(process.argv[2]), count = Number(process.argv[3]);
let ok = 0, pending = Buffer.alloc(0), expected;

function finish(why) {
  if (why) console.log(`error: round trip ${ok}: ${why}`);
  console.log(`echoed ${ok} of ${count} round trips (tcp)`);
  sock.destroy();
  process.exitCode = ok === count ? 0 : 1;
}

function next() {
  if (ok === count) return finish();
  expected = message(ok);
  sock.write(expected);
}

const sock = net.connect({ host: '127.0.0.1', port }, next);
sock.setTimeout(10000, () => finish('timed out'));
sock.on('error', (err) => finish(err.message));
sock.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  if (pending.length < expected.length) return;
  if (pending.length > expected.length || !pending.equals(expected)) return finish('the reply differs');
  pending = Buffer.alloc(0);
  ok++;
  next();
});
