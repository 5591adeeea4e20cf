package lower

import (
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

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
// lesion number) and holds no blank line. A line that opens in lower case
// or with a parenthesis, or follows a cell that stops after a comma or a
// joining word, goes on with the cell above it (a cell the page wrapped). lines is returned as it is when
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
		for j+n <= len(lines) {
			cells, next := wrappedRow(lines, j, n)
			if cells == nil {
				break
			}
			rows = append(rows, &grammar.Line{Pos: lines[j].Pos, Row: &grammar.Row{Pos: lines[j].Pos, Cells: cells}})
			j = next
		}
		if _, _, more := oneCellText(lines[min(j, len(lines)-1)]); len(rows) == 0 || j < len(lines) && more {
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

// wrappedRow reads the row of n cells whose first cell is line j, and
// returns them and the line after the row, or nil. The row runs to the
// next row's first cell (rowOpeners) or to a line of no cell; when it holds more lines than cells, the lines that go on with the
// cell above them (wrappedCell, unfinishedCell) are joined to it, and they
// must be as many as the lines left over.
func wrappedRow(lines []*grammar.Line, j, n int) ([]*grammar.Cell, int) {
	first := lineCell(lines[j])
	if first == nil || !shortCell(first.Text) {
		return nil, j
	}
	end := j + n
	if same, next := rowOpeners(strings.TrimSpace(first.Text)); next != "" {
		for end = j + 1; end < len(lines); end++ {
			c := lineCell(lines[end])
			if c == nil {
				break
			}
			if t := strings.TrimSpace(c.Text); end >= j+n && (t == same || t == next) {
				break
			}
		}
	}
	extra := end - j - n
	if extra < 0 {
		return nil, j
	}
	cells := make([]*grammar.Cell, 0, n)
	for k := j; k < end; k++ {
		c := lineCell(lines[k])
		if c == nil {
			return nil, j
		}
		if len(cells) > 1 && extra > 0 && (wrappedCell(lines[k]) || unfinishedCell(cells[len(cells)-1].Text)) {
			last := cells[len(cells)-1]
			cells[len(cells)-1] = &grammar.Cell{Pos: last.Pos, Text: last.Text + " " + c.Text}
			extra--
			continue
		}
		if len(cells) == n {
			return nil, j
		}
		cells = append(cells, c)
	}
	if len(cells) != n || extra != 0 {
		return nil, j
	}
	return cells, end
}

// rowOpeners are the first cells that may open the row after one opened by
// first: the same number or letter (the lesion's next stage) and the next
// ("2" after "1", "B" after "A"); next is "" for any other first cell.
func rowOpeners(first string) (same, next string) {
	if num, err := strconv.Atoi(first); err == nil {
		return first, strconv.Itoa(num + 1)
	}
	if len(first) == 1 && first[0] >= 'A' && first[0] < 'Z' {
		return first, string(first[0] + 1)
	}
	return "", ""
}

// wrappedCell reports whether a line of one cell goes on with the cell
// above it: it opens in lower case or with a parenthesis ("and 5
// (peripheral)", "(deep)", "the deep margin").
func wrappedCell(line *grammar.Line) bool {
	text, _, ok := oneCellText(line)
	if !ok || text == "" {
		return false
	}
	c := text[0]
	return c >= 'a' && c <= 'z' || c == '('
}

// unfinishedCell reports whether a cell's text stops where it cannot end,
// after a comma, a dash or a joining word ("Positive – blocks 3," over "4
// and 7 (deep)"): the page wrapped it.
func unfinishedCell(text string) bool {
	text = strings.TrimSpace(text)
	if strings.HasSuffix(text, ",") || strings.HasSuffix(text, "–") || strings.HasSuffix(text, " -") {
		return true
	}
	_, last := lastSpace(text)
	switch last {
	case "and", "or", "of", "in", "at", "to", "with", "the":
		return true
	}
	return false
}

// lastSpace cuts text before its last word.
func lastSpace(text string) (string, string) {
	if i := strings.LastIndexByte(text, ' '); i >= 0 {
		return text[:i], text[i+1:]
	}
	return "", text
}

// columnNameLines is the run of lines from line i that are each one name
// of a log's column or of a lesion's field ("Closure (after tumor
// clearance)") and nothing else, as cells.
func columnNameLines(lines []*grammar.Line, i int) []*grammar.Cell {
	short := i // the cheap tests first: a column's name is short, and holds no number or sentence
	for ; short < len(lines); short++ {
		text, _, ok := oneCellText(lines[short])
		if !ok || len(text) > 40 || strings.ContainsAny(text, "0123456789:.,;") || wordCount(text, 4) > 3 && !strings.Contains(text, "(") {
			break
		}
	}
	if short-i < 2 {
		return nil // no table's names: a heading or a field alone
	}
	end := i
	for ; end < short; end++ {
		text, _, _ := oneCellText(lines[end])
		if _, field := lookup(secLesion, text); !field && columnRoleOf(text) == colOther {
			break
		}
	}
	if end-i < 2 {
		return nil
	}
	names := make([]*grammar.Cell, 0, end-i)
	for ; i < end; i++ {
		names = append(names, lineCell(lines[i]))
	}
	return names
}

// lineCell is a line of one cell as that cell, or nil (see oneCellText).
func lineCell(line *grammar.Line) *grammar.Cell {
	text, pos, ok := oneCellText(line)
	if !ok {
		return nil
	}
	return &grammar.Cell{Pos: pos, Text: text}
}

// oneCellText is the text and position of a line of one cell: the line's
// text, a bare key ("Blocks" read as a field) or a label with no name
// ("Lesion"); ok is false for a blank line, a row, a rule, or an item of
// several parts ("Stage 1 histology: …" is a field of its own, no cell).
func oneCellText(line *grammar.Line) (string, lexer.Position, bool) {
	it := line.Item
	if it == nil || it.Marker != nil {
		return "", lexer.Position{}, false
	}
	switch {
	case it.Label != nil:
		if it.Label.Name() == "" && it.Text == nil && len(it.Fields) == 0 {
			return it.Label.Text, it.Label.Pos, true // "Lesion", a label with no name: the lesion column's
		}
	case it.Text != nil && len(it.Fields) == 0:
		return it.Text.Text, it.Text.Pos, true
	case it.Text == nil && len(it.Fields) == 1 && it.Fields[0].Value == nil:
		return it.Fields[0].Key, it.Fields[0].Pos, true
	}
	return "", lexer.Position{}, false
}

// shortCell reports whether a cell is short enough to open a row of a log:
// a stage or lesion number or label ("1", "II", "A", "Stage 2").
func shortCell(s string) bool {
	return len(strings.TrimSpace(s)) <= 8 && wordCount(s, 3) <= 2
}
