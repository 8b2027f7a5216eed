package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/unitlint/unitlint/internal/config"
	"github.com/unitlint/unitlint/lint"
)

// checkRequest is the JSON body of POST /v1/check and POST /v1/fix.
type checkRequest struct {
	// Text is the copy to check; required (it may be empty).
	Text *string `json:"text"`
	// Format is the markup of Text: see parserFor; "" means txt.
	Format string `json:"format"`
	// Config is the house style, with the keys and values of
	// .unitlint.yaml (tolerance, gallon, ton, locale, rules); absent means
	// the defaults.
	Config json.RawMessage `json:"config"`
}

// fileOnlyKeys are the .unitlint.yaml keys that are about files, not copy.
var fileOnlyKeys = []string{"ignore", "extensions"}

// checkInput is a decoded request: the text, how to read it and the options.
type checkInput struct {
	src    []byte
	format string
	parse  lint.ParseFunc
	opts   lint.Options
}

// plainTextParams are the query parameters of a text/plain request.
var plainTextParams = []string{"format", "tolerance", "gallon", "ton", "locale"}

// readInput reads and checks the body of a check or fix request:
// application/json (a checkRequest), or text/plain with the format and
// house style in query parameters.
func (s *Server) readInput(w http.ResponseWriter, r *http.Request) (*checkInput, error) {
	mediaType, err := contentType(r)
	if err != nil {
		return nil, err
	}
	if r.ContentLength > s.cfg.MaxBody {
		return nil, s.tooLarge()
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
			return nil, s.tooLarge()
		}
		if ne := net.Error(nil); errors.As(err, &ne) && ne.Timeout() {
			return nil, errorf(http.StatusRequestTimeout, "the request body did not arrive within the read timeout (%s)", s.cfg.ReadTimeout)
		}
		return nil, errorf(http.StatusBadRequest, "read the request body: %v", err)
	}
	query := r.URL.Query()
	if mediaType == "text/plain" {
		for k := range query {
			if !slices.Contains(plainTextParams, k) {
				return nil, errorf(http.StatusBadRequest, "unknown query parameter %q: a text/plain request takes %s", k, strings.Join(plainTextParams, ", "))
			}
		}
		if _, enc, _ := lint.DecodeSource(body); enc != "" {
			return nil, errorf(http.StatusUnsupportedMediaType, "the body starts with a %s byte order mark: send UTF-8", enc)
		}
		if i := lint.ValidUTF8(body); i >= 0 {
			// offsets are into UTF-8 text, and a JSON answer cannot carry the byte
			return nil, errorf(http.StatusBadRequest, "the body is not UTF-8: invalid byte 0x%02X at offset %d", body[i], i)
		}
		return newInput(body, query.Get("format"), queryHouseStyle(query))
	}
	if len(query) > 0 {
		return nil, errorf(http.StatusBadRequest, "query parameters are for text/plain bodies: put format and config in the JSON")
	}
	req, err := decodeCheckRequest(body)
	if err != nil {
		return nil, err
	}
	return newInput([]byte(*req.Text), req.Format, req.Config)
}

func (s *Server) tooLarge() error {
	return errorf(http.StatusRequestEntityTooLarge, "the request body is over the limit of %d bytes", s.cfg.MaxBody)
}

// contentType returns the media type of a check or fix request: 415
// unless it is application/json or text/plain in UTF-8.
func contentType(r *http.Request) (string, error) {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return "", errorf(http.StatusUnsupportedMediaType, "missing Content-Type: send application/json or text/plain")
	}
	mediaType, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", errorf(http.StatusUnsupportedMediaType, "bad Content-Type %q: %v", ct, err)
	}
	if mediaType != "application/json" && mediaType != "text/plain" {
		return "", errorf(http.StatusUnsupportedMediaType, "Content-Type %s is not accepted: send application/json or text/plain", mediaType)
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "utf8" && cs != "us-ascii" {
		return "", errorf(http.StatusUnsupportedMediaType, "charset %s is not accepted: send UTF-8", params["charset"])
	}
	return mediaType, nil
}

// decodeCheckRequest decodes one JSON object with no unknown fields.
func decodeCheckRequest(body []byte) (*checkRequest, error) {
	var req checkRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return nil, errorf(http.StatusBadRequest, "bad JSON: %s", describeJSONError(err))
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return nil, errorf(http.StatusBadRequest, "bad JSON: more than one value in the body")
	}
	if req.Text == nil {
		return nil, errorf(http.StatusBadRequest, `bad JSON: the object needs a "text" field (a string)`)
	}
	return &req, nil
}

// describeJSONError words a decoding error for the client, without Go
// type names.
func describeJSONError(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("%v (at byte %d)", syn, syn.Offset)
	case errors.As(err, &typ):
		if typ.Field == "" {
			return fmt.Sprintf("the body must be a JSON object, not a JSON %s", typ.Value)
		}
		return fmt.Sprintf("%q has the wrong type (got a JSON %s)", typ.Field, typ.Value)
	case errors.Is(err, io.EOF):
		return "the body is empty"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the body ends in the middle of a value"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// newInput checks the format and the house style of a request.
func newInput(src []byte, format string, houseStyle json.RawMessage) (*checkInput, error) {
	if format == "" {
		format = "txt"
	}
	parse, err := parserFor(format)
	if err != nil {
		return nil, err
	}
	opts, err := options(houseStyle)
	if err != nil {
		return nil, err
	}
	return &checkInput{src: src, format: format, parse: parse, opts: opts}, nil
}

// options reads a request's house style with the parser of .unitlint.yaml
// (a JSON object is YAML), so the API takes what the file takes, with the
// same messages; a mistake is a 400.
func options(houseStyle json.RawMessage) (lint.Options, error) {
	if len(houseStyle) == 0 || string(houseStyle) == "null" {
		return lint.Options{}, nil
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(houseStyle, &keys); err != nil {
		return lint.Options{}, errorf(http.StatusBadRequest, "bad JSON: \"config\" must be an object of house-style settings")
	}
	for _, k := range fileOnlyKeys {
		if _, ok := keys[k]; ok {
			return lint.Options{}, errorf(http.StatusBadRequest, "config.%s is about files in a repository: a request checks one text", k)
		}
	}
	c, err := config.Parse("config", houseStyle, "")
	if err != nil {
		if ce := (*config.Error)(nil); errors.As(err, &ce) {
			return lint.Options{}, errorf(http.StatusBadRequest, "config: %s", ce.Msg)
		}
		return lint.Options{}, errorf(http.StatusBadRequest, "config: %v", err)
	}
	return c.Options(), nil
}

// queryHouseStyle writes the house-style parameters of a text/plain
// request as the JSON object a JSON request would send.
func queryHouseStyle(query url.Values) json.RawMessage {
	hs := map[string]string{}
	for _, k := range plainTextParams[1:] {
		if query.Has(k) {
			hs[k] = query.Get(k)
		}
	}
	if len(hs) == 0 {
		return nil
	}
	b, err := json.Marshal(hs)
	if err != nil {
		panic(fmt.Sprintf("encode a map of strings: %v", err)) // cannot happen
	}
	return b
}
