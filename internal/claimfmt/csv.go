package claimfmt

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/coding"
)

// CSVHeader is the header row CSVWriter writes first. List values
// (modifiers, diagnosis pointers, evidence lines) are joined with ":".
var CSVHeader = []string{"id", "seq", "code", "units", "modifiers", "lesion", "diagnosis_pointers", "evidence_lines", "error"}

// NoLinesError is the error column of the row of a claim without lines.
const NoLinesError = "no claim lines"

// CSVWriter writes claims as CSV, one row per claim line, after a header row
// written once. Every record yields at least one row: a claim without lines
// and a note that cannot be parsed get one row with the error column filled.
// Each call flushes, so give it a buffered writer for a long batch. It is
// not safe for concurrent use.
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
	if len(c.Lines) == 0 {
		return cw.write([][]string{{id, "", "", "", "", "", "", "", NoLinesError}})
	}
	rows := make([][]string, 0, len(c.Lines))
	for _, l := range c.Lines {
		evidence := make([]int, len(l.Evidence))
		for i, e := range l.Evidence {
			evidence[i] = e.Line
		}
		rows = append(rows, []string{id, strconv.Itoa(l.Seq), l.Code, strconv.Itoa(l.Units),
			strings.Join(l.Modifiers, ":"), l.Lesion, joinInts(l.DiagnosisPointers, ":"), joinInts(evidence, ":"), ""})
	}
	return cw.write(rows)
}

// WriteError writes the row of note id that could not be coded: the error
// column holds "line:column: message", the other columns after id are empty.
func (cw *CSVWriter) WriteError(id string, line, column int, message string) error {
	return cw.write([][]string{{id, "", "", "", "", "", "", "", fmt.Sprintf("%d:%d: %s", line, column, message)}})
}

// Flush writes the header if no row was written yet, so that an empty batch
// still yields a header, and reports any write error.
func (cw *CSVWriter) Flush() error {
	return cw.write(nil)
}

func (cw *CSVWriter) write(rows [][]string) error {
	if !cw.header {
		if err := cw.w.Write(CSVHeader); err != nil {
			return err
		}
		cw.header = true
	}
	return cw.w.WriteAll(rows) // WriteAll flushes
}

func joinInts(ns []int, sep string) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, sep)
}
