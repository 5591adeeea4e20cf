package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
)

// syncBuffer is a log destination that the server's goroutines may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// unparsable is a note the engine refuses to parse: its line 9 is over the
// line limit, so its error record is at line 9, column 1.
func unparsable(t *testing.T) string {
	t.Helper()
	lines := strings.Split(sample(t, "nose-two-stage.txt"), "\n")
	lines[8] = "Diagnosis: " + strings.Repeat("x", engine.DefaultLimits.LineBytes-10)
	return strings.Join(lines, "\n")
}

func sample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "samples", name))
	require.NoError(t, err)
	return string(b)
}

const testToken = "s3cret-token"

type apiCase struct {
	name        string
	token       bool // the server has testToken
	method      string
	path        string
	contentType string
	body        string
	auth        string // Authorization header
	chunked     bool   // send the body without a Content-Length
	wantStatus  int
	wantAllow   string
	check       func(t *testing.T, body []byte)
}

// claimCodes decodes an answer's line codes and payer profile.
func claimCodes(t *testing.T, body []byte) (codes []string, payer string) {
	t.Helper()
	var c struct {
		Encounter struct {
			PayerProfile string `json:"payer_profile"`
		} `json:"encounter"`
		Lines []struct {
			Code string `json:"code"`
		} `json:"lines"`
		Findings []json.RawMessage `json:"findings"`
	}
	require.NoError(t, json.Unmarshal(body, &c), string(body))
	codes = []string{}
	for _, l := range c.Lines {
		codes = append(codes, l.Code)
	}
	return codes, c.Encounter.PayerProfile
}

func wantCodes(want []string, payer string) func(t *testing.T, body []byte) {
	return func(t *testing.T, body []byte) {
		codes, p := claimCodes(t, body)
		assert.Equal(t, want, codes)
		assert.Equal(t, payer, p)
	}
}

func wantMessage(part string) func(t *testing.T, body []byte) {
	return func(t *testing.T, body []byte) {
		var p diag.Problem
		require.NoError(t, json.Unmarshal(body, &p), string(body))
		assert.Contains(t, p.Error.Message, part)
	}
}

// padTo adds narrative lines to a note until it is n bytes long.
func padTo(note string, n int) string {
	line := strings.Repeat("x", 63) + "\n"
	pad := n - len(note)
	return note + strings.Repeat(line, pad/len(line)) + strings.Repeat("x", pad%len(line))
}

