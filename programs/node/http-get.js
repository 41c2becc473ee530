// Copyright 2026 the ws2host authors
// SPDX-License-Identifier: LGPL-2.1-or-later

// node http-get.js URL: prints "got SIZE bytes, sha256 HEX" for the
// script to compare with the file it served.
'use strict';
const http = require('http');
const crypto = require('crypto');

const req = http.get(process.argv[2], (res) => {
  if (res.statusCode !== 200) {
    console.log(`error: status ${res.statusCode}`);
    process.exit(1);
  }
  const hash = crypto.createHash('sha256');
  let size = 0;
  res.on('data', (chunk) => { hash.update(chunk); size += chunk.length; });
  res.on('end', () => console.log(`got ${size} bytes, sha256 ${hash.digest('hex')}`));
  res.on('error', (err) => { console.log(`error: after ${size} bytes: ${err.message}`); process.exit(1); });
});
req.on('error', (err) => { console.log(`error: ${err.message}`); process.exit(1); });
