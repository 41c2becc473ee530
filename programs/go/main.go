// Copyright 2026 the ws2host authors
// SPDX-License-Identifier: LGPL-2.1-or-later

// Command wsprog is what tools/check-programs runs: built for Windows it
// is the program under test (under Wine, through ws2host or Wine's
// builtin ws2_32); built for Linux it is the peer on the other end.
// Every role binds 127.0.0.1 only and lets the system pick the port,
// which it prints as "listening PORT" for the script to read.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func usage() {
	fmt.Fprintln(os.Stderr, `usage: wsprog serve FILE          HTTP server for FILE at /file, ends on /quit
       wsprog get URL             download URL, print its size and sha256
       wsprog echo-server tcp|udp echo server, runs until killed
       wsprog echo tcp|udp PORT N N round trips to 127.0.0.1:PORT`)
	os.Exit(2)
}

func main() {
	if len(os.Args) < 3 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "serve":
		err = serve(os.Args[2])
	case "get":
		err = get(os.Args[2])
	case "echo-server":
		err = echoServer(os.Args[2])
	case "echo":
		if len(os.Args) != 5 {
			usage()
		}
		port, perr := strconv.Atoi(os.Args[3])
		count, cerr := strconv.Atoi(os.Args[4])
		if perr != nil || cerr != nil {
			usage()
		}
		err = echo(os.Args[2], port, count)
	default:
		usage()
	}
	if err != nil {
		fmt.Printf("error: %v\n", err)
		os.Exit(1)
	}
}