func jsonBody(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestAPI(t *testing.T) {
	nose := sample(t, "nose-two-stage.txt")
	invalid := unparsable(t)
	medicare := sample(t, "two-lesions-medicare.txt")
	noseCodes := []string{"17311", "17312", "14060"}

	tests := []apiCase{
		{name: "code text/plain", method: "POST", path: "/v1/code", contentType: "text/plain; charset=utf-8", body: nose,
			wantStatus: 200, check: func(t *testing.T, body []byte) {
				// The answer is the output contract, byte for byte the
				// sample's golden but for the source.
				golden := sample(t, "nose-two-stage.json")
				golden = strings.Replace(golden, `"source": "samples/nose-two-stage.txt"`, `"source": "note"`, 1)
				assert.JSONEq(t, golden, string(body))
			}},
		{name: "code without content type", method: "POST", path: "/v1/code", body: nose,
			wantStatus: 200, check: wantCodes(noseCodes, "commercial")},
		{name: "code json", method: "POST", path: "/v1/code", contentType: "application/json",
			body: jsonBody(t, map[string]string{"text": nose, "source": "nose.txt"}), wantStatus: 200,
			check: func(t *testing.T, body []byte) {
				wantCodes(noseCodes, "commercial")(t, body)
				assert.Contains(t, string(body), `"source": "nose.txt"`)
			}},
		{name: "json payer overrides the note", method: "POST", path: "/v1/code", contentType: "application/json",
			body: jsonBody(t, map[string]string{"text": nose, "payer": "Medicare"}), wantStatus: 200,
			check: func(t *testing.T, body []byte) { _, p := claimCodes(t, body); assert.Equal(t, "medicare", p) }},
		{name: "query payer for text/plain", method: "POST", path: "/v1/code?payer=uhc", contentType: "text/plain", body: nose,
			wantStatus: 200, check: func(t *testing.T, body []byte) { _, p := claimCodes(t, body); assert.Equal(t, "uhc", p) }},
		{name: "empty payer follows the note", method: "POST", path: "/v1/code", contentType: "application/json",
			body: jsonBody(t, map[string]string{"text": medicare, "payer": ""}), wantStatus: 200,
			check: func(t *testing.T, body []byte) { _, p := claimCodes(t, body); assert.Equal(t, "medicare", p) }},
		{name: "check has no lines", method: "POST", path: "/v1/check", contentType: "text/plain", body: nose,
			wantStatus: 200, check: wantCodes([]string{}, "commercial")},
		{name: "parse error", method: "POST", path: "/v1/code", contentType: "text/plain", body: invalid,
			wantStatus: 422, check: func(t *testing.T, body []byte) {
				assert.JSONEq(t, `{"source": "note", "error": {"line": 9, "column": 1, "message": "line 9 is 16 KiB long; the limit is 16 KiB"}}`, string(body))
			}},
		{name: "parse error from check", method: "POST", path: "/v1/check", contentType: "application/json",
			body: jsonBody(t, map[string]string{"text": invalid}), wantStatus: 422,
			check: func(t *testing.T, body []byte) { assert.Contains(t, string(body), `"line": 9`) }},
		{name: "unknown payer", method: "POST", path: "/v1/code", contentType: "application/json",
			body: jsonBody(t, map[string]string{"text": nose, "payer": "acme"}), wantStatus: 400,
			check: wantMessage("payer must be one of commercial, medicare, uhc")},
		{name: "unknown payer in query", method: "POST", path: "/v1/check?payer=acme", contentType: "text/plain", body: nose,
			wantStatus: 400, check: wantMessage("payer must be one of")},
		{name: "malformed json", method: "POST", path: "/v1/code", contentType: "application/json", body: `{"text": `,
			wantStatus: 400, check: wantMessage("JSON")},
		{name: "json without text", method: "POST", path: "/v1/code", contentType: "application/json", body: `{"payer": "uhc"}`,
			wantStatus: 400, check: wantMessage(`missing "text"`)},
		{name: "json unknown field", method: "POST", path: "/v1/code", contentType: "application/json", body: `{"note": "x"}`,
			wantStatus: 400, check: wantMessage(`unknown field "note"`)},
		{name: "json text of the wrong type", method: "POST", path: "/v1/code", contentType: "application/json", body: `{"text": 3}`,
			wantStatus: 400, check: wantMessage(`"text" must be a string`)},
		{name: "json with trailing data", method: "POST", path: "/v1/code", contentType: "application/json", body: `{"text": "x"} {}`,
			wantStatus: 400, check: wantMessage("after the JSON object")},
		{name: "curl's default type is a note", method: "POST", path: "/v1/code", contentType: "application/x-www-form-urlencoded", body: nose,
			wantStatus: 200, check: wantCodes(noseCodes, "commercial")},
		{name: "unsupported media type", method: "POST", path: "/v1/code", contentType: "multipart/form-data; boundary=x", body: "--x--",
			wantStatus: 415, check: wantMessage("text/plain")},
		{name: "unreadable media type", method: "POST", path: "/v1/code", contentType: "text/plain; charset", body: nose,
			wantStatus: 400, check: wantMessage("Content-Type")},
		{name: "body over 1 MiB", method: "POST", path: "/v1/code", contentType: "text/plain",
			body: strings.Repeat("a", MaxBody+1), wantStatus: 413, check: wantMessage("larger than 1048576 bytes")},
		{name: "chunked body over 1 MiB", method: "POST", path: "/v1/code", contentType: "application/json", chunked: true,
			body: jsonBody(t, map[string]string{"text": strings.Repeat("a\n", MaxBody/2)}), wantStatus: 413},
		{name: "body of exactly 1 MiB", method: "POST", path: "/v1/check", contentType: "text/plain",
			body: padTo(nose, MaxBody), wantStatus: 200},
		{name: "get code", method: "GET", path: "/v1/code", wantStatus: 405, wantAllow: "POST", check: wantMessage("use POST")},
		{name: "put check", method: "PUT", path: "/v1/check", body: nose, wantStatus: 405, wantAllow: "POST"},
		{name: "post healthz", method: "POST", path: "/healthz", wantStatus: 405, wantAllow: "GET, HEAD"},
		{name: "delete page", method: "DELETE", path: "/", wantStatus: 405, wantAllow: "GET, HEAD"},
		{name: "healthz", method: "GET", path: "/healthz", wantStatus: 200,
			check: func(t *testing.T, body []byte) { assert.JSONEq(t, `{"status":"ok"}`, string(body)) }},
		{name: "head healthz", method: "HEAD", path: "/healthz", wantStatus: 200},
		{name: "openapi", method: "GET", path: "/openapi.json", wantStatus: 200,
			check: func(t *testing.T, body []byte) { assert.True(t, json.Valid(body)) }},
		{name: "page", method: "GET", path: "/", wantStatus: 200,
			check: func(t *testing.T, body []byte) { assert.Contains(t, string(body), `id="code-button"`) }},
		{name: "script", method: "GET", path: "/static/app.js", wantStatus: 200},
		{name: "no file outside static", method: "GET", path: "/static/..%2findex.html", wantStatus: 404},
		{name: "unknown static file", method: "GET", path: "/static/nope.js", wantStatus: 404},
		{name: "unknown path", method: "GET", path: "/v2/code", wantStatus: 404},

		// With a token.
		{name: "no token", token: true, method: "POST", path: "/v1/code", contentType: "text/plain", body: nose,
			wantStatus: 401, check: wantMessage("needs an API token")},
		{name: "wrong token", token: true, method: "POST", path: "/v1/code", contentType: "text/plain", body: nose,
			auth: "Bearer " + testToken + "x", wantStatus: 401, check: wantMessage("not accepted")},
		{name: "basic auth", token: true, method: "POST", path: "/v1/code", contentType: "text/plain", body: nose,
			auth: "Basic " + testToken, wantStatus: 401},
		{name: "token prefix", token: true, method: "POST", path: "/v1/check", contentType: "text/plain", body: nose,
			auth: "Bearer " + testToken[:4], wantStatus: 401},
		{name: "right token", token: true, method: "POST", path: "/v1/code", contentType: "text/plain", body: nose,
			auth: "Bearer " + testToken, wantStatus: 200, check: wantCodes(noseCodes, "commercial")},
		{name: "scheme in any case", token: true, method: "POST", path: "/v1/check", contentType: "text/plain", body: nose,
			auth: "bearer " + testToken, wantStatus: 200},
		{name: "token before method", token: true, method: "GET", path: "/v1/code", wantStatus: 401},
		{name: "wrong method with token", token: true, method: "GET", path: "/v1/code", auth: "Bearer " + testToken,
			wantStatus: 405, wantAllow: "POST"},
		{name: "parse error with token", token: true, method: "POST", path: "/v1/code", contentType: "text/plain", body: invalid,
			auth: "Bearer " + testToken, wantStatus: 422},
		{name: "healthz stays open", token: true, method: "GET", path: "/healthz", wantStatus: 200},
		{name: "openapi stays open", token: true, method: "GET", path: "/openapi.json", wantStatus: 200},
		{name: "page stays open", token: true, method: "GET", path: "/", wantStatus: 200},
	}

	var logs syncBuffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	open := httptest.NewServer(New(Options{Log: log}))
	defer open.Close()
	locked := httptest.NewServer(New(Options{Log: log, Token: testToken}))
	defer locked.Close()

	covered := map[int]bool{}
	for _, tc := range tests {
		covered[tc.wantStatus] = true
	}
	for _, status := range []int{200, 400, 401, 404, 405, 413, 415, 422} {
		assert.True(t, covered[status], "no case answers %d", status)
	}

	seen := map[int]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base := open.URL
			if tc.token {
				base = locked.URL
			}
			var body io.Reader = strings.NewReader(tc.body)
			if tc.chunked {
				body = io.MultiReader(body) // hides the length
			}
			req, err := http.NewRequest(tc.method, base+tc.path, body)
			require.NoError(t, err)
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			got, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			require.Equal(t, tc.wantStatus, resp.StatusCode, string(got))
			seen[resp.StatusCode] = true
			assert.Equal(t, tc.wantAllow, resp.Header.Get("Allow"))
			assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
			if strings.HasPrefix(tc.path, "/v1/") {
				assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
				assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
			}
			if resp.StatusCode == 401 {
				assert.Equal(t, `Bearer realm="mohscode"`, resp.Header.Get("WWW-Authenticate"))
			}
			if tc.check != nil && tc.method != "HEAD" {
				tc.check(t, got)
			}
		})
	}

	t.Run("log holds no note text", func(t *testing.T) {
		if !seen[422] {
			t.Skip("no parse error was sent (a -run filter)")
		}
		assertNoNoteText(t, logs.String(), nose, invalid, medicare)
	})
}

