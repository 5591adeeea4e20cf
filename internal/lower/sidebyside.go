package lower

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/grammar"
)

// sideBySideHeading is a stage's heading as a page set two of them side by
// side: "STAGE 1", "Stage II", "Layer 3:".
var sideBySideHeading = regexp.MustCompile(`(?i)^(stage|layer)\s+(\d{1,2}|[ivx]{1,4})\s*:?$`)

// sideBySideStages reads a page that sets two stages (or two sections)
// side by side, as a two-column PDF report's text keeps it,
//
//	STAGE 1                                        STAGE 2
//	Blocks: 5                                      Blocks: 4
//	Margins: blocks 1 and 4 positive (deep),       Margins: block 2 positive (deep),
//	blocks 2, 3 and 5 clear                        blocks 1, 3 and 4 clear
//
// as the two stages one after the other: the heading of the left column and
// every part of the block's lines left of the right heading's column, then
// the right column's. A value that runs across a gap into the right column
// ("infiltrative cords and small         Taken beneath blocks 1 and 4") is
// cut at the gap. The block ends at a blank line, and its first line holds
// a field on each side (a log's header of two columns has rows under it).
// Every part keeps its position; lines is returned as it is when no row of
// two headings opens such a block.
func sideBySideStages(lines []*grammar.Line) []*grammar.Line {
	var out []*grammar.Line
	copied := 0 // lines[:copied] are in out, when out is not nil
	for i, line := range lines {
		heads := headingPair(line)
		if heads == nil {
			continue
		}
		right := heads[1].Pos.Column - 1 // a part this far right or further is the right column's
		if i+1 == len(lines) || !fieldsBothSides(lines[i+1], right) {
			continue // a log's header of two columns over its rows
		}
		end := i + 1
		for end < len(lines) && !isBlank(lines[end]) {
			end++
		}
		left, rightLines := []*grammar.Line{headingLine(heads[0])}, []*grammar.Line{headingLine(heads[1])}
		for _, l := range lines[i+1 : end] {
			a, b := splitLine(l, right)
			if a != nil {
				left = append(left, a)
			}
			if b != nil {
				rightLines = append(rightLines, b)
			}
		}
		out = append(out, lines[copied:i]...)
		out = append(out, left...)
		out = append(out, rightLines...)
		copied = end
	}
	if out == nil {
		return lines
	}
	return append(out, lines[copied:]...)
}

// headingPair is the two headings of columns set side by side that a line
// holds, as cells, or nil: a row of two cells ("STAGE 1 … STAGE 2",
// "RECONSTRUCTION … POST-OP", "Lesion 1 … Lesion 2"), or a lesion label
// whose text runs across a gap into the next lesion's heading ("LESION 1 –
// STAGES          LESION 2 – STAGES").
func headingPair(line *grammar.Line) []*grammar.Cell {
	var a, b *grammar.Cell
	switch it := line.Item; {
	case line.Row != nil && len(line.Row.Cells) == 2:
		a, b = line.Row.Cells[0], line.Row.Cells[1]
	case it != nil && it.Label != nil && it.Marker == nil && it.Text != nil && len(it.Fields) == 0:
		k := gapBefore(it.Text.Text, 1)
		if k < 0 {
			return nil
		}
		rest := strings.TrimLeft(it.Text.Text[k:], " \t")
		at := len(it.Text.Text) - len(rest)
		a = &grammar.Cell{Pos: it.Label.Pos, Text: it.Label.Text + " – " + strings.TrimSpace(it.Text.Text[:k])}
		b = &grammar.Cell{Pos: movedBy(it.Text.Pos, it.Text.Text, at), Text: rest}
	default:
		return nil
	}
	x, y := strings.TrimSpace(a.Text), strings.TrimSpace(b.Text)
	if sideBySideHeading.MatchString(x) && sideBySideHeading.MatchString(y) || capsHeading(x) && capsHeading(y) ||
		lesionHeading.MatchString(x) && lesionHeading.MatchString(y) {
		return []*grammar.Cell{a, b}
	}
	return nil
}

// lesionHeading is a lesion's heading as a page sets two side by side:
// "Lesion 1", "LESION 2 – STAGES", "Site B".
var lesionHeading = regexp.MustCompile(`(?i)^(lesion|site|tumou?r)\s+#?(\d{1,2}|[a-e])\b[^:]{0,24}$`)

// headingLine is a line of a column's heading: the line the grammar reads
// its text as (a lesion's label, a heading's text), every part at its place
// in the note.
func headingLine(c *grammar.Cell) *grammar.Line {
	parsed, err := grammar.Parse("", c.Text)
	if err != nil || len(parsed.Lines) != 1 || parsed.Lines[0].Item == nil {
		return cellLine(c)
	}
	it := parsed.Lines[0].Item
	at := func(p *lexer.Position) {
		p.Filename, p.Line = c.Pos.Filename, c.Pos.Line
		p.Offset += c.Pos.Offset
		p.Column += c.Pos.Column - 1
	}
	at(&it.Pos)
	if it.Marker != nil {
		at(&it.Marker.Pos)
	}
	if it.Label != nil {
		at(&it.Label.Pos)
	}
	if it.Text != nil {
		at(&it.Text.Pos)
	}
	for _, f := range it.Fields {
		at(&f.Pos)
		if f.Value != nil {
			at(&f.Value.Pos)
		}
	}
	return &grammar.Line{Pos: it.Pos, Item: it}
}

