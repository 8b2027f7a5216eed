package lsp_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/textproto"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/lsp"
)

// wait bounds every wait of the tests, so that a server that fails to
// answer fails the test instead of hanging it. It is not a speed target.
const wait = 30 * time.Second

// message is a JSON-RPC message as the client sees it on the wire.
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// Wire types of the protocol, as the tests read them: written out here so
// the tests check the JSON, not the server's own types.
type (
	position struct {
		Line      int `json:"line"`
		Character int `json:"character"`
	}
	span struct {
		Start position `json:"start"`
		End   position `json:"end"`
	}
	diagnostic struct {
		Range           span   `json:"range"`
		Severity        int    `json:"severity"`
		Code            string `json:"code"`
		CodeDescription struct {
			Href string `json:"href"`
		} `json:"codeDescription"`
		Source  string `json:"source"`
		Message string `json:"message"`
	}
	publishParams struct {
		URI         string       `json:"uri"`
		Version     *int         `json:"version"`
		Diagnostics []diagnostic `json:"diagnostics"`
	}
	textEdit struct {
		Range   span   `json:"range"`
		NewText string `json:"newText"`
	}
	codeAction struct {
		Title       string       `json:"title"`
		Kind        string       `json:"kind"`
		IsPreferred bool         `json:"isPreferred"`
		Diagnostics []diagnostic `json:"diagnostics"`
		Edit        struct {
			Changes map[string][]textEdit `json:"changes"`
		} `json:"edit"`
	}
	hover struct {
		Contents struct {
			Kind  string `json:"kind"`
			Value string `json:"value"`
		} `json:"contents"`
		Range *span `json:"range"`
	}
)

// client drives a Server over in-memory pipes, as an editor would.
type client struct {
	t      *testing.T
	in     *io.PipeWriter // to the server
	log    *syncBuffer    // the server's log
	served chan error     // Serve's result

	mu      sync.Mutex
	cond    *sync.Cond
	backlog []message // received and not yet taken
	readErr error
	nextID  int
}

// syncBuffer is a bytes.Buffer safe for the server's logger.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start runs a server with opts (its Logger replaced by one the test
// reads) and returns a client connected to it. The server is stopped and
// waited for at the end of the test.
func start(t *testing.T, opts lsp.Options) *client {
	t.Helper()
	c := &client{t: t, log: &syncBuffer{}, served: make(chan error, 1)}
	c.cond = sync.NewCond(&c.mu)
	opts.Logger = slog.New(slog.NewTextHandler(c.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	toServer, in := io.Pipe()
	out, fromServer := io.Pipe()
	c.in = in
	srv := lsp.New(opts)
	go func() { c.served <- srv.Serve(context.Background(), toServer, fromServer) }()
	go c.read(out)
	t.Cleanup(func() {
		_ = in.Close() // the end of input stops a server still running
		select {
		case err := <-c.served:
			t.Logf("Serve returned %v", err)
		case <-time.After(wait):
			t.Errorf("the server did not stop")
		}
		_ = out.Close()
	})
	return c
}

// read reads the server's messages into the backlog; every byte the
// server writes must be a well-formed frame of JSON.
func (c *client) read(out io.Reader) {
	r := bufio.NewReader(out)
	tp := textproto.NewReader(r)
	for {
		hdr, err := tp.ReadMIMEHeader()
		if err == nil {
			var n int
			if n, err = strconv.Atoi(hdr.Get("Content-Length")); err == nil {
				body := make([]byte, n)
				if _, err = io.ReadFull(r, body); err == nil {
					var m message
					if err = json.Unmarshal(body, &m); err == nil && m.JSONRPC != "2.0" {
						err = fmt.Errorf("not JSON-RPC 2.0: %s", body)
					}
					if err == nil {
						c.mu.Lock()
						c.backlog = append(c.backlog, m)
						c.cond.Broadcast()
						c.mu.Unlock()
						continue
					}
				}
			}
		}
		c.mu.Lock()
		c.readErr = err
		c.cond.Broadcast()
		c.mu.Unlock()
		return
	}
}

// sendRaw writes bytes to the server as they are.
func (c *client) sendRaw(b []byte) {
	c.t.Helper()
	_, err := c.in.Write(b)
	require.NoError(c.t, err)
}

// send frames a message and writes it.
func (c *client) send(m any) {
	c.t.Helper()
	body, err := json.Marshal(m)
	require.NoError(c.t, err)
	c.sendRaw([]byte(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)))
}

// notify sends a notification.
func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// request sends a request and returns its id.
func (c *client) request(method string, params any) int {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	c.mu.Unlock()
	m := map[string]any{"jsonrpc": "2.0", "id": id, "method": method}
	if params != nil {
		m["params"] = params
	}
	c.send(m)
	return id
}

// take waits for the first message of the backlog that match accepts,
// removes it and returns it.
func (c *client) take(what string, match func(message) bool) message {
	c.t.Helper()
	deadline := time.Now().Add(wait)
	timer := time.AfterFunc(wait, func() {
		c.mu.Lock()
		c.cond.Broadcast()
		c.mu.Unlock()
	})
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for i, m := range c.backlog {
			if match(m) {
				c.backlog = append(c.backlog[:i:i], c.backlog[i+1:]...)
				return m
			}
		}
		if c.readErr != nil || time.Now().After(deadline) {
			c.t.Fatalf("no %s (read: %v); log:\n%s", what, c.readErr, c.log.String())
		}
		c.cond.Wait()
	}
}

