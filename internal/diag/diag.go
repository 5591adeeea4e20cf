package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Severity says how much a finding matters to the claim.
type Severity string

// The three severities of docs/note-format.md section 7.
const (
	// Error: the claim as coded would be denied or cannot be coded.
	Error Severity = "error"
	// Warning: an audit or denial risk.
	Warning Severity = "warning"
	// Info: worth knowing, no risk.
	Info Severity = "info"
)

// Rank orders severities from most to least serious (error first).
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	default:
		return 2
	}
}

// Finding is one diagnostic about a note: a documentation finding of a
// coded note, the reason a note could not be coded, or (with Note, Code and
// Evidence) an audit finding about a line of a claims file. The root
// package exports it as mohscode.Finding.
type Finding struct {
	// File names the note the finding is about, when the finding is shown on
	// its own ([Finding.String]); it is not part of the JSON contract, where
	// the claim's source names the note.
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
	// Suggestion is what to write instead, when there is one ("Diagnosis"
	// for an unknown key "Diagnoss").
	Suggestion string `json:"suggestion,omitempty"`
	// An audit finding is about a line of a claims file (Line) for a note:
	// Note is the note's record id, Code the billed code, Evidence the note
	// lines that show what the note supports. Empty otherwise.
	Note     string `json:"note,omitempty"`
	Code     string `json:"code,omitempty"`
	Evidence []int  `json:"evidence,omitempty"`
}

// List is the findings of a note, in one order and one text form for every
// front end.
type List []Finding

// Sort orders the findings by line, then column, then rule, as the output
// contract requires. Ties keep their order.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Finding) int {
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Column, b.Column); c != 0 {
			return c
		}
		return cmp.Compare(a.Rule, b.Rule)
	})
}

// Capped keeps at most n findings of each rule, in order; the findings of
// a rule past n become one finding, after its last kept one, that counts
// them. The list must be sorted.
func (l List) Capped(n int) List {
	count := map[string]int{}
	for _, f := range l {
		count[f.Rule]++
	}
	over := false
	for _, c := range count {
		over = over || c > n
	}
	if !over {
		return l
	}
	out := make(List, 0, len(l))
	seen := map[string]int{}
	for _, f := range l {
		seen[f.Rule]++
		switch k := seen[f.Rule]; {
		case k <= n:
			out = append(out, f)
		case k == n+1:
			more := f
			more.Column, more.EndLine, more.EndColumn, more.Suggestion = 0, 0, 0, ""
			more.Message = fmt.Sprintf("%d more %s findings in this note are not listed (at most %d per rule)", count[f.Rule]-n, f.Rule, n)
			out = append(out, more)
		}
	}
	return out
}

// HasError reports whether any finding has error severity.
func (l List) HasError() bool {
	return slices.ContainsFunc(l, func(f Finding) bool { return f.Severity == Error })
}

// WriteText writes one finding a line, each positioned the one way every
// message is: FILE:LINE[:COLUMN]: RULE: MESSAGE.
func (l List) WriteText(w io.Writer, file string) error {
	for _, f := range l {
		if _, err := io.WriteString(w, f.Format(file)+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// String formats the finding as [Finding.Format] does with its File.
func (f Finding) String() string { return f.Format(f.File) }

// Format writes the finding as file:line:col: rule: message, leaving out
// the column when the finding is about a whole line and the file when it
// is "".
func (f Finding) Format(file string) string {
	var b strings.Builder
	if file != "" {
		b.WriteString(file + ":")
	}
	b.WriteString(strconv.Itoa(f.Line) + ":")
	if f.Column > 0 {
		b.WriteString(strconv.Itoa(f.Column) + ":")
	}
	if f.Rule != "" {
		b.WriteString(" " + f.Rule + ":")
	}
	b.WriteString(" " + f.Message)
	return b.String()
}

// ParseError is a note that cannot be read: where, and what was wrong, in a
// coder's words. Its message may quote the note, so it is shown to the user
// and never logged.
type ParseError struct {
	Filename string `json:"-"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
}

// Error formats the error as file:line:column: message.
func (e *ParseError) Error() string {
	if e.Filename == "" {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Filename, e.Line, e.Column, e.Message)
}

// ErrorRecord is the output record of a note that cannot be read at all:
// its batch record id (empty, and left out, outside a batch), its source
// and the positioned error.
type ErrorRecord struct {
	ID     string      `json:"id,omitempty"`
	Source string      `json:"source"`
	Error  *ParseError `json:"error"`
}

// InputErrorRecord is the batch output record of an input record that is
// not a note (a malformed NDJSON line or HL7 message, a binary file): it is
// placed in its input, with no made-up note position.
type InputErrorRecord struct {
	ID     string       `json:"id"`
	Source string       `json:"source"`
	Error  InputProblem `json:"error"`
}

// InputProblem is where in its input a record failed, and why.
type InputProblem struct {
	// Input names the input file ("notes.ndjson", "-").
	Input string `json:"input"`
	// Line is the input line the record starts on, 0 when not known.
	Line    int    `json:"input_line,omitempty"`
	Message string `json:"message"`
}

// Problem is the body of a refused request or a failure that has no place
// in a note (the service's answers other than 200 and 422): the same
// "error" key as the error records, without a position.
type Problem struct {
	Error Message `json:"error"`
}

// Message is a problem's text.
type Message struct {
	Message string `json:"message"`
}
