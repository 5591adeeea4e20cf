package render

import (
	"encoding/json"
	"io"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

// idClaim is a batch output record: the contract object plus the id of
// its input record.
type idClaim struct {
	ID string `json:"id"`
	coding.Claim
}

// idError is the batch output record of an input that failed.
type idError struct {
	ID string `json:"id"`
	diag.ErrorRecord
}

// NDJSON writes a claim as one line of batch output.
func NDJSON(w io.Writer, id string, c coding.Claim) error {
	return compact(w, idClaim{ID: id, Claim: c})
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
