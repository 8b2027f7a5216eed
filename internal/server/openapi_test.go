package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openAPI is the part of the OpenAPI document the tests read.
type openAPI struct {
	OpenAPI    string                                `json:"openapi"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]*schema `json:"schemas"`
	} `json:"components"`
}

// schema is the part of a JSON Schema the tests read.
type schema struct {
	Ref                  string             `json:"$ref"`
	Type                 string             `json:"type"`
	Required             []string           `json:"required"`
	Properties           map[string]*schema `json:"properties"`
	Items                *schema            `json:"items"`
	Enum                 []any              `json:"enum"`
	AdditionalProperties json.RawMessage    `json:"additionalProperties"`
}

func loadOpenAPI(t *testing.T, ts *testServer) *openAPI {
	t.Helper()
	resp, body := ts.do(t, http.MethodGet, "/openapi.json", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var doc openAPI
	require.NoError(t, json.Unmarshal(body, &doc), "openapi.json must be JSON")
	return &doc
}

// TestOpenAPIListsEveryRoute: the paths and methods of openapi.json are
// exactly those of the route table the mux is built from, and each one
// answers.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := loadOpenAPI(t, ts)
	assert.True(t, strings.HasPrefix(doc.OpenAPI, "3."), doc.OpenAPI)

	var documented, served []string
	for path, ops := range doc.Paths {
		for method := range ops {
			if method == "parameters" || method == "summary" || method == "description" {
				continue
			}
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	for _, rt := range ts.routes() {
		for _, m := range rt.methods {
			served = append(served, m+" "+rt.path)
		}
	}
	slices.Sort(documented)
	slices.Sort(served)
	assert.Equal(t, served, documented)

	for _, route := range served {
		method, path, _ := strings.Cut(route, " ")
		path = strings.ReplaceAll(path, "{name}", "app.js")
		var body *strings.Reader
		contentType := ""
		if method == http.MethodPost {
			body, contentType = strings.NewReader(`{"text": "100km (62 miles)"}`), "application/json"
		} else {
			body = strings.NewReader("")
		}
		resp, b := ts.do(t, method, path, contentType, body)
		assert.Equal(t, http.StatusOK, resp.StatusCode, "%s: %s", route, b)
	}
}

// TestOpenAPISchemasMatchAnswers holds the documented schemas to real
// answers: every key answered is documented, every required key answered.
func TestOpenAPISchemasMatchAnswers(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := loadOpenAPI(t, ts)
	schemas := doc.Components.Schemas
	seed := seedStory(t)
	for _, tt := range []struct {
		method, path, body, schema string
	}{
		{http.MethodPost, "/v1/check", mustJSON(t, map[string]any{"text": seed}), "CheckResponse"},
		{http.MethodPost, "/v1/fix", mustJSON(t, map[string]any{"text": seed}), "FixResponse"},
		{http.MethodGet, "/v1/rules", "", "RulesResponse"},
		{http.MethodPost, "/v1/check", `{"text": 1}`, "Error"},
	} {
		t.Run(tt.path+" "+tt.schema, func(t *testing.T) {
			resp, body := ts.do(t, tt.method, tt.path, "application/json", strings.NewReader(tt.body))
			require.NotEqual(t, http.StatusNotFound, resp.StatusCode)
			var v any
			require.NoError(t, json.Unmarshal(body, &v))
			for _, err := range conform(schemas, schemas[tt.schema], v, tt.schema) {
				t.Error(err)
			}
		})
	}
	// the request schema names the fields the decoder takes
	req := schemas["CheckRequest"]
	assert.ElementsMatch(t, []string{"text", "format", "config"}, keys(req.Properties))
	assert.Equal(t, []any{"txt", "md", "html"}, schemas["Format"].Enum)
	// the query parameters of a text/plain request are the scalar settings
	assert.ElementsMatch(t, append(slices.Clone(plainTextParams[1:]), "rules"), keys(schemas["HouseStyle"].Properties))
}

// conform lists where v does not follow s.
func conform(all map[string]*schema, s *schema, v any, at string) []error {
	if s == nil {
		return []error{fmt.Errorf("%s: no schema", at)}
	}
	if s.Ref != "" {
		return conform(all, all[strings.TrimPrefix(s.Ref, "#/components/schemas/")], v, at)
	}
	var errs []error
	switch x := v.(type) {
	case map[string]any:
		if s.Properties == nil {
			return nil // a free-form object
		}
		for _, r := range s.Required {
			if _, ok := x[r]; !ok {
				errs = append(errs, fmt.Errorf("%s: required %q is missing", at, r))
			}
		}
		for k, val := range x {
			p, ok := s.Properties[k]
			if !ok {
				errs = append(errs, fmt.Errorf("%s: %q is not documented", at, k))
				continue
			}
			errs = append(errs, conform(all, p, val, at+"."+k)...)
		}
	case []any:
		for i, item := range x {
			errs = append(errs, conform(all, s.Items, item, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case string:
		if len(s.Enum) > 0 && !slices.Contains(s.Enum, any(x)) {
			errs = append(errs, fmt.Errorf("%s: %q is not in the enum %v", at, x, s.Enum))
		}
	}
	return errs
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