// capsHeading reports whether s is a section's heading in capitals: letters,
// blanks, hyphens, "&" and "/", three letters or more, no lower case.
func capsHeading(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == ' ' || r == '-' || r == '&' || r == '/':
		default:
			return false
		}
	}
	return letters >= 3 && len(s) <= 30
}

// fieldsBothSides reports whether a line holds a field left of column
// right and one at it or beyond: "Blocks: 5      Blocks: 4".
func fieldsBothSides(line *grammar.Line, right int) bool {
	if line.Item == nil || len(line.Item.Fields) < 2 {
		return false
	}
	fs := line.Item.Fields
	return fs[0].Pos.Column < right && fs[len(fs)-1].Pos.Column >= right
}

// cellLine is a line of the cell's text alone.
func cellLine(c *grammar.Cell) *grammar.Line {
	return &grammar.Line{Pos: c.Pos, Item: &grammar.Item{Pos: c.Pos, Text: &grammar.Text{Pos: c.Pos, Text: c.Text}}}
}

// splitLine cuts a line at column right: the parts left of it, and those
// at it or beyond; nil for a side with none.
func splitLine(line *grammar.Line, right int) (*grammar.Line, *grammar.Line) {
	switch {
	case line.Row != nil:
		var a, b []*grammar.Cell
		for _, c := range line.Row.Cells {
			if c.Pos.Column >= right {
				b = append(b, c)
			} else {
				a = append(a, c)
			}
		}
		return cellsLine(a), cellsLine(b)
	case line.Item != nil:
		return splitItem(line.Item, right)
	}
	return line, nil
}

// cellsLine is a line of cells: one cell's text alone, a row of several,
// nil for none.
func cellsLine(cells []*grammar.Cell) *grammar.Line {
	switch len(cells) {
	case 0:
		return nil
	case 1:
		return cellLine(cells[0])
	}
	return &grammar.Line{Pos: cells[0].Pos, Row: &grammar.Row{Pos: cells[0].Pos, Cells: cells}}
}

// splitItem cuts an item's parts at column right; a text or a value that
// runs across a gap into the right column is cut at the gap, its right
// part the right item's text.
func splitItem(it *grammar.Item, right int) (*grammar.Line, *grammar.Line) {
	var a, b grammar.Item
	put := func(pos lexer.Position) *grammar.Item {
		if pos.Column >= right {
			return &b
		}
		return &a
	}
	spill := func(pos lexer.Position, text string) (string, *grammar.Text) {
		k := gapBefore(text, right-pos.Column)
		if k < 0 {
			return text, nil
		}
		rest := strings.TrimLeft(text[k:], " \t")
		at := len(text) - len(rest)
		p := pos
		p.Offset += at
		p.Column += utf8.RuneCountInString(text[:at])
		return strings.TrimRight(text[:k], " \t"), &grammar.Text{Pos: p, Text: rest}
	}
	if it.Marker != nil {
		put(it.Marker.Pos).Marker = it.Marker
	}
	if it.Label != nil {
		put(it.Label.Pos).Label = it.Label
	}
	if it.Text != nil {
		side := put(it.Text.Pos)
		text, over := it.Text.Text, (*grammar.Text)(nil)
		if side == &a {
			text, over = spill(it.Text.Pos, text)
		}
		side.Text = &grammar.Text{Pos: it.Text.Pos, Text: text}
		if over != nil {
			b.Text = over
		}
	}
	for _, f := range it.Fields {
		side := put(f.Pos)
		if side == &a && f.Value != nil {
			if text, over := spill(f.Value.Pos, f.Value.Text); over != nil {
				f = &grammar.Field{Pos: f.Pos, Key: f.Key, Value: &grammar.Value{Pos: f.Value.Pos, Text: text}}
				if b.Text == nil && len(b.Fields) == 0 {
					b.Text = over
				}
			}
		}
		side.Fields = append(side.Fields, f)
	}
	return itemLine(&a), itemLine(&b)
}

// itemLine is a line of the item, nil for an empty one.
func itemLine(it *grammar.Item) *grammar.Line {
	pos, ok := itemPos(it)
	if !ok {
		return nil
	}
	it.Pos = pos
	return &grammar.Line{Pos: pos, Item: it}
}

// itemPos is the position of an item's first part.
func itemPos(it *grammar.Item) (lexer.Position, bool) {
	switch {
	case it.Marker != nil:
		return it.Marker.Pos, true
	case it.Label != nil:
		return it.Label.Pos, true
	case it.Text != nil:
		return it.Text.Pos, true
	case len(it.Fields) > 0:
		return it.Fields[0].Pos, true
	}
	return lexer.Position{}, false
}

// gapBefore is the byte offset in text of a run of three blanks or more
// whose following word starts at rune column at or beyond (counted from
// the text's first rune, 0), or -1.
func gapBefore(text string, at int) int {
	col := 0
	for i := 0; i < len(text); {
		if strings.HasPrefix(text[i:], "   ") {
			j := i
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			if j < len(text) && col+(j-i) >= at {
				return i
			}
			col += j - i
			i = j
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
		col++
	}
	return -1
}