// assertNoNoteText checks that the access log has one record per request,
// each with only the access fields, and that no line of the notes (nor
// the parse error's quote of one) appears in it.
func assertNoNoteText(t *testing.T, logs string, notes ...string) {
	t.Helper()
	require.NotEmpty(t, logs)
	sc := bufio.NewScanner(strings.NewReader(logs))
	statuses := map[float64]bool{}
	for sc.Scan() {
		var rec map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &rec), sc.Text())
		keys := make([]string, 0, len(rec))
		for k := range rec {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		assert.Equal(t, []string{"duration", "level", "method", "msg", "path", "size", "status", "time"}, keys, sc.Text())
		assert.Equal(t, "request", rec["msg"])
		assert.NotContains(t, rec["path"], "?", "the query is never logged")
		statuses[rec["status"].(float64)] = true
	}
	assert.True(t, statuses[422], "the log has the parse error's record")
	for _, note := range notes {
		for line := range strings.Lines(note) {
			line = strings.TrimSpace(line)
			if len(line) < 4 {
				continue
			}
			assertNotLogged(t, logs, line)
			// Values on their own, as a parse error would quote them.
			if _, value, ok := strings.Cut(line, ":"); ok && len(strings.TrimSpace(value)) >= 4 {
				assertNotLogged(t, logs, strings.TrimSpace(value))
			}
		}
	}
	for _, quoted := range []string{"three-ish", "nasal ala", "Whitfield", "acme", "uhc", "payer"} {
		assertNotLogged(t, logs, quoted)
	}
}

