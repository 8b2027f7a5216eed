package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// DefaultMaxMessageSize is the largest message body the server reads when
// Options.MaxMessageSize is zero: 64 MiB, room for a 50 MB document.
const DefaultMaxMessageSize = 64 << 20

// Header limits: a header line longer than maxHeaderLine, or a header block
// of more than maxHeaderLines lines, is malformed.
const (
	maxHeaderLine  = 4 << 10
	maxHeaderLines = 32
)

// contentLength is the header that frames every message, lower-cased.
const contentLength = "content-length"

// errFrame marks a message whose framing is broken (a malformed header or a
// body over the limit): the stream answers it with a JSON-RPC error and
// reads on.
var errFrame = errors.New("bad message frame")

// stream is a jsonrpc2.Stream over the base protocol of LSP: each message
// is a header block ("Content-Length: N", blank line) and N bytes of JSON.
//
// Reading is bounded and never gives up on the connection for a bad
// message: a malformed header or a body over maxBody is answered with a
// JSON-RPC error (id null) and logged, and the reader resynchronises on the
// next "Content-Length:" header; a body that is not JSON, or not a JSON-RPC
// message, is answered with a parse or invalid-request error (with the
// request's id when it can be read) and skipped. A body is read as it
// arrives, so memory grows with the bytes actually received, never with a
// declared length. Only an I/O error (the peer closing its end) ends Read.
type stream struct {
	r       *bufio.Reader
	w       io.Writer
	closer  io.Closer
	maxBody int
	log     *slog.Logger
	// lost is set after a malformed header: the next read skips to the
	// next "Content-Length:" first.
	lost bool
	// resumed is set when resync has consumed a "Content-Length:" whose
	// value the next header read must take.
	resumed bool
	// skip is the size of a body over the limit, which the next read
	// discards first.
	skip int64

	wmu sync.Mutex // serialises writes, so each message is one frame
}

// newStream returns a stream reading r and writing w; Close calls closer
// (which may be nil).
func newStream(r io.Reader, w io.Writer, closer io.Closer, maxBody int, log *slog.Logger) *stream {
	if maxBody <= 0 {
		maxBody = DefaultMaxMessageSize
	}
	return &stream{r: bufio.NewReaderSize(r, maxHeaderLine), w: w, closer: closer, maxBody: maxBody, log: log}
}

