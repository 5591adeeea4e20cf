package render

import (
	"bytes"
	"encoding/json"
	"io"
	"sync"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

// idError is the batch output record of an input that failed.
type idError struct {
	ID string `json:"id"`
	diag.ErrorRecord
}

// NDJSON writes a claim as one line of batch output.
func NDJSON(w io.Writer, id string, c coding.Claim) error {
	return writeClaim(w, &id, &c, false)
}

// maxPooled is the largest rendering buffer kept for the next claim: a
// rare huge claim is not held on to.
const maxPooled = 64 << 10

// buffers holds rendering buffers, so that rendering a claim allocates
// nothing in the steady state.
var buffers = sync.Pool{New: func() any { return new([]byte) }}

// writeClaim renders the claim (with id when not nil), indented as
// render.JSON's when indent is set, and writes it with one Write.
func writeClaim(w io.Writer, id *string, c *coding.Claim, indent bool) error {
	bp := buffers.Get().(*[]byte)
	b := AppendClaim((*bp)[:0], id, c)
	var err error
	if indent {
		ib := buffers.Get().(*[]byte)
		out := bytes.NewBuffer((*ib)[:0])
		if err = json.Indent(out, b, "", "  "); err == nil {
			_, err = w.Write(out.Bytes())
		}
		putBuffer(ib, out.Bytes())
	} else {
		_, err = w.Write(b)
	}
	putBuffer(bp, b)
	return err
}

func putBuffer(bp *[]byte, b []byte) {
	if cap(b) <= maxPooled {
		*bp = b
		buffers.Put(bp)
	}
}

// NDJSONError writes the batch output line of a record that failed; the
// error keeps its line and column when it is a parse error.
func NDJSONError(w io.Writer, id string, err error) error {
	return compact(w, idError{ID: id, ErrorRecord: diag.ErrorRecord{Source: id, Error: AsParseError(err)}})
}

func compact(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
