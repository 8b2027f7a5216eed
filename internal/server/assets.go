package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"
)

// embedded holds the page (static/) and the API description.
//
//go:embed static openapi.json
var embedded embed.FS

// asset is one embedded file, ready to serve.
type asset struct {
	name        string
	body        []byte
	contentType string
	etag        string
}

// assets are the files the server serves from memory.
type assets struct {
	page    asset            // static/index.html, at /
	static  map[string]asset // static/* by name, at /assets/{name}
	openapi asset            // openapi.json
}

// loadAssets reads the embedded files and checks that openapi.json is
// JSON.
func loadAssets() (*assets, error) {
	a := &assets{static: map[string]asset{}}
	entries, err := fs.ReadDir(embedded, "static")
	if err != nil {
		return nil, fmt.Errorf("read embedded assets: %w", err)
	}
	for _, e := range entries {
		as, err := readAsset(path.Join("static", e.Name()))
		if err != nil {
			return nil, err
		}
		if e.Name() == "index.html" {
			a.page = as
			continue
		}
		a.static[e.Name()] = as
	}
	if a.page.body == nil {
		return nil, fmt.Errorf("embedded assets: static/index.html is missing")
	}
	if a.openapi, err = readAsset("openapi.json"); err != nil {
		return nil, err
	}
	if !json.Valid(a.openapi.body) {
		return nil, fmt.Errorf("embedded openapi.json is not valid JSON")
	}
	return a, nil
}

func readAsset(name string) (asset, error) {
	b, err := embedded.ReadFile(name)
	if err != nil {
		return asset{}, fmt.Errorf("read embedded %s: %w", name, err)
	}
	sum := sha256.Sum256(b)
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	return asset{name: name, body: b, contentType: ct, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}, nil
}

// serve writes the asset with its ETag, answering If-None-Match with 304.
func (a asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("ETag", a.etag)
	h.Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, a.name, time.Time{}, bytes.NewReader(a.body))
}

// servePage serves GET /.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request) error {
	s.assets.page.serve(w, r)
	return nil
}

// serveAsset serves GET /assets/{name}.
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request) error {
	a, ok := s.assets.static[r.PathValue("name")]
	if !ok {
		return errorf(http.StatusNotFound, "no such asset %q", r.PathValue("name"))
	}
	a.serve(w, r)
	return nil
}

// serveOpenAPI serves GET /openapi.json.
func (s *Server) serveOpenAPI(w http.ResponseWriter, r *http.Request) error {
	s.assets.openapi.serve(w, r)
	return nil
}
