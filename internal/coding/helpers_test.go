package coding_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/model"
)

// The tests of this package run small notes through the whole pipeline
// (engine.Code) and compare what comes out with lines and findings written
// by hand from docs/coding-rules.md and docs/note-format.md. Notes are built with
// note(...), one argument per line, so that line numbers can be counted:
// the first argument is line 1.

// note joins lines into note text.
func note(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// surgeonReads is the encounter header of a note whose surgeon read the
// slides (3 lines); it keeps pathology-undocumented out of tests about
// other things.
var surgeonReads = []string{
	"Date of service: 2026-03-14",
	"Surgeon: Dana Whitfield, MD",
	"Pathology: slides read by the Mohs surgeon",
}

// withHeader puts the surgeonReads header before lines.
func withHeader(lines ...string) string {
	return note(append(append([]string{}, surgeonReads...), lines...)...)
}

// code runs a note with the default options.
func code(t *testing.T, src string) coding.Claim {
	t.Helper()
	return codeWith(t, src, coding.Options{})
}

// codeWith runs a note through the whole pipeline; the note must parse.
func codeWith(t *testing.T, src string, opt coding.Options) coding.Claim {
	t.Helper()
	claim, err := engine.Code("note.txt", src, opt)
	require.NoError(t, err, "the test note must parse:\n%s", src)
	return claim
}

// codeModel parses a note, lets edit change its model (a fact the test
// needs the model to hold, whichever words the note uses for it), then
// codes it.
func codeModel(t *testing.T, src string, edit func(*model.Note)) coding.Claim {
	t.Helper()
	n, err := engine.Model("note.txt", src)
	require.NoError(t, err, "the test note must parse:\n%s", src)
	edit(n)
	return coding.Code(n, coding.Options{})
}

// lines renders claim lines compactly: "17311x1", "17312x1 59".
func lines(c coding.Claim) []string {
	out := []string{}
	for _, l := range c.Lines {
		out = append(out, compactLine(l))
	}
	return out
}

// lesionLines renders claim lines with their lesion: "2: 17311x1 59",
// "1,3: 12052x1", "biopsy 1: 11104x1 59".
func lesionLines(c coding.Claim) []string {
	out := []string{}
	for _, l := range c.Lines {
		out = append(out, l.Lesion+": "+compactLine(l))
	}
	return out
}

func compactLine(l coding.Line) string {
	s := fmt.Sprintf("%sx%d", l.Code, l.Units)
	if len(l.Modifiers) > 0 {
		s += " " + strings.Join(l.Modifiers, " ")
	}
	return s
}

// findings renders every finding as "line rule severity lesion" ("-" for
// no lesion), in the claim's order.
func findings(c coding.Claim) []string {
	out := []string{}
	for _, f := range c.Findings {
		out = append(out, compactFinding(f.Line, f.Rule, string(f.Severity), f.Lesion))
	}
	return out
}

// findingsOf renders the findings of one rule as findings does.
func findingsOf(c coding.Claim, rule string) []string {
	out := []string{}
	for _, f := range c.Findings {
		if f.Rule == rule {
			out = append(out, compactFinding(f.Line, f.Rule, string(f.Severity), f.Lesion))
		}
	}
	return out
}

// rulesOf lists the rule ids of the findings, in the claim's order.
func rulesOf(c coding.Claim) []string {
	out := []string{}
	for _, f := range c.Findings {
		out = append(out, f.Rule)
	}
	return out
}

func compactFinding(line int, rule, severity, lesion string) string {
	if lesion == "" {
		lesion = "-"
	}
	return fmt.Sprintf("%d %s %s %s", line, rule, severity, lesion)
}

// messageOf returns the message of the first finding of rule, or "".
func messageOf(c coding.Claim, rule string) string {
	for _, f := range c.Findings {
		if f.Rule == rule {
			return f.Message
		}
	}
	return ""
}
