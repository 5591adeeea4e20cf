package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunShutsDownGracefully starts Run, lets a slow request start, cancels
// the context and checks that the request still completes and that Run
// returns nil.
func TestRunShutsDownGracefully(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var logs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- Run(ctx, ln, Options{Log: slog.New(slog.NewTextHandler(&logs, nil))}) }()
	base := "http://" + ln.Addr().String()

	resp, err := http.Get(base + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	// A request whose body arrives after the shutdown began. It asks for
	// 100 Continue, so the client sends the body only once the handler
	// reads it: when the first write returns, the request is in flight.
	pr, pw := io.Pipe()
	answered := make(chan int, 1)
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true, ExpectContinueTimeout: time.Minute}}
	go func() {
		req, err := http.NewRequest("POST", base+"/v1/check", pr)
		if err != nil {
			answered <- 0
			return
		}
		req.Header.Set("Content-Type", "text/plain")
		req.Header.Set("Expect", "100-continue")
		resp, err := client.Do(req)
		if err != nil {
			t.Log(err)
			answered <- 0
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	_, err = pw.Write([]byte("Site: nose\n"))
	require.NoError(t, err)
	cancel()
	time.Sleep(100 * time.Millisecond)
	_, err = pw.Write([]byte("Stage 1: 1 block; margins: clear\n"))
	require.NoError(t, err)
	require.NoError(t, pw.Close())

	select {
	case status := <-answered:
		assert.Equal(t, http.StatusOK, status, "the request in flight is answered")
	case <-time.After(10 * time.Second):
		t.Fatal("the request in flight was not answered")
	}
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("Run did not return after the context was cancelled")
	}
	_, err = http.Get(base + "/healthz")
	assert.Error(t, err, "the server still answers after shutdown")
	assert.Contains(t, logs.String(), "shutting down")
	assert.Equal(t, 2, strings.Count(logs.String(), "msg=request"))
}

func TestRunReportsServeError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ln.Close() // Serve fails at once
	err = Run(context.Background(), ln, Options{})
	assert.Error(t, err)
}