// Read implements jsonrpc2.Stream: it returns the next well-formed message,
// answering and skipping the bad ones on the way.
func (s *stream) Read(context.Context) (jsonrpc2.Message, int64, error) {
	for {
		body, n, err := s.readFrame()
		if errors.Is(err, errFrame) {
			s.log.Error("unreadable message", "err", err)
			s.reply(jsonrpc2.ID{}, jsonrpc2.NewError(jsonrpc2.ParseError, err.Error()))
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		msg, err := jsonrpc2.DecodeMessage(body)
		if err != nil {
			id, valid := requestID(body)
			code := jsonrpc2.ParseError
			if valid {
				code = jsonrpc2.InvalidRequest
			}
			s.log.Error("bad message", "err", err, "id", id, "body", excerpt(body))
			s.reply(id, jsonrpc2.NewError(code, fmt.Sprintf("%v: %s", err, excerpt(body))))
			continue
		}
		return msg, n, nil
	}
}

// readFrame reads one header block and its body. A framing error wraps
// errFrame, and is returned before the stream skips to where the next
// message may start (the next call does), so that it is answered at once;
// any other error is the connection's.
func (s *stream) readFrame() ([]byte, int64, error) {
	if s.skip > 0 {
		// the body of a message over the limit, read without holding it
		n := s.skip
		s.skip = 0
		if _, err := io.CopyN(io.Discard, s.r, n); err != nil {
			return nil, 0, noEOF(err)
		}
	}
	length, headerLen, err := s.readHeader()
	if err != nil {
		return nil, 0, err
	}
	if length > s.maxBody {
		s.skip = int64(length)
		return nil, 0, fmt.Errorf("%w: a message of %d bytes is over the limit of %d bytes", errFrame, length, s.maxBody)
	}
	var body bytes.Buffer
	body.Grow(min(length, 1<<20))
	if _, err := io.CopyN(&body, s.r, int64(length)); err != nil {
		return nil, 0, noEOF(err)
	}
	return body.Bytes(), int64(headerLen + length), nil
}

// readHeader reads a header block and returns its Content-Length and size.
// A malformed block is an error wrapping errFrame; the next call first
// skips to the next Content-Length header.
func (s *stream) readHeader() (length, size int, err error) {
	if s.lost {
		if err := s.resync(); err != nil {
			return 0, 0, err
		}
	}
	length = -1
	for count := 0; ; {
		line, err := s.r.ReadSlice('\n')
		size += len(line)
		if errors.Is(err, bufio.ErrBufferFull) {
			return 0, 0, s.malformed(fmt.Errorf("a header line is longer than %d bytes", maxHeaderLine))
		}
		if err != nil {
			if count == 0 && len(line) == 0 && !s.resumed {
				return 0, 0, err // the peer closed between messages
			}
			return 0, 0, noEOF(err)
		}
		line = bytes.TrimRight(line, "\r\n")
		if s.resumed {
			// resync consumed the header's name
			line = append([]byte(contentLength+":"), line...)
			s.resumed = false
		}
		if len(line) == 0 {
			if count == 0 {
				continue // blank lines between messages are harmless
			}
			break
		}
		if count++; count > maxHeaderLines {
			return 0, 0, s.malformed(fmt.Errorf("more than %d header lines", maxHeaderLines))
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return 0, 0, s.malformed(fmt.Errorf("header line %q has no colon", excerpt(line)))
		}
		if !bytes.EqualFold(bytes.TrimSpace(name), []byte(contentLength)) {
			continue // Content-Type and unknown headers are not needed
		}
		value = bytes.TrimSpace(value)
		n, err := strconv.Atoi(string(value))
		if err != nil || n < 0 {
			return 0, 0, s.malformed(fmt.Errorf("Content-Length %q is not a length", excerpt(value)))
		}
		length = n
	}
	if length < 0 {
		return 0, 0, s.malformed(errors.New("the header has no Content-Length"))
	}
	return length, size, nil
}

// malformed marks the stream lost after a malformed header (the next read
// resynchronises) and returns the problem wrapped in errFrame, so that it
// is answered at once, before the stream waits for more input.
func (s *stream) malformed(problem error) error {
	s.lost = true
	return fmt.Errorf("%w: malformed header: %w", errFrame, problem)
}

// resync skips input up to and including the next "Content-Length:"
// (matched without regard to case, anywhere: a body need not end with a
// newline) and sets resumed, so that the header read goes on with the
// rest of that line. It returns the connection's error if the input ends
// first.
func (s *stream) resync() error {
	const pattern = contentLength + ":"
	matched := 0
	for matched < len(pattern) {
		c, err := s.r.ReadByte()
		if err != nil {
			return err
		}
		switch {
		case lowerASCII(c) == pattern[matched]:
			matched++
		case lowerASCII(c) == pattern[0]: // 'c' occurs once in the pattern
			matched = 1
		default:
			matched = 0
		}
	}
	s.lost, s.resumed = false, true
	return nil
}

// lowerASCII lower-cases an ASCII letter.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Write implements jsonrpc2.Stream: one header block and body per call.
func (s *stream) Write(_ context.Context, msg jsonrpc2.Message) (int64, error) {
	body, err := jsonrpc2.EncodeMessage(msg)
	if err != nil {
		return 0, fmt.Errorf("encode message: %w", err)
	}
	return s.writeBody(body)
}

func (s *stream) writeBody(body []byte) (int64, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	frame := make([]byte, 0, len(body)+32)
	frame = append(frame, "Content-Length: "...)
	frame = strconv.AppendInt(frame, int64(len(body)), 10)
	frame = append(frame, "\r\n\r\n"...)
	frame = append(frame, body...)
	n, err := s.w.Write(frame)
	if err != nil {
		return int64(n), fmt.Errorf("write message: %w", err)
	}
	return int64(n), nil
}

// reply writes an error response for a message the connection never sees.
func (s *stream) reply(id jsonrpc2.ID, err *jsonrpc2.Error) {
	body := jsonrpc2.AppendResponse(nil, id, nil, err)
	if _, werr := s.writeBody(body); werr != nil {
		s.log.Error("cannot answer a bad message", "err", werr)
	}
}

// Close implements jsonrpc2.Stream.
func (s *stream) Close() error {
	if s.closer == nil {
		return nil
	}
	return s.closer.Close()
}

// requestID reads the id of a message the decoder rejected: valid is true
// when body is JSON (so the message is an invalid request rather than a
// parse error), and id is its "id" when body is an object whose id is a
// number or a string (the zero ID, written as null, otherwise).
func requestID(body []byte) (id jsonrpc2.ID, valid bool) {
	if !json.Valid(body) {
		return jsonrpc2.ID{}, false
	}
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(body, &probe); err != nil {
		return jsonrpc2.ID{}, true
	}
	var n int64
	if err := json.Unmarshal(probe.ID, &n); err == nil {
		return jsonrpc2.NewNumberID(n), true
	}
	var str string
	if err := json.Unmarshal(probe.ID, &str); err == nil {
		return jsonrpc2.NewStringID(str), true
	}
	return jsonrpc2.ID{}, true
}

// excerpt shortens b for a log line or an error message.
func excerpt(b []byte) string {
	const max = 80
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}

// noEOF turns an end of input inside a message into io.ErrUnexpectedEOF.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}
