package claimfmt

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/render"
)

// Formats lists the batch output formats.
var Formats = []string{"ndjson", "csv", "fhir", "x12"}

// Sink writes one output record per input record in one format.
type Sink interface {
	// Claim writes a coded note. An *IncompleteClaimError means the format
	// cannot express the claim and nothing was written: the caller writes
	// an error record instead.
	Claim(id string, c coding.Claim) error
	// ClaimFrom is Claim for a note whose source names its patient and
	// provider (a DocumentReference's subject and author, as FHIR
	// references): the fhir format uses them where SinkOptions.Refs
	// leaves them empty (flags override); other formats ignore them.
	ClaimFrom(id string, c coding.Claim, patient, provider string) error
	// Error writes the error record of a note that failed.
	Error(id string, err error) error
	// Flush writes what is buffered.
	Flush() error
}

// SinkOptions are what some formats need beyond the claim.
type SinkOptions struct {
	Refs FHIRRefs          // fhir: the references the note does not hold
	Fees map[string]string // x12, fhir: charge by code; absent codes charge 0 (x12) or have no price (fhir)
	// Errors receives the error records of fhir and x12 output, as NDJSON,
	// so that one record per input still holds.
	Errors io.Writer
}

// NewSink returns the sink of a format writing to w.
func NewSink(format string, w io.Writer, opt SinkOptions) (Sink, error) {
	switch format {
	case "ndjson":
		return ndjsonSink{w}, nil
	case "csv":
		return csvSink{NewCSV(w)}, nil
	case "fhir":
		if err := opt.Refs.Validate(); err != nil {
			return nil, err
		}
		return streamSink{w: w, errs: opt.Errors, write: func(w io.Writer, id string, c coding.Claim, note FHIRRefs) error {
			return WriteFHIR(w, id, c, opt.Refs.Or(note), opt.Fees)
		}}, nil
	case "x12":
		return streamSink{w: w, errs: opt.Errors, write: func(w io.Writer, id string, c coding.Claim, _ FHIRRefs) error {
			return WriteX12(w, id, c, opt.Fees)
		}}, nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

type ndjsonSink struct{ w io.Writer }

// The ndjson sink writes every record, claim or error, as a line of JSON.
func (s ndjsonSink) Claim(id string, c coding.Claim) error { return render.NDJSON(s.w, id, c) }

// ClaimFrom is Claim: the JSON contract has no references.
func (s ndjsonSink) ClaimFrom(id string, c coding.Claim, _, _ string) error { return s.Claim(id, c) }

// Error writes the error record as a line of JSON.
func (s ndjsonSink) Error(id string, err error) error { return WriteErrorRecord(s.w, id, err) }

// inputPositioner is an error about a record of an input rather than a
// place in a note (batch.InputError): it knows its input and line.
type inputPositioner interface {
	error
	InputPosition() (input string, line int)
}

// WriteErrorRecord writes the NDJSON error record of note id. A note that
// cannot be parsed gets the JSON contract's error record, with its line and
// column in the note; a record that is not a note (an error with an
// InputPosition method, such as batch.InputError) gets its input and the
// line it starts on there, and no made-up note position; any other error
// is the contract's record of render.AsParseError.
func WriteErrorRecord(w io.Writer, id string, err error) error {
	var ip inputPositioner
	if _, ok := errors.AsType[*diag.ParseError](err); ok || !errors.As(err, &ip) {
		return render.NDJSONError(w, id, err)
	}
	rec := diag.InputErrorRecord{ID: id, Source: id}
	rec.Error.Input, rec.Error.Line = ip.InputPosition()
	rec.Error.Message = err.Error()
	if reason := errors.Unwrap(ip); reason != nil {
		rec.Error.Message = reason.Error() // the input and line are fields
	}
	b, merr := json.Marshal(rec)
	if merr != nil {
		return merr
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// ErrorCell is the CSV error column of a failed note: "line:column:
// message" for a note that cannot be parsed (the id column names the note),
// the error as it reads otherwise (an input error names its input and line).
func ErrorCell(err error) string {
	if perr, ok := errors.AsType[*diag.ParseError](err); ok {
		return fmt.Sprintf("%d:%d: %s", perr.Line, perr.Column, perr.Message)
	}
	return err.Error()
}

// Flush has nothing to do: every record is written whole.
func (s ndjsonSink) Flush() error { return nil }

type csvSink struct{ w *CSVWriter }

// The csv sink writes rows; an error record is one row with its error column.
func (s csvSink) Claim(id string, c coding.Claim) error { return s.w.WriteClaim(id, c) }

// ClaimFrom is Claim: the rows have no references.
func (s csvSink) ClaimFrom(id string, c coding.Claim, _, _ string) error { return s.Claim(id, c) }

// Error writes one row with the error column filled.
func (s csvSink) Error(id string, err error) error { return s.w.WriteError(id, ErrorCell(err)) }

// Flush writes the buffered rows (and the header of an empty batch).
func (s csvSink) Flush() error { return s.w.Flush() }

// streamSink writes claims in one format and error records, as NDJSON, to
// a separate stream.
type streamSink struct {
	w, errs io.Writer
	write   func(w io.Writer, id string, c coding.Claim, note FHIRRefs) error
}

// The stream sink writes claims in its format and errors to the error stream.
func (s streamSink) Claim(id string, c coding.Claim) error { return s.write(s.w, id, c, FHIRRefs{}) }

// ClaimFrom writes the claim with the note's own references.
func (s streamSink) ClaimFrom(id string, c coding.Claim, patient, provider string) error {
	return s.write(s.w, id, c, FHIRRefs{Patient: patient, Provider: provider})
}

// Error writes the error record to the error stream as NDJSON.
func (s streamSink) Error(id string, err error) error { return WriteErrorRecord(s.errs, id, err) }

// Flush has nothing to do: every record is written whole.
func (s streamSink) Flush() error { return nil }
