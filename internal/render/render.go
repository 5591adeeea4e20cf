package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

// JSON writes the claim as one JSON object (the output contract),
// indented by two spaces.
func JSON(w io.Writer, c coding.Claim) error {
	return writeClaim(w, nil, &c, true)
}

// AsParseError returns err as a *diag.ParseError, wrapping any other error
// at line 1, column 1.
func AsParseError(err error) *diag.ParseError {
	var perr *diag.ParseError
	if errors.As(err, &perr) {
		return perr
	}
	return &diag.ParseError{Line: 1, Column: 1, Message: err.Error()}
}

// JSONError writes the error record of a note that cannot be parsed.
func JSONError(w io.Writer, source string, err error) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(diag.ErrorRecord{Source: source, Error: AsParseError(err)})
}

// Text writes the claim as a header (the note's encounter, then the rule
// pack it was coded by), a table of lines, then the findings grouped by
// severity.
func Text(w io.Writer, c coding.Claim, withLines bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  date %s  place %s  payer %s\n", c.Source, orNone(c.Encounter.DateOfService), orNone(c.Encounter.PlaceOfService), c.Encounter.PayerProfile)
	b.WriteString(RulesHeader(c.Rules) + "\n")
	if withLines {
		b.WriteString("\n")
		if len(c.Lines) == 0 {
			b.WriteString("No claim lines.\n")
		} else {
			tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "#\tCODE\tUNITS\tMOD\tLESION\tDX\tNOTE LINES\tWHY")
			for _, l := range c.Lines {
				fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", l.Seq, l.Code, l.Units, dash(strings.Join(l.Modifiers, ",")),
					l.Lesion, dash(ints(l.DiagnosisPointers)), dash(evidence(l.Evidence)), l.Reason)
			}
			tw.Flush()
		}
		if len(c.Diagnoses) > 0 {
			b.WriteString("\nDiagnoses:\n")
			for i, d := range c.Diagnoses {
				fmt.Fprintf(&b, "  %d  %-9s %s\n", i+1, d.Code, d.Description)
			}
		}
	}
	for _, sev := range []struct {
		severity diag.Severity
		heading  string
	}{{diag.Error, "Errors"}, {diag.Warning, "Warnings"}, {diag.Info, "Info"}} {
		first := true
		for _, f := range c.Findings {
			if f.Severity != sev.severity {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n%s:\n", sev.heading)
				first = false
			}
			at := strconv.Itoa(f.Line)
			if f.Column > 0 {
				at += ":" + strconv.Itoa(f.Column)
			}
			fmt.Fprintf(&b, "  line %-4s %-28s %s\n", at, f.Rule, f.Message)
		}
	}
	if len(c.Findings) == 0 {
		b.WriteString("\nNo findings.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// RulesHeader is the line that names a claim's rule pack in text output:
// "rules 2026.12.2 (CPT 2026, ICD-10-CM FY2026)".
func RulesHeader(e codetable.Edition) string {
	return fmt.Sprintf("rules %s (%s, %s)", e.Version, e.CPT, e.ICD10CM)
}

func orNone(s *string) string {
	if s == nil {
		return "(none)"
	}
	return *s
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func ints(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

func evidence(es []coding.Evidence) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = strconv.Itoa(e.Line)
	}
	return strings.Join(parts, ",")
}
