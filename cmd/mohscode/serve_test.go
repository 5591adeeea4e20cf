package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lockedBuffer is a stderr the server's goroutines and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var listening = regexp.MustCompile(`listening on (http://\S+/)`)

// startServe runs start in the background and waits for the line saying
// where it listens; it returns that address and the exit status channel.
func startServe(t *testing.T, stderr *lockedBuffer, start func() int) (string, <-chan int) {
	t.Helper()
	exit := make(chan int, 1)
	go func() { exit <- start() }()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := listening.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], exit
		}
		select {
		case code := <-exit:
			t.Fatalf("serve exited with %d before listening:\n%s", code, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not say where it listens:\n%s", stderr.String())
	return "", nil
}

func waitExit(t *testing.T, exit <-chan int) int {
	t.Helper()
	select {
	case code := <-exit:
		return code
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
		return -1
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

func post(t *testing.T, url, token, body string) int {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "text/plain")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode
}

// TestServeLifecycle starts the service on a free port, calls it, cancels
// it and checks the clean exit and the access log.
func TestServeLifecycle(t *testing.T) {
	var stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, exit := startServe(t, &stderr, func() int {
		return serve(ctx, env{stdout: io.Discard, stderr: &stderr}, []string{"--addr", "127.0.0.1:0", "--max-line-length", "100"})
	})
	assert.True(t, strings.HasPrefix(base, "http://127.0.0.1:"), base)

	status, body := get(t, base+"healthz")
	assert.Equal(t, http.StatusOK, status)
	assert.JSONEq(t, `{"status":"ok"}`, body)
	assert.Equal(t, http.StatusOK, post(t, base+"v1/code", "", cleanNote))
	assert.Equal(t, http.StatusUnprocessableEntity, post(t, base+"v1/code", "", "Site: nose\nIndication: "+strings.Repeat("three-ish ", 20)+"\n"))

	cancel()
	assert.Equal(t, exitOK, waitExit(t, exit), stderr.String())
	logs := stderr.String()
	assert.Contains(t, logs, "path=/healthz status=200")
	assert.Contains(t, logs, "path=/v1/code status=422")
	assert.Contains(t, logs, "shutting down")
	assert.NotContains(t, logs, "three-ish")
	assert.NotContains(t, logs, "nasal ala")
}

// TestServeAppliesTables: serve --payer, --mue and --ptp code every request
// under the profile and check it against the tables.
func TestServeAppliesTables(t *testing.T) {
	var stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, exit := startServe(t, &stderr, func() int {
		return serve(ctx, env{stdout: io.Discard, stderr: &stderr}, []string{"--addr", "127.0.0.1:0", "-p", "medicare",
			"--mue", "testdata/mue-fixture.csv", "--ptp", "testdata/ptp-fixture.csv"})
	})
	note, err := os.ReadFile("../../samples/nose-two-stage.txt")
	require.NoError(t, err)
	resp, err := http.Post(base+"v1/code", "text/plain", bytes.NewReader(note))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var claim struct {
		Encounter struct {
			PayerProfile string `json:"payer_profile"`
		} `json:"encounter"`
		Edits    map[string]string `json:"edits"`
		Findings []struct{ Rule string }
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&claim))
	assert.Equal(t, "medicare", claim.Encounter.PayerProfile)
	assert.Equal(t, map[string]string{"mue": "testdata/mue-fixture.csv", "ptp": "testdata/ptp-fixture.csv"}, claim.Edits)
	var rules []string
	for _, f := range claim.Findings {
		rules = append(rules, f.Rule)
	}
	assert.Contains(t, rules, "mue-exceeded")
	cancel()
	assert.Equal(t, exitOK, waitExit(t, exit), stderr.String())
}

// TestServeCommandStopsOnSIGINT sends the test process the signal Ctrl-C
// sends; serveCommand has claimed it, so it shuts down instead of the test
// dying.
func TestServeCommandStopsOnSIGINT(t *testing.T) {
	var stderr lockedBuffer
	base, exit := startServe(t, &stderr, func() int {
		return serveCommand(env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr}, []string{"--addr", "127.0.0.1:0"})
	})
	status, _ := get(t, base+"healthz")
	require.Equal(t, http.StatusOK, status)

	self, err := os.FindProcess(os.Getpid())
	require.NoError(t, err)
	require.NoError(t, self.Signal(os.Interrupt))
	assert.Equal(t, exitOK, waitExit(t, exit), stderr.String())
	assert.Contains(t, stderr.String(), "shutting down")
}

func TestServeToken(t *testing.T) {
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "token")
	require.NoError(t, os.WriteFile(tokenFile, []byte("  tok-123\n"), 0o600))

	var stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, exit := startServe(t, &stderr, func() int {
		return serve(ctx, env{stdout: io.Discard, stderr: &stderr}, []string{"--addr", "127.0.0.1:0", "--token-file", tokenFile})
	})
	assert.Equal(t, http.StatusUnauthorized, post(t, base+"v1/code", "", cleanNote))
	assert.Equal(t, http.StatusUnauthorized, post(t, base+"v1/check", "tok-124", cleanNote))
	assert.Equal(t, http.StatusOK, post(t, base+"v1/code", "tok-123", cleanNote), "the token file is trimmed")
	status, _ := get(t, base+"healthz")
	assert.Equal(t, http.StatusOK, status, "/healthz needs no token")
	status, _ = get(t, base)
	assert.Equal(t, http.StatusOK, status, "the page needs no token")
	cancel()
	assert.Equal(t, exitOK, waitExit(t, exit))
	assert.NotContains(t, stderr.String(), "tok-123", "the token is never logged")
}

func TestServeUsage(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, []byte(" \n"), 0o600))
	tests := []struct {
		name       string
		args       []string
		want       int
		wantStderr string
	}{
		{"missing MUE file", []string{"--mue", filepath.Join(dir, "none.csv")}, exitUsage, "none.csv"},
		{"negative limit", []string{"--max-note-size", "-1"}, exitUsage, "--max-note-size must be at least 1"},
		{"unknown flag", []string{"--port", "80"}, exitUsage, "unknown flag"},
		{"argument", []string{"notes/"}, exitUsage, `unexpected argument "notes/"`},
		{"empty token file", []string{"--token-file", empty}, exitUsage, "is empty"},
		{"missing token file", []string{"--token-file", filepath.Join(dir, "none")}, exitUsage, "no such file"},
		{"bad address", []string{"--addr", "127.0.0.1:notaport"}, exitNote, "mohscode serve:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stderr lockedBuffer
			ctx, cancel := context.WithCancel(context.Background())
			cancel() // a command that started serving would stop at once
			got := serve(ctx, env{stdout: io.Discard, stderr: &stderr}, tc.args)
			assert.Equal(t, tc.want, got, stderr.String())
			assert.Contains(t, stderr.String(), tc.wantStderr)
			assert.NotContains(t, stderr.String(), "listening on")
		})
	}
}

func TestServeHelpNamesTheFlags(t *testing.T) {
	var stderr lockedBuffer
	require.Equal(t, exitOK, serve(context.Background(), env{stdout: &stderr, stderr: io.Discard}, []string{"-h"}))
	for _, want := range []string{"--addr", "127.0.0.1:8080", "--token-file", "Example:", "curl"} {
		assert.Contains(t, stderr.String(), want)
	}
}
