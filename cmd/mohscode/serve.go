package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/server"
)

const serveHelp = `Usage: mohscode serve [flags]

Serves the coding API (POST /v1/code, POST /v1/check, GET /healthz,
GET /openapi.json) and a web page for coders at /. Stops cleanly on
Ctrl-C (SIGINT) or SIGTERM. Access logs go to standard error and never
hold note text. The payer, profile and CMS table flags apply to every
request; a request's payer picks the profile when neither flag is given.
At most --max-coding notes are coded at once; a request that finds no free
slot within --queue-wait is answered 503 with Retry-After.

Example:
  mohscode serve
  mohscode serve --payer medicare --mue mue.csv --ptp ptp.csv
  mohscode serve --max-coding 4 --queue-wait 500ms
  curl --data-binary @samples/nose-two-stage.txt http://127.0.0.1:8080/v1/code

Exit status 0 after a clean shutdown, 1 when the server fails.
`

// runServer runs the service; tests replace it to see the options.
var runServer = server.Run

// serveCommand runs the HTTP service until SIGINT or SIGTERM.
func serveCommand(e env, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, e, args)
}

// serve runs the HTTP service until ctx is done. It writes one line with the
// page's address to stderr once it listens, then the access log.
func serve(ctx context.Context, e env, args []string) int {
	fs := newFlagSet(e, "serve", serveHelp)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port); the default takes connections from this machine only")
	tokenFile := fs.String("token-file", "", "file holding the API token that every /v1/ request must send as Authorization: Bearer <token>")
	maxCoding := fs.Int("max-coding", server.DefaultMaxCoding(), "notes coded at once, at least 1; the default is two per CPU")
	queueWait := fs.Duration("queue-wait", server.DefaultQueueWait, "how long a request waits for a coding slot before its 503, more than 0")
	fs.check(func() string { return atLeastOne("max-coding", *maxCoding) })
	fs.check(func() string {
		if *queueWait <= 0 {
			return fmt.Sprintf("--queue-wait must be more than 0, not %s", *queueWait)
		}
		return ""
	})
	var ef engineFlags
	ef.register(fs, true)
	fs.noArguments()
	if code, done := fs.parse(args); done {
		return code
	}
	eng, code, done := ef.build(fs)
	if done {
		return code
	}
	batch.SetGCDefaults(os.Getenv) // after the usage checks: a usage error leaves the runtime alone
	opt := server.Options{Engine: eng, Log: slog.New(slog.NewTextHandler(e.stderr, nil)),
		MaxCoding: *maxCoding, QueueWait: *queueWait}
	if *tokenFile != "" {
		token, err := server.LoadToken(*tokenFile)
		if err != nil {
			return fs.usageError("--token-file: %v", err)
		}
		opt.Token = token
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fs.fail(exitNote, err)
	}
	url := "http://" + ln.Addr().String() + "/"
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() && opt.Token == "" {
		fmt.Fprintf(e.stderr, "mohscode serve: warning: %s takes connections from other machines and no --token-file is set\n", ln.Addr())
	}
	fmt.Fprintf(e.stderr, "mohscode serve: listening on %s (Ctrl-C stops)\n", url)
	if err := runServer(ctx, ln, opt); err != nil {
		return fs.fail(exitNote, err)
	}
	return exitOK
}
