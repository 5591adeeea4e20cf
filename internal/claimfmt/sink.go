package claimfmt

import (
	"fmt"
	"io"

	"github.com/mohscode/mohscode/internal/coding"
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
	// Error writes the error record of a note that failed.
	Error(id string, err error) error
	// Flush writes what is buffered.
	Flush() error
}

// SinkOptions are what some formats need beyond the claim.
type SinkOptions struct {
	Refs FHIRRefs          // fhir: the references the note does not hold
	Fees map[string]string // x12: charge by code; absent codes charge 0
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
		return streamSink{w: w, errs: opt.Errors, write: func(w io.Writer, id string, c coding.Claim) error {
			return WriteFHIR(w, id, c, opt.Refs)
		}}, nil
	case "x12":
		return streamSink{w: w, errs: opt.Errors, write: func(w io.Writer, id string, c coding.Claim) error {
			return WriteX12(w, id, c, opt.Fees)
		}}, nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

type ndjsonSink struct{ w io.Writer }

// The ndjson sink writes every record, claim or error, as a line of JSON.
func (s ndjsonSink) Claim(id string, c coding.Claim) error { return render.NDJSON(s.w, id, c) }

// Error writes the error record as a line of JSON.
func (s ndjsonSink) Error(id string, err error) error { return render.NDJSONError(s.w, id, err) }

// Flush has nothing to do: every record is written whole.
func (s ndjsonSink) Flush() error { return nil }

type csvSink struct{ w *CSVWriter }

// The csv sink writes rows; an error record is one row with its error column.
func (s csvSink) Claim(id string, c coding.Claim) error { return s.w.WriteClaim(id, c) }

// Error writes one row with the error column filled.
func (s csvSink) Error(id string, err error) error {
	perr := render.AsParseError(err)
	return s.w.WriteError(id, perr.Line, perr.Column, perr.Message)
}

// Flush writes the buffered rows (and the header of an empty batch).
func (s csvSink) Flush() error { return s.w.Flush() }

// streamSink writes claims in one format and error records, as NDJSON, to
// a separate stream.
type streamSink struct {
	w, errs io.Writer
	write   func(io.Writer, string, coding.Claim) error
}

// The stream sink writes claims in its format and errors to the error stream.
func (s streamSink) Claim(id string, c coding.Claim) error { return s.write(s.w, id, c) }

// Error writes the error record to the error stream as NDJSON.
func (s streamSink) Error(id string, err error) error { return render.NDJSONError(s.errs, id, err) }

// Flush has nothing to do: every record is written whole.
func (s streamSink) Flush() error { return nil }
