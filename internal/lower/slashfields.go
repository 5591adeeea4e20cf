package lower

import (
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/grammar"
)

// slashedFields cuts a field whose value goes on, after " / ", with a
// known key and a colon ("Total stages: 4 / Total blocks: 14") into the
// fields it holds, each part at its position. lines is returned as it is
// when no field's value does.
func slashedFields(lines []*grammar.Line) []*grammar.Line {
	var out []*grammar.Line
	for i, line := range lines {
		var fields []*grammar.Field
		if line.Item != nil {
			for k, f := range line.Item.Fields {
				if parts := slashCut(f); parts != nil {
					fields = append(append(fields, line.Item.Fields[len(fields):k]...), parts...)
				} else if fields != nil {
					fields = append(fields, f)
				}
			}
		}
		if fields == nil {
			if out != nil {
				out = append(out, line)
			}
			continue
		}
		if out == nil {
			out = append(make([]*grammar.Line, 0, len(lines)), lines[:i]...)
		}
		it := *line.Item
		it.Fields = fields
		cp := &grammar.Line{Pos: line.Pos, Item: &it}
		out = append(out, cp)
	}
	if out == nil {
		return lines
	}
	return out
}

// slashCut is a field cut where its value goes on with " / " and a known
// key and a colon, or nil when it does not; a stage's or a repair's field
// reads its items itself.
func slashCut(f *grammar.Field) []*grammar.Field {
	if f.Value == nil || !strings.Contains(f.Value.Text, " / ") || isStageField(f) {
		return nil // a stage's or a repair's value has its own items ("Stg 1: 2 blks / neg / hist: …")
	}
	text := f.Value.Text
	for at := 0; ; {
		k := strings.Index(text[at:], " / ")
		if k < 0 {
			return nil
		}
		k += at
		rest := text[k+len(" / "):]
		key, value, ok := strings.Cut(rest, ":")
		if _, known := lookupAny(key); ok && len(key) <= 30 && known {
			restAt := k + len(" / ")
			value = strings.TrimLeft(value, " \t")
			valueAt := len(text) - len(value)
			next := &grammar.Field{Pos: movedBy(f.Value.Pos, text, restAt), Key: strings.TrimSpace(key)}
			if value != "" {
				next.Value = &grammar.Value{Pos: movedBy(f.Value.Pos, text, valueAt), Text: strings.TrimSpace(value)}
			}
			head := &grammar.Field{Pos: f.Pos, Key: f.Key, Value: &grammar.Value{Pos: f.Value.Pos, Text: strings.TrimSpace(text[:k])}}
			if more := slashCut(next); more != nil {
				return append([]*grammar.Field{head}, more...)
			}
			return []*grammar.Field{head, next}
		}
		at = k + 1
	}
}

// movedBy is pos moved on by the bytes text[:n].
func movedBy(pos lexer.Position, text string, n int) lexer.Position {
	pos.Offset += n
	pos.Column += utf8.RuneCountInString(text[:n])
	return pos
}
