// Copyright 2026 the ws2host authors
// SPDX-License-Identifier: LGPL-2.1-or-later

package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"net"
	"net/http"
)

// serve answers GET /file with the file and GET /quit by ending the
// program, so the script stops it without killing Wine.
func serve(path string) error {
	// "tcp", as http.ListenAndServe listens: Go then skips completion
	// packets for what succeeds at once ("tcp4" does not).
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	done := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/file", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, path)
	})
	mux.HandleFunc("/quit", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "bye")
		close(done)
	})
	fmt.Printf("listening %d\n", ln.Addr().(*net.TCPAddr).Port)
	go http.Serve(ln, mux)
	<-done
	return nil
}

// get prints "got SIZE bytes, sha256 HEX"; the script compares both
// with the file it served.
func get(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	h := sha256.New()
	n, err := io.Copy(h, resp.Body)
	if err != nil {
		return fmt.Errorf("after %d bytes: %v", n, err)
	}
	fmt.Printf("got %d bytes, sha256 %x\n", n, h.Sum(nil))
	return nil
}