// assertNotLogged reports the text found, not the whole log.
func assertNotLogged(t *testing.T, logs, text string) {
	t.Helper()
	if i := strings.Index(logs, text); i >= 0 {
		start := strings.LastIndexByte(logs[:i], '\n') + 1
		end := i + strings.IndexByte(logs[i:]+"\n", '\n')
		t.Errorf("the log holds note text %q in:\n%s", text, logs[start:end])
	}
}

// TestMaxBodyIsTheNoteLimit: a text/plain body the server accepts is a
// note the engine accepts, so the two limits say the same thing.
func TestMaxBodyIsTheNoteLimit(t *testing.T) {
	assert.Equal(t, engine.DefaultLimits.NoteBytes, MaxBody)
}

func TestLogRecordFields(t *testing.T) {
	var logs syncBuffer
	h := New(Options{Log: slog.New(slog.NewJSONHandler(&logs, nil))})
	req := httptest.NewRequest("POST", "/v1/code?payer=medicare&source=patient-name.txt", strings.NewReader(unparsable(t)))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	require.Equal(t, 422, w.Code)

	var rec struct {
		Method string  `json:"method"`
		Path   string  `json:"path"`
		Status int     `json:"status"`
		Size   int     `json:"size"`
		Dur    float64 `json:"duration"`
	}
	require.NoError(t, json.Unmarshal([]byte(logs.String()), &rec))
	assert.Equal(t, "POST", rec.Method)
	assert.Equal(t, "/v1/code", rec.Path)
	assert.Equal(t, 422, rec.Status)
	assert.Equal(t, w.Body.Len(), rec.Size)
	assert.Positive(t, rec.Dur)
	assertNotLogged(t, logs.String(), "patient-name")
	assertNotLogged(t, logs.String(), "three-ish")
}

func TestPanicIsLoggedWithoutItsValue(t *testing.T) {
	var logs syncBuffer
	s := &service{log: slog.New(slog.NewJSONHandler(&logs, nil))}
	h := s.accessLog(s.recoverPanic(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("Site: left nasal ala")
	})))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("POST", "/v1/code", nil))
	assert.Equal(t, 500, w.Code)
	assert.Contains(t, logs.String(), "handler panic")
	assert.Contains(t, logs.String(), `"status":500`)
	assertNotLogged(t, logs.String(), "nasal")
}

func TestLoadToken(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
		return p
	}
	tests := []struct {
		name    string
		path    string
		want    string
		wantErr string
	}{
		{"trimmed", write("t1", "  abc123\n"), "abc123", ""},
		{"empty", write("t2", ""), "", "is empty"},
		{"only whitespace", write("t3", " \n\t\n"), "", "is empty"},
		{"missing", filepath.Join(dir, "none"), "", "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := LoadToken(tc.path)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
