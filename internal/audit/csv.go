package audit

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/claimfmt"
)

// WriteJSON writes the whole report as one indented JSON object: notes with
// every row (matched ones too), audit and documentation findings, unmatched
// claim ids and the summary.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// CSVHeader is the header row of WriteCSV. List values (modifiers, note
// lines, audit findings) are joined with ":".
var CSVHeader = []string{"note", "claim_id", "status", "code", "family", "lesion",
	"billed_units", "billed_modifiers", "note_units", "note_modifiers",
	"claims_line", "note_lines", "audit_findings", "why"}

// WriteCSV writes one row per difference, for a spreadsheet: every row of
// a note that does not match (units or modifiers differ, missing, extra,
// not audited) or raises an audit finding, then one row per note without
// claims ("no-claims") or not coded ("not-coded"), then one per claim id
// that names no note ("no-note"). The status column holds the row's Label
// or those words. Every cell passes through claimfmt.DefuseFormula: a note
// id, claim id or reason starting with = + - @, a tab or a CR is written
// with a leading apostrophe, so a spreadsheet shows it as text and never
// runs it as a formula.
func WriteCSV(w io.Writer, r *Report) error {
	cw := defusingWriter{csv.NewWriter(w)}
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, n := range r.Notes {
		claimID := strings.Join(n.ClaimIDs, ":")
		for _, row := range n.Lines {
			if row.Status == Matched && len(row.Findings) == 0 {
				continue
			}
			rec := []string{n.ID, claimID, row.Label(), row.Code, row.Family.String(), row.Lesion, "", "", "", "", "",
				joinInts(row.Evidence, ":"), strings.Join(row.Findings, ":"), row.Why}
			if b := row.Billed; b != nil {
				rec[6], rec[7], rec[10] = strconv.Itoa(b.Units), strings.Join(b.Modifiers, ":"), strconv.Itoa(b.Line)
			}
			if e := row.Engine; e != nil {
				rec[8], rec[9] = strconv.Itoa(e.Units), strings.Join(e.Modifiers, ":")
			}
			cw.Write(rec)
		}
		if n.Status != NoteAudited {
			cw.Write([]string{n.ID, claimID, string(n.Status), "", "", "", "", "", "", "", "", "", "", n.Problem})
		}
	}
	for _, u := range r.UnmatchedClaims {
		cw.Write([]string{"", u.ID, "no-note", "", "", "", "", "", "", "", joinInts(u.Lines, ":"), "", "", u.Reason})
	}
	cw.Flush()
	return cw.Error()
}

// defusingWriter is a csv.Writer whose every cell is defused against
// formula injection.
type defusingWriter struct{ *csv.Writer }

// Write writes one row, each cell through claimfmt.DefuseFormula.
func (w defusingWriter) Write(row []string) error {
	out := make([]string, len(row)) // row may be shared, as CSVHeader is
	for i, v := range row {
		out[i] = claimfmt.DefuseFormula(v)
	}
	return w.Writer.Write(out)
}
