package claimfmt_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/claimfmt"
	"github.com/mohscode/mohscode/internal/diag"
)

// inputErr is an error about a record of an input, as batch.InputError.
type inputErr struct{}

func (inputErr) Error() string                { return `notes.ndjson:3: the record has no "text"` }
func (inputErr) Unwrap() error                { return errors.New(`the record has no "text"`) }
func (inputErr) InputPosition() (string, int) { return "notes.ndjson", 3 }

// TestErrorRecords: an error about a record of an input carries its input
// and line, never a made-up position in a note; a parse error keeps the
// JSON contract's record; the csv error column says the same.
func TestErrorRecords(t *testing.T) {
	tests := []struct {
		name    string
		err     error
		ndjson  string
		csvCell string
	}{
		{"input record", fmt.Errorf("wrapped: %w", inputErr{}),
			`{"id":"n3","source":"n3","error":{"input":"notes.ndjson","input_line":3,"message":"the record has no \"text\""}}`,
			`wrapped: notes.ndjson:3: the record has no "text"`},
		{"parse error", &diag.ParseError{Filename: "n3", Line: 4, Column: 2, Message: "m"},
			`{"id":"n3","source":"n3","error":{"line":4,"column":2,"message":"m"}}`, "4:2: m"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, claimfmt.WriteErrorRecord(&buf, "n3", tc.err))
			assert.JSONEq(t, tc.ndjson, buf.String())
			assert.Equal(t, tc.csvCell, claimfmt.ErrorCell(tc.err))
		})
	}
}

// TestSinkNoteRefs: the fhir sink takes the patient and provider of a
// note's source where the flags give none; the flags override them.
func TestSinkNoteRefs(t *testing.T) {
	tests := []struct {
		name          string
		flags         claimfmt.FHIRRefs
		patient, prov string
	}{
		{"from the note", claimfmt.FHIRRefs{}, "Patient/p-3", "Practitioner/dw"},
		{"flags override", claimfmt.FHIRRefs{Patient: "Patient/flag"}, "Patient/flag", "Practitioner/dw"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			sink, err := claimfmt.NewSink("fhir", &out, claimfmt.SinkOptions{Refs: tc.flags, Errors: &errs})
			require.NoError(t, err)
			require.NoError(t, sink.ClaimFrom("doc-3", twoLineClaim(), "Patient/p-3", "Practitioner/dw"))
			m := decode(t, out.String()).(map[string]any)
			assert.Equal(t, map[string]any{"reference": tc.patient}, m["patient"])
			assert.Equal(t, map[string]any{"reference": tc.prov}, m["provider"])
		})
	}
}
