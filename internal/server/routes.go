package server

import (
	"net/http"
	"slices"
	"strings"
)

// route is one path the server serves. The route table is the single
// source of the mux and of the test that holds openapi.json to it.
type route struct {
	// path is the path as OpenAPI writes it ("/assets/{name}").
	path string
	// methods are the methods allowed; GET allows HEAD too.
	methods []string
	handler http.Handler
}

// pattern returns the ServeMux pattern of the route: "/" matches only
// the root, not every path.
func (rt route) pattern() string {
	if rt.path == "/" {
		return "/{$}"
	}
	return rt.path
}

// routes returns the server's route table.
func (s *Server) routes() []route {
	get := []string{http.MethodGet}
	post := []string{http.MethodPost}
	return []route{
		{"/", get, s.handle(s.servePage)},
		{"/assets/{name}", get, s.handle(s.serveAsset)},
		{"/openapi.json", get, s.handle(s.serveOpenAPI)},
		{"/healthz", get, s.handle(s.healthz)},
		{"/v1/rules", get, s.handle(s.listRules)},
		{"/v1/check", post, s.limit(s.handle(s.check))},
		{"/v1/fix", post, s.limit(s.handle(s.fix))},
	}
}

// allowMethods answers 405 with an Allow header to a method the route
// does not serve.
func allowMethods(methods []string, h http.Handler) http.Handler {
	allowed := slices.Clone(methods)
	if slices.Contains(allowed, http.MethodGet) {
		allowed = append(allowed, http.MethodHead)
	}
	allow := strings.Join(allowed, ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !slices.Contains(allowed, r.Method) {
			w.Header().Set("Allow", allow)
			writeError(w, errorf(http.StatusMethodNotAllowed, "method %s is not allowed on %s: use %s", r.Method, r.URL.Path, allow))
			return
		}
		h.ServeHTTP(w, r)
	})
}
