package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckAddr(t *testing.T) {
	for _, tt := range []struct {
		addr   string
		remote bool
		err    string
	}{
		{"127.0.0.1:8080", false, ""},
		{"127.0.0.2:0", false, ""},
		{"[::1]:8080", false, ""},
		{"localhost:8080", false, ""},
		{"0.0.0.0:8080", false, `address "0.0.0.0:8080" would listen on 0.0.0.0, not only on this machine: pass --allow-remote to mean it`},
		{":8080", false, `address ":8080" would listen on every interface, not only on this machine: pass --allow-remote to mean it`},
		{"[::]:8080", false, `address "[::]:8080" would listen on ::, not only on this machine: pass --allow-remote to mean it`},
		{"192.168.1.10:8080", false, `address "192.168.1.10:8080" would listen on 192.168.1.10, not only on this machine: pass --allow-remote to mean it`},
		{"example.org:80", false, `address "example.org:80" would listen on example.org, not only on this machine: pass --allow-remote to mean it`},
		{"0.0.0.0:8080", true, ""},
		{":8080", true, ""},
		{"8080", false, `address "8080": address 8080: missing port in address`},
	} {
		t.Run(tt.addr, func(t *testing.T) {
			err := CheckAddr(tt.addr, tt.remote)
			if tt.err == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tt.err)
		})
	}
}

// startServe runs Serve on a loopback port and returns its URL, the
// cancel that stops it, and a wait for Serve's result (which may be
// called more than once).
func startServe(t *testing.T, cfg Config) (*Server, string, context.CancelFunc, func() error) {
	t.Helper()
	s, err := New(cfg)
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	wait := sync.OnceValue(func() error { return <-done })
	t.Cleanup(func() {
		cancel()
		_ = wait()
	})
	return s, "http://" + ln.Addr().String(), cancel, wait
}

// TestServeGracefulShutdown: when the context ends, a check in flight is
// finished and answered, new connections are refused, and Serve returns
// nil.
func TestServeGracefulShutdown(t *testing.T) {
	s, url, cancel, wait := startServe(t, Config{})
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()

	pr, pw := io.Pipe()
	type result struct {
		status int
		body   string
		err    error
	}
	answered := make(chan result, 1)
	go func() {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, url+"/v1/check", pr)
		req.Header.Set("Content-Type", "text/plain")
		resp, err := client.Do(req)
		if err != nil {
			answered <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		answered <- result{resp.StatusCode, string(b), err}
	}()
	_, err := pw.Write([]byte("Russia claims 100,000 sq km "))
	require.NoError(t, err)
	waitFor(t, func() bool { return len(s.inFlight) == 1 })

	cancel()
	// the listener closes: new connections are refused
	waitFor(t, func() bool {
		c, err := net.DialTimeout("tcp", strings.TrimPrefix(url, "http://"), time.Second)
		if err == nil {
			c.Close()
		}
		return err != nil
	})
	assert.Len(t, s.inFlight, 1, "the check is still in flight")

	_, err = pw.Write([]byte("(453 sq miles)."))
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	res := <-answered
	require.NoError(t, res.err)
	assert.Equal(t, http.StatusOK, res.status)
	assert.Contains(t, res.body, `"pairs_checked":1`)
	assert.NoError(t, wait())
}

// TestServeShutdownTimeout: a request that does not end within the
// shutdown timeout is cut, and Serve says so.
func TestServeShutdownTimeout(t *testing.T) {
	s, url, cancel, wait := startServe(t, Config{ShutdownTimeout: 50 * time.Millisecond})
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	pr, pw := io.Pipe()
	defer pw.Close()
	failed := make(chan error, 1)
	go func() {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, url+"/v1/check", pr)
		req.Header.Set("Content-Type", "text/plain")
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		failed <- err
	}()
	_, err := pw.Write([]byte("never ending"))
	require.NoError(t, err)
	waitFor(t, func() bool { return len(s.inFlight) == 1 })
	cancel()
	err = wait()
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.DeadlineExceeded), err)
	assert.Contains(t, err.Error(), "shut down 127.0.0.1:")
	pw.CloseWithError(errors.New("test over"))
	assert.Error(t, <-failed, "the cut request fails")
}

// TestServeReadHeaderTimeout: a client that never finishes its headers is
// disconnected.
func TestServeReadHeaderTimeout(t *testing.T) {
	_, url, _, _ := startServe(t, Config{ReadHeaderTimeout: 50 * time.Millisecond})
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("POST /v1/check HTTP/1.1\r\nHost: x\r\n"))
	require.NoError(t, err)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
	b, err := io.ReadAll(conn)
	require.NoError(t, err, "the server closes the connection")
	// net/http may or may not write a 408 before closing
	if len(b) > 0 {
		assert.Contains(t, string(b), "408")
	}
}

// TestServeReadTimeout: a body that trickles past the read timeout is cut
// off; the check slot is given back.
func TestServeReadTimeout(t *testing.T) {
	s, url, _, _ := startServe(t, Config{ReadTimeout: 100 * time.Millisecond})
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nabc"))
	require.NoError(t, err)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
	b, err := io.ReadAll(conn)
	require.NoError(t, err)
	assert.Contains(t, string(b), "HTTP/1.1 408 Request Timeout")
	assert.Contains(t, string(b), `{"error":"the request body did not arrive within the read timeout (100ms)"}`)
	waitFor(t, func() bool { return len(s.inFlight) == 0 })
}
