package lower

import (
	"regexp"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/grammar"
)

// gluedStage matches a pipe cell that ends with the next row's stage, as a
// paste that lost a log's line breaks runs a row's last cell into the next
// row's first: "… no perineural invasion Stage 2".
var gluedStage = regexp.MustCompile(`(?i)^(.*?)\s*\bStage\s+(\d{1,2})$`)

// gluedLogFields reads the cells of one line that holds a Mohs log whose
// header and rows a paste ran together ("MOHS LOG Stage | Blocks | Margins
// | Stains | Histology Stage 1 | 6 | block 4 positive (deep); … | H&E | …
// Stage 2 | 2 | clear | H&E | no residual tumor") as one stage field a row
// ("Stage 1: 6 blocks; margins: …; stains: H&E; histology: …"); nil when
// the line is no such log: its header must name the stage first, then
// blocks and at least one of margins, stains and histology, and every row
// must fill every column.
func gluedLogFields(pos lexer.Position, cells []string) []*grammar.Field {
	if len(cells) < 6 || !strings.EqualFold(lastWordOf(strings.TrimSpace(cells[0])), "stage") {
		return nil
	}
	// every cell that ends with the next row's stage is cut in two
	var flat []string
	for _, c := range cells[1:] {
		c = strings.TrimSpace(c)
		if head, _, ok := strings.Cut(c, " Total "); ok {
			c = head // "no residual tumor Total stages:2": the log's totals after its last row
		}
		if m := gluedStage.FindStringSubmatch(c); m != nil {
			flat = append(flat, m[1], m[2])
			continue
		}
		flat = append(flat, c)
	}
	var names []string
	for len(names) < len(flat) && gluedColumn(flat[len(names)]) != "" {
		names = append(names, gluedColumn(flat[len(names)]))
	}
	if len(names) < 2 || names[0] != "blocks" {
		return nil
	}
	rows, width := flat[len(names):], len(names)+1
	var fields []*grammar.Field
	for ; len(rows) >= width; rows = rows[width:] {
		if !grammar.IsDigits(rows[0]) || !grammar.IsDigits(rows[1]) {
			return nil
		}
		parts := []string{rows[1] + " blocks"}
		for c, name := range names[1:] {
			if v := rows[c+2]; v != "" {
				parts = append(parts, name+": "+v)
			}
		}
		fields = append(fields, &grammar.Field{Pos: pos, Key: "Stage " + rows[0], Value: &grammar.Value{Pos: pos, Text: strings.Join(parts, "; ")}})
	}
	if len(fields) == 0 || len(rows) > 0 && !strings.HasPrefix(asciiLower(rows[0]), "total") {
		return nil // a row short of a column: the log cannot be told apart
	}
	return fields
}

// gluedColumn is the stage field a glued log's column name gives: blocks,
// margins, stains or histology; "" for another name.
func gluedColumn(name string) string {
	switch letters(name) {
	case "blocks", "sections", "pieces", "noofblocks", "ofblocks":
		return "blocks"
	case "margins", "margin", "marginstatus":
		return "margins"
	case "stains", "stain":
		return "stains"
	case "histology", "findings", "histopathology":
		return "histology"
	}
	return ""
}

// lastWordOf is the last word of s as it is written.
func lastWordOf(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// gluedLog reads a glued log's stages (gluedLogFields) as fields of the
// lesion being read.
func (l *lowerer) gluedLog(i int, fields []*grammar.Field) int {
	l.endParagraph()
	for _, f := range fields {
		l.field(i, f)
	}
	return i
}

// gluedLogText is the cells of a line of text that a glued log's totals
// made fields ("… no residual tumor Total stages: 2 | Total blocks: 8"),
// joined back, or nil when the text holds no pipe.
func gluedLogText(it *grammar.Item) []string {
	if it.Text == nil || !strings.Contains(it.Text.Text, " | ") {
		return nil
	}
	text := it.Text.Text
	for _, f := range it.Fields {
		text += " | " + f.Key + ":" // the pipe before each was the field's start
		if f.Value != nil {
			text += " " + f.Value.Text
		}
	}
	return strings.Split(text, " | ")
}
