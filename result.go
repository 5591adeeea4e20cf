package mohscode

import (
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

// The result types are the engine's own: what Code returns is the value
// every front end renders, not a copy of it. Their fields are documented
// in the output contract (docs/note-format.md section 7) and on each field.
type (
	// Result is what the engine makes of one note: the source, the
	// encounter, the edit tables applied, the claim Lines, the Diagnoses
	// they point to, the Findings, and the Rules the note was coded by. Its
	// JSON encoding is the output contract of `mohscode code --format json`.
	Result = coding.Claim
	// Encounter is the claim's header: date and place of service (nil when
	// the note does not give them) and the payer profile coded under.
	Encounter = coding.Encounter
	// Edits names the CMS edit tables applied (MUE, PTP); a table not given
	// is "not checked".
	Edits = coding.Edits
	// Line is one claim line: Seq, Code, Units, Modifiers, Lesion,
	// Description, DiagnosisPointers (into Result.Diagnoses, from 1),
	// Evidence and Reason. Line.Lesions splits a line for several lesions.
	Line = coding.Line
	// Evidence is a note line behind a claim line, counted from 1.
	Evidence = coding.Evidence
	// Diagnosis is one ICD-10-CM code of the claim, with its description.
	Diagnosis = coding.Diagnosis
	// Rules names the rule pack's version and the CPT and ICD-10-CM
	// editions it follows.
	Rules = codetable.Edition
	// Finding is one diagnostic about a note: Rule (a stable id that
	// `mohscode rules` lists), Severity, Lesion, the position (Line, Column,
	// EndLine, EndColumn; Column 0 for a whole line), Message and an
	// optional Suggestion. Finding.String formats it as
	// file:line:col: rule: message. The Note, Code and Evidence fields are
	// set only on the findings of an audit.
	Finding = diag.Finding
	// Severity says how much a finding matters to the claim.
	Severity = diag.Severity
)

// The severities, most serious first.
const (
	// Error: the claim as coded would be denied or cannot be coded.
	Error = diag.Error
	// Warning: an audit or denial risk.
	Warning = diag.Warning
	// Info: worth knowing, no risk.
	Info = diag.Info
)

// CodeError is the error of a note that could not be coded at all: over a
// limit, or not parseable. Its Finding says where and why; its message may
// quote the note, so show it to the user and do not log it.
type CodeError struct {
	Finding Finding
}

// Error formats the error as file:line:col: message.
func (e *CodeError) Error() string { return e.Finding.String() }
