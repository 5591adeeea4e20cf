package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/mohscode/mohscode/internal/server"
)

const serveHelp = `Usage: mohscode serve [flags]

Serves the coding API (POST /v1/code, POST /v1/check, GET /healthz,
GET /openapi.json) and a web page for coders at /. Stops cleanly on
Ctrl-C (SIGINT) or SIGTERM. Access logs go to standard error and never
hold note text. The payer, profile and CMS table flags apply to every
request; a request's payer picks the profile when neither flag is given.

Example:
  mohscode serve
  mohscode serve --payer medicare --mue mue.csv --ptp ptp.csv
  curl --data-binary @samples/nose-two-stage.txt http://127.0.0.1:8080/v1/code

Exit status 0 after a clean shutdown, 1 when the server fails.
`

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
	opt := server.Options{Engine: eng, Log: slog.New(slog.NewTextHandler(e.stderr, nil))}
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
	if err := server.Run(ctx, ln, opt); err != nil {
		return fs.fail(exitNote, err)
	}
	return exitOK
}
