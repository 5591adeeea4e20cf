package audit

import (
	_ "embed"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:embed report.html.tmpl
var reportTemplate string

// htmlReport is the report's template, parsed on first use.
var htmlReport = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"percent": percent,
		"ints":    func(ns []int) string { return joinInts(ns, ", ") },
		"join":    strings.Join,
		"billed":  billedUnits,
		"engine":  engineUnits,
		"plural":  plural,
	}).Parse(reportTemplate))
})

// WriteHTML writes the report as one self-contained HTML page: the summary,
// a bar chart (inline SVG) of the differences by code family, and tables a
// reader can sort by clicking a column header (a few lines of inline
// script): every line compared, the audit findings, the problems (claim ids
// without a note, notes without claims or not coded) and the documentation
// findings. It loads nothing from anywhere; every text from the notes and
// the claims is escaped by html/template.
func WriteHTML(w io.Writer, r *Report) error {
	return htmlReport().Execute(w, htmlData{Report: r, Chart: newChart(r.Summary), Rows: tableRows(r)})
}

// htmlData is what the template renders.
type htmlData struct {
	*Report
	Chart chart
	Rows  []htmlRow
}

// htmlRow is one row of the lines table.
type htmlRow struct {
	Note string
	LineAudit
}

func tableRows(r *Report) []htmlRow {
	var rows []htmlRow
	for _, n := range r.Notes {
		for _, l := range n.Lines {
			rows = append(rows, htmlRow{Note: n.ID, LineAudit: l})
		}
	}
	return rows
}

// The chart's geometry, in SVG user units.
const (
	chartWidth  = 720
	chartLabelW = 170 // family labels, left of the bars
	chartBarMax = 470 // the longest bar
	chartRowH   = 30
	chartTop    = 40 // room for the legend
)

// chartKinds are the stacked segments of a family's bar, in order.
var chartKinds = []struct{ Kind, Label string }{
	{"missing", "missing"}, {"extra", "extra"}, {"units", "units differ"}, {"modifiers", "modifiers differ"},
}

// chart is a horizontal stacked bar chart of the differences by family.
type chart struct {
	Width, Height int
	Legend        []chartLegend
	Bars          []chartBar
	// Axis is the x of the bars' origin.
	Axis int
}

type chartLegend struct {
	Kind, Label string
	X           int
}

type chartBar struct {
	Label    string
	Y, TextY int
	Total    int
	TotalX   int
	Segments []chartSegment
}

type chartSegment struct {
	Kind, Title string
	X, Width    int
}

func newChart(s Summary) chart {
	c := chart{Width: chartWidth, Axis: chartLabelW, Height: chartTop + chartRowH*len(s.Families) + 10}
	for i, k := range chartKinds {
		c.Legend = append(c.Legend, chartLegend{Kind: k.Kind, Label: k.Label, X: chartLabelW + i*120})
	}
	most := 1
	counts := make([][]int, len(s.Families))
	for i, f := range s.Families {
		counts[i] = []int{f.Missing, f.Extra, f.UnitsDiffer, f.ModifiersDiffer}
		total := 0
		for _, n := range counts[i] {
			total += n
		}
		most = max(most, total)
	}
	for i, f := range s.Families {
		y := chartTop + i*chartRowH
		bar := chartBar{Label: f.Label, Y: y + 4, TextY: y + chartRowH/2 + 5}
		x := chartLabelW
		for j, n := range counts[i] {
			if n == 0 {
				continue
			}
			w := max(n*chartBarMax/most, 2)
			bar.Segments = append(bar.Segments, chartSegment{Kind: chartKinds[j].Kind, X: x, Width: w,
				Title: f.Label + ": " + strconv.Itoa(n) + " " + chartKinds[j].Label})
			x += w
			bar.Total += n
		}
		bar.TotalX = x + 6
		c.Bars = append(c.Bars, bar)
	}
	return c
}
