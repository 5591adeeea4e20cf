package server

import (
	"embed"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/mohscode/mohscode/internal/engine"
)

// MaxBody is the largest request body the API reads, 1 MiB; a larger one is
// answered 413.
const MaxBody = 1 << 20

// Options configures the handler New returns.
type Options struct {
	// Token, when not empty, is the bearer token every /v1/ request must carry
	// as "Authorization: Bearer <token>". The page, /healthz and /openapi.json
	// stay open.
	Token string
	// Engine codes the notes; nil codes them under each note's own payer
	// profile, within the default limits, without CMS edit tables. A
	// request's payer picks the profile when the engine has none.
	Engine *engine.Engine
	// Log receives one access record per request (method, path, status,
	// duration, size) and the server's own errors; nil discards them.
	Log *slog.Logger
	// MaxCoding bounds the notes coded at once; 0 means DefaultMaxCoding.
	// A request that finds no free slot within QueueWait is answered 503
	// with Retry-After, so that memory stays bounded however many clients
	// call at once.
	MaxCoding int
	// QueueWait is how long a request waits for a coding slot; 0 means
	// DefaultQueueWait.
	QueueWait time.Duration
}

// DefaultQueueWait is how long a request waits for a coding slot before
// it is answered 503.
const DefaultQueueWait = 2 * time.Second

// DefaultMaxCoding is the number of notes coded at once by default: two per
// CPU keeps the CPUs busy while a request's answer is being sent.
func DefaultMaxCoding() int { return 2 * runtime.GOMAXPROCS(0) }

// retryAfter is the Retry-After of a 503, in seconds.
const retryAfter = "1"

//go:embed openapi.json
var openAPI []byte

//go:embed web
var webFS embed.FS

// route is one path the service answers, with the methods it allows. The
// OpenAPI description lists exactly these paths (a test keeps them in step).
type route struct {
	path    string // as written in openapi.json ("/static/{file}")
	pattern string // the ServeMux pattern without its method ("/{$}" for "/")
	method  string // GET also answers HEAD
	handler http.HandlerFunc
	// api routes need the bearer token when one is set.
	api bool
}

// routes returns the service's routes for these options.
func (s *service) routes() []route {
	return []route{
		{path: "/", pattern: "/{$}", method: http.MethodGet, handler: s.index},
		{path: "/static/{file}", pattern: "/static/{file}", method: http.MethodGet, handler: s.static},
		{path: "/healthz", pattern: "/healthz", method: http.MethodGet, handler: s.healthz},
		{path: "/openapi.json", pattern: "/openapi.json", method: http.MethodGet, handler: s.openAPI},
		{path: "/v1/code", pattern: "/v1/code", method: http.MethodPost, handler: s.code(false), api: true},
		{path: "/v1/check", pattern: "/v1/check", method: http.MethodPost, handler: s.code(true), api: true},
	}
}

// service holds what the handlers share.
type service struct {
	engine *engine.Engine
	// slots holds one token per note being coded (see Options.MaxCoding).
	slots     chan struct{}
	queueWait time.Duration
	// handler is the whole service, middleware included.
	handler http.Handler
	token   string
	log     *slog.Logger
	assets  map[string]asset // the page's files by name ("index.html", "app.js")
}

// New returns the service's handler: the API, the page and its files, the
// health check and the OpenAPI description, with the access log around
// them.
func New(opt Options) http.Handler {
	return newService(opt).handler
}

// newService builds the service and its handler.
func newService(opt Options) *service {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	eng := opt.Engine
	if eng == nil {
		eng, _ = engine.New(engine.Options{}) // the zero options are valid
	}
	slots, wait := opt.MaxCoding, opt.QueueWait
	if slots <= 0 {
		slots = DefaultMaxCoding()
	}
	if wait <= 0 {
		wait = DefaultQueueWait
	}
	s := &service{engine: eng, slots: make(chan struct{}, slots), queueWait: wait, token: opt.Token, log: log, assets: loadAssets()}
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		h, other := http.Handler(rt.handler), http.Handler(methodNotAllowed(rt.method))
		if rt.api && s.token != "" {
			h, other = s.authorize(h), s.authorize(other)
		}
		mux.Handle(rt.method+" "+rt.pattern, h)
		mux.Handle(rt.pattern, other)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, http.StatusNotFound, "no such path; see /openapi.json")
	})
	s.handler = s.accessLog(s.recoverPanic(secureHeaders(mux)))
	return s
}

// methodNotAllowed answers 405 naming the method the path allows.
func methodNotAllowed(method string) http.HandlerFunc {
	allow := method
	if method == http.MethodGet {
		allow = "GET, HEAD"
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		writeProblem(w, http.StatusMethodNotAllowed, "use "+strings.ReplaceAll(allow, ", ", " or "))
	}
}

// secureHeaders sets the headers every answer carries: answers hold patient
// data, so nothing is cached or framed, and the page loads only its own
// files.
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}
