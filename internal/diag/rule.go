package diag

import "fmt"

// Rule is one finding rule: its stable id, the severity it is raised with,
// and what it means. Each rule is declared once, as a Go value in the
// package whose check raises it; other packages refer to it by that
// identifier, never by its id string.
type Rule struct {
	ID       string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Escalates is the severity the rule takes instead in the cases its
	// doc names (mue-exceeded: an error for adjudication indicator 2);
	// empty when it has one severity.
	Escalates Severity `json:"escalates,omitempty"`
	Doc       string   `json:"doc"`
}

// Severities are the severities the rule may be raised with.
func (r *Rule) Severities() []Severity {
	if r.Escalates == "" {
		return []Severity{r.Severity}
	}
	return []Severity{r.Severity, r.Escalates}
}

// At makes a finding of the rule at a line (and column, 0 for the whole
// line) of the note, about a lesion ("" for the note as a whole).
func (r *Rule) At(lesion string, line, column int, format string, args ...any) Finding {
	return Finding{Rule: r.ID, Severity: r.Severity, Lesion: lesion, Line: max(line, 1), Column: column,
		Message: fmt.Sprintf(format, args...)}
}
