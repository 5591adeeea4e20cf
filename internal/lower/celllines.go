package lower

import (
	"strings"

	"github.com/mohscode/mohscode/grammar"
)

// cellPerLineTables reads a Mohs log that lost its tags when it was copied
// from a web page or a portal, one cell a line — the column names first,
// each a known column of a log ("Stage", "Blocks", "Margins", "Stains") or
// a lesion's field ("Lesion", "Closure"), then the cells of each row in
// their order:
//
//	Stage
//	Blocks
//	Margins
//	1
//	8
//	blocks 2, 5, 7 positive (deep); blocks 1, 3, 4, 6, 8 clear
//
// as the table it was: a row of the names, then a row for every group of
// as many lines, as long as each group opens with a short cell (a stage or
// lesion number) and holds no blank line. lines is returned as it is when
// it holds no such log; the parsed lines are never changed.
func cellPerLineTables(lines []*grammar.Line) []*grammar.Line {
	var out []*grammar.Line
	copied := 0 // lines[:copied] are in out, when out is not nil
	for i := 0; i < len(lines); i++ {
		names := columnNameLines(lines, i)
		if head := (&grammar.Row{Pos: lines[i].Pos, Cells: names}); len(names) < 2 || header(head) == nil && recordHeader(head) == nil {
			continue
		}
		n := len(names)
		var rows []*grammar.Line
		j := i + n
		for ; j+n <= len(lines); j += n {
			cells := make([]*grammar.Cell, n)
			for k := range n {
				if cells[k] = lineCell(lines[j+k]); cells[k] == nil {
					break
				}
			}
			if cells[n-1] == nil || !shortCell(cells[0].Text) {
				break
			}
			rows = append(rows, &grammar.Line{Pos: lines[j].Pos, Row: &grammar.Row{Pos: lines[j].Pos, Cells: cells}})
		}
		if len(rows) == 0 || j < len(lines) && lineCell(lines[j]) != nil {
			continue // cells left over: the lines are not the rows of these names
		}
		out = append(out, lines[copied:i]...)
		out = append(out, &grammar.Line{Pos: lines[i].Pos, Row: &grammar.Row{Pos: lines[i].Pos, Cells: names}})
		out = append(out, rows...)
		copied = j
		i = j - 1
	}
	if out == nil {
		return lines
	}
	return append(out, lines[copied:]...)
}

// columnNameLines is the run of lines from line i that are each one name
// of a log's column or of a lesion's field ("Closure (after tumor
// clearance)") and nothing else, as cells.
func columnNameLines(lines []*grammar.Line, i int) []*grammar.Cell {
	var names []*grammar.Cell
	for ; i < len(lines); i++ {
		c := lineCell(lines[i])
		if c == nil || wordCount(c.Text, 4) > 3 && !strings.Contains(c.Text, "(") {
			break
		}
		if _, field := lookup(secLesion, c.Text); columnRoleOf(c.Text) == colOther && !field {
			break
		}
		names = append(names, c)
	}
	return names
}

// lineCell is a line of one cell as that cell: the line's text, or a
// bare key ("Blocks" read as a field), or nil for a blank line, a row, a
// rule, or an item of several parts ("Stage 1 histology: …" is a field
// of its own, no cell).
func lineCell(line *grammar.Line) *grammar.Cell {
	it := line.Item
	if it == nil || it.Marker != nil {
		return nil
	}
	switch {
	case it.Label != nil:
		if it.Label.Name() == "" && it.Text == nil && len(it.Fields) == 0 {
			return &grammar.Cell{Pos: it.Label.Pos, Text: it.Label.Text} // "Lesion", a label with no name: the lesion column's
		}
		return nil
	case it.Text != nil && len(it.Fields) == 0:
		return &grammar.Cell{Pos: it.Text.Pos, Text: it.Text.Text}
	case it.Text == nil && len(it.Fields) == 1 && it.Fields[0].Value == nil:
		return &grammar.Cell{Pos: it.Fields[0].Pos, Text: it.Fields[0].Key}
	}
	return nil
}

// shortCell reports whether a cell is short enough to open a row of a log:
// a stage or lesion number or label ("1", "II", "A", "Stage 2").
func shortCell(s string) bool {
	return len(strings.TrimSpace(s)) <= 8 && wordCount(s, 3) <= 2
}
