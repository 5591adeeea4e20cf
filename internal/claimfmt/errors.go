package claimfmt

import (
	"errors"
	"fmt"
)

// Reasons a format cannot express a claim; an IncompleteClaimError wraps one
// of them, so errors.Is tells them apart.
var (
	// ErrNoDateOfService: FHIR's Claim.created and X12's DTP*472 need a date.
	ErrNoDateOfService = errors.New("no date of service")
	// ErrBadDateOfService: the date of service is not a YYYY-MM-DD date.
	ErrBadDateOfService = errors.New("date of service is not a YYYY-MM-DD date")
	// ErrNoLines: the claim has no line to bill.
	ErrNoLines = errors.New("no claim lines")
	// ErrNoDiagnosis: X12 needs an HI segment and a diagnosis pointer on every line.
	ErrNoDiagnosis = errors.New("no diagnosis")
	// ErrPointer: a line points at a diagnosis the claim does not have.
	ErrPointer = errors.New("diagnosis pointer out of range")
	// ErrX12Limit: the claim exceeds what one 837P claim holds (12
	// diagnoses; 4 modifiers and 4 diagnosis pointers per line). It must be
	// split; nothing is dropped silently.
	ErrX12Limit = errors.New("exceeds an 837P limit")
	// ErrX12Delimiter: a value contains an X12 separator (* : ~) or a line break.
	ErrX12Delimiter = errors.New("value contains an X12 separator")
	// ErrBadCharge: a fee is not a decimal amount.
	ErrBadCharge = errors.New("charge is not a decimal amount")
)

// IncompleteClaimError reports a claim that a format cannot express, for
// example a FHIR Claim without a date of service (Claim.created is
// required). Nothing was written; the caller writes an error record for the
// note instead, e.g. with render.AsParseError, which places it at line 1,
// column 1.
type IncompleteClaimError struct {
	// ID is the note's id as given to the writer.
	ID string
	// Format is "fhir" or "x12".
	Format string
	// Err is one of the Err* reasons above.
	Err error
	// Detail says which value, e.g. "line 2: 5 modifiers"; may be empty.
	Detail string
}

// Error says what the format lacks, without the note id (the error record
// carries it): "cannot write fhir: no date of service".
func (e *IncompleteClaimError) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("cannot write %s: %v", e.Format, e.Err)
	}
	return fmt.Sprintf("cannot write %s: %v: %s", e.Format, e.Err, e.Detail)
}

// Unwrap returns the reason, for errors.Is.
func (e *IncompleteClaimError) Unwrap() error { return e.Err }

func incomplete(id, format string, reason error, detail string, args ...any) *IncompleteClaimError {
	return &IncompleteClaimError{ID: id, Format: format, Err: reason, Detail: fmt.Sprintf(detail, args...)}
}
