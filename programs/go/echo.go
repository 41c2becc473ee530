// Copyright 2026 the ws2host authors
// SPDX-License-Identifier: LGPL-2.1-or-later

package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

func echoServer(proto string) error {
	switch proto {
	case "tcp":
		// "tcp", as most programs listen: Go then skips completion
		// packets for what succeeds at once ("tcp4" does not).
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		fmt.Printf("listening %d\n", ln.Addr().(*net.TCPAddr).Port)
		for {
			c, err := ln.Accept()
			if err != nil {
				return err
			}
			go func() { io.Copy(c, c); c.Close() }()
		}
	case "udp":
		pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
		if err != nil {
			return err
		}
		fmt.Printf("listening %d\n", pc.LocalAddr().(*net.UDPAddr).Port)
		buf := make([]byte, 65536)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return err
			}
			pc.WriteTo(buf[:n], from)
		}
	}
	return fmt.Errorf("unknown protocol %q", proto)
}

// message i: its number, then bytes that depend on it, 8 to 1400 long, so
// a reply to another message or a cut one never matches.
func message(i int) []byte {
	m := make([]byte, 8+(i*37)%1393)
	binary.BigEndian.PutUint64(m, uint64(i))
	for j := 8; j < len(m); j++ {
		m[j] = byte(i*131 + j*7)
	}
	return m
}

// echo prints "echoed M of N round trips" and fails unless M == N.
func echo(proto string, port, count int) error {
	// "tcp"/"udp", as most programs dial (Go skips completion packets of
	// TCP sends that succeed at once only then).
	c, err := net.Dial(proto, fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return err
	}
	defer c.Close()
	ok, retries := 0, 0
	for i := 0; i < count; i++ {
		var r int
		if proto == "udp" {
			r, err = udpTrip(c, message(i))
			retries += r
		} else {
			err = tcpTrip(c, message(i))
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "round trip %d: %v\n", i, err)
			break
		}
		ok++
	}
	fmt.Printf("echoed %d of %d round trips (%s, %d datagrams resent)\n", ok, count, proto, retries)
	if ok != count {
		return errors.New("echo incomplete")
	}
	return nil
}

func tcpTrip(c net.Conn, m []byte) error {
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := c.Write(m); err != nil {
		return err
	}
	got := make([]byte, len(m))
	if _, err := io.ReadFull(c, got); err != nil {
		return err
	}
	if !bytes.Equal(got, m) {
		return errors.New("the reply differs")
	}
	return nil
}

// Loopback rarely drops a datagram, but it may: resend up to 3 times and
// skip late replies to earlier messages.
func udpTrip(c net.Conn, m []byte) (int, error) {
	got := make([]byte, 2048)
	for try := 0; try < 4; try++ {
		if _, err := c.Write(m); err != nil {
			return try, err
		}
		c.SetReadDeadline(time.Now().Add(time.Second))
		for {
			n, err := c.Read(got)
			if err != nil {
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					break
				}
				return try, err
			}
			if bytes.Equal(got[:n], m) {
				return try, nil
			}
			if n < 8 || binary.BigEndian.Uint64(got) >= binary.BigEndian.Uint64(m) {
				return try, errors.New("the reply differs")
			}
		}
	}
	return 3, errors.New("no reply after 4 sends")
}
