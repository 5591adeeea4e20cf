package claimfmt

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

// CSVHeader is the header row CSVWriter writes first; the web page's "Copy
// as CSV" writes the same columns. List values (modifiers, diagnosis
// pointers, the ICD-10-CM codes they point to, evidence lines) are joined
// with ":"; findings are "rule (severity, line N)" joined with "; ";
// rules is the rule-pack version the claim was coded by.
var CSVHeader = []string{"id", "date_of_service", "seq", "code", "units", "modifiers", "lesion",
	"diagnosis_pointers", "diagnoses", "evidence_lines", "description", "reason", "findings", "error", "rules"}

// NoLinesError is the error column of the row of a claim without lines.
const NoLinesError = "no claim lines"

// CSVWriter writes claims as CSV, one row per claim line, after a header row
// written once. Every record yields at least one row: a claim without lines
// and a note that cannot be parsed get one row with the error column filled.
// Every row of a note carries the note's findings. A cell that a
// spreadsheet would run as a formula (one starting with = + - @, a tab or a
// carriage return) is written with a leading apostrophe, whichever column
// it is in: a note id "=HYPERLINK(…)" stays text.
//
// Each call writes to the csv.Writer's buffer; Flush writes it out, so
// flush once per batch chunk. It is not safe for concurrent use.
type CSVWriter struct {
	w      *csv.Writer
	header bool
}

// NewCSV returns a CSVWriter writing to w.
func NewCSV(w io.Writer) *CSVWriter {
	return &CSVWriter{w: csv.NewWriter(w)}
}

// WriteClaim writes the rows of the claim of note id: one per line, or one
// with the error column saying NoLinesError when it has none.
func (cw *CSVWriter) WriteClaim(id string, c coding.Claim) error {
	dos := ""
	if d := c.Encounter.DateOfService; d != nil {
		dos = *d
	}
	findings := FindingsCell(c.Findings)
	if len(c.Lines) == 0 {
		return cw.write([]string{id, dos, "", "", "", "", "", "", "", "", "", "", findings, NoLinesError, c.Rules.Version})
	}
	for _, l := range c.Lines {
		evidence := make([]int, len(l.Evidence))
		for i, e := range l.Evidence {
			evidence[i] = e.Line
		}
		codes := make([]string, len(l.DiagnosisPointers))
		for i, p := range l.DiagnosisPointers {
			if p >= 1 && p <= len(c.Diagnoses) {
				codes[i] = c.Diagnoses[p-1].Code
			}
		}
		err := cw.write([]string{id, dos, strconv.Itoa(l.Seq), l.Code, strconv.Itoa(l.Units),
			strings.Join(l.Modifiers, ":"), l.Lesion, joinInts(l.DiagnosisPointers, ":"), strings.Join(codes, ":"),
			joinInts(evidence, ":"), l.Description, l.Reason, findings, "", c.Rules.Version})
		if err != nil {
			return err
		}
	}
	return nil
}

// FindingsCell is the findings column: "rule (severity, line N)" for each
// finding, joined with "; ".
func FindingsCell(fs []diag.Finding) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%s (%s, line %d)", f.Rule, f.Severity, f.Line)
	}
	return strings.Join(parts, "; ")
}

// WriteError writes the row of note id that could not be coded; the error
// column holds the message, the other columns after id are empty.
func (cw *CSVWriter) WriteError(id, message string) error {
	return cw.write([]string{id, "", "", "", "", "", "", "", "", "", "", "", "", message, ""})
}

// Flush writes the header if no row was written yet, so that an empty batch
// still yields a header, writes the buffered rows out and reports any write
// error.
func (cw *CSVWriter) Flush() error {
	if err := cw.write(nil); err != nil {
		return err
	}
	cw.w.Flush()
	return cw.w.Error()
}

func (cw *CSVWriter) write(row []string) error {
	if !cw.header {
		if err := cw.w.Write(CSVHeader); err != nil {
			return err
		}
		cw.header = true
	}
	if row == nil {
		return nil
	}
	for i, v := range row {
		row[i] = DefuseFormula(v)
	}
	return cw.w.Write(row)
}

// DefuseFormula returns a CSV cell that a spreadsheet shows as text: one
// starting with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe (OWASP's advice against CSV injection); others are unchanged.
func DefuseFormula(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

func joinInts(ns []int, sep string) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, sep)
}
