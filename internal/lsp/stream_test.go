package lsp

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/jsonrpc2"
)

// readAll reads every message of input and returns their methods and
// what the stream wrote back.
func readAll(t *testing.T, input string, maxBody int) (methods []string, replies string, err error) {
	t.Helper()
	var out bytes.Buffer
	s := newStream(strings.NewReader(input), &out, nil, maxBody, slog.New(slog.DiscardHandler))
	for {
		msg, _, err := s.Read(context.Background())
		if err != nil {
			return methods, out.String(), err
		}
		switch m := msg.(type) {
		case *jsonrpc2.Call:
			methods = append(methods, m.Method())
		case *jsonrpc2.Notification:
			methods = append(methods, m.Method())
		default:
			methods = append(methods, "response")
		}
	}
}

func frame(body string) string {
	return "Content-Length: " + itoa(len(body)) + "\r\n\r\n" + body
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		if n /= 10; n == 0 {
			return string(b)
		}
	}
}

const (
	callA  = `{"jsonrpc":"2.0","id":1,"method":"a"}`
	notifB = `{"jsonrpc":"2.0","method":"b","params":{}}`
)

func TestStreamReads(t *testing.T) {
	tests := []struct {
		name, input string
		methods     []string
		replies     []string // substrings of what the stream answers, in order
		err         error
	}{
		{"two messages", frame(callA) + frame(notifB), []string{"a", "b"}, nil, io.EOF},
		{"headers in any case, with Content-Type, LF only",
			"content-length: " + itoa(len(callA)) + "\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n" + callA, []string{"a"}, nil, io.EOF},
		{"blank lines between messages", frame(callA) + "\r\n\r\n" + frame(notifB), []string{"a", "b"}, nil, io.EOF},
		{"a bad length, then resynchronised", "Content-Length: ten\r\n\r\n{}" + frame(notifB), []string{"b"},
			[]string{`"id":null,"error":{"code":-32700,"message":"bad message frame: malformed header: Content-Length \"ten\" is not a length"}`}, io.EOF},
		{"no Content-Length", "Content-Type: x\r\n\r\n" + callA + frame(notifB), []string{"b"},
			[]string{`the header has no Content-Length`}, io.EOF},
		{"a header line without a colon", "Content-Length 38\r\n\r\n" + callA + "content-LENGTH: " + itoa(len(notifB)) + "\r\n\r\n" + notifB, []string{"b"},
			[]string{`has no colon`}, io.EOF},
		{"a header line too long", strings.Repeat("x", 10000) + "\r\n\r\n" + frame(callA), []string{"a"},
			[]string{`a header line is longer than 4096 bytes`}, io.EOF},
		{"too many header lines", strings.Repeat("X-A: b\r\n", 40) + "\r\n" + frame(callA), []string{"a"},
			[]string{`more than 32 header lines`}, io.EOF},
		{"a body over the limit is skipped", frame(strings.Repeat(" ", 300)) + frame(callA), []string{"a"},
			[]string{`a message of 300 bytes is over the limit of 256 bytes`}, io.EOF},
		{"a huge Content-Length and no body", "Content-Length: 99999999999999\r\n\r\n", nil,
			[]string{`over the limit`}, io.ErrUnexpectedEOF},
		{"not JSON", frame("{nope") + frame(callA), []string{"a"}, []string{`"id":null,"error":{"code":-32700`}, io.EOF},
		{"JSON, not JSON-RPC, with an id", frame(`{"id":"x7","method":"a"}`), nil, []string{`"id":"x7","error":{"code":-32600`}, io.EOF},
		{"a batch is not supported", frame(`[` + callA + `]`), nil, []string{`"id":null,"error":{"code":-32600`}, io.EOF},
		{"a truncated body", "Content-Length: 50\r\n\r\n{", nil, nil, io.ErrUnexpectedEOF},
		{"a truncated header", "Content-Length: 5\r\n", nil, nil, io.ErrUnexpectedEOF},
		{"a line of garbage", "hello world\n" + frame(callA), []string{"a"}, []string{"has no colon"}, io.EOF},
		{"garbage to the end", "hello world", nil, nil, io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			methods, replies, err := readAll(t, tt.input, 256)
			assert.Equal(t, tt.methods, methods)
			assert.True(t, errors.Is(err, tt.err), "err %v, want %v", err, tt.err)
			rest := replies
			for _, want := range tt.replies {
				i := strings.Index(rest, want)
				require.GreaterOrEqual(t, i, 0, "reply %q in %q", want, replies)
				rest = rest[i+len(want):]
			}
			if tt.replies == nil {
				assert.Empty(t, replies)
			}
		})
	}
}

// FuzzStream feeds the reader arbitrary input: it must return messages
// and then an error, never panic or loop, and everything it writes must be
// whole frames of JSON.
func FuzzStream(f *testing.F) {
	for _, seed := range []string{
		frame(callA) + frame(notifB),
		"Content-Length: ten\r\n\r\n{}" + frame(notifB),
		frame("{nope"),
		frame(`{"jsonrpc":"2.0","id":[1],"method":"a"}`),
		"Content-Length: 99999999999999\r\n\r\n",
		strings.Repeat("X-A: b\r\n", 40),
		"content-length:5\n\n{}{}}" + frame(callA),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		var out bytes.Buffer
		s := newStream(bytes.NewReader(input), &out, nil, 1<<10, slog.New(slog.DiscardHandler))
		for i := 0; ; i++ {
			if i > len(input) {
				t.Fatalf("more messages than bytes")
			}
			if _, _, err := s.Read(context.Background()); err != nil {
				break
			}
		}
		// the replies are whole frames of JSON-RPC responses
		methods, _, err := readAll(t, out.String(), 1<<20)
		if !errors.Is(err, io.EOF) {
			t.Fatalf("replies %q: %v", out.String(), err)
		}
		for _, m := range methods {
			if m != "response" {
				t.Fatalf("replies %q: a %s", out.String(), m)
			}
		}
	})
}
