package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/render"
)

// defaultSource names a note in the answer when the request gives no
// source.
const defaultSource = "note"

// noteRequest is the JSON body of POST /v1/code and /v1/check.
type noteRequest struct {
	// Text is the note; required.
	Text *string `json:"text"`
	// Payer picks a built-in payer profile; empty lets the note's Payer
	// field decide.
	Payer string `json:"payer"`
	// Source names the note in the answer.
	Source string `json:"source"`
}

// requestError is a request the API refuses, with its status.
type requestError struct {
	status  int
	message string
}

// Error is the message shown to the caller.
func (e *requestError) Error() string { return e.message }

func badRequest(format string, args ...any) *requestError {
	return &requestError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// code answers POST /v1/code (and /v1/check with findingsOnly): the claim
// as the JSON output contract, or 422 with the positioned error record of a
// note that cannot be parsed.
func (s *service) code(findingsOnly bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, err := readNoteRequest(w, r)
		if err == nil {
			err = checkPayer(req.Payer)
		}
		if rerr, ok := errors.AsType[*requestError](err); ok {
			writeProblem(w, rerr.status, rerr.message)
			return
		}
		if !s.acquire(w, r) {
			return
		}
		_, claim, err := s.engine.Analyze(engine.Request{Name: req.Source, Text: *req.Text, Payer: req.Payer, FindingsOnly: findingsOnly})
		<-s.slots
		if r.Context().Err() != nil {
			return // the client is gone: nothing to render
		}
		if err != nil {
			// The message may quote the note: it goes to the client only.
			writeJSON(w, http.StatusUnprocessableEntity, func(b io.Writer) error { return render.JSONError(b, req.Source, err) })
			return
		}
		writeJSON(w, http.StatusOK, func(b io.Writer) error { return render.JSON(b, claim) })
	}
}

// acquire takes a coding slot, waiting up to the queue wait. It answers
// 503 with Retry-After when none frees up in time, and gives up silently
// when the client goes away first; either way it returns false.
func (s *service) acquire(w http.ResponseWriter, r *http.Request) bool {
	select {
	case s.slots <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(s.queueWait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		if r.Context().Err() != nil { // gone while waiting
			<-s.slots
			return false
		}
		return true
	case <-r.Context().Done():
		return false
	case <-t.C:
		w.Header().Set("Retry-After", retryAfter)
		writeProblem(w, http.StatusServiceUnavailable, fmt.Sprintf("%d notes are being coded, the most this server codes at once; retry in a second", cap(s.slots)))
		return false
	}
}

// readNoteRequest reads the note from a text/plain body (payer and source
// from the query) or a JSON body, at most MaxBody bytes. Its errors are
// *requestError.
func readNoteRequest(w http.ResponseWriter, r *http.Request) (noteRequest, error) {
	kind, err := bodyKind(r.Header.Get("Content-Type"))
	if err != nil {
		return noteRequest{}, err
	}
	if r.ContentLength > MaxBody {
		return noteRequest{}, tooLarge()
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return noteRequest{}, tooLarge()
	}
	if err != nil {
		return noteRequest{}, badRequest("cannot read the request body")
	}
	var req noteRequest
	if kind == "json" {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			// The decoder's message never quotes string values, but say
			// only what a client needs.
			return noteRequest{}, badRequest(`the body must be a JSON object {"text": "...", "payer": "..."}: %s`, jsonProblem(err))
		}
		if dec.More() {
			return noteRequest{}, badRequest("unexpected data after the JSON object")
		}
		if req.Text == nil {
			return noteRequest{}, badRequest(`missing "text": the note`)
		}
	} else {
		q := r.URL.Query()
		text := string(body)
		req = noteRequest{Text: &text, Payer: q.Get("payer"), Source: q.Get("source")}
	}
	if req.Source == "" {
		req.Source = defaultSource
	}
	return req, nil
}

// bodyKind tells a JSON body ("json") from a plain-text note ("text"). A
// request without a Content-Type is a plain-text note, and so is one that
// says application/x-www-form-urlencoded: that is what curl's --data-binary
// sends unless told otherwise, and no form posts here.
func bodyKind(contentType string) (string, error) {
	if contentType == "" {
		return "text", nil
	}
	mt, _, err := mime.ParseMediaType(contentType)
	switch {
	case err != nil:
		return "", badRequest("cannot read the Content-Type header")
	case mt == "text/plain" || mt == "application/x-www-form-urlencoded":
		return "text", nil
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return "json", nil
	}
	return "", &requestError{http.StatusUnsupportedMediaType, "send the note as text/plain, or as application/json {\"text\": ..., \"payer\": ...}"}
}

func tooLarge() *requestError {
	return &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", MaxBody)}
}

// jsonProblem describes a JSON decoding error by its kind and offset.
func jsonProblem(err error) string {
	if serr, ok := errors.AsType[*json.SyntaxError](err); ok {
		return fmt.Sprintf("invalid JSON at byte %d", serr.Offset)
	}
	if terr, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		return fmt.Sprintf("%q must be a %s", terr.Field, terr.Type)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "the JSON ends early"
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return "unknown field " + name
	}
	return "invalid JSON"
}

// checkPayer accepts a built-in profile name, in any case, or empty.
func checkPayer(payer string) error {
	if payer == "" {
		return nil
	}
	if _, ok := codetable.BuiltinProfile(strings.ToLower(payer)); ok {
		return nil
	}
	return badRequest("payer must be one of %s, or empty to use the note's Payer field; not %q",
		strings.Join(codetable.ProfileNames(), ", "), payer)
}

// writeProblem answers with status and a diag.Problem.
func writeProblem(w http.ResponseWriter, status int, message string) {
	p := diag.Problem{Error: diag.Message{Message: message}}
	writeJSON(w, status, func(b io.Writer) error {
		enc := json.NewEncoder(b)
		enc.SetEscapeHTML(false)
		return enc.Encode(p)
	})
}

// writeJSON renders the answer into a buffer of up to streamAfter bytes,
// so that a rendering error in a small answer is a clean 500. A larger
// answer is streamed: the status is sent when the buffer fills and the rest
// is written through as it is rendered, never copied into a second buffer;
// a rendering error past that point cuts the body short, which the client
// sees as a truncated JSON document. (encoding/json still encodes one value
// whole before writing it: what bounds an answer is the findings cap per
// rule per note.)
func writeJSON(w http.ResponseWriter, status int, render func(io.Writer) error) {
	sw := &streamingWriter{w: w, status: status}
	if err := render(sw); err != nil {
		if !sw.sent {
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
		return
	}
	if !sw.sent {
		sw.send()
	}
}

// streamAfter is the size past which an answer is streamed, not buffered.
const streamAfter = 64 << 10

// streamingWriter buffers the first streamAfter bytes of an answer, then
// sends the status and headers and writes through.
type streamingWriter struct {
	w      http.ResponseWriter
	status int
	buf    bytes.Buffer
	sent   bool
}

func (s *streamingWriter) Write(p []byte) (int, error) {
	if s.sent {
		return s.w.Write(p)
	}
	if s.buf.Len()+len(p) <= streamAfter {
		return s.buf.Write(p)
	}
	if err := s.send(); err != nil {
		return 0, err
	}
	return s.w.Write(p)
}

// send writes the headers and whatever is buffered.
func (s *streamingWriter) send() error {
	s.sent = true
	h := s.w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	s.w.WriteHeader(s.status)
	_, err := s.w.Write(s.buf.Bytes())
	s.buf = bytes.Buffer{}
	return err
}
