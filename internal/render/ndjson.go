package render

import (
	"encoding/json"
	"io"
	"sync"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

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
		out := appendIndented((*ib)[:0], b)
		_, err = w.Write(out)
		putBuffer(ib, out)
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
	return compact(w, diag.ErrorRecord{ID: id, Source: id, Error: AsParseError(err)})
}

func compact(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// appendIndented appends compact, well-formed JSON (AppendClaim's) indented
// by two spaces a level, as json.Indent would, without its validating
// scanner: an empty object or array stays {} or [], and a string is copied
// as it is.
func appendIndented(out, b []byte) []byte {
	depth := 0
	newline := func() {
		out = append(out, '\n')
		for range depth {
			out = append(out, ' ', ' ')
		}
	}
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '"':
			j := i + 1
			for b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			out = append(out, b[i:j+1]...)
			i = j
		case '{', '[':
			if b[i+1] == c+2 { // {} and [] (the closing byte is two past the opening one)
				out = append(out, c, c+2)
				i++
				continue
			}
			out = append(out, c)
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			out = append(out, c)
		case ',':
			out = append(out, c)
			newline()
		case ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}
