package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/mohscode/mohscode/internal/server"
)

const serveUsage = `Usage: mohscode serve [--addr 127.0.0.1:8080] [--token-file FILE]

Serves the coding API (POST /v1/code, POST /v1/check, GET /healthz,
GET /openapi.json) and a web page for coders at /. Stops cleanly on
Ctrl-C (SIGINT) or SIGTERM. Access logs go to standard error and never
hold note text.

Example:
  mohscode serve
  curl --data-binary @samples/nose-two-stage.txt http://127.0.0.1:8080/v1/code

Exit status: 0 after a clean shutdown, 1 when the server fails, 2 for a
usage error (bad flags, unreadable or empty token file).

Flags:
`

// serveCommand runs the HTTP service until SIGINT or SIGTERM.
func serveCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stderr)
}

// serve runs the HTTP service until ctx is done. It writes one line with the
// page's address to stderr once it listens, then the access log.
func serve(ctx context.Context, args []string, stderr io.Writer) int {
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port); the default takes connections from this machine only")
	tokenFile := fs.String("token-file", "", "file holding the API token that every /v1/ request must send as Authorization: Bearer <token>")
	fs.Usage = func() {
		fmt.Fprint(stderr, serveUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		// With ContinueOnError pflag returns the error without printing it.
		fmt.Fprintf(stderr, "mohscode serve: %v\n", err)
		fs.Usage()
		return exitUsage
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(stderr, "mohscode serve: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	opt := server.Options{Log: slog.New(slog.NewTextHandler(stderr, nil))}
	if *tokenFile != "" {
		token, err := server.LoadToken(*tokenFile)
		if err != nil {
			fmt.Fprintf(stderr, "mohscode serve: --token-file: %v\n", err)
			return exitUsage
		}
		opt.Token = token
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "mohscode serve: %v\n", err)
		return exitNote
	}
	url := "http://" + ln.Addr().String() + "/"
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() && opt.Token == "" {
		fmt.Fprintf(stderr, "mohscode serve: warning: %s takes connections from other machines and no --token-file is set\n", ln.Addr())
	}
	fmt.Fprintf(stderr, "mohscode serve: listening on %s (Ctrl-C stops)\n", url)
	if err := server.Run(ctx, ln, opt); err != nil {
		fmt.Fprintf(stderr, "mohscode serve: %v\n", err)
		return exitNote
	}
	return exitOK
}
