package lower

import (
	"slices"
	"strings"

	"github.com/mohscode/mohscode/grammar"
)

// Dictated self-corrections: a surgeon who misspeaks corrects the words in
// the sentence itself, "… of the right dorsal forearm - correction, the
// left dorsal forearm, not the right - punch biopsy …", "Stage 1 was five
// blocks - correction, six blocks; I miscounted from the map." The words
// taken back are no fact of the note: the readers see only the corrected
// ones.

// correctionMarks are the dashes, each with the word and comma after it,
// that open a self-correction.
var correctionMarks = []string{" - correction, ", " – correction, ", " — correction, ", " -- correction, "}

// correctionLeads end the words before them that a self-correction may take
// back: the words taken back start after the last of them.
var correctionLeads = []string{" of the ", " on the ", " at the ", " in the ", " was ", " were ", " is ", " are ", ", ", "; ", ": ", ". "}

// correctionEnds end the corrected words.
var correctionEnds = []string{", not ", " - ", " – ", " — ", ";", ". "}

// selfCorrections are the lines of a note with the self-corrections of
// their texts, values and cells rewritten (see selfCorrected): a line that
// holds one is a copy, the note's own lines are never changed.
func selfCorrections(lines []*grammar.Line) []*grammar.Line {
	var out []*grammar.Line
	for i, line := range lines {
		if fixed := correctedLine(line); fixed != line {
			if out == nil {
				out = slices.Clone(lines)
			}
			out[i] = fixed
		}
	}
	if out == nil {
		return lines
	}
	return out
}

// correctedLine is line, or a copy of it whose texts are selfCorrected
// when one of them holds a self-correction.
func correctedLine(line *grammar.Line) *grammar.Line {
	if !lineCorrects(line) {
		return line
	}
	cp := *line
	if it := line.Item; it != nil {
		item := *it
		if it.Text != nil {
			item.Text = &grammar.Text{Pos: it.Text.Pos, Text: selfCorrected(it.Text.Text)}
		}
		item.Fields = make([]*grammar.Field, len(it.Fields))
		for k, f := range it.Fields {
			fc := *f
			if f.Value != nil {
				text := selfCorrected(f.Value.Text)
				trimmed := strings.TrimLeft(text, " ")
				pos := f.Value.Pos
				pos.Column += len(text) - len(trimmed)
				pos.Offset += len(text) - len(trimmed)
				fc.Value = &grammar.Value{Pos: pos, Text: strings.TrimRight(trimmed, " ")} // a value stays trimmed: "Site: right cheek - correction, left cheek"
			}
			item.Fields[k] = &fc
		}
		cp.Item = &item
	}
	if line.Row != nil {
		row := *line.Row
		row.Cells = make([]*grammar.Cell, len(line.Row.Cells))
		for k, c := range line.Row.Cells {
			row.Cells[k] = &grammar.Cell{Pos: c.Pos, Text: selfCorrected(c.Text)}
		}
		cp.Row = &row
	}
	return &cp
}

// lineCorrects reports whether a text, value or cell of line holds the
// word of a self-correction: the cheap test before any copy.
func lineCorrects(line *grammar.Line) bool {
	has := func(s string) bool { return strings.Contains(s, "correction, ") }
	if it := line.Item; it != nil {
		if it.Text != nil && has(it.Text.Text) {
			return true
		}
		for _, f := range it.Fields {
			if f.Value != nil && has(f.Value.Text) {
				return true
			}
		}
	}
	return line.Row != nil && slices.ContainsFunc(line.Row.Cells, func(c *grammar.Cell) bool { return has(c.Text) })
}

// selfCorrected is text with each self-correction's taken-back words, its
// mark ("- correction, ") and its tail (", not the right -") turned into
// spaces, byte for byte, so that every later column stays the note's own;
// text without one is returned as it is. The words taken back run from
// the last correctionLead before the mark, and are at most six words; a
// correction that names no words of its own is left alone.
func selfCorrected(text string) string {
	if !strings.Contains(text, "correction, ") {
		return text
	}
	b := []byte(text)
	for from := 0; ; {
		m, mark := -1, ""
		for _, cm := range correctionMarks {
			if i := strings.Index(asciiLower(string(b[from:])), cm); i >= 0 && (m < 0 || from+i < m) {
				m, mark = from+i, cm
			}
		}
		if m < 0 {
			return string(b)
		}
		start := 0
		for _, lead := range correctionLeads {
			if i := strings.LastIndex(string(b[:m]), lead); i >= 0 && i+len(lead) > start {
				start = i + len(lead)
			}
		}
		fixed := m + len(mark)
		if rest := string(b[fixed:]); strings.HasPrefix(strings.ToLower(rest), "the ") {
			fixed += len("the ")
		}
		end := len(b)
		endMark := ""
		for _, e := range correctionEnds {
			if i := strings.Index(string(b[fixed:]), e); i >= 0 && fixed+i < end {
				end, endMark = fixed+i, e
			}
		}
		taken := strings.Fields(string(b[start:m]))
		if len(taken) == 0 || len(taken) > 6 || strings.TrimSpace(string(b[fixed:end])) == "" {
			from = m + len(mark)
			continue
		}
		blank(b[start:fixed])
		if endMark == ", not " {
			// ", not the right - punch biopsy": the tail to the next dash, its
			// comma kept
			tail := len(b)
			for _, e := range []string{" - ", " – ", " — ", ";", ". "} {
				if i := strings.Index(string(b[end+2:]), e); i >= 0 && end+2+i < tail {
					tail = end + 2 + i
					if e != ";" && e != ". " {
						tail += len(e) - 1 // the dash too, not the space after it
					}
				}
			}
			blank(b[end+1 : tail])
		}
		from = end
	}
}

// blank turns every byte of b into a space.
func blank(b []byte) {
	for i := range b {
		b[i] = ' '
	}
}
