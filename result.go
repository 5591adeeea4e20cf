package mohscode

import (
	"strings"

	"github.com/mohscode/mohscode/internal/diag"
)

// Result is what the engine makes of one note. Its JSON encoding is the
// output contract of `mohscode code --format json`.
type Result struct {
	// Source names the note, as given to Code.
	Source    string    `json:"source"`
	Encounter Encounter `json:"encounter"`
	// Edits names the CMS edit tables the claim was checked against.
	Edits Edits `json:"edits"`
	// Lines are the claim lines in claim order.
	Lines []Line `json:"lines"`
	// Diagnoses are the ICD-10-CM codes the lines point to, in pointer order.
	Diagnoses []Diagnosis `json:"diagnoses"`
	// Findings are the documentation findings, by note line then rule.
	Findings []Finding `json:"findings"`
	// Rules names the rule pack and code-set editions the note was coded by.
	Rules Rules `json:"rules"`
}

// Encounter is the claim's header; a field the note does not give is nil.
type Encounter struct {
	// DateOfService is the date as written in the note's normal form
	// (YYYY-MM-DD).
	DateOfService *string `json:"date_of_service"`
	// PlaceOfService is the CMS place-of-service code ("11").
	PlaceOfService *string `json:"place_of_service"`
	// PayerProfile names the payer profile the note was coded under.
	PayerProfile string `json:"payer_profile"`
}

// Edits names the CMS edit tables applied; a table not given is
// "not checked".
type Edits struct {
	MUE string `json:"mue"`
	PTP string `json:"ptp"`
}

// Line is one claim line.
type Line struct {
	// Seq numbers the line from 1.
	Seq int `json:"seq"`
	// Code is the CPT code.
	Code      string   `json:"code"`
	Units     int      `json:"units"`
	Modifiers []string `json:"modifiers"`
	// Lesion is the label of the lesion the line is for, as the note writes
	// it ("1", "B", "II", "biopsy 2"); a line for several lesions (a summed
	// repair) lists them separated by commas ("1,2"). See [Line.Lesions].
	Lesion      string `json:"lesion"`
	Description string `json:"description"`
	// DiagnosisPointers index Result.Diagnoses from 1.
	DiagnosisPointers []int `json:"diagnosis_pointers"`
	// Evidence are the note lines behind the line.
	Evidence []Evidence `json:"evidence"`
	// Reason says why the engine chose the code, units and modifiers.
	Reason string `json:"reason"`
}

// Lesions returns the labels of the lesions the line is for.
func (l Line) Lesions() []string {
	if l.Lesion == "" {
		return nil
	}
	return strings.Split(l.Lesion, ",")
}

// Evidence is a note line behind a claim line, counted from 1.
type Evidence struct {
	Line int `json:"line"`
}

// Diagnosis is one ICD-10-CM code of the claim.
type Diagnosis struct {
	Code        string `json:"code"`
	Description string `json:"description"`
}

// Severity says how much a finding matters to the claim.
type Severity string

// The severities, most serious first.
const (
	// Error: the claim as coded would be denied or cannot be coded.
	Error Severity = "error"
	// Warning: an audit or denial risk.
	Warning Severity = "warning"
	// Info: worth knowing, no risk.
	Info Severity = "info"
)

// Finding is one diagnostic about a note: a documentation finding of a
// coded note, or the reason a note could not be coded.
type Finding struct {
	// File names the note (the name given to Code).
	File string `json:"-"`
	// Rule is the finding's stable id ("blocks-missing"); `mohscode rules`
	// lists them.
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Lesion is the label of the lesion the finding is about, if any.
	Lesion string `json:"lesion,omitempty"`
	// Line and Column place the finding in the note, from 1; Column is 0
	// when the finding is about a whole line.
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
	// EndLine and EndColumn close the span of words the finding is about,
	// when it is about words (a sentence read from prose); 0 otherwise.
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
	Message   string `json:"message"`
	// Suggestion, when not empty, is a fix to try ("Stage 2").
	Suggestion string `json:"suggestion,omitempty"`
}

// String formats the finding as file:line:col: rule: message, leaving out
// the column when the finding is about a whole line and the file when it
// has none.
func (f Finding) String() string {
	return diag.Finding{Line: f.Line, Column: f.Column, Rule: f.Rule, Message: f.Message}.Format(f.File)
}

// Rules names the rule pack a note was coded with.
type Rules struct {
	// Version is the rule pack's version.
	Version string `json:"version"`
	// CPT and ICD10CM are the code-set editions the pack follows
	// ("CPT 2026", "ICD-10-CM FY2026").
	CPT     string `json:"cpt"`
	ICD10CM string `json:"icd10cm"`
}

// CodeError is the error of a note that could not be coded at all: over a
// limit, or not parseable. Its Finding says where and why; its message may
// quote the note, so show it to the user and do not log it.
type CodeError struct {
	Finding Finding
}

// Error formats the error as file:line:col: message.
func (e *CodeError) Error() string { return e.Finding.String() }
