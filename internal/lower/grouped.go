package lower

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/mohscode/mohscode/grammar"
)

// stageHeading is a cell of a grouped header that names one stage: "STAGE
// 1", "Layer 2", "Stage #3".
var stageHeading = regexp.MustCompile(`(?i)^(?:stage|layer|level)\s*#?\s*(\d{1,2})$`)

// stageGroupedTables reads a log printed one row a lesion with the stages
// across, under a header of two rows — the stages over groups of the same
// columns:
//
//	|         |      STAGE 1          |      STAGE 2          |
//	| Lesion  +--------+--------------+--------+--------------+
//	|         | Blocks | Margins      | Blocks | Margins      |
//	| 1       | 3      | pos blk 2    | 1      | clear        |
//
// as the log of one row a stage it stands for ("Lesion | Stage | Blocks |
// Margins", then "1 | 1 | 3 | pos blk 2" and "1 | 2 | 1 | clear"), the
// lines under each row that go on its cells following the stage they go
// on. A group whose cells are all empty or a dash is no stage. lines is
// returned as it is when it holds no such log; the parsed lines are never
// changed.
func stageGroupedTables(lines []*grammar.Line) []*grammar.Line {
	for i := 0; i < len(lines); i++ {
		if out, ok := regroup(lines, i); ok {
			return out
		}
	}
	return lines
}

// regroup rewrites the grouped log whose stage row is line i, if it is one.
func regroup(lines []*grammar.Line, i int) ([]*grammar.Line, bool) {
	stages := stageHeadings(lines[i].Row)
	if len(stages) < 2 {
		return nil, false
	}
	// the row of column names, past rules and a rule row holding the lead
	// column's name ("| Lesion  +--------+----")
	lead := ""
	j := i + 1
	for ; j < len(lines) && j <= i+3; j++ {
		r := lines[j].Row
		if lines[j].Rule != nil {
			continue
		}
		if r == nil {
			return nil, false
		}
		if len(r.Cells) == 1 && strings.Contains(r.Cells[0].Text, "+--") {
			lead = strings.TrimSpace(r.Cells[0].Text[:strings.Index(r.Cells[0].Text, "+")])
			continue
		}
		break
	}
	if j >= len(lines) || lines[j].Row == nil {
		return nil, false
	}
	names := lines[j].Row
	first := names.Cells[0].Pos.Column
	groups := make([][]*grammar.Cell, len(stages))
	for _, c := range names.Cells {
		if c.Text == "" {
			continue
		}
		k := nearestStage(stages, c.Pos.Column)
		groups[k] = append(groups[k], c)
		first = min(first, c.Pos.Column)
	}
	for k := range groups {
		if len(groups[k]) == 0 || len(groups[k]) != len(groups[0]) {
			return nil, false
		}
		for m := range groups[k] {
			if !strings.EqualFold(groups[k][m].Text, groups[0][m].Text) {
				return nil, false // the groups must name the same columns
			}
		}
	}
	if lead == "" {
		for _, c := range lines[i].Row.Cells {
			if c.Text != "" && c.Pos.Column < first {
				lead = c.Text
			}
		}
	}
	if lead == "" {
		lead = "Lesion"
	}
	leadCol := lines[i].Row.Pos.Column + 2
	stageCol := first - 1
	header := []*grammar.Cell{{Pos: at(names.Pos, leadCol), Text: lead}, {Pos: at(names.Pos, stageCol), Text: "Stage"}}
	for _, c := range groups[0] {
		header = append(header, &grammar.Cell{Pos: c.Pos, Text: c.Text})
	}
	out := append([]*grammar.Line{}, lines[:i]...)
	out = append(out, &grammar.Line{Pos: names.Pos, Row: &grammar.Row{Pos: names.Pos, Cells: header}})
	k := j + 1
	for k < len(lines) && (lines[k].Row != nil || lines[k].Rule != nil) {
		if lines[k].Rule != nil {
			out = append(out, lines[k])
			k++
			continue
		}
		// a record: the row, and the rows under it whose lead cell is empty
		rec := []*grammar.Row{lines[k].Row}
		for k+1 < len(lines) && lines[k+1].Row != nil && leadText(lines[k+1].Row, first) == "" {
			k++
			rec = append(rec, lines[k].Row)
		}
		k++
		label := leadText(rec[0], first)
		for g := range stages {
			var rows []*grammar.Row
			empty := true
			for n, r := range rec {
				cells := []*grammar.Cell{{Pos: at(r.Pos, leadCol), Text: ""}, {Pos: at(r.Pos, stageCol), Text: ""}}
				if n == 0 {
					cells[0].Text, cells[1].Text = label, strconv.Itoa(stages[g].number)
				}
				for m, name := range groups[g] {
					c := cellUnder(r, name.Pos.Column, stages, g, first)
					if c != "" && c != "—" && c != "-" && c != "–" {
						empty = false
					}
					cells = append(cells, &grammar.Cell{Pos: at(r.Pos, groups[0][m].Pos.Column), Text: c})
				}
				rows = append(rows, &grammar.Row{Pos: r.Pos, Cells: cells})
			}
			if empty {
				continue
			}
			for _, r := range rows {
				out = append(out, &grammar.Line{Pos: r.Pos, Row: r})
			}
		}
	}
	return append(out, lines[k:]...), true
}

// groupStage is a stage a grouped header names, and the column its name
// is centred on.
type groupStage struct {
	number, col int
}

// stageHeadings are the stages a row names, one a cell, when it names two
// or more and nothing else.
func stageHeadings(r *grammar.Row) []groupStage {
	if r == nil {
		return nil
	}
	var out []groupStage
	for _, c := range r.Cells {
		if c.Text == "" {
			continue
		}
		m := stageHeading.FindStringSubmatch(strings.TrimSpace(c.Text))
		if m == nil {
			return nil
		}
		n, _ := strconv.Atoi(m[1])
		out = append(out, groupStage{number: n, col: c.Pos.Column + len(c.Text)/2})
	}
	return out
}

// nearestStage is the stage whose name stands nearest column col.
func nearestStage(stages []groupStage, col int) int {
	best, dist := 0, math.MaxInt
	for k, s := range stages {
		if d := abs(s.col - col); d < dist {
			best, dist = k, d
		}
	}
	return best
}

// cellUnder is the text of row r's cell under the column name at col of
// stage group g: the cell that starts nearest it within the group.
func cellUnder(r *grammar.Row, col int, stages []groupStage, g, first int) string {
	best, dist := "", math.MaxInt
	for _, c := range r.Cells {
		if c.Pos.Column < first || nearestStage(stages, c.Pos.Column) != g {
			continue
		}
		if d := abs(c.Pos.Column - col); d < dist {
			best, dist = c.Text, d
		}
	}
	return best
}

// leadText is the text of row r's cells left of column first.
func leadText(r *grammar.Row, first int) string {
	var parts []string
	for _, c := range r.Cells {
		if c.Pos.Column < first && c.Text != "" {
			parts = append(parts, c.Text)
		}
	}
	return strings.Join(parts, " ")
}

// at is position p moved to column col of its line.
func at(p lexer.Position, col int) lexer.Position {
	p.Offset += col - p.Column
	p.Column = col
	return p
}
