package lower

import (
	"strings"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/icd10"
)

// headedLesionRows gives a list of lesions set out as rows with no header
// line under a heading,
//
//	SITES TREATED TODAY (all biopsy-proven; path reports reviewed)
//	  A  R nasal sidewall   SCC, moderately diff.   shave bx 11/02/2026 (…)   1.0 x 0.8 cm
//	  B  L postauricular    BCC, nodular            shave bx 11/02/2026 (…)   0.9 x 0.7 cm
//
// the header its cells tell: the first column the lesions' letters or
// numbers in turn (A, B, C or 1, 2, 3), the second their sites, and the
// others, by what every row holds in them, the diagnosis, the biopsy and
// the size. The header takes the heading's place, so that the rows are
// read as the lesions' table, each lesion opened with its site. Under a
// heading that names a lesion's field ("INDICATION FOR MOHS"), rows of a
// label and a value are that field's values by lesion. Rows
// whose columns cannot all be told are left as they are; lines is
// returned as it is when no such list stands under a heading.
func headedLesionRows(lines []*grammar.Line) []*grammar.Line {
	var out []*grammar.Line
	for i := 1; i+1 < len(lines); i++ {
		head := lines[i-1].Item
		if head == nil || head.Text == nil || len(head.Fields) > 0 || head.Marker != nil || head.Label != nil {
			continue
		}
		end := i
		for end < len(lines) && lesionRow(lines[end], end-i, lines[i]) {
			end++
		}
		var names []string
		if end-i >= 2 {
			names = rowColumnNames(lines[i:end])
		} else if end = i; keyedHeading(head.Text.Text) {
			// "INDICATION FOR MOHS" over "A  nose (H-zone); …" / "B  ear …":
			// each lesion's value of the field the heading names
			for end < len(lines) && labelledValue(lines[end], end-i) {
				end++
			}
			if end-i >= 2 {
				names = []string{"Lesion", strings.TrimSpace(head.Text.Text)}
			}
		}
		if names == nil {
			continue
		}
		if out == nil {
			out = append([]*grammar.Line(nil), lines...)
		}
		first := lines[i].Row
		cells := make([]*grammar.Cell, len(first.Cells))
		for k, c := range first.Cells {
			pos := c.Pos
			pos.Line, pos.Offset = head.Pos.Line, head.Pos.Offset
			cells[k] = &grammar.Cell{Pos: pos, Text: names[k]}
		}
		out[i-1] = &grammar.Line{Pos: lines[i-1].Pos, Row: &grammar.Row{Pos: lines[i-1].Pos, Cells: cells}}
		i = end
	}
	if out == nil {
		return lines
	}
	return out
}

// keyedHeading reports whether a heading names a lesion's field
// ("INDICATION FOR MOHS").
func keyedHeading(text string) bool {
	_, known := lookup(secLesion, strings.TrimSuffix(strings.TrimSpace(text), ":"))
	return known
}

// labelledValue reports whether line is row k of a field's values by
// lesion: two cells, the first the k-th letter or number.
func labelledValue(line *grammar.Line, k int) bool {
	if line.Row == nil || len(line.Row.Cells) != 2 || k > 8 {
		return false
	}
	label := strings.TrimSpace(line.Row.Cells[0].Text)
	return label == string(rune('A'+k)) || label == string(rune('1'+k))
}

// lesionRow reports whether line is row k of a lesion list: as many cells
// as the first row, its first the k-th letter or number, its second a site.
func lesionRow(line *grammar.Line, k int, first *grammar.Line) bool {
	if line.Row == nil || first.Row == nil || len(line.Row.Cells) != len(first.Row.Cells) || len(line.Row.Cells) < 3 {
		return false
	}
	label := strings.TrimSpace(line.Row.Cells[0].Text)
	if label != string(rune('A'+k)) && label != string(rune('1'+k)) || k > 8 {
		return false
	}
	_, known := anatomy.Resolve(strings.TrimSpace(line.Row.Cells[1].Text))
	return known
}

// rowColumnNames names the columns of a lesion list by what every row holds
// in them: "Lesion", "Site", then "Diagnosis", "Biopsy" or "Size"; nil when a
// column holds none of them in every row, or one is named twice.
func rowColumnNames(rows []*grammar.Line) []string {
	n := len(rows[0].Row.Cells)
	names := []string{"Lesion", "Site"}
	for c := 2; c < n; c++ {
		name := ""
		for _, kind := range []string{"Biopsy", "Size", "Diagnosis"} {
			every := true
			for _, r := range rows {
				if !cellHolds(kind, strings.TrimSpace(r.Row.Cells[c].Text)) {
					every = false
					break
				}
			}
			if every {
				name = kind
				break
			}
		}
		for _, have := range names {
			if name == have {
				name = ""
			}
		}
		if name == "" {
			return nil
		}
		names = append(names, name)
	}
	return names
}

// cellHolds reports whether a cell holds a lesion's biopsy ("shave bx
// 11/02/2026 (…)"), its size ("1.0 x 0.8 cm") or its diagnosis ("SCC,
// moderately diff.").
func cellHolds(kind, text string) bool {
	lower := asciiLower(text)
	switch kind {
	case "Biopsy":
		return strings.Contains(lower, "bx") || strings.Contains(lower, "biops")
	case "Size":
		_, err := size("Size", &grammar.Value{Text: text})
		return err == nil
	case "Diagnosis":
		return icd10.Recognize(text).Histology != ""
	}
	return false
}