// response waits for the response to request id.
func (c *client) response(id int) message {
	c.t.Helper()
	want := strconv.Itoa(id)
	return c.take("response to request "+want, func(m message) bool { return m.Method == "" && string(m.ID) == want })
}

// call sends a request, waits for its response and decodes its result
// into result (unless nil); it fails the test on an error response.
func (c *client) call(method string, params, result any) {
	c.t.Helper()
	resp := c.response(c.request(method, params))
	require.Nil(c.t, resp.Error, "%s: %+v", method, resp.Error)
	if result != nil {
		require.NoError(c.t, json.Unmarshal(resp.Result, result), "%s: %s", method, resp.Result)
	}
}

// callError sends a request and returns its error response.
func (c *client) callError(method string, params any) rpcError {
	c.t.Helper()
	resp := c.response(c.request(method, params))
	require.NotNil(c.t, resp.Error, "%s: want an error, got %s", method, resp.Result)
	return *resp.Error
}

// diagnostics waits for the publication of uri's diagnostics for version.
func (c *client) diagnostics(uri string, version int) []diagnostic {
	c.t.Helper()
	m := c.take(fmt.Sprintf("diagnostics of %s version %d", uri, version), func(m message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p publishParams
		return json.Unmarshal(m.Params, &p) == nil && p.URI == uri && p.Version != nil && *p.Version == version
	})
	var p publishParams
	require.NoError(c.t, json.Unmarshal(m.Params, &p))
	return p.Diagnostics
}

// initialize runs the handshake with the given client capabilities.
func (c *client) initialize(caps map[string]any) map[string]any {
	c.t.Helper()
	var res map[string]any
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps, "clientInfo": map[string]any{"name": "test"}}, &res)
	c.notify("initialized", map[string]any{})
	return res
}

// open sends didOpen.
func (c *client) open(uri, languageID, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": languageID, "version": 1, "text": text,
	}})
}

// change sends didChange with one edit of a range (nil: the whole text).
func (c *client) change(uri string, version int, r *span, text string) {
	c.t.Helper()
	ch := map[string]any{"text": text}
	if r != nil {
		ch["range"] = r
	}
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{ch},
	})
}

// stop sends shutdown and exit and returns what Serve returned.
func (c *client) stop() error {
	c.t.Helper()
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case err := <-c.served:
		c.served <- err // for the cleanup
		return err
	case <-time.After(wait):
		c.t.Fatal("the server did not exit")
	}
	return nil
}
