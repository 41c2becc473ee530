// Copyright 2026 the ws2host authors
// SPDX-License-Identifier: LGPL-2.1-or-later

// node udp-echo.js PORT N: N datagrams to an echo server on
// 127.0.0.1:PORT, each reply compared byte for byte; a datagram lost on
// loopback is resent up to 3 times. Prints "echoed M of N round trips
// (udp, R datagrams resent)" and fails unless M == N.
'use strict';
const dgram = require('dgram');
const { message } = require('./message');

const port = Number(process.argv[2]), count = Number(process.argv[3]);
let ok = 0, resent = 0, tries = 0, expected, timer, done = false;
const sock = dgram.createSocket('udp4');

function finish(why) {
  if (done) return;
  done = true;
  clearTimeout(timer);
  if (why) console.log(`error: round trip ${ok}: ${why}`);
  console.log(`echoed ${ok} of ${count} round trips (udp, ${resent} datagrams resent)`);
  sock.close();
  process.exitCode = ok === count ? 0 : 1;
}

function send() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (++tries > 3) return finish('no reply after 4 sends');
    resent++;
    send();
  }, 1000);
  sock.send(expected, port, '127.0.0.1', (err) => { if (err) finish(err.message); });
}

function next() {
  if (ok === count) return finish();
  expected = message(ok);
  tries = 0;
  send();
}

sock.on('error', (err) => finish(err.message));
sock.on('message', (msg) => {
  if (done) return;
  if (msg.equals(expected)) { ok++; next(); return; }
  // A late reply to an earlier message is skipped; anything else is wrong.
  if (msg.length < 8 || msg.readBigUInt64BE(0) >= BigInt(ok)) finish('the reply differs');
});
sock.bind({ address: '127.0.0.1', port: 0 }, next);
